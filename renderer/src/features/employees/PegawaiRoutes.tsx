import type { Route } from '../../app/router';
import { EmployeeFormPage } from './EmployeeForm';
import { PegawaiPage } from './PegawaiPage';
import { ProfilePage } from './ProfilePage';

/** #/pegawai, #/pegawai/baru, #/pegawai/:id, #/pegawai/:id/ubah */
export function PegawaiRoutes({ route }: { route: Route }) {
  const [, second, third] = route.segments;
  if (second === 'baru') return <EmployeeFormPage />;
  const id = Number(second);
  if (second && Number.isInteger(id) && id > 0) return third === 'ubah' ? <EmployeeFormPage id={id} /> : <ProfilePage id={id} />;
  return <PegawaiPage route={route} />;
}
