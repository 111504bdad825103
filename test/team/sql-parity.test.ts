// Every statement of main/db/sql answers the same on PostgreSQL as on SQLite: the demo district is loaded into a
// SQLite file, copied into PostgreSQL with migrate-db, and each module's functions are called on both
// (test/team/sql-parity-cases.ts). Reads are compared as they come back (as sets only where the SQL fixes no
// order); writers and the derived-table refreshers run on both inside a rolled-back transaction, and the tables
// they write are compared whole.

import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeConnection, type PostgresConnection } from '../../main/db/connection';
import { createDataSource, createPostgresDataSource } from '../../main/db/data-source';
import { DERIVED_REFRESHERS } from '../../main/db/derived';
import { migrateDatabase } from '../../main/db/migrate-db';
import { dialectOf, managerRun, rowsOf, type Run } from '../../main/db/sql/run';
import { startHost } from '../../main/host';
import { fixedClock } from '../../main/services/clock';
import { usePostgresDatabase } from '../helpers/postgres';
import { TEST_TODAY, tempDir } from '../helpers/temp-db';
import { parityFixture, readCases, writeCases, type ParityFixture } from './sql-parity-cases';
import { firstDifference, normalised, unorderedRows } from './sql-parity-compare';

class RolledBack extends Error {}

/** The rows of each table after `write` ran on this database, the write itself rolled back. */
async function tablesAfter(dataSource: DataSource, tables: readonly string[], write: (run: Run) => Promise<unknown>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  await dataSource.transaction(async (manager: EntityManager) => {
    const run = managerRun(manager);
    // A rolled-back insert gives its id back in SQLite but not to a PostgreSQL sequence: an earlier case's
    // inserts would shift this one's ids. Each case starts both from the largest stored id.
    if (dialectOf(run) === 'postgres') {
      for (const table of tables.filter((t) => !t.includes('.'))) {
        const identity = await rowsOf(run, `SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?
          AND column_name = 'id' AND is_identity = 'YES'`, [table]);
        if (identity.length) await run(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM ${table}`, []);
      }
    }
    await write(run);
    for (const target of tables) {
      // A derived column (`employee.retirement_date`) is read with the row id.
      const [table, column] = target.split('.');
      const rows = await rowsOf<Record<string, unknown>>(run, column ? `SELECT id, ${column} FROM ${table}` : `SELECT * FROM ${table}`);
      // A boolean column of the schema is boolean on PostgreSQL and 0/1 in SQLite: the same stored value.
      out[target] = unorderedRows(normalised(rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v])))));
    }
    throw new RolledBack();
  }).catch((error: unknown) => {
    if (!(error instanceof RolledBack)) throw error;
  });
  return out;
}

describe('main/db/sql on PostgreSQL answers as on SQLite (the demo district in both)', () => {
  const dir = tempDir('jenjang-sql-parity-');
  let lite: DataSource;
  let server: DataSource;
  let fixture: ParityFixture;

  beforeAll(async () => {
    const demo = path.join(dir, 'demo.sqlite');
    const host = await startHost({ dbPath: demo, transport: 'test', clock: fixedClock(TEST_TODAY), validateResponses: true, log: () => undefined });
    try {
      await host.services.demo.load({ employees: 250, seed: 11, actor: 'tester', extensions: true });
    } finally {
      await host.close();
    }
    const target = await usePostgresDatabase();
    await migrateDatabase(demo, target.url);
    lite = createDataSource({ database: demo });
    await lite.initialize();
    server = createPostgresDataSource(describeConnection(target.url) as PostgresConnection);
    await server.initialize();
    fixture = await parityFixture(managerRun(lite));
  }, 120_000);

  afterAll(async () => {
    await lite?.destroy();
    await server?.destroy();
  });

  it('every read gives the same rows', async () => {
    const differences: string[] = [];
    for (const c of readCases) {
      const answer = async (dataSource: DataSource, side: string) => {
        try {
          const value = normalised(await c.call(managerRun(dataSource), fixture, dataSource));
          return c.unordered ? unorderedRows(value) : value;
        } catch (error) {
          return `fails on ${side}: ${(error as Error).message}`;
        }
      };
      const difference = firstDifference(await answer(lite, 'SQLite'), await answer(server, 'PostgreSQL'));
      if (difference) differences.push(`${c.name}: ${difference}`);
    }
    expect(differences).toEqual([]);
    expect(readCases.length).toBeGreaterThan(100);
  });

  it('writers and refreshers leave the same rows', async () => {
    const cases = [
      ...writeCases.map((c) => ({ name: c.name, tables: c.tables, write: (run: Run) => c.write(run, fixture) })),
      // Every derived table recomputed for a few employees and for the whole district.
      ...DERIVED_REFRESHERS.flatMap((r) => [
        { name: `${r.name} (some)`, tables: r.targets ?? [], write: (run: Run) => r.refresh(run, fixture.employeeIds.slice(0, 12)) },
        { name: `${r.name} (all)`, tables: r.targets ?? [], write: (run: Run) => r.refresh(run, 'all') },
      ]),
    ];
    const differences: string[] = [];
    for (const c of cases) {
      const after = async (dataSource: DataSource, side: string) => {
        try {
          return await tablesAfter(dataSource, c.tables, c.write);
        } catch (error) {
          return `fails on ${side}: ${(error as Error).message}`;
        }
      };
      const difference = firstDifference(await after(lite, 'SQLite'), await after(server, 'PostgreSQL'));
      if (difference) differences.push(`${c.name}: ${difference}`);
    }
    expect(differences).toEqual([]);
  });
});
