// plans: channel → request/response. The schemas are in shared/schemas/plans.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { empty, id, fieldIssue, isoDate, optionalText } from '../../schemas/common';
import { done, jp, page, rupiah, text, year } from '../../schemas/development';
import { trainingInput } from '../../schemas/training';
import { budgetRow, budgetUnitRow, catalogInput, catalogRow, planDetail, planItemInput, planListRow, planProposal, statusCounts } from '../../schemas/plans';
import { editVersion } from '../../schemas/edit-version';

export const plansChannels = defineChannels({
  'plans:catalog': { permission: 'data:read', mode: 'read',request: z.object({ includeInactive: z.boolean().default(false) }).strict(), response: z.object({ rows: z.array(catalogRow) }) },
  'plans:saveCatalog': { permission: 'data:write', request: z.object({ id: id.optional(), input: catalogInput }).strict(), response: z.object({ id }) },
  'plans:competencies': { permission: 'data:read',
    mode: 'read',
    request: empty,
    response: z.object({ rows: z.array(z.object({ id, code: text, name: text, group: text })) }),
  },
  /** A plan proposed from the competency gaps of the current (or a target) position and the missing required
   *  trainings; nothing is written. */
  'plans:propose': { permission: 'data:read',
    mode: 'read',
    request: z.object({ employeeId: id, year, targetPositionId: id.nullish() }).strict(),
    response: planProposal,
  },
  /** Positions the employee is a named successor for (succession plans): target positions for an IDP. */
  'plans:successionTargets': { permission: 'data:read',
    mode: 'read',
    request: z.object({ employeeId: id }).strict(),
    response: z.object({ rows: z.array(z.object({ positionId: id, positionName: text, level: text, readiness: text, readinessLabel: text })) }),
  },
  'plans:create': { permission: 'data:write',
    request: z.object({
      employeeId: id, year, targetPositionId: id.nullish().transform((v) => v ?? null), notes: optionalText(2000),
      items: z.array(planItemInput).max(60),
    }).strict(),
    response: z.object({ id }),
  },
  'plans:get': { permission: 'data:read', mode: 'read',request: z.object({ id }).strict(), response: planDetail },
  'plans:ofEmployee': { permission: 'data:read', mode: 'read',request: z.object({ employeeId: id }).strict(), response: z.object({ plans: z.array(planDetail) }) },
  'plans:update': { permission: 'data:write',
    request: z.object({ id, version: editVersion, targetPositionId: id.nullable().optional(), notes: optionalText(2000).optional() }).strict(),
    response: done,
  },
  /** Deletes a whole plan with its items; `version` is the plan's as the screen read it (a plan another desk changed
   *  since is not deleted unseen). */
  'plans:delete': { permission: 'data:write', request: z.object({ id, version: editVersion }).strict(), response: done },
  /** Adds an item; `version` is the plan's as the form read it (an item added or removed changes the plan). */
  'plans:addItem': { permission: 'data:write', request: z.object({ planId: id, version: editVersion, input: planItemInput }).strict(), response: z.object({ id }) },
  /** Edits an item; setting "selesai" goes through plans:completeItem (it links the training). */
  'plans:updateItem': { permission: 'data:write',
    request: z.object({
      id, version: editVersion, status: z.enum(['direncanakan', 'berjalan', 'batal']).optional(), activity: z.string().trim().min(3).max(300).optional(),
      catalogId: id.nullable().optional(), jp: jp.optional(), estimatedCost: rupiah.optional(), targetDate: isoDate.nullable().optional(),
    }).strict(),
    response: done,
  },
  /** Removes an item: `planVersion` is the plan's as the screen read it, `version` the item's (an item another desk
   *  changed since is not removed unseen). */
  'plans:deleteItem': { permission: 'data:write', request: z.object({ id, version: editVersion, planVersion: editVersion }).strict(), response: done },
  /** Marks an item done and links the training that completed it: a new training record (recorded in the same
   *  transaction), an existing record of the same employee, or none for an activity that is not a training. */
  'plans:completeItem': { permission: 'data:write',
    request: z.object({ id, version: editVersion, training: trainingInput.optional(), trainingRecordId: id.optional() }).strict(),
    response: z.object({ trainingRecordId: id.nullable(), warnings: z.array(fieldIssue) }),
  },
  'plans:list': { permission: 'data:read',
    mode: 'read',
    request: z.object({ year, unitId: id.optional(), search: z.string().max(100).optional(), ...page }).strict(),
    response: z.object({
      total: z.number().int(), rows: z.array(planListRow),
      summary: z.object({ plans: z.number().int(), items: statusCounts, plannedJp: z.number(), plannedCost: z.number().int() }),
    }),
  },
  'plans:budgetOverview': { permission: 'data:read',
    mode: 'read',
    request: z.object({ year }).strict(),
    response: z.object({ year, rows: z.array(budgetUnitRow), totalPlannedCost: z.number().int(), totalCeiling: z.number().int().nullable() }),
  },
  /** Budget ceilings of the perangkat daerah (root units) for one year. */
  'plans:budgets': { permission: 'data:read', mode: 'read',request: z.object({ year }).strict(), response: z.object({ year, rows: z.array(budgetRow) }) },
  /** Sets (or with null removes) one ceiling. */
  'plans:setBudget': { permission: 'data:write', request: z.object({ unitId: id, year, ceiling: rupiah.nullable() }).strict(), response: done },
});
