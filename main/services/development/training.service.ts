// Training records (diklat) and the 20 JP compliance (PP 11/2017 Pasal 203(4)).
//
// The population of a year: PNS and CPNS in service on its last day (31 December, or today for the current
// year): status aktif, or left the service after that day. PPPK are outside the PNS obligation of Pasal 203 and
// are not counted; units are the employees' current units. A training counts once it has ended on or before the
// as-of date (today on screen, `--as-of` for stats): one that is still running delivers no JP yet.

import type { DataSource, EntityManager } from 'typeorm';
import type { IsoDate } from '../../../shared/domain/dates';
import { meetsJpTarget, roundJp, trainingTypeLabel } from '../../../shared/domain/development';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import { AppError, type FieldIssue } from '../../../shared/errors';
import type { TrainingInputParsed, TrainingRow } from '../../../shared/schemas/training';
import { refreshDerived } from '../../db/derived';
import { employeeSearchCondition } from '../../db/sql/employee-rows.sql';
import type { TrainingRecordRow } from '../../db/sql/development/training.sql';
import type { SqlDialect } from '../../db/sql';
import { dialectOfManager, managerRun, type Run } from '../../db/sql/run';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import { collator, requireEmployee, rollupByUnit, round2, unitScope } from './common';
import type { DevelopmentSettingsStore } from './settings';

function trainingRow(r: TrainingRecordRow): TrainingRow {
  return {
    id: r.id, employeeId: r.employeeId, employeeName: r.employee.fullName, nip: r.employee.nip, unitName: r.employee.unitName,
    title: r.title, type: r.type, provider: r.provider, startDate: r.startDate, endDate: r.endDate, jp: roundJp(r.jp), cost: r.cost,
    certificateNumber: r.certificateNumber, catalogId: r.catalogId, source: r.source, planItemId: r.planItemId,
  };
}

export class TrainingService {
  private readonly sql: SqlDialect['development'];

  constructor(
    private readonly dataSource: DataSource,
    sql: SqlDialect,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly settings: DevelopmentSettingsStore,
  ) {
    this.sql = sql.development;
  }

  private get read(): Run {
    return managerRun(this.dataSource);
  }

  /** The last day counted for `year`: 31 December of a past year, else the as-of day. */
  referenceDate(year: number, asOf: IsoDate = this.clock.today()): IsoDate {
    return year < Number(asOf.slice(0, 4)) ? `${year}-12-31` : asOf;
  }

  /** Years with any JP row, newest first (one index probe per year, not a scan). */
  async yearsWithData(): Promise<number[]> {
    return this.sql.training.yearsWithData(this.read, 60);
  }

  /** The default year of every JP view: the latest year with data, up to the as-of year. */
  async defaultYear(asOf: IsoDate = this.clock.today()): Promise<number> {
    const current = Number(asOf.slice(0, 4));
    return (await this.yearsWithData()).find((y) => y <= current) ?? current;
  }

  async list(filter: { employeeId?: number; year?: number; unitId?: number; type?: string; search?: string; offset: number; limit: number }) {
    const scope = await unitScope(this.sql, this.read, filter.unitId);
    const { total, rows } = await this.sql.training.list(this.read, {
      employeeId: filter.employeeId, type: filter.type, offset: filter.offset, limit: filter.limit,
      ...(filter.year === undefined ? {} : { from: `${filter.year}-01-01`, until: `${filter.year}-12-31` }),
      subtree: scope.condition, search: employeeSearchCondition(filter.search ?? '', 'e', dialectOfManager(this.dataSource)),
    });
    return { total, rows: rows.map(trainingRow) };
  }

  /** The profile's Diklat tab: every record and the JP of each year from the first recorded training to now. */
  async employeeTraining(employeeId: number) {
    await requireEmployee(this.sql, this.read, employeeId);
    const { jpTarget, jpYearRule } = await this.settings.get();
    const today = this.clock.today();
    const records = await this.sql.training.ofEmployee(this.read, employeeId);
    const perYear = await this.sql.training.employeeYears(this.read, employeeId, today);
    // From the first year with a recorded training (never earlier: no record is "belum ada data", not 0 JP)
    // to the current year; a year in between without any training counts 0 JP.
    const currentYear = Number(today.slice(0, 4));
    const byYear = new Map(perYear.map((y) => [y.year, y]));
    const first = perYear.length ? Math.min(...perYear.map((y) => y.year)) : currentYear;
    const last = Math.max(currentYear, ...perYear.map((y) => y.year));
    const years = [];
    for (let y = last; y >= first; y--) {
      const row = byYear.get(y);
      years.push({ year: y, jp: roundJp(row?.jp ?? 0), trainings: row?.trainings ?? 0, meetsTarget: meetsJpTarget(row?.jp ?? 0, jpTarget) });
    }
    return { target: jpTarget, rule: jpYearRule, years, records: records.map(trainingRow) };
  }

  /** Field rules plus what only the database knows. Never writes. */
  async validate(employeeId: number, input: TrainingInputParsed, id?: number, run: Run = this.read): Promise<{ errors: FieldIssue[]; warnings: FieldIssue[] }> {
    const errors: FieldIssue[] = [];
    const warnings: FieldIssue[] = [];
    const employee = await this.sql.units.employee(run, employeeId);
    if (!employee) errors.push({ path: 'employeeId', message: `Pegawai dengan ID ${employeeId} tidak ditemukan.` });
    const today = this.clock.today();
    if (input.endDate < input.startDate) errors.push({ path: 'endDate', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai.' });
    if (input.endDate > today) {
      errors.push({ path: 'endDate', message: `Tanggal selesai (${formatDateId(input.endDate)}) belum lewat; diklat yang belum selesai dicatat sebagai rencana di IDP.` });
    }
    if (input.startDate < '1960-01-01') errors.push({ path: 'startDate', message: 'Tanggal mulai terlalu lampau.' });
    if (input.catalogId !== null && !(await this.sql.plans.catalogExists(run, input.catalogId))) {
      errors.push({ path: 'catalogId', message: `Kegiatan katalog dengan ID ${input.catalogId} tidak ditemukan.` });
    }
    if (employee && errors.length === 0) {
      if (await this.sql.training.isDuplicate(run, employeeId, input, id ?? null)) {
        errors.push({ path: 'title', message: `Diklat "${input.title}" pada tanggal yang sama sudah tercatat untuk pegawai ini.` });
      }
      if (employee.cpnsTmt && input.startDate < employee.cpnsTmt) {
        warnings.push({ path: 'startDate', message: `Diklat dimulai sebelum TMT CPNS (${formatDateId(employee.cpnsTmt)}).` });
      }
    }
    if (input.endDate >= input.startDate) {
      const days = Math.round((Date.parse(input.endDate) - Date.parse(input.startDate)) / 86_400_000) + 1;
      if (input.jp > days * 12) {
        warnings.push({ path: 'jp', message: `${formatNumberId(input.jp)} JP dalam ${formatNumberId(days)} hari berarti lebih dari 12 JP per hari; periksa kembali sertifikatnya.` });
      }
    }
    return { errors, warnings };
  }

  /** Inserts or updates one record inside the caller's transaction (also used to complete an IDP item). */
  async write(manager: EntityManager, actor: string, employeeId: number, input: TrainingInputParsed, id?: number): Promise<{ id: number; warnings: FieldIssue[] }> {
    const run = managerRun(manager);
    const { errors, warnings } = await this.validate(employeeId, input, id, run);
    if (errors.length > 0) throw AppError.validation(errors, `Diklat belum dapat disimpan: ${errors.map((e) => e.message).join(' ')}`);
    const employee = await requireEmployee(this.sql, run, employeeId);
    let recordId: number;
    let before: Record<string, unknown> | undefined;
    if (id === undefined) {
      recordId = await this.sql.training.insert(run, employeeId, input, this.clock.now());
    } else {
      const stored = await this.sql.training.get(run, id);
      if (!stored) throw new AppError('not_found', `Catatan diklat dengan ID ${id} tidak ditemukan.`);
      if (stored.employee_id !== employeeId) throw new AppError('validation', 'Catatan diklat ini milik pegawai lain; pegawainya tidak dapat diganti.');
      before = stored;
      await this.sql.training.update(run, id, input);
      recordId = id;
    }
    await refreshDerived(run, 'training_record', [employeeId]);
    await this.audit.record(manager, {
      actor, action: id === undefined ? 'create' : 'update', entity: 'training_record', entityId: recordId, employeeId,
      summary: `${id === undefined ? 'Mencatat' : 'Mengubah'} diklat "${input.title}" (${trainingTypeLabel(input.type)}, ${formatNumberId(input.jp)} JP) pegawai ${employee.fullName}`,
      before, after: input,
    });
    return { id: recordId, warnings };
  }

  async save(actor: string, employeeId: number, input: TrainingInputParsed, id?: number) {
    return this.dataSource.transaction((manager) => this.write(manager, actor, employeeId, input, id));
  }

  async remove(actor: string, id: number): Promise<{ reopenedItems: number }> {
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const record = await this.sql.training.get(run, id);
      if (!record) throw new AppError('not_found', `Catatan diklat dengan ID ${id} tidak ditemukan.`);
      const employee = await requireEmployee(this.sql, run, record.employee_id);
      // The items were done because of this training; without it, they are under way again.
      const reopened = await this.sql.training.delete(run, id, this.clock.now());
      await refreshDerived(run, 'training_record', [record.employee_id]);
      await this.audit.record(manager, {
        actor, action: 'delete', entity: 'training_record', entityId: id, employeeId: record.employee_id,
        summary: `Menghapus diklat "${record.title}" pegawai ${employee.fullName}${reopened ? `; ${formatNumberId(reopened)} kegiatan IDP kembali berstatus berjalan` : ''}`,
        before: record,
      });
      return { reopenedItems: reopened };
    });
  }

  async compliance(request: { year?: number; unitId?: number }) {
    const { jpTarget, jpYearRule } = await this.settings.get();
    const today = this.clock.today();
    const yearsWithData = await this.yearsWithData();
    const currentYear = Number(today.slice(0, 4));
    const year = request.year ?? (yearsWithData.find((y) => y <= currentYear) ?? currentYear);
    const referenceDate = this.referenceDate(year, today);
    const scope = await unitScope(this.sql, this.read, request.unitId);
    const rows = await this.sql.training.compliancePerUnit(this.read, { year, asOf: today, referenceDate, target: jpTarget, subtree: scope.condition });
    const units = await this.sql.units.units(this.read);
    const unitRows = rollupByUnit(units, rows, ['population', 'compliant', 'jp'] as const, scope.unit)
      .map((g) => ({
        unitId: g.unitId, unitName: g.unitName, hasChildren: g.hasChildren, population: g.population, compliant: g.compliant, below: g.population - g.compliant,
        percent: g.population > 0 ? round2((g.compliant / g.population) * 100) : null, averageJp: g.population > 0 ? round2(g.jp / g.population) : null,
      }))
      .sort((a, b) => (a.percent ?? 101) - (b.percent ?? 101) || collator.compare(a.unitName, b.unitName));
    const population = unitRows.reduce((s, r) => s + r.population, 0);
    const compliant = unitRows.reduce((s, r) => s + r.compliant, 0);
    return {
      year, referenceDate, target: jpTarget, rule: jpYearRule,
      unit: scope.unit ? { id: scope.unit.id, name: scope.unit.name, parentId: scope.unit.parentId } : null,
      population, compliant, below: population - compliant, percent: population > 0 ? round2((compliant / population) * 100) : null,
      units: unitRows, yearsWithData,
    };
  }

  async below(request: { year: number; unitId?: number; search?: string; offset: number; limit: number }) {
    const { jpTarget } = await this.settings.get();
    const today = this.clock.today();
    const scope = await unitScope(this.sql, this.read, request.unitId);
    const { total, page } = await this.sql.training.belowPage(this.read, {
      year: request.year, asOf: today, referenceDate: this.referenceDate(request.year, today), target: jpTarget,
      subtree: scope.condition, search: employeeSearchCondition(request.search ?? '', 'e', dialectOfManager(this.dataSource)), offset: request.offset, limit: request.limit,
    });
    const people = await this.sql.training.employeeRows(this.read, page.map((p) => p.id));
    return {
      total, target: jpTarget,
      rows: page.map((p) => {
        const person = people.get(p.id)!;
        return {
          employeeId: p.id, nip: person.nip, name: person.fullName, unitName: person.unitName, opdName: person.opdName,
          positionName: person.positionName, jp: roundJp(Number(p.jp)), shortfall: roundJp(jpTarget - Number(p.jp)), trainings: Number(p.trainings),
        };
      }),
    };
  }

  /** Counts for stats --json: population of `year` as of `asOf`, and how many reached the target. */
  async complianceCounts(year: number, asOf: IsoDate): Promise<{ compliant: number; below: number }> {
    const { jpTarget } = await this.settings.get();
    const { population, compliant } = await this.sql.training.complianceTotal(this.read, { year, asOf, referenceDate: this.referenceDate(year, asOf), target: jpTarget });
    return { compliant, below: population - compliant };
  }
}
