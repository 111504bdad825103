// Readiness of a successor and the risk that a key position falls vacant without one. The readiness categories
// are practice, not regulation, so their labels are settings; the risk rule and its defaults are in
// shared/domain/README.md, "Suksesi".

import { addMonths, fullMonthsBetween, type IsoDate } from '../dates';
import { formatDateId } from '../../format/id-format';
import { capitalise, monthsText } from './text';

export const READINESS = [
  { code: 'siap_sekarang', defaultLabel: 'Siap sekarang' },
  { code: 'siap_1_2_tahun', defaultLabel: 'Siap 1–2 tahun' },
  { code: 'siap_lebih_2_tahun', defaultLabel: 'Siap > 2 tahun' },
] as const;
export type Readiness = (typeof READINESS)[number]['code'];
export const READINESS_CODES = READINESS.map((r) => r.code) as [Readiness, ...Readiness[]];
export type ReadinessLabels = Record<Readiness, string>;
export const DEFAULT_READINESS_LABELS: ReadinessLabels = Object.fromEntries(READINESS.map((r) => [r.code, r.defaultLabel])) as ReadinessLabels;

export type BenchCounts = Record<Readiness, number>;
export const emptyBench = (): BenchCounts => ({ siap_sekarang: 0, siap_1_2_tahun: 0, siap_lebih_2_tahun: 0 });

export const RISK_LEVELS = [
  { code: 'tinggi', label: 'Tinggi' },
  { code: 'sedang', label: 'Sedang' },
  { code: 'rendah', label: 'Rendah' },
] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number]['code'];
export const RISK_LEVEL_CODES = RISK_LEVELS.map((r) => r.code) as [RiskLevel, ...RiskLevel[]];
export const riskLabel = (level: RiskLevel) => RISK_LEVELS.find((r) => r.code === level)!.label;

export interface RiskSettings {
  /** A vacancy now or within this many months without a "siap sekarang" successor is tinggi. */
  highMonths: number;
  /** A vacancy within this many months without a successor ready now or in 1–2 years is sedang. */
  mediumMonths: number;
  /** A key position without any successor is at least sedang, however far its vacancy is. */
  emptyBenchIsMedium: boolean;
}
export const DEFAULT_RISK_SETTINGS: RiskSettings = { highMonths: 12, mediumMonths: 36, emptyBenchIsMedium: true };

export interface RiskInput {
  today: IsoDate;
  /** No active incumbent. */
  vacantNow: boolean;
  /** The incumbent's TMT pensiun (null when vacant or unknown). */
  retirementDate: IsoDate | null;
  /** Successors that can still take the post (active, retiring after the vacancy), by readiness. */
  bench: BenchCounts;
}

/** The rule in words, for the page and the README. */
export function describeRiskRule(settings: RiskSettings, labels: ReadinessLabels = DEFAULT_READINESS_LABELS): string[] {
  return [
    `Tinggi: jabatan kosong sekarang atau pejabatnya pensiun dalam ${settings.highMonths} bulan, dan belum ada kandidat "${labels.siap_sekarang}".`,
    `Sedang: bukan tinggi, dan pejabatnya pensiun dalam ${settings.mediumMonths} bulan tanpa kandidat "${labels.siap_sekarang}" atau "${labels.siap_1_2_tahun}"` +
      (settings.emptyBenchIsMedium ? ', atau jabatan belum punya kandidat pengganti sama sekali.' : '.'),
    'Rendah: selain itu.',
  ];
}

/** Risk of a key position falling vacant without a successor. */
export function assessRisk(input: RiskInput, settings: RiskSettings = DEFAULT_RISK_SETTINGS, labels: ReadinessLabels = DEFAULT_READINESS_LABELS): { level: RiskLevel; reason: string } {
  const { bench, today } = input;
  const total = bench.siap_sekarang + bench.siap_1_2_tahun + bench.siap_lebih_2_tahun;
  const when = input.vacantNow ? null : input.retirementDate;
  const within = (months: number) => input.vacantNow || (when !== null && when <= addMonths(today, months));
  const retirementText = !when ? ''
    : when <= today ? `TMT pensiun pejabatnya (${formatDateId(when)}) sudah lewat`
    : `pejabatnya pensiun ${formatDateId(when)} (${monthsText(fullMonthsBetween(today, when))} lagi)`;

  if (within(settings.highMonths) && bench.siap_sekarang === 0) {
    return { level: 'tinggi', reason: `${input.vacantNow ? 'Jabatan kosong sekarang' : capitalise(retirementText)} dan belum ada kandidat "${labels.siap_sekarang}".` };
  }
  if (within(settings.mediumMonths) && bench.siap_sekarang + bench.siap_1_2_tahun === 0) {
    return { level: 'sedang', reason: `${capitalise(retirementText)} dan belum ada kandidat "${labels.siap_sekarang}" atau "${labels.siap_1_2_tahun}".` };
  }
  if (settings.emptyBenchIsMedium && total === 0) {
    return { level: 'sedang', reason: 'Belum ada kandidat pengganti dalam rencana suksesi.' };
  }
  const readyText = bench.siap_sekarang > 0 ? `${bench.siap_sekarang} kandidat "${labels.siap_sekarang}"` : `${total} kandidat pengganti`;
  return {
    level: 'rendah',
    reason: input.vacantNow || within(settings.highMonths)
      ? `${input.vacantNow ? 'Jabatan kosong' : capitalise(retirementText)}, tetapi sudah ada ${readyText}.`
      : `Sudah ada ${readyText}${when ? `; ${retirementText}` : ''}.`,
  };
}
