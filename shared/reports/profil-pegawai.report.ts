import { z } from 'zod';
import { golonganWithPangkat } from '../domain/golongan';
import { positionLevelLabel } from '../domain/position';
import { employeeProfile, positionHistoryRow, rankHistoryRow } from '../schemas/employees';
import type { ExportTable } from '../schemas/export';
import { defineReport, reportContent, reportParam } from './define';

/**
 * The sections of the profile that other capabilities fill. Each has the schema of its data; `z.never()`
 * means "not built yet": its loader can only answer `unavailable` (or `empty`). A capability that lands
 * replaces its `z.never()` with its data schema, its loader in main/reports/loaders/profil-pegawai.loader.ts
 * and its view in renderer/src/print/profil-pegawai/sections.tsx; the compiler points at both.
 */
export const PROFILE_REPORT_SECTIONS = {
  kinerja: {
    title: 'Riwayat Kinerja (SKP)',
    data: z.object({
      /** Annual and periodic evaluations, newest first; a legacy score keeps its own sebutan. */
      evaluations: z.array(z.object({
        year: z.number().int(), period: z.string(), hasilKerja: z.string().nullable(), perilakuKerja: z.string().nullable(),
        predikat: z.string().nullable(), legacyScore: z.number().nullable(), legacyLabel: z.string().nullable(),
      })),
      warnings: z.array(z.string()),
    }),
  },
  kompetensi: {
    title: 'Profil Kompetensi',
    data: z.object({
      status: z.string(), jpm: z.number().nullable(), category: z.string().nullable(), selection: z.string().nullable(),
      assessedCount: z.number().int(), standardCount: z.number().int(),
      items: z.array(z.object({ code: z.string(), name: z.string(), required: z.number().int(), actual: z.number().int().nullable(), gap: z.number().int().nullable(), assessedOn: z.string().nullable() })),
    }),
  },
  diklat: {
    title: 'Pengembangan Kompetensi dan Diklat',
    data: z.object({
      target: z.number(),
      years: z.array(z.object({ year: z.number().int(), jp: z.number(), trainings: z.number().int(), meetsTarget: z.boolean() })),
      records: z.array(z.object({ title: z.string(), type: z.string(), provider: z.string().nullable(), startDate: z.string(), endDate: z.string(), jp: z.number() })),
    }),
  },
} as const;
export type ProfileSectionKey = keyof typeof PROFILE_REPORT_SECTIONS;
export const PROFILE_SECTION_KEYS = Object.keys(PROFILE_REPORT_SECTIONS) as ProfileSectionKey[];
export type ProfileSectionData<K extends ProfileSectionKey> = z.output<(typeof PROFILE_REPORT_SECTIONS)[K]['data']>;

export const profilPegawaiData = z.object({
  employee: employeeProfile,
  positions: z.array(positionHistoryRow),
  ranks: z.array(rankHistoryRow),
  sections: z.object({
    kinerja: reportContent(PROFILE_REPORT_SECTIONS.kinerja.data),
    kompetensi: reportContent(PROFILE_REPORT_SECTIONS.kompetensi.data),
    diklat: reportContent(PROFILE_REPORT_SECTIONS.diklat.data),
  }),
});
export type ProfilPegawaiData = z.infer<typeof profilPegawaiData>;

export const profilPegawaiReport = defineReport({
  id: 'profil-pegawai',
  title: 'Profil Pegawai',
  summary: 'Satu pegawai: identitas, riwayat jabatan dan pangkat, riwayat SKP, profil kompetensi dan diklat.',
  source: 'Pegawai',
  params: z.object({ nip: reportParam.nip('Pegawai') }).strict(),
  fields: [{ key: 'nip', kind: 'employee', label: 'Pegawai', required: true }],
  data: profilPegawaiData,
  tables(data): ExportTable[] {
    const e = data.employee;
    const subtitle = [`${e.fullName}, NIP ${e.nip}`];
    return [
      {
        title: 'Identitas pegawai',
        subtitle,
        columns: [{ key: 'label', header: 'Data', type: 'text', width: 28 }, { key: 'value', header: 'Isi', type: 'text', width: 60 }],
        rows: [
          ['Nama', e.fullName], ['NIP', e.nip], ['Tanggal lahir', e.birthDate], ['Jenis pegawai', e.employmentType],
          ['Pangkat, golongan', golonganWithPangkat(e.golongan)], ['TMT golongan', e.golonganTmt], ['Jabatan', e.position?.name ?? null],
          ['Jenjang jabatan', e.position ? positionLevelLabel(e.position.level) : null], ['TMT jabatan', e.positionTmt],
          ['Unit kerja', e.unit?.path.map((u) => u.name).join(' › ') ?? null], ['TMT pensiun', e.retirement.date],
        ].map(([label, value]) => ({ label, value })),
      },
      {
        title: 'Riwayat jabatan',
        subtitle,
        columns: [
          { key: 'tmt', header: 'TMT', type: 'date' }, { key: 'endDate', header: 'Sampai', type: 'date' },
          { key: 'positionName', header: 'Jabatan', type: 'text', width: 44 }, { key: 'level', header: 'Jenjang', type: 'text', width: 20 },
          { key: 'unitName', header: 'Unit kerja', type: 'text', width: 40 }, { key: 'skNumber', header: 'Nomor SK', type: 'text', width: 26 },
        ],
        rows: data.positions.map((p) => ({ tmt: p.tmt, endDate: p.endDate, positionName: p.positionName, level: positionLevelLabel(p.positionLevel), unitName: p.unitName, skNumber: p.skNumber })),
      },
      {
        title: 'Riwayat pangkat',
        subtitle,
        columns: [
          { key: 'tmt', header: 'TMT', type: 'date' }, { key: 'golongan', header: 'Pangkat, golongan', type: 'text', width: 34 },
          { key: 'kind', header: 'Jenis kenaikan', type: 'text', width: 28 }, { key: 'skNumber', header: 'Nomor SK', type: 'text', width: 26 },
        ],
        rows: data.ranks.map((r) => ({ tmt: r.tmt, golongan: golonganWithPangkat(r.golongan), kind: rankKindLabel(r.kind), skNumber: r.skNumber })),
      },
    ];
  },
});

const RANK_KIND_LABEL: Record<string, string> = {
  cpns: 'Pengangkatan CPNS', reguler: 'Kenaikan pangkat reguler', pilihan_struktural: 'KP pilihan (struktural)',
  pilihan_fungsional: 'KP pilihan (fungsional)', penyesuaian_ijazah: 'Penyesuaian ijazah', pppk: 'Pengangkatan PPPK', awal: 'Data awal',
};

export function rankKindLabel(kind: string | null): string {
  return kind ? RANK_KIND_LABEL[kind] ?? kind : '';
}
