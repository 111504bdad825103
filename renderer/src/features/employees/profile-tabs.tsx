import type { ReactNode } from 'react';
import type { Permission } from '../../../../shared/auth/roles';
import type { EmployeeProfile } from '../../../../shared/schemas/employees';
import { CompetencyTab } from '../competency/CompetencyTab';
import { PerformanceTab } from '../performance/PerformanceTab';
import { AuditLog } from '../../components/audit-log';
import { PositionHistory, RankHistory } from '../../components/career-history';
import { CareerRecordsTab } from '../careers/CareerRecordsTab';
import { PetaKarierTab } from '../careers/PetaKarierTab';
import { DiklatProfileTab, IdpProfileTab, MentoringProfileTab } from '../development/ProfileTabs';

export interface ProfileTab {
  key: string;
  label: string;
  render(profile: EmployeeProfile): ReactNode;
  /** Beyond reading the employee: what the role must hold to see the tab (an Operator OPD sees the record only). */
  permission?: Permission;
}

/** The tabs of the employee profile. Capabilities that are not built yet say so instead of showing zeros. */
export const PROFILE_TABS: ProfileTab[] = [
  { key: 'identitas', label: 'Identitas', render: () => null },
  { key: 'jabatan', label: 'Riwayat Jabatan', render: (p) => <PositionHistory employeeId={p.id} /> },
  { key: 'pangkat', label: 'Riwayat Pangkat', render: (p) => <RankHistory employeeId={p.id} /> },
  { key: 'karier', label: 'Administrasi Karier', render: (p) => <CareerRecordsTab employeeId={p.id} /> },
  { key: 'kompetensi', permission: 'data:read', label: 'Kompetensi', render: (p) => <CompetencyTab employeeId={p.id} /> },
  { key: 'kinerja', permission: 'data:read', label: 'Kinerja', render: (p) => <PerformanceTab employeeId={p.id} /> },
  { key: 'diklat', permission: 'data:read', label: 'Diklat', render: (p) => <DiklatProfileTab profile={p} /> },
  { key: 'idp', permission: 'data:read', label: 'Rencana Pengembangan', render: (p) => <IdpProfileTab profile={p} /> },
  { key: 'peta-karier', permission: 'data:read', label: 'Peta Karier', render: (p) => <PetaKarierTab employeeId={p.id} nip={p.nip} /> },
  { key: 'mentoring', permission: 'data:read', label: 'Mentoring', render: (p) => <MentoringProfileTab profile={p} /> },
  { key: 'log', permission: 'audit', label: 'Log Perubahan', render: (p) => <AuditLog employeeId={p.id} /> },
];
