import { describe, expect, it } from 'vitest';
import { crossCheckNip, formatNip, normaliseNipInput, parseNip } from '../../shared/domain/nip';

describe('NIP (Perka BKN 22/2007)', () => {
  it('decodes the Perka BKN example: Amir, lahir 1 Agustus 1966, CPNS Maret 1988, pria', () => {
    const result = parseNip('19660801 198803 1 001');
    expect(result).toEqual({
      ok: true,
      value: { nip: '196608011988031001', birthDate: '1966-08-01', cpnsYearMonth: '1988-03', gender: 'L', serial: 1 },
      warnings: [],
    });
  });

  it('accepts the printed forms with spaces, dots and an Excel apostrophe', () => {
    expect(normaliseNipInput('19660801.198803.1.001')).toBe('196608011988031001');
    expect(normaliseNipInput("'196608011988031001")).toBe('196608011988031001');
    expect(parseNip("'19660801 198803 1 001").ok).toBe(true);
  });

  it('reads digit 15 as gender: 2 = wanita', () => {
    const result = parseNip('198503122010012004');
    expect(result.ok && result.value.gender).toBe('P');
  });

  it('groups a NIP the way SKs print it', () => {
    expect(formatNip('198503122010011004')).toBe('19850312 201001 1 004');
    expect(formatNip('123')).toBe('123');
  });

  const rejects: Array<[string, string, string]> = [
    ['wrong length', '19660801198803100', 'length'],
    ['letters', '1966080119880310AB', 'not_digits'],
    ['impossible birth date', '196613321988031001', 'birth_date'],
    ['31 February', '196602311988031001', 'birth_date'],
    ['CPNS month 13', '196608011988131001', 'cpns_month'],
    ['gender digit 3', '196608011988033001', 'gender'],
    ['serial 000', '196608011988031000', 'serial'],
    ['CPNS before birth', '196608011960031001', 'cpns_before_birth'],
    ['empty', '   ', 'empty'],
    ['Excel scientific notation', '1.96608E+17', 'scientific'],
  ];
  it.each(rejects)('rejects %s', (_label, input, code) => {
    const result = parseNip(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.code)).toContain(code);
      expect(result.errors[0].message.length).toBeGreaterThan(10);
    }
  });

  it('hints at a lost leading digit for 17 digits', () => {
    const result = parseNip('96608011988031001');
    expect(!result.ok && result.errors[0].message).toMatch(/nol di depan/);
  });

  it('rejects a birth date in the future when today is known', () => {
    const result = parseNip('203001012050011001', '2026-11-24');
    expect(!result.ok && result.errors.map((e) => e.code)).toContain('birth_future');
  });

  it('warns, without rejecting, when the NIP says CPNS before age 18', () => {
    const result = parseNip('200001012015011001', '2026-11-24');
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.map((w) => w.code)).toContain('young_at_cpns');
  });

  it('cross-checks the stored fields and lists every mismatch', () => {
    const decoded = parseNip('196608011988031001');
    if (!decoded.ok) throw new Error('vector should parse');
    expect(crossCheckNip(decoded.value, { birthDate: '1966-08-01', cpnsTmt: '1988-03-01', gender: 'L' })).toEqual([]);
    const mismatches = crossCheckNip(decoded.value, { birthDate: '1966-08-02', cpnsTmt: '1989-03-01', gender: 'P' });
    expect(mismatches.map((m) => m.field)).toEqual(['birthDate', 'cpnsTmt', 'gender']);
  });
});
