// Whose snapshot is this? An employee snapshot names its instansi (SIASN's instansi_induk, id and name, on every
// row). The agency records its own from its first snapshot on (agency identity); a snapshot of another instansi,
// or one whose NIPs are mostly unknown to a database that already holds employees, is imported only when the
// officer confirms it: merged into the wrong district, its staff would land in this district's units.

import { formatNumberId, formatPercentId } from '../../shared/format/id-format';
import type { FileInstansi } from './kinds/pegawai';
import { nameKey } from './kinds/pegawai/units';

export interface AgencyInstansi {
  id: string | null;
  name: string | null;
}

/** match: the file's instansi is the agency's; mismatch: another one (or several); new: the agency has none
 *  recorded yet (the file's becomes its own once confirmed); unknown: the file names none. */
export type InstansiStatus = 'match' | 'mismatch' | 'new' | 'unknown';

export interface InstansiCheck {
  status: InstansiStatus;
  /** The instansi the file names, the most frequent first. */
  file: FileInstansi[];
  agency: AgencyInstansi | null;
  /** Warnings that need the officer's confirmation (Indonesian). */
  alarms: string[];
  confirmationRequired: boolean;
}

/** A snapshot needs at least this many NIPs before "most are unknown" is an alarm (a handful of new CPNS is not). */
const ALARM_MIN_NIPS = 10;

const sameInstansi = (a: AgencyInstansi, b: FileInstansi) =>
  a.id && b.id ? a.id.trim().toUpperCase() === b.id.trim().toUpperCase() : !!a.name && !!b.name && nameKey(a.name) === nameKey(b.name);

export function describeInstansi(instansi: AgencyInstansi | FileInstansi): string {
  return [instansi.name, instansi.id ? `ID ${instansi.id}` : null].filter(Boolean).join(', ') || 'tanpa nama';
}

export function checkInstansi(input: {
  fileInstansi: Iterable<FileInstansi>;
  agency: AgencyInstansi | null;
  storedEmployees: number;
  fileNips: number;
  knownNips: number;
}): InstansiCheck {
  const file = [...input.fileInstansi].sort((a, b) => b.rows - a.rows);
  const agency = input.agency && (input.agency.id || input.agency.name) ? input.agency : null;
  const status: InstansiStatus = file.length === 0 ? 'unknown' : !agency ? 'new' : file.every((f) => sameInstansi(agency, f)) ? 'match' : 'mismatch';
  const alarms: string[] = [];
  const unknown = input.fileNips - input.knownNips;
  if (input.storedEmployees > 0 && input.fileNips >= ALARM_MIN_NIPS && unknown * 2 > input.fileNips) {
    alarms.push(`Sebagian besar NIP di berkas ini belum ada di database: ${formatNumberId(unknown)} dari ${formatNumberId(input.fileNips)} (${formatPercentId((unknown / input.fileNips) * 100, 0)}), padahal database sudah berisi ${formatNumberId(input.storedEmployees)} pegawai. Pastikan berkas ini snapshot instansi Anda sendiri, bukan instansi lain.`);
  }
  return { status, file, agency, alarms, confirmationRequired: status === 'new' || status === 'mismatch' || alarms.length > 0 };
}

/** Why a commit waits for the officer's confirmation, as the refusal says it. */
export function confirmationMessage(check: InstansiCheck, how: string): string {
  if (check.status === 'mismatch') {
    return `Berkas ini dari instansi lain (${check.file.map(describeInstansi).join('; ')}), sedangkan instansi Anda ${describeInstansi(check.agency!)}. Pegawainya akan bercampur dengan data instansi Anda; ${how} bila memang berkas ini yang akan diimpor.`;
  }
  if (check.status === 'new') {
    return `Instansi berkas ini (${describeInstansi(check.file[0])}) belum tercatat sebagai instansi Anda; ${how} untuk mencatatnya dan mengimpor berkas ini.`;
  }
  return `${check.alarms.join(' ')} ${how[0].toUpperCase()}${how.slice(1)} bila memang berkas ini yang akan diimpor.`;
}
