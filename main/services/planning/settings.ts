// The plan's priorities (Rencana Anggaran): the weight of each kind of need, stored under 'planning.*' keys.

import { z } from 'zod';
import { DEFAULT_PLAN_WEIGHTS, PRIORITY_LABELS, type PlanWeights } from '../../../shared/domain/planning/needs';
import { formatNumberId } from '../../../shared/format/id-format';
import { planWeights } from '../../../shared/schemas/planning';
import type { SettingsSectionDefinition } from '../settings/settings-section';

const show = (value: number) => `bobot ${formatNumberId(value)}`;

export const PLANNING_SETTINGS: SettingsSectionDefinition<PlanWeights> = {
  prefix: 'planning',
  title: 'prioritas rencana pengembangan',
  schema: planWeights as z.ZodObject<{ [K in keyof PlanWeights]: z.ZodType<PlanWeights[K]> }>,
  defaults: DEFAULT_PLAN_WEIGHTS,
  labels: PRIORITY_LABELS,
  display: { jp: show, leadership: show, keyPosition: show, talentPool: show, competency: show },
};
