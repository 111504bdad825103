// Individual development plans (IDP), the training catalogue the office maintains, and the budget ceilings per
// perangkat daerah. A plan is proposed from the competency gaps of the current (or a target) position and the
// missing required trainings (shared/domain/development.ts); the gaps come from the competency tables
// (db/sql/development/inputs.sql.ts). One plan per employee and year; every change is audited in its own
// transaction.

import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import {
  IDP_ITEM_STATUSES, missingRequiredTrainings, proposeDevelopmentPlan, requiredTrainings, roundJp, trainingTypeLabel,
  type CatalogActivity, type IdpItemStatus,
} from '../../../shared/domain/development';
import { formatNumberId, formatRupiah } from '../../../shared/format/id-format';
import { AppError, type FieldIssue } from '../../../shared/errors';
import type { catalogInput, CatalogRow, PlanDetail, planItemInput, PlanItemRow, PlanProposal } from '../../../shared/schemas/plans';
import type { TrainingInputParsed } from '../../../shared/schemas/training';
import type { SqlDialect } from '../../db/sql';
import { employeeSearchCondition } from '../../db/sql/employee-rows.sql';
import type { ItemSums } from '../../db/sql/development/plans.sql';
import { dialectOfManager, managerRun, type Run } from '../../db/sql/run';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import { collator, requireEmployee, rollupByUnit, unitScope } from './common';
import type { TrainingService } from './training.service';
import { claimEditVersion } from '../versions/edit-version';

type ItemInput = z.output<typeof planItemInput>;
type CatalogInput = z.output<typeof catalogInput>;

const STATUS_LABEL = Object.fromEntries(IDP_ITEM_STATUSES.map((s) => [s.code, s.label])) as Record<IdpItemStatus, string>;

const statusCounts = (s: ItemSums) => ({
  direncanakan: Number(s.direncanakan ?? 0), berjalan: Number(s.berjalan ?? 0), selesai: Number(s.selesai ?? 0), batal: Number(s.batal ?? 0),
});

export class PlanService {
  private readonly sql: SqlDialect['development'];

  constructor(
    private readonly dataSource: DataSource,
    sql: SqlDialect,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly training: TrainingService,
  ) {
    this.sql = sql.development;
  }

  private get read(): Run {
    return managerRun(this.dataSource);
  }

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
    return (await this.sql.plans.catalog(this.read, includeInactive)).map((r) => ({
      id: r.id, title: r.title, type: r.type, jp: Number(r.jp), estimatedCost: Number(r.estimated_cost), provider: r.provider,
      competencyId: r.competency_id, competencyCode: r.code, competencyName: r.competency_name, active: Boolean(r.active), usage: Number(r.usage),
    }));
  }

  async saveCatalog(actor: string, input: CatalogInput, id?: number): Promise<{ id: number }> {
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      if (input.competencyId !== null) await this.requireCompetency(run, input.competencyId);
      let catalogId: number;
      let before: unknown;
      if (id === undefined) {
        catalogId = await this.sql.plans.insertCatalog(run, input);
      } else {
        before = await this.sql.plans.catalogEntry(run, id);
        if (!before) throw new AppError('not_found', `Kegiatan katalog dengan ID ${id} tidak ditemukan.`);
        await this.sql.plans.updateCatalog(run, id, input);
        catalogId = id;
      }
      await this.audit.record(manager, {
        actor, action: id === undefined ? 'create' : 'update', entity: 'training_catalog', entityId: catalogId,
        summary: `${id === undefined ? 'Menambah' : 'Mengubah'} katalog pengembangan "${input.title}" (${trainingTypeLabel(input.type)}, ${formatNumberId(input.jp)} JP, ${formatRupiah(input.estimatedCost)})`,
        before, after: input,
      });
      return { id: catalogId };
    });
  }

  async competencies() {
    return { rows: await this.sql.plans.competencies(this.read) };
  }

  private async requireCompetency(run: Run, competencyId: number): Promise<void> {
    if (!(await this.sql.plans.competencyExists(run, competencyId))) {
      throw AppError.validation([{ path: 'competencyId', message: `Kompetensi dengan ID ${competencyId} tidak ditemukan.` }]);
    }
  }

  // Proposal ------------------------------------------------------------------------------------------------

  async propose(employeeId: number, year: number, targetPositionId: number | null | undefined): Promise<PlanProposal> {
    this.checkPlanYear(year);
    const run = this.read;
    const employee = await requireEmployee(this.sql, run, employeeId);
    let basis: PlanProposal['basis'] = null;
    if (targetPositionId) {
      const target = await this.sql.plans.position(run, targetPositionId);
      if (!target) throw new AppError('not_found', `Jabatan target dengan ID ${targetPositionId} tidak ditemukan.`);
      basis = { positionId: target.id, positionName: target.name, level: target.level, isTarget: true };
    } else if (employee.positionId !== null) {
      basis = { positionId: employee.positionId, positionName: employee.positionName ?? '', level: employee.positionLevel ?? '', isTarget: false };
    }
    const notes: string[] = [];
    const standard = basis ? await this.sql.inputs.positionStandard(run, basis.positionId) : [];
    const current = await this.sql.inputs.currentCompetencyLevels(run, employeeId);
    const missing = missingRequiredTrainings(
      requiredTrainings({ employmentType: employee.employmentType, positionLevel: basis?.level ?? null }), await this.sql.plans.followedTypes(run, employeeId));
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
    // A requirement shared/domain/README.md marks as practice rather than regulation: the officer checks it against the
    // agency's own policy before adopting the item.
    const byPractice = missing.filter((m) => m.confidence === 'U');
    if (byPractice.length > 0) {
      notes.push(`${byPractice.map((m) => `${m.label} ${m.reason}`).join(', ')} menurut ketentuan pelatihan kepemimpinan yang lazim berlaku; sesuaikan usulan dengan kebijakan instansi.`);
    }
    const names = new Map(standard.map((s) => [s.competencyId, s.name]));
    return {
      employeeId, year, basis, notes, standardMissing: basis !== null && proposal.standardMissing,
      notAssessed: proposal.notAssessed, met: proposal.met,
      items: proposal.items.map((i) => ({ ...i, competencyName: i.competencyId ? names.get(i.competencyId) ?? null : null })),
      existingPlanId: await this.sql.plans.planIdOf(run, employeeId, year),
    };
  }

  /** Target positions offered for an IDP: those the employee is a named successor for. */
  async successionTargets(employeeId: number) {
    await requireEmployee(this.sql, this.read, employeeId);
    return { rows: await this.sql.inputs.successionTargets(this.read, employeeId) };
  }

  // Plans ---------------------------------------------------------------------------------------------------

  private async validateItem(run: Run, item: ItemInput, year: number, index?: number): Promise<FieldIssue[]> {
    const at = index === undefined ? '' : `items.${index}.`;
    const label = index === undefined ? '' : `Kegiatan ${index + 1}: `;
    const issues: FieldIssue[] = [];
    if (item.competencyId === null && item.requirement === null) {
      issues.push({ path: `${at}requirement`, message: `${label}isi kompetensi atau kebutuhan yang dijawab kegiatan ini.` });
    }
    if (item.competencyId !== null && !(await this.sql.plans.competencyExists(run, item.competencyId))) {
      issues.push({ path: `${at}competencyId`, message: `${label}kompetensi dengan ID ${item.competencyId} tidak ditemukan.` });
    }
    if (item.catalogId !== null && !(await this.sql.plans.catalogExists(run, item.catalogId))) {
      issues.push({ path: `${at}catalogId`, message: `${label}kegiatan katalog dengan ID ${item.catalogId} tidak ditemukan.` });
    }
    if (item.targetDate !== null && Number(item.targetDate.slice(0, 4)) !== year) {
      issues.push({ path: `${at}targetDate`, message: `${label}tanggal target harus di tahun rencana ${year}.` });
    }
    if (item.currentLevel !== null && item.targetLevel !== null && item.targetLevel < item.currentLevel) {
      issues.push({ path: `${at}targetLevel`, message: `${label}level target tidak boleh di bawah level saat ini.` });
    }
    if (item.status === 'selesai') {
      issues.push({ path: `${at}status`, message: `${label}status "Selesai" diberikan lewat "Selesaikan", yang mencatat diklatnya.` });
    }
    return issues;
  }

  async createPlan(actor: string, input: { employeeId: number; year: number; targetPositionId: number | null; notes: string | null; items: ItemInput[] }): Promise<{ id: number }> {
    this.checkPlanYear(input.year);
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const employee = await requireEmployee(this.sql, run, input.employeeId);
      if (employee.status !== 'active') throw new AppError('validation', `${employee.fullName} tidak berstatus aktif; rencana pengembangan hanya untuk pegawai aktif.`);
      const existing = await this.sql.plans.planIdOf(run, input.employeeId, input.year);
      if (existing !== null) {
        throw new AppError('conflict', `${employee.fullName} sudah memiliki rencana pengembangan tahun ${input.year}; buka rencana itu untuk menambah kegiatan.`, { planId: existing });
      }
      if (input.targetPositionId !== null && !(await this.sql.plans.position(run, input.targetPositionId))) {
        throw AppError.validation([{ path: 'targetPositionId', message: `Jabatan target dengan ID ${input.targetPositionId} tidak ditemukan.` }]);
      }
      const issues: FieldIssue[] = [];
      for (const [i, item] of input.items.entries()) issues.push(...(await this.validateItem(run, item, input.year, i)));
      if (issues.length > 0) throw AppError.validation(issues, `Rencana belum dapat disimpan: ${issues.map((x) => x.message).join(' ')}`);
      const now = this.clock.now();
      const id = await this.sql.plans.insertPlan(run, { employeeId: input.employeeId, year: input.year, targetPositionId: input.targetPositionId, notes: input.notes, createdBy: actor, at: now });
      for (const item of input.items) await this.sql.plans.insertItem(run, id, item, now);
      await this.audit.record(manager, {
        actor, action: 'create', entity: 'development_plan', entityId: id, employeeId: input.employeeId,
        summary: `Menyusun rencana pengembangan ${input.year} untuk ${employee.fullName} (${formatNumberId(input.items.length)} kegiatan, ${formatNumberId(input.items.reduce((s, i) => s + i.jp, 0))} JP)`,
        after: input,
      });
      return { id };
    });
  }

  private async planDetails(where: { sql: string; params: unknown[] }): Promise<PlanDetail[]> {
    const plans = await this.sql.plans.plans(this.read, where);
    if (plans.length === 0) return [];
    const items = await this.sql.plans.items(this.read, plans.map((p) => p.id));
    const today = this.clock.today();
    const byPlan = new Map<number, PlanItemRow[]>();
    for (const r of items) {
      const status = r.status as IdpItemStatus;
      const row: PlanItemRow = {
        id: r.id, planId: r.plan_id, competencyId: r.competency_id, competencyCode: r.competency_code, competencyName: r.competency_name,
        requirement: r.requirement, currentLevel: r.current_level, targetLevel: r.target_level, activity: r.activity, catalogId: r.catalog_id,
        jp: roundJp(Number(r.jp)), estimatedCost: Number(r.estimated_cost), targetDate: r.target_date, status, trainingRecordId: r.training_record_id,
        trainingTitle: r.training_title, trainingEndDate: r.training_end_date,
        overdue: (status === 'direncanakan' || status === 'berjalan') && r.target_date !== null && r.target_date < today,
        version: Number(r.version),
      };
      byPlan.set(row.planId, [...(byPlan.get(row.planId) ?? []), row]);
    }
    return plans.map((p) => {
      const list = byPlan.get(p.id) ?? [];
      const live = list.filter((i) => i.status !== 'batal');
      return {
        id: p.id, employeeId: p.employeeId, employeeName: p.employee.fullName, nip: p.employee.nip, positionName: p.employee.positionName,
        unitName: p.employee.unitName, year: p.year, targetPositionId: p.targetPositionId, targetPositionName: p.targetPositionName, notes: p.notes,
        createdBy: p.createdBy, createdAt: p.createdAt, updatedAt: p.updatedAt, version: p.version, items: list,
        plannedJp: roundJp(live.reduce((s, i) => s + i.jp, 0)), plannedCost: live.reduce((s, i) => s + i.estimatedCost, 0),
        completedJp: roundJp(list.filter((i) => i.status === 'selesai').reduce((s, i) => s + i.jp, 0)),
      };
    });
  }

  async plan(id: number): Promise<PlanDetail> {
    const [plan] = await this.planDetails({ sql: 'pl.id = ?', params: [id] });
    if (!plan) throw new AppError('not_found', `Rencana pengembangan dengan ID ${id} tidak ditemukan.`);
    return plan;
  }

  async employeePlans(employeeId: number): Promise<{ plans: PlanDetail[] }> {
    await requireEmployee(this.sql, this.read, employeeId);
    return { plans: await this.planDetails({ sql: 'pl.employee_id = ?', params: [employeeId] }) };
  }

  private async requirePlan(run: Run, id: number) {
    const plan = await this.sql.plans.plan(run, id);
    if (!plan) throw new AppError('not_found', `Rencana pengembangan dengan ID ${id} tidak ditemukan.`);
    const employee = await requireEmployee(this.sql, run, plan.employee_id);
    return { plan, employee };
  }

  private async requireItem(run: Run, id: number) {
    const item = await this.sql.plans.item(run, id);
    if (!item) throw new AppError('not_found', `Kegiatan rencana pengembangan dengan ID ${id} tidak ditemukan.`);
    const { plan, employee } = await this.requirePlan(run, item.plan_id);
    return { item, plan, employee };
  }

  async updatePlan(actor: string, id: number, patch: { version: number; targetPositionId?: number | null; notes?: string | null }) {
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const { plan, employee } = await this.requirePlan(run, id);
      await claimEditVersion(run, { table: 'development_plan', key: id }, patch.version, { subject: 'Rencana ini', actor, at: this.clock.now() });
      if (patch.targetPositionId && !(await this.sql.plans.position(run, patch.targetPositionId))) {
        throw AppError.validation([{ path: 'targetPositionId', message: `Jabatan target dengan ID ${patch.targetPositionId} tidak ditemukan.` }]);
      }
      const next = { target_position_id: patch.targetPositionId === undefined ? plan.target_position_id : patch.targetPositionId, notes: patch.notes === undefined ? plan.notes : patch.notes };
      await this.sql.plans.updatePlan(run, id, next, this.clock.now());
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'development_plan', entityId: id, employeeId: plan.employee_id,
        summary: `Mengubah rencana pengembangan ${plan.year} ${employee.fullName}`, before: plan, after: next,
      });
      return { ok: true as const };
    });
  }

  /** Deletes a plan with its items from the plan's version the screen read: a plan another desk changed since (its
   *  details, or an item added or removed) is not deleted unseen. */
  async deletePlan(actor: string, id: number, version: number) {
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const { plan, employee } = await this.requirePlan(run, id);
      await claimEditVersion(run, { table: 'development_plan', key: id }, version, { subject: 'Rencana ini', actor, at: this.clock.now() });
      const items = await this.sql.plans.storedItems(run, id);
      await this.sql.plans.deletePlan(run, id);
      await this.audit.record(manager, {
        actor, action: 'delete', entity: 'development_plan', entityId: id, employeeId: plan.employee_id,
        summary: `Menghapus rencana pengembangan ${plan.year} ${employee.fullName} (${formatNumberId(items.length)} kegiatan; catatan diklat tetap tersimpan)`,
        before: { plan, items },
      });
      return { ok: true as const };
    });
  }

  /** Adds an item from the plan's version the form read: an item added or removed changes the plan. */
  async addItem(actor: string, planId: number, planVersion: number, input: ItemInput): Promise<{ id: number }> {
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const { plan, employee } = await this.requirePlan(run, planId);
      await claimEditVersion(run, { table: 'development_plan', key: planId }, planVersion, { subject: 'Rencana ini', actor, at: this.clock.now() });
      const issues = await this.validateItem(run, input, plan.year);
      if (issues.length > 0) throw AppError.validation(issues, `Kegiatan belum dapat disimpan: ${issues.map((x) => x.message).join(' ')}`);
      const now = this.clock.now();
      const id = await this.sql.plans.insertItem(run, planId, input, now);
      await this.sql.plans.touchPlan(run, planId, now);
      await this.audit.record(manager, {
        actor, action: 'create', entity: 'development_plan_item', entityId: id, employeeId: plan.employee_id,
        summary: `Menambah kegiatan "${input.activity}" ke rencana pengembangan ${plan.year} ${employee.fullName}`, after: input,
      });
      return { id };
    });
  }

  /** Several items into one plan in one transaction (the Peta Karier's "Jadikan IDP"); all or none. */
  /** Adds items from the plan's version the screen read (an item added changes the plan): a stale request is
   *  refused with who changed the plan and when, and nothing is written. */
  async addItems(actor: string, planId: number, planVersion: number, inputs: ItemInput[]): Promise<{ ids: number[] }> {
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const { plan, employee } = await this.requirePlan(run, planId);
      await claimEditVersion(run, { table: 'development_plan', key: planId }, planVersion, { subject: 'Rencana ini', actor, at: this.clock.now() });
      const issues: FieldIssue[] = [];
      for (const [i, item] of inputs.entries()) issues.push(...(await this.validateItem(run, item, plan.year, i)));
      if (issues.length > 0) throw AppError.validation(issues, `Kegiatan belum dapat disimpan: ${issues.map((x) => x.message).join(' ')}`);
      const now = this.clock.now();
      const ids: number[] = [];
      for (const input of inputs) ids.push(await this.sql.plans.insertItem(run, planId, input, now));
      await this.sql.plans.touchPlan(run, planId, now);
      await this.audit.record(manager, {
        actor, action: 'create', entity: 'development_plan_item', entityId: ids[0] ?? null, employeeId: plan.employee_id,
        summary: `Menambah ${formatNumberId(inputs.length)} kegiatan (${inputs.map((i) => i.activity).join('; ')}) ke rencana pengembangan ${plan.year} ${employee.fullName}`, after: inputs,
      });
      return { ids };
    });
  }

  async updateItem(actor: string, id: number, patch: { version: number; status?: 'direncanakan' | 'berjalan' | 'batal'; activity?: string; catalogId?: number | null; jp?: number; estimatedCost?: number; targetDate?: string | null }) {
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const { item, plan, employee } = await this.requireItem(run, id);
      await claimEditVersion(run, { table: 'development_plan_item', key: id }, patch.version, { subject: 'Kegiatan rencana ini', actor, at: this.clock.now() });
      if (patch.catalogId && !(await this.sql.plans.catalogExists(run, patch.catalogId))) {
        throw AppError.validation([{ path: 'catalogId', message: `Kegiatan katalog dengan ID ${patch.catalogId} tidak ditemukan.` }]);
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
      const now = this.clock.now();
      await this.sql.plans.updateItem(run, id, next, now);
      await this.sql.plans.touchPlan(run, plan.id, now);
      const statusText = patch.status && patch.status !== item.status ? ` (status ${STATUS_LABEL[item.status as IdpItemStatus]} → ${STATUS_LABEL[patch.status]})` : '';
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'development_plan_item', entityId: id, employeeId: plan.employee_id,
        summary: `Mengubah kegiatan "${next.activity}" rencana ${plan.year} ${employee.fullName}${statusText}`, before: item, after: next,
      });
      return { ok: true as const };
    });
  }

  /** Removes an item from the versions the screen read: the plan's (its items change) and the item's (an item
   *  another desk changed since is not removed unseen). */
  async deleteItem(actor: string, id: number, versions: { version: number; planVersion: number }) {
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const { item, plan, employee } = await this.requireItem(run, id);
      const at = this.clock.now();
      await claimEditVersion(run, { table: 'development_plan', key: plan.id }, versions.planVersion, { subject: 'Rencana ini', actor, at });
      await claimEditVersion(run, { table: 'development_plan_item', key: id }, versions.version, { subject: 'Kegiatan rencana ini', actor, at });
      await this.sql.plans.deleteItem(run, id);
      await this.sql.plans.touchPlan(run, plan.id, this.clock.now());
      await this.audit.record(manager, {
        actor, action: 'delete', entity: 'development_plan_item', entityId: id, employeeId: plan.employee_id,
        summary: `Menghapus kegiatan "${item.activity}" dari rencana ${plan.year} ${employee.fullName}`, before: item,
      });
      return { ok: true as const };
    });
  }

  /** Marks an item done, with the training that completed it recorded (or linked) in the same transaction. */
  async completeItem(actor: string, id: number, request: { version: number; training?: TrainingInputParsed; trainingRecordId?: number }) {
    if (request.training && request.trainingRecordId) {
      throw AppError.validation([{ path: '', message: 'Pilih salah satu: catat diklat baru atau tautkan diklat yang sudah tercatat.' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const { item, plan, employee } = await this.requireItem(run, id);
      await claimEditVersion(run, { table: 'development_plan_item', key: id }, request.version, { subject: 'Kegiatan rencana ini', actor, at: this.clock.now() });
      if (item.status === 'batal') throw new AppError('validation', 'Kegiatan yang dibatalkan tidak dapat diselesaikan; ubah statusnya dulu.');
      let recordId: number | null = null;
      let warnings: FieldIssue[] = [];
      if (request.training) {
        const written = await this.training.write(manager, actor, plan.employee_id, { ...request.training, catalogId: request.training.catalogId ?? item.catalog_id ?? null });
        recordId = written.id;
        warnings = written.warnings;
      } else if (request.trainingRecordId) {
        const record = await this.sql.training.get(run, request.trainingRecordId);
        if (!record) throw new AppError('not_found', `Catatan diklat dengan ID ${request.trainingRecordId} tidak ditemukan.`);
        if (record.employee_id !== plan.employee_id) throw new AppError('validation', 'Diklat yang ditautkan harus milik pegawai pemilik rencana ini.');
        recordId = request.trainingRecordId;
      }
      const now = this.clock.now();
      await this.sql.plans.completeItem(run, id, recordId, now);
      await this.sql.plans.touchPlan(run, plan.id, now);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'development_plan_item', entityId: id, employeeId: plan.employee_id,
        summary: `Menyelesaikan kegiatan "${item.activity}" rencana ${plan.year} ${employee.fullName}${recordId ? ' dengan catatan diklat' : ' (bukan diklat)'}`,
        before: item, after: { status: 'selesai', trainingRecordId: recordId },
      });
      return { trainingRecordId: recordId, warnings };
    });
  }

  async plans(request: { year: number; unitId?: number; search?: string; offset: number; limit: number }) {
    const scope = await unitScope(this.sql, this.read, request.unitId);
    const { summary, rows } = await this.sql.plans.yearPlans(this.read, {
      year: request.year, subtree: scope.condition, search: employeeSearchCondition(request.search ?? '', 'e', dialectOfManager(this.dataSource)), offset: request.offset, limit: request.limit,
    });
    return {
      total: Number(summary.plans),
      rows: rows.map((r) => ({
        id: r.id, employeeId: r.employee.employeeId, employeeName: r.employee.fullName, nip: r.employee.nip, unitName: r.employee.unitName,
        opdName: r.employee.opdName, positionName: r.employee.positionName, targetPositionName: r.targetPositionName, items: statusCounts(r.sums),
        plannedJp: roundJp(Number(r.sums.jp ?? 0)), plannedCost: Number(r.sums.cost ?? 0), updatedAt: r.updatedAt,
      })),
      summary: { plans: Number(summary.plans), items: statusCounts(summary), plannedJp: roundJp(Number(summary.jp ?? 0)), plannedCost: Number(summary.cost ?? 0) },
    };
  }

  /** Item counts per status over the plans of `year` (stats --json "idpByStatus"). */
  async itemCounts(year: number): Promise<Record<IdpItemStatus, number>> {
    const out = Object.fromEntries(IDP_ITEM_STATUSES.map((s) => [s.code, 0])) as Record<IdpItemStatus, number>;
    for (const r of await this.sql.plans.itemCounts(this.read, year)) if (r.status in out) out[r.status as IdpItemStatus] = r.n;
    return out;
  }

  // Budget --------------------------------------------------------------------------------------------------

  async budgets(year: number) {
    const rows = await this.sql.plans.budgets(this.read, year);
    return { year, rows: rows.map((r) => ({ unitId: r.id, unitName: r.name, ceiling: r.ceiling })) };
  }

  async setBudget(actor: string, unitId: number, year: number, ceiling: number | null) {
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const unit = await this.sql.units.unit(run, unitId);
      if (!unit) throw new AppError('not_found', `Unit kerja dengan ID ${unitId} tidak ditemukan.`);
      if (unit.parentId !== null) throw new AppError('validation', 'Pagu pengembangan ditetapkan per perangkat daerah (unit tingkat teratas).');
      const before = await this.sql.plans.ceiling(run, unitId, year);
      await this.sql.plans.setCeiling(run, unitId, year, ceiling, this.clock.now());
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'development_budget', entityId: unitId,
        summary: `Mengubah pagu pengembangan ${unit.name} tahun ${year}: ${before !== null ? formatRupiah(before) : 'belum ada'} → ${ceiling === null ? 'dihapus' : formatRupiah(ceiling)}`,
        changes: [{ field: 'ceiling', label: `Pagu ${year}`, before: before !== null ? formatRupiah(before) : null, after: ceiling === null ? null : formatRupiah(ceiling) }],
      });
      return { ok: true as const };
    });
  }

  /** Planned JP and cost per perangkat daerah against its ceiling (items not cancelled; units are the employees' current ones). */
  async budgetOverview(year: number) {
    const rows = await this.sql.plans.plannedPerUnit(this.read, year);
    const grouped = rollupByUnit(await this.sql.units.units(this.read),
      rows.map((r) => ({ unit_id: r.unit_id, plans: r.plans, jp: r.jp ?? 0, cost: r.cost ?? 0, completed: r.completed ?? 0 })),
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
