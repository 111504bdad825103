// Who is acting in this window: the session the auth gate (auth-gate.tsx) established, for every screen below
// it. Screens hide what the role cannot do with useCan(permission); main refuses it anyway, whatever the screen
// shows.

import { createContext, useContext, type ReactNode } from 'react';
import { roleMayPrint } from '../../../shared/auth/report-access';
import { ROLE_LABELS, type Permission } from '../../../shared/auth/roles';
import type { ReportId } from '../../../shared/reports/catalogue';
import type { SessionInfo } from '../../../shared/schemas/auth';

export interface SessionControls {
  session: SessionInfo;
  /** Logs out and shows the login screen (asks first when a form has unsaved edits). */
  logout(): void;
  /** Opens the "Ganti kata sandi" dialog. */
  changePassword(): void;
}

const SessionContext = createContext<SessionControls | null>(null);

export function SessionProvider({ value, children }: { value: SessionControls; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session and its controls; null outside the gate (the print pages). */
export function useSessionControls(): SessionControls | null {
  return useContext(SessionContext);
}

export function useSession(): SessionInfo | null {
  return useContext(SessionContext)?.session ?? null;
}

/** Whether the account's role holds `permission`; false without a session. */
export function useCan(permission: Permission): boolean {
  const session = useSession();
  return !!session && session.permissions.includes(permission);
}

/** Whether the account may print this report (an Operator OPD: only the registers of its unit subtree). */
export function useMayPrint(reportId: ReportId): boolean {
  const session = useSession();
  return !!session && roleMayPrint(session.role, reportId);
}

/** "Operator OPD · Dinas Pendidikan": the role as people read it, and the unit an Operator OPD is limited to. */
export function roleLine(session: SessionInfo): string {
  const role = ROLE_LABELS[session.role];
  return session.scopeUnitName ? `${role} · ${session.scopeUnitName}` : role;
}
