import { describe, expect, it } from 'vitest';
import { legacyLabel, parseLegacyLabel, parsePredikat, parseRating, predikatFromRatings, type Rating } from '../../shared/domain/skp';

describe('predikat kinerja matrix (PermenPANRB 6/2022)', () => {
  // Rows: rating hasil kerja; columns: rating perilaku kerja (di bawah, sesuai, di atas), as the regulation's matrix.
  const table: Array<[Rating, [string, string, string]]> = [
    ['di_atas', ['kurang', 'baik', 'sangat_baik']],
    ['sesuai', ['kurang', 'baik', 'baik']],
    ['di_bawah', ['sangat_kurang', 'butuh_perbaikan', 'butuh_perbaikan']],
  ];
  for (const [hasil, row] of table) {
    (['di_bawah', 'sesuai', 'di_atas'] as Rating[]).forEach((perilaku, i) => {
      it(`hasil kerja ${hasil} × perilaku ${perilaku} = ${row[i]}`, () => {
        expect(predikatFromRatings(hasil, perilaku)).toBe(row[i]);
      });
    });
  }

  it('reads ratings and predikat as written in files', () => {
    expect(parseRating('Di Atas Ekspektasi')).toBe('di_atas');
    expect(parseRating('diatas ekspektasi')).toBe('di_atas');
    expect(parseRating('SESUAI EKSPEKTASI')).toBe('sesuai');
    expect(parseRating('Di bawah')).toBe('di_bawah');
    expect(parseRating('Baik')).toBeNull();
    expect(parsePredikat('Sangat Baik')).toBe('sangat_baik');
    expect(parsePredikat('Kurang/Misconduct')).toBe('kurang');
    expect(parsePredikat('Misconduct')).toBe('kurang');
    expect(parsePredikat('butuh perbaikan')).toBe('butuh_perbaikan');
    expect(parsePredikat('Cukup')).toBeNull();
  });
});

describe('legacy PP 46/2011 scale', () => {
  it.each([
    [100, 'Sangat Baik'], [91, 'Sangat Baik'], [90, 'Baik'], [76, 'Baik'], [75, 'Cukup'], [61, 'Cukup'],
    [60, 'Kurang'], [51, 'Kurang'], [50, 'Buruk'], [0, 'Buruk'], [90.5, 'Sangat Baik'], [75.5, 'Baik'],
  ] as Array<[number, string]>)('nilai %s → %s', (score, sebutan) => {
    expect(legacyLabel(score)).toBe(sebutan);
  });

  it('reads a written sebutan', () => {
    expect(parseLegacyLabel('cukup')).toBe('Cukup');
    expect(parseLegacyLabel('SANGAT BAIK')).toBe('Sangat Baik');
    expect(parseLegacyLabel('Butuh Perbaikan')).toBeNull();
  });
});
