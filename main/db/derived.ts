// Derived tables and columns, refreshed by whoever writes their source rows, inside the writer's transaction
// (dashboards read derived data maintained on write, checked by tests against a full recompute).
// A writer calls refreshDerived(run, '<source table>', employeeIds) after its writes; every refresher that
// depends on that table runs. Capabilities register their refreshers here.

import type { Run } from './sql/run';
import { READINESS_EMPLOYEE_COLUMNS, refreshCareerReadiness } from './career-readiness';
import { KGB_EMPLOYEE_COLUMNS, refreshKgbDue } from './kgb-due';
import { refreshCompetencyCurrent, refreshCompetencyMembership, refreshCompetencyProfiles } from './sql/competency-profile.sql';
import { refreshPerformanceDerived } from './sql/performance.sql';
import { refreshSuccessionFacts } from './sql/succession/facts.sql';
import { refreshRumpunProposals } from './sql/succession/rumpun.sql';
import { refreshAllRetirementDates, refreshRetirementDates } from './sql/retirement.sql';
import { refreshTrainingYears } from './sql/training-year.sql';
import { QUALITY_EMPLOYEE_COLUMNS, refreshQualityChecks } from './sql/quality.sql';


export interface DerivedRefresher {
  name: string;
  /** Tables whose changes make this derived data stale. */
  sources: readonly string[];
  /** The columns of `employee` it reads, when not all: a writer that changed only other columns of an employee
   *  (refreshDerivedChanges) leaves this derived data alone for that employee. */
  employeeColumns?: readonly string[];
  /** Derived tables it maintains (rows there are recomputed, never user data: undo of an import may drop them). */
  targets?: readonly string[];
  refresh(run: Run, employeeIds: readonly number[] | 'all'): Promise<void>;
}


/** employee.retirement_date: TMT pensiun by the BUP of the current position. */
export const retirementDateRefresher: DerivedRefresher = {
  name: 'employee.retirement_date',
  sources: ['employee', 'position'],
  employeeColumns: ['birth_date', 'position_id'],
  async refresh(run, employeeIds) {
    if (employeeIds === 'all') await refreshAllRetirementDates(run);
    else await refreshRetirementDates(run, employeeIds);
  },
};

/** employee_competency_current: the latest assessment per employee and competency (latest date; on the same
 *  date, the one recorded last). Older assessments stay in competency_assessment as history. */
export const competencyCurrentRefresher: DerivedRefresher = {
  name: 'employee_competency_current',
  sources: ['competency_assessment'],
  targets: ['employee_competency_current'],
  refresh: (run, employeeIds) => refreshCompetencyCurrent(run, employeeIds),
};

/** employee_competency_profile (JPM against the current position's standard) and competency_gap_summary (the
 *  heatmap's per unit × level × competency sums). Runs after the current-assessment refresher. */
export const competencyProfileRefresher: DerivedRefresher = {
  name: 'employee_competency_profile + competency_gap_summary',
  sources: ['competency_assessment', 'position_competency_standard'],
  targets: ['employee_competency_profile', 'competency_gap_summary', 'competency_jpm_histogram'],
  refresh: (run, employeeIds) => refreshCompetencyProfiles(run, employeeIds),
};

/** The same tables when an employee's position, unit or status (or a position's jenjang) changed, not the
 *  assessments or standards: only the people whose stored profile no longer matches their post, their counts
 *  moved between the heatmap's groups. Runs after the refresher above, which leaves nobody for it to move. */
export const competencyMembershipRefresher: DerivedRefresher = {
  name: 'employee_competency_profile + competency_gap_summary (membership)',
  sources: ['employee', 'position'],
  employeeColumns: ['position_id', 'unit_id', 'status'],
  targets: ['employee_competency_profile', 'competency_gap_summary', 'competency_jpm_histogram'],
  refresh: (run, employeeIds) => refreshCompetencyMembership(run, employeeIds),
};

/** talent_axis_year (axes per employee and year) from SKP and potential assessments, then the summaries. */
export const performanceRefresher: DerivedRefresher = {
  name: 'talent axes + performance and 9-box summaries',
  sources: ['performance_evaluation', 'potential_assessment', 'talent_settings'],
  targets: ['talent_axis_year', 'performance_member', 'performance_year_summary', 'talent_box_summary'],
  refresh: (run, employeeIds) => refreshPerformanceDerived(run, employeeIds),
};

/** The summaries alone (performance_member, performance_year_summary, talent_box_summary), when an employee's
 *  unit, position or status changed: the axes do not depend on those. */
export const performanceMembershipRefresher: DerivedRefresher = {
  name: 'performance and 9-box summaries (membership)',
  sources: ['employee', 'position', 'unit'],
  employeeColumns: ['position_id', 'unit_id', 'status'],
  targets: ['performance_member', 'performance_year_summary', 'talent_box_summary'],
  refresh: (run, employeeIds) => refreshPerformanceDerived(run, employeeIds, { axes: false }),
};

/** employee_training_year: Σ JP per employee and calendar year by the year rule in Pengaturan. The
 *  import's `diklat` kind calls refreshDerived(run, 'training_record', employeeIds) after its writes. */
export const trainingYearRefresher: DerivedRefresher = {
  name: 'employee_training_year',
  sources: ['training_record'],
  targets: ['employee_training_year'],
  refresh: (run, employeeIds) => refreshTrainingYears(run, employeeIds),
};

/** succession_employee_facts: per person, the two latest annual SKP, the latest talent placement (or the box of
 *  the latest talent axes) and the leadership trainings the candidate ranking reads. Runs after the refreshers of
 *  those capabilities (talent_axis_year follows SKP, potential assessments and the talent thresholds). */
export const successionFactsRefresher: DerivedRefresher = {
  name: 'succession_employee_facts',
  sources: ['performance_evaluation', 'potential_assessment', 'talent_settings', 'talent_placement', 'talent_session', 'training_record'],
  targets: ['succession_employee_facts'],
  refresh: (run, employeeIds) => refreshSuccessionFacts(run, employeeIds),
};

/** position.rumpun: Jenjang's proposal (the JF family, or the field of the perangkat daerah) for the positions of
 *  these employees and any position without one, unless the office set it. */
export const rumpunProposalRefresher: DerivedRefresher = {
  name: 'position.rumpun',
  sources: ['employee', 'position', 'unit'],
  employeeColumns: ['position_id', 'unit_id', 'status'],
  refresh: (run, employeeIds) => refreshRumpunProposals(run, employeeIds),
};

/** employee_quality: each active employee's answers to the stable data-quality checks (shared/domain/quality.ts).
 *  The SKP is not among its sources: the check that asks for last year's SKP changes with the day and is
 *  evaluated on each read, as is the one that compares the TMT pensiun with the day. */
export const qualityRefresher: DerivedRefresher = {
  name: 'employee_quality',
  sources: ['employee', 'position', 'position_history', 'rank_history', 'potential_assessment', 'competency_assessment', 'position_competency_standard'],
  employeeColumns: QUALITY_EMPLOYEE_COLUMNS,
  targets: ['employee_quality'],
  refresh: (run, employeeIds) => refreshQualityChecks(run, employeeIds),
};

/** career_step_readiness: each active person's readiness for the next steps of the pola karier
 *  (main/db/career-readiness.ts). Runs after the current-assessment refresher, whose levels it reads. */
export const careerReadinessRefresher: DerivedRefresher = {
  name: 'career_step_readiness',
  sources: ['employee', 'position', 'position_history', 'training_record', 'competency_assessment', 'position_competency_standard',
    'performance_evaluation', 'discipline_record', 'career_path', 'career_step'],
  employeeColumns: READINESS_EMPLOYEE_COLUMNS,
  targets: ['career_step_readiness'],
  refresh: (run, employeeIds) => refreshCareerReadiness(run, employeeIds),
};

/** employee_kgb_due: each active PNS's next KGB due date (main/db/kgb-due.ts), which the KGB list reads by date.
 *  It follows the records alone, so no setting refreshes it. */
export const kgbDueRefresher: DerivedRefresher = {
  name: 'employee_kgb_due',
  sources: ['employee', 'rank_history', 'kgb_record'],
  employeeColumns: KGB_EMPLOYEE_COLUMNS,
  targets: ['employee_kgb_due'],
  refresh: (run, employeeIds) => refreshKgbDue(run, employeeIds),
};

export const DERIVED_REFRESHERS: DerivedRefresher[] = [
  retirementDateRefresher, competencyCurrentRefresher, competencyProfileRefresher, competencyMembershipRefresher, performanceRefresher, performanceMembershipRefresher, trainingYearRefresher,
  successionFactsRefresher, // reads the SKP, talent and training rows the refreshers above keep
  rumpunProposalRefresher,
  qualityRefresher,
  careerReadinessRefresher, // reads employee_competency_current, kept above
  kgbDueRefresher,
];

/** Refreshes everything derived from `sourceTable` for these employees (or all). */
export async function refreshDerived(run: Run, sourceTables: string | readonly string[], employeeIds: readonly number[] | 'all'): Promise<void> {
  // Several source tables at once (an import writes employees, positions and history together): each
  // refresher runs once, not once per table it depends on.
  const tables = typeof sourceTables === 'string' ? [sourceTables] : sourceTables;
  for (const refresher of DERIVED_REFRESHERS) {
    if (refresher.sources.some((source) => tables.includes(source))) await refresher.refresh(run, employeeIds);
  }
}

/**
 * What a writer changed, for refreshDerivedChanges: per source table, the employees whose derived data the change
 * may affect; for `employee` rows written in part, per column (`employee.<column>`), the employees whose column
 * changed. A key `employee` (no column) stands for every column (a new employee).
 */
export type DerivedChanges = ReadonlyMap<string, ReadonlySet<number>>;

/** Per refresher that must run, the employees it refreshes: those of the changes it reads. A refresher none of
 *  whose sources (or, for `employee`, none of whose columns) changed is left out. */
export function refreshScopes(changes: DerivedChanges, refreshers: readonly DerivedRefresher[] = DERIVED_REFRESHERS): Map<DerivedRefresher, number[]> {
  const scopes = new Map<DerivedRefresher, number[]>();
  for (const refresher of refreshers) {
    const ids = new Set<number>();
    for (const [key, employees] of changes) {
      const dot = key.indexOf('.');
      const table = dot < 0 ? key : key.slice(0, dot);
      if (!refresher.sources.includes(table)) continue;
      if (dot >= 0 && refresher.employeeColumns && !refresher.employeeColumns.includes(key.slice(dot + 1))) continue;
      for (const id of employees) ids.add(id);
    }
    if (ids.size > 0) scopes.set(refresher, [...ids].sort((a, b) => a - b));
  }
  return scopes;
}

/** Refreshes what these changes make stale, each refresher for its own employees, in registration order. */
export async function refreshDerivedChanges(run: Run, changes: DerivedChanges): Promise<void> {
  for (const [refresher, ids] of refreshScopes(changes)) await refresher.refresh(run, ids);
}
