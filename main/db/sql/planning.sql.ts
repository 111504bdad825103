// The annual development plan under a budget (main/services/planning/): the catalogue as the plan sees it
// (offering fields and the competencies each develops), the perangkat daerah with their ceilings, and the needs
// of the coming year gathered from the data Jenjang holds. Every need read carries the person's perangkat
// daerah (the root of the unit tree: unit.root_id, or the unit itself at the root). The population is PNS and
// CPNS in service and active today (POPULATION_SQL), limited to a unit subtree when the plan is for one.

import { asFlag, countWhere, distinctList, isPostgres, isTrue, sumInt } from './dialect';
import type { SqlCondition } from './employee-rows.sql';
import { POPULATION_SQL } from './development/training.sql';
import { chunks, marks, rowsOf, type Prepared, type Run } from './run';

const OPD = 'COALESCE(u.root_id, u.id)';
/** `is_key` of a position alias as the 0/1 the row types say. */
const keyFlag = (run: Run, alias: string) => (isPostgres(run) ? `${asFlag(run, `${alias}.is_key`)} AS is_key` : `${alias}.is_key`);
const PEOPLE = `employee e JOIN unit u ON u.id = e.unit_id`;

function scoped(scope: SqlCondition | null, asOf: string): { sql: string; params: unknown[] } {
  // Active today as well: a plan is for people who can still follow it (and become IDP items, which need an active employee).
  return { sql: `${POPULATION_SQL} AND e.status = 'active'${scope ? ` AND ${scope.sql}` : ''}`, params: [asOf, asOf, ...(scope?.params ?? [])] };
}

export interface OfferingRow {
  id: number; title: string; type: string; mode: string; jp: number; estimated_cost: number; cost_per_class: number; class_size: number;
  min_classes: number; partner_cost_share: number; provider: string | null; provider_kind: string; competency_id: number | null;
}

export const planningSql = {
  /** Offerings with the fields the plan reads: the active ones, or every one for the catalogue form. */
  async offerings(run: Run, includeInactive = false): Promise<OfferingRow[]> {
    return rowsOf<OfferingRow>(run,
      `SELECT id, title, type, mode, jp, estimated_cost, cost_per_class, class_size, min_classes, partner_cost_share, provider, provider_kind, competency_id
       FROM training_catalog ${includeInactive ? '' : `WHERE ${isTrue(run, 'active')}`} ORDER BY id`);
  },

  /** The competencies each offering develops (every offering, active or not: the catalogue list shows them too). */
  async offeringCompetencies(run: Run): Promise<Array<{ catalog_id: number; competency_id: number; levels: number; code: string; name: string }>> {
    return rowsOf(run,
      `SELECT oc.catalog_id, oc.competency_id, oc.levels, d.code, d.name FROM training_catalog_competency oc
       JOIN competency_definition d ON d.id = oc.competency_id ORDER BY oc.catalog_id, d.sort_order, d.code`);
  },

  async replaceOfferingCompetencies(run: Run, catalogId: number, competencies: ReadonlyArray<{ competencyId: number; levels: number }>): Promise<void> {
    await run('DELETE FROM training_catalog_competency WHERE catalog_id = ?', [catalogId]);
    for (const c of competencies) {
      await run('INSERT INTO training_catalog_competency (catalog_id, competency_id, levels) VALUES (?, ?, ?)', [catalogId, c.competencyId, c.levels]);
    }
  },

  async updateOfferingPlanning(run: Run, catalogId: number, v: { mode: string; providerKind: string; partnerCostShare: number; costPerClass: number; classSize: number; minClasses: number }): Promise<void> {
    await run('UPDATE training_catalog SET mode = ?, provider_kind = ?, partner_cost_share = ?, cost_per_class = ?, class_size = ?, min_classes = ? WHERE id = ?',
      [v.mode, v.providerKind, v.partnerCostShare, v.costPerClass, v.classSize, v.minClasses, catalogId]);
  },

  /** The active perangkat daerah with their ceiling for the year (null: none set). */
  async opds(run: Run, year: number): Promise<Array<{ id: number; name: string; ceiling: number | null }>> {
    return rowsOf(run,
      `SELECT u.id, u.name, b.ceiling FROM unit u LEFT JOIN development_budget b ON b.unit_id = u.id AND b.year = ?
       WHERE u.parent_id IS NULL AND ${isTrue(run, 'u.active')} ORDER BY u.sort_order, u.name`, [year]);
  },

  /** The population of the plan: each person with their OPD, position and whether it is a key position. */
  async people(run: Run, scope: SqlCondition | null, asOf: string) {
    const where = scoped(scope, asOf);
    return rowsOf<{ id: number; nip: string; name: string; opd_id: number; position_id: number | null; position_name: string | null; is_key: number | null }>(run,
      `SELECT e.id, e.nip, e.name, ${OPD} AS opd_id, e.position_id, p.name AS position_name, ${keyFlag(run, 'p')}
       FROM ${PEOPLE} LEFT JOIN position p ON p.id = e.position_id WHERE ${where.sql}`, where.params);
  },

  /** Competency gaps against the standard of the person's own position (assessed competencies only: a
   *  competency never assessed has no known gap). */
  async positionGaps(run: Run, scope: SqlCondition | null, asOf: string) {
    const where = scoped(scope, asOf);
    return rowsOf<{ employee_id: number; opd_id: number; competency_id: number; competency_name: string; required_level: number; level: number; position_id: number; position_name: string; is_key: number }>(run,
      `SELECT e.id AS employee_id, ${OPD} AS opd_id, s.competency_id, d.name AS competency_name, s.required_level, c.level, p.id AS position_id, p.name AS position_name, ${keyFlag(run, 'p')}
       FROM ${PEOPLE} JOIN position p ON p.id = e.position_id
       JOIN position_competency_standard s ON s.position_id = e.position_id
       JOIN employee_competency_current c ON c.employee_id = e.id AND c.competency_id = s.competency_id
       JOIN competency_definition d ON d.id = s.competency_id AND ${isTrue(run, 'd.active')}
       WHERE c.level < s.required_level AND ${where.sql}`, where.params);
  },

  /** IDP items of earlier years' plans not done nor cancelled, that name a competency or a catalogue offering. */
  async openIdpItems(run: Run, scope: SqlCondition | null, asOf: string, year: number) {
    const where = scoped(scope, asOf);
    return rowsOf<{ employee_id: number; opd_id: number; plan_year: number; competency_id: number | null; competency_name: string | null; current_level: number | null; target_level: number | null; catalog_id: number | null; activity: string }>(run,
      `SELECT e.id AS employee_id, ${OPD} AS opd_id, pl.year AS plan_year, i.competency_id, d.name AS competency_name, i.current_level, i.target_level, i.catalog_id, i.activity
       FROM development_plan_item i JOIN development_plan pl ON pl.id = i.plan_id JOIN employee e ON e.id = pl.employee_id JOIN unit u ON u.id = e.unit_id
       LEFT JOIN competency_definition d ON d.id = i.competency_id
       WHERE i.status IN ('direncanakan', 'berjalan') AND pl.year < ? AND (i.competency_id IS NOT NULL OR i.catalog_id IS NOT NULL) AND ${where.sql}`, [year, ...where.params]);
  },

  /** People whose position level or employment type requires a structural training, with the structural
   *  trainings they followed (the rule is shared/domain/development.ts requiredTrainings). */
  async structuralCandidates(run: Run, scope: SqlCondition | null, asOf: string, levels: readonly string[], trainingTypes: readonly string[]) {
    const where = scoped(scope, asOf);
    return rowsOf<{ employee_id: number; opd_id: number; employment_type: string; position_level: string | null; position_id: number | null; is_key: number | null; followed: string | null }>(run,
      `SELECT e.id AS employee_id, ${OPD} AS opd_id, e.employment_type, p.level AS position_level, p.id AS position_id, ${keyFlag(run, 'p')},
              (SELECT ${distinctList(run, 'r.type')} FROM training_record r WHERE r.employee_id = e.id AND r.type IN (${marks(trainingTypes)})) AS followed
       FROM ${PEOPLE} LEFT JOIN position p ON p.id = e.position_id
       WHERE (e.employment_type = 'CPNS' OR p.level IN (${marks(levels)})) AND ${where.sql}`, [...trainingTypes, ...levels, ...where.params]);
  },

  /** Gaps of named successors against the standard of the position they are named for. */
  async successorGaps(run: Run, scope: SqlCondition | null, asOf: string) {
    const where = scoped(scope, asOf);
    return rowsOf<{ employee_id: number; opd_id: number; competency_id: number; competency_name: string; required_level: number; level: number; position_id: number; position_name: string; is_key: number }>(run,
      `SELECT e.id AS employee_id, ${OPD} AS opd_id, s.competency_id, d.name AS competency_name, s.required_level, c.level, tp.id AS position_id, tp.name AS position_name, ${keyFlag(run, 'tp')}
       FROM succession_candidate sc JOIN succession_plan sp ON sp.id = sc.plan_id JOIN position tp ON tp.id = sp.position_id
       JOIN employee e ON e.id = sc.employee_id JOIN unit u ON u.id = e.unit_id
       JOIN position_competency_standard s ON s.position_id = tp.id
       JOIN employee_competency_current c ON c.employee_id = e.id AND c.competency_id = s.competency_id
       JOIN competency_definition d ON d.id = s.competency_id AND ${isTrue(run, 'd.active')}
       WHERE c.level < s.required_level AND ${where.sql}`, where.params);
  },

  /** The career steps people stand at and are not ready for, other than by time alone (ready_on empty), from the
   *  readiness rows valid on `asOf` (main/db/career-readiness.ts keeps them): the steps whose missing requirements
   *  may be trainable. */
  async careerStepsOpen(run: Run, scope: SqlCondition | null, asOf: string) {
    const where = scoped(scope, asOf);
    return rowsOf<{ employee_id: number; step_id: number }>(run,
      `SELECT r.employee_id, r.step_id FROM career_step_readiness r JOIN employee e ON e.id = r.employee_id JOIN unit u ON u.id = e.unit_id
       WHERE r.ready = 0 AND r.ready_on IS NULL AND r.as_of <= ? AND (r.valid_until IS NULL OR r.valid_until > ?) AND ${where.sql}`, [asOf, asOf, ...where.params]);
  },

  /** Everyone's leadership trainings followed and ended by `asOf` (a higher one covers a lower): one read of the
   *  few such records, rather than one per chunk of people (the end_date index would scan every record each time). */
  async leadershipFollowed(run: Run, trainingTypes: readonly string[], asOf: string) {
    return rowsOf<{ employee_id: number; followed: string }>(run,
      `SELECT employee_id, ${distinctList(run, 'type')} AS followed FROM training_record
       WHERE type IN (${marks(trainingTypes)}) AND end_date <= ? GROUP BY employee_id`, [...trainingTypes, asOf]);
  },

  /** The current levels of these people in these competencies (as the career step's JPM reads them), with the
   *  competency's name when its definition is active (a gap in an inactive one is no need). */
  async competencyLevelsOf(run: Run, ids: readonly number[], competencyIds: readonly number[]) {
    type Row = { employee_id: number; competency_id: number; level: number; name: string | null };
    const out: Row[] = [];
    if (competencyIds.length === 0) return out;
    for (const chunk of chunks(ids, 400)) {
      out.push(...await rowsOf<Row>(run,
        `SELECT c.employee_id, c.competency_id, c.level, CASE WHEN ${isTrue(run, 'd.active')} THEN d.name END AS name
         FROM employee_competency_current c LEFT JOIN competency_definition d ON d.id = c.competency_id
         WHERE c.employee_id IN (${marks(chunk)}) AND c.competency_id IN (${marks(competencyIds)})`, [...chunk, ...competencyIds]));
    }
    return out;
  },

  /** Whether a plan already holds a live item (not cancelled) of this offering: accepting twice adds nothing. */
  async planHasOffering(run: Run, planId: number, catalogId: number): Promise<boolean> {
    return (await rowsOf(run, `SELECT 1 FROM development_plan_item WHERE plan_id = ? AND catalog_id = ? AND status <> 'batal' LIMIT 1`, [planId, catalogId])).length > 0;
  },

  /** Realisation of a year's IDP items that come from the catalogue, per OPD: planned, done and cancelled items,
   *  planned and spent cost (a done item's training cost when recorded, else its estimate), planned and
   *  delivered JP (the recorded training's JP when linked). */
  async realisation(run: Run, year: number) {
    return rowsOf<{ opd_id: number; items: number; done: number; cancelled: number; planned_cost: number | null; spent: number | null; planned_jp: number | null; delivered_jp: number | null }>(run,
      `SELECT ${OPD} AS opd_id, COUNT(*) AS items, ${countWhere(run, "i.status = 'selesai'")} AS done, ${countWhere(run, "i.status = 'batal'")} AS cancelled,
              ${sumInt(run, "CASE WHEN i.status <> 'batal' THEN i.estimated_cost ELSE 0 END")} AS planned_cost,
              ${sumInt(run, "CASE WHEN i.status = 'selesai' THEN COALESCE(t.cost, i.estimated_cost) ELSE 0 END")} AS spent,
              SUM(CASE WHEN i.status <> 'batal' THEN i.jp ELSE 0 END) AS planned_jp,
              SUM(CASE WHEN i.status = 'selesai' THEN COALESCE(t.jp, i.jp) ELSE 0 END) AS delivered_jp
       FROM development_plan_item i JOIN development_plan pl ON pl.id = i.plan_id JOIN employee e ON e.id = pl.employee_id JOIN unit u ON u.id = e.unit_id
       LEFT JOIN training_record t ON t.id = i.training_record_id
       WHERE pl.year = ? AND i.catalog_id IS NOT NULL GROUP BY ${OPD}`, [year]);
  },

  /** Employees of the given ids with their status (accepting a plan refuses people no longer in service). */
  async employeesByIds(run: Run, ids: readonly number[]) {
    if (ids.length === 0) return [];
    return rowsOf<{ id: number; name: string; status: string }>(run, `SELECT id, name, status FROM employee WHERE id IN (${marks(ids)})`, [...ids]);
  },
};

export type PlanningSql = typeof planningSql;

/** The demo's planning values for the catalogue the development demo wrote (main/demo/planning.demo.ts). */
export const planningDemoSql = {
  catalogue(tx: Prepared) {
    return tx.statement('SELECT c.id, c.title, c.type, c.jp, c.provider, d.code AS competency_code FROM training_catalog c LEFT JOIN competency_definition d ON d.id = c.competency_id ORDER BY c.id')
      .all() as Array<{ id: number; title: string; type: string; jp: number; provider: string | null; competency_code: string | null }>;
  },
  competencyIds(tx: Prepared): Map<string, number> {
    const rows = tx.statement('SELECT id, code FROM competency_definition').all() as Array<{ id: number; code: string }>;
    return new Map(rows.map((r) => [r.code, r.id]));
  },
  offeringWriter(tx: Prepared) {
    const statement = tx.statement('UPDATE training_catalog SET mode = ?, provider_kind = ?, partner_cost_share = ?, cost_per_class = ?, class_size = ?, min_classes = ? WHERE id = ?');
    return (id: number, v: { mode: string; providerKind: string; partnerCostShare: number; costPerClass: number; classSize: number; minClasses: number }) =>
      statement.run(v.mode, v.providerKind, v.partnerCostShare, v.costPerClass, v.classSize, v.minClasses, id);
  },
  competencyWriter(tx: Prepared) {
    const statement = tx.statement('INSERT OR REPLACE INTO training_catalog_competency (catalog_id, competency_id, levels) VALUES (?, ?, ?)');
    return (catalogId: number, competencyId: number, levels: number) => statement.run(catalogId, competencyId, levels);
  },
};
