// Training records (diklat) and the 20 JP compliance (PP 11/2017 Pasal 203(4); DOMAIN.md §13).
//
// Compliance reads employee_training_year (JP per employee and year, kept on write by db/derived.ts), never a
// scan of every training. The population of a year: PNS and CPNS in service on its last day (31 December, or
// today for the current year): status aktif, or left the service after that day. PPPK are outside the
// PNS obligation of Pasal 203 and are not counted; units are the employees' current units.

import type { DataSource, EntityManager } from 'typeorm';
import type { IsoDate } from '../../../shared/domain/dates';
import { meetsJpTarget, roundJp, trainingTypeLabel } from '../../../shared/domain/development';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import { AppError, type FieldIssue } from '../../../shared/errors';
import type { TrainingInputParsed, TrainingRow } from '../../../shared/ipc/channels/development.channels';
import { refreshDerived } from '../../db/derived';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import { collator, employeeSearch, personName, requireEmployee, rollupByUnit, round2, str, unitSubtree, type Rows } from './common';
import type { DevelopmentSettingsStore } from './settings';

/** Written so SQLite answers it from the partial covering index idx_employee_development (keep the IN term). */
export const POPULATION_SQL = `e.employment_type IN ('PNS', 'CPNS') AND (e.cpns_tmt IS NULL OR e.cpns_tmt <= ?)
  AND (e.status = 'active' OR (e.status_date IS NOT NULL AND e.status_date > ?))`;

const TRAINING_COLUMNS = `t.id, t.employee_id, t.title, t.type, t.provider, t.start_date, t.end_date, t.jp, t.cost, t.certificate_number,
  t.catalog_id, t.source, e.nip, e.name, e.front_title, e.back_title, u.name AS unit_name,
  (SELECT i.id FROM development_plan_item i WHERE i.training_record_id = t.id LIMIT 1) AS plan_item_id`;

function trainingRow(r: Record<string, unknown>): TrainingRow {
  return {
    id: r.id as number, employeeId: r.employee_id as number, employeeName: personName(r), nip: r.nip as string, unitName: str(r.unit_name),
    title: r.title as string, type: r.type as string, provider: str(r.provider), startDate: r.start_date as string, endDate: r.end_date as string,
    jp: roundJp(Number(r.jp)), cost: r.cost === null ? null : Number(r.cost), certificateNumber: str(r.certificate_number),
    catalogId: (r.catalog_id as number | null) ?? null, source: r.source as string, planItemId: (r.plan_item_id as number | null) ?? null,
  };
}

export class TrainingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly settings: DevelopmentSettingsStore,
  ) {}

  /** The last day counted for `year`: 31 December of a past year, else today. */
  referenceDate(year: number, today: IsoDate = this.clock.today()): IsoDate {
    return year < Number(today.slice(0, 4)) ? `${year}-12-31` : today;
  }

  /** Years with any JP row, newest first (one index probe per year, not a scan). */
  async yearsWithData(db: DataSource | EntityManager = this.dataSource): Promise<number[]> {
    const years: number[] = [];
    let below = 10_000;
    for (let i = 0; i < 60; i++) {
      const [{ y }] = await db.query('SELECT MAX(year) AS y FROM employee_training_year WHERE year < ?', [below]);
      if (y === null) break;
      years.push(y);
      below = y;
    }
    return years;
  }

  /** The default year of every JP view: the latest year with data, up to the current year. */
  async defaultYear(asOf: IsoDate = this.clock.today()): Promise<number> {
    const current = Number(asOf.slice(0, 4));
    return (await this.yearsWithData()).find((y) => y <= current) ?? current;
  }

  async list(filter: { employeeId?: number; year?: number; unitId?: number; type?: string; search?: string; offset: number; limit: number }) {
    const where: string[] = ['1 = 1'];
    const params: unknown[] = [];
    if (filter.employeeId !== undefined) { where.push('t.employee_id = ?'); params.push(filter.employeeId); }
    if (filter.year !== undefined) { where.push('t.end_date BETWEEN ? AND ?'); params.push(`${filter.year}-01-01`, `${filter.year}-12-31`); }
    if (filter.type !== undefined) { where.push('t.type = ?'); params.push(filter.type); }
    const subtree = await unitSubtree(this.dataSource, filter.unitId);
    const search = employeeSearch(filter.search);
    const clause = `${where.join(' AND ')}${subtree.sql}${search.sql}`;
    const all = [...params, ...subtree.params, ...search.params];
    const from = 'FROM training_record t JOIN employee e ON e.id = t.employee_id LEFT JOIN unit u ON u.id = e.unit_id';
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total ${from} WHERE ${clause}`, all);
    const rows: Rows = await this.dataSource.query(
      `SELECT ${TRAINING_COLUMNS} ${from} WHERE ${clause} ORDER BY t.end_date DESC, t.id DESC LIMIT ? OFFSET ?`, [...all, filter.limit, filter.offset]);
    return { total, rows: rows.map(trainingRow) };
  }

  /** The profile's Diklat tab: every record and the JP of each year from the first recorded training to now. */
  async employeeTraining(employeeId: number) {
    await requireEmployee(this.dataSource, employeeId);
    const { jpTarget, jpYearRule } = await this.settings.get();
    const rows: Rows = await this.dataSource.query(
      `SELECT ${TRAINING_COLUMNS} FROM training_record t JOIN employee e ON e.id = t.employee_id LEFT JOIN unit u ON u.id = e.unit_id
       WHERE t.employee_id = ? ORDER BY t.end_date DESC, t.id DESC`, [employeeId]);
    const perYear: Array<{ year: number; jp: number; trainings: number }> = await this.dataSource.query(
      'SELECT year, jp, trainings FROM employee_training_year WHERE employee_id = ? ORDER BY year DESC', [employeeId]);
    // From the first year with a recorded training (never earlier: no record is "belum ada data", not 0 JP)
    // to the current year; a year in between without any training counts 0 JP.
    const currentYear = Number(this.clock.today().slice(0, 4));
    const byYear = new Map(perYear.map((y) => [y.year, y]));
    const first = perYear.length ? Math.min(...perYear.map((y) => y.year)) : currentYear;
    const last = Math.max(currentYear, ...perYear.map((y) => y.year));
    const years = [];
    for (let y = last; y >= first; y--) {
      const row = byYear.get(y);
      years.push({ year: y, jp: roundJp(row?.jp ?? 0), trainings: row?.trainings ?? 0, meetsTarget: meetsJpTarget(row?.jp ?? 0, jpTarget) });
    }
    return { target: jpTarget, rule: jpYearRule, years, records: rows.map(trainingRow) };
  }

  /** Field rules plus what only the database knows. Never writes. */
  async validate(employeeId: number, input: TrainingInputParsed, id?: number, db: DataSource | EntityManager = this.dataSource): Promise<{ errors: FieldIssue[]; warnings: FieldIssue[] }> {
    const errors: FieldIssue[] = [];
    const warnings: FieldIssue[] = [];
    const [employee] = await db.query('SELECT id, cpns_tmt FROM employee WHERE id = ?', [employeeId]);
    if (!employee) errors.push({ path: 'employeeId', message: `Pegawai dengan ID ${employeeId} tidak ditemukan.` });
    const today = this.clock.today();
    if (input.endDate < input.startDate) errors.push({ path: 'endDate', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai.' });
    if (input.endDate > today) {
      errors.push({ path: 'endDate', message: `Tanggal selesai (${formatDateId(input.endDate)}) belum lewat; diklat yang belum selesai dicatat sebagai rencana di IDP.` });
    }
    if (input.startDate < '1960-01-01') errors.push({ path: 'startDate', message: 'Tanggal mulai terlalu lampau.' });
    if (input.catalogId !== null) {
      const [catalog] = await db.query('SELECT id FROM training_catalog WHERE id = ?', [input.catalogId]);
      if (!catalog) errors.push({ path: 'catalogId', message: `Kegiatan katalog dengan ID ${input.catalogId} tidak ditemukan.` });
    }
    if (employee && errors.length === 0) {
      const [duplicate] = await db.query(
        `SELECT id FROM training_record WHERE employee_id = ? AND lower(title) = lower(?) AND start_date = ? AND end_date = ? AND id IS NOT ?`,
        [employeeId, input.title, input.startDate, input.endDate, id ?? null]);
      if (duplicate) errors.push({ path: 'title', message: `Diklat "${input.title}" pada tanggal yang sama sudah tercatat untuk pegawai ini.` });
      if (employee.cpns_tmt && input.startDate < employee.cpns_tmt) {
        warnings.push({ path: 'startDate', message: `Diklat dimulai sebelum TMT CPNS (${formatDateId(employee.cpns_tmt)}).` });
      }
    }
    if (input.endDate >= input.startDate) {
      const days = Math.round((Date.parse(input.endDate) - Date.parse(input.startDate)) / 86_400_000) + 1;
      if (input.jp > days * 12) {
        warnings.push({ path: 'jp', message: `${formatNumberId(input.jp)} JP dalam ${days} hari berarti lebih dari 12 JP per hari; periksa kembali sertifikatnya.` });
      }
    }
    return { errors, warnings };
  }

  /** Inserts or updates one record inside the caller's transaction (also used to complete an IDP item). */
  async write(manager: EntityManager, actor: string, employeeId: number, input: TrainingInputParsed, id?: number): Promise<{ id: number; warnings: FieldIssue[] }> {
    const { errors, warnings } = await this.validate(employeeId, input, id, manager);
    if (errors.length > 0) throw AppError.validation(errors, `Diklat belum dapat disimpan: ${errors.map((e) => e.message).join(' ')}`);
    const employee = await requireEmployee(manager, employeeId);
    const values = [input.title, input.type, input.provider, input.startDate, input.endDate, input.jp, input.cost, input.certificateNumber, input.catalogId];
    let recordId: number;
    let before: Record<string, unknown> | undefined;
    if (id === undefined) {
      await manager.query(
        `INSERT INTO training_record (employee_id, title, type, provider, start_date, end_date, jp, cost, certificate_number, catalog_id, source, snapshot_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'manual', NULL, ?)`, [employeeId, ...values, this.clock.now()]);
      [{ id: recordId }] = await manager.query('SELECT last_insert_rowid() AS id');
    } else {
      [before] = await manager.query('SELECT title, type, provider, start_date, end_date, jp, cost, certificate_number, catalog_id, employee_id FROM training_record WHERE id = ?', [id]);
      if (!before) throw new AppError('not_found', `Catatan diklat dengan ID ${id} tidak ditemukan.`);
      if (before.employee_id !== employeeId) throw new AppError('validation', 'Catatan diklat ini milik pegawai lain; pegawainya tidak dapat diganti.');
      await manager.query(
        `UPDATE training_record SET title = ?, type = ?, provider = ?, start_date = ?, end_date = ?, jp = ?, cost = ?, certificate_number = ?, catalog_id = ? WHERE id = ?`,
        [...values, id]);
      recordId = id;
    }
    await refreshDerived((sql, params) => manager.query(sql, params), 'training_record', [employeeId]);
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
      const [record] = await manager.query('SELECT id, employee_id, title, jp, start_date, end_date FROM training_record WHERE id = ?', [id]);
      if (!record) throw new AppError('not_found', `Catatan diklat dengan ID ${id} tidak ditemukan.`);
      const employee = await requireEmployee(manager, record.employee_id);
      const linked: Array<{ id: number }> = await manager.query('SELECT id FROM development_plan_item WHERE training_record_id = ?', [id]);
      // The item was done because of this training; without it, it is under way again.
      await manager.query(`UPDATE development_plan_item SET status = 'berjalan', training_record_id = NULL, updated_at = ? WHERE training_record_id = ?`, [this.clock.now(), id]);
      await manager.query('DELETE FROM training_record WHERE id = ?', [id]);
      await refreshDerived((sql, params) => manager.query(sql, params), 'training_record', [record.employee_id]);
      await this.audit.record(manager, {
        actor, action: 'delete', entity: 'training_record', entityId: id, employeeId: record.employee_id,
        summary: `Menghapus diklat "${record.title}" pegawai ${employee.fullName}${linked.length ? `; ${linked.length} kegiatan IDP kembali berstatus berjalan` : ''}`,
        before: record,
      });
      return { reopenedItems: linked.length };
    });
  }

  async compliance(request: { year?: number; unitId?: number }) {
    const { jpTarget, jpYearRule } = await this.settings.get();
    const yearsWithData = await this.yearsWithData();
    const currentYear = Number(this.clock.today().slice(0, 4));
    const year = request.year ?? (yearsWithData.find((y) => y <= currentYear) ?? currentYear);
    const referenceDate = this.referenceDate(year);
    const subtree = await unitSubtree(this.dataSource, request.unitId);
    const rows: Array<{ unit_id: number | null; population: number; compliant: number; jp: number }> = await this.dataSource.query(
      `SELECT e.unit_id, COUNT(*) AS population, SUM(CASE WHEN ROUND(COALESCE(t.jp, 0), 2) >= ? THEN 1 ELSE 0 END) AS compliant, SUM(COALESCE(t.jp, 0)) AS jp
       FROM employee e LEFT JOIN employee_training_year t ON t.employee_id = e.id AND t.year = ?
       WHERE ${POPULATION_SQL}${subtree.sql} GROUP BY e.unit_id`,
      [jpTarget, year, referenceDate, referenceDate, ...subtree.params]);

    const groups = await rollupByUnit(this.dataSource, rows, ['population', 'compliant', 'jp'] as const, subtree.unit);
    const unitRows = groups
      .map((g) => ({
        unitId: g.unitId, unitName: g.unitName, hasChildren: g.hasChildren, population: g.population, compliant: g.compliant, below: g.population - g.compliant,
        percent: g.population > 0 ? round2((g.compliant / g.population) * 100) : null, averageJp: g.population > 0 ? round2(g.jp / g.population) : null,
      }))
      .sort((a, b) => (a.percent ?? 101) - (b.percent ?? 101) || collator.compare(a.unitName, b.unitName));
    const population = unitRows.reduce((s, r) => s + r.population, 0);
    const compliant = unitRows.reduce((s, r) => s + r.compliant, 0);
    return {
      year, referenceDate, target: jpTarget, rule: jpYearRule,
      unit: subtree.unit ? { id: subtree.unit.id, name: subtree.unit.name, parentId: subtree.unit.parentId } : null,
      population, compliant, below: population - compliant, percent: population > 0 ? round2((compliant / population) * 100) : null,
      units: unitRows, yearsWithData,
    };
  }

  async below(request: { year: number; unitId?: number; search?: string; offset: number; limit: number }) {
    const { jpTarget } = await this.settings.get();
    const referenceDate = this.referenceDate(request.year);
    const subtree = await unitSubtree(this.dataSource, request.unitId);
    const search = employeeSearch(request.search);
    const from = 'FROM employee e LEFT JOIN employee_training_year t ON t.employee_id = e.id AND t.year = ?';
    const where = `WHERE ${POPULATION_SQL} AND ROUND(COALESCE(t.jp, 0), 2) < ?${subtree.sql}${search.sql}`;
    const params = [request.year, referenceDate, referenceDate, jpTarget, ...subtree.params, ...search.params];
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total ${from} ${where}`, params);
    // Two steps: the page's ids from the covering index (lowest JP first), then the page's details.
    const page: Array<{ id: number; jp: number; trainings: number }> = await this.dataSource.query(
      `SELECT e.id, COALESCE(t.jp, 0) AS jp, COALESCE(t.trainings, 0) AS trainings ${from} ${where} ORDER BY COALESCE(t.jp, 0), e.id LIMIT ? OFFSET ?`,
      [...params, request.limit, request.offset]);
    const details = new Map<number, Record<string, unknown>>();
    if (page.length > 0) {
      const rows: Rows = await this.dataSource.query(
        `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, u.name AS unit_name, r.name AS opd_name, p.name AS position_name
         FROM employee e LEFT JOIN unit u ON u.id = e.unit_id LEFT JOIN unit r ON r.id = u.root_id LEFT JOIN position p ON p.id = e.position_id
         WHERE e.id IN (${page.map(() => '?').join(',')})`, page.map((p) => p.id));
      for (const r of rows) details.set(r.id as number, r);
    }
    return {
      total, target: jpTarget,
      rows: page.map((p) => {
        const r = details.get(p.id)!;
        return {
          employeeId: p.id, nip: r.nip as string, name: personName(r), unitName: str(r.unit_name), opdName: str(r.opd_name),
          positionName: str(r.position_name), jp: roundJp(Number(p.jp)), shortfall: roundJp(jpTarget - Number(p.jp)), trainings: Number(p.trainings),
        };
      }),
    };
  }

  /** Counts for stats --json: population of `year`, and how many reached the target. */
  async complianceCounts(year: number, asOf: IsoDate): Promise<{ compliant: number; below: number }> {
    const { jpTarget } = await this.settings.get();
    const referenceDate = this.referenceDate(year, asOf);
    const [row] = await this.dataSource.query(
      `SELECT COUNT(*) AS population, SUM(CASE WHEN ROUND(COALESCE(t.jp, 0), 2) >= ? THEN 1 ELSE 0 END) AS compliant
       FROM employee e LEFT JOIN employee_training_year t ON t.employee_id = e.id AND t.year = ? WHERE ${POPULATION_SQL}`,
      [jpTarget, year, referenceDate, referenceDate]);
    const compliant = Number(row.compliant ?? 0);
    return { compliant, below: Number(row.population) - compliant };
  }
}
