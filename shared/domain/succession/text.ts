// Small helpers the succession rules share: month arithmetic for the hot ranking path, durations and percentages
// in Indonesian words, rounding.

import type { IsoDate } from '../dates';

/** fullMonthsBetween for two valid ISO dates, without its regex parse: the ranking runs it thousands of times
 *  per call (test/succession/succession.test.ts holds it to fullMonthsBetween). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  return Number(to.slice(8, 10)) < Number(from.slice(8, 10)) ? months - 1 : months;
}

/** "7 bulan", "2 tahun", "3 tahun 4 bulan". */
export function monthsText(months: number): string {
  return months < 12 ? `${months} bulan` : months % 12 === 0 ? `${months / 12} tahun` : `${Math.floor(months / 12)} tahun ${months % 12} bulan`;
}

export const yearsText = (months: number) => monthsText(Math.max(0, months));

export const capitalise = (text: string) => (text ? text[0].toUpperCase() + text.slice(1) : text);

export const clamp01 = (v: number) => Math.max(0, Math.min(1, v));
export const round1 = (v: number) => Math.round(v * 10) / 10;
export const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** "88,9%": one decimal, decimal comma. */
export function formatPercent(v: number): string {
  return `${(Math.round(v * 10) / 10).toString().replace('.', ',')}%`;
}
