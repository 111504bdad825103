// The hidden windows that print reports (pdf-printer.ts) have no login of their own: each acts, for its one
// print, as the account that asked for the report. The printer opens a session for that account in the host's
// store when it creates the window and ends it when the window goes; ipc-main.ts sends the window's requests with
// that session.

import type { ActingAccount } from '../../shared/auth/acting';
import type { SessionStore } from '../services/accounts/session-store';

export class PrintWindowSessions {
  private readonly byContents = new Map<number, string>();

  constructor(private readonly sessions: SessionStore) {}

  bind(contentsId: number, acting: ActingAccount | null): void {
    this.release(contentsId);
    if (acting) this.byContents.set(contentsId, this.sessions.open(acting));
  }

  release(contentsId: number): void {
    this.sessions.end(this.byContents.get(contentsId));
    this.byContents.delete(contentsId);
  }

  /** The session of a print window; undefined for any other window. */
  tokenOf(contentsId: number): string | undefined {
    return this.byContents.get(contentsId);
  }
}
