// Mentoring: mentor–mentee pairs with goals and sessions, and the mentors' load. Rules in
// shared/domain/development.ts; served by main/services/development/mentoring.service.ts.

import { z } from 'zod';
import { defineChannels, id } from '../define';
import { isoDate, optionalText } from './common';
import { done, nullableText, page, text } from './development.channels';

export const MENTORING_STATUS_CODES = ['aktif', 'selesai', 'batal'] as const;

export const mentoringInput = z.object({
  mentorId: id,
  menteeId: id,
  goals: optionalText(2000),
  startDate: isoDate,
  endDate: isoDate.nullish().transform((v) => v ?? null),
  status: z.enum(MENTORING_STATUS_CODES).default('aktif'),
}).strict();

const personRef = z.object({
  id, nip: text, name: text, positionName: nullableText, positionLevel: nullableText, golongan: z.number().nullable(), unitName: nullableText,
});

export const mentoringRow = z.object({
  id,
  mentor: personRef,
  mentee: personRef,
  goals: nullableText,
  startDate: text,
  endDate: nullableText,
  status: z.enum(MENTORING_STATUS_CODES),
  sessions: z.number().int(),
  lastSession: nullableText,
  /** Warning when the mentor is not more senior than the mentee (recomputed from today's data). */
  seniorityWarning: nullableText,
});
export type MentoringRow = z.infer<typeof mentoringRow>;

export const mentorLoadRow = z.object({
  mentor: personRef,
  activeMentees: z.number().int(),
  totalPairs: z.number().int(),
  overLimit: z.boolean(),
});

export const mentoringCheck = z.object({
  warnings: z.array(text),
  mentorActiveMentees: z.number().int(),
  limit: z.number().int(),
});

export const mentoringSession = z.object({ id, relationId: id, sessionDate: text, notes: nullableText, createdAt: text });

const saved = z.object({ id, warnings: z.array(text) });

export const mentoringChannels = defineChannels({
  'mentoring:list': {
    mode: 'read',
    request: z.object({
      status: z.enum(MENTORING_STATUS_CODES).optional(), employeeId: id.optional(), unitId: id.optional(), search: z.string().max(100).optional(), ...page,
    }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(mentoringRow), limit: z.number().int() }),
  },
  'mentoring:mentorLoad': {
    mode: 'read',
    request: z.object({ unitId: id.optional() }).strict(),
    response: z.object({ limit: z.number().int(), rows: z.array(mentorLoadRow) }),
  },
  'mentoring:check': {
    mode: 'read',
    request: z.object({ id: id.optional(), mentorId: id, menteeId: id }).strict(),
    response: mentoringCheck,
  },
  'mentoring:save': { request: z.object({ id: id.optional(), input: mentoringInput }).strict(), response: saved },
  'mentoring:sessions': { mode: 'read',request: z.object({ relationId: id }).strict(), response: z.object({ rows: z.array(mentoringSession) }) },
  'mentoring:addSession': {
    request: z.object({ relationId: id, sessionDate: isoDate, notes: optionalText(4000) }).strict(),
    response: z.object({ id }),
  },
  'mentoring:deleteSession': { request: z.object({ id }).strict(), response: done },
});
