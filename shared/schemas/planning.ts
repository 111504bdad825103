// The annual development plan under a budget: the catalogue's planning fields, the needs of the coming year,
// a proposed plan (scenario) and its acceptance into IDP items. Rules in shared/domain/planning/; served by
// main/services/planning/planning.service.ts.

import { z } from 'zod';
import { DELIVERY_MODE_CODES, PROVIDER_KIND_CODES } from '../domain/planning/catalogue';
import { id, jobId } from './common';
import { nullableText, rupiah, text, year } from './development';

const weight = z.number({ message: 'Bobot wajib diisi.' }).int({ message: 'Bobot berupa bilangan bulat 0–10.' }).min(0, { message: 'Bobot paling kecil 0.' }).max(10, { message: 'Bobot paling besar 10.' });

export const planWeights = z.object({ jp: weight, leadership: weight, keyPosition: weight, talentPool: weight, competency: weight });

/** The planning fields of a catalogue offering (the rest is shared/schemas/plans.ts catalogInput). */
export const offeringPlanningInput = z.object({
  mode: z.enum(DELIVERY_MODE_CODES, { message: 'Pilih moda pelaksanaan.' }),
  providerKind: z.enum(PROVIDER_KIND_CODES, { message: 'Pilih jenis penyelenggara.' }),
  partnerCostShare: z.number({ message: 'Porsi biaya mitra wajib diisi.' }).min(0, { message: 'Porsi biaya mitra 0–100%.' }).max(1, { message: 'Porsi biaya mitra 0–100%.' }),
  costPerClass: rupiah,
  classSize: z.number({ message: 'Kapasitas kelas wajib diisi.' }).int().min(1, { message: 'Kapasitas kelas paling sedikit 1 orang.' }).max(100_000),
  minClasses: z.number({ message: 'Jumlah kelas minimal wajib diisi.' }).int().min(1, { message: 'Jumlah kelas minimal paling sedikit 1.' }).max(1000),
  competencies: z.array(z.object({ competencyId: id, levels: z.number().int().min(1, { message: 'Kenaikan level 1–4.' }).max(4, { message: 'Kenaikan level 1–4.' }) }).strict()).max(20)
    .refine((list) => new Set(list.map((c) => c.competencyId)).size === list.length, { message: 'Satu kompetensi hanya sekali per kegiatan.' }),
}).strict();

export type OfferingPlanningInput = z.infer<typeof offeringPlanningInput>;

export const offeringPlanningRow = offeringPlanningInput.extend({
  catalogId: id,
  modeLabel: text,
  providerKindLabel: text,
  competencies: z.array(z.object({ competencyId: id, levels: z.number().int(), code: text, name: text })),
});

export const planNeedsRequest = z.object({ year, unitId: id.optional() }).strict();

export const planNeeds = z.object({
  year,
  unitName: nullableText,
  people: z.number().int(),
  needsTotal: z.number().int(),
  bySource: z.array(z.object({ source: text, label: text, needs: z.number().int(), people: z.number().int() })),
  byOpd: z.array(z.object({ opdId: id, opdName: text, ceiling: z.number().int().nullable(), needs: z.number().int(), people: z.number().int() })),
  /** The most frequent needs (competency, training or JP), for the summary table. */
  top: z.array(z.object({ label: text, needs: z.number().int(), opds: z.number().int() })),
});

export const planPin = z.object({ catalogId: id, unitId: id.nullish().transform((v) => v ?? null) }).strict();

export const planProposeRequest = z.object({
  year,
  /** The district's ceiling for this plan (rupiah). */
  budget: rupiah,
  unitId: id.optional(),
  weights: planWeights.optional(),
  pins: z.array(planPin).max(200).default([]),
  excludes: z.array(id).max(1000).default([]),
  /** Keep each OPD within its own ceiling of the year (Rencana IDP › Anggaran) as well. */
  useUnitCeilings: z.boolean().default(true),
  timeLimitSeconds: z.number().int().min(1).max(30).default(10),
  jobId: jobId.optional(),
}).strict();

export type PlanProposeRequest = z.input<typeof planProposeRequest>;

export const planParticipant = z.object({ employeeId: id, nip: text, name: text, reason: text, competencyId: id.nullable(), levels: z.number().int().nullable() });

export const planItemProposal = z.object({
  catalogId: id,
  title: text,
  modeLabel: text,
  lowCost: z.boolean(),
  opdId: id,
  opdName: text,
  needLabel: text,
  priorityLabel: text,
  classes: z.number().int(),
  jp: z.number(),
  /** The office's cost after the partner's share. */
  classCost: z.number().int(),
  participantCost: z.number().int(),
  cost: z.number().int(),
  participants: z.array(planParticipant),
});

export type PlanItemProposal = z.infer<typeof planItemProposal>;

export const planProposal = z.object({
  year,
  budget: z.number().int(),
  unitId: id.nullable(),
  unitName: nullableText,
  weights: planWeights,
  cost: z.number().int(),
  needsTotal: z.number().int(),
  needsCovered: z.number().int(),
  peopleReaching20Jp: z.number().int(),
  /** Relative gap between this plan and the best bound the solver proved; 0 when proven optimal. */
  optimalityGap: z.number().nullable(),
  provenOptimal: z.boolean(),
  solverSeconds: z.number(),
  gapLevelsClosed: z.number().int(),
  gapLevelsTotal: z.number().int(),
  keyPositionsWithNeeds: z.number().int(),
  keyPositionsCovered: z.number().int(),
  lowCostShare: z.number(),
  weightedCovered: z.number(),
  weightedTotal: z.number(),
  notes: z.array(text),
  opds: z.array(z.object({ opdId: id, opdName: text, ceiling: z.number().int().nullable(), cost: z.number().int(), needsTotal: z.number().int(), needsCovered: z.number().int() })),
  items: z.array(planItemProposal),
  model: z.object({ variables: z.number().int(), constraints: z.number().int(), groups: z.number().int(), offerings: z.number().int() }),
  /** Where the proposal's time went (ms): reading and grouping the needs, writing the model, waiting for the
   *  solver (its thread's start and HiGHS), seating people and the answer. The bench prints them. */
  timings: z.object({ needsMs: z.number(), modelMs: z.number(), solverMs: z.number(), seatingMs: z.number() }),
});

export type PlanProposalResult = z.infer<typeof planProposal>;

export const planAcceptRequest = z.object({
  year,
  items: z.array(z.object({
    catalogId: id,
    /** Classes run for these participants: their share of the class cost goes into each IDP item's cost. */
    classes: z.number().int().min(1).max(10_000),
    participants: z.array(z.object({ employeeId: id, competencyId: id.nullable(), levels: z.number().int().min(1).max(4).nullable(), reason: z.string().max(2000) }).strict()).min(1).max(50_000),
  }).strict()).min(1, { message: 'Rencana tidak memuat kegiatan.' }).max(5000),
}).strict();

export const planAcceptResult = z.object({ plansCreated: z.number().int(), itemsAdded: z.number().int(), skipped: z.number().int() });

/** The budget proposal of a scenario as the screen holds it, for its XLSX per perangkat daerah. */
export const planBudgetExportRequest = z.object({
  year,
  budget: rupiah,
  scopeName: z.string().max(200).nullable(),
  scenarioName: z.string().min(1).max(40),
  opds: z.array(z.object({ opdName: z.string().max(200), ceiling: z.number().int().min(0).nullable(), cost: z.number().int().min(0), needsTotal: z.number().int().min(0), needsCovered: z.number().int().min(0) }).strict()).max(1000),
  items: z.array(z.object({
    opdName: z.string().max(200), title: z.string().max(300), modeLabel: z.string().max(100), needLabel: z.string().max(400),
    classes: z.number().int().min(0), participants: z.number().int().min(0), jp: z.number().min(0), cost: z.number().int().min(0),
  }).strict()).max(20_000),
}).strict();

export const planRealisationRow = z.object({
  opdId: id, opdName: text, ceiling: z.number().int().nullable(), items: z.number().int(), done: z.number().int(), cancelled: z.number().int(),
  plannedCost: z.number().int(), spent: z.number().int(), plannedJp: z.number(), deliveredJp: z.number(),
});

export const planRealisation = z.object({ year, rows: z.array(planRealisationRow), total: planRealisationRow.omit({ opdId: true, opdName: true, ceiling: true }) });
