import { z } from 'zod';
import type { ExportTable } from '../schemas/export';
import { defineReport, reportParam } from './define';

// Usulan Anggaran Pengembangan Kompetensi: the plan Rencana Anggaran proposes for a year under a budget (the
// default weights of Pengaturan, every OPD's ceiling of the year), per perangkat daerah and per activity, with
// the letterhead and the signature. The same plan the tab's "Susun skenario" gives for these parameters.

/** Rupiah as the form and the CLI give it: digits only (dots and "Rp" are refused rather than guessed at). */
const rupiahParam = (label: string) =>
  z.string().trim().regex(/^\d{1,13}$/, { message: `${label} harus rupiah tanpa titik, misalnya 250000000.` }).transform(Number);

const opdRow = z.object({ opdName: z.string(), ceiling: z.number().nullable(), cost: z.number(), needsTotal: z.number().int(), needsCovered: z.number().int() });
const itemRow = z.object({
  opdName: z.string(), title: z.string(), modeLabel: z.string(), needLabel: z.string(), priorityLabel: z.string(), classes: z.number().int(),
  participants: z.number().int(), jp: z.number(), classCost: z.number(), participantCost: z.number(), cost: z.number(),
});
export type UsulanAnggaranItem = z.infer<typeof itemRow>;
export type UsulanAnggaranOpd = z.infer<typeof opdRow>;

export const usulanAnggaranData = z.object({
  year: z.number().int(),
  budget: z.number(),
  /** Whether the budget is the sum of the OPD ceilings (no budget was given). */
  budgetFromCeilings: z.boolean(),
  unitName: z.string().nullable(),
  cost: z.number(),
  needsTotal: z.number().int(),
  needsCovered: z.number().int(),
  peopleReaching20Jp: z.number().int(),
  lowCostShare: z.number(),
  /** "Terbukti optimal" or how far from optimal the plan may be. */
  optimality: z.string(),
  /** The weights the plan used, as printed ("Pemenuhan 20 JP: bobot 3"). */
  weights: z.array(z.object({ label: z.string(), weight: z.number().int() })),
  notes: z.array(z.string()),
  opds: z.array(opdRow),
  items: z.array(itemRow),
});
export type UsulanAnggaranData = z.infer<typeof usulanAnggaranData>;

export const usulanAnggaranPengembanganReport = defineReport({
  id: 'usulan-anggaran-pengembangan',
  title: 'Usulan Anggaran Pengembangan Kompetensi',
  summary: 'Rencana pengembangan kompetensi tahunan dalam batas anggaran: biaya dan kebutuhan terpenuhi per perangkat daerah, rincian kegiatan.',
  source: 'Pengembangan',
  params: z.object({
    unit: reportParam.id('Unit kerja').optional(),
    year: reportParam.year('Tahun rencana').optional(),
    budget: rupiahParam('Anggaran').optional(),
  }).strict(),
  fields: [
    { key: 'unit', kind: 'unit', label: 'Unit kerja', allLabel: 'Semua perangkat daerah' },
    { key: 'year', kind: 'year', label: 'Tahun rencana', hint: 'Kosong: tahun depan' },
    { key: 'budget', kind: 'integer', label: 'Anggaran (Rp)', min: 0, max: 9_999_999_999_999, hint: 'Kosong: jumlah pagu perangkat daerah tahun itu' },
  ],
  data: usulanAnggaranData,
  tables(data): ExportTable[] {
    const scope = data.unitName ?? 'Semua perangkat daerah';
    const subtitle = [scope, `Tahun ${data.year}`];
    return [
      {
        title: 'Usulan per perangkat daerah', subtitle,
        columns: [
          { key: 'opdName', header: 'Perangkat daerah', type: 'text', width: 44 }, { key: 'ceiling', header: 'Pagu (Rp)', type: 'integer' },
          { key: 'cost', header: 'Usulan biaya (Rp)', type: 'integer' }, { key: 'needsTotal', header: 'Kebutuhan', type: 'integer' },
          { key: 'needsCovered', header: 'Kebutuhan terpenuhi', type: 'integer' },
        ],
        rows: data.opds.map((o) => ({ ...o })),
      },
      {
        title: 'Rincian kegiatan', subtitle,
        columns: [
          { key: 'opdName', header: 'Perangkat daerah', type: 'text', width: 40 }, { key: 'title', header: 'Kegiatan', type: 'text', width: 44 },
          { key: 'modeLabel', header: 'Moda', type: 'text', width: 22 }, { key: 'needLabel', header: 'Kebutuhan yang dijawab', type: 'text', width: 40 },
          { key: 'classes', header: 'Kelas', type: 'integer' }, { key: 'participants', header: 'Peserta', type: 'integer' },
          { key: 'jp', header: 'JP', type: 'number' }, { key: 'cost', header: 'Biaya (Rp)', type: 'integer' },
        ],
        rows: data.items.map((i) => ({ ...i })),
      },
    ];
  },
});
