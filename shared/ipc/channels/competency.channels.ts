// competency: channel → request/response. The schemas are in shared/schemas/competency.ts.

import { z } from 'zod';
import { ASSESSMENT_METHOD_CODES, COMPETENCY_GROUP_CODES } from '../../domain/competency';
import { MAPPING_CATEGORIES, SELECTION_CATEGORIES } from '../../domain/jpm';
import { POSITION_KIND_CODES, POSITION_LEVEL_CODES } from '../../domain/position';
import { defineChannels } from '../define';
import { empty, id, isoDate, optionalText } from '../../schemas/common';
import { competencyDefinition, competencyRef, employeeRef, gapItem, heatmapRow, jpmStatus, jpmSummary, level, population } from '../../schemas/competency';
import { editVersion } from '../../schemas/edit-version';

export const competencyChannels = defineChannels({
  'competency:dictionary': { permission: 'data:read', mode: 'read',
    request: empty,
    response: z.object({ competencies: z.array(competencyDefinition) }),
  },
  'competency:saveDefinition': { permission: 'data:write',
    request: z.object({
      id: id.optional(),
      code: z.string().trim().min(2).max(20).regex(/^[A-Za-z0-9._-]+$/, { message: 'Kode hanya huruf, angka, titik, garis.' }),
      name: z.string().trim().min(3).max(120),
      group: z.enum(COMPETENCY_GROUP_CODES),
      description: optionalText(2000),
      levelDescriptors: z.array(z.string().trim().max(1000)).length(5, { message: 'Isi deskripsi untuk level 1 sampai 5.' }),
      active: z.boolean().default(true),
    }).strict(),
    response: competencyDefinition,
  },
  'competency:standard': { permission: 'data:read', mode: 'read',
    request: z.object({ positionId: id }).strict(),
    response: z.object({
      position: z.object({ id, name: z.string(), level: z.enum(POSITION_LEVEL_CODES), kind: z.enum(POSITION_KIND_CODES), unitName: z.string().nullable(), holders: z.number().int(), version: editVersion }),
      items: z.array(z.object({ competency: competencyRef, requiredLevel: z.number().int() })),
      /** Positions of the same level (same family first) that have a standard: sources to copy from. */
      similar: z.array(z.object({ id, name: z.string(), unitName: z.string().nullable(), items: z.number().int() })),
    }),
  },
  'competency:saveStandard': { permission: 'data:write',
    request: z.object({
      positionId: id,
      /** The position's version the standard was read at. */
      version: editVersion,
      items: z.array(z.object({ competencyId: id, requiredLevel: level })).max(60),
    }).strict(),
    response: z.object({ positionId: id, items: z.number().int(), employeesRefreshed: z.number().int() }),
  },
  'competency:copyStandard': { permission: 'data:write',
    /** Each target position with its version as the form read it (copying replaces the target's standard). */
    request: z.object({ fromPositionId: id, targets: z.array(z.object({ positionId: id, version: editVersion }).strict()).min(1).max(500) }).strict(),
    response: z.object({ copiedTo: z.number().int(), employeesRefreshed: z.number().int() }),
  },
  'competency:positionsWithoutStandard': { permission: 'data:read', mode: 'read',
    request: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    response: z.object({
      total: z.number().int(),
      positions: z.array(z.object({ id, name: z.string(), level: z.string(), unitName: z.string().nullable(), holders: z.number().int() })),
    }),
  },
  'competency:employee': { permission: 'data:read', mode: 'read',
    request: z.object({ employeeId: id }).strict(),
    response: z.object({
      employee: employeeRef,
      positionId: id.nullable(),
      jpm: jpmSummary,
      items: z.array(gapItem),
      /** Every assessment ever recorded, newest first (older ones are history; the latest per competency counts). */
      history: z.array(z.object({ id, competencyId: id, code: z.string(), name: z.string(), level: z.number().int(), assessedOn: z.string(), method: z.string(), assessor: z.string().nullable(), source: z.string() })),
    }),
  },
  'competency:recordAssessment': { permission: 'data:write',
    request: z.object({
      employeeId: id,
      assessedOn: isoDate,
      method: z.enum(ASSESSMENT_METHOD_CODES),
      assessor: optionalText(160),
      notes: optionalText(1000),
      levels: z.array(z.object({ competencyId: id, level })).min(1, { message: 'Isi level sedikitnya satu kompetensi.' }).max(60),
    }).strict(),
    response: z.object({ recorded: z.number().int(), jpm: jpmSummary }),
  },
  'competency:heatmap': { permission: 'data:read', mode: 'read',
    request: z.object(population).strict(),
    response: z.object({
      parent: z.object({ id, name: z.string(), parentId: id.nullable() }).nullable(),
      competencies: z.array(competencyRef),
      rows: z.array(heatmapRow),
    }),
  },
  'competency:cellEmployees': { permission: 'data:read', mode: 'read',
    request: z.object({
      unitId: id,
      /** false: only the unit's own staff (the "direct" row); true: the whole subtree. */
      subtree: z.boolean().default(true),
      competencyId: id,
      levels: population.levels,
      kinds: population.kinds,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }).strict(),
    response: z.object({
      total: z.number().int(),
      rows: z.array(employeeRef.extend({ required: z.number().int(), actual: z.number().int().nullable(), gap: z.number().int().nullable(), jpm: z.number().nullable(), status: jpmStatus })),
    }),
  },
  'competency:jpmDistribution': { permission: 'data:read', mode: 'read',
    request: z.object(population).strict(),
    response: z.object({
      buckets: z.array(z.object({ key: z.string(), label: z.string() })),
      byUnit: z.array(z.object({ unitId: id, unitName: z.string(), direct: z.boolean(), counts: z.record(z.string(), z.number().int()), assessed: z.number().int(), notAssessed: z.number().int(), averageJpm: z.number().nullable() })),
      byLevel: z.array(z.object({ level: z.string(), counts: z.record(z.string(), z.number().int()), assessed: z.number().int(), notAssessed: z.number().int(), averageJpm: z.number().nullable() })),
    }),
  },
  /** Who in the district matches a position best (JPM against that position's standard). */
  'competency:bestMatch': { permission: 'data:read', mode: 'read',
    request: z.object({ positionId: id, limit: z.number().int().min(1).max(500).default(50) }).strict(),
    response: z.object({
      position: z.object({ id, name: z.string(), level: z.string(), standardCount: z.number().int(), requiredSum: z.number().int() }),
      candidates: z.array(employeeRef.extend({
        jpm: z.number().nullable(),
        status: jpmStatus,
        category: z.enum(MAPPING_CATEGORIES).nullable(),
        selection: z.enum(SELECTION_CATEGORIES).nullable(),
        assessedCount: z.number().int(),
        belowStandard: z.number().int(),
        isIncumbent: z.boolean(),
      })),
    }),
  },
});
