import { z } from 'zod';
import type { ExportTable } from '../schemas/export';
import { defineReport, reportParam } from './define';

const dukRow = z.object({
  rank: z.number().int(),
  nip: z.string(),
  fullName: z.string(),
  birthPlace: z.string().nullable(),
  birthDate: z.string(),
  ageYears: z.number().int(),
  /** "III/c" and "Penata". */
  golongan: z.string().nullable(),
  pangkat: z.string().nullable(),
  golonganTmt: z.string().nullable(),
  positionName: z.string().nullable(),
  positionLevel: z.string().nullable(),
  positionTmt: z.string().nullable(),
  unitName: z.string().nullable(),
  /** Masa kerja from TMT CPNS to the report date; null without TMT CPNS. */
  serviceYears: z.number().int().nullable(),
  serviceMonths: z.number().int().nullable(),
  /** The highest leadership training on record ("PKA"), with its year; null when none is recorded. */
  leadershipTraining: z.string().nullable(),
  leadershipYear: z.number().int().nullable(),
  education: z.string().nullable(),
  educationYear: z.number().int().nullable(),
  /** Which criterion puts this person after the one above ("Pangkat", "Masa kerja"…); null for the first. */
  decidedBy: z.string().nullable(),
});
export type DukRow = z.infer<typeof dukRow>;

export const dukData = z.object({
  unitName: z.string().nullable(),
  rows: z.array(dukRow),
  /** What the data cannot tell, counted, so the printed order is read with it in mind. */
  missing: z.object({ leadership: z.number().int(), golonganTmt: z.number().int(), cpnsTmt: z.number().int(), education: z.number().int(), position: z.number().int() }),
});
export type DukData = z.infer<typeof dukData>;

export const dukReport = defineReport({
  id: 'duk',
  title: 'Daftar Urut Kepangkatan',
  summary: 'PNS dan CPNS aktif satu unit kerja diurutkan menurut PP 15/1979: pangkat, jabatan, masa kerja, latihan jabatan, pendidikan, usia.',
  source: 'Pegawai',
  params: z.object({ unit: reportParam.unitOrAll('Unit kerja') }).strict(),
  fields: [{ key: 'unit', kind: 'unit', label: 'Unit kerja', allLabel: 'Semua perangkat daerah', required: true }],
  data: dukData,
  tables(data): ExportTable[] {
    return [{
      title: 'Daftar Urut Kepangkatan',
      subtitle: [data.unitName ?? 'Semua perangkat daerah', 'Urutan PP 15/1979: pangkat, jabatan, masa kerja, latihan jabatan, pendidikan, usia'],
      columns: [
        { key: 'rank', header: 'No. urut', type: 'integer' }, { key: 'nip', header: 'NIP', type: 'text', width: 22 },
        { key: 'fullName', header: 'Nama', type: 'text', width: 36 }, { key: 'birthPlace', header: 'Tempat lahir', type: 'text' },
        { key: 'birthDate', header: 'Tanggal lahir', type: 'date' }, { key: 'golongan', header: 'Gol.', type: 'text' },
        { key: 'pangkat', header: 'Pangkat', type: 'text', width: 24 }, { key: 'golonganTmt', header: 'TMT golongan', type: 'date' },
        { key: 'positionName', header: 'Jabatan', type: 'text', width: 40 }, { key: 'positionTmt', header: 'TMT jabatan', type: 'date' },
        { key: 'unitName', header: 'Unit kerja', type: 'text', width: 40 },
        { key: 'serviceYears', header: 'Masa kerja (tahun)', type: 'integer' }, { key: 'serviceMonths', header: 'Masa kerja (bulan)', type: 'integer' },
        { key: 'leadershipTraining', header: 'Latihan jabatan', type: 'text', width: 20 }, { key: 'leadershipYear', header: 'Tahun latihan', type: 'text' },
        { key: 'education', header: 'Pendidikan', type: 'text' }, { key: 'educationYear', header: 'Tahun lulus', type: 'text' },
        { key: 'ageYears', header: 'Usia (tahun)', type: 'integer' }, { key: 'decidedBy', header: 'Urutan ditentukan oleh', type: 'text', width: 20 },
      ],
      rows: data.rows.map((r) => ({
        ...r,
        leadershipYear: r.leadershipYear === null ? null : String(r.leadershipYear),
        educationYear: r.educationYear === null ? null : String(r.educationYear),
      })),
    }];
  },
});
