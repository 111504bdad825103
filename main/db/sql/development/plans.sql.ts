// Individual development plans (IDP) with their items, the training catalogue and the budget ceilings per
// perangkat daerah.

import { asFlag, countWhere, isPostgres, isTrue, lastInsertId, sumInt } from '../dialect';
import { employeeRowColumns, employeeRowJoins, readEmployeeRow, whereOf, type EmployeeRowFields, type SqlCondition } from '../employee-rows.sql';
import { marks, rowsOf, type Run } from '../run';

export interface CatalogValues {
  title: string;
  type: string;
  jp: number;
  estimatedCost: number;
  provider: string | null;
  competencyId: number | null;
  active: boolean;
}

export interface ItemValues {
  competencyId: number | null;
  requirement: string | null;
  currentLevel: number | null;
  targetLevel: number | null;
  activity: string;
  catalogId: number | null;
  jp: number;
  estimatedCost: number;
  targetDate: string | null;
  status: string;
}

/** An item as stored (snake_case: it is also the before-image of the audit log). */
export interface StoredItem {
  id: number;
  plan_id: number;
  competency_id: number | null;
  requirement: string | null;
  current_level: number | null;
  target_level: number | null;
  activity: string;
  catalog_id: number | null;
  jp: number;
  estimated_cost: number;
  target_date: string | null;
  status: string;
  training_record_id: number | null;
  updated_at: string;
  version: number;
  updated_by: string | null;
}

export interface StoredPlan {
  id: number;
  employee_id: number;
  year: number;
  target_position_id: number | null;
  notes: string | null;
}

export interface PlanRow {
  id: number;
  employeeId: number;
  year: number;
  targetPositionId: number | null;
  targetPositionName: string | null;
  notes: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  employee: EmployeeRowFields;
}

export interface ItemRow extends StoredItem {
  competency_code: string | null;
  competency_name: string | null;
  training_title: string | null;
  training_end_date: string | null;
}

/** Item counts per status and the JP and cost of the items not cancelled. */
const ITEM_SUMS = `SUM(i.status = 'direncanakan') AS direncanakan, SUM(i.status = 'berjalan') AS berjalan, SUM(i.status = 'selesai') AS selesai,
  SUM(i.status = 'batal') AS batal, SUM(CASE WHEN i.status <> 'batal' THEN i.jp ELSE 0 END) AS jp,
  SUM(CASE WHEN i.status <> 'batal' THEN i.estimated_cost ELSE 0 END) AS cost`;
const itemSums = (run: Run) => (isPostgres(run)
  ? `${countWhere(run, "i.status = 'direncanakan'")} AS direncanakan, ${countWhere(run, "i.status = 'berjalan'")} AS berjalan,
  ${countWhere(run, "i.status = 'selesai'")} AS selesai, ${countWhere(run, "i.status = 'batal'")} AS batal,
  SUM(CASE WHEN i.status <> 'batal' THEN i.jp ELSE 0 END) AS jp, ${sumInt(run, "CASE WHEN i.status <> 'batal' THEN i.estimated_cost ELSE 0 END")} AS cost`
  : ITEM_SUMS);

export interface ItemSums {
  direncanakan: number | null;
  berjalan: number | null;
  selesai: number | null;
  batal: number | null;
  jp: number | null;
  cost: number | null;
}

const exists = async (run: Run, sql: string, params: unknown[]) => (await rowsOf(run, sql, params)).length > 0;
const lastId = lastInsertId;

export const plansSql = {
  // Catalogue -------------------------------------------------------------------------------------------------

  async catalog(run: Run, includeInactive: boolean) {
    return rowsOf<{ id: number; title: string; type: string; jp: number; estimated_cost: number; provider: string | null; competency_id: number | null;
      active: number; code: string | null; competency_name: string | null; usage: number }>(run,
      `SELECT c.id, c.title, c.type, c.jp, c.estimated_cost, c.provider, c.competency_id, ${isPostgres(run) ? `${asFlag(run, 'c.active')} AS active` : 'c.active'}, d.code, d.name AS competency_name,
              (SELECT COUNT(*) FROM development_plan_item i WHERE i.catalog_id = c.id) + (SELECT COUNT(*) FROM training_record t WHERE t.catalog_id = c.id) AS usage
       FROM training_catalog c LEFT JOIN competency_definition d ON d.id = c.competency_id
       ${includeInactive ? '' : `WHERE ${isTrue(run, 'c.active')}`} ORDER BY c.active DESC, c.title`);
  },

  catalogExists: (run: Run, id: number) => exists(run, 'SELECT id FROM training_catalog WHERE id = ?', [id]),

  async catalogEntry(run: Run, id: number): Promise<Record<string, unknown> | null> {
    const [row] = await rowsOf<Record<string, unknown>>(run, `SELECT title, type, jp, estimated_cost, provider, competency_id, ${isPostgres(run) ? `${asFlag(run, 'active')} AS active` : 'active'} FROM training_catalog WHERE id = ?`, [id]);
    return row ?? null;
  },

  async insertCatalog(run: Run, v: CatalogValues): Promise<number> {
    await run('INSERT INTO training_catalog (title, type, jp, estimated_cost, provider, competency_id, active) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [v.title, v.type, v.jp, v.estimatedCost, v.provider, v.competencyId, v.active ? 1 : 0]);
    return lastId(run);
  },

  async updateCatalog(run: Run, id: number, v: CatalogValues): Promise<void> {
    await run('UPDATE training_catalog SET title = ?, type = ?, jp = ?, estimated_cost = ?, provider = ?, competency_id = ?, active = ? WHERE id = ?',
      [v.title, v.type, v.jp, v.estimatedCost, v.provider, v.competencyId, v.active ? 1 : 0, id]);
  },

  async competencies(run: Run) {
    return rowsOf<{ id: number; code: string; name: string; group: string }>(run,
      `SELECT id, code, name, "group" FROM competency_definition WHERE ${isTrue(run, 'active')} ORDER BY sort_order, code`);
  },

  competencyExists: (run: Run, id: number) => exists(run, 'SELECT id FROM competency_definition WHERE id = ?', [id]),

  // Plans -----------------------------------------------------------------------------------------------------

  async position(run: Run, id: number): Promise<{ id: number; name: string; level: string } | null> {
    const [row] = await rowsOf<{ id: number; name: string; level: string }>(run, 'SELECT id, name, level FROM position WHERE id = ?', [id]);
    return row ?? null;
  },

  /** The training types an employee has followed (for the required leadership trainings). */
  async followedTypes(run: Run, employeeId: number): Promise<string[]> {
    return (await rowsOf<{ type: string }>(run, 'SELECT DISTINCT type FROM training_record WHERE employee_id = ?', [employeeId])).map((r) => r.type);
  },

  async planIdOf(run: Run, employeeId: number, year: number): Promise<number | null> {
    const [row] = await rowsOf<{ id: number }>(run, 'SELECT id FROM development_plan WHERE employee_id = ? AND year = ?', [employeeId, year]);
    return row?.id ?? null;
  },

  async insertPlan(run: Run, p: { employeeId: number; year: number; targetPositionId: number | null; notes: string | null; createdBy: string; at: string }): Promise<number> {
    await run('INSERT INTO development_plan (employee_id, year, target_position_id, notes, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [p.employeeId, p.year, p.targetPositionId, p.notes, p.createdBy, p.at, p.at]);
    return lastId(run);
  },

  async insertItem(run: Run, planId: number, item: ItemValues, at: string): Promise<number> {
    await run(
      `INSERT INTO development_plan_item (plan_id, competency_id, requirement, current_level, target_level, activity, catalog_id, jp, estimated_cost, target_date, status, training_record_id, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
      [planId, item.competencyId, item.requirement, item.currentLevel, item.targetLevel, item.activity, item.catalogId, item.jp, item.estimatedCost, item.targetDate, item.status, at]);
    return lastId(run);
  },

  /** Plans (newest first) with their employee's list row and the target position. */
  async plans(run: Run, condition: SqlCondition): Promise<PlanRow[]> {
    const rows = await rowsOf<Record<string, unknown>>(run,
      `SELECT pl.id AS plan_id, pl.year, pl.target_position_id, pl.notes, pl.created_by, pl.created_at, pl.updated_at, pl.version, tp.name AS target_name, ${employeeRowColumns('e')}
       FROM development_plan pl JOIN employee e ON e.id = pl.employee_id ${employeeRowJoins('e')} LEFT JOIN position tp ON tp.id = pl.target_position_id
       WHERE ${condition.sql} ORDER BY pl.year DESC, pl.id DESC`, condition.params);
    return rows.map((r) => {
      const employee = readEmployeeRow(r);
      return {
        id: r.plan_id as number, employeeId: employee.employeeId, year: r.year as number, targetPositionId: (r.target_position_id as number | null) ?? null,
        targetPositionName: (r.target_name as string | null) ?? null, notes: (r.notes as string | null) ?? null, createdBy: r.created_by as string,
        createdAt: r.created_at as string, updatedAt: r.updated_at as string, version: Number(r.version), employee,
      };
    });
  },

  /** The items of the given plans, by target date. */
  async items(run: Run, planIds: readonly number[]): Promise<ItemRow[]> {
    if (planIds.length === 0) return [];
    return rowsOf<ItemRow>(run,
      `SELECT i.*, d.code AS competency_code, d.name AS competency_name, t.title AS training_title, t.end_date AS training_end_date
       FROM development_plan_item i LEFT JOIN competency_definition d ON d.id = i.competency_id LEFT JOIN training_record t ON t.id = i.training_record_id
       WHERE i.plan_id IN (${marks(planIds)}) ORDER BY i.target_date IS NULL, i.target_date, i.id`, [...planIds]);
  },

  async plan(run: Run, id: number): Promise<StoredPlan | null> {
    const [row] = await rowsOf<StoredPlan>(run, 'SELECT id, employee_id, year, target_position_id, notes FROM development_plan WHERE id = ?', [id]);
    return row ?? null;
  },

  async item(run: Run, id: number): Promise<StoredItem | null> {
    const [row] = await rowsOf<StoredItem>(run, 'SELECT * FROM development_plan_item WHERE id = ?', [id]);
    return row ?? null;
  },

  async storedItems(run: Run, planId: number): Promise<StoredItem[]> {
    return rowsOf<StoredItem>(run, 'SELECT * FROM development_plan_item WHERE plan_id = ?', [planId]);
  },

  async touchPlan(run: Run, planId: number, at: string): Promise<void> {
    await run('UPDATE development_plan SET updated_at = ? WHERE id = ?', [at, planId]);
  },

  async updatePlan(run: Run, id: number, next: { target_position_id: number | null; notes: string | null }, at: string): Promise<void> {
    await run('UPDATE development_plan SET target_position_id = ?, notes = ?, updated_at = ? WHERE id = ?', [next.target_position_id, next.notes, at, id]);
  },

  async deletePlan(run: Run, id: number): Promise<void> {
    await run('DELETE FROM development_plan WHERE id = ?', [id]);
  },

  async updateItem(run: Run, id: number, next: Pick<StoredItem, 'status' | 'activity' | 'catalog_id' | 'jp' | 'estimated_cost' | 'target_date' | 'training_record_id'>, at: string): Promise<void> {
    await run('UPDATE development_plan_item SET status = ?, activity = ?, catalog_id = ?, jp = ?, estimated_cost = ?, target_date = ?, training_record_id = ?, updated_at = ? WHERE id = ?',
      [next.status, next.activity, next.catalog_id, next.jp, next.estimated_cost, next.target_date, next.training_record_id, at, id]);
  },

  async deleteItem(run: Run, id: number): Promise<void> {
    await run('DELETE FROM development_plan_item WHERE id = ?', [id]);
  },

  async completeItem(run: Run, id: number, trainingRecordId: number | null, at: string): Promise<void> {
    await run(`UPDATE development_plan_item SET status = 'selesai', training_record_id = ?, updated_at = ? WHERE id = ?`, [trainingRecordId, at, id]);
  },

  /** The plans of a year (with the population filters): their item sums, and one page of plans with their own. */
  async yearPlans(run: Run, q: { year: number; subtree: SqlCondition | null; search: SqlCondition | null; offset: number; limit: number }) {
    const where = whereOf([{ sql: 'pl.year = ?', params: [q.year] }, q.subtree, q.search]);
    const from = 'FROM development_plan pl JOIN employee e ON e.id = pl.employee_id';
    const [summary] = await rowsOf<ItemSums & { plans: number }>(run,
      `SELECT COUNT(DISTINCT pl.id) AS plans, ${itemSums(run)} ${from} LEFT JOIN development_plan_item i ON i.plan_id = pl.id ${where.sql}`, where.params);
    const rows = await rowsOf<Record<string, unknown>>(run, isPostgres(run)
      // PostgreSQL groups only by what it can prove one row per plan: the sums per plan first, then the rows.
      ? `SELECT pl.id AS plan_id, pl.updated_at, tp.name AS target_name, ${employeeRowColumns('e')}, s.direncanakan, s.berjalan, s.selesai, s.batal,
           COALESCE(s.jp, 0) AS jp, COALESCE(s.cost, 0) AS cost
         ${from} ${employeeRowJoins('e')} LEFT JOIN position tp ON tp.id = pl.target_position_id
         LEFT JOIN (SELECT i.plan_id, ${itemSums(run)} FROM development_plan_item i GROUP BY i.plan_id) s ON s.plan_id = pl.id
         ${where.sql} ORDER BY e.name, pl.id LIMIT ? OFFSET ?`
      : `SELECT pl.id AS plan_id, pl.updated_at, tp.name AS target_name, ${employeeRowColumns('e')}, ${ITEM_SUMS}
       ${from} ${employeeRowJoins('e')} LEFT JOIN position tp ON tp.id = pl.target_position_id LEFT JOIN development_plan_item i ON i.plan_id = pl.id
       ${where.sql} GROUP BY pl.id ORDER BY e.name, pl.id LIMIT ? OFFSET ?`, [...where.params, q.limit, q.offset]);
    return {
      summary,
      rows: rows.map((r) => ({ id: r.plan_id as number, updatedAt: r.updated_at as string, targetPositionName: (r.target_name as string | null) ?? null, employee: readEmployeeRow(r), sums: r as unknown as ItemSums })),
    };
  },

  /** Item counts per status over the plans of a year. */
  async itemCounts(run: Run, year: number) {
    return rowsOf<{ status: string; n: number }>(run,
      'SELECT i.status, COUNT(*) AS n FROM development_plan_item i JOIN development_plan pl ON pl.id = i.plan_id WHERE pl.year = ? GROUP BY i.status', [year]);
  },

  // Budget ----------------------------------------------------------------------------------------------------

  /** The active perangkat daerah (root units) with their ceiling of a year. */
  async budgets(run: Run, year: number) {
    return rowsOf<{ id: number; name: string; ceiling: number | null }>(run,
      `SELECT u.id, u.name, b.ceiling FROM unit u LEFT JOIN development_budget b ON b.unit_id = u.id AND b.year = ?
       WHERE u.parent_id IS NULL AND ${isTrue(run, 'u.active')} ORDER BY u.sort_order, u.name`, [year]);
  },

  async ceiling(run: Run, unitId: number, year: number): Promise<number | null> {
    const [row] = await rowsOf<{ ceiling: number }>(run, 'SELECT ceiling FROM development_budget WHERE unit_id = ? AND year = ?', [unitId, year]);
    return row ? row.ceiling : null;
  },

  async setCeiling(run: Run, unitId: number, year: number, ceiling: number | null, at: string): Promise<void> {
    if (ceiling === null) {
      await run('DELETE FROM development_budget WHERE unit_id = ? AND year = ?', [unitId, year]);
      return;
    }
    await run(`INSERT INTO development_budget (unit_id, year, ceiling, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (unit_id, year) DO UPDATE SET ceiling = excluded.ceiling, updated_at = excluded.updated_at`, [unitId, year, ceiling, at]);
  },

  /** Planned JP and cost of the items not cancelled, and the cost of those done, per employee unit. */
  async plannedPerUnit(run: Run, year: number) {
    return rowsOf<{ unit_id: number | null; plans: number; jp: number | null; cost: number | null; completed: number | null }>(run,
      `SELECT e.unit_id, COUNT(DISTINCT pl.id) AS plans,
              SUM(CASE WHEN i.status <> 'batal' THEN i.jp ELSE 0 END) AS jp,
              ${sumInt(run, "CASE WHEN i.status <> 'batal' THEN i.estimated_cost ELSE 0 END")} AS cost,
              ${sumInt(run, "CASE WHEN i.status = 'selesai' THEN COALESCE(t.cost, i.estimated_cost) ELSE 0 END")} AS completed
       FROM development_plan pl JOIN employee e ON e.id = pl.employee_id
       LEFT JOIN development_plan_item i ON i.plan_id = pl.id LEFT JOIN training_record t ON t.id = i.training_record_id
       WHERE pl.year = ? GROUP BY e.unit_id`, [year]);
  },
};
