// performance: channel → request/response. The schemas are in shared/schemas/performance.ts.

import { z } from 'zod';
import { PERIOD_CODES, PREDIKAT_CODES, RATING_CODES, REGIME_CODES } from '../../domain/skp';
import { defineChannels } from '../define';
import { empty, id, isoDate, optionalText } from '../../schemas/common';
import { labelled } from '../../schemas/field-label';
import { FOLLOW_UP_CODES, categoryCounts, employeeRef, evaluationRow, population, potentialRow, year } from '../../schemas/performance';

export const performanceChannels = defineChannels({
  'performance:employee': { permission: 'data:read', mode: 'read',
    request: z.object({ employeeId: id }).strict(),
    response: z.object({
      employee: employeeRef,
      evaluations: z.array(evaluationRow),
      potentials: z.array(potentialRow),
      /** "Kinerja menurun dua periode berturut-turut: 2023 Sangat Baik → 2024 Baik → 2025 Butuh Perbaikan" */
      warnings: z.array(z.string()),
    }),
  },
  /** Adds or replaces the evaluation of one period (the 2022 predikat follows from the ratings). */
  'performance:saveEvaluation': { permission: 'data:write',
    request: z.object({
      employeeId: id,
      year,
      period: z.enum(PERIOD_CODES),
      regime: z.enum(REGIME_CODES),
      hasilKerja: z.enum(RATING_CODES).nullish().transform((v) => v ?? null),
      perilakuKerja: z.enum(RATING_CODES).nullish().transform((v) => v ?? null),
      legacyScore: labelled(z.number().min(0, { message: 'Nilai SKP harus 0–120.' }).max(120, { message: 'Nilai SKP harus 0–120.' }).nullish().transform((v) => v ?? null), 'Nilai SKP'),
      evaluatorNip: labelled(optionalText(30), 'NIP penilai'),
      followUpStatus: z.enum(FOLLOW_UP_CODES).nullish().transform((v) => v ?? null),
      notes: labelled(optionalText(1000), 'Catatan'),
    }).strict(),
    response: z.object({ evaluation: evaluationRow, replaced: z.boolean() }),
  },
  'performance:deleteEvaluation': { permission: 'data:write',
    request: z.object({ evaluationId: id }).strict(),
    response: z.object({ deleted: z.boolean() }),
  },
  'performance:setFollowUp': { permission: 'data:write',
    request: z.object({ evaluationId: id, status: z.enum(FOLLOW_UP_CODES), notes: labelled(optionalText(1000), 'Catatan') }).strict(),
    response: evaluationRow,
  },
  'performance:savePotential': { permission: 'data:write',
    request: z.object({
      employeeId: id,
      assessedOn: labelled(isoDate, 'Tanggal asesmen'),
      level: z.enum(['rendah', 'menengah', 'tinggi']).nullish().transform((v) => v ?? null),
      score: labelled(z.number().min(0, { message: 'Nilai potensi harus 0–100.' }).max(100, { message: 'Nilai potensi harus 0–100.' }).nullish().transform((v) => v ?? null), 'Nilai potensi'),
      method: labelled(optionalText(60), 'Metode'),
      notes: labelled(optionalText(1000), 'Catatan'),
    }).strict(),
    response: potentialRow,
  },
  /** Years that have annual SKP, and the latest of them. */
  /** The years with SKP data: the year picker of Kinerja and of Manajemen Talenta (which Komite Talenta reads too). */
  'performance:years': { permission: 'talent:read', mode: 'read',
    request: empty,
    response: z.object({ years: z.array(z.number().int()), latest: z.number().int().nullable() }),
  },
  /** Predikat distribution per year for a population, and per unit (rows) for comparison and trends. */
  'performance:distribution': { permission: 'data:read', mode: 'read',
    request: z.object({ ...population, fromYear: year.optional(), toYear: year.optional() }).strict(),
    response: z.object({
      years: z.array(z.object({ year: z.number().int(), counts: categoryCounts, total: z.number().int(), legacy: z.boolean() })),
      units: z.array(z.object({ unitId: id, unitName: z.string(), direct: z.boolean(), years: z.array(z.object({ year: z.number().int(), counts: categoryCounts, total: z.number().int() })) })),
      parent: z.object({ id, name: z.string(), parentId: id.nullable() }).nullable(),
    }),
  },
  /** Employees with Butuh Perbaikan or worse in a year, with their follow-up. */
  'performance:followUps': { permission: 'data:read', mode: 'read',
    request: z.object({ ...population, year, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(employeeRef.extend({ evaluationId: id, predikat: z.enum(PREDIKAT_CODES), followUpStatus: z.enum(FOLLOW_UP_CODES).nullable(), notes: z.string().nullable() })) }),
  },
  /** The employees behind one bar of the distribution: a year and a category. */
  'performance:categoryEmployees': { permission: 'data:read', mode: 'read',
    request: z.object({ ...population, year, category: z.string().min(2).max(40), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(employeeRef.extend({ evaluationId: id, predikat: z.enum(PREDIKAT_CODES).nullable(), legacyScore: z.number().nullable(), legacyLabel: z.string().nullable() })) }),
  },
  /** Active employees without an annual SKP for the year (data completeness). */
  'performance:withoutSkp': { permission: 'data:read', mode: 'read',
    request: z.object({ ...population, year, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    response: z.object({ total: z.number().int(), active: z.number().int(), rows: z.array(employeeRef.extend({ cpnsTmt: z.string().nullable(), lastSkpYear: z.number().int().nullable() })) }),
  },
});
