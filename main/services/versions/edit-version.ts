// The one optimistic-version check of every record edited from a form (settings sections, key positions'
// succession plans, development plans and their items, talent sessions and placements, accounts, employees). An
// edit names the version its form read; the check runs first in the edit's transaction and either claims the next
// version for this editor or refuses with who changed the record and when, so nothing of a stale edit is written.

import { MONTHS_ID } from '../../../shared/format/id-format';
import { AppError } from '../../../shared/errors';
import { editVersionsSql, type VersionedRecord, type VersionRow } from '../../db/sql/edit-versions.sql';
import type { Run } from '../../db/sql/run';

export type { VersionedRecord };

/** The person an audit actor label names: "Sri Wahyuni (sri)" → "Sri Wahyuni" (a user name holds no spaces or
 *  brackets); a built-in actor ("Sistem") is its own name. */
export function personOfActor(label: string): string {
  const match = /^(.*\S) \([^\s()]+\)$/.exec(label);
  return match ? match[1] : label;
}

/** "6 Desember 2026 pukul 20.15", in the local time of the machine that answers. */
export function momentId(isoTimestamp: string): string {
  const d = new Date(isoTimestamp);
  if (Number.isNaN(d.getTime())) return isoTimestamp;
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${d.getDate()} ${MONTHS_ID[d.getMonth()]} ${d.getFullYear()} pukul ${hh}.${mm}`;
}

export interface LastEdit {
  /** The audit actor label of the last editor, or null when the record never named one. */
  by: string | null;
  at: string | null;
}

/**
 * The refusal of a stale edit. `subject` starts the sentence ("Rencana ini", "Pengaturan Keamanan ini"). The
 * details carry the same facts for programs: the current version, the actor label, the person and the timestamp.
 */
export function staleEditError(subject: string, currentVersion: number, last: LastEdit): AppError {
  const person = last.by ? personOfActor(last.by) : null;
  const who = person ? ` oleh ${person}` : ' oleh pengguna lain';
  const when = last.at ? ` pada ${momentId(last.at)}` : '';
  return new AppError('conflict', `${subject} sudah diubah${who}${when}. Muat ulang, lalu ulangi perubahan Anda.`, {
    currentVersion, changedBy: person, changedByLabel: last.by, changedAt: last.at,
  });
}

/**
 * Checks `expected` against the stored version and claims the next one for `actor`, in the caller's transaction
 * (`run`), before the edit writes anything; throws the stale-edit refusal otherwise. Returns the new version.
 * A settings section never saved has version 0 and no row yet.
 */
export async function claimEditVersion(run: Run, record: VersionedRecord, expected: number, edit: { subject: string; actor: string; at: string }): Promise<number> {
  const current: VersionRow | undefined = await editVersionsSql.current(run, record);
  const stored = current?.version ?? 0;
  if (!current && record.table !== 'settings_section_version') throw new AppError('not_found', `${edit.subject} tidak ditemukan; mungkin sudah dihapus. Muat ulang halaman.`);
  if (stored === expected) {
    const claimed = !current
      ? await editVersionsSql.claimFirstSectionVersion(run, String(record.key), edit.actor, edit.at)
      : await editVersionsSql.claim(run, record, expected, edit.actor, edit.at);
    if (claimed) return expected + 1;
  }
  const now = (await editVersionsSql.current(run, record)) ?? current;
  throw staleEditError(edit.subject, now?.version ?? stored, { by: now?.updated_by ?? null, at: now?.updated_at ?? null });
}

/** The version a form reads with a record, and who saved it last. */
export async function readEditVersion(run: Run, record: VersionedRecord): Promise<{ version: number; updatedBy: string | null; updatedAt: string | null }> {
  const row = await editVersionsSql.current(run, record);
  return { version: row?.version ?? 0, updatedBy: row?.updated_by ? personOfActor(row.updated_by) : null, updatedAt: row?.updated_at ?? null };
}
