import type { HandlerGroup } from '../handler-types';

type CompetencyChannel =
  | 'competency:dictionary' | 'competency:saveDefinition' | 'competency:standard' | 'competency:saveStandard'
  | 'competency:copyStandard' | 'competency:positionsWithoutStandard' | 'competency:employee' | 'competency:recordAssessment'
  | 'competency:heatmap' | 'competency:cellEmployees' | 'competency:jpmDistribution' | 'competency:bestMatch';

export const competencyHandlers: HandlerGroup<CompetencyChannel> = {
  async 'competency:dictionary'(_request, { services }) {
    return { competencies: await services.competency.dictionary() };
  },
  async 'competency:saveDefinition'(request, context) {
    const saved = await context.services.competency.saveDefinition(request, await context.actor());
    context.emit({ type: 'data:changed', scope: 'competency' });
    return saved;
  },
  'competency:standard': (request, { services }) => services.competency.standard(request.positionId),
  async 'competency:saveStandard'(request, context) {
    const result = await context.services.competency.saveStandard(request.positionId, request.version, request.items, await context.actor());
    context.emit({ type: 'data:changed', scope: 'competency' });
    return result;
  },
  async 'competency:copyStandard'(request, context) {
    const result = await context.services.competency.copyStandard(request.fromPositionId, request.targets, await context.actor());
    context.emit({ type: 'data:changed', scope: 'competency' });
    return result;
  },
  'competency:positionsWithoutStandard': (request, { services }) => services.competency.positionsWithoutStandard(request.limit),
  'competency:employee': (request, { services }) => services.competency.employee(request.employeeId),
  async 'competency:recordAssessment'(request, context) {
    const result = await context.services.competency.recordAssessment(request, await context.actor());
    context.emit({ type: 'data:changed', scope: 'competency' });
    return result;
  },
  'competency:heatmap': (request, { services }) => services.competency.heatmap(request),
  'competency:cellEmployees': (request, { services }) => services.competency.cellEmployees(request),
  'competency:jpmDistribution': (request, { services }) => services.competency.jpmDistribution(request),
  'competency:bestMatch': (request, { services }) => services.competency.bestMatch(request.positionId, request.limit),
};
