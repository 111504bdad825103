// Career moves: rotation candidates (PP 11/2017 Pasal 190; DOMAIN.md §13: flag after N years in the same
// position, N ≥ 2) and the regular-promotion nominative list for a period of the calendar in Pengaturan
// (DOMAIN.md §4.3 and §13: ≥ 4 years in rank, at least Baik in each of the last 2 annual SKP, not above the
// education ceiling of §4.2).
//
// The promotion list is computed on request from one query: the active PNS who have 4 years in rank at the
// TMT, with their two annual SKP joined by the unique (employee, year, period) index, then judged by the
// shared rule. "Years in position" is counted from TMT jabatan as recorded on the employee.

import type { DataSource } from 'typeorm';
import { addMonths, type IsoDate } from '../../../shared/domain/dates';
import {
  assessRegularPromotion, isPromotionPeriod, monthsInPosition, promotionSkpYears, REGULAR_PROMOTION_MONTHS_IN_RANK, rotationCutoff,
  serviceYearsMonths, skpLabel, skpMeetsBaik, upcomingPromotionPeriods,
} from '../../../shared/domain/development';
import { formatDateId } from '../../../shared/format/id-format';
import { AppError } from '../../../shared/errors';
import type { PromotionRow } from '../../../shared/ipc/channels/development.channels';
import type { Clock } from '../clock';
import { employeeSearch, num, personName, rollupByUnit, str, unitSubtree, type Rows } from './common';
import { annualSkpColumns, annualSkpFromRow, annualSkpJoin } from './inputs';
import type { DevelopmentSettingsStore } from './settings';

export interface PromotionFilter {
  period?: IsoDate;
  unitId?: number;
  status: 'eligible' | 'blocked' | 'all';
  reason?: string;
  search?: string;
}

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

  /** Every candidate of the period (eligible and blocked), judged by the shared rule, in nominative-list order. */
  async promotionCandidates(filter: PromotionFilter, today: IsoDate = this.clock.today()): Promise<{ period: IsoDate; skpYears: [number, number]; rows: PromotionRow[] }> {
    const period = await this.resolvePeriod(filter.period, today);
    const skpYears = promotionSkpYears(period);
    const subtree = await unitSubtree(this.dataSource, filter.unitId);
    const search = employeeSearch(filter.search);
    const rankCutoff = addMonths(period, -REGULAR_PROMOTION_MONTHS_IN_RANK);
    const rows: Rows = await this.dataSource.query(
      `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, e.birth_place, e.birth_date, e.employment_type, e.status, e.golongan, e.golongan_tmt,
              e.cpns_tmt, e.education_level, e.education_major, e.education_year, p.name AS position_name, p.kind AS position_kind,
              u.name AS unit_name, r.name AS opd_name, ${annualSkpColumns('s1')}, ${annualSkpColumns('s2')}
       FROM employee e LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id LEFT JOIN unit r ON r.id = u.root_id
       ${annualSkpJoin('s1')} ${annualSkpJoin('s2')}
       WHERE e.status = 'active' AND e.employment_type = 'PNS' AND e.golongan BETWEEN 11 AND 44
         AND (e.golongan_tmt IS NULL OR e.golongan_tmt <= ?)${subtree.sql}${search.sql}`,
      [skpYears[0], skpYears[1], rankCutoff, ...subtree.params, ...search.params]);
    const out: PromotionRow[] = [];
    for (const r of rows) {
      const skp = [annualSkpFromRow(r, 's1'), annualSkpFromRow(r, 's2')].filter((s) => s !== null);
      const assessment = assessRegularPromotion({
        employmentType: r.employment_type as string, status: r.status as string, golongan: r.golongan as number,
        golonganTmt: str(r.golongan_tmt), educationLevel: str(r.education_level), skp,
      }, period);
      if (assessment.status !== 'eligible' && assessment.status !== 'blocked') continue;
      const notes: string[] = [];
      if (r.position_kind === 'fungsional') notes.push('Pejabat fungsional: KP jabatan fungsional juga mensyaratkan angka kredit (belum diperiksa).');
      out.push({
        employeeId: r.id as number, nip: r.nip as string, name: personName(r), birthPlace: str(r.birth_place), birthDate: r.birth_date as string,
        golongan: r.golongan as number, golonganTmt: str(r.golongan_tmt), targetGolongan: assessment.targetGolongan!, monthsInRank: assessment.monthsInRank,
        service: serviceYearsMonths(str(r.cpns_tmt), period), educationLevel: str(r.education_level), educationMajor: str(r.education_major),
        educationYear: num(r.education_year), positionName: str(r.position_name), positionKind: str(r.position_kind), unitName: str(r.unit_name),
        opdName: str(r.opd_name),
        skp: skpYears.map((year) => {
          const s = skp.find((x) => x.year === year);
          return s ? { year, label: skpLabel(s), meets: skpMeetsBaik(s) } : { year, label: 'belum ada', meets: 'missing' as const };
        }),
        status: assessment.status, reasons: assessment.reasons, notes,
      });
    }
    // Nominative order: the higher golongan first, then the longer in rank, then by name.
    out.sort((a, b) => b.golongan - a.golongan || (a.golonganTmt ?? '').localeCompare(b.golonganTmt ?? '') || a.name.localeCompare(b.name, 'id') || a.employeeId - b.employeeId);
    return { period, skpYears, rows: out };
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
      total: shown.length, rows: shown.slice(request.offset, request.offset + request.limit),
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
    const kind = request.kind ? ' AND p.kind = ?' : '';
    const base = `FROM employee e LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id
      WHERE e.status = 'active' AND e.employment_type = 'PNS' AND e.position_id IS NOT NULL${kind}${subtree.sql}`;
    const baseParams = [...(request.kind ? [request.kind] : []), ...subtree.params];
    const perUnit: Array<{ unit_id: number | null; population: number; candidates: number }> = await this.dataSource.query(
      `SELECT e.unit_id, COUNT(*) AS population, SUM(e.position_tmt IS NOT NULL AND e.position_tmt <= ?) AS candidates ${base} GROUP BY e.unit_id`,
      [cutoff, ...baseParams]);
    const units = (await rollupByUnit(this.dataSource, perUnit, ['population', 'candidates'] as const, subtree.unit))
      .filter((u) => u.population > 0)
      .sort((a, b) => b.candidates - a.candidates || a.unitName.localeCompare(b.unitName, 'id'))
      .map((u) => ({ unitId: u.unitId, unitName: u.unitName, candidates: u.candidates, population: u.population }));
    const where = `${base} AND e.position_tmt IS NOT NULL AND e.position_tmt <= ?${search.sql}`;
    const params = [...baseParams, cutoff, ...search.params];
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total ${where}`, params);
    const rows: Rows = await this.dataSource.query(
      `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, e.golongan, e.position_tmt, p.name AS position_name, p.kind AS position_kind,
              p.level AS position_level, u.name AS unit_name, (SELECT r.name FROM unit r WHERE r.id = u.root_id) AS opd_name
       ${where} ORDER BY e.position_tmt, e.name, e.id LIMIT ? OFFSET ?`, [...params, request.limit, request.offset]);
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
      `SELECT COUNT(*) AS n FROM employee e WHERE e.status = 'active' AND e.employment_type = 'PNS' AND e.position_id IS NOT NULL
         AND e.position_tmt IS NOT NULL AND e.position_tmt <= ?`, [rotationCutoff(asOf, rotationYears)]);
    return n;
  }
}
