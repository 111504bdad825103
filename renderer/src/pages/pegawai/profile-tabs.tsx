import type { ReactNode } from 'react';
import type { EmployeeProfile } from '../../../../shared/ipc/channels/employees.channels';
import { CompetencyTab } from '../kompetensi/CompetencyTab';
import { PerformanceTab } from '../kinerja/PerformanceTab';
import { AuditTab } from './AuditTab';
import { PositionHistoryTab, RankHistoryTab } from './HistoryTabs';
import { ComingLater } from '../../components/layout';

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
  { key: 'kompetensi', label: 'Kompetensi', render: (p) => <CompetencyTab employeeId={p.id} /> },
  { key: 'kinerja', label: 'Kinerja', render: (p) => <PerformanceTab employeeId={p.id} /> },
  { key: 'diklat', label: 'Diklat', render: () => <ComingLater what="Riwayat diklat dan jam pelajaran (JP) hadir bersama fitur Pengembangan." /> },
  { key: 'idp', label: 'Rencana Pengembangan', render: () => <ComingLater what="Rencana pengembangan individu hadir bersama fitur Pengembangan." /> },
  { key: 'mentoring', label: 'Mentoring', render: () => <ComingLater what="Relasi mentor–mentee hadir bersama fitur Pengembangan." /> },
  { key: 'log', label: 'Log Perubahan', render: (p) => <AuditTab employeeId={p.id} /> },
];
