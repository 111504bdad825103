// The Suksesi overview and `stats --json` "succession": every active key position with its incumbent, TMT pensiun,
// risk and bench; the vacancy timeline, the bench per readiness, the risk per perangkat daerah and the people
// named in many plans.

import type { IsoDate } from '../../../shared/domain/dates';
import { assessRisk, describeRiskRule, emptyBench, READINESS } from '../../../shared/domain/succession';
import type { KeyPositionRow, SuccessionOverview, SuccessionSettings } from '../../../shared/schemas/succession';
import { fullName } from '../../../shared/domain/employee-status';
import type { SqlDialect } from '../../db/sql';
import type { TupleSource } from '../../db/sql/tuples';
import { holdsBefore, type KeyPositionTuple, type PlanCandidateRecord } from '../../db/sql/succession/overview.sql';
import { benchOf, incumbentDto, vacancyDateOf } from './targets';

export interface SuccessionStats {
  keyPositions: number;
  atRisk: number;
  withReadyNow: number;
  vacanciesByYear: Record<string, number>;
}

/** localeCompare(…, 'id') with the collator made once (localeCompare with a locale builds one per comparison). */
const indonesianOrder = new Intl.Collator('id').compare;

/** Every plan with its candidates in order, by position. */
export type PlanIndex = Map<number, { planId: number; updatedAt: string; candidates: PlanCandidateRecord[] }>;

export class SuccessionOverviewReader {
  /** `source` gives where the reads go: SQLite's own connection (prepared statements answering arrays) or, in team
   *  mode, a Run toward the server. */
  constructor(private readonly sql: SqlDialect, private readonly source: () => TupleSource) {}

  /** `settings` may still be on its way: the plans, the posts and the settings are read together (on a server
   *  each is a round trip). */
  async overview(today: IsoDate, settingsRead: SuccessionSettings | Promise<SuccessionSettings>): Promise<SuccessionOverview> {
    const [plans, posts, settings] = await Promise.all([this.planIndex(), this.sql.succession.overview.keyPositions(this.source()), settingsRead]);
    const rows = keyPositionRowsOf(posts, plans, today, settings);
    const firstYear = Number(today.slice(0, 4));
    const timeline = Array.from({ length: 6 }, (_, i) => ({ year: firstYear + i, count: 0, tinggi: 0, sedang: 0, rendah: 0 }));
    const byOpd = new Map<string, { opd: string; total: number; tinggi: number; sedang: number; rendah: number; readyNow: number }>();
    const bench = emptyBench();
    for (const row of rows) {
      const retirement = row.incumbent?.retirementDate;
      if (retirement) {
        const bucket = timeline[Math.max(0, Number(retirement.slice(0, 4)) - firstYear)];
        if (bucket) {
          bucket.count += 1;
          bucket[row.risk] += 1;
        }
      }
      const opd = row.opdName ?? 'Tanpa unit kerja';
      const entry = byOpd.get(opd) ?? { opd, total: 0, tinggi: 0, sedang: 0, rendah: 0, readyNow: 0 };
      entry.total += 1;
      entry[row.risk] += 1;
      if (row.bench.siap_sekarang > 0) entry.readyNow += 1;
      byOpd.set(opd, entry);
      for (const r of READINESS) bench[r.code] += row.bench[r.code];
    }
    const overReliance = overRelianceOf(plans, settings.rules.overRelianceThreshold);
    return {
      asOf: today,
      riskRule: describeRiskRule(settings.risk, settings.readinessLabels),
      readinessLabels: settings.readinessLabels,
      totals: {
        keyPositions: rows.length,
        vacantNow: rows.filter((r) => r.vacantNow).length,
        tinggi: rows.filter((r) => r.risk === 'tinggi').length,
        sedang: rows.filter((r) => r.risk === 'sedang').length,
        rendah: rows.filter((r) => r.risk === 'rendah').length,
        withReadyNow: rows.filter((r) => r.bench.siap_sekarang > 0).length,
        withPlan: rows.filter((r) => r.planId !== null).length,
        overReliance: overReliance.length,
      },
      positions: rows,
      timeline,
      byOpd: [...byOpd.values()].sort((a, b) => b.tinggi - a.tinggi || b.sedang - a.sedang || indonesianOrder(a.opd, b.opd)),
      bench,
      overReliance,
    };
  }

  /** Key positions, those at risk tinggi, those with a successor ready now, and key positions whose incumbent
   *  reaches TMT pensiun in each of the five calendar years after `asOf`'s year. */
  async stats(asOf: IsoDate, settings: SuccessionSettings): Promise<SuccessionStats> {
    const rows = await this.keyPositionRows(asOf, settings);
    const firstYear = Number(asOf.slice(0, 4)) + 1;
    const vacanciesByYear: Record<string, number> = {};
    for (let y = firstYear; y < firstYear + 5; y++) vacanciesByYear[String(y)] = 0;
    for (const row of rows) {
      const year = row.incumbent?.retirementDate?.slice(0, 4);
      if (year && year in vacanciesByYear) vacanciesByYear[year] += 1;
    }
    return {
      keyPositions: rows.length,
      atRisk: rows.filter((r) => r.risk === 'tinggi').length,
      withReadyNow: rows.filter((r) => r.bench.siap_sekarang > 0).length,
      vacanciesByYear,
    };
  }

  /** Every active key position with its incumbent, risk and bench (one query each for posts and plans). */
  async keyPositionRows(today: IsoDate, settings: SuccessionSettings): Promise<KeyPositionRow[]> {
    const [posts, plans] = await Promise.all([this.sql.succession.overview.keyPositions(this.source()), this.planIndex()]);
    return keyPositionRowsOf(posts, plans, today, settings);
  }

  async planIndex(): Promise<PlanIndex> {
    const index: PlanIndex = new Map();
    for (const t of await this.sql.succession.overview.planCandidates(this.source())) {
      const positionId = t[1];
      let plan = index.get(positionId);
      if (!plan) index.set(positionId, (plan = { planId: t[0], updatedAt: t[2], candidates: [] }));
      const employeeId = t[9];
      if (employeeId === null) continue;
      plan.candidates.push({
        planId: t[0], positionId, updatedAt: t[2], employeeId, readiness: t[4], rank: t[5], status: t[6], retirementDate: t[7],
        candidatePositionId: t[8], nip: t[10], fullName: fullName(t[11]!, t[12], t[13]), planPositionName: t[3],
      });
    }
    return index;
  }
}

/** The answer rows of the key posts read (keyPositions' order). */
function keyPositionRowsOf(posts: readonly KeyPositionTuple[], plans: PlanIndex, today: IsoDate, settings: SuccessionSettings): KeyPositionRow[] {
  const rows: KeyPositionRow[] = [];
  for (let i = 0; i < posts.length; i++) {
    let post = posts[i];
    // A second active holder of one post (a data error) follows the first: the one that holds before counts.
    while (i + 1 < posts.length && posts[i + 1][0] === post[0]) {
      i += 1;
      if (holdsBefore(posts[i], post)) post = posts[i];
    }
    rows.push(keyPositionRow(post, plans, today, settings));
  }
  return rows;
}

/** One key post's answer row: its incumbent, when it falls vacant, its bench and risk, its plan. */
function keyPositionRow(post: KeyPositionTuple, plans: PlanIndex, today: IsoDate, settings: SuccessionSettings): KeyPositionRow {
  const [id, name, level, eselon, unitName, opdName, holderId, nip, holderName, frontTitle, backTitle, retirementDate] = post;
  const incumbent = holderId === null ? null : { employeeId: holderId, nip: nip!, fullName: fullName(holderName!, frontTitle, backTitle), retirementDate };
  const vacancyDate = vacancyDateOf(retirementDate, incumbent !== null, today);
  const plan = plans.get(id);
  const bench = benchOf(plan?.candidates ?? [], holderId, vacancyDate);
  const risk = assessRisk({ today, vacantNow: incumbent === null, retirementDate: incumbent ? retirementDate : null, bench }, settings.risk, settings.readinessLabels);
  return {
    positionId: id, name, level, eselon, unitName, opdName, isKey: true,
    incumbent: incumbent ? incumbentDto(incumbent, today) : null,
    vacantNow: incumbent === null, vacancyDate, risk: risk.level, riskReason: risk.reason, bench,
    planId: plan?.planId ?? null, planUpdatedAt: plan?.updatedAt ?? null,
  };
}

/**
 * The active people named in at least `threshold` plans, most plans first, each with the posts of those plans by
 * name. Worked out from the plan index the overview has read anyway (a second read of the same candidates cost a
 * quarter of the overview): people in id order and names in code-point order, which is the order SQLite's
 * `ORDER BY c.employee_id, pp.name` gave (BINARY collation compares UTF-8 bytes, that is code points).
 */
export function overRelianceOf(plans: PlanIndex, threshold: number): SuccessionOverview['overReliance'] {
  const byEmployee = new Map<number, SuccessionOverview['overReliance'][number]>();
  for (const plan of plans.values()) {
    for (const c of plan.candidates) {
      if (c.employeeId === null || c.status !== 'active' || c.planPositionName === null) continue;
      let entry = byEmployee.get(c.employeeId);
      if (!entry) byEmployee.set(c.employeeId, (entry = { employeeId: c.employeeId, nip: c.nip!, fullName: c.fullName!, planCount: 0, positions: [] }));
      entry.planCount += 1;
      entry.positions.push(c.planPositionName);
    }
  }
  const named = [...byEmployee.values()].filter((e) => e.planCount >= threshold).sort((a, b) => a.employeeId - b.employeeId);
  for (const e of named) e.positions.sort(compareCodePoints);
  return named.sort((a, b) => b.planCount - a.planCount || indonesianOrder(a.fullName, b.fullName));
}

/** Code-point order of two strings (UTF-16 order differs only between surrogates and U+E000–U+FFFF). */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

const codePointRank = (unit: number) => (unit < 0xd800 ? unit : unit >= 0xe000 ? unit - 0x800 : unit + 0x2000);
