import type { Route } from '../../app/router';
import { useCan } from '../../app/session';
import { EmployeeFormPage } from './EmployeeForm';
import { PegawaiPage } from './PegawaiPage';
import { ProfilePage } from './ProfilePage';

/** #/pegawai, #/pegawai/baru, #/pegawai/:id, #/pegawai/:id/ubah */
export function PegawaiRoutes({ route }: { route: Route }) {
  const [, second, third] = route.segments;
  const canWrite = useCan('employees:write');
  const id = Number(second);
  // A role that only reads sees the profile where the form would be (main refuses its writes anyway).
  if (second === 'baru') return canWrite ? <EmployeeFormPage /> : <PegawaiPage route={route} />;
  if (second && Number.isInteger(id) && id > 0) return third === 'ubah' && canWrite ? <EmployeeFormPage id={id} /> : <ProfilePage id={id} />;
  return <PegawaiPage route={route} />;
}
