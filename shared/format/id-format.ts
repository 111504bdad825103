// Bahasa Indonesia formatting for dates and numbers ("17 Agustus 2025", "1.234,5"), identical in main,
// renderer and printed reports. Written out rather than taken from Intl so output never depends on the ICU
// data a runtime ships with.

import { parseIsoDate } from '../domain/dates';

export const MONTHS_ID = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
];

export function formatDateId(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parseIsoDate(iso.slice(0, 10));
  if (!p) return iso;
  return `${p.day} ${MONTHS_ID[p.month - 1]} ${p.year}`;
}

/** "Maret 2010" for a "YYYY-MM" value. */
export function formatYearMonthId(yearMonth: string | null | undefined): string {
  if (!yearMonth) return '';
  const m = /^(\d{4})-(\d{2})/.exec(yearMonth);
  if (!m) return yearMonth;
  return `${MONTHS_ID[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "17 Agustus 2025 14.05" for an ISO timestamp, in the local time of the reader. */
export function formatDateTimeId(isoTimestamp: string | null | undefined): string {
  if (!isoTimestamp) return '';
  const d = new Date(isoTimestamp);
  if (Number.isNaN(d.getTime())) return isoTimestamp;
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${d.getDate()} ${MONTHS_ID[d.getMonth()]} ${d.getFullYear()} ${hh}.${mm}`;
}

/** "Dicetak oleh Sri Wahyuni pada 6 Desember 2026 pukul 10.15": the footer of every PDF report and XLSX export,
 *  in the local time of the machine that prints. */
export function formatPrintedBy(name: string, isoTimestamp: string): string {
  const d = new Date(isoTimestamp);
  if (Number.isNaN(d.getTime())) return `Dicetak oleh ${name}`;
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `Dicetak oleh ${name} pada ${d.getDate()} ${MONTHS_ID[d.getMonth()]} ${d.getFullYear()} pukul ${hh}.${mm}`;
}

/** 1234.5 → "1.234,5"; `decimals` fixes the number of decimals, otherwise up to 2 are shown. */
export function formatNumberId(value: number | null | undefined, decimals?: number): string {
  if (value == null || !Number.isFinite(value)) return '';
  const negative = value < 0;
  const abs = Math.abs(value);
  let text = decimals === undefined ? String(Math.round(abs * 100) / 100) : abs.toFixed(decimals);
  if (text.includes('e')) text = abs.toFixed(decimals ?? 2);
  const [intPart, fraction] = text.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

export function formatPercentId(value: number | null | undefined, decimals = 1): string {
  if (value == null || !Number.isFinite(value)) return '';
  return `${formatNumberId(value, decimals)}%`;
}

/** "Rp1.250.000" */
export function formatRupiah(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '';
  return `Rp${formatNumberId(Math.round(value), 0)}`;
}

/** "3 tahun 2 bulan" from a month count. */
export function formatDurationMonthsId(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${rest} bulan`;
  return rest === 0 ? `${years} tahun` : `${years} tahun ${rest} bulan`;
}

/**
 * Reads a number as Indonesian spreadsheets write it: "1.234,5", "1.250.000", "Rp1.250.000", "12,5", and the
 * plain forms "1234.5" / "1234". A lone dot followed by exactly three digits is a thousands separator
 * ("1.500" = 1500), as Indonesian Excel writes it. Returns null for anything else.
 */
export function parseNumberId(input: string | number | null | undefined): number | null {
  if (input == null) return null;
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  let text = input.trim().replace(/^Rp\.?\s*/i, '').replace(/\s+/g, '');
  if (text === '') return null;
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  let normalised: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) normalised = text.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d+$/.test(text)) normalised = text.replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) && text.includes('.')) normalised = text.replace(/,/g, '');
  else if (/^\d+(\.\d+)?$/.test(text)) normalised = text;
  else return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? (negative ? -value : value) : null;
}
