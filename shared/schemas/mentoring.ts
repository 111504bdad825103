// Mentoring: mentor–mentee pairs with goals and sessions, and the mentors' load. Rules in
// shared/domain/development.ts; served by main/services/development/mentoring.service.ts.

import { z } from 'zod';
import { id, isoDate, optionalText } from './common';
import { nullableText, text } from './development';

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

export const saved = z.object({ id, warnings: z.array(text) });
