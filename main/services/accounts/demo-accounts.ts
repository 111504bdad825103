// The demo district comes with one account per role, their passwords public (README, `npm run cli -- demo`): a
// demo is for trying each role, never for real data. None has to change its password.

import type { Role } from '../../../shared/auth/roles';

export interface DemoAccount {
  username: string;
  password: string;
  fullName: string;
  role: Role;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', password: 'jenjang-admin', fullName: 'Administrator Demo', role: 'administrator' },
  { username: 'pengelola', password: 'jenjang-pengelola', fullName: 'Pengelola Kepegawaian Demo', role: 'pengelola' },
  { username: 'komite', password: 'jenjang-komite', fullName: 'Komite Talenta Demo', role: 'komite' },
  { username: 'pimpinan', password: 'jenjang-pimpinan', fullName: 'Pimpinan Demo', role: 'pimpinan' },
  // Scoped to the first perangkat daerah of the demo (by unit id).
  { username: 'operator', password: 'jenjang-operator', fullName: 'Operator OPD Demo', role: 'operator_opd' },
];
