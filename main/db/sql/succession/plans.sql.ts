// Saved succession plans: the plan row (with its revision counter for the editor's optimistic concurrency), its
// candidates in order, and one revision row per save holding the whole plan as JSON.

import { asFlag } from '../dialect';
import { fullName } from '../../../../shared/domain/employee-status';
import { rowsOf, type Run } from '../run';

export interface PlanRow {
  id: number;
  revision: number;
  notes: string | null;
  updated_by: string;
  updated_at: string;
  created_at: string;
}

export interface StoredCandidate {
  employee_id: number;
  readiness: string;
  rank: number;
  notes: string | null;
  added_by: string;
  added_at: string;
}

/** A candidate of a post's plan as the position page reads it: the stored entry, the person's state, and the post
 *  they hold now (what the chain of vacancies follows). */
export interface PlanMember extends StoredCandidate {
  /** False when the employee row is gone (then the rest of the person is null). */
  found: boolean;
  status: string | null;
  retirementDate: string | null;
  fullName: string | null;
  nip: string | null;
  /** The post the candidate holds now (the employee's position_id). */
  positionId: number | null;
  /** That post, with what the chain needs of it (null when none or not found). */
  holds: { id: number; name: string; level: string; kind: string; is_key: number } | null;
}

/** One post's saved plan with its candidates in order (null without a plan). */
export interface PlanOfPosition {
  plan: PlanRow;
  members: PlanMember[];
}

export const plansSql = {
  /**
   * One post's plan, its candidates in order (rank, then id) and each candidate's state and current post, in one
   * statement: what the position page shows of the plan and what its bench and chain of vacancies read, without
   * reading every plan of the district.
   */
  async planOfPosition(run: Run, positionId: number): Promise<PlanOfPosition | null> {
    const rows = await rowsOf<Record<string, unknown>>(run,
      `SELECT sp.id AS plan_id, sp.revision, sp.notes AS plan_notes, sp.updated_by, sp.updated_at, sp.created_at,
              c.employee_id, c.readiness, c.rank, c.notes, c.added_by, c.added_at,
              e.id AS found_id, e.status, e.retirement_date, e.position_id, e.nip, e.name, e.front_title, e.back_title,
              hp.id AS holds_id, hp.name AS holds_name, hp.level AS holds_level, hp.kind AS holds_kind, ${asFlag(run, 'hp.is_key')} AS holds_is_key
       FROM succession_plan sp
       LEFT JOIN succession_candidate c ON c.plan_id = sp.id
       LEFT JOIN employee e ON e.id = c.employee_id
       LEFT JOIN position hp ON hp.id = e.position_id
       WHERE sp.position_id = ?
       ORDER BY c.rank, c.id`, [positionId]);
    if (rows.length === 0) return null;
    const first = rows[0];
    const plan: PlanRow = {
      id: first.plan_id as number, revision: first.revision as number, notes: (first.plan_notes as string | null) ?? null,
      updated_by: first.updated_by as string, updated_at: first.updated_at as string, created_at: first.created_at as string,
    };
    const members = rows.filter((r) => r.employee_id !== null && r.employee_id !== undefined).map((r): PlanMember => {
      const found = r.found_id !== null && r.found_id !== undefined;
      return {
        employee_id: r.employee_id as number, readiness: r.readiness as string, rank: r.rank as number, notes: (r.notes as string | null) ?? null,
        added_by: r.added_by as string, added_at: r.added_at as string,
        found, status: found ? r.status as string : null, retirementDate: (r.retirement_date as string | null) ?? null,
        fullName: found ? fullName(r.name as string, (r.front_title as string | null) ?? null, (r.back_title as string | null) ?? null) : null,
        nip: found ? r.nip as string : null, positionId: (r.position_id as number | null) ?? null,
        holds: r.holds_id === null || r.holds_id === undefined ? null
          : { id: r.holds_id as number, name: r.holds_name as string, level: r.holds_level as string, kind: r.holds_kind as string, is_key: Number(r.holds_is_key) },
      };
    });
    return { plan, members };
  },

  /** The latest revisions of a post's plan, newest first (none without a plan). */
  revisionsOfPosition: (run: Run, positionId: number, limit: number) => rowsOf<{ revision: number; saved_by: string; saved_at: string; summary: string; snapshot: string }>(run,
    `SELECT r.revision, r.saved_by, r.saved_at, r.summary, r.snapshot FROM succession_plan_revision r JOIN succession_plan sp ON sp.id = r.plan_id
     WHERE sp.position_id = ? ORDER BY r.revision DESC LIMIT ?`, [positionId, limit]),

  async planOf(run: Run, positionId: number): Promise<PlanRow | null> {
    return (await rowsOf<PlanRow>(run, 'SELECT id, revision, notes, updated_by, updated_at, created_at FROM succession_plan WHERE position_id = ?', [positionId]))[0] ?? null;
  },

  candidatesOf: (run: Run, planId: number) => rowsOf<StoredCandidate>(run,
    'SELECT employee_id, readiness, rank, notes, added_by, added_at FROM succession_candidate WHERE plan_id = ? ORDER BY rank, id', [planId]),

  /** A new plan; returns its id. */
  async insertPlan(run: Run, p: { positionId: number; notes: string | null; revision: number; actor: string; at: string }): Promise<number> {
    const [{ id }] = await rowsOf<{ id: number }>(run,
      'INSERT INTO succession_plan (position_id, notes, revision, updated_by, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      [p.positionId, p.notes, p.revision, p.actor, p.at, p.at]);
    return id;
  },

  async updatePlan(run: Run, planId: number, p: { notes: string | null; revision: number; actor: string; at: string }): Promise<void> {
    await run('UPDATE succession_plan SET notes = ?, revision = ?, updated_by = ?, updated_at = ? WHERE id = ?', [p.notes, p.revision, p.actor, p.at, planId]);
  },

  /** Replaces the plan's candidates by this list, in order. */
  async replaceCandidates(run: Run, planId: number, candidates: ReadonlyArray<{ employeeId: number; readiness: string; notes: string | null; addedBy: string; addedAt: string }>): Promise<void> {
    await run('DELETE FROM succession_candidate WHERE plan_id = ?', [planId]);
    for (const [i, c] of candidates.entries()) {
      await run('INSERT INTO succession_candidate (plan_id, employee_id, readiness, rank, notes, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [planId, c.employeeId, c.readiness, i + 1, c.notes, c.addedBy, c.addedAt]);
    }
  },

  async insertRevision(run: Run, r: { planId: number; revision: number; actor: string; at: string; summary: string; snapshot: unknown }): Promise<void> {
    await run('INSERT INTO succession_plan_revision (plan_id, revision, saved_by, saved_at, summary, snapshot) VALUES (?, ?, ?, ?, ?, ?)',
      [r.planId, r.revision, r.actor, r.at, r.summary, JSON.stringify(r.snapshot)]);
  },
};
