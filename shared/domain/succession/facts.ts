// The facts the rules read about a candidate: the employee record, the two latest annual SKP (predikat of
// PermenPANRB 6/2022, or the PP 46/2011 sebutan of older years), the latest talent placement, JPM against the
// target's standard (shared/domain/jpm.ts) and the leadership trainings.

import type { IsoDate } from '../dates';
import type { Jpm } from '../jpm';
import type { RumpunFact } from './rumpun';

export const PREDIKAT = [
  { code: 'sangat_baik', label: 'Sangat Baik', value: 1 },
  { code: 'baik', label: 'Baik', value: 0.75 },
  { code: 'butuh_perbaikan', label: 'Butuh Perbaikan', value: 0.4 },
  { code: 'kurang', label: 'Kurang', value: 0.2 },
  { code: 'sangat_kurang', label: 'Sangat Kurang', value: 0 },
] as const;

/** Legacy sebutan (PP 46/2011 and the 2019–2021 scale of PP 30/2019) read for the "at least Baik" rule only; the
 *  record itself keeps its own label. */
const LEGACY_VALUE: Record<string, number> = { 'SANGAT BAIK': 1, BAIK: 0.75, CUKUP: 0.4, KURANG: 0.2, BURUK: 0, 'SANGAT KURANG': 0 };

export interface AnnualPredikat {
  year: number;
  /** 2022+ predikat code; null for a legacy score. */
  code: string | null;
  /** Legacy sebutan as recorded ("Baik"), when there is no code. */
  legacyLabel: string | null;
}

export function predikatValue(p: AnnualPredikat): number | null {
  if (p.code) return PREDIKAT.find((x) => x.code === p.code)?.value ?? null;
  if (p.legacyLabel) return LEGACY_VALUE[p.legacyLabel.trim().toUpperCase()] ?? null;
  return null;
}

export function predikatLabel(p: AnnualPredikat): string {
  if (p.code) return PREDIKAT.find((x) => x.code === p.code)?.label ?? p.code;
  return p.legacyLabel ? `${p.legacyLabel} (skala lama)` : 'tanpa predikat';
}

/** Talent-box placement with its two axes as indices (kinerja: 0 di bawah, 1 sesuai, 2 di atas; potensi:
 *  0 rendah, 1 menengah, 2 tinggi). */
export interface TalentFact {
  year: number;
  box: number;
  kinerja: number;
  potensi: number;
  calibrated: boolean;
  /** The session is still a draft (not yet fixed by the Komite Talenta). */
  provisional: boolean;
  /** No Komite Talenta placement yet: the box of the latest SKP and potential assessment. */
  computed: boolean;
}

/** Kelompok rencana suksesi: boxes 7, 8, 9 of the default layout, i.e. axes summing to 3 or more. */
export const inTalentPool = (t: Pick<TalentFact, 'kinerja' | 'potensi'>) => t.kinerja + t.potensi >= 3;

export interface TrainingFact {
  /** Leadership training codes the person completed. */
  leadership: string[];
  /** The person has any training record at all; without any, "belum ada data". */
  anyRecord: boolean;
}

export interface CandidateFacts {
  employeeId: number;
  employmentType: string;
  golongan: number | null;
  golonganTmt: IsoDate | null;
  /** Current position. */
  positionId: number | null;
  level: string | null;
  positionTmt: IsoDate | null;
  education: string | null;
  birthDate: IsoDate;
  retirementDate: IsoDate | null;
  /** Latest annual SKP first (at most two, within the last three years); empty = no data. */
  predikat: AnnualPredikat[];
  talent: TalentFact | null;
  /** JPM against the target post's standard (no_standard when it has none). */
  jpm: Jpm;
  training: TrainingFact;
  /** The rumpun of the current post and of earlier posts. */
  rumpun: RumpunFact;
}

/** The facts read from this capability's own tables (no other capability's data), for the cheap pre-check. */
export type BasicFacts = Pick<CandidateFacts, 'employeeId' | 'employmentType' | 'golongan' | 'golonganTmt' | 'positionId' | 'level' | 'positionTmt' | 'education' | 'birthDate' | 'retirementDate'>;
