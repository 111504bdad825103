// Individual development plans (IDP), the training catalogue the office maintains, and the budget ceilings per
// perangkat daerah. A plan is proposed from the competency gaps of the current (or a target) position and the
// missing required trainings (shared/domain/development.ts); the gaps come from the competency tables through
// inputs.ts. One plan per employee and year; every change is audited in its own transaction.

import type { DataSource, EntityManager } from 'typeorm';
import {
  IDP_ITEM_STATUSES, missingRequiredTrainings, proposeDevelopmentPlan, requiredTrainings, roundJp, trainingTypeLabel,
  type CatalogActivity, type IdpItemStatus,
} from '../../../shared/domain/development';
import { formatNumberId, formatRupiah } from '../../../shared/format/id-format';
import { AppError, type FieldIssue } from '../../../shared/errors';
import type {
  CatalogRow, PlanDetail, PlanItemRow, PlanProposal, TrainingInputParsed,
} from '../../../shared/ipc/channels/development.channels';
import type { planItemInput, catalogInput } from '../../../shared/ipc/channels/development.channels';
import type { z } from 'zod';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import { collator, employeeSearch, num, personName, requireEmployee, rollupByUnit, str, unitSubtree, type Rows } from './common';
import { currentCompetencyLevels, positionStandard, successionTargets } from './inputs';
import type { TrainingService } from './training.service';

type ItemInput = z.output<typeof planItemInput>;
type CatalogInput = z.output<typeof catalogInput>;
type Db = DataSource | EntityManager;

const STATUS_LABEL = Object.fromEntries(IDP_ITEM_STATUSES.map((s) => [s.code, s.label])) as Record<IdpItemStatus, string>;

export class PlanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly training: TrainingService,
  ) {}

  private currentYear(): number {
    return Number(this.clock.today().slice(0, 4));
  }

  private checkPlanYear(year: number): void {
    const current = this.currentYear();
    if (year < current - 1 || year > current + 2) {
      throw AppError.validation([{ path: 'year', message: `Tahun rencana harus antara ${current - 1} dan ${current + 2}.` }]);
    }
  }

  // Catalogue -----------------------------------------------------------------------------------------------

  async catalog(includeInactive: boolean): Promise<CatalogRow[]> {
    const rows: Rows = await this.dataSource.query(
      `SELECT c.id, c.title, c.type, c.jp, c.estimated_cost, c.provider, c.competency_id, c.active, d.code, d.name AS competency_name,
              (SELECT COUNT(*) FROM development_plan_item i WHERE i.catalog_id = c.id) + (SELECT COUNT(*) FROM training_record t WHERE t.catalog_id = c.id) AS usage
       FROM training_catalog c LEFT JOIN competency_definition d ON d.id = c.competency_id
       ${includeInactive ? '' : 'WHERE c.active = 1'} ORDER BY c.active DESC, c.title`);
    return rows.map((r) => ({
      id: r.id as number, title: r.title as string, type: r.type as string, jp: Number(r.jp), estimatedCost: Number(r.estimated_cost),
      provider: str(r.provider), competencyId: (r.competency_id as number | null) ?? null, competencyCode: str(r.code),
      competencyName: str(r.competency_name), active: Boolean(r.active), usage: Number(r.usage),
    }));
  }

  async saveCatalog(actor: string, input: CatalogInput, id?: number): Promise<{ id: number }> {
    return this.dataSource.transaction(async (manager) => {
      if (input.competencyId !== null) await this.requireCompetency(manager, input.competencyId);
      const values = [input.title, input.type, input.jp, input.estimatedCost, input.provider, input.competencyId, input.active ? 1 : 0];
      let catalogId = id;
      let before: unknown;
      if (id === undefined) {
        await manager.query('INSERT INTO training_catalog (title, type, jp, estimated_cost, provider, competency_id, active) VALUES (?, ?, ?, ?, ?, ?, ?)', values);
        [{ id: catalogId }] = await manager.query('SELECT last_insert_rowid() AS id');
      } else {
        [before] = await manager.query('SELECT title, type, jp, estimated_cost, provider, competency_id, active FROM training_catalog WHERE id = ?', [id]);
        if (!before) throw new AppError('not_found', `Kegiatan katalog dengan ID ${id} tidak ditemukan.`);
        await manager.query('UPDATE training_catalog SET title = ?, type = ?, jp = ?, estimated_cost = ?, provider = ?, competency_id = ?, active = ? WHERE id = ?', [...values, id]);
      }
      await this.audit.record(manager, {
        actor, action: id === undefined ? 'create' : 'update', entity: 'training_catalog', entityId: catalogId!,
        summary: `${id === undefined ? 'Menambah' : 'Mengubah'} katalog pengembangan "${input.title}" (${trainingTypeLabel(input.type)}, ${formatNumberId(input.jp)} JP, ${formatRupiah(input.estimatedCost)})`,
        before, after: input,
      });
      return { id: catalogId! };
    });
  }

  async competencies() {
    const rows: Array<{ id: number; code: string; name: string; group: string }> = await this.dataSource.query(
      'SELECT id, code, name, "group" FROM competency_definition WHERE active = 1 ORDER BY sort_order, code');
    return { rows };
  }

  private async requireCompetency(db: Db, competencyId: number): Promise<void> {
    const [row] = await db.query('SELECT id FROM competency_definition WHERE id = ?', [competencyId]);
    if (!row) throw AppError.validation([{ path: 'competencyId', message: `Kompetensi dengan ID ${competencyId} tidak ditemukan.` }]);
  }

  // Proposal ------------------------------------------------------------------------------------------------

  async propose(employeeId: number, year: number, targetPositionId: number | null | undefined): Promise<PlanProposal> {
    this.checkPlanYear(year);
    const employee = await requireEmployee(this.dataSource, employeeId);
    let basis: PlanProposal['basis'] = null;
    if (targetPositionId) {
      const [target] = await this.dataSource.query('SELECT id, name, level FROM position WHERE id = ?', [targetPositionId]);
      if (!target) throw new AppError('not_found', `Jabatan target dengan ID ${targetPositionId} tidak ditemukan.`);
      basis = { positionId: target.id, positionName: target.name, level: target.level, isTarget: true };
    } else if (employee.positionId !== null) {
      basis = { positionId: employee.positionId, positionName: employee.positionName ?? '', level: employee.positionLevel ?? '', isTarget: false };
    }
    const notes: string[] = [];
    const standard = basis ? await positionStandard(this.dataSource, basis.positionId) : [];
    const current = await currentCompetencyLevels(this.dataSource, employeeId);
    const followed: Array<{ type: string }> = await this.dataSource.query('SELECT DISTINCT type FROM training_record WHERE employee_id = ?', [employeeId]);
    const missing = missingRequiredTrainings(
      requiredTrainings({ employmentType: employee.employmentType, positionLevel: basis?.level ?? null }), followed.map((f) => f.type));
    const catalog: CatalogActivity[] = (await this.catalog(false)).map((c) => ({
      id: c.id, title: c.title, type: c.type, jp: c.jp, estimatedCost: c.estimatedCost, competencyId: c.competencyId, active: c.active,
    }));
    const proposal = proposeDevelopmentPlan({ year, today: this.clock.today(), standard, current, catalog, missingTrainings: missing });

    if (!basis) notes.push('Jabatan pegawai belum diisi; pilih jabatan target untuk menyusun rencana dari kesenjangan kompetensi.');
    else if (proposal.standardMissing) notes.push(`Standar kompetensi jabatan belum ditetapkan untuk ${basis.positionName}; kesenjangan kompetensi tidak dapat dihitung.`);
    if (proposal.notAssessed.length > 0) {
      notes.push(`${proposal.notAssessed.length} kompetensi belum diasesmen (${proposal.notAssessed.map((c) => `${c.code} ${c.name}`).join(', ')}); kesenjangannya belum diketahui, usulkan asesmen.`);
    }
    if (!proposal.standardMissing && proposal.items.every((i) => i.kind !== 'gap') && proposal.notAssessed.length < standard.length) {
      notes.push('Tidak ada kesenjangan pada kompetensi yang sudah diasesmen.');
    }
    if (missing.some((m) => m.confidence === 'U')) {
      notes.push(`Kewajiban ${missing.filter((m) => m.confidence === 'U').map((m) => m.label).join(', ')} mengikuti praktik umum; dasar hukumnya belum terkonfirmasi.`);
    }
    const names = new Map(standard.map((s) => [s.competencyId, s.name]));
    const [existing] = await this.dataSource.query('SELECT id FROM development_plan WHERE employee_id = ? AND year = ?', [employeeId, year]);
    return {
      employeeId, year, basis, notes, standardMissing: basis !== null && proposal.standardMissing,
      notAssessed: proposal.notAssessed, met: proposal.met,
      items: proposal.items.map((i) => ({ ...i, competencyName: i.competencyId ? names.get(i.competencyId) ?? null : null })),
      existingPlanId: existing?.id ?? null,
    };
  }

  /** Target positions offered for an IDP: those the employee is a named successor for. */
  async successionTargets(employeeId: number) {
    await requireEmployee(this.dataSource, employeeId);
    return { rows: await successionTargets(this.dataSource, employeeId) };
  }

  // Plans ---------------------------------------------------------------------------------------------------

  private async validateItem(db: Db, item: ItemInput, year: number, index?: number): Promise<FieldIssue[]> {
    const at = index === undefined ? '' : `items.${index}.`;
    const label = index === undefined ? '' : `Kegiatan ${index + 1}: `;
    const issues: FieldIssue[] = [];
    if (item.competencyId === null && item.requirement === null) {
      issues.push({ path: `${at}requirement`, message: `${label}isi kompetensi atau kebutuhan yang dijawab kegiatan ini.` });
    }
    if (item.competencyId !== null) {
      const [row] = await db.query('SELECT id FROM competency_definition WHERE id = ?', [item.competencyId]);
      if (!row) issues.push({ path: `${at}competencyId`, message: `${label}kompetensi dengan ID ${item.competencyId} tidak ditemukan.` });
    }
    if (item.catalogId !== null) {
      const [row] = await db.query('SELECT id FROM training_catalog WHERE id = ?', [item.catalogId]);
      if (!row) issues.push({ path: `${at}catalogId`, message: `${label}kegiatan katalog dengan ID ${item.catalogId} tidak ditemukan.` });
    }
    if (item.targetDate !== null && Number(item.targetDate.slice(0, 4)) !== year) {
      issues.push({ path: `${at}targetDate`, message: `${label}tanggal target harus di tahun rencana ${year}.` });
    }
    if (item.currentLevel !== null && item.targetLevel !== null && item.targetLevel < item.currentLevel) {
      issues.push({ path: `${at}targetLevel`, message: `${label}level target tidak boleh di bawah level saat ini.` });
    }
    if (item.status === 'selesai') {
      issues.push({ path: `${at}status`, message: `${label}status "selesai" diberikan lewat "Selesaikan", yang mencatat diklatnya.` });
    }
    return issues;
  }

  private async insertItem(manager: EntityManager, planId: number, item: ItemInput): Promise<number> {
    await manager.query(
      `INSERT INTO development_plan_item (plan_id, competency_id, requirement, current_level, target_level, activity, catalog_id, jp, estimated_cost, target_date, status, training_record_id, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
      [planId, item.competencyId, item.requirement, item.currentLevel, item.targetLevel, item.activity, item.catalogId, item.jp, item.estimatedCost,
        item.targetDate, item.status, this.clock.now()]);
    const [{ id }] = await manager.query('SELECT last_insert_rowid() AS id');
    return id;
  }

  async createPlan(actor: string, input: { employeeId: number; year: number; targetPositionId: number | null; notes: string | null; items: ItemInput[] }): Promise<{ id: number }> {
    this.checkPlanYear(input.year);
    return this.dataSource.transaction(async (manager) => {
      const employee = await requireEmployee(manager, input.employeeId);
      if (employee.status !== 'active') throw new AppError('validation', `${employee.fullName} tidak berstatus aktif; rencana pengembangan hanya untuk pegawai aktif.`);
      const [existing] = await manager.query('SELECT id FROM development_plan WHERE employee_id = ? AND year = ?', [input.employeeId, input.year]);
      if (existing) {
        throw new AppError('conflict', `${employee.fullName} sudah memiliki rencana pengembangan tahun ${input.year}; buka rencana itu untuk menambah kegiatan.`, { planId: existing.id });
      }
      if (input.targetPositionId !== null) {
        const [position] = await manager.query('SELECT id FROM position WHERE id = ?', [input.targetPositionId]);
        if (!position) throw AppError.validation([{ path: 'targetPositionId', message: `Jabatan target dengan ID ${input.targetPositionId} tidak ditemukan.` }]);
      }
      const issues: FieldIssue[] = [];
      for (const [i, item] of input.items.entries()) issues.push(...(await this.validateItem(manager, item, input.year, i)));
      if (issues.length > 0) throw AppError.validation(issues, `Rencana belum dapat disimpan: ${issues.map((x) => x.message).join(' ')}`);
      const now = this.clock.now();
      await manager.query(
        'INSERT INTO development_plan (employee_id, year, target_position_id, notes, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [input.employeeId, input.year, input.targetPositionId, input.notes, actor, now, now]);
      const [{ id }] = await manager.query('SELECT last_insert_rowid() AS id');
      for (const item of input.items) await this.insertItem(manager, id, item);
      await this.audit.record(manager, {
        actor, action: 'create', entity: 'development_plan', entityId: id, employeeId: input.employeeId,
        summary: `Menyusun rencana pengembangan ${input.year} untuk ${employee.fullName} (${input.items.length} kegiatan, ${formatNumberId(input.items.reduce((s, i) => s + i.jp, 0))} JP)`,
        after: input,
      });
      return { id };
    });
  }

  private async planRows(where: string, params: unknown[]): Promise<PlanDetail[]> {
    const plans: Rows = await this.dataSource.query(
      `SELECT pl.*, e.nip, e.name, e.front_title, e.back_title, p.name AS position_name, u.name AS unit_name, tp.name AS target_name
       FROM development_plan pl JOIN employee e ON e.id = pl.employee_id LEFT JOIN position p ON p.id = e.position_id
       LEFT JOIN unit u ON u.id = e.unit_id LEFT JOIN position tp ON tp.id = pl.target_position_id
       WHERE ${where} ORDER BY pl.year DESC, pl.id DESC`, params);
    if (plans.length === 0) return [];
    const ids = plans.map((p) => p.id as number);
    const items: Rows = await this.dataSource.query(
      `SELECT i.*, d.code AS competency_code, d.name AS competency_name, t.title AS training_title, t.end_date AS training_end_date
       FROM development_plan_item i LEFT JOIN competency_definition d ON d.id = i.competency_id LEFT JOIN training_record t ON t.id = i.training_record_id
       WHERE i.plan_id IN (${ids.map(() => '?').join(',')}) ORDER BY i.target_date IS NULL, i.target_date, i.id`, ids);
    const today = this.clock.today();
    const byPlan = new Map<number, PlanItemRow[]>();
    for (const r of items) {
      const status = r.status as IdpItemStatus;
      const row: PlanItemRow = {
        id: r.id as number, planId: r.plan_id as number, competencyId: num(r.competency_id), competencyCode: str(r.competency_code),
        competencyName: str(r.competency_name), requirement: str(r.requirement), currentLevel: num(r.current_level), targetLevel: num(r.target_level),
        activity: r.activity as string, catalogId: num(r.catalog_id), jp: roundJp(Number(r.jp)), estimatedCost: Number(r.estimated_cost),
        targetDate: str(r.target_date), status, trainingRecordId: num(r.training_record_id), trainingTitle: str(r.training_title),
        trainingEndDate: str(r.training_end_date),
        overdue: (status === 'direncanakan' || status === 'berjalan') && r.target_date !== null && String(r.target_date) < today,
      };
      byPlan.set(row.planId, [...(byPlan.get(row.planId) ?? []), row]);
    }
    return plans.map((p) => {
      const list = byPlan.get(p.id as number) ?? [];
      const live = list.filter((i) => i.status !== 'batal');
      return {
        id: p.id as number, employeeId: p.employee_id as number, employeeName: personName(p), nip: p.nip as string,
        positionName: str(p.position_name), unitName: str(p.unit_name), year: p.year as number, targetPositionId: num(p.target_position_id),
        targetPositionName: str(p.target_name), notes: str(p.notes), createdBy: p.created_by as string, createdAt: p.created_at as string,
        updatedAt: p.updated_at as string, items: list,
        plannedJp: roundJp(live.reduce((s, i) => s + i.jp, 0)), plannedCost: live.reduce((s, i) => s + i.estimatedCost, 0),
        completedJp: roundJp(list.filter((i) => i.status === 'selesai').reduce((s, i) => s + i.jp, 0)),
      };
    });
  }

  async plan(id: number): Promise<PlanDetail> {
    const [plan] = await this.planRows('pl.id = ?', [id]);
    if (!plan) throw new AppError('not_found', `Rencana pengembangan dengan ID ${id} tidak ditemukan.`);
    return plan;
  }

  async employeePlans(employeeId: number): Promise<{ plans: PlanDetail[] }> {
    await requireEmployee(this.dataSource, employeeId);
    return { plans: await this.planRows('pl.employee_id = ?', [employeeId]) };
  }

  private async requirePlan(manager: EntityManager, id: number) {
    const [plan] = await manager.query('SELECT id, employee_id, year, target_position_id, notes FROM development_plan WHERE id = ?', [id]);
    if (!plan) throw new AppError('not_found', `Rencana pengembangan dengan ID ${id} tidak ditemukan.`);
    const employee = await requireEmployee(manager, plan.employee_id);
    return { plan, employee };
  }

  private async requireItem(manager: EntityManager, id: number) {
    const [item] = await manager.query('SELECT * FROM development_plan_item WHERE id = ?', [id]);
    if (!item) throw new AppError('not_found', `Kegiatan rencana pengembangan dengan ID ${id} tidak ditemukan.`);
    const { plan, employee } = await this.requirePlan(manager, item.plan_id);
    return { item, plan, employee };
  }

  private async touch(manager: EntityManager, planId: number) {
    await manager.query('UPDATE development_plan SET updated_at = ? WHERE id = ?', [this.clock.now(), planId]);
  }

  async updatePlan(actor: string, id: number, patch: { targetPositionId?: number | null; notes?: string | null }) {
    return this.dataSource.transaction(async (manager) => {
      const { plan, employee } = await this.requirePlan(manager, id);
      if (patch.targetPositionId) {
        const [position] = await manager.query('SELECT id FROM position WHERE id = ?', [patch.targetPositionId]);
        if (!position) throw AppError.validation([{ path: 'targetPositionId', message: `Jabatan target dengan ID ${patch.targetPositionId} tidak ditemukan.` }]);
      }
      const next = { target_position_id: patch.targetPositionId === undefined ? plan.target_position_id : patch.targetPositionId, notes: patch.notes === undefined ? plan.notes : patch.notes };
      await manager.query('UPDATE development_plan SET target_position_id = ?, notes = ?, updated_at = ? WHERE id = ?', [next.target_position_id, next.notes, this.clock.now(), id]);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'development_plan', entityId: id, employeeId: plan.employee_id,
        summary: `Mengubah rencana pengembangan ${plan.year} ${employee.fullName}`, before: plan, after: next,
      });
      return { ok: true as const };
    });
  }

  async deletePlan(actor: string, id: number) {
    return this.dataSource.transaction(async (manager) => {
      const { plan, employee } = await this.requirePlan(manager, id);
      const items = await manager.query('SELECT * FROM development_plan_item WHERE plan_id = ?', [id]);
      await manager.query('DELETE FROM development_plan WHERE id = ?', [id]);
      await this.audit.record(manager, {
        actor, action: 'delete', entity: 'development_plan', entityId: id, employeeId: plan.employee_id,
        summary: `Menghapus rencana pengembangan ${plan.year} ${employee.fullName} (${items.length} kegiatan; catatan diklat tetap tersimpan)`,
        before: { plan, items },
      });
      return { ok: true as const };
    });
  }

  async addItem(actor: string, planId: number, input: ItemInput): Promise<{ id: number }> {
    return this.dataSource.transaction(async (manager) => {
      const { plan, employee } = await this.requirePlan(manager, planId);
      const issues = await this.validateItem(manager, input, plan.year);
      if (issues.length > 0) throw AppError.validation(issues, `Kegiatan belum dapat disimpan: ${issues.map((x) => x.message).join(' ')}`);
      const id = await this.insertItem(manager, planId, input);
      await this.touch(manager, planId);
      await this.audit.record(manager, {
        actor, action: 'create', entity: 'development_plan_item', entityId: id, employeeId: plan.employee_id,
        summary: `Menambah kegiatan "${input.activity}" ke rencana pengembangan ${plan.year} ${employee.fullName}`, after: input,
      });
      return { id };
    });
  }

  async updateItem(actor: string, id: number, patch: { status?: 'direncanakan' | 'berjalan' | 'batal'; activity?: string; catalogId?: number | null; jp?: number; estimatedCost?: number; targetDate?: string | null }) {
    return this.dataSource.transaction(async (manager) => {
      const { item, plan, employee } = await this.requireItem(manager, id);
      if (patch.catalogId) {
        const [row] = await manager.query('SELECT id FROM training_catalog WHERE id = ?', [patch.catalogId]);
        if (!row) throw AppError.validation([{ path: 'catalogId', message: `Kegiatan katalog dengan ID ${patch.catalogId} tidak ditemukan.` }]);
      }
      if (patch.targetDate && Number(patch.targetDate.slice(0, 4)) !== plan.year) {
        throw AppError.validation([{ path: 'targetDate', message: `Tanggal target harus di tahun rencana ${plan.year}.` }]);
      }
      const next = {
        status: patch.status ?? item.status, activity: patch.activity ?? item.activity,
        catalog_id: patch.catalogId === undefined ? item.catalog_id : patch.catalogId, jp: patch.jp ?? item.jp,
        estimated_cost: patch.estimatedCost ?? item.estimated_cost, target_date: patch.targetDate === undefined ? item.target_date : patch.targetDate,
        // Leaving "selesai" unlinks the training that completed it (the training record itself stays).
        training_record_id: patch.status && patch.status !== item.status ? null : item.training_record_id,
      };
      await manager.query(
        'UPDATE development_plan_item SET status = ?, activity = ?, catalog_id = ?, jp = ?, estimated_cost = ?, target_date = ?, training_record_id = ?, updated_at = ? WHERE id = ?',
        [next.status, next.activity, next.catalog_id, next.jp, next.estimated_cost, next.target_date, next.training_record_id, this.clock.now(), id]);
      await this.touch(manager, plan.id);
      const statusText = patch.status && patch.status !== item.status ? ` (status ${STATUS_LABEL[item.status as IdpItemStatus]} → ${STATUS_LABEL[patch.status]})` : '';
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'development_plan_item', entityId: id, employeeId: plan.employee_id,
        summary: `Mengubah kegiatan "${next.activity}" rencana ${plan.year} ${employee.fullName}${statusText}`, before: item, after: next,
      });
      return { ok: true as const };
    });
  }

  async deleteItem(actor: string, id: number) {
    return this.dataSource.transaction(async (manager) => {
      const { item, plan, employee } = await this.requireItem(manager, id);
      await manager.query('DELETE FROM development_plan_item WHERE id = ?', [id]);
      await this.touch(manager, plan.id);
      await this.audit.record(manager, {
        actor, action: 'delete', entity: 'development_plan_item', entityId: id, employeeId: plan.employee_id,
        summary: `Menghapus kegiatan "${item.activity}" dari rencana ${plan.year} ${employee.fullName}`, before: item,
      });
      return { ok: true as const };
    });
  }

  /** Marks an item done, with the training that completed it recorded (or linked) in the same transaction. */
  async completeItem(actor: string, id: number, request: { training?: TrainingInputParsed; trainingRecordId?: number }) {
    if (request.training && request.trainingRecordId) {
      throw AppError.validation([{ path: '', message: 'Pilih salah satu: catat diklat baru atau tautkan diklat yang sudah tercatat.' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const { item, plan, employee } = await this.requireItem(manager, id);
      if (item.status === 'batal') throw new AppError('validation', 'Kegiatan yang dibatalkan tidak dapat diselesaikan; ubah statusnya dulu.');
      let recordId: number | null = null;
      let warnings: FieldIssue[] = [];
      if (request.training) {
        const written = await this.training.write(manager, actor, plan.employee_id, { ...request.training, catalogId: request.training.catalogId ?? item.catalog_id ?? null });
        recordId = written.id;
        warnings = written.warnings;
      } else if (request.trainingRecordId) {
        const [record] = await manager.query('SELECT id, employee_id FROM training_record WHERE id = ?', [request.trainingRecordId]);
        if (!record) throw new AppError('not_found', `Catatan diklat dengan ID ${request.trainingRecordId} tidak ditemukan.`);
        if (record.employee_id !== plan.employee_id) throw new AppError('validation', 'Diklat yang ditautkan harus milik pegawai pemilik rencana ini.');
        recordId = record.id;
      }
      await manager.query(`UPDATE development_plan_item SET status = 'selesai', training_record_id = ?, updated_at = ? WHERE id = ?`, [recordId, this.clock.now(), id]);
      await this.touch(manager, plan.id);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'development_plan_item', entityId: id, employeeId: plan.employee_id,
        summary: `Menyelesaikan kegiatan "${item.activity}" rencana ${plan.year} ${employee.fullName}${recordId ? ' dengan catatan diklat' : ' (bukan diklat)'}`,
        before: item, after: { status: 'selesai', trainingRecordId: recordId },
      });
      return { trainingRecordId: recordId, warnings };
    });
  }

  async plans(request: { year: number; unitId?: number; search?: string; offset: number; limit: number }) {
    const subtree = await unitSubtree(this.dataSource, request.unitId);
    const search = employeeSearch(request.search);
    const where = `pl.year = ?${subtree.sql}${search.sql}`;
    const params = [request.year, ...subtree.params, ...search.params];
    const from = 'FROM development_plan pl JOIN employee e ON e.id = pl.employee_id LEFT JOIN unit u ON u.id = e.unit_id';
    const [summary] = await this.dataSource.query(
      `SELECT COUNT(DISTINCT pl.id) AS plans,
              SUM(i.status = 'direncanakan') AS direncanakan, SUM(i.status = 'berjalan') AS berjalan, SUM(i.status = 'selesai') AS selesai, SUM(i.status = 'batal') AS batal,
              SUM(CASE WHEN i.status <> 'batal' THEN i.jp ELSE 0 END) AS jp, SUM(CASE WHEN i.status <> 'batal' THEN i.estimated_cost ELSE 0 END) AS cost
       ${from} LEFT JOIN development_plan_item i ON i.plan_id = pl.id WHERE ${where}`, params);
    const rows: Rows = await this.dataSource.query(
      `SELECT pl.id, pl.employee_id, pl.updated_at, e.nip, e.name, e.front_title, e.back_title, u.name AS unit_name, r.name AS opd_name,
              p.name AS position_name, tp.name AS target_name,
              SUM(i.status = 'direncanakan') AS direncanakan, SUM(i.status = 'berjalan') AS berjalan, SUM(i.status = 'selesai') AS selesai, SUM(i.status = 'batal') AS batal,
              SUM(CASE WHEN i.status <> 'batal' THEN i.jp ELSE 0 END) AS jp, SUM(CASE WHEN i.status <> 'batal' THEN i.estimated_cost ELSE 0 END) AS cost
       ${from} LEFT JOIN unit r ON r.id = u.root_id LEFT JOIN position p ON p.id = e.position_id LEFT JOIN position tp ON tp.id = pl.target_position_id
       LEFT JOIN development_plan_item i ON i.plan_id = pl.id
       WHERE ${where} GROUP BY pl.id ORDER BY e.name, pl.id LIMIT ? OFFSET ?`, [...params, request.limit, request.offset]);
    const counts = (r: Record<string, unknown>) => ({
      direncanakan: Number(r.direncanakan ?? 0), berjalan: Number(r.berjalan ?? 0), selesai: Number(r.selesai ?? 0), batal: Number(r.batal ?? 0),
    });
    return {
      total: Number(summary.plans),
      rows: rows.map((r) => ({
        id: r.id as number, employeeId: r.employee_id as number, employeeName: personName(r), nip: r.nip as string, unitName: str(r.unit_name),
        opdName: str(r.opd_name), positionName: str(r.position_name), targetPositionName: str(r.target_name), items: counts(r),
        plannedJp: roundJp(Number(r.jp ?? 0)), plannedCost: Number(r.cost ?? 0), updatedAt: r.updated_at as string,
      })),
      summary: { plans: Number(summary.plans), items: counts(summary), plannedJp: roundJp(Number(summary.jp ?? 0)), plannedCost: Number(summary.cost ?? 0) },
    };
  }

  /** Item counts per status over the plans of `year` (stats --json "idpByStatus"). */
  async itemCounts(year: number): Promise<Record<IdpItemStatus, number>> {
    const rows: Array<{ status: string; n: number }> = await this.dataSource.query(
      'SELECT i.status, COUNT(*) AS n FROM development_plan_item i JOIN development_plan pl ON pl.id = i.plan_id WHERE pl.year = ? GROUP BY i.status', [year]);
    const out = Object.fromEntries(IDP_ITEM_STATUSES.map((s) => [s.code, 0])) as Record<IdpItemStatus, number>;
    for (const r of rows) if (r.status in out) out[r.status as IdpItemStatus] = r.n;
    return out;
  }

  // Budget --------------------------------------------------------------------------------------------------

  async budgets(year: number) {
    const rows: Array<{ id: number; name: string; ceiling: number | null }> = await this.dataSource.query(
      `SELECT u.id, u.name, b.ceiling FROM unit u LEFT JOIN development_budget b ON b.unit_id = u.id AND b.year = ?
       WHERE u.parent_id IS NULL AND u.active = 1 ORDER BY u.sort_order, u.name`, [year]);
    return { year, rows: rows.map((r) => ({ unitId: r.id, unitName: r.name, ceiling: r.ceiling })) };
  }

  async setBudget(actor: string, unitId: number, year: number, ceiling: number | null) {
    return this.dataSource.transaction(async (manager) => {
      const [unit] = await manager.query('SELECT id, name, parent_id FROM unit WHERE id = ?', [unitId]);
      if (!unit) throw new AppError('not_found', `Unit kerja dengan ID ${unitId} tidak ditemukan.`);
      if (unit.parent_id !== null) throw new AppError('validation', 'Pagu pengembangan ditetapkan per perangkat daerah (unit tingkat teratas).');
      const [before] = await manager.query('SELECT ceiling FROM development_budget WHERE unit_id = ? AND year = ?', [unitId, year]);
      if (ceiling === null) await manager.query('DELETE FROM development_budget WHERE unit_id = ? AND year = ?', [unitId, year]);
      else {
        await manager.query(
          `INSERT INTO development_budget (unit_id, year, ceiling, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (unit_id, year) DO UPDATE SET ceiling = excluded.ceiling, updated_at = excluded.updated_at`, [unitId, year, ceiling, this.clock.now()]);
      }
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'development_budget', entityId: unitId,
        summary: `Mengubah pagu pengembangan ${unit.name} tahun ${year}: ${before ? formatRupiah(before.ceiling) : 'belum ada'} → ${ceiling === null ? 'dihapus' : formatRupiah(ceiling)}`,
        changes: [{ field: 'ceiling', label: `Pagu ${year}`, before: before ? formatRupiah(before.ceiling) : null, after: ceiling === null ? null : formatRupiah(ceiling) }],
      });
      return { ok: true as const };
    });
  }

  /** Planned JP and cost per perangkat daerah against its ceiling (items not cancelled; units are the employees' current ones). */
  async budgetOverview(year: number) {
    const rows: Array<{ unit_id: number | null; plans: number; jp: number; cost: number; completed: number }> = await this.dataSource.query(
      `SELECT e.unit_id, COUNT(DISTINCT pl.id) AS plans,
              SUM(CASE WHEN i.status <> 'batal' THEN i.jp ELSE 0 END) AS jp,
              SUM(CASE WHEN i.status <> 'batal' THEN i.estimated_cost ELSE 0 END) AS cost,
              SUM(CASE WHEN i.status = 'selesai' THEN COALESCE(t.cost, i.estimated_cost) ELSE 0 END) AS completed
       FROM development_plan pl JOIN employee e ON e.id = pl.employee_id
       LEFT JOIN development_plan_item i ON i.plan_id = pl.id LEFT JOIN training_record t ON t.id = i.training_record_id
       WHERE pl.year = ? GROUP BY e.unit_id`, [year]);
    const grouped = await rollupByUnit(this.dataSource, rows.map((r) => ({ unit_id: r.unit_id, plans: r.plans, jp: r.jp ?? 0, cost: r.cost ?? 0, completed: r.completed ?? 0 })),
      ['plans', 'jp', 'cost', 'completed'] as const, null);
    const ceilings = new Map((await this.budgets(year)).rows.map((b) => [b.unitId, b]));
    const out = grouped.map((g) => {
      const ceiling = g.unitId === null ? null : ceilings.get(g.unitId)?.ceiling ?? null;
      return {
        unitId: g.unitId, unitName: g.unitName, plans: g.plans, plannedJp: roundJp(g.jp), plannedCost: Math.round(g.cost), completedCost: Math.round(g.completed),
        ceiling, overBy: ceiling === null ? null : Math.max(0, Math.round(g.cost) - ceiling),
      };
    });
    // Units with a ceiling but no plan yet still appear (their whole ceiling is unused).
    for (const b of ceilings.values()) {
      if (b.ceiling !== null && !out.some((o) => o.unitId === b.unitId)) {
        out.push({ unitId: b.unitId, unitName: b.unitName, plans: 0, plannedJp: 0, plannedCost: 0, completedCost: 0, ceiling: b.ceiling, overBy: 0 });
      }
    }
    out.sort((a, b) => (b.overBy ?? -1) - (a.overBy ?? -1) || b.plannedCost - a.plannedCost || collator.compare(a.unitName, b.unitName));
    const ceilingsSet = out.filter((o) => o.ceiling !== null);
    return {
      year, rows: out, totalPlannedCost: out.reduce((s, o) => s + o.plannedCost, 0),
      totalCeiling: ceilingsSet.length ? ceilingsSet.reduce((s, o) => s + (o.ceiling ?? 0), 0) : null,
    };
  }
}
