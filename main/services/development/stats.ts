// stats --json "development", composed from the four development services (README: exact meaning of each key).

import type { StatsOptions } from '../stats.service';
import type { CareerService } from './career.service';
import type { MentoringService } from './mentoring.service';
import type { PlanService } from './plan.service';
import type { TrainingService } from './training.service';

export async function developmentStats(
  services: { training: TrainingService; plans: PlanService; mentoring: MentoringService; careers: CareerService },
  options: StatsOptions,
) {
  const { asOf } = options;
  const year = options.year ?? (await services.training.defaultYear(asOf));
  const { compliant, below } = await services.training.complianceCounts(year, asOf);
  return {
    year,
    jpCompliant: compliant,
    jpBelow: below,
    idpByStatus: await services.plans.itemCounts(year),
    mentoringPairs: await services.mentoring.pairsInYear(year),
    promotionEligibleNextPeriod: (await services.careers.eligibleNextPeriod(asOf)).eligible,
    rotationCandidates: await services.careers.rotationCount(asOf),
  };
}
