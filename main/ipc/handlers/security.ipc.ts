import { acknowledgeRecoveryKeyOf, securityStatus } from '../../services/security/key-status';
import type { HandlerGroup } from '../handler-types';

export const securityHandlers: HandlerGroup<'security:status' | 'security:acknowledgeRecoveryKey'> = {
  'security:status': async (_request, { runtime }) => securityStatus(runtime.dbPath),
  'security:acknowledgeRecoveryKey': async (_request, { runtime }) => acknowledgeRecoveryKeyOf(runtime.dbPath),
};
