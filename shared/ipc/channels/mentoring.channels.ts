// mentoring: channel → request/response. The schemas are in shared/schemas/mentoring.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { id, isoDate, optionalText } from '../../schemas/common';
import { done, page } from '../../schemas/development';
import { MENTORING_STATUS_CODES, mentorLoadRow, mentoringCheck, mentoringInput, mentoringRow, mentoringSession, saved } from '../../schemas/mentoring';

export const mentoringChannels = defineChannels({
  'mentoring:list': { permission: 'data:read',
    mode: 'read',
    request: z.object({
      status: z.enum(MENTORING_STATUS_CODES).optional(), employeeId: id.optional(), unitId: id.optional(), search: z.string().max(100).optional(), ...page,
    }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(mentoringRow), limit: z.number().int() }),
  },
  'mentoring:mentorLoad': { permission: 'data:read',
    mode: 'read',
    request: z.object({ unitId: id.optional() }).strict(),
    response: z.object({ limit: z.number().int(), rows: z.array(mentorLoadRow) }),
  },
  'mentoring:check': { permission: 'data:read',
    mode: 'read',
    request: z.object({ id: id.optional(), mentorId: id, menteeId: id }).strict(),
    response: mentoringCheck,
  },
  'mentoring:save': { permission: 'data:write', request: z.object({ id: id.optional(), input: mentoringInput }).strict(), response: saved },
  'mentoring:sessions': { permission: 'data:read', mode: 'read',request: z.object({ relationId: id }).strict(), response: z.object({ rows: z.array(mentoringSession) }) },
  'mentoring:addSession': { permission: 'data:write',
    request: z.object({ relationId: id, sessionDate: isoDate, notes: optionalText(4000) }).strict(),
    response: z.object({ id }),
  },
  'mentoring:deleteSession': { permission: 'data:write', request: z.object({ id }).strict(), response: done },
});
