// Who a request acts as. Plain data: it crosses to the readers with each request.

import { accountLabel, type Role } from './roles';

/**
 * The account of the caller's session, or the host's local actor for in-process callers (the built-in system
 * Administrator of tests and bench, the CLI's `--user`, the CLI's read-only actor).
 */
export interface ActingAccount {
  /** Null for a built-in actor, which has no account row. */
  accountId: number | null;
  username: string;
  fullName: string;
  role: Role;
  /** The unit subtree an Operator OPD is limited to; null for every other role. */
  scopeUnitId: number | null;
  mustChangePassword: boolean;
}

/** In-process callers without an account (tests, bench, the daily backup): an Administrator named "Sistem". */
export const SYSTEM_ACTOR: ActingAccount = Object.freeze({
  accountId: null, username: 'sistem', fullName: 'Sistem', role: 'administrator', scopeUnitId: null, mustChangePassword: false,
});

/** The CLI's reading commands (stats, report): reads everything, writes nothing. */
export const READ_ONLY_ACTOR: ActingAccount = Object.freeze({
  accountId: null, username: 'baca', fullName: 'Pembaca baris perintah', role: 'pimpinan', scopeUnitId: null, mustChangePassword: false,
});

/** How the audit log, the import history and exports name the actor. */
export function actorLabel(acting: ActingAccount): string {
  return acting.accountId === null ? acting.fullName : accountLabel(acting.fullName, acting.username);
}
