// The optimistic version of every record edited from a form: read it with who changed it last and when, and claim
// the next one in the editor's transaction. The claim is one conditional statement (`… WHERE version = ?
// RETURNING`), so of two editors who read the same version exactly one wins, whichever database serves them.

import { rowsOf, type Run } from './run';

/** The records that carry `version`, `updated_by`, `updated_at`, by their table and key column. A fixed list: the
 *  names go into the statement text. */
export const VERSIONED_TABLES = {
  settings_section_version: 'section',
  position: 'id',
  development_plan: 'id',
  development_plan_item: 'id',
  talent_session: 'id',
  talent_placement: 'id',
} as const;

export type VersionedTable = keyof typeof VERSIONED_TABLES;

export interface VersionedRecord {
  table: VersionedTable;
  key: number | string;
}

export interface VersionRow {
  version: number;
  updated_by: string | null;
  updated_at: string | null;
}

/** The rows of a statement with RETURNING: SQLite hands them as they are, PostgreSQL's UPDATE as [rows, count]. */
function returned(result: unknown): unknown[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0];
  return Array.isArray(result) ? result : [];
}

export const editVersionsSql = {
  /** The stored version and its last editor; undefined when the record does not exist (a settings section that was
   *  never saved reads as version 0 in the service). */
  async current(run: Run, record: VersionedRecord): Promise<VersionRow | undefined> {
    const keyColumn = VERSIONED_TABLES[record.table];
    const [row] = await rowsOf<VersionRow>(run, `SELECT version, updated_by, updated_at FROM ${record.table} WHERE ${keyColumn} = ?`, [record.key]);
    // PostgreSQL hands a bigint over as text.
    return row && { ...row, version: Number(row.version) };
  },

  /** Moves the record from `expected` to `expected + 1` naming the editor; false when the stored version is not
   *  `expected` any more (another editor came first). */
  async claim(run: Run, record: VersionedRecord, expected: number, actor: string, at: string): Promise<boolean> {
    const keyColumn = VERSIONED_TABLES[record.table];
    const rows = returned(await run(
      `UPDATE ${record.table} SET version = version + 1, updated_by = ?, updated_at = ? WHERE ${keyColumn} = ? AND version = ? RETURNING version`,
      [actor, at, record.key, expected]));
    return rows.length === 1;
  },

  /** The first save of a settings section (version 0 → 1); false when another editor saved it first. */
  async claimFirstSectionVersion(run: Run, section: string, actor: string, at: string): Promise<boolean> {
    const rows = returned(await run(
      `INSERT INTO settings_section_version (section, version, updated_by, updated_at) VALUES (?, 1, ?, ?) ON CONFLICT (section) DO NOTHING RETURNING version`,
      [section, actor, at]));
    return rows.length === 1;
  },
};

export type EditVersionsSql = typeof editVersionsSql;
