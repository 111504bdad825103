// The career administration history kinds (DOMAIN.md §14): hukuman disiplin, tugas/izin belajar, KGB notices,
// CLTN periods and tanda kehormatan. Same wizard, checks and undo as the other history kinds (records.ts): each
// row is one record of one employee by NIP, identified by its natural key, written with the snapshot id.

import { DISCIPLINE_KINDS, disciplineKindInfo } from '../../../shared/domain/careers/discipline';
import { SATYALANCANA_CLASSES } from '../../../shared/domain/careers/satyalancana';
import { STUDY_STATUSES } from '../../../shared/domain/careers/study';
import { educationLabel, parseEducationLevel } from '../../../shared/domain/education';
import { golonganLabel, parseGolongan } from '../../../shared/domain/golongan';
import { formatDateId, formatRupiah } from '../../../shared/format/id-format';
import type { RowReader } from '../row-reader';
import { readNip, type RecordKindSpec, type RecordValue } from './records';

const squash = (input: string) => input.trim().toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** A PP 94/2021 kind by its code or its wording ("Teguran tertulis", "pemotongan tukin 25% 9 bulan", "penurunan jabatan"). */
export function parseDisciplineKind(input: string): string | null {
  const t = squash(input);
  const byCode = DISCIPLINE_KINDS.find((k) => squash(k.code) === t || squash(k.label) === t);
  if (byCode) return byCode.code;
  if (/lisan/.test(t)) return 'teguran_lisan';
  if (/teguran tertulis/.test(t)) return 'teguran_tertulis';
  if (/tidak puas/.test(t)) return 'pernyataan_tidak_puas';
  if (/potong|tunjangan kinerja|tukin/.test(t)) {
    const months = /\b(6|9|12)\b/.exec(t)?.[1];
    return months ? `potongan_tukin_${months}` : null;
  }
  if (/penurunan jabatan/.test(t)) return 'penurunan_jabatan';
  if (/pembebasan|dibebaskan/.test(t)) return 'pembebasan_jabatan';
  if (/pemberhentian|diberhentikan/.test(t)) return 'pemberhentian';
  return null;
}

/** "Ya"/"Tidak" and their usual spellings; null for an empty cell, undefined for anything else. */
function yesNo(r: RowReader, field: string, label: string): number | null {
  const text = r.text(field);
  if (text === null) return null;
  const t = squash(text);
  if (['ya', 'y', '1', 'lulus', 'true', 'benar'].includes(t)) return 1;
  if (['tidak', 't', '0', 'tidak lulus', 'false', 'belum'].includes(t)) return 0;
  r.warning(field, `${label} "${text}" tidak dikenali (Ya/Tidak); tidak dipakai.`);
  return null;
}

const text = (r: RowReader, field: string, max: number): string | null => r.keptText(field)?.slice(0, max) ?? null;

function required(r: RowReader, field: string, label: string): void {
  if (r.text(field) === null) r.error(field, `${label} wajib diisi.`);
}

const dateShown = (value: RecordValue) => (value === null ? null : formatDateId(String(value)));
const yesNoShown = (value: RecordValue) => (value === null ? null : Number(value) === 1 ? 'Ya' : 'Tidak');

export const disiplinSpec: RecordKindSpec = {
  kind: 'disiplin',
  table: 'discipline_record',
  identity: ['kind', 'start_date'],
  columns: ['end_date', 'decree_number', 'decree_date', 'note'],
  keepWhenEmpty: ['decree_number', 'decree_date', 'note'],
  labels: { end_date: 'Akhir hukuman', decree_number: 'Nomor SK', decree_date: 'Tanggal SK', note: 'Keterangan' },
  display: (column, value) => (column === 'note' || column === 'decree_number' ? (value === null ? null : String(value)) : dateShown(value)),
  parse(r) {
    const nip = readNip(r);
    required(r, 'jenis_hukuman', 'Jenis hukuman');
    required(r, 'tmt_hukuman', 'TMT hukuman');
    const kindText = r.text('jenis_hukuman');
    const kind = kindText ? parseDisciplineKind(kindText) : null;
    if (kindText && !kind) r.error('jenis_hukuman', `Jenis hukuman "${kindText}" tidak dikenali (PP 94/2021: teguran lisan, teguran tertulis, pernyataan tidak puas, pemotongan tunjangan kinerja 6/9/12 bulan, penurunan jabatan, pembebasan dari jabatan, pemberhentian).`);
    const start = r.date('tmt_hukuman', 'TMT hukuman');
    const end = r.date('akhir_hukuman', 'Akhir hukuman');
    if (start && end && end < start) r.error('akhir_hukuman', 'Akhir hukuman tidak boleh sebelum TMT-nya.');
    const decreeDate = r.date('tanggal_sk', 'Tanggal SK');
    if (start && start > r.today) r.warning('tmt_hukuman', 'TMT hukuman berada di masa depan.');
    if (r.hasError || !nip || !kind || !start) return null;
    return [{
      row: r.row, nip,
      values: { kind, start_date: start, end_date: end, decree_number: text(r, 'nomor_sk', 120), decree_date: decreeDate, note: text(r, 'keterangan', 500) },
      label: `${disciplineKindInfo(kind)!.label} · TMT ${formatDateId(start)}`,
    }];
  },
};

export const belajarSpec: RecordKindSpec = {
  kind: 'belajar',
  table: 'study_record',
  identity: ['level', 'start_date'],
  columns: ['basis', 'institution', 'programme', 'end_date', 'status', 'funding', 'izin_date', 'graduation_date', 'upkp_passed', 'needed_by_position'],
  keepWhenEmpty: ['funding', 'izin_date', 'graduation_date', 'upkp_passed', 'needed_by_position'],
  labels: {
    basis: 'Jenis', institution: 'Perguruan tinggi', programme: 'Program studi', end_date: 'Tanggal selesai', status: 'Status', funding: 'Pembiayaan',
    izin_date: 'Tanggal izin belajar', graduation_date: 'Tanggal lulus', upkp_passed: 'Lulus UPKP', needed_by_position: 'Dibutuhkan jabatan',
  },
  display(column, value) {
    if (value === null) return null;
    if (column === 'basis') return value === 'tugas_belajar' ? 'Tugas belajar' : 'Izin belajar';
    if (column === 'status') return STUDY_STATUSES.find((s) => s.code === value)?.label ?? String(value);
    if (column === 'upkp_passed' || column === 'needed_by_position') return yesNoShown(value);
    if (column.endsWith('_date')) return dateShown(value);
    return String(value);
  },
  parse(r) {
    const nip = readNip(r);
    for (const [field, label] of [['jenis_belajar', 'Jenis (tugas/izin belajar)'], ['perguruan_tinggi', 'Perguruan tinggi'], ['program_studi', 'Program studi'], ['jenjang_studi', 'Jenjang'], ['tanggal_mulai_studi', 'Tanggal mulai']] as const) required(r, field, label);
    const basisText = r.text('jenis_belajar');
    const basis = basisText ? (/tugas/i.test(basisText) ? 'tugas_belajar' : /izin/i.test(basisText) ? 'izin_belajar' : null) : null;
    if (basisText && !basis) r.error('jenis_belajar', `Jenis "${basisText}" tidak dikenali; isi Tugas belajar atau Izin belajar.`);
    const levelText = r.text('jenjang_studi');
    const level = levelText ? parseEducationLevel(levelText) : null;
    if (levelText && !level) r.error('jenjang_studi', `Jenjang "${levelText}" tidak dikenali (contoh: D-III, S-1, S-2).`);
    const start = r.date('tanggal_mulai_studi', 'Tanggal mulai');
    const end = r.date('tanggal_selesai_studi', 'Tanggal selesai');
    if (start && end && end < start) r.error('tanggal_selesai_studi', 'Tanggal selesai tidak boleh sebelum tanggal mulai.');
    const statusText = r.text('status_studi');
    let status: string = end && end <= r.today ? 'selesai' : 'berjalan';
    if (statusText) {
      const t = squash(statusText);
      const found = STUDY_STATUSES.find((s) => squash(s.code) === t || squash(s.label) === t) ?? (/lulus|selesai/.test(t) ? STUDY_STATUSES[1] : /batal|berhenti/.test(t) ? STUDY_STATUSES[2] : /jalan|aktif/.test(t) ? STUDY_STATUSES[0] : null);
      if (found) status = found.code;
      else r.warning('status_studi', `Status "${statusText}" tidak dikenali; dicatat "${STUDY_STATUSES.find((s) => s.code === status)!.label}".`);
    }
    const izinDate = r.date('tanggal_izin', 'Tanggal izin belajar');
    const graduation = r.date('tanggal_lulus', 'Tanggal lulus');
    if (graduation && start && graduation < start) r.error('tanggal_lulus', 'Tanggal lulus tidak boleh sebelum tanggal mulai.');
    const upkp = yesNo(r, 'lulus_upkp', 'Lulus UPKP');
    const needed = yesNo(r, 'dibutuhkan_jabatan', 'Dibutuhkan jabatan');
    const institution = text(r, 'perguruan_tinggi', 200);
    const programme = text(r, 'program_studi', 200);
    if (r.hasError || !nip || !basis || !level || !start || !institution || !programme) return null;
    return [{
      row: r.row, nip,
      values: {
        level, start_date: start, basis, institution, programme, end_date: end, status, funding: text(r, 'pembiayaan', 120),
        izin_date: izinDate, graduation_date: graduation, upkp_passed: upkp, needed_by_position: needed,
      },
      label: `${basis === 'tugas_belajar' ? 'Tugas belajar' : 'Izin belajar'} ${educationLabel(level)} · ${formatDateId(start)}`,
    }];
  },
};

export const kgbSpec: RecordKindSpec = {
  kind: 'kgb',
  table: 'kgb_record',
  identity: ['tmt'],
  columns: ['mkg_years', 'mkg_months', 'golongan', 'salary', 'decree_number', 'decree_date'],
  keepWhenEmpty: ['golongan', 'salary', 'decree_number', 'decree_date'],
  labels: { mkg_years: 'Masa kerja golongan (tahun)', mkg_months: 'Masa kerja golongan (bulan)', golongan: 'Golongan', salary: 'Gaji pokok', decree_number: 'Nomor surat', decree_date: 'Tanggal surat' },
  display(column, value) {
    if (value === null) return null;
    if (column === 'golongan') return golonganLabel(Number(value)) || String(value);
    if (column === 'salary') return formatRupiah(Number(value));
    if (column === 'decree_date') return dateShown(value);
    return String(value);
  },
  parse(r) {
    const nip = readNip(r);
    required(r, 'tmt_kgb', 'TMT KGB');
    required(r, 'mkg_tahun', 'Masa kerja golongan (tahun)');
    const tmt = r.date('tmt_kgb', 'TMT KGB');
    const years = r.number('mkg_tahun', 'Masa kerja golongan (tahun)', { min: 0, max: 45, integer: true });
    const months = r.number('mkg_bulan', 'Masa kerja golongan (bulan)', { min: 0, max: 11, integer: true }) ?? 0;
    const golonganText = r.text('golongan_kgb');
    const golongan = golonganText ? parseGolongan(golonganText) : null;
    if (golonganText && !golongan) r.warning('golongan_kgb', `Golongan "${golonganText}" tidak dikenali; tidak dipakai.`);
    const salary = r.number('gaji_pokok', 'Gaji pokok', { min: 0, max: 100_000_000 });
    const decreeDate = r.date('tanggal_surat_kgb', 'Tanggal surat');
    if (r.hasError || !nip || !tmt || years === null) return null;
    return [{
      row: r.row, nip,
      values: { tmt, mkg_years: years, mkg_months: months, golongan: golongan?.code ?? null, salary: salary === null ? null : Math.round(salary), decree_number: text(r, 'nomor_surat_kgb', 120), decree_date: decreeDate },
      label: `KGB TMT ${formatDateId(tmt)} · MKG ${years} tahun ${months} bulan`,
    }];
  },
};

export const cltnSpec: RecordKindSpec = {
  kind: 'cltn',
  table: 'cltn_period',
  identity: ['start_date'],
  columns: ['end_date', 'decree_number'],
  keepWhenEmpty: ['decree_number'],
  labels: { end_date: 'Akhir CLTN', decree_number: 'Nomor SK' },
  display: (column, value) => (column === 'end_date' ? dateShown(value) : value === null ? null : String(value)),
  parse(r) {
    const nip = readNip(r);
    required(r, 'mulai_cltn', 'Mulai CLTN');
    const start = r.date('mulai_cltn', 'Mulai CLTN');
    const end = r.date('akhir_cltn', 'Akhir CLTN');
    if (start && end && end < start) r.error('akhir_cltn', 'Akhir CLTN tidak boleh sebelum mulainya.');
    if (r.hasError || !nip || !start) return null;
    return [{ row: r.row, nip, values: { start_date: start, end_date: end, decree_number: text(r, 'nomor_sk_cltn', 120) }, label: `CLTN mulai ${formatDateId(start)}` }];
  },
};

export const tandaKehormatanSpec: RecordKindSpec = {
  kind: 'tanda_kehormatan',
  table: 'honor_award',
  identity: ['kind', 'class'],
  columns: ['decree_number', 'decree_date'],
  keepWhenEmpty: ['decree_number', 'decree_date'],
  labels: { decree_number: 'Nomor Keppres', decree_date: 'Tanggal Keppres' },
  display: (column, value) => (column === 'decree_date' ? dateShown(value) : value === null ? null : String(value)),
  parse(r) {
    const nip = readNip(r);
    required(r, 'kelas_satyalancana', 'Kelas Satyalancana Karya Satya');
    const classText = r.text('kelas_satyalancana');
    const t = classText ? classText.toUpperCase().replace(/SATYALANCANA|KARYA|SATYA|TAHUN|\s/g, '') : null;
    const byYears: Record<string, string> = { '10': 'X', '20': 'XX', '30': 'XXX' };
    const cls = t ? SATYALANCANA_CLASSES.find((c) => c.code === t || c.code === byYears[t])?.code ?? null : null;
    if (classText && !cls) r.error('kelas_satyalancana', `Kelas "${classText}" tidak dikenali; isi X, XX atau XXX (10, 20 atau 30 tahun).`);
    const decreeDate = r.date('tanggal_keppres', 'Tanggal Keppres');
    if (r.hasError || !nip || !cls) return null;
    return [{
      row: r.row, nip,
      values: { kind: 'satyalancana_karya_satya', class: cls, decree_number: text(r, 'nomor_keppres', 120), decree_date: decreeDate },
      label: SATYALANCANA_CLASSES.find((c) => c.code === cls)!.label,
    }];
  },
};
