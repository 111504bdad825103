import { describe, expect, it } from 'vitest';
import { inferPositionLevel, levelForEselon, normaliseEselon } from '../../shared/domain/position';
import { bupFor, retirementDate } from '../../shared/domain/retirement';

describe('TMT pensiun (PP 11/2017 Pasal 239; shared/domain/README.md)', () => {
  it('gives the first day of the month after the BUP month: born 15-03-1967, BUP 58 → 01-04-2025', () => {
    expect(retirementDate('1967-03-15', 58)).toBe('2025-04-01');
  });

  it('still gives the following month for a birth on the 1st', () => {
    expect(retirementDate('1967-03-01', 58)).toBe('2025-04-01');
  });

  it('rolls December over into January of the next year', () => {
    expect(retirementDate('1970-12-31', 60)).toBe('2031-01-01');
  });

  it('handles 29 February', () => {
    expect(retirementDate('1968-02-29', 58)).toBe('2026-03-01');
  });

  it.each([
    ['jpt_pratama', 60], ['jpt_madya', 60], ['administrator', 58], ['pengawas', 58], ['pelaksana', 58],
    ['ahli_utama', 65], ['ahli_madya', 60], ['ahli_muda', 58], ['ahli_pertama', 58], ['penyelia', 58], ['terampil', 58],
  ])('BUP for %s is %i', (level, bup) => {
    expect(bupFor(level)).toBe(bup);
  });

  it('lets a jabatan with its own statutory BUP override the level (guru: 60)', () => {
    expect(bupFor('ahli_muda', 60)).toBe(60);
    expect(bupFor(null)).toBe(58);
  });
});

describe('jabatan levels from eselon and name (UU 20/2023, PP 11/2017)', () => {
  it.each([['II.a', 'II.a'], ['IIa', 'II.a'], ['III/b', 'III.b'], ['4a', 'IV.a'], ['Eselon IV.b', 'IV.b'], ['VI.a', null]])('normalises %s', (input, out) => {
    expect(normaliseEselon(input)).toBe(out);
  });

  it('maps eselon to jabatan (UU 5/2014 Pasal 131)', () => {
    expect(levelForEselon('II.b')).toBe('jpt_pratama');
    expect(levelForEselon('III.a')).toBe('administrator');
    expect(levelForEselon('IV.a')).toBe('pengawas');
    expect(levelForEselon('V.a')).toBe('pelaksana');
  });

  it.each([
    ['Kepala Dinas Kesehatan', 'jpt_pratama'], ['Sekretaris Daerah', 'jpt_pratama'], ['Analis Kebijakan Ahli Madya', 'ahli_madya'],
    ['Perawat Terampil', 'terampil'], ['Kepala Bidang Anggaran', 'administrator'], ['Camat Sukaresmi', 'administrator'],
    ['Kepala Subbagian Umum dan Kepegawaian', 'pengawas'], ['Sekretaris Kelurahan Cibodas', 'pengawas'], ['Lurah Cibodas', 'pengawas'],
    ['Pengadministrasi Perkantoran', null],
  ])('infers %s', (name, level) => {
    expect(inferPositionLevel(name)).toBe(level);
  });
});
