// Profil Pegawai: one employee's identity, position and rank history (from the employee service, the same
// data as the profile screen), and the sections later capabilities fill (SKP history, competency, training).

import { normaliseNipInput, formatNip } from '../../../shared/domain/nip';
import { AppError } from '../../../shared/errors';
import type { ReportContent } from '../../../shared/reports/define';
import type { ProfileSectionData, ProfileSectionKey } from '../../../shared/reports/profil-pegawai.report';
import type { ReportLoader, ReportLoaderContext } from './types';

type SectionLoader<K extends ProfileSectionKey> = (employeeId: number, context: ReportLoaderContext) => Promise<ReportContent<ProfileSectionData<K>>>;

const notBuiltYet = (message: string) => async () => ({ status: 'unavailable' as const, message });

/**
 * One loader per section of the profile report. A capability that lands replaces its `notBuiltYet(…)` with a
 * loader returning `{ status: 'ready', data }` (or 'empty' with a sentence when the employee has no rows),
 * after giving the section a data schema in shared/reports/profil-pegawai.report.ts.
 */
export const PROFILE_SECTION_LOADERS: { [K in ProfileSectionKey]: SectionLoader<K> } = {
  kinerja: notBuiltYet('Riwayat SKP dan predikat kinerja tercatat di Jenjang setelah fitur Kinerja dipasang; sampai saat itu tidak ada grafik yang dicetak.'),
  kompetensi: notBuiltYet('Profil kompetensi (standar jabatan, capaian, JPM) tercatat di Jenjang setelah fitur Peta Kompetensi dipasang.'),
  diklat: notBuiltYet('Riwayat diklat dan jam pelajaran (JP) tercatat di Jenjang setelah fitur Pengembangan dipasang.'),
};

export const profilPegawaiLoader: ReportLoader<'profil-pegawai'> = async ({ nip }, context) => {
  const { services } = context;
  const rows: Array<{ id: number }> = await services.dataSource.query('SELECT id FROM employee WHERE nip = ?', [normaliseNipInput(nip)]);
  if (rows.length === 0) throw new AppError('not_found', `Pegawai dengan NIP ${formatNip(nip)} tidak ditemukan.`);
  const id = rows[0].id;
  const employee = await services.employees.profile(id);
  const history = await services.employees.history(id);
  return {
    title: 'Profil Pegawai',
    parameters: [{ label: 'Nama', value: employee.fullName }, { label: 'NIP', value: formatNip(employee.nip) }],
    content: {
      status: 'ready',
      data: {
        employee,
        positions: history.positions,
        ranks: history.ranks,
        sections: {
          kinerja: await PROFILE_SECTION_LOADERS.kinerja(id, context),
          kompetensi: await PROFILE_SECTION_LOADERS.kompetensi(id, context),
          diklat: await PROFILE_SECTION_LOADERS.diklat(id, context),
        },
      },
    },
  };
};
