// The target of a ranking or a plan: a structural post, its incumbent, when it falls vacant, what it requires,
// and the DTO pieces every succession answer shares.

import { DEFAULT_DISCIPLINE_RULES, disciplineBlock, type DisciplineKind, type DisciplineRecord, type DisciplineRules } from '../../../shared/domain/careers';
import { fullMonthsBetween, type IsoDate } from '../../../shared/domain/dates';
import { golonganLabel } from '../../../shared/domain/golongan';
import { positionLevelLabel } from '../../../shared/domain/position';
import {
  emptyBench, isStructuralLevel, relatedRumpunIndex, SCORE_COMPONENTS, targetRequirements,
  type BenchCounts, type EvaluationContext, type Readiness, type TargetRequirements,
} from '../../../shared/domain/succession';
import { AppError } from '../../../shared/errors';
import type { PositionDetail, SuccessionSettings } from '../../../shared/schemas/succession';
import type { SqlDialect } from '../../db/sql';
import type { Run } from '../../db/sql/run';
import type { IncumbentRecord, PositionRow } from '../../db/sql/succession/positions.sql';

export interface Target {
  position: PositionRow;
  req: TargetRequirements;
  incumbent: IncumbentRecord | null;
  vacantNow: boolean;
  vacancyDate: IsoDate;
  ctx: EvaluationContext;
  settings: SuccessionSettings;
}

/** The position, refused unless it is a structural post (plans and rankings are for JPT, administrator, pengawas). */
export async function requireStructural(sql: SqlDialect, run: Run, positionId: number): Promise<PositionRow> {
  return structuralOrRefuse(await sql.succession.positions.position(run, positionId), positionId);
}

/** Who a running hukuman disiplin keeps out of succession on `today` (everyone, or only these people), with the
 *  sentence saying so. */
export async function disciplineBlocks(sql: SqlDialect, run: Run, today: IsoDate, rules: DisciplineRules = DEFAULT_DISCIPLINE_RULES, people: readonly number[] | 'all' = 'all'): Promise<Map<number, string>> {
  const byEmployee = new Map<number, DisciplineRecord[]>();
  const rows = people === 'all' || people.length > 0 ? await sql.careerPaths.discipline(run, people) : [];
  for (const r of rows) {
    let list = byEmployee.get(r.employee_id);
    if (!list) byEmployee.set(r.employee_id, (list = []));
    list.push({ kind: r.kind as DisciplineKind, startDate: r.start_date, endDate: r.end_date });
  }
  const out = new Map<number, string>();
  for (const [employeeId, records] of byEmployee) {
    const block = disciplineBlock(records, today, 'succession', rules);
    if (block.blocked) out.set(employeeId, block.message);
  }
  return out;
}

export async function resolveTarget(sql: SqlDialect, run: Run, positionId: number, settings: SuccessionSettings, today: IsoDate, disciplineRules: DisciplineRules = DEFAULT_DISCIPLINE_RULES): Promise<Target> {
  // Three independent reads: together on a server's pool, in turn on a file.
  const [position, incumbent, discipline] = await Promise.all([
    requireStructural(sql, run, positionId),
    sql.succession.positions.incumbent(run, positionId),
    disciplineBlocks(sql, run, today, disciplineRules),
  ]);
  return targetOf(position, incumbent, settings, today, discipline);
}

/** The target as read: `discipline` must name everyone the answer evaluates (a ranking: the district; a plan: its
 *  candidates). */
export function targetOf(position: PositionRow, incumbent: IncumbentRecord | null, settings: SuccessionSettings, today: IsoDate, discipline: Map<number, string>): Target {
  const vacancyDate = vacancyDateOf(incumbent?.retirementDate ?? null, incumbent !== null, today);
  const req = targetRequirements({ id: position.id, name: position.name, level: position.level, eselon: position.eselon, minGolongan: position.min_golongan }, settings.rules);
  return {
    position, req, incumbent, vacantNow: incumbent === null, vacancyDate, settings,
    ctx: {
      today, vacancyDate, rules: settings.rules, weights: settings.weights, rumpun: { target: position.rumpun, related: relatedRumpunIndex(settings.relatedRumpun) },
      discipline,
    },
  };
}

/** The position, refused unless it is a structural post (plans and rankings are for JPT, administrator, pengawas). */
export function structuralOrRefuse<P extends PositionRow>(position: P | null, positionId: number): P {
  if (!position) throw new AppError('not_found', `Jabatan dengan ID ${positionId} tidak ditemukan.`);
  if (!isStructuralLevel(position.level)) {
    throw new AppError('validation', `${position.name} adalah jabatan ${positionLevelLabel(position.level) || 'non-struktural'}; rencana suksesi hanya untuk jabatan struktural (JPT, administrator, pengawas).`);
  }
  return position;
}

/** When the post falls vacant: today when it is vacant (or its incumbent is past TMT pensiun, or that date is
 *  unknown, the cautious reading), else the incumbent's TMT pensiun. */
export function vacancyDateOf(retirementDate: IsoDate | null, hasIncumbent: boolean, today: IsoDate): IsoDate {
  if (!hasIncumbent || !retirementDate) return today;
  return retirementDate < today ? today : retirementDate;
}

export function incumbentDto(i: { employeeId: number; nip: string; fullName: string; retirementDate: string | null }, today: IsoDate) {
  return {
    employeeId: i.employeeId, nip: i.nip, fullName: i.fullName, retirementDate: i.retirementDate,
    monthsLeft: i.retirementDate ? Math.max(0, fullMonthsBetween(today, i.retirementDate)) : null,
  };
}

/** Successors who can still take the post: active, not its incumbent, retiring after the vacancy. */
export function benchOf(candidates: ReadonlyArray<{ employeeId: number | null; readiness: string | null; status: string | null; retirementDate: string | null }>, incumbentId: number | null, vacancyDate: IsoDate): BenchCounts {
  const bench = emptyBench();
  for (const c of candidates) {
    if (c.status !== 'active' || c.employeeId === incumbentId || !c.readiness) continue;
    if (c.retirementDate !== null && c.retirementDate <= vacancyDate) continue;
    bench[c.readiness as Readiness] += 1;
  }
  return bench;
}

export function weightList(settings: SuccessionSettings) {
  return SCORE_COMPONENTS.map((c) => ({ key: c.key, label: c.label, weight: settings.weights[c.key] }));
}

export function requirementsDto(req: TargetRequirements): PositionDetail['requirements'] {
  return {
    minGolongan: req.minGolongan, minGolonganBasis: `${golonganLabel(req.minGolongan)} (${req.minGolonganBasis})`, feederLabel: req.feederLabel,
    education: req.education.label, training: req.training?.label ?? null, minYearsInPosition: req.minYearsInPosition, maxAge: req.maxAge,
  };
}
