import { z } from 'zod';
import type { ExportTable } from '../schemas/export';
import { defineReport, reportParam } from './define';

const jpmCounts = z.object({ optimal: z.number().int(), cukup: z.number().int(), kurang: z.number().int() });

export const petaKompetensiData = z.object({
  unitName: z.string().nullable(),
  competencies: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Sub-units of the chosen unit (or the perangkat daerah); cells in `competencies` order. */
  rows: z.array(z.object({
    name: z.string(),
    activeEmployees: z.number().int(),
    withoutStandard: z.number().int(),
    notAssessed: z.number().int(),
    partial: z.number().int(),
    complete: z.number().int(),
    averageJpm: z.number().nullable(),
    /** Average actual − required over the assessed (null: nobody assessed), and how many were assessed. */
    cells: z.array(z.object({ averageGap: z.number().nullable(), assessed: z.number().int(), below: z.number().int() })),
    jpm: jpmCounts,
  })),
  totals: z.object({ activeEmployees: z.number().int(), withoutStandard: z.number().int(), notAssessed: z.number().int(), partial: z.number().int(), complete: z.number().int() }),
  jpm: jpmCounts,
  /** Per competency over the whole scope: who is below the standard, largest share first. */
  gaps: z.array(z.object({ code: z.string(), name: z.string(), assessed: z.number().int(), below: z.number().int(), averageGap: z.number().nullable() })),
});
export type PetaKompetensiData = z.infer<typeof petaKompetensiData>;

export const JPM_CATEGORY_LABELS = { optimal: 'Optimal (≥ 90)', cukup: 'Cukup Optimal (78–< 90)', kurang: 'Kurang Optimal (< 78)' } as const;

export const petaKompetensiReport = defineReport({
  id: 'peta-kompetensi',
  title: 'Peta Kompetensi Unit',
  summary: 'Peta panas kesenjangan unit × kompetensi, sebaran Job-Person Match dan kesenjangan terbesar.',
  source: 'Peta Kompetensi',
  params: z.object({ unit: reportParam.id('Unit kerja').optional() }).strict(),
  fields: [{ key: 'unit', kind: 'unit', label: 'Unit kerja', allLabel: 'Semua perangkat daerah' }],
  data: petaKompetensiData,
  tables(data): ExportTable[] {
    const scope = data.unitName ?? 'Semua perangkat daerah';
    return [
      {
        title: 'Rata-rata kesenjangan unit × kompetensi', subtitle: [scope, 'Capaian − standar; kosong = belum ada yang diasesmen'],
        columns: [{ key: 'name', header: 'Unit kerja', type: 'text', width: 44 }, ...data.competencies.map((c) => ({ key: c.code, header: c.code, type: 'number' as const })),
          { key: 'complete', header: 'Diasesmen lengkap', type: 'integer' }, { key: 'notAssessed', header: 'Belum diasesmen', type: 'integer' }, { key: 'averageJpm', header: 'Rata-rata JPM', type: 'number' }],
        rows: data.rows.map((r) => ({ name: r.name, complete: r.complete, notAssessed: r.notAssessed + r.partial, averageJpm: r.averageJpm,
          ...Object.fromEntries(data.competencies.map((c, i) => [c.code, r.cells[i]?.averageGap ?? null])) })),
      },
      {
        title: 'Sebaran JPM per unit', subtitle: [scope],
        columns: [{ key: 'name', header: 'Unit kerja', type: 'text', width: 44 }, { key: 'optimal', header: JPM_CATEGORY_LABELS.optimal, type: 'integer' },
          { key: 'cukup', header: JPM_CATEGORY_LABELS.cukup, type: 'integer' }, { key: 'kurang', header: JPM_CATEGORY_LABELS.kurang, type: 'integer' }],
        rows: data.rows.map((r) => ({ name: r.name, ...r.jpm })),
      },
      {
        title: 'Kesenjangan per kompetensi', subtitle: [scope],
        columns: [{ key: 'code', header: 'Kode', type: 'text' }, { key: 'name', header: 'Kompetensi', type: 'text', width: 36 }, { key: 'assessed', header: 'Diasesmen', type: 'integer' },
          { key: 'below', header: 'Di bawah standar', type: 'integer' }, { key: 'averageGap', header: 'Rata-rata kesenjangan', type: 'number' }],
        rows: data.gaps,
      },
    ];
  },
});
