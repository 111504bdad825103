// The shape every career rule answers in: one check per requirement, met or not, with a sentence an HR officer
// reads and, where only the passing of time is missing, the date it will be met. Rules, regulations and their
// tests: shared/domain/README.md, "Administrasi karier".

import { formatDateId } from '../../format/id-format';
import { addMonths, type IsoDate } from '../dates';
import { skpLabel, skpMeetsBaik, type AnnualSkp } from '../development';

export interface RequirementCheck {
  /** Stable key of the requirement ("masa_pangkat", "skp", …), for code; never shown. */
  key: string;
  /** Indonesian name of the requirement, as a list column shows it. */
  label: string;
  /** true met, false not met, null not known (data missing: a person checks it). */
  met: boolean | null;
  /** Indonesian sentence saying what was found. */
  detail: string;
  /** Where the requirement is unmet only because time has not passed yet: the day it is met. */
  metOn: IsoDate | null;
}

/**
 * The day every unmet requirement is met when time alone is missing: the latest of their `metOn`. Null when
 * nothing is missing, or when something is missing that time does not bring (data, a training, an SKP).
 */
export function metOnlyByTime(checks: readonly RequirementCheck[]): IsoDate | null {
  const unmet = checks.filter((c) => c.met !== true);
  if (unmet.length === 0) return null;
  let latest: IsoDate | null = null;
  for (const check of unmet) {
    if (check.met === null || check.metOn === null) return null;
    if (latest === null || check.metOn > latest) latest = check.metOn;
  }
  return latest;
}

/** The sentences of the unmet requirements, in the order of the checks. */
export function unmetReasons(checks: readonly RequirementCheck[]): string[] {
  return checks.filter((c) => c.met !== true).map((c) => c.detail);
}

/** "1 tahun", "2 tahun 6 bulan", "8 bulan". */
export function durationText(months: number): string {
  const m = Math.max(0, months);
  if (m < 12) return `${m} bulan`;
  return m % 12 === 0 ? `${m / 12} tahun` : `${Math.floor(m / 12)} tahun ${m % 12} bulan`;
}

/**
 * At least `months` months since `since`, judged on `date`: met from the day `since + months` (calendar months,
 * the day clamped to the month's end), so exactly one year in rank is one year.
 */
export function timeCheck(key: string, label: string, what: string, since: IsoDate | null, months: number, date: IsoDate): RequirementCheck {
  if (!since) return { key, label, met: null, detail: `Tanggal mulai ${what} belum diisi`, metOn: null };
  const metOn = addMonths(since, months);
  if (metOn <= date) return { key, label, met: true, detail: `${capitalised(what)} sejak ${formatDateId(since)} (minimal ${durationText(months)})`, metOn: null };
  return {
    key, label, met: false,
    detail: `${capitalised(what)} belum ${durationText(months)} (sejak ${formatDateId(since)}); terpenuhi pada ${formatDateId(metOn)}`,
    metOn,
  };
}

/** Predikat at least Baik in each of `years` (their annual SKP). A year without SKP, below Baik or with a legacy
 *  score without a label (development.ts skpMeetsBaik) is unmet, and time does not mend it. */
export function skpCheck(skp: readonly AnnualSkp[], years: readonly number[]): RequirementCheck {
  const problems: string[] = [];
  let unknown = false;
  for (const year of years) {
    let found: AnnualSkp | undefined;
    for (const s of skp) if (s.year === year) found = s;
    if (!found) { problems.push(`SKP tahun ${year} belum ada`); continue; }
    const meets = skpMeetsBaik(found);
    if (meets === 'no') problems.push(`predikat SKP ${year}: ${skpLabel(found)} (minimal Baik)`);
    if (meets === 'unknown') { unknown = true; problems.push(`nilai SKP ${year} (${skpLabel(found)}) tanpa predikat; periksa manual`); }
  }
  const yearsText = years.join(' dan ');
  if (problems.length === 0) return { key: 'skp', label: 'SKP', met: true, detail: `Predikat SKP ${yearsText} minimal Baik`, metOn: null };
  const detail = capitalised(problems.join('; '));
  return { key: 'skp', label: 'SKP', met: unknown && problems.length === 1 ? null : false, detail, metOn: null };
}

export function capitalised(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}
