// The entitlements that fall due, as nominative lists: kenaikan gaji berkala (KGB; DOMAIN §14.2, kgb.ts) in the
// chosen months, and Satyalancana Karya Satya X/XX/XXX (§14.3, satyalancana.ts) in the chosen year, each with its
// usulan workbook (entitlement-workbooks.ts).
//
// Each list is computed on request: the KGB list reads the people whose next KGB (kept on write in employee_kgb_due,
// main/db/kgb-due.ts) falls in its months, the Satyalancana list those whose TMT CPNS can reach a class in the year
// (careers-lists.sql.ts); the due date or the years of service are judged in TypeScript, and the records only the
// judged people need (SKP, CLTN, hukuman disiplin, decorations held) read for them alone. Paging and filtering the
// same list again is served from a cache that any write to the database invalidates, as the promotion list's
// (career.service.ts).

import type { DataSource } from 'typeorm';
import {
  assessKgb, DEFAULT_KGB_RULES, DEFAULT_SATYALANCANA_RULES, isDueInMonths, latestKgbBasis, nextKgbAfter, kgbSkpYear, satyalancanaReachedInYear,
  SATYALANCANA_CLASSES, type DisciplineKind, type DisciplineRecord, type KgbBasisRecord, type KgbRules, type SatyalancanaClass, type SatyalancanaRules,
} from '../../../shared/domain/careers';
import { addDays, addMonths, addYears, type IsoDate } from '../../../shared/domain/dates';
import type { AnnualSkp } from '../../../shared/domain/development';
import { AppError } from '../../../shared/errors';
import { formatYearMonthId } from '../../../shared/format/id-format';
import type { KgbRow, SatyalancanaRow } from '../../../shared/schemas/careers';
import { kgbBasisRecords } from '../../db/kgb-due';
import type { SqlDialect } from '../../db/sql';
import { employeeSearchCondition, type SqlCondition } from '../../db/sql/employee-rows.sql';
import { dialectOfManager, managerRun, type Run } from '../../db/sql/run';
import type { Clock } from '../clock';
import { collator, rollupByUnit, unitScope } from './common';
import { tupleSourceOf } from '../../db/sql/tuples';
import { buildKgbWorkbook, buildSatyalancanaWorkbook } from './entitlement-workbooks';

/** The longest span of months one KGB list covers. */
export const KGB_MAX_MONTHS = 24;
/** Months the KGB list covers by default: the current month and the two after it. */
export const KGB_DEFAULT_MONTHS = 3;

export interface CareerListRules {
  kgb: KgbRules;
  satyalancana: SatyalancanaRules;
}

export const DEFAULT_CAREER_LIST_RULES: CareerListRules = { kgb: DEFAULT_KGB_RULES, satyalancana: DEFAULT_SATYALANCANA_RULES };

type KgbJudged = Omit<KgbRow, 'name' | 'positionName' | 'unitName' | 'opdName'> & { unitId: number | null };
type SatyalancanaJudged = Omit<SatyalancanaRow, 'name' | 'positionName' | 'unitName' | 'opdName'> & { unitId: number | null };

/** The years of service of the highest class (XXX). */
const LONGEST_CLASS_YEARS = SATYALANCANA_CLASSES[SATYALANCANA_CLASSES.length - 1].years;

/** "2026-11" of an ISO date. */
const monthOf = (date: IsoDate) => date.slice(0, 7);

const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const earlier = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/** Tuples whose first member is the employee id, grouped by it. */
function groupByEmployee<T extends [number, ...unknown[]], V>(tuples: readonly T[], value: (tuple: T) => V): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const t of tuples) {
    let list = out.get(t[0]);
    if (!list) out.set(t[0], (list = []));
    list.push(value(t));
  }
  return out;
}

export class EntitlementLists {
  private readonly sql: SqlDialect['development'];
  private readonly cache = new Map<string, unknown>();
  private rulesCache: CareerListRules | null = null;
  private cacheVersion = '';

  constructor(private readonly dataSource: DataSource, sql: SqlDialect, private readonly clock: Clock, private readonly rules: () => Promise<CareerListRules>) {
    this.sql = sql.development;
  }

  private get read(): Run {
    return managerRun(this.dataSource);
  }

  /** Empties the caches when anything was written since they were filled (data or settings). */
  private async forgetAfterWrite(): Promise<void> {
    const version = await this.sql.careers.dataVersion(tupleSourceOf(this.dataSource));
    if (version !== this.cacheVersion) {
      this.cache.clear();
      this.rulesCache = null;
      this.cacheVersion = version;
    }
  }

  /** The rules of Pengaturan the lists are judged by, read once until the next write. */
  private async listRules(): Promise<CareerListRules> {
    await this.forgetAfterWrite();
    return this.currentRules();
  }

  /** The rules, where the caches were just checked against the data version (inside `cached`): on a server each
   *  check is a round trip. */
  private async currentRules(): Promise<CareerListRules> {
    return (this.rulesCache ??= await this.rules());
  }

  /** The list under `key`, computed once until the next write to the database (data or settings). `compute` reads
   *  the rules with currentRules: the version was checked here. */
  private async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    await this.forgetAfterWrite();
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = await compute();
    if (this.cache.size >= 6) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, value);
    return value;
  }

  /** The months of a KGB list: as asked, or the current month and the two after it. */
  kgbMonths(request: { fromMonth?: string; toMonth?: string }, today: IsoDate = this.clock.today()): { fromMonth: string; toMonth: string } {
    const fromMonth = request.fromMonth ?? monthOf(today);
    const toMonth = request.toMonth ?? monthOf(addMonths(`${fromMonth}-01`, request.fromMonth && !request.toMonth ? 0 : KGB_DEFAULT_MONTHS - 1));
    if (toMonth < fromMonth) {
      throw AppError.validation([{ path: 'toMonth', message: `Bulan akhir (${formatYearMonthId(toMonth)}) tidak boleh sebelum bulan awal (${formatYearMonthId(fromMonth)}).` }]);
    }
    if (toMonth > monthOf(addMonths(`${fromMonth}-01`, KGB_MAX_MONTHS - 1))) {
      throw AppError.validation([{ path: 'toMonth', message: `Daftar KGB mencakup paling lama ${KGB_MAX_MONTHS} bulan.` }]);
    }
    return { fromMonth, toMonth };
  }

  /** Everyone whose next KGB falls in the months, due or blocked, earliest first (then by NIP). */
  async kgbJudged(request: { fromMonth?: string; toMonth?: string; unitId?: number; search?: string }): Promise<{ fromMonth: string; toMonth: string; rows: KgbJudged[] }> {
    const { fromMonth, toMonth } = this.kgbMonths(request);
    const key = ['kgb', fromMonth, toMonth, request.unitId ?? '', request.search?.trim() ?? ''].join('|');
    return this.cached(key, async () => {
      const { kgb: rules } = await this.currentRules();
      const db = tupleSourceOf(this.dataSource);
      const scope = await unitScope(this.sql, this.read, request.unitId);
      // Those whose next KGB, as kept on write (main/db/kgb-due.ts), falls in the months; their due date is
      // judged again from the same records, with the rule's settings and the SKP below.
      const population = await this.sql.careersLists.kgbDueBetween(db, {
        from: `${fromMonth}-01`, to: `${toMonth}-31`, subtree: scope.condition, search: employeeSearchCondition(request.search ?? '', 'e', dialectOfManager(this.dataSource)),
      });
      const inRange: Array<{ id: number; nip: string; unitId: number | null; golongan: number; records: KgbBasisRecord[] }> = [];
      for (const [id, nip, unitId, golongan, golonganTmt, mkYears, mkMonths, rank, kgb] of population) {
        const records = kgbBasisRecords(golonganTmt, mkYears, mkMonths, rank, kgb);
        const basis = latestKgbBasis(records);
        if (!basis) continue;
        if (isDueInMonths(nextKgbAfter(basis, Math.floor(golongan / 10)).dueDate, fromMonth, toMonth)) inRange.push({ id, nip, unitId, golongan, records });
      }
      // Then the whole rule with the SKP it reads, for those alone.
      const years = new Set<number>();
      for (let month = fromMonth; month <= toMonth; month = monthOf(addMonths(`${month}-01`, 1))) {
        years.add(kgbSkpYear(`${month}-01`, rules.skp));
        years.add(kgbSkpYear(addMonths(`${month}-01`, 1), rules.skp));
      }
      const skp = new Map<number, AnnualSkp[]>();
      for (const [employeeId, year, predikat, regime, legacyScore, legacyLabel] of await this.sql.careersLists.annualSkpOf(db, inRange.map((p) => p.id), [...years])) {
        let list = skp.get(employeeId);
        if (!list) skp.set(employeeId, (list = []));
        list.push({ year, predikat, regime, legacyScore, legacyLabel });
      }
      const rows: KgbJudged[] = [];
      for (const person of inRange) {
        const a = assessKgb({ employmentType: 'PNS', status: 'active', golongan: person.golongan, records: person.records, skp: skp.get(person.id) ?? [] }, rules);
        if (a.status === 'not_applicable' || !a.dueDate || !a.basis) continue;
        rows.push({
          employeeId: person.id, unitId: person.unitId, nip: person.nip, golongan: person.golongan,
          basisSource: a.basis.source, basisTmt: a.basis.tmt, basisMkgYears: a.basis.mkgYears, basisMkgMonths: a.basis.mkgMonths, basisText: a.basisText,
          dueDate: a.dueDate, mkgYearsAtDue: a.mkgYearsAtDue!, status: a.status, reasons: a.reasons,
        });
      }
      rows.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0));
      return { fromMonth, toMonth, rows };
    });
  }

  async kgbList(request: { fromMonth?: string; toMonth?: string; unitId?: number; status: 'due' | 'blocked' | 'all'; search?: string; offset: number; limit: number }) {
    const { fromMonth, toMonth, rows } = await this.kgbJudged(request);
    const due = rows.filter((r) => r.status === 'due').length;
    const shown = rows.filter((r) => request.status === 'all' || r.status === request.status);
    return {
      fromMonth, toMonth, counts: { due, blocked: rows.length - due },
      units: await this.units(request.unitId, rows.map((r) => ({ unit_id: r.unitId, eligible: r.status === 'due' ? 1 : 0, blocked: r.status === 'blocked' ? 1 : 0 }))),
      total: shown.length, rows: await this.kgbDetails(shown.slice(request.offset, request.offset + request.limit)),
    };
  }

  private async kgbDetails(judged: readonly KgbJudged[]): Promise<KgbRow[]> {
    const details = await this.sql.careers.promotionDetails(this.read, judged.map((r) => r.employeeId));
    return judged.map(({ unitId: _unit, ...r }) => {
      const d = details.get(r.employeeId)!;
      return { ...r, name: d.fullName, positionName: d.positionName, unitName: d.unitName, opdName: d.opdName };
    });
  }

  /** Every row of the KGB list of the months (due and blocked), with the details shown: the report's data. */
  async kgbRows(request: { fromMonth?: string; toMonth?: string; unitId?: number }): Promise<{ fromMonth: string; toMonth: string; rows: KgbRow[] }> {
    const { fromMonth, toMonth, rows } = await this.kgbJudged(request);
    return { fromMonth, toMonth, rows: await this.kgbDetails(rows) };
  }

  /** Every row of the Satyalancana list of the year, with the details shown: the report's data. */
  async satyalancanaRows(request: { year?: number; unitId?: number }): Promise<{ year: number; rows: SatyalancanaRow[] }> {
    const { year, rows } = await this.satyalancanaJudged(request);
    return { year, rows: await this.satyalancanaDetails(rows) };
  }

  /** The usulan KGB workbook of the months: the due grouped by unit, the blocked with their reasons. */
  async kgbExport(request: { fromMonth?: string; toMonth?: string; unitId?: number }, printedBy: string | null = null) {
    const { fromMonth, toMonth, rows } = await this.kgbJudged(request);
    const scope = await unitScope(this.sql, this.read, request.unitId);
    const detailed = await this.kgbDetails(rows);
    const buffer = await buildKgbWorkbook({ fromMonth, toMonth, unitName: scope.unit?.name ?? null, rows: detailed, generatedOn: this.clock.today(), printedBy });
    return {
      fileName: `usulan-kgb-${fromMonth}${toMonth !== fromMonth ? `-sd-${toMonth}` : ''}.xlsx`, base64: buffer.toString('base64'),
      logged: { fromMonth, toMonth, unitName: scope.unit?.name ?? null, rowCount: detailed.length },
    };
  }

  // Satyalancana Karya Satya -------------------------------------------------------------------------------------

  /** Every class reached in `year`, eligible or blocked, by class (X first), then by TMT CPNS and NIP. */
  async satyalancanaJudged(request: { year?: number; unitId?: number; search?: string }): Promise<{ year: number; rows: SatyalancanaJudged[] }> {
    const year = request.year ?? Number(this.clock.today().slice(0, 4));
    const key = ['satyalancana', year, request.unitId ?? '', request.search?.trim() ?? ''].join('|');
    return this.cached(key, async () => {
      const { satyalancana: rules } = await this.currentRules();
      const scope = await unitScope(this.sql, this.read, request.unitId);
      // Under 'block' a class is reached on TMT CPNS + its years exactly (the 29th of February a day earlier, in the
      // same year), so only those who entered 10, 20 or 30 years before the year are judged; under 'restart' an
      // interruption pushes it later, so every earlier entrant is.
      const spans: Array<[string, string]> = rules.interruption === 'block'
        ? SATYALANCANA_CLASSES.map((c): [string, string] => [`${year - c.years}-01-01`, `${year - c.years}-12-31`])
        : [[`${year - LONGEST_CLASS_YEARS - 20}-01-01`, `${year - SATYALANCANA_CLASSES[0].years}-12-31`]];
      const rows = await this.judgeSatyalancana(year, rules, spans, scope.condition, employeeSearchCondition(request.search ?? '', 'e', dialectOfManager(this.dataSource)));
      const classOrder = (c: string) => SATYALANCANA_CLASSES.findIndex((x) => x.code === c);
      rows.sort((a, b) => classOrder(a.class) - classOrder(b.class) || (a.cpnsTmt < b.cpnsTmt ? -1 : a.cpnsTmt > b.cpnsTmt ? 1 : 0) || (a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0));
      return { year, rows };
    });
  }

  /** The classes reached in `year` by the active PNS and CPNS whose TMT CPNS falls in one of the spans, each judged
   *  with the records of those people alone (CLTN, hukuman disiplin, classes held). */
  private async judgeSatyalancana(year: number, rules: SatyalancanaRules, spans: ReadonlyArray<[string, string]>, subtree: SqlCondition | null, search: SqlCondition | null): Promise<SatyalancanaJudged[]> {
    const db = tupleSourceOf(this.dataSource);
    const population = await this.sql.careersLists.satyalancanaPopulation(db, { spans, subtree, search });
    const ids = population.map((p) => p[0]);
    const cltn = groupByEmployee(await this.sql.careersLists.cltnOf(db, ids), ([, start, end]) => ({ start, end }));
    const discipline = groupByEmployee(await this.sql.careersLists.disciplineOf(db, ids), ([, kind, startDate, endDate]): DisciplineRecord => ({ kind: kind as DisciplineKind, startDate, endDate }));
    const held = groupByEmployee(await this.sql.careersLists.satyalancanaHeldOf(db, ids), ([, cls]) => cls as SatyalancanaClass);
    const rows: SatyalancanaJudged[] = [];
    for (const [id, nip, unitId, employmentType, cpnsTmt, golongan] of population) {
      const facts = { employmentType, status: 'active', cpnsTmt, cltn: cltn.get(id) ?? [], discipline: discipline.get(id) ?? [], held: held.get(id) ?? [] };
      for (const a of satyalancanaReachedInYear(facts, year, rules)) {
        if (a.status !== 'eligible' && a.status !== 'blocked') continue;
        rows.push({
          employeeId: id, unitId, nip, golongan, cpnsTmt, class: a.class, classLabel: a.label, reachedOn: (a.status === 'eligible' ? a.reachedOn : a.serviceYearsOn)!,
          status: a.status, proposeWith: a.proposeWith, reasons: a.reasons,
        });
      }
    }
    return rows;
  }

  /**
   * The eligible whose Satyalancana is reached after `from`, up to `to` (each judged for the proposal of the year it
   * is reached in, as that year's list judges it). Under 'block' the day reached is TMT CPNS + the class's years, so
   * only those who entered in the window moved back by 10, 20 or 30 years are read (a few days' margin for the 29th
   * of February); under 'restart' the whole lists of the years are counted.
   */
  async satyalancanaReachedBetween(from: IsoDate, to: IsoDate): Promise<number> {
    const { satyalancana: rules } = await this.listRules();
    let n = 0;
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
      let rows: readonly SatyalancanaJudged[];
      if (rules.interruption === 'block') {
        const spans: Array<[string, string]> = [];
        for (const c of SATYALANCANA_CLASSES) {
          const start = later(addDays(addYears(from, -c.years), -2), `${year - c.years}-01-01`);
          const end = earlier(addDays(addYears(to, -c.years), 2), `${year - c.years}-12-31`);
          if (start <= end) spans.push([start, end]);
        }
        rows = await this.judgeSatyalancana(year, rules, spans, null, null);
      } else {
        rows = (await this.satyalancanaJudged({ year })).rows;
      }
      for (const r of rows) if (r.status === 'eligible' && r.reachedOn > from && r.reachedOn <= to) n += 1;
    }
    return n;
  }

  async satyalancanaList(request: { year?: number; unitId?: number; class?: SatyalancanaClass; status: 'eligible' | 'blocked' | 'all'; search?: string; offset: number; limit: number }) {
    const { year, rows } = await this.satyalancanaJudged(request);
    const eligible = rows.filter((r) => r.status === 'eligible').length;
    const byClass: Record<string, number> = {};
    for (const r of rows) if (r.status === 'eligible') byClass[r.class] = (byClass[r.class] ?? 0) + 1;
    const shown = rows.filter((r) => (request.status === 'all' || r.status === request.status) && (!request.class || r.class === request.class));
    return {
      year, counts: { eligible, blocked: rows.length - eligible, byClass },
      units: await this.units(request.unitId, rows.map((r) => ({ unit_id: r.unitId, eligible: r.status === 'eligible' ? 1 : 0, blocked: r.status === 'blocked' ? 1 : 0 }))),
      total: shown.length, rows: await this.satyalancanaDetails(shown.slice(request.offset, request.offset + request.limit)),
    };
  }

  private async satyalancanaDetails(judged: readonly SatyalancanaJudged[]): Promise<SatyalancanaRow[]> {
    const details = await this.sql.careers.promotionDetails(this.read, judged.map((r) => r.employeeId));
    return judged.map(({ unitId: _unit, ...r }) => {
      const d = details.get(r.employeeId)!;
      return { ...r, name: d.fullName, positionName: d.positionName, unitName: d.unitName, opdName: d.opdName };
    });
  }

  async satyalancanaExport(request: { year?: number; unitId?: number }, printedBy: string | null = null) {
    const { year, rows } = await this.satyalancanaJudged(request);
    const scope = await unitScope(this.sql, this.read, request.unitId);
    const detailed = await this.satyalancanaDetails(rows);
    const buffer = await buildSatyalancanaWorkbook({ year, unitName: scope.unit?.name ?? null, rows: detailed, generatedOn: this.clock.today(), printedBy });
    return {
      fileName: `usulan-satyalancana-${year}.xlsx`, base64: buffer.toString('base64'),
      logged: { year, unitName: scope.unit?.name ?? null, rowCount: detailed.length },
    };
  }

  /** Counts per perangkat daerah (or per sub-unit inside the chosen unit), most first. */
  private async units(unitId: number | undefined, perUnit: Array<{ unit_id: number | null; eligible: number; blocked: number }>) {
    const scope = await unitScope(this.sql, this.read, unitId);
    return rollupByUnit(await this.sql.units.units(this.read), perUnit, ['eligible', 'blocked'] as const, scope.unit)
      .sort((a, b) => b.eligible + b.blocked - (a.eligible + a.blocked) || collator.compare(a.unitName, b.unitName))
      .map((u) => ({ unitId: u.unitId, unitName: u.unitName, eligible: u.eligible, blocked: u.blocked }));
  }
}
