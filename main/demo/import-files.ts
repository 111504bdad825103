// Import files made from a demo district: the SIASN "data utama" export (67 columns) of its
// employees, and Jenjang's SKP / kompetensi / potensi / diklat templates filled for them. They are the
// fixtures of the import tests, the bench's 50,000-row files, the end-to-end test's upload and the sample
// the Impor Data page offers, written in every format the issue names (pipe/;/, CSV, UTF-8 with or without
// BOM, Windows-1252, XLSX with title rows and several sheets, dates as text or Excel serials).

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { addDays, parseIsoDate, type IsoDate } from '../../shared/domain/dates';
import { golonganByCode } from '../../shared/domain/golongan';
import { SIASN_COLUMNS } from '../../shared/domain/import-fields';
import { PREDIKATS, predikatFromRatings, type Rating } from '../../shared/domain/skp';
import type { DemoDistrict, DemoEmployee } from './generate';
import { DISTRICT } from './organisation';
import { Random } from './random';

export type SiasnRow = Record<(typeof SIASN_COLUMNS)[number], string>;
export type Row = Record<string, string | number | null>;

const EDUCATION_NAMES: Record<string, string> = {
  SD: 'Sekolah Dasar', SLTP: 'SLTP', SLTP_KEJURUAN: 'SLTP Kejuruan', SLTA: 'SLTA', D1: 'Diploma I', D2: 'Diploma II', D3: 'Diploma III',
  D4: 'Diploma IV', S1: 'S-1/Sarjana', PROFESI: 'Profesi', S2: 'S-2', S3: 'S-3/Doktor',
};
const KEDUDUKAN: Record<string, [string, string]> = {
  active: ['01', 'Aktif'], retired: ['99', 'Pensiun'], moved: ['88', 'Pindah Instansi'], deceased: ['77', 'Meninggal'], dismissed: ['66', 'Diberhentikan'],
};
const JENIS_JABATAN: Record<string, [string, string]> = {
  jpt: ['1', 'Jabatan Struktural'], administrator: ['1', 'Jabatan Struktural'], pengawas: ['1', 'Jabatan Struktural'],
  fungsional: ['2', 'Jabatan Fungsional Tertentu'], pelaksana: ['4', 'Jabatan Fungsional Umum'],
};
const RELIGIONS: Array<[string, string]> = [['1', 'Islam'], ['1', 'Islam'], ['1', 'Islam'], ['1', 'Islam'], ['2', 'Kristen'], ['3', 'Katholik'], ['5', 'Hindu']];

/** The demo district's instansi as SIASN names it (instansi_induk and instansi_kerja of every row). */
export const DEMO_INSTANSI = { id: 'A5EB03E23B3BF6A0E040640A040252AD', name: DISTRICT.government } as const;

/** dd-mm-yyyy, as SIASN writes dates. */
export function siasnDate(iso: IsoDate | null | undefined): string {
  if (!iso) return '';
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

/** The SIASN data utama rows of a demo district's employees (all of them, or those `include` keeps). */
export function siasnRows(district: DemoDistrict, include: (e: DemoEmployee) => boolean = () => true): SiasnRow[] {
  const units = new Map(district.units.map((u) => [u.id, u]));
  const positions = new Map(district.positions.map((p) => [p.id, p]));
  const firstRank = new Map<number, number>();
  for (const r of district.rankHistory) if (!firstRank.has(r.employeeId)) firstRank.set(r.employeeId, r.golongan);
  const rows: SiasnRow[] = [];
  for (const e of district.employees) {
    if (!include(e)) continue;
    const unit = units.get(e.unitId)!;
    const root = units.get(unit.rootId)!;
    const levelOne = unit.depth >= 2 ? units.get(unit.parentId!)! : unit;
    const position = positions.get(e.positionId)!;
    const golongan = golonganByCode(e.golongan);
    const first = golonganByCode(firstRank.get(e.id) ?? e.golongan);
    const rng = new Random(e.id * 7919);
    const [agamaId, agama] = rng.pick(RELIGIONS);
    const row = {
      pns_id: e.siasnId, nip_baru: e.nip, nip_lama: e.nipLama ?? '', nama: e.name, gelar_depan: e.frontTitle ?? '', gelar_belakang: e.backTitle ?? '',
      tempat_lahir_id: '', tempat_lahir_nama: e.birthPlace, tanggal_lahir: siasnDate(e.birthDate), jenis_kelamin: e.gender === 'L' ? 'M' : 'F',
      agama_id: agamaId, agama_nama: agama, jenis_kawin_id: '2', jenis_kawin_nama: 'Menikah',
      nik: `32${String(10_000_000_000_000 + e.id * 7_654_321).slice(-14)}`, nomor_hp: e.phone ?? '', email: e.email ?? '', email_gov: '',
      alamat: `Jl. ${rng.pick(['Merdeka', 'Sudirman', 'Siliwangi', 'Pahlawan', 'Cendana'])} No. ${rng.int(1, 200)}, ${DISTRICT.capital}`,
      npwp_nomor: '', bpjs: '', jenis_pegawai_id: e.employmentType === 'PPPK' ? '71' : '4',
      jenis_pegawai_nama: e.employmentType === 'PPPK' ? 'PPPK' : 'PNS Daerah Kabupaten/Kota',
      kedudukan_hukum_id: KEDUDUKAN[e.status][0], kedudukan_hukum_nama: KEDUDUKAN[e.status][1],
      status_cpns_pns: e.employmentType === 'CPNS' ? 'C' : e.employmentType === 'PNS' ? 'P' : '',
      kartu_asn_virtual: '', nomor_sk_cpns: `813.2/${rng.int(100, 9999)}/BKD/${e.cpnsTmt.slice(0, 4)}`, tanggal_sk_cpns: siasnDate(addDays(e.cpnsTmt, -30)),
      tmt_cpns: siasnDate(e.cpnsTmt), nomor_sk_pns: e.pnsTmt ? `821.13/${rng.int(100, 9999)}/BKD/${e.pnsTmt.slice(0, 4)}` : '',
      tanggal_sk_pns: e.pnsTmt ? siasnDate(addDays(e.pnsTmt, -20)) : '', tmt_pns: siasnDate(e.pnsTmt),
      gol_awal_id: String(first?.code ?? ''), gol_awal_nama: first?.label ?? '', gol_akhir_id: String(e.golongan), gol_akhir_nama: golongan?.label ?? '',
      tmt_golongan: siasnDate(e.golonganTmt), mk_tahun: e.mkGolonganYears === null ? '' : String(e.mkGolonganYears), mk_bulan: e.mkGolonganMonths === null ? '' : String(e.mkGolonganMonths),
      jenis_jabatan_id: JENIS_JABATAN[position.kind][0], jenis_jabatan_nama: JENIS_JABATAN[position.kind][1],
      jabatan_id: position.code, jabatan_nama: position.name, tmt_jabatan: siasnDate(e.positionTmt),
      tingkat_pendidikan_id: e.educationLevel, tingkat_pendidikan_nama: EDUCATION_NAMES[e.educationLevel] ?? e.educationLevel,
      pendidikan_id: '', pendidikan_nama: e.educationMajor ?? '', tahun_lulus: String(e.educationYear), kpkn_id: '', kpkn_nama: '',
      lokasi_kerja_id: '', lokasi_kerja_nama: DISTRICT.capital, unor_id: unit.code, unor_nama: unit.name,
      instansi_induk_id: DEMO_INSTANSI.id, instansi_induk_nama: DEMO_INSTANSI.name,
      instansi_kerja_id: DEMO_INSTANSI.id, instansi_kerja_nama: DEMO_INSTANSI.name,
      satuan_kerja_induk_id: root.code, satuan_kerja_induk_nama: root.name, satuan_kerja_kerja_id: levelOne.code, satuan_kerja_kerja_nama: levelOne.name,
      is_valid_nik: 'true', nama_sekolah: e.educationInstitution ?? '', flag_ikd: '',
    } satisfies SiasnRow;
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// The other kinds, for the active employees of a district.

const RATINGS: Array<readonly [Rating, number]> = [['di_atas', 18], ['sesuai', 74], ['di_bawah', 8]];
const RATING_LABEL: Record<Rating, string> = { di_atas: 'Di Atas Ekspektasi', sesuai: 'Sesuai Ekspektasi', di_bawah: 'Di Bawah Ekspektasi' };

export function skpRows(district: DemoDistrict, year: number, seed = 1): Row[] {
  const rng = new Random(seed * 31 + year);
  return district.employees.filter((e) => e.status === 'active').map((e) => {
    const hasil = rng.weighted(RATINGS);
    const perilaku = rng.weighted(RATINGS);
    const predikat = PREDIKATS.find((p) => p.code === predikatFromRatings(hasil, perilaku))!.label;
    return { nip: e.nip, tahun: year, periode: 'Tahunan', hasil_kerja: RATING_LABEL[hasil], perilaku_kerja: RATING_LABEL[perilaku], predikat };
  });
}

export const COMPETENCY_CODES = ['M.01', 'M.02', 'M.03', 'M.04', 'M.05', 'M.06', 'M.07', 'M.08', 'SK.01'];

/** Wide form: one row per employee, a column per competency code. */
export function kompetensiRows(district: DemoDistrict, date: IsoDate, seed = 1, share = 0.3): Row[] {
  const rng = new Random(seed * 17 + 3);
  return district.employees.filter((e) => e.status === 'active' && rng.chance(share)).map((e) => {
    const row: Row = { nip: e.nip, tanggal: siasnDate(date), metode: rng.chance(0.7) ? 'Assessment Center' : 'Uji Kompetensi' };
    for (const code of COMPETENCY_CODES) row[code] = rng.int(1, 5);
    return row;
  });
}

export function potensiRows(district: DemoDistrict, date: IsoDate, seed = 1, share = 0.3): Row[] {
  const rng = new Random(seed * 13 + 5);
  return district.employees.filter((e) => e.status === 'active' && rng.chance(share)).map((e) => {
    const score = Math.round(rng.bell(78, 12, 40, 100) * 10) / 10;
    return { nip: e.nip, tanggal: siasnDate(date), potensi: score >= 90 ? 'Tinggi' : score >= 78 ? 'Menengah' : 'Rendah', nilai_potensi: score };
  });
}

const TRAININGS: Array<[string, string, number, number]> = [
  ['Bimbingan Teknis Penyusunan SKP', 'Bimtek', 24, 2_500_000], ['Pelatihan Kepemimpinan Pengawas', 'PKP', 255, 18_000_000],
  ['Workshop Manajemen Risiko', 'Workshop', 16, 1_750_000], ['E-Learning Etika ASN', 'E-Learning', 10, 0],
  ['Diklat Teknis Pengadaan Barang/Jasa', 'Teknis', 40, 4_000_000], ['Seminar Reformasi Birokrasi', 'Seminar', 8, 500_000],
];

export function diklatRows(district: DemoDistrict, year: number, seed = 1, share = 0.4): Row[] {
  const rng = new Random(seed * 11 + year);
  return district.employees.filter((e) => e.status === 'active' && rng.chance(share)).map((e) => {
    const [title, type, jp, cost] = rng.pick(TRAININGS);
    const start = `${year}-${String(rng.int(1, 11)).padStart(2, '0')}-${String(rng.int(1, 20)).padStart(2, '0')}`;
    return {
      nip: e.nip, nama_diklat: title, jenis: type, penyelenggara: rng.pick(['BPSDM Provinsi Jawa Barat', 'LAN RI', 'BKPSDM Kabupaten Sindangraja']),
      tanggal_mulai: siasnDate(start), tanggal_selesai: siasnDate(addDays(start, Math.max(1, Math.ceil(jp / 8)))), jp, biaya: cost,
      nomor_sertifikat: `STTPP/${year}/${String(e.id).padStart(6, '0')}`,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Writers

export interface DelimitedOptions {
  delimiter: '|' | ';' | ',';
  /** UTF-8 with a BOM (Excel's "CSV UTF-8"), without, or Windows-1252 (Excel's plain "CSV"). */
  encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  lineEnding?: '\n' | '\r\n';
  /** Lines above the header (report titles). */
  titleLines?: string[];
}

function quoteField(value: string, delimiter: string): string {
  return value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r') ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as delimited text; fields holding the separator, quotes or line breaks are quoted. */
export function delimitedBuffer(columns: readonly string[], rows: readonly Row[], options: DelimitedOptions): Buffer {
  const eol = options.lineEnding ?? '\r\n';
  const lines: string[] = [...(options.titleLines ?? [])];
  lines.push(columns.map((c) => quoteField(c, options.delimiter)).join(options.delimiter));
  for (const row of rows) lines.push(columns.map((c) => quoteField(row[c] === null || row[c] === undefined ? '' : String(row[c]), options.delimiter)).join(options.delimiter));
  const text = lines.join(eol) + eol;
  if (options.encoding === 'windows-1252') return Buffer.from(text, 'latin1');
  return Buffer.from((options.encoding === 'utf-8-bom' ? '\uFEFF' : '') + text, 'utf8');
}

export function writeDelimited(file: string, columns: readonly string[], rows: readonly Row[], options: DelimitedOptions): void {
  fs.writeFileSync(file, delimitedBuffer(columns, rows, options));
}

export interface XlsxSheet {
  name: string;
  columns: readonly string[];
  rows: readonly Row[];
  titleRows?: string[];
  /** Date columns (values "dd-mm-yyyy") written as real Excel dates (serials) instead of text. */
  excelDates?: readonly string[];
  /** Columns written as numbers (a NIP typed into Excel as a number loses its last digits). */
  numberColumns?: readonly string[];
}

/** An XLSX through exceljs's streaming writer. Text cells stay text; see XlsxSheet. */
export async function writeXlsx(file: string, sheets: XlsxSheet[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const title of sheet.titleRows ?? []) ws.addRow([title]).commit();
    ws.addRow([...sheet.columns]).commit();
    const dates = new Set(sheet.excelDates ?? []);
    const numbers = new Set(sheet.numberColumns ?? []);
    for (const row of sheet.rows) {
      const values = sheet.columns.map((c) => {
        const value = row[c];
        if (value === null || value === undefined || value === '') return null;
        if (dates.has(c)) {
          const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(String(value));
          const parts = m ? parseIsoDate(`${m[3]}-${m[2]}-${m[1]}`) : null;
          if (parts) return new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
        }
        if (numbers.has(c)) return Number(value);
        return typeof value === 'number' ? value : String(value);
      });
      const added = ws.addRow(values);
      sheet.columns.forEach((c, i) => {
        if (dates.has(c)) added.getCell(i + 1).numFmt = 'dd/mm/yyyy';
      });
      added.commit();
    }
    ws.commit();
  }
  await workbook.commit();
}

export const SIASN_HEADER: readonly string[] = SIASN_COLUMNS;
