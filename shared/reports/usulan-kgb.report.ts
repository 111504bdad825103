import { z } from 'zod';
import { formatYearMonthId } from '../format/id-format';
import type { ExportTable } from '../schemas/export';
import { defineReport, reportParam } from './define';

// Usulan Kenaikan Gaji Berkala: the KGB falling due in the chosen months (Pengembangan › KGB), the due grouped by
// perangkat daerah and the held back with their reasons.

const month = (label: string) =>
  z.string().trim().regex(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/, { message: `${label} harus bulan berformat TTTT-BB, misalnya 2026-12.` });

const person = z.object({
  nip: z.string(),
  fullName: z.string(),
  golongan: z.string(),
  positionName: z.string().nullable(),
  unitName: z.string().nullable(),
  opdName: z.string().nullable(),
  /** "KGB terakhir TMT 1 Desember 2024 (masa kerja golongan 14 tahun 0 bulan)". */
  basis: z.string(),
  dueDate: z.string(),
  mkgYearsAtDue: z.number().int(),
  reasons: z.string(),
});
export type UsulanKgbPerson = z.infer<typeof person>;

export const usulanKgbData = z.object({
  unitName: z.string().nullable(),
  fromMonth: z.string(),
  toMonth: z.string(),
  due: z.array(person),
  blocked: z.array(person),
});
export type UsulanKgbData = z.infer<typeof usulanKgbData>;

export const kgbMonthsText = (fromMonth: string, toMonth: string) =>
  (fromMonth === toMonth ? formatYearMonthId(fromMonth) : `${formatYearMonthId(fromMonth)} s.d. ${formatYearMonthId(toMonth)}`);

const COLUMNS: ExportTable['columns'] = [
  { key: 'nip', header: 'NIP', type: 'text', width: 22 }, { key: 'fullName', header: 'Nama', type: 'text', width: 36 },
  { key: 'golongan', header: 'Pangkat/gol.', type: 'text', width: 24 }, { key: 'basis', header: 'Dasar', type: 'text', width: 50 },
  { key: 'dueDate', header: 'TMT KGB', type: 'date' }, { key: 'mkgYearsAtDue', header: 'MKG baru (tahun)', type: 'integer' },
  { key: 'positionName', header: 'Jabatan', type: 'text', width: 40 }, { key: 'unitName', header: 'Unit kerja', type: 'text', width: 40 },
];

export const usulanKgbReport = defineReport({
  id: 'usulan-kgb',
  title: 'Usulan Kenaikan Gaji Berkala',
  summary: 'PNS yang jatuh tempo kenaikan gaji berkala pada bulan yang dipilih, per perangkat daerah, dan yang belum memenuhi syarat.',
  source: 'Pengembangan',
  params: z.object({ fromMonth: month('Dari bulan').optional(), toMonth: month('Sampai bulan').optional(), unit: reportParam.id('Unit kerja').optional() }).strict(),
  fields: [
    { key: 'fromMonth', kind: 'text', label: 'Dari bulan', hint: 'TTTT-BB; kosong: bulan ini' },
    { key: 'toMonth', kind: 'text', label: 'Sampai bulan', hint: 'TTTT-BB; kosong: dua bulan sesudahnya' },
    { key: 'unit', kind: 'unit', label: 'Unit kerja', allLabel: 'Semua perangkat daerah' },
  ],
  data: usulanKgbData,
  tables(data): ExportTable[] {
    const scope = data.unitName ?? 'Semua perangkat daerah';
    const months = kgbMonthsText(data.fromMonth, data.toMonth);
    return [
      { title: 'Usulan KGB', subtitle: [scope, months], columns: [...COLUMNS, { key: 'opdName', header: 'Perangkat daerah', type: 'text', width: 40 }], rows: data.due.map((p) => ({ ...p })) },
      { title: 'KGB belum memenuhi syarat', subtitle: [scope, months], columns: [...COLUMNS, { key: 'reasons', header: 'Alasan', type: 'text', width: 50 }], rows: data.blocked.map((p) => ({ ...p })) },
    ];
  },
});
