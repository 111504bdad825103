import { describe, expect, it } from 'vitest';
import { legacySebutan, parseLegacySebutan, parsePredikatKinerja, parseSkpRating, predikatFromRatings, type SkpRating } from '../../shared/domain/skp';

describe('predikat kinerja matrix (DOMAIN.md §2.1, PermenPANRB 6/2022)', () => {
  // Rows: rating hasil kerja; columns: rating perilaku kerja (di bawah, sesuai, di atas), as in DOMAIN.md.
  const table: Array<[SkpRating, [string, string, string]]> = [
    ['di_atas', ['kurang', 'baik', 'sangat_baik']],
    ['sesuai', ['kurang', 'baik', 'baik']],
    ['di_bawah', ['sangat_kurang', 'butuh_perbaikan', 'butuh_perbaikan']],
  ];
  for (const [hasil, row] of table) {
    (['di_bawah', 'sesuai', 'di_atas'] as SkpRating[]).forEach((perilaku, i) => {
      it(`hasil kerja ${hasil} × perilaku ${perilaku} = ${row[i]}`, () => {
        expect(predikatFromRatings(hasil, perilaku)).toBe(row[i]);
      });
    });
  }

  it('reads ratings and predikat as written in files', () => {
    expect(parseSkpRating('Di Atas Ekspektasi')).toBe('di_atas');
    expect(parseSkpRating('diatas ekspektasi')).toBe('di_atas');
    expect(parseSkpRating('SESUAI EKSPEKTASI')).toBe('sesuai');
    expect(parseSkpRating('Di bawah')).toBe('di_bawah');
    expect(parseSkpRating('Baik')).toBeNull();
    expect(parsePredikatKinerja('Sangat Baik')).toBe('sangat_baik');
    expect(parsePredikatKinerja('Kurang/Misconduct')).toBe('kurang');
    expect(parsePredikatKinerja('Misconduct')).toBe('kurang');
    expect(parsePredikatKinerja('butuh perbaikan')).toBe('butuh_perbaikan');
    expect(parsePredikatKinerja('Cukup')).toBeNull();
  });
});

describe('legacy PP 46/2011 scale (DOMAIN.md §2.2)', () => {
  it.each([
    [100, 'Sangat Baik'], [91, 'Sangat Baik'], [90, 'Baik'], [76, 'Baik'], [75, 'Cukup'], [61, 'Cukup'],
    [60, 'Kurang'], [51, 'Kurang'], [50, 'Buruk'], [0, 'Buruk'], [90.5, 'Sangat Baik'], [75.5, 'Baik'],
  ] as Array<[number, string]>)('nilai %s → %s', (score, sebutan) => {
    expect(legacySebutan(score)).toBe(sebutan);
  });

  it('reads a written sebutan', () => {
    expect(parseLegacySebutan('cukup')).toBe('Cukup');
    expect(parseLegacySebutan('SANGAT BAIK')).toBe('Sangat Baik');
    expect(parseLegacySebutan('Butuh Perbaikan')).toBeNull();
  });
});
