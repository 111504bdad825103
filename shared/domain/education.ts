// Education levels with the entry golongan and the ceiling for kenaikan pangkat reguler
// (PP 99/2000 jo PP 12/2002; Kep. Ka BKN 12/2002 table; shared/domain/README.md "Pengembangan dan karier").

import { golonganByCode, type GolonganCode } from './golongan';

export const EDUCATION_LEVELS = [
  { code: 'SD', label: 'SD', entry: 11, ceiling: 21 },
  { code: 'SLTP', label: 'SLTP/SMP', entry: 13, ceiling: 23 },
  { code: 'SLTP_KEJURUAN', label: 'SLTP Kejuruan', entry: 13, ceiling: 24 },
  { code: 'SLTA', label: 'SLTA/SMA/SMK', entry: 21, ceiling: 32 },
  { code: 'D1', label: 'D-I', entry: 21, ceiling: 32 },
  { code: 'D2', label: 'D-II', entry: 22, ceiling: 32 },
  { code: 'SGPLB', label: 'SGPLB', entry: 22, ceiling: 33 },
  { code: 'D3', label: 'D-III', entry: 23, ceiling: 33 },
  { code: 'D4', label: 'D-IV', entry: 31, ceiling: 34 },
  { code: 'S1', label: 'S-1', entry: 31, ceiling: 34 },
  { code: 'PROFESI', label: 'Profesi (Dokter/Apoteker)', entry: 32, ceiling: 41 },
  // A profession above Dokter: the same entry and ceiling as the Dokter row, and the shorter step III/b → III/c
  // after 2 years of the regular-promotion rules (shared/domain/development.ts monthsInRankRequired).
  { code: 'SPESIALIS_1', label: 'Dokter Spesialis I', entry: 32, ceiling: 41 },
  { code: 'S2', label: 'S-2', entry: 32, ceiling: 41 },
  { code: 'S3', label: 'S-3', entry: 33, ceiling: 42 },
] as const satisfies ReadonlyArray<{ code: string; label: string; entry: GolonganCode; ceiling: GolonganCode }>;

export type EducationLevel = (typeof EDUCATION_LEVELS)[number]['code'];
export const EDUCATION_CODES = EDUCATION_LEVELS.map((e) => e.code) as [EducationLevel, ...EducationLevel[]];

const BY_CODE = new Map<string, (typeof EDUCATION_LEVELS)[number]>(EDUCATION_LEVELS.map((e) => [e.code, e]));

export function educationInfo(code: string | null | undefined) {
  return code ? (BY_CODE.get(code) ?? null) : null;
}

export function educationLabel(code: string | null | undefined): string {
  return educationInfo(code)?.label ?? '';
}

/** True when a PNS golongan is above what regular promotion allows for this education (a warning, not an error:
 *  promotions by jabatan, penyesuaian ijazah or older rules legitimately exceed it). */
export function exceedsEducationCeiling(golongan: GolonganCode, education: string): boolean {
  const info = educationInfo(education);
  const g = golonganByCode(golongan);
  const ceiling = info ? golonganByCode(info.ceiling) : null;
  if (!g || g.scheme !== 'pns' || !ceiling) return false;
  return g.rank > ceiling.rank;
}

/** Maps the names seen in SIASN `tingkat_pendidikan_nama` and spreadsheets to a level code. */
export function parseEducationLevel(input: string | null | undefined): EducationLevel | null {
  if (!input) return null;
  const t = input.trim().toUpperCase().replace(/[\s.\-/]+/g, '');
  if (t === '') return null;
  const table: Array<[RegExp, EducationLevel]> = [
    [/^(S3|DOKTOR\b|STRATA3)/, 'S3'],
    [/^(S2|STRATA2|MAGISTER|PASCA)/, 'S2'],
    [/^(DOKTERSPESIALIS(I|1)?$|DOKTERSPESIALISI\(SPI\)|SPESIALIS(I|1)?$|SP(I|1)$)/, 'SPESIALIS_1'],
    // Ners is the profession after S-1 Keperawatan: S-1 unless the office records it as profesi for a person.
    [/^(NERS|PROFESINERS|PENDIDIKANPROFESINERS)/, 'S1'],
    [/^(PROFESI|DOKTERSPESIALIS|DOKTER|APOTEKER|SP2)/, 'PROFESI'],
    [/^(S1|STRATA1|SARJANA$|SARJANA\(S1\))/, 'S1'],
    [/^(D4|DIV|DIPLOMAIV|DIPLOMA4)/, 'D4'],
    [/^(D3|DIII|DIPLOMAIII|DIPLOMA3|SARJANAMUDA|AKADEMI|BAKALOREAT)/, 'D3'],
    [/^(SGPLB|SEKOLAHGURUPENDIDIKANLUARBIASA)/, 'SGPLB'],
    [/^(D2|DII|DIPLOMAII|DIPLOMA2)/, 'D2'],
    [/^(D1|DI|DIPLOMAI|DIPLOMA1)$/, 'D1'],
    [/^(SLTA|SMA|SMK|SMU|STM|SPK|SMEA|MA|SEDERAJAT)/, 'SLTA'],
    [/^(SLTPKEJURUAN)/, 'SLTP_KEJURUAN'],
    [/^(SLTP|SMP|MTS)/, 'SLTP'],
    [/^(SD|MI|SEKOLAHDASAR)/, 'SD'],
  ];
  for (const [pattern, code] of table) if (pattern.test(t)) return code;
  return null;
}
