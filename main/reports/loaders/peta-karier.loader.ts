// Peta Karier: one employee's next steps of the pola karier with each requirement, from the same service call as
// the profile's Peta Karier tab.

import { formatNip, normaliseNipInput } from '../../../shared/domain/nip';
import { AppError } from '../../../shared/errors';
import { managerRun } from '../../db/sql/run';
import type { ReportLoader } from './types';

export const petaKarierLoader: ReportLoader<'peta-karier'> = async ({ nip }, { services }) => {
  const id = await services.sql.employees.employeeIdByNip(managerRun(services.dataSource), normaliseNipInput(nip));
  if (id === null) throw new AppError('not_found', `Pegawai dengan NIP ${formatNip(nip)} tidak ditemukan.`);
  const peta = await services.careerPaths.employee(id);
  const parameters = [{ label: 'Nama', value: peta.name }, { label: 'NIP', value: formatNip(nip) }];
  if (peta.steps.length === 0) {
    return { title: 'Peta Karier', parameters, content: { status: 'empty', message: peta.note ?? 'Belum ada langkah karier berikutnya bagi pegawai ini.' } };
  }
  return { title: 'Peta Karier', parameters, content: { status: 'ready', data: { nip: formatNip(nip), peta } } };
};
