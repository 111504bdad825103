// Accounts, sessions and passwords: the data model of who is acting.

import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../auth/roles';
import { id, optionalText } from './common';
import { labelled } from './field-label';

export const role = z.enum(ROLES);
export const permission = z.enum(PERMISSIONS);

/** Login names: short, lower-case letters, digits, dot, dash and underscore (what people type on a shared desk). */
export const username = labelled(z.string().trim().toLowerCase()
  .min(3, { message: 'Nama pengguna paling sedikit 3 karakter.' })
  .max(40, { message: 'Nama pengguna paling banyak 40 karakter.' })
  .regex(/^[a-z0-9._-]+$/, { message: 'Nama pengguna hanya boleh berisi huruf, angka, titik, tanda hubung dan garis bawah.' }), 'Nama pengguna');

/** A new password; the same rule everywhere a password is chosen (setup, change, reset, CLI). */
export const newPassword = labelled(z.string()
  .min(10, { message: 'Kata sandi paling sedikit 10 karakter.' })
  .max(200, { message: 'Kata sandi paling banyak 200 karakter.' }), 'Kata sandi');

/** A password typed to log in or to confirm: never checked for form here, only against the stored hash. */
export const givenPassword = labelled(z.string().min(1, { message: 'Kata sandi wajib diisi.' }).max(200), 'Kata sandi');

export const fullName = labelled(z.string().trim().min(1, { message: 'Nama lengkap wajib diisi.' }).max(120), 'Nama lengkap');

/** An 18-digit NIP linking the account to the employee it belongs to. */
export const accountNip = labelled(z.string().trim().regex(/^\d{18}$/, { message: 'NIP terdiri atas 18 angka.' }).nullish()
  .transform((v) => v ?? null), 'NIP');

/** Who is acting, as the renderer and every handler see it. */
export const sessionInfo = z.object({
  accountId: id,
  username: z.string(),
  fullName: z.string(),
  role,
  /** The unit subtree an Operator OPD is limited to; null for every other role. */
  scopeUnitId: id.nullable(),
  scopeUnitName: z.string().nullable(),
  /** The account must choose a new password before anything else (accounts created in the app). */
  mustChangePassword: z.boolean(),
  /** The permissions of the role (shared/auth/roles.ts), so the UI can hide what it cannot do. */
  permissions: z.array(permission),
  /** Minutes without input after which the app locks (a setting of the Administrator). */
  idleLockMinutes: z.number().int().min(1).max(240),
});
export type SessionInfo = z.output<typeof sessionInfo>;

/** The answer to "who is here": whether the database has accounts yet (first start) and the current session. */
export const authState = z.object({
  /** False on an empty database: the first start asks for the administrator account. */
  hasAccounts: z.boolean(),
  session: sessionInfo.nullable(),
});

export const loginRequest = z.object({ username: z.string().trim().toLowerCase().min(1, { message: 'Nama pengguna wajib diisi.' }).max(40), password: givenPassword }).strict();

/**
 * A successful login. `token` identifies the session on the transport: the web bridge keeps it in
 * sessionStorage and sends it as the `X-Jenjang-Session` header; the Electron preload keeps it and passes it with
 * each invoke. Neither hands it to the page's code.
 */
export const loginResponse = z.object({ session: sessionInfo, token: z.string().min(32) });

export const setupAdministratorRequest = z.object({ username, fullName, nip: accountNip, password: newPassword }).strict();

export const changePasswordRequest = z.object({ currentPassword: givenPassword, newPassword }).strict();

export const account = z.object({
  id,
  username: z.string(),
  fullName: z.string(),
  nip: z.string().nullable(),
  role,
  scopeUnitId: id.nullable(),
  scopeUnitName: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Locked after repeated failed logins until this instant (ISO date-time), or null. */
  lockedUntil: z.string().nullable(),
  /** Whether the lockout still holds now, by main's clock. */
  locked: z.boolean(),
  failedLogins: z.number().int().min(0),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  /** Optimistic version: an edit names the version it started from. */
  version: z.number().int().min(1),
});
export type Account = z.output<typeof account>;

export const createAccountRequest = z.object({
  username, fullName, nip: accountNip, role,
  scopeUnitId: labelled(id.nullish().transform((v) => v ?? null), 'Unit kerja'),
  /** A first password the person must change at first login. */
  password: newPassword,
}).strict();

export const updateAccountRequest = z.object({
  id,
  version: z.number().int().min(1),
  fullName, nip: accountNip, role,
  scopeUnitId: labelled(id.nullish().transform((v) => v ?? null), 'Unit kerja'),
  disabled: z.boolean(),
}).strict();

/** Sets a new first password (the person must change it at next login) and lifts a lockout. */
export const resetPasswordRequest = z.object({ id, password: newPassword }).strict();

export const securitySettings = z.object({
  idleLockMinutes: labelled(z.number().int().min(1).max(240), 'Kunci otomatis setelah (menit)'),
  maxFailedLogins: labelled(z.number().int().min(3).max(20), 'Batas gagal masuk'),
  lockoutMinutes: labelled(z.number().int().min(1).max(1440), 'Lama akun terkunci (menit)'),
}).strict();

export { optionalText };
