// Dates written out in words, as Indonesian official documents (berita acara) open: "Pada hari ini Selasa tanggal
// dua puluh empat bulan November tahun dua ribu dua puluh enam". Pure arithmetic, no Date object, so the result
// never depends on the computer's time zone or clock.

import { parseIsoDate } from '../domain/dates';
import { MONTHS_ID } from './id-format';

export const DAY_NAMES_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

const UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

/** A whole number from 0 up to 999.999.999.999 in words: 11 "sebelas", 100 "seratus", 1000 "seribu", 2026 "dua ribu dua puluh enam". */
export function numberInWordsId(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 1e12) throw new RangeError(`Bilangan ${value} tidak dapat ditulis dengan huruf.`);
  if (value < 12) return UNITS[value];
  if (value < 20) return `${UNITS[value - 10]} belas`;
  if (value < 100) return join(`${UNITS[Math.floor(value / 10)]} puluh`, value % 10);
  if (value < 200) return join('seratus', value - 100);
  if (value < 1000) return join(`${UNITS[Math.floor(value / 100)]} ratus`, value % 100);
  if (value < 2000) return join('seribu', value - 1000);
  if (value < 1e6) return join(`${numberInWordsId(Math.floor(value / 1000))} ribu`, value % 1000);
  if (value < 1e9) return join(`${numberInWordsId(Math.floor(value / 1e6))} juta`, value % 1e6);
  return join(`${numberInWordsId(Math.floor(value / 1e9))} miliar`, value % 1e9);
}

const join = (head: string, rest: number) => (rest === 0 ? head : `${head} ${numberInWordsId(rest)}`);

/** Day of the week of an ISO date, 0 = Minggu … 6 = Sabtu (proleptic Gregorian calendar). */
export function dayOfWeek(iso: string): number {
  const parts = parseIsoDate(iso.slice(0, 10));
  if (!parts) throw new RangeError(`Tanggal "${iso}" tidak valid.`);
  // Sakamoto's method.
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const year = parts.month < 3 ? parts.year - 1 : parts.year;
  return (year + Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400) + offsets[parts.month - 1] + parts.day) % 7;
}

/** "Selasa" for 2026-11-24. */
export function dayNameId(iso: string): string {
  return DAY_NAMES_ID[dayOfWeek(iso)];
}

/** "dua puluh empat bulan November tahun dua ribu dua puluh enam" for 2026-11-24. */
export function dateInWordsId(iso: string): string {
  const parts = parseIsoDate(iso.slice(0, 10));
  if (!parts) throw new RangeError(`Tanggal "${iso}" tidak valid.`);
  return `${numberInWordsId(parts.day)} bulan ${MONTHS_ID[parts.month - 1]} tahun ${numberInWordsId(parts.year)}`;
}

/** "Pada hari ini Selasa tanggal dua puluh empat bulan November tahun dua ribu dua puluh enam" */
export function todayInWordsId(iso: string): string {
  return `Pada hari ini ${dayNameId(iso)} tanggal ${dateInWordsId(iso)}`;
}
