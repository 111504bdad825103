import { z } from 'zod';
import type { ExportTable } from '../schemas/export';
import { defineReport, reportParam } from './define';

export const RETIREMENT_YEARS_DEFAULT = 5;

const retiree = z.object({
  year: z.number().int(),
  nip: z.string(),
  fullName: z.string(),
  positionName: z.string().nullable(),
  /** "Fungsional", "Pelaksana", … (POSITION_KINDS label). */
  positionKind: z.string(),
  golongan: z.string().nullable(),
  unitName: z.string().nullable(),
  /** The group the employee is counted in (OPD, or the sub-unit under the chosen unit). */
  groupName: z.string(),
  birthDate: z.string(),
  retirementDate: z.string(),
  bup: z.number().int(),
});
export type Retiree = z.infer<typeof retiree>;

export const proyeksiPensiunData = z.object({
  fromYear: z.number().int(),
  toYear: z.number().int(),
  years: z.array(z.number().int()),
  /** The chosen unit (its whole subtree is counted), or null for the whole district. */
  unitName: z.string().nullable(),
  /** Active employees in scope today: the base the shares are read against. */
  activeEmployees: z.number().int(),
  total: z.number().int(),
  /** Position kinds present, in POSITION_KINDS order (the stacks of the chart). */
  kinds: z.array(z.string()),
  byYear: z.array(z.object({ year: z.number().int(), total: z.number().int(), byKind: z.record(z.string(), z.number().int()) })),
  /** Per OPD (whole district) or per direct sub-unit (a chosen unit), counts per year in `years` order. */
  byGroup: z.array(z.object({ name: z.string(), counts: z.array(z.number().int()), total: z.number().int() })),
  groupLabel: z.string(),
  retirees: z.array(retiree),
});
export type ProyeksiPensiunData = z.infer<typeof proyeksiPensiunData>;

export const proyeksiPensiunReport = defineReport({
  id: 'proyeksi-pensiun',
  title: 'Proyeksi Pensiun',
  summary: 'Pegawai aktif yang mencapai batas usia pensiun per tahun dan unit kerja selama lima tahun, dengan nama.',
  source: 'Pegawai',
  params: z.object({
    unit: reportParam.id('Unit kerja').optional(),
    fromYear: reportParam.year('Tahun awal').optional(),
    years: reportParam.integer('Jumlah tahun', 1, 10).optional(),
  }).strict(),
  fields: [
    { key: 'unit', kind: 'unit', label: 'Unit kerja', allLabel: 'Semua perangkat daerah' },
    { key: 'fromYear', kind: 'year', label: 'Tahun awal', hint: 'Kosong: tahun depan' },
    { key: 'years', kind: 'integer', label: 'Jumlah tahun', min: 1, max: 10, hint: `Kosong: ${RETIREMENT_YEARS_DEFAULT}` },
  ],
  data: proyeksiPensiunData,
  tables(data): ExportTable[] {
    const scope = `${data.unitName ?? 'Semua perangkat daerah'}, ${data.fromYear}–${data.toYear}`;
    return [
      {
        title: 'Pensiun per tahun',
        subtitle: [scope, 'Pegawai aktif per jenis jabatan'],
        columns: [{ key: 'year', header: 'Tahun', type: 'text' }, ...data.kinds.map((k) => ({ key: `k_${k}`, header: k, type: 'integer' as const })), { key: 'total', header: 'Jumlah', type: 'integer' }],
        rows: data.byYear.map((y) => ({ year: String(y.year), total: y.total, ...Object.fromEntries(data.kinds.map((k) => [`k_${k}`, y.byKind[k] ?? 0])) })),
      },
      {
        title: `Pensiun per ${data.groupLabel.toLowerCase()}`,
        subtitle: [scope],
        columns: [{ key: 'name', header: data.groupLabel, type: 'text', width: 48 }, ...data.years.map((y) => ({ key: `y${y}`, header: String(y), type: 'integer' as const })), { key: 'total', header: 'Jumlah', type: 'integer' }],
        rows: data.byGroup.map((g) => ({ name: g.name, total: g.total, ...Object.fromEntries(data.years.map((y, i) => [`y${y}`, g.counts[i]])) })),
      },
      {
        title: 'Daftar pegawai yang pensiun',
        subtitle: [scope],
        columns: [
          { key: 'retirementDate', header: 'TMT pensiun', type: 'date' }, { key: 'nip', header: 'NIP', type: 'text', width: 22 },
          { key: 'fullName', header: 'Nama', type: 'text', width: 36 }, { key: 'golongan', header: 'Gol.', type: 'text' },
          { key: 'positionName', header: 'Jabatan', type: 'text', width: 40 }, { key: 'unitName', header: 'Unit kerja', type: 'text', width: 40 },
          { key: 'groupName', header: data.groupLabel, type: 'text', width: 40 }, { key: 'bup', header: 'BUP', type: 'integer' },
        ],
        rows: data.retirees.map((r) => ({
          retirementDate: r.retirementDate, nip: r.nip, fullName: r.fullName, golongan: r.golongan, positionName: r.positionName,
          unitName: r.unitName, groupName: r.groupName, bup: r.bup,
        })),
      },
    ];
  },
});
