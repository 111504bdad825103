// SKP (DOMAIN.md §2): the predikat kinerja matrix of PermenPANRB 6/2022 (§2.1) and the legacy PP 46/2011 scale
// (§2.2). Stored codes: ratings di_atas / sesuai / di_bawah; predikat sangat_baik … sangat_kurang.

export const SKP_RATINGS = [
  { code: 'di_atas', label: 'Di Atas Ekspektasi' },
  { code: 'sesuai', label: 'Sesuai Ekspektasi' },
  { code: 'di_bawah', label: 'Di Bawah Ekspektasi' },
] as const;
export type SkpRating = (typeof SKP_RATINGS)[number]['code'];

export const PREDIKAT_KINERJA = [
  { code: 'sangat_baik', label: 'Sangat Baik' },
  { code: 'baik', label: 'Baik' },
  { code: 'butuh_perbaikan', label: 'Butuh Perbaikan' },
  { code: 'kurang', label: 'Kurang/Misconduct' },
  { code: 'sangat_kurang', label: 'Sangat Kurang' },
] as const;
export type PredikatKinerja = (typeof PREDIKAT_KINERJA)[number]['code'];

/** The matrix of §2.1: rows = rating hasil kerja, columns = rating perilaku kerja. */
const MATRIX: Record<SkpRating, Record<SkpRating, PredikatKinerja>> = {
  di_atas: { di_bawah: 'kurang', sesuai: 'baik', di_atas: 'sangat_baik' },
  sesuai: { di_bawah: 'kurang', sesuai: 'baik', di_atas: 'baik' },
  di_bawah: { di_bawah: 'sangat_kurang', sesuai: 'butuh_perbaikan', di_atas: 'butuh_perbaikan' },
};

export function predikatFromRatings(hasilKerja: SkpRating, perilakuKerja: SkpRating): PredikatKinerja {
  return MATRIX[hasilKerja][perilakuKerja];
}

export function skpRatingLabel(code: string | null | undefined): string {
  return SKP_RATINGS.find((r) => r.code === code)?.label ?? '';
}

export function predikatLabel(code: string | null | undefined): string {
  return PREDIKAT_KINERJA.find((p) => p.code === code)?.label ?? '';
}

const squash = (text: string) => text.trim().toUpperCase().replace(/[\s_\-./]+/g, '');

/** "Di Atas Ekspektasi", "diatas ekspektasi", "DI_ATAS", "Sesuai", "di bawah" → the rating code. */
export function parseSkpRating(input: string | null | undefined): SkpRating | null {
  if (!input) return null;
  const t = squash(input).replace(/EKSPEKTASI$/, '');
  if (t === 'DIATAS' || t === 'ATAS') return 'di_atas';
  if (t === 'SESUAI') return 'sesuai';
  if (t === 'DIBAWAH' || t === 'BAWAH') return 'di_bawah';
  return null;
}

/** The five predikat labels, with "Kurang", "Misconduct" and "Kurang/Misconduct" all read as kurang. */
export function parsePredikatKinerja(input: string | null | undefined): PredikatKinerja | null {
  if (!input) return null;
  const t = squash(input);
  if (t === 'SANGATBAIK') return 'sangat_baik';
  if (t === 'BAIK') return 'baik';
  if (t === 'BUTUHPERBAIKAN') return 'butuh_perbaikan';
  if (t === 'KURANG' || t === 'MISCONDUCT' || t === 'KURANGMISCONDUCT') return 'kurang';
  if (t === 'SANGATKURANG') return 'sangat_kurang';
  return null;
}

/** Sebutan of a PP 46/2011 nilai prestasi kerja (§2.2: 91–100, 76–90, 61–75, 51–60, ≤ 50). Each band starts just
 *  above the top of the band below it, so a decimal score between two whole-number bands (90.5) is Sangat Baik. */
export type LegacySebutan = 'Sangat Baik' | 'Baik' | 'Cukup' | 'Kurang' | 'Buruk';

export function legacySebutan(score: number): LegacySebutan {
  if (score > 90) return 'Sangat Baik';
  if (score > 75) return 'Baik';
  if (score > 60) return 'Cukup';
  if (score > 50) return 'Kurang';
  return 'Buruk';
}

const LEGACY_SEBUTAN: readonly LegacySebutan[] = ['Sangat Baik', 'Baik', 'Cukup', 'Kurang', 'Buruk'];

/** Reads a written sebutan ("sangat baik", "CUKUP"); null when it is not one of the five. */
export function parseLegacySebutan(input: string | null | undefined): LegacySebutan | null {
  if (!input) return null;
  const t = squash(input);
  return LEGACY_SEBUTAN.find((s) => squash(s) === t) ?? null;
}
