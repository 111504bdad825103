// NIP, 18 digits (Perka BKN 22/2007):
//   1-8 birth date YYYYMMDD · 9-14 first CPNS appointment YYYYMM · 15 gender (1 pria, 2 wanita) · 16-18 serial.
// Note: the "+40 on the birth day for women" rule belongs to the NIK (KTP), not the NIP.

import { fullYearsBetween, isValidDateParts, toIsoDate, type IsoDate } from './dates';
import { formatDateId, formatYearMonthId } from '../format/id-format';

export type Gender = 'L' | 'P';

export interface DecodedNip {
  nip: string;
  birthDate: IsoDate;
  /** "YYYY-MM" of the first CPNS appointment. */
  cpnsYearMonth: string;
  gender: Gender;
  serial: number;
}

export interface NipProblem {
  code: string;
  message: string;
}

export type NipParseResult =
  | { ok: true; value: DecodedNip; warnings: NipProblem[] }
  | { ok: false; errors: NipProblem[] };

/** Strips the separators people type or print (spaces, dots, dashes) and the apostrophe Excel users prefix. */
export function normaliseNipInput(input: string): string {
  return input.trim().replace(/^'+/, '').replace(/[\s.\-]/g, '');
}

/** "19850312 201001 1 004" */
export function formatNip(nip: string): string {
  if (!/^\d{18}$/.test(nip)) return nip;
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}

/** Validates and decodes a NIP. `today` makes "born in the future" checkable. */
export function parseNip(input: string, today?: IsoDate): NipParseResult {
  const raw = input.trim();
  if (/^\d+(?:[.,]\d+)?E\+?\d+$/i.test(raw)) {
    return fail('scientific', `NIP "${raw}" tertulis dalam notasi ilmiah (angka Excel) sehingga digitnya hilang; simpan kolom NIP sebagai teks.`);
  }
  const nip = normaliseNipInput(raw);
  if (nip === '') return fail('empty', 'NIP wajib diisi.');
  if (!/^\d+$/.test(nip)) return fail('not_digits', `NIP hanya boleh berisi angka: "${raw}".`);
  if (nip.length !== 18) {
    const hint = nip.length === 17 ? ' (angka nol di depan mungkin hilang karena disimpan sebagai angka)' : '';
    return fail('length', `NIP harus 18 digit, "${raw}" berisi ${nip.length} digit${hint}.`);
  }

  const errors: NipProblem[] = [];
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const cy = Number(nip.slice(8, 12));
  const cm = Number(nip.slice(12, 14));
  const genderDigit = nip[14];
  const serial = Number(nip.slice(15));

  const birthValid = isValidDateParts(by, bm, bd) && by >= 1900;
  if (!birthValid) errors.push({ code: 'birth_date', message: `Digit 1–8 NIP (${nip.slice(0, 8)}) bukan tanggal lahir yang valid.` });
  if (cm < 1 || cm > 12 || cy < 1900) {
    errors.push({ code: 'cpns_month', message: `Digit 9–14 NIP (${nip.slice(8, 14)}) bukan tahun-bulan pengangkatan CPNS yang valid.` });
  }
  if (genderDigit !== '1' && genderDigit !== '2') {
    errors.push({ code: 'gender', message: `Digit ke-15 NIP harus 1 (pria) atau 2 (wanita), bukan ${genderDigit}.` });
  }
  if (serial === 0) {
    errors.push({
      code: 'serial',
      message: 'Nomor urut NIP (digit 16–18) tidak boleh 000 (tiga digit terakhir nol biasanya berarti NIP pernah disimpan sebagai angka di Excel sehingga digit terakhirnya hilang).',
    });
  }

  const birthDate = birthValid ? toIsoDate(by, bm, bd) : '';
  const cpnsYearMonth = `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;
  if (birthValid && cm >= 1 && cm <= 12 && cy * 100 + cm <= by * 100 + bm) {
    errors.push({ code: 'cpns_before_birth', message: 'Tahun-bulan CPNS dalam NIP tidak boleh sebelum atau sama dengan bulan lahir.' });
  }
  if (birthValid && today && birthDate > today) {
    errors.push({ code: 'birth_future', message: `Tanggal lahir dalam NIP (${formatDateId(birthDate)}) berada di masa depan.` });
  }
  if (errors.length > 0) return { ok: false, errors };

  const warnings: NipProblem[] = [];
  const ageAtCpns = fullYearsBetween(birthDate, `${cpnsYearMonth}-01`);
  if (ageAtCpns < 18) {
    warnings.push({ code: 'young_at_cpns', message: `Menurut NIP, usia saat pengangkatan CPNS baru ${ageAtCpns} tahun (di bawah 18).` });
  }
  if (today && `${cpnsYearMonth}-01` > today) {
    warnings.push({ code: 'cpns_future', message: `Tahun-bulan CPNS dalam NIP (${formatYearMonthId(cpnsYearMonth)}) berada di masa depan.` });
  }
  return { ok: true, value: { nip, birthDate, cpnsYearMonth, gender: genderDigit === '1' ? 'L' : 'P', serial }, warnings };
}

/**
 * A NIP cell from a spreadsheet. A NIP stored as a number has already lost digits: Excel keeps 15 significant
 * digits, so the last three of an 18-digit NIP became 0 (and a 17-digit rendering means a lost leading zero).
 * That is an error with a clear hint, never a silently "repaired" value.
 */
export function parseNipCell(value: string | number, today?: IsoDate): NipParseResult {
  if (typeof value === 'number') {
    const shown = Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toLocaleString('en-US', { useGrouping: false }) : String(value);
    return fail('stored_as_number', `NIP ${shown} tersimpan sebagai angka di Excel, sehingga digitnya tidak dapat dipercaya (Excel hanya menyimpan 15 digit). Format kolom NIP sebagai Teks dan isi ulang dari sumbernya.`);
  }
  return parseNip(value, today);
}

export interface NipMismatch {
  field: 'birthDate' | 'cpnsTmt' | 'gender';
  fromNip: string;
  stored: string;
  message: string;
}

/**
 * Compares what the NIP says with the stored fields. Historic data has errors, so a mismatch is shown as a
 * warning and never blocks a save.
 */
export function crossCheckNip(
  decoded: DecodedNip,
  stored: { birthDate?: string | null; cpnsTmt?: string | null; gender?: string | null },
): NipMismatch[] {
  const mismatches: NipMismatch[] = [];
  if (stored.birthDate && stored.birthDate !== decoded.birthDate) {
    mismatches.push({
      field: 'birthDate', fromNip: decoded.birthDate, stored: stored.birthDate,
      message: `Tanggal lahir tercatat ${formatDateId(stored.birthDate)}, sedangkan NIP menyatakan ${formatDateId(decoded.birthDate)}.`,
    });
  }
  if (stored.cpnsTmt && stored.cpnsTmt.slice(0, 7) !== decoded.cpnsYearMonth) {
    mismatches.push({
      field: 'cpnsTmt', fromNip: decoded.cpnsYearMonth, stored: stored.cpnsTmt,
      message: `TMT CPNS tercatat ${formatDateId(stored.cpnsTmt)}, sedangkan NIP menyatakan ${formatYearMonthId(decoded.cpnsYearMonth)}.`,
    });
  }
  if (stored.gender && stored.gender !== decoded.gender) {
    mismatches.push({
      field: 'gender', fromNip: decoded.gender, stored: stored.gender,
      message: `Jenis kelamin tercatat ${stored.gender === 'L' ? 'laki-laki' : 'perempuan'}, sedangkan NIP menyatakan ${decoded.gender === 'L' ? 'laki-laki' : 'perempuan'}.`,
    });
  }
  return mismatches;
}

function fail(code: string, message: string): NipParseResult {
  return { ok: false, errors: [{ code, message }] };
}
