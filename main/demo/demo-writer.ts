// Writes a generated district into an empty database in one transaction, in chunks, with progress.

import type { DataSource } from 'typeorm';
import { AppError } from '../../shared/errors';
import { runBulkTransaction, type BulkTransaction } from '../db/bulk-transaction';
import { rawConnection } from '../db/raw-connection';
import { refreshDerived } from '../db/derived';
import { demoInserts } from '../db/sql/demo.sql';
import { analyze, contentCounts } from '../db/sql/maintenance.sql';
import { bulkRun, managerRun } from '../db/sql/run';
import type { JobHandle } from '../jobs/job-registry';
import { DEMO_EXTENSIONS } from './extension-registry';
import type { DemoDistrict, DemoEmployee, DemoPosition, DemoPositionHistory, DemoRankHistory, DemoUnit } from './generate';

/** The INSERT statements (main/db/sql/demo.sql.ts) and row mappers, shared with the benchmark's raw
 *  better-sqlite3 baseline so both write exactly the same rows through exactly the same SQL. */
export const DEMO_INSERTS = {
  unit: {
    sql: demoInserts.unit,
    params: (u: DemoUnit) => [u.id, u.code, u.name, u.kind, u.parentId, u.rootId, u.path, u.depth, u.sortOrder],
  },
  position: {
    sql: demoInserts.position,
    params: (p: DemoPosition) => [p.id, p.code, p.name, p.kind, p.level, p.eselon, p.unitId, p.family, p.minGolongan, p.maxGolongan, p.bupOverride, p.isKey ? 1 : 0, p.quota],
  },
  employee: {
    sql: demoInserts.employee,
    params: (e: DemoEmployee, now: string) => [e.id, e.nip, e.nipLama, e.siasnId, e.frontTitle, e.name, e.backTitle, e.birthPlace, e.birthDate,
      e.gender, e.employmentType, e.cpnsTmt, e.pnsTmt, e.golongan, e.golonganTmt, e.mkGolonganYears, e.mkGolonganMonths, e.positionId, e.positionTmt, e.unitId, e.educationLevel,
      e.educationMajor, e.educationInstitution, e.educationYear, e.status, e.statusDate, e.email, e.phone, now, now],
  },
  positionHistory: {
    sql: demoInserts.positionHistory,
    params: (h: DemoPositionHistory, now: string) => [h.employeeId, h.positionId, h.positionName, h.positionLevel, h.unitId, h.unitName, h.tmt, h.endDate, h.skNumber, now],
  },
  rankHistory: {
    sql: demoInserts.rankHistory,
    params: (h: DemoRankHistory, now: string) => [h.employeeId, h.golongan, h.tmt, h.kind, h.skNumber, h.mkYears, h.mkMonths, now],
  },
} as const;

const CHUNK = 2_000;

export interface DemoWriteCounts {
  units: number;
  positions: number;
  employees: number;
}

export async function assertEmptyDatabase(dataSource: DataSource): Promise<void> {
  const { employees, units } = await contentCounts(managerRun(dataSource));
  if (employees > 0 || units > 0) {
    throw new AppError('conflict', 'Data demo hanya dapat dimuat ke database yang masih kosong; database ini sudah berisi data.');
  }
}

export interface DemoWriteOptions {
  job?: JobHandle;
  seed?: number;
  /** Also write the capabilities' demo data (DEMO_EXTENSIONS; true = all, or the names of some, for tests that
   *  start from one capability's data alone); the bench times the base rows alone. */
  extensions?: boolean | readonly string[];
}

export async function writeDemoDistrict(dataSource: DataSource, district: DemoDistrict, now: string, options: DemoWriteOptions = {}): Promise<DemoWriteCounts> {
  const { job, seed = 0, extensions = true } = options;
  await assertEmptyDatabase(dataSource);
  const total = district.units.length + district.positions.length + district.employees.length + district.positionHistory.length + district.rankHistory.length;
  let done = 0;

  await runBulkTransaction(dataSource, async (tx) => {
    const write = async <T>(phase: string, rows: readonly T[], sql: string, params: (row: T) => unknown[]) => {
      const statement = tx.statement(sql);
      for (let i = 0; i < rows.length; i += CHUNK) {
        const end = Math.min(rows.length, i + CHUNK);
        for (let j = i; j < end; j++) statement.run(params(rows[j]));
        done += end - i;
        if (job) {
          job.progress(phase, done, total);
          await tx.breathe();
          job.throwIfCancelled();
        }
      }
    };
    await write('Menyimpan unit kerja', district.units, DEMO_INSERTS.unit.sql, DEMO_INSERTS.unit.params);
    await write('Menyimpan jabatan', district.positions, DEMO_INSERTS.position.sql, DEMO_INSERTS.position.params);
    await write('Menyimpan pegawai', district.employees, DEMO_INSERTS.employee.sql, (e) => DEMO_INSERTS.employee.params(e, now));
    await write('Menyimpan riwayat jabatan', district.positionHistory, DEMO_INSERTS.positionHistory.sql, (h) => DEMO_INSERTS.positionHistory.params(h, now));
    await write('Menyimpan riwayat pangkat', district.rankHistory, DEMO_INSERTS.rankHistory.sql, (h) => DEMO_INSERTS.rankHistory.params(h, now));
    await refreshDerived(bulkRun(tx), 'employee', 'all');
    if (extensions) await runExtensions(tx, district, seed, now, job, extensions === true ? undefined : extensions);
  });
  // Fresh statistics let the query planner pick the NIP and name indexes over the status index.
  analyze(rawConnection(dataSource));
  return { units: district.units.length, positions: district.positions.length, employees: district.employees.length };
}

async function runExtensions(tx: BulkTransaction, district: DemoDistrict, seed: number, now: string, job?: JobHandle, only?: readonly string[]): Promise<void> {
  for (const extension of DEMO_EXTENSIONS) {
    if (only && !only.includes(extension.name)) continue;
    job?.throwIfCancelled();
    await extension.write({ tx, district, seed, now, job });
  }
}

/** The capabilities' demo data alone, on a database that already holds `district` (used by the bench). */
export async function writeDemoExtensions(dataSource: DataSource, district: DemoDistrict, now: string, seed: number): Promise<void> {
  await runBulkTransaction(dataSource, (tx) => runExtensions(tx, district, seed, now));
  analyze(rawConnection(dataSource));
}
