import { z } from 'zod';
import { PREDIKATS, LEGACY_LABELS } from '../domain/skp';
import type { ExportTable } from '../schemas/export';
import { FOLLOW_UP_STATUSES } from '../schemas/performance';
import { defineReport, reportParam } from './define';

const counts = z.record(z.string(), z.number().int());
const person = z.object({ nip: z.string(), fullName: z.string(), positionName: z.string().nullable(), unitName: z.string().nullable() });

export const rekapKinerjaData = z.object({
  year: z.number().int(),
  unitName: z.string().nullable(),
  /** PP 46/2011 scores (years before 2022) are counted by their own sebutan, never as a 2022 predikat. */
  legacy: z.boolean(),
  /** Category code → count for `year`: predikat codes, or "legacy:<sebutan>". */
  counts,
  total: z.number().int(),
  /** The five years up to `year` that have annual SKP, oldest first. */
  trend: z.array(z.object({ year: z.number().int(), legacy: z.boolean(), counts, total: z.number().int() })),
  /** Sub-units of the chosen unit (or the perangkat daerah) for `year`. */
  units: z.array(z.object({ name: z.string(), counts, total: z.number().int() })),
  followUps: z.object({
    total: z.number().int(),
    rows: z.array(person.extend({ predikat: z.string(), followUpStatus: z.string().nullable() })),
  }),
  withoutSkp: z.object({ total: z.number().int(), active: z.number().int() }),
});
export type RekapKinerjaData = z.infer<typeof rekapKinerjaData>;

/** The categories of a year, in the order a reader expects: the five predikat, or the five sebutan. */
export function rekapCategories(legacy: boolean): Array<{ code: string; label: string }> {
  return legacy ? LEGACY_LABELS.map((l) => ({ code: `legacy:${l}`, label: l })) : PREDIKATS.map((p) => ({ code: p.code, label: p.label }));
}

export const followUpLabel = (code: string | null) => FOLLOW_UP_STATUSES.find((f) => f.code === (code ?? 'belum'))?.label ?? '';

export const rekapKinerjaReport = defineReport({
  id: 'rekap-kinerja',
  title: 'Rekap Kinerja',
  summary: 'Sebaran predikat kinerja (SKP) per tahun dan unit, dan daftar pegawai yang perlu tindak lanjut.',
  source: 'Kinerja',
  params: z.object({ unit: reportParam.id('Unit kerja').optional(), year: reportParam.year('Tahun').optional() }).strict(),
  fields: [
    { key: 'unit', kind: 'unit', label: 'Unit kerja', allLabel: 'Semua perangkat daerah' },
    { key: 'year', kind: 'year', label: 'Tahun', hint: 'Kosong: tahun terakhir yang ada SKP tahunan' },
  ],
  data: rekapKinerjaData,
  tables(data): ExportTable[] {
    const categories = rekapCategories(data.legacy);
    const scope = `${data.unitName ?? 'Semua perangkat daerah'}, ${data.year}`;
    const countColumns = categories.map((c) => ({ key: c.code, header: c.label, type: 'integer' as const }));
    return [
      {
        title: 'Predikat kinerja per unit', subtitle: [scope],
        columns: [{ key: 'name', header: 'Unit kerja', type: 'text', width: 48 }, ...countColumns, { key: 'total', header: 'Jumlah', type: 'integer' }],
        rows: data.units.map((u) => ({ name: u.name, total: u.total, ...Object.fromEntries(categories.map((c) => [c.code, u.counts[c.code] ?? 0])) })),
      },
      {
        title: 'Tren predikat per tahun', subtitle: [data.unitName ?? 'Semua perangkat daerah'],
        columns: [{ key: 'year', header: 'Tahun', type: 'text' }, { key: 'basis', header: 'Dasar', type: 'text', width: 30 },
          ...[...rekapCategories(false), ...rekapCategories(true)].map((c) => ({ key: c.code, header: c.label, type: 'integer' as const })), { key: 'total', header: 'Jumlah', type: 'integer' }],
        rows: data.trend.map((t) => ({ year: String(t.year), basis: t.legacy ? 'PP 46/2011 (nilai)' : 'PermenPANRB 6/2022 (predikat)', total: t.total, ...t.counts })),
      },
      {
        title: 'Pegawai yang perlu tindak lanjut', subtitle: [scope, 'Predikat Butuh Perbaikan atau lebih rendah'],
        columns: [{ key: 'nip', header: 'NIP', type: 'text', width: 22 }, { key: 'fullName', header: 'Nama', type: 'text', width: 36 },
          { key: 'positionName', header: 'Jabatan', type: 'text', width: 40 }, { key: 'unitName', header: 'Unit kerja', type: 'text', width: 40 },
          { key: 'predikat', header: 'Predikat', type: 'text' }, { key: 'followUp', header: 'Tindak lanjut', type: 'text', width: 24 }],
        rows: data.followUps.rows.map((r) => ({ ...r, predikat: PREDIKATS.find((p) => p.code === r.predikat)?.label ?? r.predikat, followUp: followUpLabel(r.followUpStatus) })),
      },
    ];
  },
});
