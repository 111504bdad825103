import type { Channel } from '../../../shared/ipc/contract';
import type { HandlerContext, HandlerGroup } from '../handler-types';

type DevelopmentChannel = Extract<Channel, `development:${string}`>;

/** Runs a write with the acting user and tells open pages that development data changed. */
async function write<T>(context: HandlerContext, work: (actor: string) => Promise<T>): Promise<T> {
  const result = await work(await context.actor());
  context.emit({ type: 'data:changed', scope: 'development' });
  return result;
}

export const developmentHandlers: HandlerGroup<DevelopmentChannel> = {
  'development:settings': (_request, { services }) => services.development.settings.get(),
  'development:updateSettings': (request, context) => write(context, (actor) => context.services.development.updateSettings(actor, request)),
  'development:budgets': (request, { services }) => services.development.plans.budgets(request.year),
  'development:setBudget': (request, context) =>
    write(context, (actor) => context.services.development.plans.setBudget(actor, request.unitId, request.year, request.ceiling)),

  'development:trainings': (request, { services }) => services.development.training.list(request),
  'development:employeeTraining': (request, { services }) => services.development.training.employeeTraining(request.employeeId),
  'development:validateTraining': (request, { services }) => services.development.training.validate(request.employeeId, request.input, request.id),
  'development:saveTraining': (request, context) =>
    write(context, (actor) => context.services.development.training.save(actor, request.employeeId, request.input, request.id)),
  'development:deleteTraining': (request, context) => write(context, (actor) => context.services.development.training.remove(actor, request.id)),
  'development:jpCompliance': (request, { services }) => services.development.training.compliance(request),
  'development:jpBelow': (request, { services }) => services.development.training.below(request),

  async 'development:catalog'(request, { services }) {
    return { rows: await services.development.plans.catalog(request.includeInactive) };
  },
  'development:saveCatalog': (request, context) => write(context, (actor) => context.services.development.plans.saveCatalog(actor, request.input, request.id)),
  'development:competencies': (_request, { services }) => services.development.plans.competencies(),
  'development:proposePlan': (request, { services }) => services.development.plans.propose(request.employeeId, request.year, request.targetPositionId),
  'development:successionTargets': (request, { services }) => services.development.plans.successionTargets(request.employeeId),
  'development:createPlan': (request, context) => write(context, (actor) => context.services.development.plans.createPlan(actor, request)),
  'development:plan': (request, { services }) => services.development.plans.plan(request.id),
  'development:employeePlans': (request, { services }) => services.development.plans.employeePlans(request.employeeId),
  'development:updatePlan': (request, context) => write(context, (actor) => context.services.development.plans.updatePlan(actor, request.id, request)),
  'development:deletePlan': (request, context) => write(context, (actor) => context.services.development.plans.deletePlan(actor, request.id)),
  'development:addPlanItem': (request, context) => write(context, (actor) => context.services.development.plans.addItem(actor, request.planId, request.input)),
  'development:updatePlanItem': (request, context) => write(context, (actor) => context.services.development.plans.updateItem(actor, request.id, request)),
  'development:deletePlanItem': (request, context) => write(context, (actor) => context.services.development.plans.deleteItem(actor, request.id)),
  'development:completePlanItem': (request, context) => write(context, (actor) => context.services.development.plans.completeItem(actor, request.id, request)),
  'development:plans': (request, { services }) => services.development.plans.plans(request),
  'development:budgetOverview': (request, { services }) => services.development.plans.budgetOverview(request.year),

  'development:mentoring': (request, { services }) => services.development.mentoring.list(request),
  'development:mentorLoad': (request, { services }) => services.development.mentoring.mentorLoad(request.unitId),
  'development:checkMentoring': (request, { services }) => services.development.mentoring.check(request.mentorId, request.menteeId, request.id),
  'development:saveMentoring': (request, context) => write(context, (actor) => context.services.development.mentoring.save(actor, request.input, request.id)),
  'development:mentoringSessions': (request, { services }) => services.development.mentoring.sessions(request.relationId),
  'development:addMentoringSession': (request, context) =>
    write(context, (actor) => context.services.development.mentoring.addSession(actor, request.relationId, request.sessionDate, request.notes)),
  'development:deleteMentoringSession': (request, context) => write(context, (actor) => context.services.development.mentoring.deleteSession(actor, request.id)),

  'development:rotation': (request, { services }) => services.development.career.rotation(request),
  'development:promotionPeriods': (_request, { services }) => services.development.career.periods(),
  'development:promotionList': (request, { services }) => services.development.career.promotionList(request),
  'development:promotionExport': (request, { services }) => services.development.promotionExport(request),
};
