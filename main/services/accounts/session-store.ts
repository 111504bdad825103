// Who is logged in, in memory of the host process: a random 32-byte token per login, resolved on every request.
// A session ends on log-out, when the Administrator ends it (or disables the account), and after
// `idleLockMinutes` without any request (sliding: each request moves the deadline). Restarting the app ends
// every session. Time comes from the app's clock, so tests move it instead of waiting.

import crypto from 'node:crypto';
import type { ActingAccount } from '../../../shared/auth/acting';
import type { Clock } from '../clock';
import { DEFAULT_SECURITY_SETTINGS } from './security-settings';

interface LiveSession {
  account: ActingAccount;
  /** Milliseconds since the epoch (app clock) of the last request. */
  lastSeen: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, LiveSession>();
  private idleMs = DEFAULT_SECURITY_SETTINGS.idleLockMinutes * 60_000;

  constructor(private readonly clock: Clock) {}

  /** The idle limit in force (Pengaturan › Keamanan); set at start and whenever the setting is saved. */
  setIdleMinutes(minutes: number): void {
    this.idleMs = minutes * 60_000;
  }

  idleMinutes(): number {
    return this.idleMs / 60_000;
  }

  open(account: ActingAccount): string {
    const token = crypto.randomBytes(32).toString('base64url');
    this.sessions.set(token, { account, lastSeen: this.now() });
    return token;
  }

  /** The account behind a live token, moving its idle deadline; null for an unknown, ended or idle-expired one. */
  touch(token: string | undefined): ActingAccount | null {
    const live = this.live(token);
    if (!live) return null;
    live.lastSeen = this.now();
    return live.account;
  }

  /** Like touch, without counting as activity. */
  peek(token: string | undefined): ActingAccount | null {
    return this.live(token)?.account ?? null;
  }

  end(token: string | undefined): boolean {
    return token !== undefined && this.sessions.delete(token);
  }

  /** Ends every session of an account; returns how many were still live (idle-expired ones are swept, uncounted). */
  endForAccount(accountId: number): number {
    let ended = 0;
    for (const [token, live] of this.sessions) {
      if (live.account.accountId === accountId) {
        if (this.live(token)) ended += 1;
        this.sessions.delete(token);
      }
    }
    return ended;
  }

  /** Replaces what the open sessions of an account know about it (role, scope, name changed by an edit). */
  refresh(accountId: number, account: ActingAccount): void {
    for (const live of this.sessions.values()) if (live.account.accountId === accountId) live.account = account;
  }

  /** The account ids with at least one live session. */
  accountIds(): number[] {
    return [...new Set([...this.sessions.values()].map((live) => live.account.accountId).filter((id): id is number => id !== null))];
  }

  private live(token: string | undefined): LiveSession | null {
    if (!token) return null;
    const live = this.sessions.get(token);
    if (!live) return null;
    if (this.now() - live.lastSeen > this.idleMs) {
      this.sessions.delete(token);
      return null;
    }
    return live;
  }

  private now(): number {
    return Date.parse(this.clock.now());
  }
}
