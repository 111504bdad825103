// employees: channel → request/response. The schemas are in shared/schemas/employees.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { id, fieldIssue } from '../../schemas/common';
import { employeeInput, employeeListRequest, employeeProfile, employeeRow, positionHistoryRow, rankHistoryRow, saveResult } from '../../schemas/employees';

export const employeeChannels = defineChannels({
  'employees:list': { permission: 'employees:read', mode: 'read',
    request: employeeListRequest,
    response: z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(employeeRow) }),
  },
  'employees:get': { permission: 'employees:read', mode: 'read',
    request: z.object({ id }).strict(),
    response: employeeProfile,
  },
  'employees:history': { permission: 'employees:read', mode: 'read',
    request: z.object({ employeeId: id }).strict(),
    response: z.object({ positions: z.array(positionHistoryRow), ranks: z.array(rankHistoryRow) }),
  },
  /** Live check for the form: field rules plus what only the database knows (duplicate NIP, unknown unit). */
  'employees:validate': { permission: 'employees:write', mode: 'read',
    request: z.object({ id: id.optional(), input: employeeInput }).strict(),
    response: z.object({ errors: z.array(fieldIssue), warnings: z.array(fieldIssue) }),
  },
  'employees:create': { permission: 'employees:write',
    request: z.object({ input: employeeInput }).strict(),
    response: saveResult,
  },
  /** `version` is the one the form was opened with; a newer stored version means someone else saved first. */
  'employees:update': { permission: 'employees:write',
    request: z.object({ id, version: z.number().int().min(1), input: employeeInput }).strict(),
    response: saveResult,
  },
});
