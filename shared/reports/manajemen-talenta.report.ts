import { z } from 'zod';
import type { ExportTable } from '../schemas/export';
import { defineReport, reportParam } from './define';

const person = z.object({ nip: z.string(), fullName: z.string(), positionName: z.string().nullable(), unitName: z.string().nullable() });

export const manajemenTalentaData = z.object({
  year: z.number().int(),
  unitName: z.string().nullable(),
  numbering: z.enum(['permenpanrb', 'kemenkeu']),
  population: z.number().int(),
  placed: z.number().int(),
  unplaced: z.object({ count: z.number().int(), missingKinerja: z.number().int(), missingPotensi: z.number().int() }),
  boxes: z.array(z.object({
    box: z.number().int(),
    kinerja: z.string(),
    potensi: z.string(),
    name: z.string(),
    recommendation: z.string(),
    inPool: z.boolean(),
    computed: z.number().int(),
    /** After the calibrations of the year's Komite Talenta sessions. */
    final: z.number().int(),
    /** The first names of the box (final placement), by name. */
    people: z.array(z.string()),
  })),
  sessions: z.array(z.object({ name: z.string(), status: z.string(), fixedBy: z.string().nullable(), fixedAt: z.string().nullable(), calibrations: z.number().int() })),
  pool: z.object({ total: z.number().int(), rows: z.array(person.extend({ box: z.number().int(), calibrated: z.boolean() })) }),
});
export type ManajemenTalentaData = z.infer<typeof manajemenTalentaData>;

export const manajemenTalentaReport = defineReport({
  id: 'manajemen-talenta',
  title: 'Manajemen Talenta',
  summary: 'Kotak 9 (kinerja × potensial) dengan jumlah dan nama per kotak, dan kelompok rencana suksesi.',
  source: 'Manajemen Talenta',
  params: z.object({ unit: reportParam.id('Unit kerja').optional(), year: reportParam.year('Tahun').optional() }).strict(),
  fields: [
    { key: 'unit', kind: 'unit', label: 'Unit kerja', allLabel: 'Semua perangkat daerah' },
    { key: 'year', kind: 'year', label: 'Tahun', hint: 'Kosong: tahun terakhir yang ada SKP tahunan' },
  ],
  data: manajemenTalentaData,
  tables(data): ExportTable[] {
    const scope = `${data.unitName ?? 'Semua perangkat daerah'}, ${data.year}`;
    return [
      {
        title: 'Kotak 9', subtitle: [scope],
        columns: [{ key: 'box', header: 'Kotak', type: 'integer' }, { key: 'name', header: 'Nama kotak', type: 'text', width: 30 },
          { key: 'computed', header: 'Hasil perhitungan', type: 'integer' }, { key: 'final', header: 'Setelah kalibrasi', type: 'integer' },
          { key: 'recommendation', header: 'Rekomendasi', type: 'text', width: 60 }],
        rows: data.boxes.map((b) => ({ box: b.box, name: b.name, computed: b.computed, final: b.final, recommendation: b.recommendation })),
      },
      {
        title: 'Kelompok rencana suksesi', subtitle: [scope],
        columns: [{ key: 'nip', header: 'NIP', type: 'text', width: 22 }, { key: 'fullName', header: 'Nama', type: 'text', width: 36 },
          { key: 'positionName', header: 'Jabatan', type: 'text', width: 40 }, { key: 'unitName', header: 'Unit kerja', type: 'text', width: 40 },
          { key: 'box', header: 'Kotak', type: 'integer' }],
        rows: data.pool.rows.map((r) => ({ nip: r.nip, fullName: r.fullName, positionName: r.positionName, unitName: r.unitName, box: r.box })),
      },
    ];
  },
});
