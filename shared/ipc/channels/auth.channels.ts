// auth and accounts: channel → request/response. The schemas are in shared/schemas/auth.ts, the roles and
// permissions in shared/auth/roles.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { empty, id } from '../../schemas/common';
import {
  account, authState, changePasswordRequest, createAccountRequest, loginRequest, loginResponse,
  resetPasswordRequest, securitySettings, sessionInfo, setupAdministratorRequest, updateAccountRequest,
} from '../../schemas/auth';
import { withVersion, versionedWhole } from '../../schemas/edit-version';

export const authChannels = defineChannels({
  /** Whether the database has accounts yet, and who is logged in on this window or tab (null: nobody). */
  'auth:state': { permission: 'public', request: empty, response: authState },
  /** Wrong name, wrong password, a disabled or a locked account all answer the same `unauthorized` message;
   *  each failure counts towards the lockout. */
  'auth:login': { permission: 'public', request: loginRequest, response: loginResponse },
  'auth:logout': { permission: 'session', request: empty, response: z.object({}) },
  /** First start only: creates the Administrator on a database without accounts, and logs it in. Refused
   *  (`conflict`) once any account exists. */
  'auth:setupAdministrator': { permission: 'public', request: setupAdministratorRequest, response: loginResponse },
  /** One's own password; clears `mustChangePassword`. */
  'auth:changePassword': { permission: 'session', request: changePasswordRequest, response: sessionInfo },

  'accounts:list': { permission: 'accounts', mode: 'read', request: empty, response: z.object({ rows: z.array(account) }) },
  /** Creates an account with a first password the person must change at first login. */
  'accounts:create': { permission: 'accounts', request: createAccountRequest, response: account },
  /** Refused with `conflict` when the account changed since `version`, and when it would leave no enabled
   *  Administrator. */
  'accounts:update': { permission: 'accounts', request: updateAccountRequest, response: account },
  'accounts:resetPassword': { permission: 'accounts', request: resetPasswordRequest, response: account },
  'accounts:securitySettings': { permission: 'accounts', mode: 'read', request: empty, response: withVersion(securitySettings) },
  'accounts:saveSecuritySettings': { permission: 'accounts', request: versionedWhole(securitySettings), response: withVersion(securitySettings) },
  /** Ends every open session of the account (after disabling it, or a suspected leak). */
  'accounts:endSessions': { permission: 'accounts', request: z.object({ id }).strict(), response: z.object({ ended: z.number().int() }) },
});
