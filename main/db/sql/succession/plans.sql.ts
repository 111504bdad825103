// Saved succession plans: the plan row (with its revision counter for the editor's optimistic concurrency), its
// candidates in order, and one revision row per save holding the whole plan as JSON.

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

export const plansSql = {
  async planOf(run: Run, positionId: number): Promise<PlanRow | null> {
    return (await rowsOf<PlanRow>(run, 'SELECT id, revision, notes, updated_by, updated_at, created_at FROM succession_plan WHERE position_id = ?', [positionId]))[0] ?? null;
  },

  candidatesOf: (run: Run, planId: number) => rowsOf<StoredCandidate>(run,
    'SELECT employee_id, readiness, rank, notes, added_by, added_at FROM succession_candidate WHERE plan_id = ? ORDER BY rank, id', [planId]),

  /** The latest revisions, newest first. */
  revisions: (run: Run, planId: number, limit: number) => rowsOf<{ revision: number; saved_by: string; saved_at: string; summary: string; snapshot: string }>(run,
    'SELECT revision, saved_by, saved_at, summary, snapshot FROM succession_plan_revision WHERE plan_id = ? ORDER BY revision DESC LIMIT ?', [planId, limit]),

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
