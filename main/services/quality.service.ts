// Kualitas Data: the checks of shared/domain/quality.ts over the active employees, summed per perangkat daerah
// into the index, and the people one check finds. The stable checks' answers are read from the derived table
// employee_quality (kept on write, main/db/derived.ts), the dated ones evaluated on each read; the checks and
// the index are the pure rules, so the screen, the stats and the tests count the same way.

import type { DataSource } from 'typeorm';
import { checkBit, DUPLICATE_CHECK, duplicatedKeys, QUALITY_CHECKS } from '../../shared/domain/quality';
import { AppError } from '../../shared/errors';
import { qualitySettings, type QualityOverview, type QualitySettings, type QualityTrend } from '../../shared/schemas/quality';
import { bitsOn, qualityOverviewFrom, qualityWeights, recordQualityIndex, skpYearOf } from '../db/quality-index';
import type { QualityDerivedRow, QualitySql } from '../db/sql/quality.sql';
import { managerRun, type Run } from '../db/sql/run';
import type { Clock } from './clock';
import type { SettingsSectionDefinition } from './settings/settings-section';

export const QUALITY_SETTINGS: SettingsSectionDefinition<QualitySettings> = {
  prefix: 'quality',
  title: 'kualitas data',
  schema: qualitySettings,
  defaults: { weights: {} },
  labels: { weights: 'Bobot pemeriksaan kualitas data' },
};

export class QualityService {
  private readonly read: Run;

  constructor(private readonly dataSource: DataSource, private readonly clock: Clock, private readonly sql: QualitySql, private readonly settings: () => Promise<QualitySettings>) {
    this.read = managerRun(dataSource);
  }

  async overview(): Promise<QualityOverview> {
    return qualityOverviewFrom(this.read, this.clock.today(), qualityWeights(await this.settings()));
  }

  /** The people one check finds, in name order (the duplicate check: across the district, shown within the unit). */
  async findings(request: { check: string; unitId?: number; offset: number; limit: number }) {
    const asOf = this.clock.today();
    const duplicates = request.check === DUPLICATE_CHECK.key;
    const bit = checkBit(request.check);
    if (!duplicates && bit === null) throw new AppError('not_found', 'Pemeriksaan kualitas data ini tidak dikenal.');
    const rows = await this.sql.derived(this.read, skpYearOf(asOf), duplicates ? null : request.unitId ?? null, true);
    let found: QualityDerivedRow[];
    if (duplicates) {
      const twice = duplicatedKeys(rows.map((r) => r.duplicate_key));
      found = rows.filter((r) => r.duplicate_key !== null && twice.has(r.duplicate_key) && (request.unitId === undefined || r.root_unit_id === request.unitId));
    } else {
      found = rows.filter((r) => (bitsOn(r, asOf).found & bit!) !== 0);
    }
    const page = found.slice(request.offset, request.offset + request.limit);
    // The words of each finding from the whole record of the people on this page.
    const records = new Map((await this.sql.readFacts(this.read, page.map((r) => r.id), skpYearOf(asOf))).map((p) => [p.row.id, p]));
    const check = QUALITY_CHECKS.find((c) => c.key === request.check);
    return {
      total: found.length,
      rows: page.filter((r) => records.has(r.id)).map((r) => {
        const { row, facts } = records.get(r.id)!;
        const finding = !check ? 'Nama dan tanggal lahir sama dengan pegawai lain.'
          : (check.dated ? check.find(facts, asOf) : check.find(facts)) ?? check.label;
        return { employeeId: row.id, nip: row.nip, name: row.name, unitName: row.unit_name, finding };
      }),
    };
  }

  /** The index over time for the district (or one perangkat daerah), and its move between the two latest imports. */
  async trend(unitId: number | null): Promise<QualityTrend> {
    const point = (r: Awaited<ReturnType<QualitySql['history']>>[number]) => ({
      takenOn: r.taken_on, reason: r.reason as 'impor' | 'harian', fileName: r.file_name, population: r.population, index: r.quality_index,
    });
    const rows = await this.sql.history(this.read, unitId);
    const imports = rows.filter((r) => r.reason === 'impor');
    if (imports.length < 2) return { points: rows.map(point), sinceLastImport: null, units: [] };
    const [previous, latest] = imports.slice(-2);
    const delta = (before: number | null, after: number | null) => (before === null || after === null ? null : Math.round((after - before) * 10) / 10);
    let units: QualityTrend['units'] = [];
    if (unitId === null) {
      const atImports = await this.sql.unitsAtSnapshots(this.read, [previous.snapshot_id!, latest.snapshot_id!]);
      const before = new Map(atImports.filter((r) => r.snapshot_id === previous.snapshot_id).map((r) => [r.unit_id, r.quality_index]));
      units = atImports.filter((r) => r.snapshot_id === latest.snapshot_id && before.has(r.unit_id))
        .map((r) => ({ unitId: r.unit_id, delta: delta(before.get(r.unit_id)!, r.quality_index) }));
    }
    return {
      points: rows.map(point),
      sinceLastImport: { previous: point(previous), latest: point(latest), delta: delta(previous.quality_index, latest.quality_index) },
      units,
    };
  }

  /** Records the index once a day at most (a day with an import already has its record). */
  async recordDaily(): Promise<{ recorded: boolean; takenOn: string }> {
    const asOf = this.clock.today();
    const weights = qualityWeights(await this.settings());
    const recorded = await this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      if (await this.sql.recordedOn(run, asOf)) return false;
      return recordQualityIndex(run, { asOf, at: this.clock.now(), reason: 'harian', snapshotId: null, weights });
    });
    return { recorded, takenOn: asOf };
  }

  /** `stats --json` → dataQuality: the district's index and how many each check finds. */
  async statsSection() {
    const overview = await this.overview();
    return { index: overview.index, byCheck: Object.fromEntries(overview.checks.map((c) => [c.key, c.found])) };
  }
}
