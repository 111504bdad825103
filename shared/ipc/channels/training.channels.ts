// training: channel → request/response. The schemas are in shared/schemas/training.ts.

import { z } from 'zod';
import { JP_YEAR_RULE_CODES, TRAINING_TYPE_CODES } from '../../domain/development';
import { defineChannels } from '../define';
import { id, fieldIssue } from '../../schemas/common';
import { page, year } from '../../schemas/development';
import { belowRow, employeeYearJp, jpCompliance, trainingInput, trainingRow } from '../../schemas/training';

export const trainingChannels = defineChannels({
  'training:list': { permission: 'data:read',
    mode: 'read',
    request: z.object({
      employeeId: id.optional(), year: year.optional(), unitId: id.optional(), type: z.enum(TRAINING_TYPE_CODES).optional(),
      search: z.string().max(100).optional(), ...page,
    }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(trainingRow) }),
  },
  /** The profile's Diklat tab: every record and the JP of each year (trainings not yet ended do not count). */
  'training:ofEmployee': { permission: 'data:read',
    mode: 'read',
    request: z.object({ employeeId: id }).strict(),
    response: z.object({ target: z.number(), rule: z.enum(JP_YEAR_RULE_CODES), years: z.array(employeeYearJp), records: z.array(trainingRow) }),
  },
  'training:validate': { permission: 'data:write',
    mode: 'read',
    request: z.object({ id: id.optional(), employeeId: id, input: trainingInput }).strict(),
    response: z.object({ errors: z.array(fieldIssue), warnings: z.array(fieldIssue) }),
  },
  'training:save': { permission: 'data:write',
    request: z.object({ id: id.optional(), employeeId: id, input: trainingInput }).strict(),
    response: z.object({ id, warnings: z.array(fieldIssue) }),
  },
  /** Deleting a training that completed an IDP item puts that item back to "berjalan". */
  'training:delete': { permission: 'data:write', request: z.object({ id }).strict(), response: z.object({ reopenedItems: z.number().int() }) },
  'training:compliance': { permission: 'data:read', mode: 'read',request: z.object({ year: year.optional(), unitId: id.optional() }).strict(), response: jpCompliance },
  'training:below': { permission: 'data:read',
    mode: 'read',
    request: z.object({ year, unitId: id.optional(), search: z.string().max(100).optional(), ...page }).strict(),
    response: z.object({ total: z.number().int(), target: z.number(), rows: z.array(belowRow) }),
  },
});
