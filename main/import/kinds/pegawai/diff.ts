// The employee snapshot against the database: each accepted row becomes a new employee, a change field by field
// (old → new), or nothing (unchanged); active employees it does not name are listed as absent. The rules of the
// add/edit form are applied to the merged record: an error about a value the file gives rejects the row, one
// about stored data the file does not touch is a warning.

import type { IsoDate } from '../../../../shared/domain/dates';
import { educationLabel } from '../../../../shared/domain/education';
import { EMPLOYEE_FIELD_LABELS } from '../../../../shared/domain/employee-fields';
import { checkEmployeeRules } from '../../../../shared/domain/employee-rules';
import { employeeStatusLabel, genderLabel } from '../../../../shared/domain/employee-status';
import { golonganLabel } from '../../../../shared/domain/golongan';
import { parseNip } from '../../../../shared/domain/nip';
import { formatDateId } from '../../../../shared/format/id-format';
import type { IssueLog } from '../../row-reader';
import { mergeValues, StoredEmployees, type AbsentEmployee, type EmployeeContext, type ExistingEmployee } from './matching';
import { Organisation, type PlannedPosition, type PlannedUnit, type PositionInfo } from './organisation';
import { EMPLOYEE_IMPORT_FIELDS, SNAPSHOT_FIELD_LABELS, type EmployeeField, type EmployeeFileRow, type Presence } from './row';

export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

export interface EmployeeInsert {
  row: number;
  nip: string;
  siasnId: string | null;
  values: Record<EmployeeField, string | number | null>;
  positionId: number | null;
  unitId: number | null;
}

export interface EmployeeUpdate {
  row: number;
  id: number;
  nip: string;
  name: string;
  siasnId: string | null;
  values: Record<EmployeeField, string | number | null>;
  positionId: number | null;
  unitId: number | null;
  existing: ExistingEmployee;
  changes: FieldChange[];
  /** Database columns that change, for the before-image. */
  columns: string[];
  /** Fields the file itself gave (the rest are stored values). */
  fromFile: EmployeeField[];
}

/** An open local correction of a stored employee against the snapshot's value of the same field. */
export interface CorrectionCheck {
  correctionId: number;
  employeeId: number;
  nip: string;
  name: string;
  field: EmployeeField;
  label: string;
  /** Display values: the local correction, and what the snapshot says. */
  corrected: string | null;
  siasn: string | null;
  /** The snapshot's value as stored. */
  siasnValue: string | null;
}

export interface EmployeePlan {
  inserts: EmployeeInsert[];
  /**
   * Open local corrections the snapshot speaks to: where SIASN now agrees (the commit closes them), and where it
   * still disagrees (the record keeps the correction, the commit notes the disagreement for the office to choose
   * on Kualitas Data, instead of silently overwriting the correction).
   */
  corrections: { agreed: CorrectionCheck[]; disagree: CorrectionCheck[] };
  updates: EmployeeUpdate[];
  unchanged: number;
  absent: AbsentEmployee[];
  newUnits: PlannedUnit[];
  newPositions: PlannedPosition[];
  /** Display names of units and positions by id (existing and planned), for history rows and the diff. */
  unitNames: Map<number, string>;
  positionInfo: Map<number, PositionInfo>;
  /** Employees in the database, and how many of the file's NIPs they hold (for the instansi alarm). */
  storedEmployees: number;
  knownNips: number;
}

export interface PlanOptions {
  createMissing: boolean;
  today: IsoDate;
}

export function planEmployees(rows: EmployeeFileRow[], presence: Presence, context: EmployeeContext, log: IssueLog, columnOf: (field: string) => string | null, options: PlanOptions): EmployeePlan {
  const stored = new StoredEmployees(context.employees);
  const organisation = new Organisation(context, log, columnOf, options.createMissing);
  const inserts: EmployeeInsert[] = [];
  const updates: EmployeeUpdate[] = [];
  const corrections: EmployeePlan['corrections'] = { agreed: [], disagree: [] };
  let unchanged = 0;

  for (const file of rows) {
    if (log.rejectedRows.has(file.row)) continue;
    const storedRow = stored.find(file);
    const openCorrections = storedRow ? context.corrections.get(stored.idOf(storedRow)) : undefined;
    // Most rows of a monthly snapshot change nothing: found out on the stored row as loaded, before anything
    // is built (no merge, no rules). Units and positions named by the row still count as used. A record with an
    // open local correction goes the long way, to compare the correction with the snapshot.
    if (storedRow && !openCorrections && stored.unchanged(storedRow, file)) {
      const unitId = file.units ? organisation.lookupUnits(file.units) : stored.unitId(storedRow);
      const positionId = file.position ? organisation.lookupPosition(file.position, unitId, (file.values.golongan as number | undefined) ?? stored.golongan(storedRow)) : stored.positionId(storedRow);
      if (unitId === stored.unitId(storedRow) && positionId === stored.positionId(storedRow)) {
        unchanged++;
        organisation.use(unitId, positionId);
        continue;
      }
    }
    const existing = stored.view(storedRow);
    if (existing && file.siasnId && existing.siasn_id && existing.siasn_id !== file.siasnId) {
      log.add(file.row, columnOf('pns_id'), file.siasnId, 'warning', `ID PNS SIASN di berkas berbeda dengan yang tercatat untuk NIP ${file.nip}; ID dari berkas dipakai.`);
    }
    if (file.siasnId) {
      const owner = stored.withSiasnId(file.siasnId);
      if (owner && existing && owner.id !== existing.id) {
        // Named by name, never by NIP: the issue list is about this row, and the other person's NIP is not its business.
        log.add(file.row, columnOf('pns_id'), file.siasnId, 'error', `ID PNS SIASN ${file.siasnId} sudah tercatat untuk pegawai lain di database (${String(owner.name)}).`);
        continue;
      }
    }
    if (existing && existing.nip !== file.nip) {
      const holder = stored.nipHolder(file.nip);
      if (holder !== undefined && holder !== existing.id) {
        log.add(file.row, columnOf('nip_baru'), file.nip, 'error', `NIP ${file.nip} sudah dipakai pegawai lain di database.`);
        continue;
      }
    }

    // References.
    const golongan = (file.values.golongan as number | undefined) ?? (existing?.golongan as number | null | undefined) ?? null;
    let unitId: number | null = existing?.unit_id ?? null;
    if (file.units) {
      const resolved = organisation.resolveUnits(file.units, file.row);
      if (resolved === 'rejected') continue;
      unitId = resolved;
    }
    let positionId: number | null = existing?.position_id ?? null;
    if (file.position) {
      const resolved = organisation.resolvePosition(file.position, unitId, golongan, file.row);
      if (resolved === 'rejected') continue;
      positionId = resolved;
    }

    const merged = mergeValues(existing, file.values);
    const checked = existing && openCorrections ? keepLocalCorrections(existing, file, merged, openCorrections) : null;
    // A new record needs what the NIP already says.
    const decoded = parseNip(file.nip);
    if (!existing && decoded.ok) {
      if (!merged.birthDate) merged.birthDate = decoded.value.birthDate;
      if (!merged.gender) merged.gender = decoded.value.gender;
      if (!merged.employmentType) merged.employmentType = 'PNS';
      if (!merged.cpnsTmt && merged.employmentType !== 'PPPK') {
        merged.cpnsTmt = `${decoded.value.cpnsYearMonth}-01`;
        log.add(file.row, columnOf('tmt_cpns'), null, 'warning', `TMT CPNS tidak diisi; diambil dari NIP (${formatDateId(merged.cpnsTmt as string)}).`);
      }
      if (!merged.status) merged.status = 'active';
    }
    // A status the snapshot changes is dated by the snapshot (SIASN gives no date for it).
    if (merged.status !== (existing?.status ?? 'active')) merged.statusDate = merged.status === 'active' ? null : options.today;

    const rules = checkEmployeeRules({
      nip: file.nip, birthDate: String(merged.birthDate ?? ''), gender: String(merged.gender ?? ''), employmentType: String(merged.employmentType ?? 'PNS'),
      cpnsTmt: merged.cpnsTmt as string | null, pnsTmt: merged.pnsTmt as string | null, golongan: merged.golongan as number | null,
      golonganTmt: merged.golonganTmt as string | null, positionTmt: merged.positionTmt as string | null, educationLevel: merged.educationLevel as string | null,
      educationYear: merged.educationYear as number | null, status: merged.status as string | null, statusDate: merged.statusDate as string | null,
    }, options.today);
    let rejected = false;
    for (const issue of rules.errors) {
      const field = EMPLOYEE_IMPORT_FIELDS.find((f) => f.key === issue.path);
      const fromFile = !existing || issue.path === 'nip' || (field !== undefined && file.values[field.key] !== undefined);
      const column = issue.path === 'nip' ? columnOf('nip_baru') : field ? columnOf(field.source) : null;
      const value = issue.path === 'nip' ? file.nip : field ? merged[field.key] : null;
      if (fromFile) {
        log.add(file.row, column, value, 'error', issue.message);
        rejected = true;
      } else {
        log.add(file.row, column, value, 'warning', `${issue.message} (data yang sudah tersimpan; berkas tidak mengubahnya)`);
      }
    }
    if (rejected) continue;
    if (checked) {
      corrections.agreed.push(...checked.agreed);
      corrections.disagree.push(...checked.disagree);
    }
    // Rule warnings are shown for new and changed records; stored data the snapshot confirms unchanged is
    // not flagged again every month.
    const ruleWarnings = () => {
      for (const issue of rules.warnings) {
        const field = EMPLOYEE_IMPORT_FIELDS.find((f) => f.key === issue.path);
        log.add(file.row, issue.path === 'nip' ? columnOf('nip_baru') : field ? columnOf(field.source) : null, null, 'warning', issue.message);
      }
    };

    organisation.use(unitId, positionId);
    const siasnId = file.siasnId ?? existing?.siasn_id ?? null;

    if (!existing) {
      inserts.push({ row: file.row, nip: file.nip, siasnId, values: merged, positionId, unitId });
      stored.takeNip(file.nip, 0);
      ruleWarnings();
      continue;
    }
    const { changes, columns } = describeChanges(existing, file.nip, siasnId, merged, unitId, positionId, organisation);
    if (existing.nip !== file.nip) stored.takeNip(file.nip, existing.id);
    if (changes.length === 0) unchanged++;
    else {
      updates.push({ row: file.row, id: existing.id, nip: file.nip, name: String(merged.name ?? existing.name), siasnId, values: merged, positionId, unitId, existing, changes, columns, fromFile: Object.keys(file.values) as EmployeeField[] });
      ruleWarnings();
    }
  }

  const { newUnits, newPositions } = organisation.created();
  return {
    inserts, updates, unchanged, corrections, absent: stored.absent(presence, options.today, organisation.unitNames),
    newUnits, newPositions, unitNames: organisation.unitNames, positionInfo: organisation.positionInfo,
    storedEmployees: stored.count, knownNips: stored.knownNips(presence),
  };
}

/**
 * The snapshot against the open local corrections of one stored employee. Where it gives the corrected value,
 * SIASN agrees; where it gives another, the stored (corrected) value stays in `merged` and the disagreement is
 * listed; where it says nothing of the field, nothing is compared.
 */
function keepLocalCorrections(existing: ExistingEmployee, file: EmployeeFileRow, merged: Record<EmployeeField, string | number | null>,
  open: ReadonlyArray<{ id: number; field: string; corrected: string }>): EmployeePlan['corrections'] {
  const out: EmployeePlan['corrections'] = { agreed: [], disagree: [] };
  for (const c of open) {
    const field = EMPLOYEE_IMPORT_FIELDS.find((f) => f.key === c.field);
    if (!field || file.values[field.key] === undefined) continue;
    const siasnValue = (file.values[field.key] ?? null) as string | null;
    const check: CorrectionCheck = {
      correctionId: c.id, employeeId: existing.id, nip: file.nip, name: String(merged.name ?? existing.name), field: field.key,
      label: EMPLOYEE_FIELD_LABELS[field.key] ?? field.key, corrected: display(field.key, c.corrected), siasn: display(field.key, siasnValue), siasnValue,
    };
    if (siasnValue === c.corrected) out.agreed.push(check);
    else {
      out.disagree.push(check);
      merged[field.key] = (existing[field.column] as string | number | null) ?? null;
    }
  }
  return out;
}

/** What changes for a stored employee, field by field as the diff shows it, and the database columns. */
function describeChanges(existing: ExistingEmployee, nip: string, siasnId: string | null, merged: Record<EmployeeField, string | number | null>,
  unitId: number | null, positionId: number | null, organisation: Organisation): { changes: FieldChange[]; columns: string[] } {
  const changes: FieldChange[] = [];
  const columns: string[] = [];
  if (existing.nip !== nip) {
    changes.push({ field: 'nip', label: 'NIP', before: existing.nip, after: nip });
    columns.push('nip');
  }
  if ((existing.siasn_id ?? null) !== siasnId) {
    changes.push({ field: 'siasnId', label: 'ID PNS SIASN', before: existing.siasn_id, after: siasnId });
    columns.push('siasn_id');
  }
  for (const f of EMPLOYEE_IMPORT_FIELDS) {
    const before = (existing[f.column] as string | number | null) ?? null;
    const after = merged[f.key] ?? null;
    if (before !== after) {
      changes.push({ field: f.key, label: EMPLOYEE_FIELD_LABELS[f.key] ?? SNAPSHOT_FIELD_LABELS[f.key] ?? f.key, before: display(f.key, before), after: display(f.key, after) });
      columns.push(f.column);
    }
  }
  if ((existing.position_id ?? null) !== positionId) {
    const name = (id: number | null) => (id !== null ? organisation.positionInfo.get(id)?.name ?? null : null);
    changes.push({ field: 'positionId', label: 'Jabatan', before: existing.position_id ? name(existing.position_id) : null, after: name(positionId) });
    columns.push('position_id');
  }
  if ((existing.unit_id ?? null) !== unitId) {
    const name = (id: number | null) => (id !== null ? organisation.unitNames.get(id) ?? null : null);
    changes.push({ field: 'unitId', label: 'Unit kerja', before: existing.unit_id ? name(existing.unit_id) : null, after: name(unitId) });
    columns.push('unit_id');
  }
  return { changes, columns };
}

function display(field: EmployeeField, value: string | number | null): string | null {
  if (value === null || value === '') return null;
  switch (field) {
    case 'golongan': return golonganLabel(value as number) || String(value);
    case 'gender': return genderLabel(value as string);
    case 'status': return employeeStatusLabel(value as string);
    case 'educationLevel': return educationLabel(value as string) || String(value);
    case 'birthDate': case 'cpnsTmt': case 'pnsTmt': case 'golonganTmt': case 'positionTmt': case 'statusDate':
      return formatDateId(value as string);
    default: return String(value);
  }
}

/** The date a new history row starts: the file's TMT when it has one, else the day of the import. */
export function historyStart(tmt: string | number | null | undefined, today: IsoDate): IsoDate {
  return typeof tmt === 'string' && tmt ? tmt : today;
}
