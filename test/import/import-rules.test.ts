// Shared rules the import reads files with: dates and numbers as Indonesian spreadsheets write them, NIP cells,
// golongan spellings, jabatan inference (PP 99/2000 jo PP 12/2002, UU 20/2023, Perka BKN 22/2007, the SIASN download).

import { describe, expect, it } from 'vitest';
import { excelSerialToIsoDate, parseDateText } from '../../shared/domain/dates';
import { parseGolongan } from '../../shared/domain/golongan';
import { parseNipCell } from '../../shared/domain/nip';
import { functionalFamily, inferImportedPosition, jfLevelForGolongan, parseJenisJabatan } from '../../shared/domain/position';
import { parseNumberId } from '../../shared/format/id-format';

describe('dates in imported files', () => {
  it.each([
    ['12-03-1985', '1985-03-12', 'day-first'],
    ['12/03/1985', '1985-03-12', 'day-first'],
    ['1-3-1985', '1985-03-01', 'day-first'],
    ['12.03.1985', '1985-03-12', 'day-first'],
    ['1985-03-12', '1985-03-12', 'iso'],
    ['1985-03-12 00:00:00', '1985-03-12', 'iso'],
    ['1985-03-12T00:00:00.000Z', '1985-03-12', 'iso'],
    ['12 Maret 1985', '1985-03-12', 'month-name'],
    ['12 Mar 1985', '1985-03-12', 'month-name'],
    ['12-Mar-1985', '1985-03-12', 'month-name'],
    ['17 Agustus 1945', '1945-08-17', 'month-name'],
    ['5 Desember 2001', '2001-12-05', 'month-name'],
    ['31118', '1985-03-12', 'excel-serial'],
  ])('reads %s as %s (%s)', (input, iso, family) => {
    expect(parseDateText(input)).toEqual({ ok: true, iso, family });
  });

  it.each([
    ['31-02-1985', 'impossible'],
    ['1985-13-01', 'impossible'],
    ['12-03-85', 'two_digit_year'],
    ['12 Maretan 1985', 'format'],
    ['kemarin', 'format'],
    ['', 'format'],
  ])('refuses %s (%s)', (input, reason) => {
    expect(parseDateText(input)).toEqual({ ok: false, reason });
  });

  it('converts Excel serials of the 1900 system', () => {
    expect(excelSerialToIsoDate(31118)).toBe('1985-03-12');
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
    expect(excelSerialToIsoDate(45000.75)).toBe('2023-03-15');
    expect(excelSerialToIsoDate(60)).toBeNull();
  });
});

describe('numbers as Indonesian spreadsheets write them', () => {
  it.each([
    ['1.234,5', 1234.5], ['1.250.000', 1_250_000], ['Rp1.250.000', 1_250_000], ['Rp 1.250.000,00', 1_250_000], ['12,5', 12.5],
    ['1234.5', 1234.5], ['40', 40], ['1.500', 1500], ['-3', -3], ['1,250,000.50', 1_250_000.5],
  ] as Array<[string, number]>)('reads %s', (input, value) => {
    expect(parseNumberId(input)).toBe(value);
  });

  it.each(['', 'dua puluh', '12a', '1.2.3'])('refuses %s', (input) => {
    expect(parseNumberId(input)).toBeNull();
  });
});

describe('NIP cells (Perka BKN 22/2007; NIP is text in the SIASN download)', () => {
  it('refuses a NIP stored as a number, whose last digits Excel has already dropped', () => {
    const result = parseNipCell(198503122010011000);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0].code).toBe('stored_as_number');
    expect(!result.ok && result.errors[0].message).toMatch(/tersimpan sebagai angka/);
  });

  it('catches scientific notation and a lost leading zero in text cells', () => {
    expect(parseNipCell('1.98503E+17')).toMatchObject({ ok: false, errors: [{ code: 'scientific' }] });
    const short = parseNipCell('98503122010011004');
    expect(short).toMatchObject({ ok: false, errors: [{ code: 'length' }] });
    expect(!short.ok && short.errors[0].message).toMatch(/nol di depan/);
  });

  it('explains a serial of 000 as a probable number conversion', () => {
    const result = parseNipCell('198503122010011000');
    expect(!result.ok && result.errors[0].message).toMatch(/disimpan sebagai angka/);
  });

  it("accepts spaces and an Excel apostrophe", () => {
    expect(parseNipCell("'19850312 201001 1 004")).toMatchObject({ ok: true, value: { nip: '198503122010011004' } });
  });
});

describe('golongan spellings of SKs (PP 99/2000 Lampiran)', () => {
  it.each([
    ['Penata Muda Tk. I', 32], ['Penata Muda Tk.I', 32], ['PENGATUR TK I', 24], ['Penata Tingkat I', 34], ['Penata Muda Tk. I (III/b)', 32],
  ] as Array<[string, number]>)('reads %s', (input, code) => {
    expect(parseGolongan(input)?.code).toBe(code);
  });
});

describe('jabatan inferred from a snapshot (UU 20/2023, PP 11/2017)', () => {
  it('reads SIASN jenis jabatan', () => {
    expect(parseJenisJabatan('Jabatan Struktural')).toBe('struktural');
    expect(parseJenisJabatan('Jabatan Fungsional Tertentu')).toBe('fungsional');
    expect(parseJenisJabatan('Jabatan Fungsional Umum')).toBe('pelaksana');
    expect(parseJenisJabatan('Pelaksana')).toBe('pelaksana');
    expect(parseJenisJabatan('lainnya')).toBeNull();
  });

  it('infers kind and level from name and eselon first', () => {
    expect(inferImportedPosition('Kepala Dinas Kesehatan', 'Jabatan Struktural', null)).toEqual({ level: 'jpt_pratama', kind: 'jpt', basis: 'name' });
    expect(inferImportedPosition('Perencana Ahli Madya', 'Jabatan Fungsional Tertentu', null)).toEqual({ level: 'ahli_madya', kind: 'fungsional', basis: 'name' });
    expect(inferImportedPosition('Kepala Seksi Pemerintahan', 'Jabatan Struktural', 'IV.a')).toEqual({ level: 'pengawas', kind: 'pengawas', basis: 'eselon' });
    expect(inferImportedPosition('Pengadministrasi Perkantoran', 'Jabatan Fungsional Umum', null)).toEqual({ level: 'pelaksana', kind: 'pelaksana', basis: 'default' });
  });

  it('falls back to the holder golongan for a functional position without jenjang', () => {
    expect(inferImportedPosition('Guru Kelas', 'Jabatan Fungsional Tertentu', null, 33)).toEqual({ level: 'ahli_muda', kind: 'fungsional', basis: 'golongan' });
    expect(jfLevelForGolongan(31)).toBe('ahli_pertama');
    expect(jfLevelForGolongan(41)).toBe('ahli_madya');
    expect(jfLevelForGolongan(44)).toBe('ahli_utama');
    expect(jfLevelForGolongan(109)).toBeNull();
  });

  it('names the JF family', () => {
    expect(functionalFamily('Perawat Ahli Muda')).toBe('Perawat');
    expect(functionalFamily('Pranata Laboratorium Kesehatan Terampil')).toBe('Pranata Laboratorium Kesehatan');
    expect(functionalFamily('Pengadministrasi Perkantoran')).toBeNull();
  });
});
