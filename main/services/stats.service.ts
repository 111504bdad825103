// `stats --json` and the Beranda overview. The foundation keys are computed here; each later capability
// registers its own top-level key (competency, performance, talent, …) with registerSection.

import type { DataSource } from 'typeorm';
import { addMonths } from '../../shared/domain/dates';
import { EMPLOYEE_STATUSES } from '../../shared/domain/employee-status';
import { golonganLabel, PNS_GOLONGAN } from '../../shared/domain/golongan';
import { POSITION_KINDS } from '../../shared/domain/position';
import { RETIREMENT_NOTICE_MONTHS } from '../../shared/domain/retirement-watch';
import type { EmployeeStats } from '../../shared/schemas/stats';
import type { SqlDialect } from '../db/sql';
import type { HeadcountDimension } from '../db/sql/employees/stats.sql';
import { managerRun } from '../db/sql/run';

export interface StatsOptions {
  /** "Today" for every date-relative figure. */
  asOf: string;
  /** Year for the sections that are per year; each section picks its own default when absent. */
  year?: number;
  /** 'all' (the CLI contract): every record, whatever its status. 'active': only status aktif. */
  scope?: 'all' | 'active';
}

export type StatsSection = (dataSource: DataSource, options: StatsOptions) => Promise<unknown>;

export const NO_UNIT = 'Tanpa unit kerja';
export const NO_GOLONGAN = 'Tanpa golongan';
export const NO_POSITION = 'Tanpa jabatan';

export class StatsService {
  private readonly sections = new Map<string, StatsSection>();

  constructor(private readonly dataSource: DataSource, private readonly sql: SqlDialect) {}

  registerSection(key: string, section: StatsSection): void {
    if (FOUNDATION_KEYS.includes(key) || this.sections.has(key)) {
      throw new Error(`stats section "${key}" is already defined`);
    }
    this.sections.set(key, section);
  }

  async collect(options: StatsOptions): Promise<EmployeeStats & Record<string, unknown>> {
    const result: EmployeeStats & Record<string, unknown> = {
      asOf: options.asOf,
      employees: await this.employees(options.scope ?? 'all'),
      retirements: await this.retirements(options.asOf),
      retirementDue: await this.retirementDue(options.asOf),
    };
    for (const [key, section] of this.sections) result[key] = await section(this.dataSource, options);
    return result;
  }

  /** Head counts. With scope 'all', every breakdown sums to `total`. */
  private async employees(scope: 'all' | 'active'): Promise<EmployeeStats['employees']> {
    const run = managerRun(this.dataSource);
    const group = (dimension: HeadcountDimension) => this.sql.employees.headcountBy(run, scope, dimension);
    const total = await this.sql.employees.headcount(run, scope);

    const byStatus: Record<string, number> = Object.fromEntries(EMPLOYEE_STATUSES.map((s) => [s.label, 0]));
    for (const { k, n } of await group('status')) {
      const label = EMPLOYEE_STATUSES.find((s) => s.code === k)?.label ?? String(k);
      byStatus[label] = (byStatus[label] ?? 0) + n;
    }

    const byUnit: Record<string, number> = {};
    for (const { k, n } of await group('opd')) {
      const name = k === null ? NO_UNIT : String(k);
      byUnit[name] = (byUnit[name] ?? 0) + n;
    }

    const byGolongan: Record<string, number> = Object.fromEntries(PNS_GOLONGAN.map((g) => [g.label, 0]));
    for (const { k, n } of (await group('golongan')).sort((a, b) => Number(a.k ?? 999) - Number(b.k ?? 999))) {
      const label = k === null ? NO_GOLONGAN : golonganLabel(Number(k)) || `kode ${k}`;
      byGolongan[label] = (byGolongan[label] ?? 0) + n;
    }

    const byPositionKind: Record<string, number> = Object.fromEntries(POSITION_KINDS.map((kind) => [kind.label, 0]));
    for (const { k, n } of await group('positionKind')) {
      const label = k === null ? NO_POSITION : POSITION_KINDS.find((kind) => kind.code === k)?.label ?? String(k);
      byPositionKind[label] = (byPositionKind[label] ?? 0) + n;
    }

    const byGender: Record<string, number> = { L: 0, P: 0 };
    for (const { k, n } of await group('gender')) byGender[String(k)] = (byGender[String(k)] ?? 0) + n;

    return { total, byStatus, byUnit, byGolongan, byPositionKind, byGender };
  }

  /** Active employees whose TMT pensiun falls in each of the five calendar years after `asOf`'s year. */
  private async retirements(asOf: string): Promise<Record<string, number>> {
    const firstYear = Number(asOf.slice(0, 4)) + 1;
    const years = Array.from({ length: 5 }, (_, i) => firstYear + i);
    const rows = await this.sql.employees.activeRetirementsByYear(managerRun(this.dataSource), `${firstYear}-01-01`, `${firstYear + 5}-01-01`);
    const result: Record<string, number> = {};
    for (const year of years) result[String(year)] = rows.find((r) => Number(r.y) === year)?.n ?? 0;
    return result;
  }

  /** Active employees already past their TMT pensiun, and those reaching it within the next twelve months. */
  private async retirementDue(asOf: string): Promise<EmployeeStats['retirementDue']> {
    const { overdue, upcoming } = await this.sql.employees.activeRetirementDue(managerRun(this.dataSource), asOf, addMonths(asOf, RETIREMENT_NOTICE_MONTHS));
    return { overdue, next12Months: upcoming };
  }
}

/** The keys the foundation itself writes; a section cannot take them. */
const FOUNDATION_KEYS = ['asOf', 'employees', 'retirements', 'retirementDue'];
