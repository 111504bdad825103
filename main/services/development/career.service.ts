// Career moves: rotation candidates (PP 11/2017 Pasal 190; DOMAIN.md §13: flag after N years in the same
// position, N ≥ 2) and the regular-promotion nominative list for a period of the calendar in Pengaturan
// (DOMAIN.md §4.3 and §13: ≥ 4 years in rank, at least Baik in each of the last 2 annual SKP, not above the
// education ceiling of §4.2).
//
// The promotion list is computed on request from one query: the active PNS who have 4 years in rank at the
// TMT, with their two annual SKP joined by the unique (employee, year, period) index, then judged by the
// shared rule. "Years in position" is counted from TMT jabatan as recorded on the employee.

import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { addMonths, type IsoDate } from '../../../shared/domain/dates';
import {
  assessRegularPromotion, isPromotionPeriod, monthsInPosition, promotionSkpYears, REGULAR_PROMOTION_MONTHS_IN_RANK, rotationCutoff,
  serviceYearsMonths, skpLabel, skpMeetsBaik, upcomingPromotionPeriods, type AnnualSkp,
} from '../../../shared/domain/development';
import { formatDateId } from '../../../shared/format/id-format';
import { AppError } from '../../../shared/errors';
import type { PromotionRow } from '../../../shared/ipc/channels/development.channels';
import type { Clock } from '../clock';
import { collator, employeeSearch, num, personName, rollupByUnit, str, unitSubtree, type Rows } from './common';
import { rawConnection } from '../../db/raw-connection';
import { annualSkpJoin } from './inputs';
import type { DevelopmentSettingsStore } from './settings';

/** A candidate as the rule judged it, before the details shown on screen are read. */
export type JudgedCandidate = Pick<PromotionRow, 'employeeId' | 'nip' | 'golongan' | 'golonganTmt' | 'educationLevel' | 'targetGolongan' | 'monthsInRank' | 'status' | 'reasons'> & { skpFacts: AnnualSkp[] };

export interface PromotionFilter {
  period?: IsoDate;
  unitId?: number;
  status: 'eligible' | 'blocked' | 'all';
  reason?: string;
  search?: string;
}

/** Active PNS with a recorded TMT jabatan (PPPK work on contracts and are not rotated by this rule; CPNS cannot
 *  have the 2 years yet). The redundant IN term lets SQLite answer it from the partial covering index
 *  idx_employee_development. */
const ROTATION_POPULATION = `e.employment_type IN ('PNS', 'CPNS') AND e.status = 'active' AND e.employment_type = 'PNS' AND e.position_tmt IS NOT NULL`;

export class CareerService {
  constructor(private readonly dataSource: DataSource, private readonly clock: Clock, private readonly settings: DevelopmentSettingsStore) {}

  async periods(today: IsoDate = this.clock.today()) {
    const { promotionCalendar } = await this.settings.get();
    const upcoming = upcomingPromotionPeriods(today, promotionCalendar, 6);
    return { today, next: upcoming[0] ?? null, upcoming, calendar: promotionCalendar };
  }

  private async resolvePeriod(period: IsoDate | undefined, today: IsoDate): Promise<IsoDate> {
    const { promotionCalendar } = await this.settings.get();
    if (period === undefined) {
      const next = upcomingPromotionPeriods(today, promotionCalendar, 1)[0];
      if (!next) throw new AppError('validation', 'Kalender periode kenaikan pangkat tidak memuat periode dalam 10 tahun ke depan; periksa Pengaturan.');
      return next;
    }
    if (!isPromotionPeriod(period, promotionCalendar)) {
      throw AppError.validation([{ path: 'period', message: `${formatDateId(period)} bukan periode kenaikan pangkat menurut kalender di Pengaturan.` }]);
    }
    return period;
  }

  /**
   * Every candidate of the period (eligible and blocked), judged by the shared rule, in nominative-list order:
   * the higher golongan first, then the longer in rank, then by NIP (older first). Only the columns the rule
   * needs are read here (a raw prepared statement: arrays, no row objects, for 50,000 employees); the details
   * of the rows shown come from promotionDetails. Paging and filtering the same list again is served from a
   * cache that any write to the database invalidates (the connection's total_changes(), and data_version for
   * writes by another process such as a CLI import).
   */
  async promotionCandidates(filter: PromotionFilter, today: IsoDate = this.clock.today()): Promise<{ period: IsoDate; skpYears: [number, number]; rows: JudgedCandidate[] }> {
    const period = await this.resolvePeriod(filter.period, today);
    const version = this.dataVersion();
    if (version !== this.cacheVersion) {
      // Something was written: every cached list is stale (and would only hold memory).
      this.candidateCache.clear();
      this.cacheVersion = version;
    }
    const key = [period, filter.unitId ?? '', filter.search?.trim() ?? ''].join('|');
    const cached = this.candidateCache.get(key);
    if (cached) return cached;
    const skpYears = promotionSkpYears(period);
    const subtree = await unitSubtree(this.dataSource, filter.unitId);
    const search = employeeSearch(filter.search);
    const sql = `SELECT e.id, e.nip, e.golongan, e.golongan_tmt, e.education_level,
        s1.year, s1.predikat, s1.regime, s1.legacy_score, s1.legacy_label, s2.year, s2.predikat, s2.regime, s2.legacy_score, s2.legacy_label
      FROM employee e ${annualSkpJoin('s1')} ${annualSkpJoin('s2')}
      WHERE e.status = 'active' AND e.employment_type = 'PNS' AND e.golongan BETWEEN 11 AND 44
        AND (e.golongan_tmt IS NULL OR e.golongan_tmt <= ?)${subtree.sql}${search.sql}`;
    const rows = this.rawStatement(sql).all(skpYears[0], skpYears[1], addMonths(period, -REGULAR_PROMOTION_MONTHS_IN_RANK), ...subtree.params, ...search.params) as unknown[][];
    const out: JudgedCandidate[] = [];
    const none: AnnualSkp[] = [];
    const annual = (r: unknown[], at: number): AnnualSkp =>
      ({ year: r[at] as number, predikat: r[at + 1] as string | null, regime: r[at + 2] as string | null, legacyScore: r[at + 3] as number | null, legacyLabel: r[at + 4] as string | null });
    for (const r of rows) {
      const skp = r[5] === null ? (r[10] === null ? none : [annual(r, 10)]) : r[10] === null ? [annual(r, 5)] : [annual(r, 5), annual(r, 10)];
      const golonganTmt = r[3] as string | null;
      const educationLevel = r[4] as string | null;
      const assessment = assessRegularPromotion({ employmentType: 'PNS', status: 'active', golongan: r[2] as number, golonganTmt, educationLevel, skp }, period, skpYears);
      if (assessment.status !== 'eligible' && assessment.status !== 'blocked') continue;
      out.push({
        employeeId: r[0] as number, nip: r[1] as string, golongan: r[2] as number, golonganTmt, educationLevel, targetGolongan: assessment.targetGolongan!,
        monthsInRank: assessment.monthsInRank, skpFacts: skp, status: assessment.status, reasons: assessment.reasons,
      });
    }
    const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    out.sort((a, b) => b.golongan - a.golongan || text(a.golonganTmt ?? '', b.golonganTmt ?? '') || text(a.nip, b.nip));
    const result = { period, skpYears, rows: out };
    if (this.candidateCache.size >= 4) this.candidateCache.delete(this.candidateCache.keys().next().value!);
    this.candidateCache.set(key, result);
    return result;
  }

  private readonly candidateCache = new Map<string, { period: IsoDate; skpYears: [number, number]; rows: JudgedCandidate[] }>();
  private cacheVersion = '';
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  private rawStatement(sql: string, raw = true): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = rawConnection(this.dataSource).prepare(sql);
      if (raw) statement.raw(true);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Changes as soon as anything is written, by this connection or by another process. */
  private dataVersion(): string {
    const changes = (this.rawStatement('SELECT total_changes()').get() as unknown[])[0];
    const version = rawConnection(this.dataSource).pragma('data_version', { simple: true });
    return `${changes}.${version}`;
  }

  /** Names, birth, education, position and unit of the given candidates, for the rows shown or exported. */
  async promotionDetails(candidates: readonly JudgedCandidate[], period: IsoDate): Promise<PromotionRow[]> {
    const details = new Map<number, Record<string, unknown>>();
    for (let i = 0; i < candidates.length; i += 500) {
      const ids = candidates.slice(i, i + 500).map((c) => c.employeeId);
      const rows: Rows = await this.dataSource.query(
        `SELECT e.id, e.name, e.front_title, e.back_title, e.birth_place, e.birth_date, e.cpns_tmt, e.education_major, e.education_year,
                p.name AS position_name, p.kind AS position_kind, u.name AS unit_name, r.name AS opd_name
         FROM employee e LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id LEFT JOIN unit r ON r.id = u.root_id
         WHERE e.id IN (${ids.map(() => '?').join(',')})`, ids);
      for (const r of rows) details.set(r.id as number, r);
    }
    const [firstYear, secondYear] = promotionSkpYears(period);
    return candidates.map(({ skpFacts, ...c }) => {
      const r = details.get(c.employeeId)!;
      const notes: string[] = [];
      if (r.position_kind === 'fungsional') notes.push('Pejabat fungsional: KP jabatan fungsional juga mensyaratkan angka kredit (belum diperiksa).');
      return {
        ...c, skp: [firstYear, secondYear].map((year) => {
          const f = skpFacts.find((x) => x.year === year);
          return f ? { year, label: skpLabel(f), meets: skpMeetsBaik(f) } : { year, label: 'belum ada', meets: 'missing' as const };
        }),
        name: personName(r), birthPlace: str(r.birth_place), birthDate: r.birth_date as string, service: serviceYearsMonths(str(r.cpns_tmt), period),
        educationMajor: str(r.education_major), educationYear: num(r.education_year), positionName: str(r.position_name), positionKind: str(r.position_kind),
        unitName: str(r.unit_name), opdName: str(r.opd_name), notes,
      };
    });
  }

  async promotionList(request: PromotionFilter & { offset: number; limit: number }) {
    const { period, skpYears, rows } = await this.promotionCandidates(request);
    const byReason: Record<string, number> = {};
    let eligible = 0;
    for (const row of rows) {
      if (row.status === 'eligible') eligible += 1;
      for (const code of new Set(row.reasons.map((x) => x.code))) byReason[code] = (byReason[code] ?? 0) + 1;
    }
    const shown = rows.filter((r) => (request.status === 'all' || r.status === request.status) && (!request.reason || r.reasons.some((x) => x.code === request.reason)));
    return {
      period, skpYears, counts: { eligible, blocked: rows.length - eligible, byReason },
      total: shown.length, rows: await this.promotionDetails(shown.slice(request.offset, request.offset + request.limit), period),
    };
  }

  /** Eligible count for the next period after `asOf` (stats --json "promotionEligibleNextPeriod"). */
  async eligibleNextPeriod(asOf: IsoDate): Promise<{ period: IsoDate; eligible: number }> {
    const { period, rows } = await this.promotionCandidates({ status: 'eligible' }, asOf);
    return { period, eligible: rows.filter((r) => r.status === 'eligible').length };
  }

  // Rotation --------------------------------------------------------------------------------------------------

  /** Active PNS whose TMT jabatan is at least `rotationYears` ago (PPPK work on contracts and are not rotated by
   *  this rule; CPNS cannot have the 2 years yet). */
  async rotation(request: { unitId?: number; kind?: string; search?: string; offset: number; limit: number }, today: IsoDate = this.clock.today()) {
    const { rotationYears } = await this.settings.get();
    const cutoff = rotationCutoff(today, rotationYears);
    const subtree = await unitSubtree(this.dataSource, request.unitId);
    const search = employeeSearch(request.search);
    const kind = request.kind ? ' AND e.position_id IN (SELECT id FROM position WHERE kind = ?)' : '';
    const base = `FROM employee e WHERE ${ROTATION_POPULATION}${kind}${subtree.sql}`;
    const baseParams = [...(request.kind ? [request.kind] : []), ...subtree.params];
    const perUnit: Array<{ unit_id: number | null; population: number; candidates: number }> = await this.dataSource.query(
      `SELECT e.unit_id, COUNT(*) AS population, SUM(e.position_tmt <= ?) AS candidates ${base} GROUP BY e.unit_id`, [cutoff, ...baseParams]);
    const units = (await rollupByUnit(this.dataSource, perUnit, ['population', 'candidates'] as const, subtree.unit))
      .filter((u) => u.population > 0)
      .sort((a, b) => b.candidates - a.candidates || collator.compare(a.unitName, b.unitName))
      .map((u) => ({ unitId: u.unitId, unitName: u.unitName, candidates: u.candidates, population: u.population }));
    const where = `${base} AND e.position_tmt <= ?${search.sql}`;
    const params = [...baseParams, cutoff, ...search.params];
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total ${where}`, params);
    // The page's ids from the covering index (longest in position first), then their details.
    const ids: Array<{ id: number }> = await this.dataSource.query(`SELECT e.id ${where} ORDER BY e.position_tmt, e.id LIMIT ? OFFSET ?`, [...params, request.limit, request.offset]);
    const rows: Rows = ids.length === 0 ? [] : await this.dataSource.query(
      `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, e.golongan, e.position_tmt, p.name AS position_name, p.kind AS position_kind,
              p.level AS position_level, u.name AS unit_name, r.name AS opd_name
       FROM employee e LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id LEFT JOIN unit r ON r.id = u.root_id
       WHERE e.id IN (${ids.map(() => '?').join(',')}) ORDER BY e.position_tmt, e.id`, ids.map((i) => i.id));
    return {
      years: rotationYears, cutoff, total,
      rows: rows.map((r) => ({
        employeeId: r.id as number, nip: r.nip as string, name: personName(r), positionName: str(r.position_name), positionKind: str(r.position_kind),
        positionLevel: str(r.position_level), unitName: str(r.unit_name), opdName: str(r.opd_name), positionTmt: r.position_tmt as string,
        monthsInPosition: monthsInPosition(r.position_tmt as string, today) ?? 0, golongan: num(r.golongan),
      })),
      units,
    };
  }

  async rotationCount(asOf: IsoDate): Promise<number> {
    const { rotationYears } = await this.settings.get();
    const [{ n }] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM employee e WHERE ${ROTATION_POPULATION} AND e.position_tmt <= ?`, [rotationCutoff(asOf, rotationYears)]);
    return n;
  }
}
