// One employee's record: the lookups of the profile and the add/edit form, and the career history tabs.

import { isNotSame } from '../dialect';
import { marks, rowsOf, type Run } from '../run';

export interface PositionHistoryRow {
  id: number;
  tmt: string;
  end_date: string | null;
  position_name: string;
  position_level: string | null;
  unit_name: string | null;
  sk_number: string | null;
  source: string;
}

export interface RankHistoryRow {
  id: number;
  tmt: string;
  golongan: number;
  kind: string | null;
  sk_number: string | null;
  source: string;
}

export function positionHistory(run: Run, employeeId: number): Promise<PositionHistoryRow[]> {
  return rowsOf(run, `SELECT id, tmt, end_date, position_name, position_level, unit_name, sk_number, source FROM position_history
    WHERE employee_id = ? ORDER BY tmt DESC, id DESC`, [employeeId]);
}

export function rankHistory(run: Run, employeeId: number): Promise<RankHistoryRow[]> {
  return rowsOf(run, 'SELECT id, tmt, golongan, kind, sk_number, source FROM rank_history WHERE employee_id = ? ORDER BY tmt DESC, id DESC', [employeeId]);
}

/** Another employee holding this NIP (the NIP is unique), or null. */
export async function nipHolder(run: Run, nip: string, exceptId: number | null): Promise<{ id: number; name: string } | null> {
  const [row] = await rowsOf<{ id: number; name: string }>(run, `SELECT id, name FROM employee WHERE nip = ? AND id ${isNotSame(run)} ?`, [nip, exceptId]);
  return row ?? null;
}

export async function employeeIdByNip(run: Run, nip: string): Promise<number | null> {
  const [row] = await rowsOf<{ id: number }>(run, 'SELECT id FROM employee WHERE nip = ?', [nip]);
  return row?.id ?? null;
}

/** Names of the given units, by id (for a unit's path of ancestors). */
export async function unitNames(run: Run, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await rowsOf<{ id: number; name: string }>(run, `SELECT id, name FROM unit WHERE id IN (${marks(ids)})`, [...ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
