import { describe, expect, it } from 'vitest';
import { EDUCATION_LEVELS, exceedsEducationCeiling, parseEducationLevel } from '../../shared/domain/education';
import { golonganByCode, golonganLabel, golonganWithPangkat, nextGolongan, parseGolongan, PNS_GOLONGAN } from '../../shared/domain/golongan';

describe('golongan and pangkat (PP 99/2000 Lampiran)', () => {
  it('has the 17 PNS golongan with the pangkat names of PP 99/2000', () => {
    expect(PNS_GOLONGAN.map((g) => `${g.label} ${g.pangkat}`)).toEqual([
      'I/a Juru Muda', 'I/b Juru Muda Tingkat I', 'I/c Juru', 'I/d Juru Tingkat I',
      'II/a Pengatur Muda', 'II/b Pengatur Muda Tingkat I', 'II/c Pengatur', 'II/d Pengatur Tingkat I',
      'III/a Penata Muda', 'III/b Penata Muda Tingkat I', 'III/c Penata', 'III/d Penata Tingkat I',
      'IV/a Pembina', 'IV/b Pembina Tingkat I', 'IV/c Pembina Utama Muda', 'IV/d Pembina Utama Madya', 'IV/e Pembina Utama',
    ]);
  });

  it('uses the SIASN code scheme 11–14, 21–24, 31–34, 41–45', () => {
    expect(PNS_GOLONGAN.map((g) => g.code)).toEqual([11, 12, 13, 14, 21, 22, 23, 24, 31, 32, 33, 34, 41, 42, 43, 44, 45]);
  });

  it.each([
    ['III/c', 33], ['III c', 33], ['IIIc', 33], ['III-c', 33], ['3c', 33], ['3/c', 33], ['Penata (III/c)', 33], ['penata', 33],
    ['33', 33], [33, 33], ['IV/e', 45], ['i/a', 11], ['Pembina Utama Muda', 43], ['IX', 109], ['PPPK IX', 109], ['XVII', 117],
  ] as Array<[string | number, number]>)('reads %s', (input, code) => {
    expect(parseGolongan(input)?.code).toBe(code);
  });

  it.each(['III/f', 'V/a', '35', 'Penata Madya', '', 'XVIII'])('does not guess an unknown golongan: %s', (input) => {
    expect(parseGolongan(input)).toBeNull();
  });

  it('steps to the next golongan and stops at IV/e', () => {
    expect(nextGolongan(34)).toBe(41);
    expect(nextGolongan(45)).toBeNull();
    expect(golonganLabel(nextGolongan(24))).toBe('III/a');
  });

  it('prints pangkat with golongan', () => {
    expect(golonganWithPangkat(33)).toBe('Penata (III/c)');
    expect(golonganByCode(99)).toBeNull();
  });
});

describe('education: entry golongan and regular-promotion ceiling (Kep. Ka BKN 12/2002)', () => {
  it('matches the PP 99/2000 table', () => {
    const table = Object.fromEntries(EDUCATION_LEVELS.map((e) => [e.code, `${golonganLabel(e.entry)}-${golonganLabel(e.ceiling)}`]));
    expect(table).toMatchObject({
      SD: 'I/a-II/a', SLTP: 'I/c-II/c', SLTP_KEJURUAN: 'I/c-II/d', SLTA: 'II/a-III/b', D1: 'II/a-III/b', D2: 'II/b-III/b',
      D3: 'II/c-III/c', D4: 'III/a-III/d', S1: 'III/a-III/d', PROFESI: 'III/b-IV/a', S2: 'III/b-IV/a', S3: 'III/c-IV/b',
    });
  });

  it('flags a golongan above the ceiling', () => {
    expect(exceedsEducationCeiling(34, 'S1')).toBe(false);
    expect(exceedsEducationCeiling(41, 'S1')).toBe(true);
    expect(exceedsEducationCeiling(33, 'SLTA')).toBe(true);
    expect(exceedsEducationCeiling(109, 'SLTA')).toBe(false);
  });

  it.each([['S1', 'S1'], ['D-III', 'D3'], ['Diploma IV', 'D4'], ['SMA', 'SLTA'], ['S-2', 'S2'], ['Dokter', 'PROFESI'], ['SMP', 'SLTP']])('reads %s', (input, code) => {
    expect(parseEducationLevel(input)).toBe(code);
  });
});
