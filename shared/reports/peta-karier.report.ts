import { z } from 'zod';
import { formatDateId } from '../format/id-format';
import { peta } from '../schemas/career-paths';
import type { ExportTable } from '../schemas/export';
import { defineReport, reportParam } from './define';

const MET_TEXT = { yes: 'Terpenuhi', no: 'Belum terpenuhi', unknown: 'Belum diketahui' } as const;

/** "Terpenuhi" / "Belum terpenuhi" / "Belum diketahui" of one requirement check. */
export function metText(met: boolean | null): string {
  return MET_TEXT[met === true ? 'yes' : met === false ? 'no' : 'unknown'];
}

/** One employee's Peta Karier as the profile tab shows it (CareerPathService.employee, the same call). */
export const petaKarierData = z.object({ nip: z.string(), peta });
export type PetaKarierData = z.infer<typeof petaKarierData>;

export const petaKarierReport = defineReport({
  id: 'peta-karier',
  title: 'Peta Karier',
  summary: 'Satu pegawai: posisinya dalam pola karier, setiap langkah berikutnya dengan syaratnya, dan jabatan tujuan yang kosong atau akan kosong.',
  source: 'Peta Karier',
  params: z.object({ nip: reportParam.nip('Pegawai') }).strict(),
  fields: [{ key: 'nip', kind: 'employee', label: 'Pegawai', required: true }],
  data: petaKarierData,
  tables(data): ExportTable[] {
    const subtitle = [`${data.peta.name}, NIP ${data.nip}`];
    return [
      {
        title: 'Syarat langkah karier',
        subtitle,
        columns: [
          { key: 'step', header: 'Langkah', type: 'text', width: 40 }, { key: 'status', header: 'Kesiapan', type: 'text', width: 24 },
          { key: 'requirement', header: 'Syarat', type: 'text', width: 26 }, { key: 'met', header: 'Status', type: 'text', width: 18 },
          { key: 'detail', header: 'Keterangan', type: 'text', width: 60 },
        ],
        rows: data.peta.steps.flatMap((s) => s.checks.map((c) => ({
          step: s.label, status: s.ready ? 'Siap' : s.metOn ? `Terpenuhi pada ${formatDateId(s.metOn)}` : 'Belum siap', requirement: c.label, met: metText(c.met), detail: c.detail,
        }))),
      },
      {
        title: 'Jabatan tujuan kosong',
        subtitle,
        columns: [
          { key: 'step', header: 'Langkah', type: 'text', width: 40 }, { key: 'position', header: 'Jabatan', type: 'text', width: 44 },
          { key: 'unit', header: 'Unit kerja', type: 'text', width: 40 }, { key: 'reason', header: 'Keterangan', type: 'text', width: 50 },
        ],
        rows: data.peta.steps.flatMap((s) => s.vacancies.map((v) => ({ step: s.label, position: v.positionName, unit: v.unitName, reason: v.reasonText }))),
      },
    ];
  },
});
