import { describe, expect, it } from 'vitest';
import { fellTwiceInARow, legacyLabel, parsePeriod, parsePredikat, parseRating, performanceRank, predikatFromRatings, type Rating } from '../../shared/domain/skp';
import { boxCell, boxName, boxNumber, boxRecommendation, kinerjaFromLegacyLabel, kinerjaFromPredikat, potensiAxis, type KinerjaAxis, type PotensiAxis } from '../../shared/domain/talent';

describe('SKP predikat matrix (PermenPANRB 6/2022)', () => {
  const matrix: Array<[Rating, Rating, string]> = [
    ['di_atas', 'di_bawah', 'kurang'], ['di_atas', 'sesuai', 'baik'], ['di_atas', 'di_atas', 'sangat_baik'],
    ['sesuai', 'di_bawah', 'kurang'], ['sesuai', 'sesuai', 'baik'], ['sesuai', 'di_atas', 'baik'],
    ['di_bawah', 'di_bawah', 'sangat_kurang'], ['di_bawah', 'sesuai', 'butuh_perbaikan'], ['di_bawah', 'di_atas', 'butuh_perbaikan'],
  ];
  it.each(matrix)('hasil kerja %s × perilaku %s → %s', (hasil, perilaku, predikat) => {
    expect(predikatFromRatings(hasil, perilaku)).toBe(predikat);
  });

  it('reads ratings, predikat and periods as written in files', () => {
    expect(parseRating('Di Atas Ekspektasi')).toBe('di_atas');
    expect(parseRating('sesuai ekspektasi')).toBe('sesuai');
    expect(parseRating('DI_BAWAH')).toBe('di_bawah');
    expect(parsePredikat('Kurang/Misconduct')).toBe('kurang');
    expect(parsePredikat('Butuh Perbaikan')).toBe('butuh_perbaikan');
    expect(parsePeriod('Triwulan III')).toBe('triwulan_3');
    expect(parsePeriod('Tahunan')).toBe('tahunan');
    expect(parsePeriod('TW 4')).toBe('triwulan_4');
    expect(parseRating('luar biasa')).toBeNull();
  });
});

describe('legacy PP 46/2011 scale', () => {
  it.each([[100, 'Sangat Baik'], [91, 'Sangat Baik'], [90.5, 'Sangat Baik'], [90, 'Baik'], [76, 'Baik'], [75, 'Cukup'], [61, 'Cukup'], [60, 'Kurang'], [51, 'Kurang'], [50, 'Buruk'], [12, 'Buruk']])(
    'score %s → %s', (score, label) => expect(legacyLabel(score)).toBe(label));

  it('ranks predikat and legacy labels on one ladder for trends only', () => {
    expect(performanceRank('sangat_baik', null)).toBe(5);
    expect(performanceRank(null, 'Cukup')).toBe(3);
    expect(performanceRank(null, null)).toBeNull();
  });

  it('detects performance that fell two periods in a row', () => {
    expect(fellTwiceInARow([4, 4, 3, 2])).toBe(true);
    expect(fellTwiceInARow([5, 4, 4, 3])).toBe(false);
    expect(fellTwiceInARow([4, 3])).toBe(false);
  });
});

describe('9-box (PermenPANRB 3/2020: numbering and recommendations)', () => {
  const layout: Array<[KinerjaAxis, PotensiAxis, number]> = [
    ['di_atas', 'rendah', 4], ['di_atas', 'menengah', 7], ['di_atas', 'tinggi', 9],
    ['sesuai', 'rendah', 2], ['sesuai', 'menengah', 5], ['sesuai', 'tinggi', 8],
    ['di_bawah', 'rendah', 1], ['di_bawah', 'menengah', 3], ['di_bawah', 'tinggi', 6],
  ];
  it.each(layout)('kinerja %s × potensial %s is box %i', (k, p, box) => {
    expect(boxNumber(k, p)).toBe(box);
    expect(boxCell(box)).toEqual({ kinerja: k, potensi: p });
  });

  it('supports the Kemenkeu numbering as an alternative', () => {
    expect([boxNumber('di_bawah', 'rendah', 'kemenkeu'), boxNumber('di_bawah', 'menengah', 'kemenkeu'), boxNumber('di_bawah', 'tinggi', 'kemenkeu'),
      boxNumber('sesuai', 'rendah', 'kemenkeu'), boxNumber('di_atas', 'rendah', 'kemenkeu'), boxNumber('sesuai', 'menengah', 'kemenkeu'),
      boxNumber('sesuai', 'tinggi', 'kemenkeu'), boxNumber('di_atas', 'menengah', 'kemenkeu'), boxNumber('di_atas', 'tinggi', 'kemenkeu')]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('names boxes and recommends as the regulation does', () => {
    expect(boxName('di_atas', 'tinggi')).toBe('Kinerja di atas ekspektasi dan potensial tinggi');
    expect(boxRecommendation(...Object.values(boxCell(9)) as [KinerjaAxis, PotensiAxis])).toMatch(/^Dipromosikan dan dipertahankan/);
    expect(boxRecommendation(...Object.values(boxCell(1)) as [KinerjaAxis, PotensiAxis])).toBe('Diproses sesuai ketentuan peraturan perundang-undangan');
    expect(boxRecommendation(...Object.values(boxCell(4)) as [KinerjaAxis, PotensiAxis])).toBe('Rotasi; Pengembangan kompetensi');
  });

  it('maps the annual predikat to the kinerja axis (Sangat Baik above, Baik as expected, the rest below)', () => {
    expect(kinerjaFromPredikat('sangat_baik')).toBe('di_atas');
    expect(kinerjaFromPredikat('baik')).toBe('sesuai');
    for (const p of ['butuh_perbaikan', 'kurang', 'sangat_kurang'] as const) expect(kinerjaFromPredikat(p)).toBe('di_bawah');
    expect(kinerjaFromLegacyLabel('Cukup')).toBe('di_bawah');
  });

  it('takes the recorded potential level, else the score by the thresholds (90 / 78)', () => {
    expect(potensiAxis('rendah', 95)).toBe('rendah');
    expect(potensiAxis(null, 90)).toBe('tinggi');
    expect(potensiAxis(null, 89.9)).toBe('menengah');
    expect(potensiAxis(null, 78)).toBe('menengah');
    expect(potensiAxis(null, 77.9)).toBe('rendah');
    expect(potensiAxis(null, 85, { tinggi: 85, menengah: 70 })).toBe('tinggi');
    expect(potensiAxis(null, null)).toBeNull();
  });
});
