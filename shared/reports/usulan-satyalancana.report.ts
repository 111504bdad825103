import { z } from 'zod';
import type { ExportTable } from '../schemas/export';
import { defineReport, reportParam } from './define';

// Usulan Satyalancana Karya Satya: who reaches 10, 20 or 30 years of service in the chosen year (Pengembangan ›
// Satyalancana), and who is blocked with the reason.

const person = z.object({
  nip: z.string(),
  fullName: z.string(),
  golongan: z.string().nullable(),
  positionName: z.string().nullable(),
  unitName: z.string().nullable(),
  cpnsTmt: z.string(),
  classLabel: z.string(),
  reachedOn: z.string(),
  /** The lower class proposed with it ("Satyalancana Karya Satya X Tahun"), or empty. */
  proposeWith: z.string(),
  reasons: z.string(),
});
export type UsulanSatyalancanaPerson = z.infer<typeof person>;

export const usulanSatyalancanaData = z.object({
  unitName: z.string().nullable(),
  year: z.number().int(),
  eligible: z.array(person),
  blocked: z.array(person),
});
export type UsulanSatyalancanaData = z.infer<typeof usulanSatyalancanaData>;

const COLUMNS: ExportTable['columns'] = [
  { key: 'nip', header: 'NIP', type: 'text', width: 22 }, { key: 'fullName', header: 'Nama', type: 'text', width: 36 },
  { key: 'golongan', header: 'Pangkat/gol.', type: 'text', width: 24 }, { key: 'cpnsTmt', header: 'TMT CPNS', type: 'date' },
  { key: 'classLabel', header: 'Tanda kehormatan', type: 'text', width: 34 }, { key: 'reachedOn', header: 'Masa kerja tercapai', type: 'date' },
  { key: 'positionName', header: 'Jabatan', type: 'text', width: 40 }, { key: 'unitName', header: 'Unit kerja', type: 'text', width: 40 },
];

export const usulanSatyalancanaReport = defineReport({
  id: 'usulan-satyalancana',
  title: 'Usulan Satyalancana Karya Satya',
  summary: 'PNS yang mencapai masa kerja 10, 20 atau 30 tahun pada tahun yang dipilih, dan yang terhalang.',
  source: 'Pengembangan',
  params: z.object({ year: reportParam.year('Tahun').optional(), unit: reportParam.id('Unit kerja').optional() }).strict(),
  fields: [
    { key: 'year', kind: 'year', label: 'Tahun', hint: 'Kosong: tahun ini' },
    { key: 'unit', kind: 'unit', label: 'Unit kerja', allLabel: 'Semua perangkat daerah' },
  ],
  data: usulanSatyalancanaData,
  tables(data): ExportTable[] {
    const scope = data.unitName ?? 'Semua perangkat daerah';
    return [
      { title: 'Usulan Satyalancana', subtitle: [scope, `Tahun ${data.year}`], columns: [...COLUMNS, { key: 'proposeWith', header: 'Diusulkan bersama', type: 'text', width: 34 }], rows: data.eligible.map((p) => ({ ...p })) },
      { title: 'Satyalancana terhalang', subtitle: [scope, `Tahun ${data.year}`], columns: [...COLUMNS, { key: 'reasons', header: 'Alasan', type: 'text', width: 50 }], rows: data.blocked.map((p) => ({ ...p })) },
    ];
  },
});
