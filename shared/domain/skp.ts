// SKP (sasaran kinerja pegawai): the predikat matrix of PermenPANRB 6/2022 (Pengelolaan Kinerja Pegawai ASN, in
// force for evaluations from 2022) and the numeric scale of PP 46/2011 (Penilaian Prestasi Kerja PNS, evaluations
// up to 2021). Legacy scores are kept as numbers with their own sebutan and regime; they are never converted into
// a 2022 predikat.

export const RATINGS = [
  { code: 'di_atas', label: 'Di Atas Ekspektasi' },
  { code: 'sesuai', label: 'Sesuai Ekspektasi' },
  { code: 'di_bawah', label: 'Di Bawah Ekspektasi' },
] as const;
export type Rating = (typeof RATINGS)[number]['code'];
export const RATING_CODES = RATINGS.map((r) => r.code) as [Rating, ...Rating[]];

export const PREDIKATS = [
  { code: 'sangat_baik', label: 'Sangat Baik', rank: 5 },
  { code: 'baik', label: 'Baik', rank: 4 },
  { code: 'butuh_perbaikan', label: 'Butuh Perbaikan', rank: 3 },
  { code: 'kurang', label: 'Kurang', rank: 2 },
  { code: 'sangat_kurang', label: 'Sangat Kurang', rank: 1 },
] as const;
export type Predikat = (typeof PREDIKATS)[number]['code'];
export const PREDIKAT_CODES = PREDIKATS.map((p) => p.code) as [Predikat, ...Predikat[]];

/** The regulation names the fourth predikat "Kurang/Misconduct"; Jenjang shows and counts it as "Kurang". */
export function predikatLabel(code: string | null | undefined): string {
  return PREDIKATS.find((p) => p.code === code)?.label ?? '';
}

export function ratingLabel(code: string | null | undefined): string {
  return RATINGS.find((r) => r.code === code)?.label ?? '';
}

/** Predikat kinerja from the hasil kerja and perilaku kerja ratings (the matrix of PermenPANRB 6/2022). */
export function predikatFromRatings(hasilKerja: Rating, perilakuKerja: Rating): Predikat {
  if (hasilKerja === 'di_bawah') return perilakuKerja === 'di_bawah' ? 'sangat_kurang' : 'butuh_perbaikan';
  if (perilakuKerja === 'di_bawah') return 'kurang';
  if (hasilKerja === 'di_atas' && perilakuKerja === 'di_atas') return 'sangat_baik';
  return 'baik';
}

export const REGIMES = [
  { code: 'PMPANRB6_2022', label: 'PermenPANRB 6/2022 (predikat)', legacy: false },
  { code: 'PP30_2019', label: 'PP 30/2019 (nilai)', legacy: true },
  { code: 'PP46_2011', label: 'PP 46/2011 (nilai)', legacy: true },
] as const;
export type Regime = (typeof REGIMES)[number]['code'];
export const REGIME_CODES = REGIMES.map((r) => r.code) as [Regime, ...Regime[]];

export function regimeLabel(code: string | null | undefined): string {
  return REGIMES.find((r) => r.code === code)?.label ?? '';
}

/** The first year evaluated with ratings and predikat (PermenPANRB 6/2022). */
export const PREDIKAT_ERA_START = 2022;

export const LEGACY_LABELS = ['Sangat Baik', 'Baik', 'Cukup', 'Kurang', 'Buruk'] as const;
export type LegacyLabel = (typeof LEGACY_LABELS)[number];

/**
 * PP 46/2011 sebutan of a score 0–100: 91–100 Sangat Baik, 76–90 Baik, 61–75 Cukup, 51–60 Kurang, ≤ 50 Buruk.
 * Scores with decimals fall to the band they have passed (90,5 is above 90, so Sangat Baik).
 */
export function legacyLabel(score: number): LegacyLabel {
  if (score > 90) return 'Sangat Baik';
  if (score > 75) return 'Baik';
  if (score > 60) return 'Cukup';
  if (score > 50) return 'Kurang';
  return 'Buruk';
}

/** Comparable rank 5 (best) … 1 for charts and "fell two periods in a row": a 2022 predikat, or a legacy
 *  sebutan read on the same five-step ladder (for display and trend only; never stored as a predikat). */
export function performanceRank(predikat: string | null, legacy: string | null): number | null {
  if (predikat) return PREDIKATS.find((p) => p.code === predikat)?.rank ?? null;
  if (legacy) {
    const index = LEGACY_LABELS.indexOf(legacy as LegacyLabel);
    return index >= 0 ? 5 - index : null;
  }
  return null;
}

export const PERIODS = [
  { code: 'tahunan', label: 'Tahunan', order: 99 },
  { code: 'triwulan_1', label: 'Triwulan I', order: 3 },
  { code: 'triwulan_2', label: 'Triwulan II', order: 6 },
  { code: 'triwulan_3', label: 'Triwulan III', order: 9 },
  { code: 'triwulan_4', label: 'Triwulan IV', order: 12 },
  ...Array.from({ length: 12 }, (_, i) => ({ code: `bulan_${String(i + 1).padStart(2, '0')}`, label: `Bulan ${i + 1}`, order: i + 1 })),
] as const;
export type Period = (typeof PERIODS)[number]['code'];
export const PERIOD_CODES = PERIODS.map((p) => p.code) as [Period, ...Period[]];

export function periodLabel(code: string): string {
  return PERIODS.find((p) => p.code === code)?.label ?? code;
}

/** Reads the period names seen in files: "Tahunan", "Akhir", "Triwulan I" … "IV", "TW 2", "Q3". */
export function parsePeriod(input: string | null | undefined): Period | null {
  if (!input) return null;
  const t = input.trim().toUpperCase().replace(/\s+/g, ' ');
  if (/^(TAHUNAN|AKHIR|TAHUNAN \/ AKHIR|ANNUAL)$/.test(t)) return 'tahunan';
  const quarter = /^(?:TRIWULAN|TW|Q)\s*(IV|III|II|I|[1-4])$/.exec(t);
  if (quarter) {
    const n = ['I', 'II', 'III', 'IV'].includes(quarter[1]) ? ['I', 'II', 'III', 'IV'].indexOf(quarter[1]) + 1 : Number(quarter[1]);
    return `triwulan_${n}` as Period;
  }
  return null;
}

const squash = (text: string) => text.trim().toUpperCase().replace(/[\s_\-./]+/g, '');

/** "Di Atas Ekspektasi", "diatas ekspektasi", "DI_ATAS", "Sesuai", "di bawah" → the rating code. */
export function parseRating(input: string | null | undefined): Rating | null {
  if (!input) return null;
  const t = squash(input).replace(/EKSPEKTASI$/, '');
  if (t === 'DIATAS' || t === 'ATAS') return 'di_atas';
  if (t === 'SESUAI') return 'sesuai';
  if (t === 'DIBAWAH' || t === 'BAWAH') return 'di_bawah';
  return null;
}

/** The five predikat as files write them; "Kurang", "Misconduct" and "Kurang/Misconduct" are all kurang. */
export function parsePredikat(input: string | null | undefined): Predikat | null {
  if (!input) return null;
  const t = squash(input);
  if (t === 'SANGATBAIK') return 'sangat_baik';
  if (t === 'BAIK') return 'baik';
  if (t === 'BUTUHPERBAIKAN') return 'butuh_perbaikan';
  if (t === 'KURANG' || t === 'MISCONDUCT' || t === 'KURANGMISCONDUCT') return 'kurang';
  if (t === 'SANGATKURANG') return 'sangat_kurang';
  return null;
}

/** A written PP 46/2011 sebutan ("sangat baik", "CUKUP"); null when it is not one of the five. */
export function parseLegacyLabel(input: string | null | undefined): LegacyLabel | null {
  if (!input) return null;
  const t = squash(input);
  return LEGACY_LABELS.find((label) => squash(label) === t) ?? null;
}

/** True when the series of ranks (oldest first) ends with two falls in a row (a > b > c). */
export function fellTwiceInARow(ranks: readonly number[]): boolean {
  for (let i = 2; i < ranks.length; i++) if (ranks[i - 2] > ranks[i - 1] && ranks[i - 1] > ranks[i]) return true;
  return false;
}
