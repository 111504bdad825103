// Talent management 9-box of PermenPANRB 3/2020 (Manajemen Talenta ASN): kinerja on the vertical axis, potensial on
// the horizontal one, box numbers in the PermenPANRB layout by default (the Kemenkeu layout as an alternative), the
// recommendation per box, and how SKP and potential assessments give the two axes.

import type { Predikat } from './skp';

export const KINERJA_AXIS = [
  { code: 'di_bawah', label: 'Di bawah ekspektasi' },
  { code: 'sesuai', label: 'Sesuai ekspektasi' },
  { code: 'di_atas', label: 'Di atas ekspektasi' },
] as const;
export type KinerjaAxis = (typeof KINERJA_AXIS)[number]['code'];

export function kinerjaAxisLabel(code: string | null | undefined): string {
  return KINERJA_AXIS.find((k) => k.code === code)?.label ?? '';
}

export const POTENSI_AXIS = [
  { code: 'rendah', label: 'Rendah' },
  { code: 'menengah', label: 'Menengah' },
  { code: 'tinggi', label: 'Tinggi' },
] as const;
export type PotensiAxis = (typeof POTENSI_AXIS)[number]['code'];
export const POTENSI_CODES = POTENSI_AXIS.map((p) => p.code) as [PotensiAxis, ...PotensiAxis[]];

export function potensiAxisLabel(code: string | null | undefined): string {
  return POTENSI_AXIS.find((p) => p.code === code)?.label ?? '';
}

export type Numbering = 'permenpanrb' | 'kemenkeu';
export const NUMBERINGS: Array<{ code: Numbering; label: string }> = [
  { code: 'permenpanrb', label: 'PermenPANRB 3/2020 (bawaan)' },
  { code: 'kemenkeu', label: 'Kemenkeu' },
];

/**
 * [kinerja][potensi] → box number. PermenPANRB 3/2020: rows kinerja (di atas ekspektasi on top), columns potensial
 * (rendah on the left), 9 in the top right corner. Kemenkeu numbers the same cells differently.
 */
const LAYOUTS: Record<Numbering, Record<KinerjaAxis, Record<PotensiAxis, number>>> = {
  permenpanrb: {
    di_atas: { rendah: 4, menengah: 7, tinggi: 9 },
    sesuai: { rendah: 2, menengah: 5, tinggi: 8 },
    di_bawah: { rendah: 1, menengah: 3, tinggi: 6 },
  },
  kemenkeu: {
    di_atas: { rendah: 5, menengah: 8, tinggi: 9 },
    sesuai: { rendah: 4, menengah: 6, tinggi: 7 },
    di_bawah: { rendah: 1, menengah: 2, tinggi: 3 },
  },
};

export function boxNumber(kinerja: KinerjaAxis, potensi: PotensiAxis, numbering: Numbering = 'permenpanrb'): number {
  return LAYOUTS[numbering][kinerja][potensi];
}

export function boxCell(box: number, numbering: Numbering = 'permenpanrb'): { kinerja: KinerjaAxis; potensi: PotensiAxis } {
  for (const kinerja of Object.keys(LAYOUTS[numbering]) as KinerjaAxis[]) {
    for (const potensi of Object.keys(LAYOUTS[numbering][kinerja]) as PotensiAxis[]) {
      if (LAYOUTS[numbering][kinerja][potensi] === box) return { kinerja, potensi };
    }
  }
  throw new RangeError(`Kotak ${box} tidak ada`);
}

/** "Kinerja di atas ekspektasi dan potensial tinggi" */
export function boxName(kinerja: KinerjaAxis, potensi: PotensiAxis): string {
  const k = KINERJA_AXIS.find((x) => x.code === kinerja)!.label.toLowerCase();
  return `Kinerja ${k} dan potensial ${potensi}`;
}

/** Recommendations of PermenPANRB 3/2020 by cell (the regulation numbers them in its own layout: 9 = di atas × tinggi). */
const RECOMMENDATIONS: Record<KinerjaAxis, Record<PotensiAxis, string>> = {
  di_atas: {
    tinggi: 'Dipromosikan dan dipertahankan; Masuk Kelompok Rencana Suksesi Instansi/Nasional; Penghargaan',
    menengah: 'Dipertahankan; Masuk Kelompok Rencana Suksesi Instansi; Rotasi/Pengayaan jabatan; Pengembangan kompetensi; Tugas belajar',
    rendah: 'Rotasi; Pengembangan kompetensi',
  },
  sesuai: {
    tinggi: 'Dipertahankan; Masuk Kelompok Rencana Suksesi Instansi; Rotasi/Perluasan jabatan; Bimbingan kinerja',
    menengah: 'Penempatan yang sesuai; Bimbingan kinerja; Pengembangan kompetensi',
    rendah: 'Bimbingan kinerja; Pengembangan kompetensi; Penempatan yang sesuai',
  },
  di_bawah: {
    tinggi: 'Penempatan yang sesuai; Bimbingan kinerja; Konseling kinerja',
    menengah: 'Bimbingan kinerja; Konseling kinerja; Pengembangan kompetensi; Penempatan yang sesuai',
    rendah: 'Diproses sesuai ketentuan peraturan perundang-undangan',
  },
};

export function boxRecommendation(kinerja: KinerjaAxis, potensi: PotensiAxis): string {
  return RECOMMENDATIONS[kinerja][potensi];
}

/** Kinerja axis from the annual predikat: Sangat Baik above, Baik as expected, the other three below expectation. */
export function kinerjaFromPredikat(predikat: Predikat): KinerjaAxis {
  if (predikat === 'sangat_baik') return 'di_atas';
  if (predikat === 'baik') return 'sesuai';
  return 'di_bawah';
}

/**
 * Kinerja axis from a legacy PP 46/2011 sebutan (years before 2022): the same words read the same way
 * (Sangat Baik → di atas, Baik → sesuai, Cukup/Kurang/Buruk → di bawah). A Jenjang decision extending the
 * predikat rule to imported history; the placement explanation always names the score and its regime.
 */
export function kinerjaFromLegacyLabel(label: string): KinerjaAxis {
  if (label === 'Sangat Baik') return 'di_atas';
  if (label === 'Baik') return 'sesuai';
  return 'di_bawah';
}

export interface PotentialThresholds {
  tinggi: number;
  menengah: number;
}

export const DEFAULT_POTENTIAL_THRESHOLDS: PotentialThresholds = { tinggi: 90, menengah: 78 };

/** Potensi axis: the recorded level when there is one; otherwise from the score (≥ 90 tinggi, ≥ 78 menengah). */
export function potensiAxis(level: string | null, score: number | null, thresholds: PotentialThresholds = DEFAULT_POTENTIAL_THRESHOLDS): PotensiAxis | null {
  if (level === 'rendah' || level === 'menengah' || level === 'tinggi') return level;
  if (score === null || !Number.isFinite(score)) return null;
  if (score >= thresholds.tinggi) return 'tinggi';
  if (score >= thresholds.menengah) return 'menengah';
  return 'rendah';
}

/** Talent pool (Kelompok Rencana Suksesi): boxes 7, 8, 9 by default. */
export const DEFAULT_TALENT_POOL_BOXES = [7, 8, 9];

export const SESSION_STATUSES = [
  { code: 'draft', label: 'Draf' },
  { code: 'ditinjau', label: 'Ditinjau Komite' },
  { code: 'ditetapkan', label: 'Ditetapkan' },
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number]['code'];

export function sessionStatusLabel(code: string): string {
  return SESSION_STATUSES.find((s) => s.code === code)?.label ?? code;
}

/** How potential is assessed. Imports may write other text; it is shown as written. */
export const POTENTIAL_METHODS = [
  { code: 'assessment_center', label: 'Assessment center' },
  { code: 'talent_review', label: 'Talent review' },
  { code: 'uji_kompetensi', label: 'Uji kompetensi' },
  { code: 'wawancara', label: 'Wawancara' },
] as const;

export function potentialMethodLabel(method: string | null | undefined): string {
  if (!method) return '';
  return POTENTIAL_METHODS.find((m) => m.code === method)?.label ?? method;
}
