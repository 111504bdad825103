import type { ReactNode } from 'react';
import type { EmployeeProfile } from '../../../../shared/ipc/channels/employees.channels';
import { AuditTab } from './AuditTab';
import { PositionHistoryTab, RankHistoryTab } from './HistoryTabs';
import { ComingLater } from '../../components/layout';
import { DiklatProfileTab, IdpProfileTab, MentoringProfileTab } from '../pengembangan/ProfileTabs';

export interface ProfileTab {
  key: string;
  label: string;
  render(profile: EmployeeProfile): ReactNode;
}

/** The tabs of the employee profile. Capabilities that are not built yet say so instead of showing zeros. */
export const PROFILE_TABS: ProfileTab[] = [
  { key: 'identitas', label: 'Identitas', render: () => null },
  { key: 'jabatan', label: 'Riwayat Jabatan', render: (p) => <PositionHistoryTab employeeId={p.id} /> },
  { key: 'pangkat', label: 'Riwayat Pangkat', render: (p) => <RankHistoryTab employeeId={p.id} /> },
  { key: 'kompetensi', label: 'Kompetensi', render: () => <ComingLater what="Profil kompetensi (radar standar vs capaian, kesenjangan, JPM) hadir bersama fitur Peta Kompetensi." /> },
  { key: 'kinerja', label: 'Kinerja', render: () => <ComingLater what="Riwayat SKP dan predikat kinerja hadir bersama fitur Kinerja." /> },
  { key: 'diklat', label: 'Diklat', render: (p) => <DiklatProfileTab profile={p} /> },
  { key: 'idp', label: 'Rencana Pengembangan', render: (p) => <IdpProfileTab profile={p} /> },
  { key: 'mentoring', label: 'Mentoring', render: (p) => <MentoringProfileTab profile={p} /> },
  { key: 'log', label: 'Log Perubahan', render: (p) => <AuditTab employeeId={p.id} /> },
];
