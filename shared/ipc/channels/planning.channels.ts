// planning: channel → request/response. The schemas are in shared/schemas/planning.ts. A plan is the work of
// Pengelola Kepegawaian (data:write); reading the needs and the catalogue's planning fields is data:read.

import { z } from 'zod';
import { defineChannels } from '../define';
import { id } from '../../schemas/common';
import { fileResponse } from '../../schemas/development';
import { versionedWhole, withVersion } from '../../schemas/edit-version';
import {
  offeringPlanningInput, offeringPlanningRow, planAcceptRequest, planBudgetExportRequest, planAcceptResult, planNeeds, planNeedsRequest, planProposal, planProposeRequest, planRealisation, planWeights,
} from '../../schemas/planning';

export const planningChannels = defineChannels({
  /** The planning fields of every catalogue offering. */
  'planning:offerings': { permission: 'data:read', mode: 'read', request: z.object({}).strict(), response: z.object({ rows: z.array(offeringPlanningRow) }) },
  'planning:saveOffering': { permission: 'data:write', request: z.object({ catalogId: id, input: offeringPlanningInput }).strict(), response: z.object({ ok: z.literal(true) }) },
  /** The needs of a year gathered from the data, summarised per source and per OPD. */
  'planning:needs': { permission: 'data:read', mode: 'read', request: planNeedsRequest, response: planNeeds },
  /** The office's default weights, with the version a change sends back (two desks: the later stale save is refused). */
  'planning:weights': { permission: 'data:read', mode: 'read', request: z.object({}).strict(), response: withVersion(planWeights) },
  'planning:saveWeights': { permission: 'data:write', request: versionedWhole(planWeights), response: withVersion(planWeights) },
  /** Proposes the plan that covers the most weighted need within the budget (integer program, HiGHS in a worker
   *  thread with a time limit); nothing is written, so it runs on a reader: a solve of up to its time limit holds
   *  no write back. Proposing is still the planner's work (data:write); accepting is the write. */
  'planning:propose': { permission: 'data:write', mode: 'read', request: planProposeRequest, response: planProposal },
  /** Turns an accepted plan into IDP items of the year (one transaction). */
  'planning:accept': { permission: 'data:write', request: planAcceptRequest, response: planAcceptResult },
  /** During the year: the catalogue items of the year's IDPs per OPD, planned against done, cost spent, JP delivered. */
  'planning:realisation': { permission: 'data:read', mode: 'read', request: z.object({ year: z.number().int().min(1970).max(2100) }).strict(), response: planRealisation },
  /** The budget proposal of a scenario per perangkat daerah as XLSX; 'exclusive' so the file and its export-log
   *  line come from one call. */
  'planning:exportXlsx': { permission: 'data:read', mode: 'exclusive', request: planBudgetExportRequest, response: fileResponse },
});
