// What the import service reads and keeps besides the commit: snapshots (history, statistics, the same file
// imported twice, pre-import copies), the issues of a committed snapshot, and the mapping profiles. Reads run
// synchronously on prepared statements (`Prepared`); the profile writes run in the caller's TypeORM transaction.

import { insertReturningId } from '../dialect';
import { rowsOf, type Prepared, type Run } from '../run';

export interface SnapshotRecord {
  id: number;
  kind: string;
  file_name: string;
  sha256: string;
  row_count: number;
  accepted_count: number;
  rejected_count: number;
  summary: string | null;
  status: 'committed' | 'undone';
  imported_by: string;
  imported_at: string;
  undone_at: string | null;
  backup_path: string | null;
}

/** Snapshots of files (the demo load is not one), newest first, with the total and the id that may be undone. */
function history(db: Prepared, paging: { offset: number; limit: number }): { total: number; latestCommitted: number | null; rows: SnapshotRecord[] } {
  const { total } = db.statement(`SELECT COUNT(*) AS total FROM import_snapshot WHERE kind <> 'demo'`).get() as { total: number };
  const latest = db.statement(`SELECT MAX(id) AS id FROM import_snapshot WHERE status = 'committed'`).get() as { id: number | null };
  const rows = db.statement(`SELECT id, kind, file_name, sha256, row_count, accepted_count, rejected_count, summary, status, imported_by, imported_at, undone_at, backup_path
    FROM import_snapshot WHERE kind <> 'demo' ORDER BY id DESC LIMIT ? OFFSET ?`).all(paging.limit, paging.offset) as SnapshotRecord[];
  return { total, latestCommitted: latest.id, rows };
}

/** Snapshots of files per kind and status, with the latest import time of each. */
function countsByKindAndStatus(db: Prepared): Array<{ kind: string; status: string; n: number; latest: string }> {
  return db.statement(`SELECT kind, status, COUNT(*) AS n, MAX(imported_at) AS latest FROM import_snapshot WHERE kind <> 'demo' GROUP BY kind, status`).all() as
    Array<{ kind: string; status: string; n: number; latest: string }>;
}

/** The latest committed snapshot of a file with this SHA-256, if any. */
function committedWithSha(db: Prepared, sha256: string): { id: number; file_name: string; imported_at: string } | undefined {
  return db.statement(`SELECT id, file_name, imported_at FROM import_snapshot WHERE sha256 = ? AND status = 'committed' ORDER BY id DESC LIMIT 1`).get(sha256) as
    { id: number; file_name: string; imported_at: string } | undefined;
}

/** Snapshots whose pre-import copy is still on disk, newest first. */
function withBackup(db: Prepared): Array<{ id: number; backup_path: string }> {
  return db.statement(`SELECT id, backup_path FROM import_snapshot WHERE backup_path IS NOT NULL ORDER BY id DESC`).all() as Array<{ id: number; backup_path: string }>;
}

/** Forgets a pre-import copy that was deleted. */
function clearBackup(db: Prepared, id: number): void {
  db.statement('UPDATE import_snapshot SET backup_path = NULL WHERE id = ?').run(id);
}

export interface IssueFilter {
  snapshotId: number;
  severity?: 'error' | 'warning';
  /** undefined: every column; null: issues of no column. */
  column?: string | null;
  search?: string;
  offset: number;
  limit: number;
}

export interface IssueRecord {
  row: number;
  column: string | null;
  value: string | null;
  severity: 'error' | 'warning';
  message: string;
}

/** One page of a committed snapshot's issues, in row order, and how many match. */
function issues(db: Prepared, filter: IssueFilter): { total: number; rows: IssueRecord[] } {
  const where: string[] = ['snapshot_id = ?'];
  const params: unknown[] = [filter.snapshotId];
  if (filter.severity) { where.push('severity = ?'); params.push(filter.severity); }
  if (filter.column !== undefined) { where.push('"column" IS ?'); params.push(filter.column); }
  if (filter.search) { where.push('(message LIKE ? OR value LIKE ?)'); params.push(`%${filter.search}%`, `%${filter.search}%`); }
  const clause = where.join(' AND ');
  const { total } = db.statement(`SELECT COUNT(*) AS total FROM import_issue WHERE ${clause}`).get(...params) as { total: number };
  const rows = db.statement(`SELECT "row", "column", value, severity, message FROM import_issue WHERE ${clause} ORDER BY "row", id LIMIT ? OFFSET ?`)
    .all(...params, filter.limit, filter.offset) as IssueRecord[];
  return { total, rows };
}

export interface ProfileRecord {
  id: number;
  name: string;
  kind: string;
  mapping: string;
  created_at: string;
}

function profile(db: Prepared, id: number): { kind: string; mapping: string } | undefined {
  return db.statement('SELECT kind, mapping FROM import_mapping_profile WHERE id = ?').get(id) as { kind: string; mapping: string } | undefined;
}

/** Mapping profiles by name, of one kind or all. */
function profiles(db: Prepared, kind?: string): ProfileRecord[] {
  return db.statement(`SELECT id, name, kind, mapping, created_at FROM import_mapping_profile ${kind ? 'WHERE kind = ?' : ''} ORDER BY name`)
    .all(...(kind ? [kind] : [])) as ProfileRecord[];
}

async function profileIdByName(run: Run, name: string): Promise<number | null> {
  const [row] = await rowsOf<{ id: number }>(run, 'SELECT id FROM import_mapping_profile WHERE name = ?', [name]);
  return row?.id ?? null;
}

async function profileName(run: Run, id: number): Promise<string | null> {
  const [row] = await rowsOf<{ name: string }>(run, 'SELECT name FROM import_mapping_profile WHERE id = ?', [id]);
  return row?.name ?? null;
}

async function updateProfile(run: Run, id: number, kind: string, mapping: string): Promise<void> {
  await run('UPDATE import_mapping_profile SET kind = ?, mapping = ? WHERE id = ?', [kind, mapping, id]);
}

/** A new profile; returns its id. */
async function insertProfile(run: Run, name: string, kind: string, mapping: string, now: string): Promise<number> {
  return insertReturningId(run, 'INSERT INTO import_mapping_profile (name, kind, mapping, created_at) VALUES (?, ?, ?, ?)', [name, kind, mapping, now]);
}

async function deleteProfile(run: Run, id: number): Promise<void> {
  await run('DELETE FROM import_mapping_profile WHERE id = ?', [id]);
}

/** The stored value of one app_setting key (the agency identity the instansi check compares with). */
function settingValue(db: Prepared, key: string): string | null {
  return (db.statement('SELECT value FROM app_setting WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

/** Whether the database has no unit yet (a first snapshot creates units and positions without asking). */
function noUnits(db: Prepared): boolean {
  return (db.statement('SELECT COUNT(*) AS n FROM unit').get() as { n: number }).n === 0;
}

export const importSnapshotsSql = {
  history,
  countsByKindAndStatus,
  committedWithSha,
  withBackup,
  clearBackup,
  issues,
  profile,
  profiles,
  profileIdByName,
  profileName,
  updateProfile,
  insertProfile,
  deleteProfile,
  settingValue,
  noUnits,
};

export type ImportSnapshotsSql = typeof importSnapshotsSql;
