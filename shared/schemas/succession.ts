import { z } from 'zod';
import { CHECK_KEYS, COMPONENT_KEYS, DEFAULT_READINESS_LABELS, DEFAULT_RISK_SETTINGS, DEFAULT_SUCCESSION_RULES, DEFAULT_WEIGHTS, normaliseRumpun, READINESS_CODES, RISK_LEVEL_CODES, RUMPUN_MAX_LENGTH, rumpunKey } from '../domain/succession';
import { id, optionalText } from './common';

// ---------------------------------------------------------------------------------------------------------
// Settings (Pengaturan › Suksesi): stored under succession.readinessLabels, .risk, .rules, .weights, .relatedRumpun

const label = z.string().trim().min(1, { message: 'Label wajib diisi.' }).max(40, { message: 'Label paling banyak 40 karakter.' });

const months = (max: number) => z.number().int().min(1, { message: 'Minimal 1 bulan.' }).max(max, { message: `Paling banyak ${max} bulan.` });

const years = z.number().int().min(0).max(10);

const weight = z.number().int().min(0, { message: 'Bobot tidak boleh negatif.' }).max(100, { message: 'Bobot paling besar 100.' });

export const readinessLabelsSchema = z.object({ siap_sekarang: label, siap_1_2_tahun: label, siap_lebih_2_tahun: label }).strict();

export const riskSettingsSchema = z.object({
  highMonths: months(60), mediumMonths: months(120), emptyBenchIsMedium: z.boolean(),
}).strict().refine((r) => r.mediumMonths >= r.highMonths, { message: 'Batas risiko sedang harus sama atau lebih panjang dari batas risiko tinggi.', path: ['mediumMonths'] });

export const successionRulesSchema = z.object({
  golonganToleranceSteps: z.number().int().min(0).max(2),
  minYearsInPosition: z.object({ jpt_madya: years, jpt_pratama: years, administrator: years, pengawas: years }).strict(),
  maxAgeJptPratama: z.number().int().min(40).max(60),
  minServiceMonthsAfterVacancy: z.number().int().min(0).max(120),
  overRelianceThreshold: z.number().int().min(2, { message: 'Minimal 2 rencana.' }).max(20),
  allowLateralMoves: z.boolean(),
}).strict();

// The rumpun weight came later: weights stored before it get its default.
export const scoreWeightsSchema = z.object({
  ...(Object.fromEntries(COMPONENT_KEYS.map((k) => [k, weight])) as Record<(typeof COMPONENT_KEYS)[number], typeof weight>),
  rumpun: weight.default(DEFAULT_WEIGHTS.rumpun),
}).strict().refine((w) => Object.values(w).some((v) => v > 0), { message: 'Paling sedikit satu bobot harus lebih dari 0.' });

/** A rumpun name as the office types it: trimmed, single spaces, at most RUMPUN_MAX_LENGTH characters. */
export const rumpunName = z.string().transform((v) => normaliseRumpun(v) ?? '')
  .pipe(z.string().min(1, { message: 'Nama rumpun wajib diisi.' }).max(RUMPUN_MAX_LENGTH, { message: `Nama rumpun paling banyak ${RUMPUN_MAX_LENGTH} karakter.` }));

/** Pairs of related rumpun (either order), as the office lists them. */
export const relatedRumpunSchema = z.array(z.object({ a: rumpunName, b: rumpunName }).strict()
  .refine((r) => rumpunKey(r.a) !== rumpunKey(r.b), { message: 'Rumpun tidak perlu dikaitkan dengan dirinya sendiri.' }))
  .max(1000, { message: 'Paling banyak 1.000 pasangan rumpun terkait.' });

export const successionSettings = z.object({
  readinessLabels: readinessLabelsSchema,
  risk: riskSettingsSchema,
  rules: successionRulesSchema,
  weights: scoreWeightsSchema,
  relatedRumpun: relatedRumpunSchema,
});

export type SuccessionSettings = z.infer<typeof successionSettings>;

export const DEFAULT_SUCCESSION_SETTINGS: SuccessionSettings = {
  readinessLabels: DEFAULT_READINESS_LABELS, risk: DEFAULT_RISK_SETTINGS, rules: DEFAULT_SUCCESSION_RULES, weights: DEFAULT_WEIGHTS, relatedRumpun: [],
};

// ---------------------------------------------------------------------------------------------------------
// Shared shapes

export const readiness = z.enum(READINESS_CODES);

const riskLevel = z.enum(RISK_LEVEL_CODES);

export const bench = z.object({ siap_sekarang: z.number().int(), siap_1_2_tahun: z.number().int(), siap_lebih_2_tahun: z.number().int() });

export const checklistItem = z.object({
  key: z.enum(CHECK_KEYS), label: z.string(), status: z.enum(['ok', 'warn', 'fail', 'unknown']), detail: z.string(),
});

export const scoreComponent = z.object({
  key: z.enum(COMPONENT_KEYS), label: z.string(), weight: z.number(), value: z.number().nullable(), points: z.number(), detail: z.string(),
});

export const incumbent = z.object({
  employeeId: id, nip: z.string(), fullName: z.string(), retirementDate: z.string().nullable(), monthsLeft: z.number().int().nullable(),
});

export const keyPositionRow = z.object({
  positionId: id,
  name: z.string(),
  level: z.string(),
  eselon: z.string().nullable(),
  unitName: z.string().nullable(),
  opdName: z.string().nullable(),
  isKey: z.boolean(),
  incumbent: incumbent.nullable(),
  vacantNow: z.boolean(),
  /** Expected vacancy: today when vacant, else the incumbent's TMT pensiun. */
  vacancyDate: z.string(),
  risk: riskLevel,
  riskReason: z.string(),
  bench,
  planId: id.nullable(),
  planUpdatedAt: z.string().nullable(),
});

export type KeyPositionRow = z.infer<typeof keyPositionRow>;

export const successionOverview = z.object({
  asOf: z.string(),
  riskRule: z.array(z.string()),
  readinessLabels: readinessLabelsSchema,
  totals: z.object({
    keyPositions: z.number().int(), vacantNow: z.number().int(), tinggi: z.number().int(), sedang: z.number().int(), rendah: z.number().int(),
    withReadyNow: z.number().int(), withPlan: z.number().int(), overReliance: z.number().int(),
  }),
  positions: z.array(keyPositionRow),
  /** Key positions whose incumbent retires in each calendar year, this year first (six years). */
  timeline: z.array(z.object({ year: z.number().int(), count: z.number().int(), tinggi: z.number().int(), sedang: z.number().int(), rendah: z.number().int() })),
  byOpd: z.array(z.object({ opd: z.string(), total: z.number().int(), tinggi: z.number().int(), sedang: z.number().int(), rendah: z.number().int(), readyNow: z.number().int() })),
  bench,
  overReliance: z.array(z.object({ employeeId: id, nip: z.string(), fullName: z.string(), planCount: z.number().int(), positions: z.array(z.string()) })),
});

export type SuccessionOverview = z.infer<typeof successionOverview>;

const employeeSummary = {
  employeeId: id,
  nip: z.string(),
  fullName: z.string(),
  positionId: id.nullable(),
  positionName: z.string().nullable(),
  positionLevel: z.string().nullable(),
  unitName: z.string().nullable(),
  opdName: z.string().nullable(),
  golongan: z.number().nullable(),
  retirementDate: z.string().nullable(),
  status: z.string(),
  /** Plans (of any position) this person is a candidate in. */
  planCount: z.number().int(),
};

const evaluation = {
  eligible: z.boolean(),
  failed: z.array(z.enum(CHECK_KEYS)),
  checklist: z.array(checklistItem),
  components: z.array(scoreComponent),
  score: z.number().nullable(),
  coverage: z.number(),
  suggestedReadiness: readiness,
};

export const rankedCandidate = z.object({ ...employeeSummary, ...evaluation, rank: z.number().int().nullable(), inThisPlan: z.boolean() });

export type RankedCandidate = z.infer<typeof rankedCandidate>;

export const developmentNeed = z.object({
  kind: z.enum(['kompetensi', 'asesmen', 'diklat', 'syarat']), competencyId: id.nullable(), label: z.string(),
  currentLevel: z.number().nullable(), targetLevel: z.number().nullable(), action: z.string(),
});

export type DevelopmentNeedRow = z.infer<typeof developmentNeed>;

export const planCandidate = z.object({
  ...employeeSummary, ...evaluation,
  rank: z.number().int(), readiness, notes: z.string().nullable(), addedBy: z.string(), addedAt: z.string(),
  developmentNeeds: z.array(developmentNeed),
});

export type PlanCandidate = z.infer<typeof planCandidate>;

export const requirements = z.object({
  minGolongan: z.number(), minGolonganBasis: z.string(), feederLabel: z.string(), education: z.string(), training: z.string().nullable(),
  minYearsInPosition: z.number(), maxAge: z.number().nullable(),
});

export const chainStep = z.object({
  positionId: id, positionName: z.string(), positionLevel: z.string(), isKey: z.boolean(),
  hasPlan: z.boolean(), candidateCount: z.number().int(), readyNowCount: z.number().int(),
  mover: z.object({ employeeId: id, fullName: z.string(), readiness }).nullable(),
  freed: z.object({ positionId: id, positionName: z.string(), positionLevel: z.string(), isKey: z.boolean() }).nullable(),
  end: z.string().nullable(),
});

export const planRevision = z.object({
  revision: z.number().int(), savedBy: z.string(), savedAt: z.string(), summary: z.string(), notes: z.string().nullable(),
  candidates: z.array(z.object({ employeeId: id, fullName: z.string(), readiness, rank: z.number().int(), notes: z.string().nullable() })),
});

export const positionDetail = z.object({
  asOf: z.string(),
  position: z.object({
    id, name: z.string(), kind: z.string(), level: z.string(), eselon: z.string().nullable(), isKey: z.boolean(),
    /** The position's version, sent back when the key mark changes. */
    version: z.number().int(),
    unitPath: z.array(z.string()), opdName: z.string().nullable(),
    /** The rumpun the ranking uses: set by the office, or else Jenjang's proposal. */
    rumpun: z.string().nullable(),
    rumpunSetByOffice: z.boolean(),
    /** What Jenjang proposes from the data (the JF family, or the field of the perangkat daerah). */
    proposedRumpun: z.string().nullable(),
  }),
  incumbent: incumbent.nullable(),
  vacantNow: z.boolean(),
  vacancyDate: z.string(),
  risk: riskLevel,
  riskReason: z.string(),
  riskRule: z.array(z.string()),
  bench,
  requirements,
  readinessLabels: readinessLabelsSchema,
  weights: z.array(z.object({ key: z.enum(COMPONENT_KEYS), label: z.string(), weight: z.number() })),
  overRelianceThreshold: z.number().int(),
  standard: z.array(z.object({ competencyId: id, code: z.string(), name: z.string(), requiredLevel: z.number().int() })),
  plan: z.object({
    id, revision: z.number().int(), notes: z.string().nullable(), updatedBy: z.string(), updatedAt: z.string(), createdAt: z.string(),
    candidates: z.array(planCandidate),
  }).nullable(),
  history: z.array(planRevision),
  chain: z.array(chainStep),
});

export type PositionDetail = z.infer<typeof positionDetail>;

export const rankRequest = z.object({
  positionId: id,
  /** Also list people who do not meet a requirement, with the reasons. */
  includeIneligible: z.boolean().default(false),
  /** Only people with data for every weighted component of the score (of those who pass the basic requirements). */
  completeDataOnly: z.boolean().default(false),
  /** Part of a name or NIP, to find one person in the ranking. */
  search: z.string().trim().max(100).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
}).strict();

export type RankRequest = z.input<typeof rankRequest>;

export const rankResult = z.object({
  positionId: id,
  vacancyDate: z.string(),
  weights: z.array(z.object({ key: z.enum(COMPONENT_KEYS), label: z.string(), weight: z.number() })),
  /** Active employees considered (the incumbent excluded). */
  evaluated: z.number().int(),
  eligible: z.number().int(),
  /** Eligible people with data for every weighted component. */
  completeData: z.number().int(),
  /** Eligible people without a complete competency assessment against the post's standard (their score has no JPM). */
  withoutAssessment: z.number().int(),
  ineligible: z.number().int(),
  /** People failing each requirement (one person may fail several). */
  ineligibleByReason: z.array(z.object({ key: z.enum(CHECK_KEYS), label: z.string(), count: z.number().int() })),
  /** Rows in the list (eligible, plus ineligible when asked), for paging. */
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(rankedCandidate),
});

export type RankResult = z.infer<typeof rankResult>;

export const candidateDetail = z.object({
  positionId: id,
  vacancyDate: z.string(),
  candidate: rankedCandidate,
  developmentNeeds: z.array(developmentNeed),
  competencies: z.array(z.object({ competencyId: id, code: z.string(), name: z.string(), requiredLevel: z.number().int(), level: z.number().int().nullable() })),
});

export type CandidateDetail = z.infer<typeof candidateDetail>;

export const savePlanRequest = z.object({
  positionId: id,
  /** The plan's revision the editor started from (0: no plan yet). */
  expectedRevision: z.number().int().min(0),
  notes: optionalText(2000),
  candidates: z.array(z.object({ employeeId: id, readiness, notes: optionalText(1000) }).strict())
    .max(20, { message: 'Paling banyak 20 kandidat dalam satu rencana.' }),
}).strict();

export type SavePlanRequest = z.input<typeof savePlanRequest>;

export const structuralPositionRow = z.object({
  positionId: id, name: z.string(), level: z.string(), eselon: z.string().nullable(), unitName: z.string().nullable(), opdName: z.string().nullable(),
  isKey: z.boolean(), incumbentName: z.string().nullable(), hasPlan: z.boolean(),
  /** The position's version, sent back when the key mark changes. */
  version: z.number().int(),
});
