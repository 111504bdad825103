import { z } from 'zod';
import { EMPLOYEE_STATUS_CODES, EMPLOYEE_STATUSES, EMPLOYMENT_TYPE_CODES, EMPLOYMENT_TYPES } from '../domain/employee-status';
import { ALL_GOLONGAN } from '../domain/golongan';
import { POSITION_KIND_CODES, POSITION_KINDS } from '../domain/position';
import { RETIREMENT_WATCH, RETIREMENT_WATCH_CODES } from '../domain/retirement-watch';
import type { ExportTable } from '../schemas/export';
import { defineReport, reportParam } from './define';

/** `status`: absent means Aktif (what a daftar nominatif lists); this value lists every status. */
export const ALL_STATUSES = 'semua';

const nominativeRow = z.object({
  nip: z.string(),
  fullName: z.string(),
  birthPlace: z.string().nullable(),
  birthDate: z.string(),
  /** "L" / "P" as printed in a daftar nominatif. */
  gender: z.string(),
  employmentType: z.string(),
  golongan: z.string().nullable(),
  pangkat: z.string().nullable(),
  golonganTmt: z.string().nullable(),
  positionName: z.string().nullable(),
  positionTmt: z.string().nullable(),
  unitName: z.string().nullable(),
  opdName: z.string().nullable(),
  education: z.string().nullable(),
  educationMajor: z.string().nullable(),
  educationYear: z.number().int().nullable(),
  status: z.string(),
  retirementDate: z.string().nullable(),
});
export type NominativeRow = z.infer<typeof nominativeRow>;

export const daftarNominatifData = z.object({
  unitName: z.string().nullable(),
  /** The filters besides the unit, in words ("Golongan: III/c"), printed under the title. */
  filters: z.array(z.string()),
  rows: z.array(nominativeRow),
});
export type DaftarNominatifData = z.infer<typeof daftarNominatifData>;

export const daftarNominatifReport = defineReport({
  id: 'daftar-nominatif',
  title: 'Daftar Nominatif Pegawai',
  summary: 'Pegawai satu unit kerja (atau daftar Pegawai dengan filternya) dengan TTL, pangkat, jabatan, pendidikan dan TMT pensiun.',
  source: 'Pegawai',
  params: z.object({
    unit: reportParam.unitOrAll('Unit kerja'),
    golongan: z.string().trim().regex(/^\d{2,3}$/, { message: 'Golongan harus kode golongan (mis. 33 untuk III/c).' }).transform(Number)
      .refine((code) => ALL_GOLONGAN.some((g) => g.code === code), { message: 'Golongan tidak dikenal.' }).optional(),
    jenis: reportParam.oneOf('Jenis jabatan', POSITION_KIND_CODES, POSITION_KINDS.map((k) => k.label)).optional(),
    status: reportParam.oneOf('Status', [...EMPLOYEE_STATUS_CODES, ALL_STATUSES] as [string, ...string[]], [...EMPLOYEE_STATUSES.map((s) => s.label), 'semua']).optional(),
    jenisPegawai: reportParam.oneOf('Jenis pegawai', EMPLOYMENT_TYPE_CODES, EMPLOYMENT_TYPES.map((t) => t.label)).optional(),
    pensiun: reportParam.oneOf('Pensiun', RETIREMENT_WATCH_CODES, RETIREMENT_WATCH.map((w) => w.label)).optional(),
    cari: reportParam.text('Pencarian', 100).optional(),
  }).strict(),
  fields: [
    { key: 'unit', kind: 'unit', label: 'Unit kerja', allLabel: 'Semua perangkat daerah', required: true },
    { key: 'golongan', kind: 'select', label: 'Golongan', options: [{ value: '', label: 'Semua golongan' }, ...ALL_GOLONGAN.map((g) => ({ value: String(g.code), label: g.scheme === 'pppk' ? `PPPK ${g.label}` : g.label }))] },
    { key: 'jenis', kind: 'select', label: 'Jenis jabatan', options: [{ value: '', label: 'Semua jenis jabatan' }, ...POSITION_KINDS.map((k) => ({ value: k.code, label: k.label }))] },
    { key: 'status', kind: 'select', label: 'Status', options: [{ value: '', label: 'Aktif' }, ...EMPLOYEE_STATUSES.filter((s) => s.code !== 'active').map((s) => ({ value: s.code, label: s.label })), { value: ALL_STATUSES, label: 'Semua status' }] },
    { key: 'jenisPegawai', kind: 'select', label: 'Jenis pegawai', options: [{ value: '', label: 'PNS, CPNS dan PPPK' }, ...EMPLOYMENT_TYPES.map((t) => ({ value: t.code, label: t.label }))] },
    { key: 'pensiun', kind: 'select', label: 'Pensiun', options: [{ value: '', label: 'Semua' }, ...RETIREMENT_WATCH.map((w) => ({ value: w.code, label: w.label }))] },
    { key: 'cari', kind: 'text', label: 'Cari NIP atau nama', hint: 'Kosong: semua' },
  ],
  data: daftarNominatifData,
  tables(data): ExportTable[] {
    return [{
      title: 'Daftar Nominatif Pegawai',
      subtitle: [data.unitName ?? 'Semua perangkat daerah', ...data.filters],
      columns: [
        { key: 'no', header: 'No.', type: 'integer' }, { key: 'nip', header: 'NIP', type: 'text', width: 22 },
        { key: 'fullName', header: 'Nama', type: 'text', width: 36 }, { key: 'birthPlace', header: 'Tempat lahir', type: 'text' },
        { key: 'birthDate', header: 'Tanggal lahir', type: 'date' }, { key: 'gender', header: 'L/P', type: 'text' },
        { key: 'employmentType', header: 'Jenis pegawai', type: 'text' }, { key: 'golongan', header: 'Gol.', type: 'text' },
        { key: 'pangkat', header: 'Pangkat', type: 'text', width: 24 }, { key: 'golonganTmt', header: 'TMT golongan', type: 'date' },
        { key: 'positionName', header: 'Jabatan', type: 'text', width: 40 }, { key: 'positionTmt', header: 'TMT jabatan', type: 'date' },
        { key: 'unitName', header: 'Unit kerja', type: 'text', width: 40 }, { key: 'opdName', header: 'Perangkat daerah', type: 'text', width: 40 },
        { key: 'education', header: 'Pendidikan', type: 'text' }, { key: 'educationMajor', header: 'Jurusan', type: 'text', width: 30 },
        { key: 'educationYear', header: 'Tahun lulus', type: 'text' }, { key: 'status', header: 'Status', type: 'text' },
        { key: 'retirementDate', header: 'TMT pensiun', type: 'date' },
      ],
      rows: data.rows.map((r, i) => ({ ...r, no: i + 1, educationYear: r.educationYear === null ? null : String(r.educationYear) })),
    }];
  },
});

