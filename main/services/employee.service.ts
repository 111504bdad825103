// Employee records: the profile, the add/edit path with its rules, and the history rows an edit produces.

import type { DataSource, EntityManager } from 'typeorm';
import { fullMonthsBetween, fullYearsBetween } from '../../shared/domain/dates';
import { educationLabel } from '../../shared/domain/education';
import { EMPLOYEE_FIELD_LABELS } from '../../shared/domain/employee-fields';
import { checkEmployeeRules } from '../../shared/domain/employee-rules';
import { employeeStatusLabel, fullName, genderLabel } from '../../shared/domain/employee-status';
import { golonganLabel } from '../../shared/domain/golongan';
import { crossCheckNip, normaliseNipInput, parseNip } from '../../shared/domain/nip';
import { positionLevelLabel } from '../../shared/domain/position';
import { bupFor, retirementDate } from '../../shared/domain/retirement';
import { formatDateId } from '../../shared/format/id-format';
import { AppError, type FieldIssue } from '../../shared/errors';
import type { EmployeeInputParsed, EmployeeProfile } from '../../shared/schemas/employees';
import { EmployeeEntity, PositionEntity, UnitEntity } from '../db/entities';
import type { SqlDialect } from '../db/sql';
import { recordPositionMove, recordRankStep } from '../db/sql/history.sql';
import { managerRun } from '../db/sql/run';
import { refreshDerived, refreshDerivedChanges } from '../db/derived';
import type { AuditChange, AuditService } from './audit.service';
import type { Clock } from './clock';

type EditableField = keyof EmployeeInputParsed;
const EDITABLE_FIELDS = Object.keys(EMPLOYEE_FIELD_LABELS) as EditableField[];

export class EmployeeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sql: SqlDialect,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async profile(id: number): Promise<EmployeeProfile> {
    const employee = await this.dataSource.getRepository(EmployeeEntity).findOneBy({ id });
    if (!employee) throw new AppError('not_found', `Pegawai dengan ID ${id} tidak ditemukan.`);
    const position = employee.positionId ? await this.dataSource.getRepository(PositionEntity).findOneBy({ id: employee.positionId }) : null;
    const unit = employee.unitId ? await this.dataSource.getRepository(UnitEntity).findOneBy({ id: employee.unitId }) : null;
    let unitPath: Array<{ id: number; name: string }> = [];
    if (unit) {
      const ids = unit.path.split('/').filter(Boolean).map(Number);
      const names = await this.sql.employees.unitNames(managerRun(this.dataSource), ids);
      unitPath = ids.filter((uid) => names.has(uid)).map((uid) => ({ id: uid, name: names.get(uid)! }));
    }

    const today = this.clock.today();
    const nip = parseNip(employee.nip, today);
    const bup = bupFor(position?.level, position?.bupOverride);
    const tmtPensiun = retirementDate(employee.birthDate, bup);
    const rules = checkEmployeeRules({ ...employee }, today);
    const basis = position?.bupOverride
      ? `BUP ${bup} tahun menurut undang-undang jabatan ${position.name}`
      : position ? `BUP ${bup} tahun untuk ${positionLevelLabel(position.level)}` : `BUP ${bup} tahun (jabatan belum diisi)`;

    return {
      id: employee.id,
      version: employee.version,
      nip: employee.nip,
      nipLama: employee.nipLama,
      name: employee.name,
      frontTitle: employee.frontTitle,
      backTitle: employee.backTitle,
      fullName: fullName(employee.name, employee.frontTitle, employee.backTitle),
      birthPlace: employee.birthPlace,
      birthDate: employee.birthDate,
      gender: employee.gender as 'L' | 'P',
      employmentType: employee.employmentType as EmployeeProfile['employmentType'],
      cpnsTmt: employee.cpnsTmt,
      pnsTmt: employee.pnsTmt,
      golongan: employee.golongan,
      golonganTmt: employee.golonganTmt,
      position: position
        ? { id: position.id, name: position.name, kind: position.kind as never, level: position.level as never, eselon: position.eselon, bupOverride: position.bupOverride, isKey: position.isKey }
        : null,
      positionTmt: employee.positionTmt,
      unit: unit ? { id: unit.id, name: unit.name, path: unitPath } : null,
      educationLevel: employee.educationLevel,
      educationMajor: employee.educationMajor,
      educationInstitution: employee.educationInstitution,
      educationYear: employee.educationYear,
      status: employee.status as EmployeeProfile['status'],
      statusDate: employee.statusDate,
      email: employee.email,
      phone: employee.phone,
      notes: employee.notes,
      createdAt: employee.createdAt,
      updatedAt: employee.updatedAt,
      nipCheck: nip.ok
        ? {
          valid: true, birthDate: nip.value.birthDate, cpnsYearMonth: nip.value.cpnsYearMonth, gender: nip.value.gender,
          problems: nip.warnings.map((w) => w.message),
          mismatches: crossCheckNip(nip.value, { birthDate: employee.birthDate, gender: employee.gender, cpnsTmt: employee.employmentType === 'PPPK' ? null : employee.cpnsTmt }),
        }
        : { valid: false, birthDate: null, cpnsYearMonth: null, gender: null, problems: nip.errors.map((e) => e.message), mismatches: [] },
      retirement: { bup, date: tmtPensiun, monthsLeft: Math.max(0, fullMonthsBetween(today, tmtPensiun)), basis },
      ageYears: fullYearsBetween(employee.birthDate, today),
      serviceMonths: employee.cpnsTmt && employee.cpnsTmt <= today ? fullMonthsBetween(employee.cpnsTmt, today) : null,
      monthsInRank: employee.golonganTmt && employee.golonganTmt <= today ? fullMonthsBetween(employee.golonganTmt, today) : null,
      monthsInPosition: employee.positionTmt && employee.positionTmt <= today ? fullMonthsBetween(employee.positionTmt, today) : null,
      warnings: rules.warnings.filter((w) => !['birthDate', 'cpnsTmt', 'gender'].includes(w.path) || !w.message.startsWith('Tidak cocok dengan NIP')),
    };
  }

  async history(employeeId: number) {
    await this.requireEmployee(employeeId);
    const run = managerRun(this.dataSource);
    const positions = await this.sql.employees.positionHistory(run, employeeId);
    const ranks = await this.sql.employees.rankHistory(run, employeeId);
    return {
      positions: positions.map((r) => ({
        id: r.id, tmt: r.tmt, endDate: r.end_date ?? null, positionName: r.position_name, positionLevel: r.position_level ?? null,
        unitName: r.unit_name ?? null, skNumber: r.sk_number ?? null, source: r.source,
      })),
      ranks: ranks.map((r) => ({
        id: r.id, tmt: r.tmt, golongan: r.golongan, kind: r.kind ?? null, skNumber: r.sk_number ?? null, source: r.source,
      })),
    };
  }

  /** Field rules plus what only the database knows. Never writes. */
  async validate(input: EmployeeInputParsed, id?: number): Promise<{ errors: FieldIssue[]; warnings: FieldIssue[] }> {
    const normalised = { ...input, nip: normaliseNipInput(input.nip) };
    const { errors, warnings } = checkEmployeeRules(normalised, this.clock.today());
    const holder = await this.sql.employees.nipHolder(managerRun(this.dataSource), normalised.nip, id ?? null);
    if (holder) errors.push({ path: 'nip', message: `NIP ${normalised.nip} sudah terdaftar atas nama ${holder.name}.` });
    let position: PositionEntity | null = null;
    if (input.positionId !== null) {
      position = await this.dataSource.getRepository(PositionEntity).findOneBy({ id: input.positionId });
      if (!position) errors.push({ path: 'positionId', message: `Jabatan dengan ID ${input.positionId} tidak ditemukan.` });
    }
    if (input.unitId !== null) {
      const unit = await this.dataSource.getRepository(UnitEntity).findOneBy({ id: input.unitId });
      if (!unit) errors.push({ path: 'unitId', message: `Unit kerja dengan ID ${input.unitId} tidak ditemukan.` });
      else if (position?.unitId && position.unitId !== unit.id) {
        warnings.push({ path: 'unitId', message: `Jabatan ${position.name} berada di unit lain; periksa unit kerja.` });
      }
    }
    if (input.positionId !== null && !input.positionTmt) warnings.push({ path: 'positionTmt', message: 'TMT jabatan belum diisi.' });
    return { errors, warnings };
  }

  async create(input: EmployeeInputParsed, actor: string): Promise<{ id: number; version: number; warnings: FieldIssue[] }> {
    const { errors, warnings } = await this.validate(input);
    if (errors.length > 0) throw AppError.validation(errors, `Data pegawai belum dapat disimpan: ${errors.map((e) => e.message).join(' ')}`);
    const now = this.clock.now();
    const values = { ...input, nip: normaliseNipInput(input.nip) };
    const id = await this.dataSource.transaction(async (manager) => {
      const result = await manager.insert(EmployeeEntity, { ...values, version: 1, createdAt: now, updatedAt: now });
      const newId = result.identifiers[0].id as number;
      await this.appendHistory(manager, newId, null, values, now);
      // After the history rows: the data-quality checks count the open position histories.
      await refreshDerived(managerRun(manager), ['employee', 'position_history', 'rank_history'], [newId]);
      await this.audit.record(manager, {
        actor, action: 'create', entity: 'employee', entityId: newId, employeeId: newId,
        summary: `Menambah pegawai ${fullName(values.name, values.frontTitle, values.backTitle)} (NIP ${values.nip})`,
        changes: await this.describeChanges(manager, {}, values), after: values,
      });
      return newId;
    });
    return { id, version: 1, warnings };
  }

  /**
   * One field set through the normal edit (rules, version, history, derived data, audit), with `alsoInTransaction`
   * writing what the caller records beside it (a local correction of Kualitas Data) in the same transaction.
   */
  async setField<F extends EditableField>(id: number, field: F, value: EmployeeInputParsed[F], actor: string,
    alsoInTransaction: (manager: EntityManager) => Promise<void>): Promise<{ id: number; version: number; warnings: FieldIssue[] }> {
    const current = await this.requireEmployee(id);
    const input = { ...pickEditable(current), [field]: value } as EmployeeInputParsed;
    return this.update(id, current.version, input, actor, alsoInTransaction);
  }

  async update(id: number, version: number, input: EmployeeInputParsed, actor: string, alsoInTransaction?: (manager: EntityManager) => Promise<void>): Promise<{ id: number; version: number; warnings: FieldIssue[] }> {
    const current = await this.requireEmployee(id);
    if (current.version !== version) {
      throw new AppError('conflict', 'Data pegawai ini sudah diubah orang lain sejak formulir dibuka. Muat ulang profil, lalu ulangi perubahan Anda.', { currentVersion: current.version });
    }
    const { errors, warnings } = await this.validate(input, id);
    if (errors.length > 0) throw AppError.validation(errors, `Perubahan belum dapat disimpan: ${errors.map((e) => e.message).join(' ')}`);
    const values = { ...input, nip: normaliseNipInput(input.nip) };
    const before = pickEditable(current);
    const changedFields = EDITABLE_FIELDS.filter((f) => (before[f] ?? null) !== (values[f] ?? null));
    if (changedFields.length === 0) return { id, version, warnings };

    const now = this.clock.now();
    const nextVersion = await this.dataSource.transaction(async (manager) => {
      const patch = Object.fromEntries(changedFields.map((f) => [f, values[f]]));
      const result = await manager.update(EmployeeEntity, { id, version }, { ...patch, version: version + 1, updatedAt: now });
      if (!result.affected) throw new AppError('conflict', 'Data pegawai ini baru saja diubah orang lain. Muat ulang profil, lalu ulangi perubahan Anda.');
      const history = await this.appendHistory(manager, id, before, values, now);
      // Only the derived data that reads what changed (a new phone number refreshes nothing; a new unit moves the
      // person in the dashboards' summaries): with several desks editing at once, a refresh of every derived table
      // per save was most of an edit's time on a server, and held the summaries' rows of the person's unit.
      const derived = new Map<string, Set<number>>(changedFields.map((f) => [`employee.${this.columnOf(f)}`, new Set([id])]));
      for (const table of history) derived.set(table, new Set([id]));
      await refreshDerivedChanges(managerRun(manager), derived);
      const changes = await this.describeChanges(manager, before, values, changedFields);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'employee', entityId: id, employeeId: id,
        summary: `Mengubah ${changes.map((c) => c.label.toLowerCase()).join(', ')} pegawai ${fullName(values.name, values.frontTitle, values.backTitle)}`,
        changes,
        before: Object.fromEntries(changedFields.map((f) => [f, before[f] ?? null])),
        after: patch,
      });
      await alsoInTransaction?.(manager);
      return version + 1;
    });
    return { id, version: nextVersion, warnings };
  }

  private async requireEmployee(id: number): Promise<EmployeeEntity> {
    const employee = await this.dataSource.getRepository(EmployeeEntity).findOneBy({ id });
    if (!employee) throw new AppError('not_found', `Pegawai dengan ID ${id} tidak ditemukan.`);
    return employee;
  }

  /** A change of position or unit opens a new position-history row (closing the previous one); a change of
   *  golongan adds a rank-history row. */
  /** The employee table's column of an editable field. */
  private columnOf(field: EditableField): string {
    const column = this.dataSource.getMetadata(EmployeeEntity).findColumnWithPropertyName(field);
    if (!column) throw new Error(`employee has no column for ${field}`);
    return column.databaseName;
  }

  /** Returns the history tables it wrote to. */
  private async appendHistory(manager: EntityManager, employeeId: number, before: Partial<EmployeeInputParsed> | null, after: EmployeeInputParsed, now: string): Promise<string[]> {
    const written: string[] = [];
    const positionChanged = after.positionId !== null && (before?.positionId !== after.positionId || before?.unitId !== after.unitId);
    if (positionChanged) {
      const position = await manager.findOneBy(PositionEntity, { id: after.positionId! });
      const unit = after.unitId ? await manager.findOneBy(UnitEntity, { id: after.unitId }) : null;
      await recordPositionMove(managerRun(manager), {
        employeeId, positionId: after.positionId!, positionName: position?.name ?? '', positionLevel: position?.level ?? null,
        unitId: after.unitId, unitName: unit?.name ?? null, tmt: after.positionTmt ?? this.clock.today(), source: 'manual', snapshotId: null, now,
      });
      written.push('position_history');
    }
    if (after.golongan !== null && before?.golongan !== after.golongan) {
      await recordRankStep(managerRun(manager), {
        employeeId, golongan: after.golongan, tmt: after.golonganTmt ?? this.clock.today(), kind: before ? null : 'awal', source: 'manual', snapshotId: null, now,
      });
      written.push('rank_history');
    }
    return written;
  }

  private async describeChanges(manager: EntityManager, before: Partial<EmployeeInputParsed>, after: EmployeeInputParsed, fields?: EditableField[]): Promise<AuditChange[]> {
    const list = fields ?? EDITABLE_FIELDS.filter((f) => after[f] !== null && after[f] !== undefined);
    const positionName = async (pid: unknown) => (typeof pid === 'number' ? (await manager.findOneBy(PositionEntity, { id: pid }))?.name ?? `#${pid}` : null);
    const unitName = async (uid: unknown) => (typeof uid === 'number' ? (await manager.findOneBy(UnitEntity, { id: uid }))?.name ?? `#${uid}` : null);
    const display = async (field: EditableField, value: unknown): Promise<string | null> => {
      if (value === null || value === undefined || value === '') return null;
      switch (field) {
        case 'positionId': return positionName(value);
        case 'unitId': return unitName(value);
        case 'golongan': return golonganLabel(value as number);
        case 'gender': return genderLabel(value as string);
        case 'status': return employeeStatusLabel(value as string);
        case 'educationLevel': return educationLabel(value as string);
        case 'birthDate': case 'cpnsTmt': case 'pnsTmt': case 'golonganTmt': case 'positionTmt': case 'statusDate':
          return formatDateId(value as string);
        default: return String(value);
      }
    };
    const changes: AuditChange[] = [];
    for (const field of list) {
      changes.push({ field, label: EMPLOYEE_FIELD_LABELS[field], before: await display(field, before[field]), after: await display(field, after[field]) });
    }
    return changes;
  }
}

function pickEditable(employee: EmployeeEntity): Partial<EmployeeInputParsed> {
  const out: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) out[field] = (employee as unknown as Record<string, unknown>)[field] ?? null;
  return out as Partial<EmployeeInputParsed>;
}
