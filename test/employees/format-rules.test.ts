import { describe, expect, it } from 'vitest';
import { checkEmployeeRules, type EmployeeRuleInput } from '../../shared/domain/employee-rules';
import { formatDateId, formatNumberId, formatPercentId, formatRupiah, formatYearMonthId } from '../../shared/format/id-format';

describe('Indonesian formatting', () => {
  it('writes dates as "17 Agustus 2025"', () => {
    expect(formatDateId('2025-08-17')).toBe('17 Agustus 2025');
    expect(formatDateId('2026-01-01')).toBe('1 Januari 2026');
    expect(formatYearMonthId('2010-03')).toBe('Maret 2010');
  });

  it('writes numbers as "1.234,5"', () => {
    expect(formatNumberId(1234.5)).toBe('1.234,5');
    expect(formatNumberId(50000)).toBe('50.000');
    expect(formatNumberId(-1234567.891, 2)).toBe('-1.234.567,89');
    expect(formatPercentId(87.25)).toBe('87,3%');
    expect(formatRupiah(1250000)).toBe('Rp1.250.000');
  });
});

describe('employee rules', () => {
  const base: EmployeeRuleInput = {
    nip: '198503122010012004', birthDate: '1985-03-12', gender: 'P', employmentType: 'PNS', cpnsTmt: '2010-01-01',
    golongan: 33, golonganTmt: '2018-04-01', educationLevel: 'S1', status: 'active',
  };

  it('accepts a consistent record', () => {
    expect(checkEmployeeRules(base, '2026-11-24')).toEqual({ errors: [], warnings: [] });
  });

  it('rejects a birth date in the future', () => {
    const { errors } = checkEmployeeRules({ ...base, birthDate: '2030-01-01' }, '2026-11-24');
    expect(errors.map((e) => e.path)).toContain('birthDate');
  });

  it('warns when the golongan is above the education ceiling, without blocking', () => {
    const { errors, warnings } = checkEmployeeRules({ ...base, golongan: 33, educationLevel: 'SLTA' }, '2026-11-24');
    expect(errors).toEqual([]);
    expect(warnings.find((w) => w.path === 'golongan')?.message).toMatch(/III\/b/);
  });

  it('warns when stored fields disagree with the NIP', () => {
    const { errors, warnings } = checkEmployeeRules({ ...base, birthDate: '1985-03-13', gender: 'L' }, '2026-11-24');
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['birthDate', 'gender']));
  });

  it('rejects a PNS golongan for PPPK and a PPPK grade for PNS', () => {
    expect(checkEmployeeRules({ ...base, employmentType: 'PPPK', golongan: 33 }, '2026-11-24').errors.map((e) => e.path)).toContain('golongan');
    expect(checkEmployeeRules({ ...base, golongan: 109 }, '2026-11-24').errors.map((e) => e.path)).toContain('golongan');
  });

  it('rejects dates out of order', () => {
    const { errors } = checkEmployeeRules({ ...base, pnsTmt: '2009-01-01', golonganTmt: '2009-06-01' }, '2026-11-24');
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['pnsTmt', 'golonganTmt']));
  });
});
