import { AppError } from '../../../shared/errors';
import { roleAllows, type Permission } from '../../../shared/auth/roles';
import type { HandlerGroup } from '../handler-types';
import { withJobLock } from '../../services/locks/job-locks';

type PerformanceChannel =
  | 'performance:employee' | 'performance:saveEvaluation' | 'performance:deleteEvaluation' | 'performance:setFollowUp'
  | 'performance:savePotential' | 'performance:years' | 'performance:distribution' | 'performance:followUps' | 'performance:withoutSkp'
  | 'performance:categoryEmployees';

type TalentChannel =
  | 'talent:settings' | 'talent:updateSettings' | 'talent:ninebox' | 'talent:boxPeople' | 'talent:explain' | 'talent:pool'
  | 'talent:movement' | 'talent:sessions' | 'talent:createSession' | 'talent:updateSession' | 'talent:session' | 'talent:calibrate'
  | 'talent:setSessionStatus';

export const performanceHandlers: HandlerGroup<PerformanceChannel> = {
  'performance:employee': (request, { services }) => services.performance.employee(request.employeeId),
  async 'performance:saveEvaluation'(request, context) {
    const result = await context.services.performance.saveEvaluation(request, await context.actor());
    context.emit({ type: 'data:changed', scope: 'performance' });
    return result;
  },
  async 'performance:deleteEvaluation'(request, context) {
    const result = await context.services.performance.deleteEvaluation(request.evaluationId, await context.actor());
    context.emit({ type: 'data:changed', scope: 'performance' });
    return result;
  },
  async 'performance:setFollowUp'(request, context) {
    const result = await context.services.performance.setFollowUp(request.evaluationId, request.status, request.notes, await context.actor());
    context.emit({ type: 'data:changed', scope: 'performance' });
    return result;
  },
  async 'performance:savePotential'(request, context) {
    const result = await context.services.performance.savePotential(request, await context.actor());
    context.emit({ type: 'data:changed', scope: 'performance' });
    return result;
  },
  'performance:years': (_request, { services }) => services.performance.years(),
  'performance:distribution': (request, { services }) => services.performance.distribution(request),
  'performance:followUps': (request, { services }) => services.performance.followUps(request),
  'performance:withoutSkp': (request, { services }) => services.performance.withoutSkp(request),
  'performance:categoryEmployees': (request, { services }) => services.performance.categoryEmployees(request),
};

export const talentHandlers: HandlerGroup<TalentChannel> = {
  'talent:settings': (_request, { services }) => services.talent.settingsForm(),
  async 'talent:updateSettings'(request, context) {
    const result = await context.services.talent.updateSettings(request, await context.actor());
    context.emit({ type: 'data:changed', scope: 'performance' });
    return result;
  },
  'talent:ninebox': (request, { services }) => services.talent.ninebox(request),
  'talent:boxPeople': (request, { services }) => services.talent.boxPeople(request),
  async 'talent:explain'(request, { services }) {
    const explained = await services.talent.explain(request.employeeId, request.year);
    const placement = request.sessionId ? await services.talentSessions.placementVersion(request.sessionId, request.employeeId) : null;
    return { ...explained, placement };
  },
  'talent:pool': (request, { services }) => services.talent.pool(request),
  'talent:movement': (request, { services }) => services.talent.movement(request),
  async 'talent:sessions'(request, { services }) {
    return { sessions: await services.talentSessions.sessions(request.year) };
  },
  async 'talent:createSession'(request, context) {
    const result = await context.services.talentSessions.createSession(request, await context.actor());
    context.emit({ type: 'data:changed', scope: 'performance' });
    return result;
  },
  async 'talent:updateSession'(request, context) {
    const result = await context.services.talentSessions.updateSession(request, await context.actor());
    context.emit({ type: 'data:changed', scope: 'performance' });
    return result;
  },
  'talent:session': (request, { services }) => services.talentSessions.session(request.sessionId),
  async 'talent:calibrate'(request, context) {
    const result = await context.services.talentSessions.calibrate(request, await context.actor());
    context.emit({ type: 'data:changed', scope: 'performance' });
    return result;
  },
  async 'talent:setSessionStatus'(request, context) {
    // Pengelola Kepegawaian prepares a session and submits it; only the committee fixes it.
    const role = context.session?.role;
    const may = (permission: Permission) => role !== undefined && roleAllows(role, permission);
    const allowed = request.status === 'ditetapkan' ? may('talent:decide') : may('talent:draft') || may('talent:decide');
    if (!allowed) {
      throw new AppError('forbidden', request.status === 'ditetapkan'
        ? 'Hanya Komite Talenta (atau Administrator) yang dapat menetapkan sidang.'
        : 'Peran Anda tidak dapat mengubah status sidang Komite Talenta.');
    }
    const actor = await context.actor();
    const setStatus = () => context.services.talentSessions.setSessionStatus(request.sessionId, request.version, request.status, request.fixedBy, actor);
    // Fixing a session writes the placements of record for the year: one fix at a time, whichever desk asks.
    const result = request.status === 'ditetapkan' ? await withJobLock(context.services.jobLocks, 'penetapan-sidang-talenta', actor, setStatus) : await setStatus();
    context.emit({ type: 'data:changed', scope: 'performance' });
    return result;
  },
};
