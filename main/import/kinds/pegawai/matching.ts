// Matching a snapshot's rows with the stored employees: by SIASN pns_id first, then by NIP. The stored rows are
// loaded once as arrays (three times faster than 50,000 objects) and turned into objects only for the rows that
// change; an unchanged row is recognised on the array itself.

import type BetterSqlite3 from 'better-sqlite3';
import type { IsoDate } from '../../../../shared/domain/dates';
import { importPlanServerSql, importPlanSql } from '../../../db/sql/imports/plan.sql';
import { openCorrectionsByEmployee, openCorrectionsByEmployeeOn } from '../../../db/sql/quality.sql';
import { preparedOn, type Run } from '../../../db/sql/run';
import type { StoredOrganisation } from './organisation';
import { EMPLOYEE_IMPORT_FIELDS, type EmployeeField, type EmployeeFileRow, type EmployeeValues, type Presence } from './row';

export interface ExistingEmployee {
  id: number;
  nip: string;
  siasn_id: string | null;
  version: number;
  updated_at: string;
  retirement_date: string | null;
  position_id: number | null;
  unit_id: number | null;
  [column: string]: unknown;
}

export interface AbsentEmployee {
  id: number;
  nip: string;
  name: string;
  proposedStatus: 'retired' | 'moved';
  retirementDate: string | null;
  unitName: string | null;
}

const COLUMNS = ['id', 'nip', 'siasn_id', 'version', 'updated_at', 'retirement_date', 'position_id', 'unit_id', ...EMPLOYEE_IMPORT_FIELDS.map((f) => f.column)];

/** Column → position in a stored employee row as loaded. */
const AT = Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as Record<string, number>;
const COLUMN_OF = Object.fromEntries(EMPLOYEE_IMPORT_FIELDS.map((f) => [f.key, f.column])) as Record<EmployeeField, string>;

export type StoredRow = unknown[];

/** Everything the plan needs from the database, read once. */
export function loadEmployeeContext(db: BetterSqlite3.Database): { employees: StoredRow[]; corrections: ReturnType<typeof openCorrectionsByEmployee> } & StoredOrganisation {
  const stored = preparedOn(db);
  return {
    employees: importPlanSql.employeeArrays(stored, COLUMNS), units: importPlanSql.units(stored), positions: importPlanSql.positions(stored),
    // Local corrections (Kualitas Data › Perbaiki) still open, by employee: the diff shows where SIASN disagrees.
    corrections: openCorrectionsByEmployee(stored),
  };
}

/** The same context read from a server (team mode) through a Run, before planning. */
export async function loadEmployeeContextOn(run: Run): Promise<EmployeeContext> {
  return {
    employees: await importPlanServerSql.employeeArrays(run, COLUMNS), units: await importPlanServerSql.units(run),
    positions: await importPlanServerSql.positions(run), corrections: await openCorrectionsByEmployeeOn(run),
  };
}

export type EmployeeContext = ReturnType<typeof loadEmployeeContext>;

export class StoredEmployees {
  private readonly bySiasn = new Map<string, StoredRow>();
  private readonly byNip = new Map<string, StoredRow>();
  private readonly objects = new Map<StoredRow, ExistingEmployee>();
  /** NIP → employee id after this import (0 for a new employee), to catch a NIP taken by someone else. */
  private readonly takenNips = new Map<string, number>();

  constructor(private readonly rows: StoredRow[]) {
    for (const e of rows) {
      this.byNip.set(e[AT.nip] as string, e);
      if (e[AT.siasn_id]) this.bySiasn.set(e[AT.siasn_id] as string, e);
      this.takenNips.set(e[AT.nip] as string, e[AT.id] as number);
    }
  }

  get count(): number {
    return this.rows.length;
  }

  /** How many of the file's NIPs belong to a stored employee. */
  knownNips(presence: Presence): number {
    let known = 0;
    for (const nip of presence.nips.keys()) if (this.byNip.has(nip)) known++;
    return known;
  }

  /** The stored row a file row is about: its pns_id first, else its NIP. */
  find(file: EmployeeFileRow): StoredRow | undefined {
    return (file.siasnId ? this.bySiasn.get(file.siasnId) : undefined) ?? this.byNip.get(file.nip);
  }

  /** The same person with nothing the file gives different from what is stored (units and positions aside). */
  unchanged(row: StoredRow, file: EmployeeFileRow): boolean {
    if (row[AT.nip] !== file.nip || (file.siasnId !== null && file.siasnId !== row[AT.siasn_id])) return false;
    for (const key in file.values) {
      if ((row[AT[COLUMN_OF[key as EmployeeField]]] ?? null) !== (file.values[key as EmployeeField] ?? null)) return false;
    }
    return true;
  }

  idOf(row: StoredRow): number {
    return row[AT.id] as number;
  }

  unitId(row: StoredRow): number | null {
    return (row[AT.unit_id] as number | null) ?? null;
  }

  positionId(row: StoredRow): number | null {
    return (row[AT.position_id] as number | null) ?? null;
  }

  golongan(row: StoredRow): number | null {
    return (row[AT.golongan] as number | null) ?? null;
  }

  /** The row as an object (made once per row, only for rows that change). */
  view(row: StoredRow | undefined): ExistingEmployee | undefined {
    if (!row) return undefined;
    let object = this.objects.get(row);
    if (!object) {
      const out: Record<string, unknown> = {};
      COLUMNS.forEach((column, i) => (out[column] = row[i]));
      object = out as ExistingEmployee;
      this.objects.set(row, object);
    }
    return object;
  }

  withSiasnId(siasnId: string): ExistingEmployee | undefined {
    return this.view(this.bySiasn.get(siasnId));
  }

  /** The employee (id) holding this NIP after the rows planned so far; 0 for one planned as new. */
  nipHolder(nip: string): number | undefined {
    return this.takenNips.get(nip);
  }

  takeNip(nip: string, employeeId: number): void {
    this.takenNips.set(nip, employeeId);
  }

  /** Active employees the snapshot does not name: a proposed status change, never a delete. */
  absent(presence: Presence, today: IsoDate, unitNames: ReadonlyMap<number, string>): AbsentEmployee[] {
    const absent: AbsentEmployee[] = [];
    for (const row of this.rows) {
      if (row[AT.status] !== 'active') continue;
      if (presence.nips.has(row[AT.nip] as string) || (row[AT.siasn_id] && presence.siasnIds.has(row[AT.siasn_id] as string))) continue;
      const e = this.view(row)!;
      absent.push({
        id: e.id, nip: e.nip, name: String(e.name), retirementDate: e.retirement_date,
        proposedStatus: e.retirement_date && e.retirement_date <= today ? 'retired' : 'moved',
        unitName: e.unit_id ? unitNames.get(e.unit_id) ?? null : null,
      });
    }
    return absent;
  }
}

/** The values the file gives over the stored ones (all import fields, null where neither has one). */
export function mergeValues(existing: ExistingEmployee | undefined, values: EmployeeValues): Record<EmployeeField, string | number | null> {
  const merged = {} as Record<EmployeeField, string | number | null>;
  for (const f of EMPLOYEE_IMPORT_FIELDS) merged[f.key] = existing ? ((existing[f.column] as string | number | null) ?? null) : null;
  for (const [key, value] of Object.entries(values)) merged[key as EmployeeField] = value ?? null;
  return merged;
}
