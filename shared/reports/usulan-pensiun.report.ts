import { z } from 'zod';
import { RETIREMENT_NOTICE_MONTHS } from '../domain/retirement-watch';
import { formatDateId } from '../format/id-format';
import type { ExportTable } from '../schemas/export';
import { defineReport, reportParam } from './define';

const person = z.object({
  nip: z.string(),
  fullName: z.string(),
  birthDate: z.string(),
  golongan: z.string().nullable(),
  positionName: z.string().nullable(),
  unitName: z.string().nullable(),
  bup: z.number().int(),
  retirementDate: z.string(),
  /** Whole months from TMT pensiun to the report date (overdue) or from the report date to TMT pensiun (upcoming). */
  months: z.number().int(),
});
export type UsulanPensiunPerson = z.infer<typeof person>;

export const usulanPensiunData = z.object({
  unitName: z.string().nullable(),
  /** The last TMT pensiun on the upcoming list (the report date plus 12 months). */
  until: z.string(),
  /** Active employees whose TMT pensiun has passed: the pemberhentian is overdue. */
  overdue: z.array(person),
  /** Active employees whose TMT pensiun falls within the next 12 months, earliest first. */
  upcoming: z.array(person),
});
export type UsulanPensiunData = z.infer<typeof usulanPensiunData>;

const COLUMNS: ExportTable['columns'] = [
  { key: 'nip', header: 'NIP', type: 'text', width: 22 }, { key: 'fullName', header: 'Nama', type: 'text', width: 36 },
  { key: 'birthDate', header: 'Tanggal lahir', type: 'date' }, { key: 'golongan', header: 'Gol.', type: 'text' },
  { key: 'positionName', header: 'Jabatan', type: 'text', width: 40 }, { key: 'unitName', header: 'Unit kerja', type: 'text', width: 40 },
  { key: 'bup', header: 'BUP', type: 'integer' }, { key: 'retirementDate', header: 'TMT pensiun', type: 'date' },
];

export const usulanPensiunReport = defineReport({
  id: 'usulan-pensiun',
  title: 'Usulan Pensiun',
  summary: `Pegawai aktif yang sudah melewati TMT pensiun, dan yang mencapainya dalam ${RETIREMENT_NOTICE_MONTHS} bulan ke depan.`,
  source: 'Pegawai',
  params: z.object({ unit: reportParam.id('Unit kerja').optional() }).strict(),
  fields: [{ key: 'unit', kind: 'unit', label: 'Unit kerja', allLabel: 'Semua perangkat daerah' }],
  data: usulanPensiunData,
  tables(data): ExportTable[] {
    const scope = data.unitName ?? 'Semua perangkat daerah';
    const rows = (list: UsulanPensiunData['overdue']) => list.map((p) => ({ ...p }));
    return [
      {
        title: `TMT pensiun dalam ${RETIREMENT_NOTICE_MONTHS} bulan`,
        subtitle: [scope, `TMT pensiun sampai ${formatDateId(data.until)}`],
        columns: [...COLUMNS, { key: 'months', header: 'Bulan lagi', type: 'integer' }],
        rows: rows(data.upcoming),
      },
      {
        title: 'Sudah melewati TMT pensiun',
        subtitle: [scope, 'Masih tercatat aktif: pemberhentiannya belum dicatat'],
        columns: [...COLUMNS, { key: 'months', header: 'Lewat (bulan)', type: 'integer' }],
        rows: rows(data.overdue),
      },
    ];
  },
});
