// What the import service reads and keeps besides the commit: snapshots (history, statistics, the same file
// imported twice, pre-import copies), the issues of a committed snapshot, and the mapping profiles, through a Run
// on either database; the profile writes run in the caller's TypeORM transaction.

import { insertReturningId, isSame, likeNoCase } from '../dialect';
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
async function history(run: Run, paging: { offset: number; limit: number }): Promise<{ total: number; latestCommitted: number | null; rows: SnapshotRecord[] }> {
  const [{ total }] = await rowsOf<{ total: number }>(run, `SELECT COUNT(*) AS total FROM import_snapshot WHERE kind <> 'demo'`);
  const [latest] = await rowsOf<{ id: number | null }>(run, `SELECT MAX(id) AS id FROM import_snapshot WHERE status = 'committed'`);
  const rows = await rowsOf<SnapshotRecord>(run, `SELECT id, kind, file_name, sha256, row_count, accepted_count, rejected_count, summary, status, imported_by, imported_at, undone_at, backup_path
    FROM import_snapshot WHERE kind <> 'demo' ORDER BY id DESC LIMIT ? OFFSET ?`, [paging.limit, paging.offset]);
  return { total: Number(total), latestCommitted: latest.id === null ? null : Number(latest.id), rows };
}

/** Snapshots of files per kind and status, with the latest import time of each. */
function countsByKindAndStatus(run: Run): Promise<Array<{ kind: string; status: string; n: number; latest: string }>> {
  return rowsOf(run, `SELECT kind, status, COUNT(*) AS n, MAX(imported_at) AS latest FROM import_snapshot WHERE kind <> 'demo' GROUP BY kind, status`);
}

/** The latest committed snapshot of a file with this SHA-256, if any. */
async function committedWithSha(run: Run, sha256: string): Promise<{ id: number; file_name: string; imported_at: string } | undefined> {
  const [row] = await rowsOf<{ id: number; file_name: string; imported_at: string }>(run,
    `SELECT id, file_name, imported_at FROM import_snapshot WHERE sha256 = ? AND status = 'committed' ORDER BY id DESC LIMIT 1`, [sha256]);
  return row;
}

const WITH_BACKUP = `SELECT id, backup_path FROM import_snapshot WHERE backup_path IS NOT NULL ORDER BY id DESC`;

/** Snapshots whose pre-import copy is still on disk, newest first (synchronous, for the file backup's own reads). */
function withBackup(db: Prepared): Array<{ id: number; backup_path: string }> {
  return db.statement(WITH_BACKUP).all() as Array<{ id: number; backup_path: string }>;
}

/** The same through a Run. */
function withBackupOn(run: Run): Promise<Array<{ id: number; backup_path: string }>> {
  return rowsOf(run, WITH_BACKUP);
}

/** Forgets a pre-import copy that was deleted. */
async function clearBackup(run: Run, id: number): Promise<void> {
  await run('UPDATE import_snapshot SET backup_path = NULL WHERE id = ?', [id]);
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
async function issues(run: Run, filter: IssueFilter): Promise<{ total: number; rows: IssueRecord[] }> {
  const where: string[] = ['snapshot_id = ?'];
  const params: unknown[] = [filter.snapshotId];
  if (filter.severity) { where.push('severity = ?'); params.push(filter.severity); }
  if (filter.column !== undefined) { where.push(`"column" ${isSame(run)} ?`); params.push(filter.column); }
  if (filter.search) { where.push(`(message ${likeNoCase(run)} ? OR value ${likeNoCase(run)} ?)`); params.push(`%${filter.search}%`, `%${filter.search}%`); }
  const clause = where.join(' AND ');
  const [{ total }] = await rowsOf<{ total: number }>(run, `SELECT COUNT(*) AS total FROM import_issue WHERE ${clause}`, params);
  const rows = await rowsOf<IssueRecord>(run, `SELECT "row", "column", value, severity, message FROM import_issue WHERE ${clause} ORDER BY "row", id LIMIT ? OFFSET ?`,
    [...params, filter.limit, filter.offset]);
  return { total: Number(total), rows };
}

export interface ProfileRecord {
  id: number;
  name: string;
  kind: string;
  mapping: string;
  created_at: string;
}

async function profile(run: Run, id: number): Promise<{ kind: string; mapping: string } | undefined> {
  const [row] = await rowsOf<{ kind: string; mapping: string }>(run, 'SELECT kind, mapping FROM import_mapping_profile WHERE id = ?', [id]);
  return row;
}

/** Mapping profiles by name, of one kind or all. */
function profiles(run: Run, kind?: string): Promise<ProfileRecord[]> {
  return rowsOf<ProfileRecord>(run, `SELECT id, name, kind, mapping, created_at FROM import_mapping_profile ${kind ? 'WHERE kind = ?' : ''} ORDER BY name`, kind ? [kind] : []);
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
async function settingValue(run: Run, key: string): Promise<string | null> {
  const [row] = await rowsOf<{ value: string }>(run, 'SELECT value FROM app_setting WHERE key = ?', [key]);
  return row?.value ?? null;
}

/** Whether the database has no unit yet (a first snapshot creates units and positions without asking). */
async function noUnits(run: Run): Promise<boolean> {
  const [row] = await rowsOf<{ n: number }>(run, 'SELECT COUNT(*) AS n FROM unit');
  return Number(row.n) === 0;
}

export const importSnapshotsSql = {
  history,
  countsByKindAndStatus,
  committedWithSha,
  withBackup,
  withBackupOn,
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
