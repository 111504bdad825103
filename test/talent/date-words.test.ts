import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInWordsId, dayNameId, dayOfWeek, numberInWordsId, todayInWordsId } from '../../shared/format/date-words';
import { TEST_TODAY } from '../today';

describe('numbers in words (Bahasa Indonesia)', () => {
  it.each([
    [0, 'nol'], [1, 'satu'], [10, 'sepuluh'], [11, 'sebelas'], [12, 'dua belas'], [19, 'sembilan belas'], [20, 'dua puluh'],
    [24, 'dua puluh empat'], [31, 'tiga puluh satu'], [100, 'seratus'], [101, 'seratus satu'], [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'], [200, 'dua ratus'], [999, 'sembilan ratus sembilan puluh sembilan'], [1000, 'seribu'],
    [1001, 'seribu satu'], [1945, 'seribu sembilan ratus empat puluh lima'], [2000, 'dua ribu'], [2026, 'dua ribu dua puluh enam'],
    [11000, 'sebelas ribu'], [100000, 'seratus ribu'], [1_000_000, 'satu juta'], [1_500_000, 'satu juta lima ratus ribu'],
  ])('%i → %s', (value, words) => expect(numberInWordsId(value)).toBe(words));

  it('says "se-" where Indonesian does (seratus, sebelas, seribu), never doubles a space, and refuses what it cannot write', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999 }), (value) => {
      const words = numberInWordsId(value);
      // "dua puluh satu ribu" is right; a thousand on its own is "seribu".
      expect(words).not.toMatch(/satu (ratus|puluh|belas)|(^|juta |miliar )satu ribu|  |^ | $/);
    }));
    expect(() => numberInWordsId(-1)).toThrow(RangeError);
    expect(() => numberInWordsId(1.5)).toThrow(RangeError);
  });
});

describe('dates in words, as a berita acara opens', () => {
  it('names the day of the week', () => {
    expect(dayNameId('2026-11-24')).toBe('Selasa');
    expect(dayNameId('1945-08-17')).toBe('Jumat');
    expect(dayNameId('2000-01-01')).toBe('Sabtu');
    expect(dayNameId('2024-02-29')).toBe('Kamis');
    expect(dayNameId('2026-11-23')).toBe('Senin');
  });

  it('agrees with the calendar on every day from 1900 to 2100', () => {
    fc.assert(fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }), (date) => {
      const iso = date.toISOString().slice(0, 10);
      expect(dayOfWeek(iso)).toBe(new Date(`${iso}T00:00:00Z`).getUTCDay());
    }));
  });

  it('writes the date and the opening words', () => {
    expect(dateInWordsId('2026-11-24')).toBe('dua puluh empat bulan November tahun dua ribu dua puluh enam');
    expect(dateInWordsId('2025-01-01')).toBe('satu bulan Januari tahun dua ribu dua puluh lima');
    expect(todayInWordsId(TEST_TODAY)).toBe('Pada hari ini Selasa tanggal dua puluh empat bulan November tahun dua ribu dua puluh enam');
    expect(() => dateInWordsId('2026-02-30')).toThrow(RangeError);
  });
});
