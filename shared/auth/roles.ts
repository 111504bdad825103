// Who may do what: the five roles of a BKPSDM team and the permissions each holds. The contract declares the
// permission every channel needs (shared/ipc/define.ts); the dispatcher enforces it before any handler runs,
// for every transport; the renderer only reads the same table to hide what a role cannot do.

export const ROLES = ['administrator', 'pengelola', 'komite', 'pimpinan', 'operator_opd'] as const;
export type Role = (typeof ROLES)[number];

/** The names people read on screen, in exports and in the audit log. */
export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  pengelola: 'Pengelola Kepegawaian',
  komite: 'Komite Talenta',
  pimpinan: 'Pimpinan',
  operator_opd: 'Operator OPD',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  administrator: 'Akun pengguna, pengaturan, cadangan dan pemulihan, serta semua pekerjaan lain.',
  pengelola: 'Data pegawai, impor, rencana pengembangan dan suksesi, sesi talenta dalam status Draf.',
  komite: 'Kalibrasi dan penetapan sesi Komite Talenta; membaca data talenta.',
  pimpinan: 'Dasbor dan laporan, hanya membaca.',
  operator_opd: 'Membaca dan mengubah data pegawai unit kerjanya sendiri (beserta sub-unitnya) saja, dan mencetak daftar pegawainya.',
};

/**
 * What a channel needs. Every channel declares exactly one.
 * - `public`: answers without an account (the day, whether anyone is logged in, log in, create the first
 *   administrator on an empty database).
 * - `session`: any logged-in account (log out, change one's own password, app status, reference lists).
 * - `employees:read` / `employees:write`: employee records, lists, profiles and their exports. The only
 *   district data an Operator OPD reaches, and only inside its unit subtree (handlers apply the scope).
 * - `data:read`: dashboards, competency, performance, development, succession and their exports.
 * - `reports`: the reports of the Laporan page (PDF and XLSX). An Operator OPD holds it for the registers of its
 *   own unit subtree only (shared/auth/report-access.ts; the reports channels force and check the unit).
 * - `data:write`: standards, SKP and assessments, trainings, plans, mentoring, key positions, succession plans.
 * - `import`: snapshot imports and their undo.
 * - `talent:read`, `talent:draft` (create and edit sessions in Draft), `talent:decide` (calibrate and fix).
 * - `settings`, `backup` (backup and restore), `accounts`, `audit` (the audit and export logs): Administrator.
 */
export const PERMISSIONS = [
  'public', 'session',
  'employees:read', 'employees:write',
  'data:read', 'data:write', 'import', 'reports',
  'talent:read', 'talent:draft', 'talent:decide',
  'settings', 'backup', 'accounts', 'audit',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERYTHING: readonly Permission[] = PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: EVERYTHING,
  pengelola: ['public', 'session', 'employees:read', 'employees:write', 'data:read', 'data:write', 'import', 'reports', 'talent:read', 'talent:draft'],
  komite: ['public', 'session', 'employees:read', 'talent:read', 'talent:decide'],
  pimpinan: ['public', 'session', 'employees:read', 'data:read', 'reports', 'talent:read'],
  operator_opd: ['public', 'session', 'employees:read', 'employees:write', 'reports'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles whose reach is limited to a unit subtree: the account must name a unit. */
export const SCOPED_ROLES: readonly Role[] = ['operator_opd'];

/** How an account is named wherever it acted (audit log, import history, berita acara, export footers). */
export function accountLabel(fullName: string, username: string): string {
  return `${fullName} (${username})`;
}
