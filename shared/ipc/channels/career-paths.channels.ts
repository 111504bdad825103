// careerPaths: channel → request/response. The schemas are in shared/schemas/career-paths.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { id } from '../../schemas/common';
import { editVersion } from '../../schemas/edit-version';
import { done } from '../../schemas/development';
import { careerGraph, careerRecords, pathInput, peta, stepInput } from '../../schemas/career-paths';

const version = z.number().int().min(1);

export const careerPathsChannels = defineChannels({
  /** Jalur Karier: every path and step with how many stand at its start and how many are ready today. */
  'paths:graph': { permission: 'data:read', mode: 'read', request: z.object({}).strict(), response: careerGraph },
  /** Peta Karier of one employee: where they stand, every next step with each requirement, its vacancies. */
  'paths:employee': { permission: 'data:read', mode: 'read', request: z.object({ employeeId: id }).strict(), response: peta },
  /** The profile's career administration records of one employee (hukuman disiplin, KGB, tugas/izin belajar, CLTN,
   *  tanda kehormatan): read with the employee's record, so an Operator OPD reads those of its units. */
  'employees:careerRecords': { permission: 'employees:read', mode: 'read', request: z.object({ employeeId: id }).strict(), response: careerRecords },
  /** Adds or (with id and the version read) changes a step. The first edit stores Jenjang's default set. */
  'paths:saveStep': { permission: 'data:write',
    request: z.object({ id: id.optional(), version: version.optional(), input: stepInput }).strict(),
    response: z.object({ id }),
  },
  'paths:deleteStep': { permission: 'data:write', request: z.object({ id, version }).strict(), response: done },
  'paths:savePath': { permission: 'data:write',
    request: z.object({ id: id.optional(), version: version.optional(), input: pathInput }).strict(),
    response: z.object({ id }),
  },
  'paths:deletePath': { permission: 'data:write', request: z.object({ id, version }).strict(), response: done },
  /** "Jadikan IDP": the step's missing training, education and competency as items of this year's plan.
   *  `planVersion` is the version of this year's plan as the screen read it, null when it saw none. */
  'paths:makeIdp': { permission: 'data:write',
    request: z.object({ employeeId: id, stepId: id, planVersion: editVersion.nullable() }).strict(),
    response: z.object({ planId: id, added: z.number().int(), created: z.boolean() }),
  },
});
