// Data quality: the named checks behind the Kualitas Data index. Each check looks at one active employee's
// record (or, for the duplicate check, the whole population) and says whether it finds a gap (kelengkapan) or a
// contradiction (konsistensi). Most checks depend on the record alone (stable): their answers are kept per
// employee as derived data, so the index is a sum over a table; the two that change with the day (dated) are
// evaluated on each read. Every check is written so that an officer agrees with each finding: where a rule
// has a lawful exception (a golongan above the education ceiling explained by a structural position or a KP
// pilihan), the exception is part of the check. Tested in test/quality/checks.test.ts with near-misses.
//
// The index of a population is the weighted mean, over the checks that apply to anyone in it, of the share of
// people the check applies to and does not find: 100 when nothing is found, 0 when every check finds everyone.

import type { IsoDate } from './dates';
import { exceedsEducationCeiling } from './education';
import { isPnsGolongan, type GolonganCode } from './golongan';
import { crossCheckNip, parseNip, type DecodedNip } from './nip';
import { ESELON_GOLONGAN_RANGE, normaliseEselon, positionLevelInfo } from './position';

export type QualityGroup = 'kelengkapan' | 'konsistensi';

/** One active employee as the checks read it. Dates are ISO; null means "not recorded". */
export interface QualityFacts {
  nip: string;
  name: string;
  employmentType: string | null;
  birthDate: IsoDate | null;
  gender: string | null;
  cpnsTmt: IsoDate | null;
  golongan: GolonganCode | null;
  golonganTmt: IsoDate | null;
  educationLevel: string | null;
  positionId: number | null;
  /** The position's kind (jpt, administrator, pengawas, pelaksana, fungsional) and level code. */
  positionKind: string | null;
  positionLevel: string | null;
  positionTmt: IsoDate | null;
  /** Eselon of the held position ("III.a"), where recorded. */
  eselon: string | null;
  /** Whether the held position has a standar kompetensi jabatan (null: no position). */
  positionHasStandard: boolean | null;
  unitId: number | null;
  retirementDate: IsoDate | null;
  /** A final SKP of the year before the as-of year is on record. */
  hasSkpLastYear: boolean;
  hasPotentialAssessment: boolean;
  hasCompetencyAssessment: boolean;
  /** Position history rows without an end (a reader may give 1 for "not more than one"). */
  openPositionHistories: number;
  /** A kenaikan pangkat pilihan is on record (it lawfully lifts the golongan above the education ceiling). */
  hasKpPilihan: boolean;
}

/** What the checks that change with the as-of day read (last year's SKP, a TMT pensiun passed). */
export type DatedFacts = Pick<QualityFacts, 'cpnsTmt' | 'retirementDate' | 'hasSkpLastYear'>;

interface CheckDescription {
  key: string;
  group: QualityGroup;
  /** What the officer reads in the list of checks. */
  label: string;
  /** What to fix, shown above the list of people the check finds. */
  advice: string;
  defaultWeight: number;
}

/** A check whose answer depends on the record alone: kept per employee as derived data (employee_quality),
 *  refreshed by whoever writes the record. */
export interface StableCheck extends CheckDescription {
  dated: false;
  /** Whether the check is asked of this person at all (a PPPK has no golongan TMT to miss). */
  appliesTo(f: QualityFacts): boolean;
  /** The finding in words for this person, or null when the record passes. */
  find(f: QualityFacts): string | null;
}

/** A check whose answer changes with the day: evaluated on each read, from the DatedFacts alone. */
export interface DatedCheck extends CheckDescription {
  dated: true;
  appliesTo(f: DatedFacts, asOf: IsoDate): boolean;
  find(f: DatedFacts, asOf: IsoDate): string | null;
}

export type QualityCheck = StableCheck | DatedCheck;

const isPnsOrCpns = (f: QualityFacts) => f.employmentType === 'PNS' || f.employmentType === 'CPNS';
const always = () => true;
const lastYear = (asOf: IsoDate) => Number(asOf.slice(0, 4)) - 1;

const decodedNips = new WeakMap<QualityFacts, DecodedNip | null>();

/** The NIP's own reading, where it is a well-formed NIP (a malformed one is the import's business); read once
 *  per record, since three checks ask for it. */
function decoded(f: QualityFacts): DecodedNip | null {
  let value = decodedNips.get(f);
  if (value === undefined) {
    const parsed = parseNip(f.nip);
    value = parsed.ok ? parsed.value : null;
    decodedNips.set(f, value);
  }
  return value;
}

function nipMismatch(f: QualityFacts, field: 'birthDate' | 'cpnsTmt' | 'gender'): string | null {
  const nip = decoded(f);
  if (!nip) return null;
  // The TMT in a PPPK's NIP is the PPPK appointment, not a CPNS one.
  const stored = { birthDate: f.birthDate, cpnsTmt: f.employmentType === 'PPPK' ? null : f.cpnsTmt, gender: f.gender };
  return crossCheckNip(nip, stored).find((m) => m.field === field)?.message ?? null;
}

const missing = (key: string, label: string, advice: string, weight: number, appliesTo: StableCheck['appliesTo'], isMissing: (f: QualityFacts) => boolean, finding: string): StableCheck => ({
  key, group: 'kelengkapan', label, advice, defaultWeight: weight, dated: false, appliesTo,
  find: (f) => (isMissing(f) ? finding : null),
});

const stable = (check: Omit<StableCheck, 'dated'>): StableCheck => ({ ...check, dated: false });
const dated = (check: Omit<DatedCheck, 'dated'>): DatedCheck => ({ ...check, dated: true });

export const QUALITY_CHECKS: readonly QualityCheck[] = [
  missing('pendidikan', 'Pendidikan terakhir', 'Isi tingkat pendidikan terakhir.', 2, always, (f) => !f.educationLevel, 'Pendidikan terakhir kosong.'),
  missing('tmt_golongan', 'TMT golongan', 'Isi TMT golongan dari SK kenaikan pangkat terakhir.', 2, (f) => isPnsOrCpns(f) && f.golongan !== null, (f) => !f.golonganTmt, 'TMT golongan kosong.'),
  missing('tmt_cpns', 'TMT CPNS', 'Isi TMT CPNS (lihat digit 9–14 NIP).', 2, isPnsOrCpns, (f) => !f.cpnsTmt, 'TMT CPNS kosong.'),
  missing('tmt_jabatan', 'TMT jabatan', 'Isi TMT jabatan dari SK jabatan.', 2, (f) => f.positionId !== null, (f) => !f.positionTmt, 'TMT jabatan kosong.'),
  missing('jabatan', 'Jabatan', 'Isi jabatan yang diduduki.', 3, always, (f) => f.positionId === null, 'Jabatan kosong.'),
  missing('unit', 'Unit kerja', 'Isi unit kerja.', 3, always, (f) => f.unitId === null, 'Unit kerja kosong.'),
  missing('tanggal_lahir', 'Tanggal lahir', 'Isi tanggal lahir (lihat NIP).', 3, always, (f) => !f.birthDate, 'Tanggal lahir kosong.'),
  missing('jenis_kelamin', 'Jenis kelamin', 'Isi jenis kelamin (lihat digit ke-15 NIP).', 1, always, (f) => f.gender !== 'L' && f.gender !== 'P', 'Jenis kelamin kosong.'),
  dated({
    key: 'skp_tahun_lalu', group: 'kelengkapan', label: 'SKP tahun lalu', advice: 'Impor atau isi SKP tahunan tahun lalu.', defaultWeight: 2,
    // Asked of those who were in service before the year ended.
    appliesTo: (f, asOf) => !f.cpnsTmt || f.cpnsTmt <= `${lastYear(asOf)}-12-31`,
    find: (f) => (f.hasSkpLastYear ? null : 'SKP tahunan tahun lalu belum tercatat.'),
  }),
  missing('penilaian_potensi', 'Penilaian potensi', 'Impor hasil penilaian potensi.', 1, always, (f) => !f.hasPotentialAssessment, 'Belum ada penilaian potensi.'),
  missing('penilaian_kompetensi', 'Penilaian kompetensi pejabat struktural', 'Impor hasil penilaian kompetensi.', 2,
    (f) => f.positionKind === 'jpt' || f.positionKind === 'administrator' || f.positionKind === 'pengawas',
    (f) => !f.hasCompetencyAssessment, 'Pejabat struktural belum memiliki penilaian kompetensi.'),
  missing('standar_jabatan', 'Standar kompetensi jabatan', 'Tetapkan standar kompetensi untuk jabatan ini (Peta Kompetensi).', 1,
    (f) => f.positionId !== null, (f) => f.positionHasStandard === false, 'Jabatannya belum memiliki standar kompetensi.'),
  stable({
    key: 'nip_tanggal_lahir', group: 'konsistensi', label: 'NIP dan tanggal lahir', advice: 'Samakan tanggal lahir dengan NIP, atau periksa NIP-nya.', defaultWeight: 2,
    appliesTo: (f) => !!f.birthDate, find: (f) => nipMismatch(f, 'birthDate'),
  }),
  stable({
    key: 'nip_tmt_cpns', group: 'konsistensi', label: 'NIP dan TMT CPNS', advice: 'Samakan TMT CPNS dengan NIP, atau periksa NIP-nya.', defaultWeight: 1,
    appliesTo: (f) => isPnsOrCpns(f) && !!f.cpnsTmt, find: (f) => nipMismatch(f, 'cpnsTmt'),
  }),
  stable({
    key: 'nip_jenis_kelamin', group: 'konsistensi', label: 'NIP dan jenis kelamin', advice: 'Samakan jenis kelamin dengan digit ke-15 NIP.', defaultWeight: 1,
    appliesTo: (f) => f.gender === 'L' || f.gender === 'P', find: (f) => nipMismatch(f, 'gender'),
  }),
  stable({
    key: 'golongan_di_atas_pendidikan', group: 'konsistensi', label: 'Golongan di atas batas pendidikan',
    advice: 'Periksa pendidikan terakhir (ijazah baru?) atau dasar kenaikan pangkatnya.', defaultWeight: 1,
    appliesTo: (f) => f.golongan !== null && isPnsGolongan(f.golongan) && !!f.educationLevel,
    find(f) {
      if (!exceedsEducationCeiling(f.golongan!, f.educationLevel!)) return null;
      // A structural position whose eselon reaches this golongan, or a recorded KP pilihan, explains it.
      const eselon = normaliseEselon(f.eselon);
      if (eselon && f.golongan! <= ESELON_GOLONGAN_RANGE[eselon].max) return null;
      if (f.hasKpPilihan) return null;
      return 'Golongan melebihi batas kenaikan pangkat reguler untuk pendidikannya, tanpa jabatan struktural atau KP pilihan yang menjelaskannya.';
    },
  }),
  stable({
    key: 'tmt_jabatan_sebelum_cpns', group: 'konsistensi', label: 'TMT jabatan sebelum TMT CPNS', advice: 'Periksa TMT jabatan dan TMT CPNS.', defaultWeight: 1,
    appliesTo: (f) => isPnsOrCpns(f) && !!f.positionTmt && !!f.cpnsTmt,
    find: (f) => (f.positionTmt! < f.cpnsTmt! ? 'TMT jabatan lebih awal dari TMT CPNS.' : null),
  }),
  dated({
    key: 'aktif_melewati_pensiun', group: 'konsistensi', label: 'Masih aktif melewati TMT pensiun', advice: 'Perbarui status kepegawaian atau periksa tanggal lahir dan BUP.', defaultWeight: 3,
    appliesTo: (f) => !!f.retirementDate,
    find: (f, asOf) => (f.retirementDate! <= asOf ? 'Berstatus aktif, padahal TMT pensiunnya sudah lewat.' : null),
  }),
  stable({
    key: 'dua_riwayat_jabatan_terbuka', group: 'konsistensi', label: 'Dua riwayat jabatan terbuka', advice: 'Tutup riwayat jabatan yang lama.', defaultWeight: 1,
    appliesTo: always,
    find: (f) => (f.openPositionHistories > 1 ? `Ada ${f.openPositionHistories} riwayat jabatan yang belum ditutup.` : null),
  }),
  stable({
    key: 'jf_tanpa_jenjang', group: 'konsistensi', label: 'Jabatan fungsional tanpa jenjang', advice: 'Isi jenjang jabatan fungsionalnya.', defaultWeight: 1,
    appliesTo: (f) => f.positionKind === 'fungsional',
    find: (f) => (positionLevelInfo(f.positionLevel)?.kind === 'fungsional' ? null : 'Jabatan fungsional tanpa jenjang.'),
  }),
  stable({
    key: 'pppk_golongan_pns', group: 'konsistensi', label: 'PPPK dengan golongan PNS', advice: 'Ganti dengan golongan PPPK (I–XVII).', defaultWeight: 2,
    appliesTo: (f) => f.employmentType === 'PPPK' && f.golongan !== null,
    find: (f) => (isPnsGolongan(f.golongan!) ? 'PPPK tercatat dengan golongan PNS.' : null),
  }),
];

export const DUPLICATE_CHECK = {
  key: 'duplikat_nama_tanggal_lahir', group: 'konsistensi' as QualityGroup, label: 'Kemungkinan orang ganda (nama dan tanggal lahir sama)',
  advice: 'Periksa apakah keduanya orang yang sama dengan NIP berbeda.', defaultWeight: 2,
};

export const QUALITY_CHECK_KEYS = [...QUALITY_CHECKS.map((c) => c.key), DUPLICATE_CHECK.key];

/** A field "Perbaiki" may set, and the value it sets (as stored: 'L'/'P', ISO dates). */
export interface QualityFix {
  field: 'gender' | 'birthDate' | 'cpnsTmt';
  value: string;
}

/** The checks whose finding has one certain answer, read from the NIP. */
export const FIXABLE_CHECKS: readonly string[] = ['jenis_kelamin', 'nip_jenis_kelamin', 'tanggal_lahir', 'tmt_cpns'];

/**
 * The certain fix of a finding, or null: the gender from digit 15 of the NIP (missing, or against the NIP when
 * the officer confirms), the birth date from digits 1–8 where it is missing, the TMT CPNS from the NIP's year and
 * month (a TMT is the first of a month) where it is missing. Only for a record the check finds, with a well-formed
 * NIP; a PPPK's NIP dates the PPPK appointment, not a CPNS one.
 */
export function proposedFix(key: string, f: QualityFacts): QualityFix | null {
  const check = QUALITY_CHECKS.find((c) => c.key === key);
  if (!check || check.dated || !FIXABLE_CHECKS.includes(key) || !check.appliesTo(f) || check.find(f) === null) return null;
  const nip = decoded(f);
  if (!nip) return null;
  switch (key) {
    case 'jenis_kelamin': case 'nip_jenis_kelamin': return { field: 'gender', value: nip.gender };
    case 'tanggal_lahir': return { field: 'birthDate', value: nip.birthDate };
    case 'tmt_cpns': return isPnsOrCpns(f) ? { field: 'cpnsTmt', value: `${nip.cpnsYearMonth}-01` } : null;
    default: return null;
  }
}

/** Names compared for duplicates: case, spacing and punctuation do not make two people. */
export function duplicateKey(f: Pick<QualityFacts, 'name' | 'birthDate'>): string | null {
  if (!f.birthDate) return null;
  const name = f.name.toLocaleLowerCase('id-ID').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return name ? `${name}|${f.birthDate}` : null;
}

/** Indexes of the people who share a name and birth date with someone else in the list. */
export function findDuplicates(people: readonly Pick<QualityFacts, 'name' | 'birthDate'>[]): Set<number> {
  const byKey = new Map<string, number[]>();
  people.forEach((p, i) => {
    const key = duplicateKey(p);
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  const found = new Set<number>();
  for (const group of byKey.values()) if (group.length > 1) group.forEach((i) => found.add(i));
  return found;
}

export interface CheckCount {
  key: string;
  /** People the check is asked of. */
  applicable: number;
  found: number;
}

/**
 * One person's answers as bit sets over QUALITY_CHECKS (bit c for QUALITY_CHECKS[c]): which checks are asked of
 * them and which find them, with the key the duplicate check compares. Stable checks' bits are what the derived
 * table employee_quality keeps; the dated checks' bits are added on each read.
 */
export interface CheckBits {
  applicable: number;
  found: number;
}

export interface PersonBits extends CheckBits {
  duplicateKey: string | null;
}

const NO_BITS: CheckBits = { applicable: 0, found: 0 };

/** The bits of the checks that depend on the record alone. */
export function stableBits(f: QualityFacts): CheckBits {
  let applicable = 0;
  let found = 0;
  QUALITY_CHECKS.forEach((check, c) => {
    if (check.dated || !check.appliesTo(f)) return;
    applicable |= 1 << c;
    if (check.find(f) !== null) found |= 1 << c;
  });
  return applicable === 0 ? NO_BITS : { applicable, found };
}

/** The bits of the checks that change with the as-of day. */
export function datedBits(f: DatedFacts, asOf: IsoDate): CheckBits {
  let applicable = 0;
  let found = 0;
  QUALITY_CHECKS.forEach((check, c) => {
    if (!check.dated || !check.appliesTo(f, asOf)) return;
    applicable |= 1 << c;
    if (check.find(f, asOf) !== null) found |= 1 << c;
  });
  return { applicable, found };
}

/** Every check's bits for one record on one day. */
export function personBits(f: QualityFacts, asOf: IsoDate): PersonBits {
  const s = stableBits(f);
  const d = datedBits(f, asOf);
  return { applicable: s.applicable | d.applicable, found: s.found | d.found, duplicateKey: duplicateKey(f) };
}

/** The bit of a (non-duplicate) check in CheckBits, or null for a key that is not one. */
export function checkBit(key: string): number | null {
  const c = QUALITY_CHECKS.findIndex((check) => check.key === key);
  return c < 0 ? null : 1 << c;
}

/** The duplicate keys held by more than one person. */
export function duplicatedKeys(keys: Iterable<string | null>): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const key of keys) {
    if (key === null) continue;
    if (seen.has(key)) twice.add(key);
    else seen.add(key);
  }
  return twice;
}

/** Each check's counts over a population (the duplicate check among them). */
export function countFindings(people: readonly QualityFacts[], asOf: IsoDate): CheckCount[] {
  return tallyByGroup(people, asOf, () => 0).total;
}

/**
 * Each check's counts over the population and over groups of it (the perangkat daerah), every person evaluated
 * once. A duplicate counts in the group of each person of the pair, wherever the other one works.
 */
export function tallyByGroup<K>(people: readonly QualityFacts[], asOf: IsoDate, groupOf: (index: number) => K) {
  return tallyBits(people.map((f) => personBits(f, asOf)), groupOf);
}

/** tallyByGroup over answers already evaluated (the derived table's bits with the dated checks added); the
 *  duplicate check finds the keys held twice in `duplicateKeys` when given, else among these people. */
export function tallyBits<K>(people: readonly PersonBits[], groupOf: (index: number) => K, duplicateKeys?: ReadonlySet<string>): {
  total: CheckCount[];
  groups: Map<K, { population: number; counts: CheckCount[] }>;
} {
  const width = QUALITY_CHECKS.length + 1;
  // The pairs of a larger population (the district) where a part of it is counted.
  const duplicates = duplicateKeys ?? duplicatedKeys(people.map((p) => p.duplicateKey));
  const blank = () => ({ population: 0, applicable: new Array<number>(width).fill(0), found: new Array<number>(width).fill(0) });
  const total = blank();
  const groups = new Map<K, ReturnType<typeof blank>>();
  people.forEach((p, i) => {
    const key = groupOf(i);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = blank()));
    group.population += 1;
    total.population += 1;
    for (let c = 0; c < width - 1; c++) {
      const bit = 1 << c;
      if (!(p.applicable & bit)) continue;
      const found = p.found & bit ? 1 : 0;
      group.applicable[c] += 1;
      total.applicable[c] += 1;
      group.found[c] += found;
      total.found[c] += found;
    }
    if (p.duplicateKey !== null) {
      const found = duplicates.has(p.duplicateKey) ? 1 : 0;
      group.applicable[width - 1] += 1;
      total.applicable[width - 1] += 1;
      group.found[width - 1] += found;
      total.found[width - 1] += found;
    }
  });
  const counts = (t: ReturnType<typeof blank>) => QUALITY_CHECK_KEYS.map((key, c) => ({ key, applicable: t.applicable[c], found: t.found[c] }));
  return {
    total: counts(total),
    groups: new Map([...groups].map(([key, t]) => [key, { population: t.population, counts: counts(t) }])),
  };
}

/**
 * The index, 0–100 with one decimal: the weighted mean of (1 − found / applicable) over the checks asked of
 * anyone. Null for an empty population. Weights come from the settings (default: each check's defaultWeight).
 */
export function qualityIndex(counts: readonly CheckCount[], weights: Readonly<Record<string, number>> = {}): number | null {
  let weighted = 0;
  let total = 0;
  for (const c of counts) {
    if (c.applicable === 0) continue;
    const weight = weights[c.key] ?? defaultWeightOf(c.key);
    if (weight <= 0) continue;
    weighted += weight * (1 - c.found / c.applicable);
    total += weight;
  }
  return total === 0 ? null : Math.round((weighted / total) * 1000) / 10;
}

function defaultWeightOf(key: string): number {
  if (key === DUPLICATE_CHECK.key) return DUPLICATE_CHECK.defaultWeight;
  return QUALITY_CHECKS.find((c) => c.key === key)?.defaultWeight ?? 0;
}
