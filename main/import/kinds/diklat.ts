// Training records (diklat) with their JP as on the certificate (PP 11/2017 Pasal 203). A record is the same one when
// its title (case-insensitive) and start date match.

import { formatRupiah } from '../../../shared/format/id-format';
import { readNip, type RecordKindSpec } from './records';

/** Training types (PerLAN 10/2018, PP 11/2017 Pasal 203) as training_record.type codes. */
export const TRAINING_TYPES: Array<[RegExp, string, string]> = [
  [/LATSAR|PELATIHAN DASAR|PRAJABATAN/, 'latsar', 'Latsar CPNS'],
  [/\bPKN\s*(TINGKAT\s*)?(I|1)\b(?!I)|DIKLATPIM\s*(TINGKAT\s*)?(I|1)\b(?!I)/, 'pkn_1', 'PKN Tingkat I'],
  [/\bPKN\b|DIKLATPIM\s*(TINGKAT\s*)?(II|2)\b(?!I)/, 'pkn_2', 'PKN Tingkat II'],
  [/\bPKA\b|KEPEMIMPINAN ADMINISTRATOR|DIKLATPIM\s*(TINGKAT\s*)?(III|3)\b/, 'pka', 'PKA'],
  [/\bPKP\b|KEPEMIMPINAN PENGAWAS|DIKLATPIM\s*(TINGKAT\s*)?(IV|4)\b/, 'pkp', 'PKP'],
  [/BIMTEK|BIMBINGAN TEKNIS/, 'bimtek', 'Bimbingan teknis'],
  [/E.?LEARNING|DARING|ONLINE/, 'e_learning', 'E-learning'],
  [/WEBINAR|SEMINAR|KONFERENSI|SIMPOSIUM/, 'seminar', 'Seminar/konferensi'],
  [/WORKSHOP|LOKAKARYA/, 'workshop', 'Workshop'],
  [/COACHING/, 'coaching', 'Coaching'],
  [/MENTORING/, 'mentoring', 'Mentoring'],
  [/KURSUS/, 'kursus', 'Kursus'],
  [/PENATARAN/, 'penataran', 'Penataran'],
  [/SOSIALISASI/, 'sosialisasi', 'Sosialisasi'],
  [/MAGANG/, 'magang', 'Magang'],
  [/DETASERING|SECONDMENT/, 'detasering', 'Detasering'],
  [/PATOK BANDING|BENCHMARK/, 'patok_banding', 'Patok banding'],
  [/FUNGSIONAL/, 'fungsional', 'Diklat fungsional'],
  [/TEKNIS/, 'teknis', 'Diklat teknis'],
];

export function parseTrainingType(input: string): string | null {
  const t = input.trim().toUpperCase().replace(/[_]+/g, ' ');
  const exact = TRAINING_TYPES.find(([, code]) => code.toUpperCase() === t.replace(/\s+/g, '_'));
  if (exact) return exact[1];
  return TRAINING_TYPES.find(([pattern]) => pattern.test(t))?.[1] ?? null;
}

export const diklatSpec: RecordKindSpec = {
  kind: 'diklat',
  table: 'training_record',
  identity: ['title', 'start_date'],
  columns: ['type', 'provider', 'end_date', 'jp', 'cost', 'certificate_number'],
  keepWhenEmpty: ['provider', 'cost', 'certificate_number'],
  labels: { type: 'Jenis', provider: 'Penyelenggara', end_date: 'Tanggal selesai', jp: 'JP', cost: 'Biaya', certificate_number: 'Nomor sertifikat' },
  display: (column, value) => (value === null ? null : column === 'cost' ? formatRupiah(Number(value)) : String(value)),
  parse(r) {
    const nip = readNip(r);
    const title = r.keptText('nama_diklat');
    if (!title) r.error('nama_diklat', 'Nama diklat wajib diisi.');
    const typeText = r.text('jenis');
    let type = 'lainnya';
    if (typeText) {
      const parsed = parseTrainingType(typeText);
      if (parsed) type = parsed;
      else r.warning('jenis', `Jenis diklat "${typeText}" tidak dikenali; dicatat sebagai "lainnya".`);
    }
    const start = r.date('tanggal_mulai', 'Tanggal mulai');
    const end = r.date('tanggal_selesai', 'Tanggal selesai');
    if (r.text('tanggal_mulai') === null) r.error('tanggal_mulai', 'Tanggal mulai wajib diisi.');
    if (r.text('tanggal_selesai') === null) r.error('tanggal_selesai', 'Tanggal selesai wajib diisi.');
    if (start && end && end < start) r.error('tanggal_selesai', 'Tanggal selesai tidak boleh sebelum tanggal mulai.');
    if (end && end > r.today) r.warning('tanggal_selesai', 'Tanggal selesai berada di masa depan; JP-nya baru dihitung setelah selesai.');
    const jp = r.number('jp', 'JP', { min: 0.5, max: 2000 });
    if (r.text('jp') === null) r.error('jp', 'Jumlah JP wajib diisi.');
    const cost = r.number('biaya', 'Biaya', { min: 0, max: 10_000_000_000 });
    if (r.hasError || !nip || !title || !start || !end || jp === null) return null;
    const certificate = r.keptText('nomor_sertifikat')?.slice(0, 120) ?? null;
    return [{
      row: r.row, nip,
      values: {
        title: title.slice(0, 200), start_date: start, certificate_number: certificate,
        type, provider: r.keptText('penyelenggara')?.slice(0, 200) ?? null, end_date: end, jp, cost: cost === null ? null : Math.round(cost),
      },
      label: `${title.slice(0, 80)} · ${start}`,
    }];
  },
};
