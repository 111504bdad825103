import { z } from 'zod';
import type { ExportTable } from '../schemas/export';
import { defineReport, reportParam } from './define';

const bench = z.object({ siap_sekarang: z.number().int(), siap_1_2_tahun: z.number().int(), siap_lebih_2_tahun: z.number().int() });

export const rencanaSuksesiData = z.object({
  unitName: z.string().nullable(),
  readinessLabels: z.object({ siap_sekarang: z.string(), siap_1_2_tahun: z.string(), siap_lebih_2_tahun: z.string() }),
  riskRule: z.array(z.string()),
  totals: z.object({ keyPositions: z.number().int(), vacantNow: z.number().int(), tinggi: z.number().int(), sedang: z.number().int(), rendah: z.number().int(), withReadyNow: z.number().int(), withPlan: z.number().int() }),
  /** Key positions whose incumbent retires in each calendar year (this year first). */
  timeline: z.array(z.object({ year: z.number().int(), count: z.number().int(), tinggi: z.number().int(), sedang: z.number().int(), rendah: z.number().int() })),
  positions: z.array(z.object({
    positionId: z.number().int(),
    name: z.string(),
    unitName: z.string().nullable(),
    incumbent: z.string().nullable(),
    retirementDate: z.string().nullable(),
    vacantNow: z.boolean(),
    risk: z.string(),
    riskReason: z.string(),
    bench,
    candidates: z.array(z.object({ rank: z.number().int(), nip: z.string(), fullName: z.string(), positionName: z.string().nullable(), readiness: z.string(), notes: z.string().nullable() })),
  })),
  overReliance: z.array(z.object({ nip: z.string(), fullName: z.string(), planCount: z.number().int(), positions: z.array(z.string()) })),
});
export type RencanaSuksesiData = z.infer<typeof rencanaSuksesiData>;

export const RISK_LABELS: Record<string, string> = { tinggi: 'Tinggi', sedang: 'Sedang', rendah: 'Rendah' };

export const rencanaSuksesiReport = defineReport({
  id: 'rencana-suksesi',
  title: 'Rencana Suksesi',
  summary: 'Jabatan kritikal, risiko kekosongan, kandidat pengganti dan kesiapannya.',
  source: 'Suksesi',
  params: z.object({ unit: reportParam.id('Unit kerja').optional() }).strict(),
  fields: [{ key: 'unit', kind: 'unit', label: 'Unit kerja', allLabel: 'Semua perangkat daerah' }],
  data: rencanaSuksesiData,
  tables(data): ExportTable[] {
    const scope = data.unitName ?? 'Semua perangkat daerah';
    return [
      {
        title: 'Jabatan kritikal', subtitle: [scope],
        columns: [{ key: 'name', header: 'Jabatan', type: 'text', width: 44 }, { key: 'unitName', header: 'Unit kerja', type: 'text', width: 36 },
          { key: 'incumbent', header: 'Pemangku', type: 'text', width: 30 }, { key: 'retirementDate', header: 'TMT pensiun', type: 'date' },
          { key: 'risk', header: 'Risiko', type: 'text' }, { key: 'riskReason', header: 'Alasan', type: 'text', width: 50 },
          { key: 'ready', header: data.readinessLabels.siap_sekarang, type: 'integer' }, { key: 'soon', header: data.readinessLabels.siap_1_2_tahun, type: 'integer' },
          { key: 'later', header: data.readinessLabels.siap_lebih_2_tahun, type: 'integer' }],
        rows: data.positions.map((p) => ({ name: p.name, unitName: p.unitName, incumbent: p.vacantNow ? 'Kosong' : p.incumbent, retirementDate: p.retirementDate,
          risk: RISK_LABELS[p.risk] ?? p.risk, riskReason: p.riskReason, ready: p.bench.siap_sekarang, soon: p.bench.siap_1_2_tahun, later: p.bench.siap_lebih_2_tahun })),
      },
      {
        title: 'Kandidat pengganti', subtitle: [scope],
        columns: [{ key: 'position', header: 'Jabatan kritikal', type: 'text', width: 44 }, { key: 'rank', header: 'Urutan', type: 'integer' },
          { key: 'nip', header: 'NIP', type: 'text', width: 22 }, { key: 'fullName', header: 'Nama', type: 'text', width: 32 },
          { key: 'positionName', header: 'Jabatan sekarang', type: 'text', width: 40 }, { key: 'readiness', header: 'Kesiapan', type: 'text', width: 20 },
          { key: 'notes', header: 'Catatan', type: 'text', width: 40 }],
        rows: data.positions.flatMap((p) => p.candidates.map((c) => ({ position: p.name, ...c, readiness: data.readinessLabels[c.readiness as keyof typeof data.readinessLabels] ?? c.readiness }))),
      },
    ];
  },
});
