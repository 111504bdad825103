// Jabatan kinds and levels (UU 5/2014, UU 20/2023, PP 11/2017), with the BUP that follows from each
// level (PP 11/2017 Pasal 239) and a seniority order used to compare people across kinds.

export const POSITION_KINDS = [
  { code: 'jpt', label: 'JPT' },
  { code: 'administrator', label: 'Administrator' },
  { code: 'pengawas', label: 'Pengawas' },
  { code: 'pelaksana', label: 'Pelaksana' },
  { code: 'fungsional', label: 'Fungsional' },
] as const;

export type PositionKind = (typeof POSITION_KINDS)[number]['code'];
export const POSITION_KIND_CODES = POSITION_KINDS.map((k) => k.code) as [PositionKind, ...PositionKind[]];

interface LevelInfo {
  code: string;
  kind: PositionKind;
  label: string;
  /** Batas usia pensiun (UU 20/2023 Pasal 55; PP 11/2017 Pasal 239 for JF). */
  bup: number;
  /** Comparable seniority across kinds (higher = more senior); an approximation by eselon equivalence and
   *  kelas jabatan, used for "more senior than" checks, never for pay or rank. */
  seniority: number;
  /** Default required manajerial level (PermenPANRB 38/2017, [U] table) until the position's own standard exists. */
  defaultManagerialLevel: number;
}

export const POSITION_LEVELS = [
  { code: 'jpt_utama', kind: 'jpt', label: 'JPT Utama', bup: 60, seniority: 14, defaultManagerialLevel: 5 },
  { code: 'jpt_madya', kind: 'jpt', label: 'JPT Madya', bup: 60, seniority: 13, defaultManagerialLevel: 5 },
  { code: 'jpt_pratama', kind: 'jpt', label: 'JPT Pratama', bup: 60, seniority: 12, defaultManagerialLevel: 4 },
  { code: 'administrator', kind: 'administrator', label: 'Administrator', bup: 58, seniority: 10, defaultManagerialLevel: 3 },
  { code: 'pengawas', kind: 'pengawas', label: 'Pengawas', bup: 58, seniority: 8, defaultManagerialLevel: 2 },
  { code: 'pelaksana', kind: 'pelaksana', label: 'Pelaksana', bup: 58, seniority: 5, defaultManagerialLevel: 1 },
  { code: 'ahli_utama', kind: 'fungsional', label: 'JF Ahli Utama', bup: 65, seniority: 12, defaultManagerialLevel: 4 },
  { code: 'ahli_madya', kind: 'fungsional', label: 'JF Ahli Madya', bup: 60, seniority: 10, defaultManagerialLevel: 3 },
  { code: 'ahli_muda', kind: 'fungsional', label: 'JF Ahli Muda', bup: 58, seniority: 8, defaultManagerialLevel: 2 },
  { code: 'ahli_pertama', kind: 'fungsional', label: 'JF Ahli Pertama', bup: 58, seniority: 7, defaultManagerialLevel: 1 },
  { code: 'penyelia', kind: 'fungsional', label: 'JF Penyelia', bup: 58, seniority: 7, defaultManagerialLevel: 2 },
  { code: 'mahir', kind: 'fungsional', label: 'JF Mahir', bup: 58, seniority: 6, defaultManagerialLevel: 1 },
  { code: 'terampil', kind: 'fungsional', label: 'JF Terampil', bup: 58, seniority: 5, defaultManagerialLevel: 1 },
  { code: 'pemula', kind: 'fungsional', label: 'JF Pemula', bup: 58, seniority: 4, defaultManagerialLevel: 1 },
] as const satisfies readonly LevelInfo[];

export type PositionLevel = (typeof POSITION_LEVELS)[number]['code'];
export const POSITION_LEVEL_CODES = POSITION_LEVELS.map((l) => l.code) as [PositionLevel, ...PositionLevel[]];

const LEVEL_BY_CODE = new Map<string, LevelInfo>(POSITION_LEVELS.map((l) => [l.code, l]));
const KIND_BY_CODE = new Map<string, string>(POSITION_KINDS.map((k) => [k.code, k.label]));

export function positionLevelInfo(level: string | null | undefined): LevelInfo | null {
  return level ? (LEVEL_BY_CODE.get(level) ?? null) : null;
}

export function positionLevelLabel(level: string | null | undefined): string {
  return positionLevelInfo(level)?.label ?? '';
}

export function positionKindLabel(kind: string | null | undefined): string {
  return kind ? (KIND_BY_CODE.get(kind) ?? kind) : '';
}

export function kindOfLevel(level: PositionLevel): PositionKind {
  return LEVEL_BY_CODE.get(level)!.kind;
}

export const ESELONS = ['I.a', 'I.b', 'II.a', 'II.b', 'III.a', 'III.b', 'IV.a', 'IV.b', 'V.a', 'V.b'] as const;
export type Eselon = (typeof ESELONS)[number];

/** Eselon → jabatan equivalence (UU 5/2014 Pasal 131); I.a is read as JPT Madya, the common case in a daerah. */
export function levelForEselon(eselon: string | null | undefined): PositionLevel | null {
  const e = normaliseEselon(eselon);
  if (!e) return null;
  if (e.startsWith('I.')) return 'jpt_madya';
  if (e.startsWith('II.')) return 'jpt_pratama';
  if (e.startsWith('III.')) return 'administrator';
  if (e.startsWith('IV.')) return 'pengawas';
  return 'pelaksana';
}

/** "IIa", "II.a", "II/a", "2a", "II A" → "II.a". */
export function normaliseEselon(input: string | null | undefined): Eselon | null {
  if (!input) return null;
  const t = input.trim().toUpperCase().replace(/^ESELON\s*/, '');
  const m = /^(IV|III|II|I|V|[1-5])\s*[./\- ]?\s*([AB])$/.exec(t);
  if (!m) return null;
  const roman = /^\d$/.test(m[1]) ? ['I', 'II', 'III', 'IV', 'V'][Number(m[1]) - 1] : m[1];
  const candidate = `${roman}.${m[2].toLowerCase()}`;
  return (ESELONS as readonly string[]).includes(candidate) ? (candidate as Eselon) : null;
}

/** Minimum and maximum golongan per eselon (PP 13/2002, UU 20/2023, PP 11/2017), as SIASN codes. */
export const ESELON_GOLONGAN_RANGE: Record<Eselon, { min: number; max: number }> = {
  'I.a': { min: 44, max: 45 }, 'I.b': { min: 43, max: 45 },
  'II.a': { min: 43, max: 44 }, 'II.b': { min: 42, max: 43 },
  'III.a': { min: 41, max: 42 }, 'III.b': { min: 34, max: 41 },
  'IV.a': { min: 33, max: 34 }, 'IV.b': { min: 32, max: 33 },
  'V.a': { min: 31, max: 32 }, 'V.b': { min: 24, max: 31 },
};

/**
 * Infers the level from a jabatan name and eselon, as snapshot imports need ("Kepala Dinas …" → JPT Pratama,
 * "… Ahli Madya" → JF ahli madya). Returns null when the name gives no clue.
 */
export function inferPositionLevel(name: string, eselon?: string | null): PositionLevel | null {
  const byEselon = levelForEselon(eselon);
  if (byEselon) return byEselon;
  const n = name.toUpperCase();
  const jf: Array<[RegExp, PositionLevel]> = [
    [/AHLI UTAMA/, 'ahli_utama'], [/AHLI MADYA/, 'ahli_madya'], [/AHLI MUDA/, 'ahli_muda'],
    [/AHLI PERTAMA/, 'ahli_pertama'], [/PENYELIA/, 'penyelia'], [/\bMAHIR\b/, 'mahir'],
    [/\bTERAMPIL\b/, 'terampil'], [/\bPEMULA\b/, 'pemula'],
  ];
  for (const [pattern, level] of jf) if (pattern.test(n)) return level;
  if (/^SEKRETARIS DAERAH/.test(n)) return 'jpt_pratama';
  if (/^(KEPALA (DINAS|BADAN|SATUAN POLISI|PELAKSANA BADAN)|INSPEKTUR$|INSPEKTUR (DAERAH|KABUPATEN|KOTA)|ASISTEN|STAF AHLI|SEKRETARIS DPRD|DIREKTUR RSUD|DIREKTUR RUMAH SAKIT)/.test(n)) return 'jpt_pratama';
  // Pengawas before administrator: "Sekretaris Kelurahan" must not fall into the broader "Sekretaris …" rule.
  if (/^(KEPALA (SUB ?BAGIAN|SUBBAGIAN|SEKSI|SUB ?BIDANG|SUBBIDANG|UPTD|UNIT|TATA USAHA)|LURAH|SEKRETARIS KELURAHAN)/.test(n)) return 'pengawas';
  if (/^(SEKRETARIS|KEPALA BIDANG|KEPALA BAGIAN|INSPEKTUR PEMBANTU|CAMAT|WAKIL DIREKTUR)/.test(n)) return 'administrator';
  return null;
}

/** SIASN `jenis_jabatan_nama` (or its id 1/2/4, [U]) → the broad kind it announces. */
export function parseJenisJabatan(input: string | null | undefined): 'struktural' | 'fungsional' | 'pelaksana' | null {
  if (!input) return null;
  const t = input.trim().toUpperCase();
  if (t === '1' || /STRUKTURAL|PIMPINAN TINGGI|\bJPT\b|ADMINISTRATOR|PENGAWAS$/.test(t)) return 'struktural';
  if (t === '2' || /FUNGSIONAL TERTENTU|^JFT$|^FUNGSIONAL$/.test(t)) return 'fungsional';
  if (t === '4' || /FUNGSIONAL UMUM|PELAKSANA|^JFU$/.test(t)) return 'pelaksana';
  return null;
}

/**
 * The keahlian jenjang that a PNS golongan falls in (UU 20/2023, PP 11/2017: Ahli Pertama III/a–III/b, Muda III/c–III/d,
 * Madya IV/a–IV/c, Utama IV/d–IV/e), used only when a functional position's name does not say its jenjang.
 * Below III/a the keterampilan jenjang of the same table is used (Terampil II/b–II/d, Pemula II/a).
 */
export function jfLevelForGolongan(golongan: number | null | undefined): PositionLevel | null {
  if (golongan == null || golongan > 45 || golongan < 11) return null;
  if (golongan >= 44) return 'ahli_utama';
  if (golongan >= 41) return 'ahli_madya';
  if (golongan >= 33) return 'ahli_muda';
  if (golongan >= 31) return 'ahli_pertama';
  if (golongan >= 22) return 'terampil';
  return 'pemula';
}

export interface InferredPosition {
  level: PositionLevel;
  kind: PositionKind;
  /** How the level was found; anything but 'name' or 'eselon' deserves a warning. */
  basis: 'eselon' | 'name' | 'golongan' | 'default';
}

/**
 * Kind and level of a position named in a snapshot: from the eselon or the name first (inferPositionLevel),
 * then, for a functional position whose name has no jenjang, from the holder's golongan; otherwise pelaksana.
 */
export function inferImportedPosition(name: string, jenisJabatan: string | null | undefined, eselon: string | null | undefined, holderGolongan?: number | null): InferredPosition {
  const direct = inferPositionLevel(name, eselon);
  if (direct) return { level: direct, kind: kindOfLevel(direct), basis: levelForEselon(eselon) ? 'eselon' : 'name' };
  if (parseJenisJabatan(jenisJabatan) === 'fungsional') {
    const byGolongan = jfLevelForGolongan(holderGolongan);
    if (byGolongan) return { level: byGolongan, kind: 'fungsional', basis: 'golongan' };
  }
  return { level: 'pelaksana', kind: 'pelaksana', basis: 'default' };
}

/** The JF family of a functional position name: the name without its jenjang ("Perawat Ahli Muda" → "Perawat"). */
export function functionalFamily(name: string): string | null {
  const family = name.replace(/\s+(Ahli\s+(Utama|Madya|Muda|Pertama)|Penyelia|Mahir|Terampil|Pemula)\s*$/i, '').trim();
  return family && family !== name.trim() ? family : null;
}
