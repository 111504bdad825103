// The Kualitas Data index from the derived table employee_quality (main/db/sql/quality.sql.ts) through any Run: a
// reader for the screen and the stats, the import's transaction when it records the index after a commit. The
// stable checks' answers come from the table, the dated ones are evaluated for the as-of day; the counting and the
// index are the pure rules of shared/domain/quality.ts.

import type { IsoDate } from '../../shared/domain/dates';
import { datedBits, DUPLICATE_CHECK, QUALITY_CHECKS, qualityIndex, tallyBits, type PersonBits } from '../../shared/domain/quality';
import { qualitySettings, type QualityOverview, type QualitySettings } from '../../shared/schemas/quality';
import { qualitySql, type QualityBitsRow } from './sql/quality.sql';
import type { Run } from './sql/run';

const NO_UNIT = 'Tanpa unit kerja';

/** The year whose annual SKP the check of last year's SKP asks for. */
export const skpYearOf = (asOf: IsoDate) => Number(asOf.slice(0, 4)) - 1;

/** A derived row's bits on the as-of day: the stored stable ones and the dated ones evaluated now. */
export function bitsOn(row: QualityBitsRow, asOf: IsoDate): PersonBits {
  const dated = datedBits({ cpnsTmt: row.cpns_tmt, retirementDate: row.retirement_date, hasSkpLastYear: !!row.has_skp }, asOf);
  return { applicable: row.applicable_mask | dated.applicable, found: row.found_mask | dated.found, duplicateKey: row.duplicate_key };
}

/** Each check's weight: the setting, else the check's default. */
export function qualityWeights(settings: QualitySettings): Record<string, number> {
  return Object.fromEntries([...QUALITY_CHECKS, DUPLICATE_CHECK].map((c) => [c.key, settings.weights[c.key] ?? c.defaultWeight]));
}

/** The weights as stored, read by SQL (a value the settings schema refuses counts as no setting). */
export async function storedQualityWeights(run: Run): Promise<Record<string, number>> {
  const value = await qualitySql.weightsSetting(run);
  let weights: QualitySettings['weights'] = {};
  try {
    const parsed = qualitySettings.shape.weights.safeParse(value === null ? {} : JSON.parse(value));
    if (parsed.success) weights = parsed.data;
  } catch {
    // not JSON: the defaults
  }
  return qualityWeights({ weights });
}

/** The index for the district and each perangkat daerah, and each check's counts. */
export async function qualityOverviewFrom(run: Run, asOf: IsoDate, weights: Record<string, number>): Promise<QualityOverview> {
  const rows = await qualitySql.derived(run, skpYearOf(asOf), null, false);
  const { total: counts, groups } = tallyBits(rows.map((r) => bitsOn(r, asOf)), (i) => rows[i].root_unit_id);
  const opds = await qualitySql.opds(run);
  const units: QualityOverview['units'] = opds.filter((u) => groups.has(u.id)).map((u) => {
    const group = groups.get(u.id)!;
    return { unitId: u.id, name: u.name, population: group.population, index: qualityIndex(group.counts, weights) };
  });
  const homeless = groups.get(null);
  if (homeless) units.push({ unitId: null, name: NO_UNIT, population: homeless.population, index: qualityIndex(homeless.counts, weights) });
  const described = [...QUALITY_CHECKS, DUPLICATE_CHECK];
  return {
    population: rows.length,
    index: qualityIndex(counts, weights),
    checks: counts.map((c) => {
      const check = described.find((d) => d.key === c.key)!;
      return { key: c.key, group: check.group, label: check.label, advice: check.advice, weight: weights[c.key], applicable: c.applicable, found: c.found };
    }),
    units,
  };
}

/**
 * Records the index as it stands for the district and every perangkat daerah with people: after an import's commit
 * (in its transaction, reason 'impor') or by the daily record ('harian'). Nothing is recorded for a database
 * without active employees (a new database before its first import or demo). Returns whether it recorded.
 */
export async function recordQualityIndex(run: Run, record: { asOf: IsoDate; at: string; reason: 'impor' | 'harian'; snapshotId: number | null; weights?: Record<string, number> }): Promise<boolean> {
  const overview = await qualityOverviewFrom(run, record.asOf, record.weights ?? await storedQualityWeights(run));
  if (overview.population === 0) return false;
  const base = { takenOn: record.asOf, takenAt: record.at, reason: record.reason, snapshotId: record.snapshotId };
  await qualitySql.insertHistory(run, { ...base, unitId: null, population: overview.population, index: overview.index });
  for (const unit of overview.units) {
    if (unit.unitId !== null) await qualitySql.insertHistory(run, { ...base, unitId: unit.unitId, population: unit.population, index: unit.index });
  }
  return true;
}
