import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { formatDateId } from '../format/id-format';
import type { ExportTable } from '../schemas/export';
import { defineReport, reportParam } from './define';

// Usulan Kenaikan Pangkat: the nominative list of one period (Pengembangan › Mutasi & Promosi): regular KP, KP
// pilihan of structural officials and penyesuaian ijazah, each with its kind and rule; then the blocked with their
// reasons.

const person = z.object({
  nip: z.string(),
  fullName: z.string(),
  golongan: z.string(),
  golonganTmt: z.string().nullable(),
  targetGolongan: z.string(),
  kind: z.string(),
  basis: z.string(),
  skp: z.string(),
  positionName: z.string().nullable(),
  unitName: z.string().nullable(),
  reasons: z.string(),
});
export type UsulanKenaikanPangkatPerson = z.infer<typeof person>;

export const usulanKenaikanPangkatData = z.object({
  unitName: z.string().nullable(),
  period: z.string(),
  eligible: z.array(person),
  blocked: z.array(person),
});
export type UsulanKenaikanPangkatData = z.infer<typeof usulanKenaikanPangkatData>;

const COLUMNS: ExportTable['columns'] = [
  { key: 'nip', header: 'NIP', type: 'text', width: 22 }, { key: 'fullName', header: 'Nama', type: 'text', width: 36 },
  { key: 'golongan', header: 'Pangkat/gol. lama', type: 'text', width: 24 }, { key: 'golonganTmt', header: 'TMT golongan', type: 'date' },
  { key: 'targetGolongan', header: 'Pangkat/gol. baru', type: 'text', width: 24 }, { key: 'kind', header: 'Jenis KP', type: 'text', width: 30 },
  { key: 'skp', header: 'Predikat SKP', type: 'text', width: 30 },
  { key: 'positionName', header: 'Jabatan', type: 'text', width: 40 }, { key: 'unitName', header: 'Unit kerja', type: 'text', width: 40 },
];

export const usulanKenaikanPangkatReport = defineReport({
  id: 'usulan-kenaikan-pangkat',
  title: 'Usulan Kenaikan Pangkat',
  summary: 'Daftar nominatif kenaikan pangkat satu periode: reguler, pilihan pejabat struktural dan penyesuaian ijazah, dan yang belum memenuhi syarat.',
  source: 'Pengembangan',
  params: z.object({
    period: z.string().trim().refine(isIsoDate, { message: 'Periode harus tanggal TMT berformat TTTT-BB-HH, misalnya 2026-12-01.' }).optional(),
    unit: reportParam.id('Unit kerja').optional(),
  }).strict(),
  fields: [
    { key: 'period', kind: 'text', label: 'Periode (TMT)', hint: 'TTTT-BB-HH; kosong: periode berikutnya' },
    { key: 'unit', kind: 'unit', label: 'Unit kerja', allLabel: 'Semua perangkat daerah' },
  ],
  data: usulanKenaikanPangkatData,
  tables(data): ExportTable[] {
    const scope = data.unitName ?? 'Semua perangkat daerah';
    return [
      { title: 'Usulan kenaikan pangkat', subtitle: [scope, `Periode ${formatDateId(data.period)}`], columns: [...COLUMNS, { key: 'basis', header: 'Dasar', type: 'text', width: 50 }], rows: data.eligible.map((p) => ({ ...p })) },
      { title: 'Belum memenuhi syarat', subtitle: [scope, `Periode ${formatDateId(data.period)}`], columns: [...COLUMNS, { key: 'reasons', header: 'Alasan', type: 'text', width: 60 }], rows: data.blocked.map((p) => ({ ...p })) },
    ];
  },
});
