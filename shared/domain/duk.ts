// Daftar Urut Kepangkatan (DUK), PP 15/1979 tentang Daftar Urut Kepangkatan PNS: the order in which the PNS of
// an instansi or unit are listed. Each criterion only decides when every one before it is equal:
//   1. pangkat: the higher golongan first; equal golongan: the older TMT golongan first;
//   2. jabatan: the higher level first; equal level: the older TMT jabatan first;
//   3. masa kerja: the longer first (counted from TMT CPNS);
//   4. latihan jabatan: the higher leadership training first (PKN Tingkat I, PKN Tingkat II, PKA, PKP);
//   5. pendidikan: the higher level first; equal level: the earlier graduation first;
//   6. usia: the older first.
// A missing value never wins: it sorts after every known one of its criterion. Equal on everything, the NIP
// decides, so the list is the same every time it is printed. The rules, their source and what Jenjang cannot
// know (peninjauan masa kerja, trainings not recorded) are written down in shared/domain/README.md.

import { LEADERSHIP_TRAININGS } from './development';
import { golonganByCode } from './golongan';
import { positionLevelInfo } from './position';
import type { IsoDate } from './dates';

export interface DukEntry {
  /** SIASN golongan code of a PNS/CPNS (31 = III/a); PPPK grades are not in a DUK. */
  golongan: number | null;
  golonganTmt: IsoDate | null;
  /** Position level code (position.ts); its seniority is the jabatan's rank. */
  positionLevel: string | null;
  positionTmt: IsoDate | null;
  /** TMT CPNS: masa kerja runs from it. */
  cpnsTmt: IsoDate | null;
  /** Highest leadership training on record (a LEADERSHIP_TRAININGS code), or null when none is recorded. */
  leadershipTraining: string | null;
  /** Education level code (education.ts). */
  educationLevel: string | null;
  educationYear: number | null;
  birthDate: IsoDate | null;
  nip: string;
}

export const DUK_CRITERIA = [
  { code: 'pangkat', label: 'Pangkat' },
  { code: 'jabatan', label: 'Jabatan' },
  { code: 'masaKerja', label: 'Masa kerja' },
  { code: 'latihan', label: 'Latihan jabatan' },
  { code: 'pendidikan', label: 'Pendidikan' },
  { code: 'usia', label: 'Usia' },
  { code: 'nip', label: 'NIP' },
] as const;
export type DukCriterion = (typeof DUK_CRITERIA)[number]['code'];

/**
 * Education levels from low to high for the DUK. Levels a regulation treats as equal share a rank: SLTP and SLTP
 * kejuruan; D-IV and S-1 (the same entry golongan, III/a, PP 99/2000); profesi (dokter, apoteker) and S-2 (both
 * III/b); SGPLB beside D-II (both II/b).
 */
const EDUCATION_RANK: Record<string, number> = {
  SD: 1, SLTP: 2, SLTP_KEJURUAN: 2, SLTA: 3, D1: 4, D2: 5, SGPLB: 5, D3: 6, D4: 7, S1: 7, PROFESI: 8, S2: 8, S3: 9,
};

export function dukEducationRank(level: string | null | undefined): number | null {
  return level ? (EDUCATION_RANK[level] ?? null) : null;
}

/** PKP 1, PKA 2, PKN Tingkat II 3, PKN Tingkat I 4; no recorded leadership training 0. */
export function leadershipRank(code: string | null | undefined): number {
  return code ? (LEADERSHIP_TRAININGS as readonly string[]).indexOf(code) + 1 : 0;
}

/** The highest of the leadership trainings given (training type codes), or null. */
export function highestLeadershipTraining(codes: Iterable<string>): string | null {
  let best: string | null = null;
  for (const code of codes) if (leadershipRank(code) > leadershipRank(best)) best = code;
  return best;
}

/** Higher first; a missing value after every known one. */
function higherFirst(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/** Earlier first; a missing value after every known one. */
function earlierFirst(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

const pangkatRank = (code: number | null) => {
  const g = golonganByCode(code);
  return g && g.scheme === 'pns' ? g.rank : null;
};
const jabatanRank = (level: string | null) => positionLevelInfo(level)?.seniority ?? null;

/** Each criterion's comparison, in the order of PP 15/1979. */
const COMPARISONS: Record<DukCriterion, (a: DukEntry, b: DukEntry) => number> = {
  pangkat: (a, b) => higherFirst(pangkatRank(a.golongan), pangkatRank(b.golongan)) || earlierFirst(a.golonganTmt, b.golonganTmt),
  jabatan: (a, b) => higherFirst(jabatanRank(a.positionLevel), jabatanRank(b.positionLevel)) || earlierFirst(a.positionTmt, b.positionTmt),
  masaKerja: (a, b) => earlierFirst(a.cpnsTmt, b.cpnsTmt),
  latihan: (a, b) => leadershipRank(b.leadershipTraining) - leadershipRank(a.leadershipTraining),
  pendidikan: (a, b) => higherFirst(dukEducationRank(a.educationLevel), dukEducationRank(b.educationLevel)) || earlierFirst(a.educationYear, b.educationYear),
  usia: (a, b) => earlierFirst(a.birthDate, b.birthDate),
  nip: (a, b) => earlierFirst(a.nip, b.nip),
};

/** Negative when `a` comes before `b` in the DUK. */
export function compareDuk(a: DukEntry, b: DukEntry): number {
  for (const { code } of DUK_CRITERIA) {
    const order = COMPARISONS[code](a, b);
    if (order !== 0) return order;
  }
  return 0;
}

/** The criterion that puts `a` and `b` in their order (for "ditentukan oleh" in the list), or null when equal. */
export function dukDecidingCriterion(a: DukEntry, b: DukEntry): DukCriterion | null {
  for (const { code } of DUK_CRITERIA) if (COMPARISONS[code](a, b) !== 0) return code;
  return null;
}

/** A copy of `entries` in DUK order. */
export function sortDuk<T extends DukEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(compareDuk);
}
