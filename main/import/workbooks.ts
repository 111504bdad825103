// Workbooks the import hands out: the rejected rows of a preview (original columns + the messages, ready to
// fix and import again) and a template per kind (headers, an example row, and a sheet explaining each column).

import ExcelJS from 'exceljs';
import { IMPORT_KIND_LABELS, IMPORT_SPECS, SIASN_COLUMNS, type ImportKind } from '../../shared/domain/import-fields';
import { AppError } from '../../shared/errors';
import { neutraliseWorkbook } from '../security/spreadsheet-formula';
import { inspectFile } from './file-store';
import type { ParsedFile, PlannedImport } from './pipeline';
import { openTable } from './table';
import type { CellValue, ImportIssue } from './types';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF2' } };

/** Reads the file again and keeps the rejected rows (the file itself is not held in memory between steps). */
/** `printedBy` goes to the printed page footer only: a line below the rows would be read back as a row when the
 *  corrected file is imported again. */
export async function buildRejectedWorkbook(parsed: ParsedFile, plan: PlannedImport, printedBy: string | null = null): Promise<{ buffer: Buffer; rowCount: number }> {
  const now = await inspectFile(parsed.file.path);
  if (now.sha256 !== parsed.file.sha256) {
    throw new AppError('conflict', `Berkas "${parsed.file.name}" berubah sejak diperiksa; pilih berkasnya lagi untuk memeriksa ulang.`);
  }
  const rejected = plan.log.rejectedRows;
  const messages = new Map<number, ImportIssue[]>();
  for (const issue of plan.issues) {
    if (!rejected.has(issue.row)) continue;
    const list = messages.get(issue.row);
    if (list) list.push(issue);
    else messages.set(issue.row, [issue]);
  }

  const table = await openTable(parsed.file, { sheet: parsed.sheet ?? undefined, kind: parsed.kind ?? undefined });
  const header = table.header.cells.map((c) => (c === null ? '' : String(c)));
  const nipColumns = new Set(parsed.mapping.filter((m) => m.field === 'nip' || m.field === 'nip_baru' || m.field === 'nip_penilai').map((m) => m.index));

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jenjang';
  const footer = printedBy ? { headerFooter: { oddFooter: `&L${printedBy.replace(/&/g, '&&')}&RHalaman &P dari &N` } } : {};
  const sheet = workbook.addWorksheet('Baris ditolak', { ...footer, views: [{ state: 'frozen', ySplit: 1 }] });
  const headerRow = sheet.addRow([...header, 'keterangan_kesalahan', 'baris_asal']);
  headerRow.font = { bold: true };
  headerRow.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const index of nipColumns) sheet.getColumn(index + 1).numFmt = '@';
  const width = header.length;
  let rejectedWritten = 0;
  for await (const batch of table.rows) {
    for (const row of batch) {
      if (!rejected.has(row.row)) continue;
      const cells: CellValue[] = Array.from({ length: width }, (_, i) => row.cells[i] ?? null);
      const text = (messages.get(row.row) ?? []).filter((i) => i.severity === 'error').map((i) => (i.column ? `${i.column}: ${i.message}` : i.message)).join(' | ');
      sheet.addRow([...cells, text, row.row]);
      rejectedWritten += 1;
    }
  }
  sheet.columns.forEach((column) => (column.width = 18));
  sheet.getColumn(width + 1).width = 80;

  const issues = workbook.addWorksheet('Masalah', footer);
  const issueHeader = issues.addRow(['Baris', 'Kolom', 'Nilai', 'Tingkat', 'Pesan']);
  issueHeader.font = { bold: true };
  issueHeader.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const issue of plan.issues) {
    if (!rejected.has(issue.row)) continue;
    issues.addRow([issue.row, issue.column, issue.value, issue.severity === 'error' ? 'Kesalahan' : 'Peringatan', issue.message]);
  }
  issues.getColumn(5).width = 100;
  issues.getColumn(2).width = 24;
  issues.getColumn(3).width = 24;
  neutraliseWorkbook(workbook);
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), rowCount: rejectedWritten };
}

const EXAMPLES: Record<ImportKind, Record<string, string | number>> = {
  pegawai: {
    pns_id: 'A8ACA7E6C1F93912E040640A040269BB', nip_baru: '198503122010012004', nip_lama: '', nama: 'SITI AMINAH', gelar_depan: '', gelar_belakang: 'S.Kep., Ners',
    tempat_lahir_nama: 'Sindangraja', tanggal_lahir: '12-03-1985', jenis_kelamin: 'F', agama_nama: 'Islam', nomor_hp: '081234567890', email: 'siti.aminah@contoh.go.id',
    jenis_pegawai_nama: 'PNS Daerah Kabupaten/Kota', kedudukan_hukum_nama: 'Aktif', status_cpns_pns: 'P', tmt_cpns: '01-01-2010', tmt_pns: '01-03-2011',
    gol_akhir_id: '33', gol_akhir_nama: 'III/c', tmt_golongan: '01-04-2022', mk_tahun: '12', mk_bulan: '0', jenis_jabatan_id: '2', jenis_jabatan_nama: 'Jabatan Fungsional Tertentu',
    jabatan_id: '8ae483a560f3d1830161077a0a2f2a11', jabatan_nama: 'Perawat Ahli Muda', tmt_jabatan: '01-04-2022', tingkat_pendidikan_nama: 'Profesi',
    pendidikan_nama: 'Profesi Ners', tahun_lulus: '2008', unor_id: 'b3f8e0a2-0c1d-4a5e-9f00-1d2c3b4a5e6f', unor_nama: 'UPTD Puskesmas Cibeureum',
    instansi_kerja_nama: 'Pemerintah Kabupaten Sindangraja', satuan_kerja_induk_id: 'c0ffee00-0000-4000-8000-000000000001', satuan_kerja_induk_nama: 'Dinas Kesehatan',
    satuan_kerja_kerja_id: 'b3f8e0a2-0c1d-4a5e-9f00-1d2c3b4a5e6f', satuan_kerja_kerja_nama: 'UPTD Puskesmas Cibeureum', nama_sekolah: 'Universitas Padjadjaran',
  },
  skp: { nip: '198503122010012004', tahun: 2025, periode: 'Tahunan', hasil_kerja: 'Di Atas Ekspektasi', perilaku_kerja: 'Sesuai Ekspektasi', predikat: 'Baik', nilai: '', nip_penilai: '197601012000031002', catatan: '' },
  kompetensi: { nip: '198503122010012004', tanggal: '15-05-2025', metode: 'Assessment Center', 'M.01': 3, 'M.02': 3, 'M.03': 2, 'M.04': 3, 'M.05': 3, 'M.06': 2, 'M.07': 2, 'M.08': 2, 'SK.01': 3, asesor: 'UPT Penilaian Kompetensi BKN', catatan: '' },
  potensi: { nip: '198503122010012004', tanggal: '15-05-2025', potensi: 'Menengah', nilai_potensi: 81.5, metode: 'Assessment Center', catatan: '' },
  diklat: { nip: '198503122010012004', nama_diklat: 'Pelatihan Kepemimpinan Pengawas', jenis: 'PKP', penyelenggara: 'BPSDM Provinsi Jawa Barat', tanggal_mulai: '03-03-2025', tanggal_selesai: '30-05-2025', jp: 255, biaya: 18000000, nomor_sertifikat: 'STTPP/PKP/2025/0123' },
  disiplin: { nip: '198503122010012004', jenis_hukuman: 'Pemotongan tunjangan kinerja 25% selama 6 bulan', tmt_hukuman: '01-03-2025', akhir_hukuman: '', nomor_sk: '862.3/045/BKPSDM/2025', tanggal_sk: '20-02-2025', keterangan: '' },
  belajar: { nip: '198503122010012004', jenis_belajar: 'Izin belajar', perguruan_tinggi: 'Universitas Padjadjaran', program_studi: 'Magister Keperawatan', jenjang_studi: 'S-2', tanggal_mulai_studi: '01-09-2023', tanggal_selesai_studi: '', status_studi: 'Berjalan', pembiayaan: 'Biaya sendiri', tanggal_izin: '15-08-2023', tanggal_lulus: '', lulus_upkp: '', dibutuhkan_jabatan: 'Ya' },
  kgb: { nip: '198503122010012004', tmt_kgb: '01-04-2024', mkg_tahun: 14, mkg_bulan: 0, golongan_kgb: 'III/c', gaji_pokok: 3900000, nomor_surat_kgb: '822.4/118/BKPSDM/2024', tanggal_surat_kgb: '04-03-2024' },
  cltn: { nip: '198503122010012004', mulai_cltn: '01-07-2019', akhir_cltn: '30-06-2020', nomor_sk_cltn: '851/077/BKPSDM/2019' },
  tanda_kehormatan: { nip: '198503122010012004', kelas_satyalancana: 'X', nomor_keppres: '45/TK/Tahun 2021', tanggal_keppres: '10-08-2021' },
};

function templateColumns(kind: ImportKind): string[] {
  if (kind === 'pegawai') return [...SIASN_COLUMNS];
  if (kind === 'kompetensi') return ['nip', 'tanggal', 'metode', 'M.01', 'M.02', 'M.03', 'M.04', 'M.05', 'M.06', 'M.07', 'M.08', 'SK.01', 'asesor', 'catatan'];
  return IMPORT_SPECS[kind].fields.map((f) => f.key);
}

export async function buildTemplateWorkbook(kind: ImportKind): Promise<Buffer> {
  const spec = IMPORT_SPECS[kind];
  const columns = templateColumns(kind);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jenjang';
  const sheet = workbook.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(columns);
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  const example = EXAMPLES[kind];
  sheet.addRow(columns.map((c) => example[c] ?? ''));
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(12, Math.min(40, c.length + 4));
    // NIPs and codes are text: typed as numbers, Excel drops digits.
    if (/nip|_id$|^nik$|nomor|npwp/.test(c)) column.numFmt = '@';
  });

  const help = workbook.addWorksheet('Petunjuk');
  help.addRow([`Templat impor: ${IMPORT_KIND_LABELS[kind]}`]).font = { bold: true, size: 13 };
  help.addRow(['Baris kepala boleh diawali baris judul. Nama kolom tidak membedakan huruf besar/kecil, spasi atau tanda baca. Kolom lain diabaikan.']);
  help.addRow(['Tanggal: hh-bb-tttt, hh/bb/tttt, tttt-bb-hh, "12 Maret 1985" atau tanggal Excel; satu kolom sebaiknya satu format. NIP ditulis sebagai teks (18 digit).']);
  if (kind === 'kompetensi') help.addRow(['Bentuk panjang juga diterima: kolom kode_kompetensi dan level, satu baris per kompetensi.']);
  if (spec.anyOf.length > 0) help.addRow([`Minimal satu dari: ${spec.anyOf.map((g) => g.join(' + ')).join('; ')}${spec.competencyColumns ? '; kolom per kode kompetensi' : ''}.`]);
  help.addRow([]);
  const head = help.addRow(['Kolom', 'Keterangan', 'Wajib', 'Nama lain yang dikenali']);
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = HEADER_FILL));
  const required = new Set(spec.requiredAll);
  const oneOf = new Set(spec.anyOf.flat());
  for (const field of spec.fields) {
    if (!field.used && kind === 'pegawai') continue;
    help.addRow([field.key, field.label, required.has(field.key) ? 'wajib' : oneOf.has(field.key) ? 'salah satu (lihat di atas)' : '', field.aliases.join(', ')]);
  }
  if (kind === 'pegawai') help.addRow(['(kolom SIASN lain)', 'Dikenali tetapi tidak disimpan Jenjang (agama, NIK, NPWP, …)', '', '']);
  help.getColumn(1).width = 28;
  help.getColumn(2).width = 60;
  help.getColumn(3).width = 26;
  help.getColumn(4).width = 50;
  neutraliseWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
