// Accounts for tests that go through a transport (web host, Electron bridge): the dispatcher wants a session.

import type { ActingAccount } from '../../shared/auth/acting';
import type { Role } from '../../shared/auth/roles';
import type { JenjangHost, TypedCall } from '../../main/host';

export const TEST_ADMIN = { username: 'admin', fullName: 'Admin Uji', password: 'kata-sandi-admin-uji' } as const;

/** Creates the first Administrator on an empty database (if none yet) and logs it in; returns the session token. */
export async function adminSession(host: JenjangHost): Promise<string> {
  if (!(await host.services.accounts.hasAccounts())) {
    const setup = await host.call('auth:setupAdministrator', { ...TEST_ADMIN, nip: null });
    if (!setup.ok) throw new Error(setup.error.message);
    return setup.data.token;
  }
  return login(host, TEST_ADMIN.username, TEST_ADMIN.password);
}

export async function login(host: JenjangHost, username: string, password: string): Promise<string> {
  const result = await host.call('auth:login', { username, password });
  if (!result.ok) throw new Error(result.error.message);
  return result.data.token;
}

/** An account of the given role (first password not to be changed), logged in; returns its id and token. */
export async function sessionAs(host: JenjangHost, role: Role, options: { username?: string; scopeUnitId?: number | null } = {}): Promise<{ id: number; token: string }> {
  const username = options.username ?? `uji-${role.replace('_', '-')}`;
  const password = `kata-sandi-${username}`;
  const created = await host.services.accounts.create(
    { username, fullName: `Uji ${role}`, nip: null, role, scopeUnitId: options.scopeUnitId ?? null, password }, 'Sistem', { mustChangePassword: false });
  return { id: created.id, token: await login(host, username, password) };
}

/** Creates an account and makes it the host's in-process actor, as its logged-in session would act; returns it.
 *  Put `SYSTEM_ACTOR` back with `host.setLocalActor` when done. */
export async function actAsNewAccount(host: JenjangHost, account: { username: string; fullName: string; nip: string | null; role?: Role }): Promise<ActingAccount> {
  const created = await host.services.accounts.create(
    { ...account, role: account.role ?? 'pengelola', scopeUnitId: null, password: `kata-sandi-${account.username}` }, 'Sistem', { mustChangePassword: false });
  const acting = await host.services.accounts.acting(created.id);
  host.setLocalActor(acting);
  return acting;
}

/** Two desks of the web host, each an Administrator logged in as its own client: the calls of Sri and of Budi. */
export const DESK_PEOPLE = [
  { username: 'sri', fullName: 'Sri Wahyuni', password: 'kata-sandi-sri-uji' },
  { username: 'budi', fullName: 'Budi Santoso', password: 'kata-sandi-budi-uji' },
] as const;

export async function twoDesks(host: JenjangHost): Promise<{ sri: TypedCall; budi: TypedCall }> {
  const desk = (client: string, token: string) => ((channel: string, request: unknown) => host.dispatch(channel, request, { transport: 'web', client, session: token })) as TypedCall;
  for (const person of DESK_PEOPLE) {
    await host.services.accounts.create({ ...person, nip: null, role: 'administrator', scopeUnitId: null }, 'Sistem', { mustChangePassword: false });
  }
  const [sri, budi] = DESK_PEOPLE;
  return {
    sri: desk('meja-sri', await login(host, sri.username, sri.password)),
    budi: desk('meja-budi', await login(host, budi.username, budi.password)),
  };
}
