// SKP results (PermenPANRB 6/2022): 2022 onward the two ratings give the predikat by the matrix (a stated predikat
// that disagrees is a warning); before, the legacy numeric nilai is kept as recorded with its sebutan
// (PP 46/2011), never forced into a 2022 predikat.

import { parseNipCell } from '../../../shared/domain/nip';
import { formatNumberId } from '../../../shared/format/id-format';
import {
  legacyLabel, parseLegacyLabel, parsePredikat, parseRating, predikatFromRatings, predikatLabel, ratingLabel,
} from '../../../shared/domain/skp';
import { readNip, type RecordKindSpec, type RecordValue } from './records';

export const SKP_PERIOD_LABELS: Record<string, string> = {
  tahunan: 'Tahunan', triwulan_1: 'Triwulan I', triwulan_2: 'Triwulan II', triwulan_3: 'Triwulan III', triwulan_4: 'Triwulan IV',
};
const MONTHS = ['JANUARI', 'FEBRUARI', 'MARET', 'APRIL', 'MEI', 'JUNI', 'JULI', 'AGUSTUS', 'SEPTEMBER', 'OKTOBER', 'NOVEMBER', 'DESEMBER'];
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** "Tahunan", "Akhir", "Triwulan I" … "IV", "TW 2", "Q3", "Bulan Maret" / "Maret". */
export function parseSkpPeriod(input: string): string | null {
  const t = input.trim().toUpperCase().replace(/[\s_.\-/]+/g, ' ').trim();
  if (/^(TAHUNAN|AKHIR|TAHUNAN AKHIR|TAHUNAN \(AKHIR\)|ANNUAL)$/.test(t)) return 'tahunan';
  const quarter = /^(?:TRIWULAN|TW|Q)\s*(IV|III|II|I|[1-4])$/.exec(t);
  if (quarter) return `triwulan_${ROMAN[quarter[1]]}`;
  const month = MONTHS.indexOf(t.replace(/^BULAN\s*/, ''));
  if (month >= 0) return `bulan_${String(month + 1).padStart(2, '0')}`;
  return null;
}

export function skpPeriodLabel(code: string): string {
  if (SKP_PERIOD_LABELS[code]) return SKP_PERIOD_LABELS[code];
  const m = /^bulan_(\d{2})$/.exec(code);
  return m ? `Bulan ${MONTHS[Number(m[1]) - 1].charAt(0)}${MONTHS[Number(m[1]) - 1].slice(1).toLowerCase()}` : code;
}

/** Regime of a year's SKP when no ratings are given: PP 46/2011 to 2018, PP 30/2019 for 2019–2021. */
function legacyRegime(year: number): 'PP46_2011' | 'PP30_2019' {
  return year <= 2018 ? 'PP46_2011' : 'PP30_2019';
}

export const skpSpec: RecordKindSpec = {
  kind: 'skp',
  table: 'performance_evaluation',
  identity: ['year', 'period'],
  columns: ['regime', 'hasil_kerja', 'perilaku_kerja', 'predikat', 'legacy_score', 'legacy_label', 'evaluator_nip', 'notes'],
  keepWhenEmpty: ['evaluator_nip', 'notes'],
  labels: {
    regime: 'Dasar penilaian', hasil_kerja: 'Rating hasil kerja', perilaku_kerja: 'Rating perilaku kerja', predikat: 'Predikat',
    legacy_score: 'Nilai', legacy_label: 'Sebutan', evaluator_nip: 'NIP penilai', notes: 'Catatan',
  },
  display(column, value) {
    if (value === null) return null;
    if (column === 'hasil_kerja' || column === 'perilaku_kerja') return ratingLabel(String(value));
    if (column === 'predikat') return predikatLabel(String(value));
    return String(value);
  },
  parse(r) {
    const nip = readNip(r);
    const thisYear = Number(r.today.slice(0, 4));
    const year = r.number('tahun', 'Tahun', { min: 1990, max: thisYear + 1, integer: true });
    if (r.text('tahun') === null) r.error('tahun', 'Tahun wajib diisi.');
    const periodText = r.text('periode');
    const period = periodText ? parseSkpPeriod(periodText) : 'tahunan';
    if (periodText && !period) r.error('periode', `Periode "${periodText}" tidak dikenal; gunakan Tahunan, Triwulan I–IV, atau nama bulan.`);

    const hasilText = r.text('hasil_kerja');
    const perilakuText = r.text('perilaku_kerja');
    const hasil = hasilText ? parseRating(hasilText) : null;
    const perilaku = perilakuText ? parseRating(perilakuText) : null;
    if (hasilText && !hasil) r.error('hasil_kerja', `Rating hasil kerja "${hasilText}" tidak dikenal; gunakan Di Atas Ekspektasi, Sesuai Ekspektasi atau Di Bawah Ekspektasi.`);
    if (perilakuText && !perilaku) r.error('perilaku_kerja', `Rating perilaku kerja "${perilakuText}" tidak dikenal; gunakan Di Atas Ekspektasi, Sesuai Ekspektasi atau Di Bawah Ekspektasi.`);
    if ((hasilText && !perilakuText) || (!hasilText && perilakuText)) {
      r.error(hasilText ? 'perilaku_kerja' : 'hasil_kerja', 'Rating hasil kerja dan perilaku kerja harus diisi keduanya.');
    }
    const predikatText = r.text('predikat');
    const score = r.number('nilai', 'Nilai', { min: 0, max: 120 });

    let evaluator: string | null = null;
    const evaluatorRaw = r.raw('nip_penilai');
    if (evaluatorRaw !== null && String(evaluatorRaw).trim() !== '') {
      const parsed = parseNipCell(typeof evaluatorRaw === 'number' ? evaluatorRaw : String(evaluatorRaw));
      if (parsed.ok) evaluator = parsed.value.nip;
      else r.warning('nip_penilai', `NIP penilai tidak valid (${parsed.errors[0].message}); tidak dipakai.`);
    }
    if (r.hasError || nip === null || year === null || period === null) return null;

    const values: Record<string, RecordValue> = {
      year, period, regime: null, hasil_kerja: null, perilaku_kerja: null, predikat: null, legacy_score: null, legacy_label: null,
      evaluator_nip: evaluator, notes: r.keptText('catatan')?.slice(0, 2000) ?? null,
    };
    if (hasil && perilaku) {
      const predikat = predikatFromRatings(hasil, perilaku);
      Object.assign(values, { regime: 'PMPANRB6_2022', hasil_kerja: hasil, perilaku_kerja: perilaku, predikat });
      if (year < 2022) r.warning('hasil_kerja', `Rating hasil/perilaku kerja dipakai sejak PermenPANRB 6/2022, sedangkan tahunnya ${year}; periksa tahunnya.`);
      if (predikatText) {
        const stated = parsePredikat(predikatText);
        if (stated !== predikat) {
          r.warning('predikat', `Predikat di berkas "${predikatText}" tidak sesuai matriks (${ratingLabel(hasil)} × ${ratingLabel(perilaku)} = ${predikatLabel(predikat)}); yang disimpan ${predikatLabel(predikat)}.`);
        }
      }
      if (score !== null) r.warning('nilai', 'Nilai angka tidak dipakai untuk SKP dengan rating hasil dan perilaku kerja.');
    } else if (score !== null) {
      if (year >= 2022 && !predikatText) {
        r.error('nilai', `SKP tahun ${year} dinilai dengan rating hasil kerja dan perilaku kerja (PermenPANRB 6/2022), bukan nilai angka; isi kedua rating.`);
        return null;
      }
      const regime = year >= 2022 ? 'PMPANRB6_2022' : legacyRegime(year);
      if (score > 100 && regime === 'PP46_2011') {
        r.error('nilai', `Nilai prestasi kerja PP 46/2011 berskala 0–100, bukan ${score}.`);
        return null;
      }
      const stated = predikatText ? parseLegacyLabel(predikatText) : null;
      const computed = score <= 100 ? legacyLabel(score) : null;
      if (predikatText && stated && computed && stated !== computed && regime === 'PP46_2011') {
        r.warning('predikat', `Sebutan di berkas "${predikatText}" tidak sesuai nilai ${score} (PP 46/2011: ${computed}); sebutan di berkas yang disimpan.`);
      }
      if (!computed && !predikatText) r.warning('nilai', `Nilai ${formatNumberId(score)} di atas 100 (skala PP 30/2019); sebutannya tidak dapat ditentukan dari nilai ini: isi kolom sebutan bila ada di dokumen SKP.`);
      Object.assign(values, { regime, legacy_score: score, legacy_label: stated ?? (predikatText ? predikatText.trim() : computed) });
      if (regime === 'PMPANRB6_2022') Object.assign(values, { predikat: parsePredikat(predikatText) });
    } else if (predikatText) {
      if (year >= 2022) {
        const stated = parsePredikat(predikatText);
        if (!stated) {
          r.error('predikat', `Predikat "${predikatText}" tidak dikenal; gunakan Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct atau Sangat Kurang.`);
          return null;
        }
        r.warning('predikat', 'Rating hasil kerja dan perilaku kerja tidak diisi; hanya predikat yang disimpan.');
        Object.assign(values, { regime: 'PMPANRB6_2022', predikat: stated });
      } else {
        Object.assign(values, { regime: legacyRegime(year), legacy_label: parseLegacyLabel(predikatText) ?? predikatText.trim() });
      }
    } else {
      r.error(null, 'Baris SKP tanpa rating, nilai maupun predikat.');
      return null;
    }
    return [{ row: r.row, nip, values, label: `SKP ${year} ${skpPeriodLabel(period)}` }];
  },
};
