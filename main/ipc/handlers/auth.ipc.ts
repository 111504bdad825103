import { AppError } from '../../../shared/errors';
import type { ActingAccount, HandlerContext, HandlerGroup } from '../handler-types';

/** The host's session store; absent only on a reader, where none of these exclusive channels runs. */
function sessionsOf(context: HandlerContext) {
  if (!context.sessions) throw new AppError('internal', 'Sesi hanya dikelola oleh proses utama Jenjang.');
  return context.sessions;
}

/** The account of the session; the built-in system actor has none (no password, nothing to change). */
function ownAccount(context: HandlerContext): ActingAccount & { accountId: number } {
  const acting = context.session;
  if (!acting || acting.accountId === null) throw new AppError('validation', 'Permintaan ini hanya untuk akun pengguna yang sedang masuk.');
  return acting as ActingAccount & { accountId: number };
}

export const authHandlers: HandlerGroup<
  | 'auth:state' | 'auth:login' | 'auth:logout' | 'auth:setupAdministrator' | 'auth:changePassword'
  | 'accounts:list' | 'accounts:create' | 'accounts:update' | 'accounts:resetPassword' | 'accounts:securitySettings'
  | 'accounts:saveSecuritySettings' | 'accounts:endSessions'
> = {
  async 'auth:state'(_request, context) {
    const { accounts } = context.services;
    const acting = context.session;
    return {
      hasAccounts: await accounts.hasAccounts(),
      session: acting && acting.accountId !== null ? await accounts.sessionInfo(acting) : null,
    };
  },

  async 'auth:login'(request, context) {
    const sessions = sessionsOf(context);
    const acting = await context.services.accounts.login(request.username, request.password);
    // A login from a window or tab that was logged in as someone else replaces that session.
    sessions.end(context.sessionToken);
    const token = sessions.open(acting);
    return { session: await context.services.accounts.sessionInfo(acting), token };
  },

  async 'auth:logout'(_request, context) {
    sessionsOf(context).end(context.sessionToken);
    return {};
  },

  async 'auth:setupAdministrator'(request, context) {
    const sessions = sessionsOf(context);
    const acting = await context.services.accounts.setupAdministrator(request);
    const token = sessions.open(acting);
    context.emit({ type: 'data:changed', scope: 'settings' });
    return { session: await context.services.accounts.sessionInfo(acting), token };
  },

  async 'auth:changePassword'(request, context) {
    const own = ownAccount(context);
    const updated = await context.services.accounts.changePassword(own.accountId, request.currentPassword, request.newPassword);
    context.sessions?.refresh(own.accountId, updated);
    return context.services.accounts.sessionInfo(updated);
  },

  async 'accounts:list'(_request, { services }) {
    return { rows: await services.accounts.list() };
  },

  async 'accounts:create'(request, context) {
    const created = await context.services.accounts.create(request, await context.actor());
    context.emit({ type: 'data:changed', scope: 'settings' });
    return created;
  },

  async 'accounts:update'(request, context) {
    const { account, disabledNow } = await context.services.accounts.update(request, await context.actor());
    // A disabled account is logged out everywhere at once; any other edit (role, scope, name) reaches its open
    // sessions at their next request.
    if (disabledNow) context.sessions?.endForAccount(account.id);
    else context.sessions?.refresh(account.id, await context.services.accounts.acting(account.id));
    context.emit({ type: 'data:changed', scope: 'settings' });
    return account;
  },

  async 'accounts:resetPassword'(request, context) {
    const account = await context.services.accounts.resetPassword(request.id, request.password, await context.actor());
    // The old password may have leaked: whoever is logged in with it is logged out.
    context.sessions?.endForAccount(account.id);
    context.emit({ type: 'data:changed', scope: 'settings' });
    return account;
  },

  'accounts:securitySettings': (_request, { services }) => services.accounts.security.read(),

  async 'accounts:saveSecuritySettings'(request, context) {
    const saved = await context.services.accounts.security.update(request, await context.actor());
    context.sessions?.setIdleMinutes(saved.idleLockMinutes);
    context.emit({ type: 'data:changed', scope: 'settings' });
    return saved;
  },

  async 'accounts:endSessions'(request, context) {
    await context.services.accounts.get(request.id);
    const ended = sessionsOf(context).endForAccount(request.id);
    await context.services.accounts.recordEndedSessions(request.id, ended, await context.actor());
    return { ended };
  },
};
