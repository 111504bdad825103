import type { ReactNode } from 'react';
import type { EmployeeProfile } from '../../../../shared/schemas/employees';
import { CompetencyTab } from '../competency/CompetencyTab';
import { PerformanceTab } from '../performance/PerformanceTab';
import { AuditLog } from '../../components/audit-log';
import { PositionHistory, RankHistory } from '../../components/career-history';
import { DiklatProfileTab, IdpProfileTab, MentoringProfileTab } from '../development/ProfileTabs';

export interface ProfileTab {
  key: string;
  label: string;
  render(profile: EmployeeProfile): ReactNode;
}

/** The tabs of the employee profile. Capabilities that are not built yet say so instead of showing zeros. */
export const PROFILE_TABS: ProfileTab[] = [
  { key: 'identitas', label: 'Identitas', render: () => null },
  { key: 'jabatan', label: 'Riwayat Jabatan', render: (p) => <PositionHistory employeeId={p.id} /> },
  { key: 'pangkat', label: 'Riwayat Pangkat', render: (p) => <RankHistory employeeId={p.id} /> },
  { key: 'kompetensi', label: 'Kompetensi', render: (p) => <CompetencyTab employeeId={p.id} /> },
  { key: 'kinerja', label: 'Kinerja', render: (p) => <PerformanceTab employeeId={p.id} /> },
  { key: 'diklat', label: 'Diklat', render: (p) => <DiklatProfileTab profile={p} /> },
  { key: 'idp', label: 'Rencana Pengembangan', render: (p) => <IdpProfileTab profile={p} /> },
  { key: 'mentoring', label: 'Mentoring', render: (p) => <MentoringProfileTab profile={p} /> },
  { key: 'log', label: 'Log Perubahan', render: (p) => <AuditLog employeeId={p.id} /> },
];
