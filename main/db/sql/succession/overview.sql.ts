// The Suksesi overview and the key-position list: every active key post with its incumbent, every saved plan with
// its candidates, people named in many plans, the structural posts to mark, and what the Rencana Suksesi report
// adds (the posts of a unit's subtree, the candidates of chosen plans).

import { asFlag, isPostgres, isTrue, likeNoCase, nullsAsSqlite } from '../dialect';
import { spellingOf, tuplesOf, type TupleSource } from '../tuples';
import { employeeNameColumns, employeeRowColumns, employeeRowJoins, readEmployeeName, readEmployeeRow } from '../employee-rows.sql';
import { marks, rowsOf, type Run } from '../run';

export const STRUCTURAL_KINDS = ['jpt', 'administrator', 'pengawas'] as const;

/** One active key post as keyPositions returns it: the post, its unit and perangkat daerah, then its active holder
 *  (all null when vacant). */
export type KeyPositionTuple = [
  id: number, name: string, level: string, eselon: string | null, unitName: string | null, opdName: string | null,
  holderId: number | null, holderNip: string | null, holderName: string | null, holderFrontTitle: string | null, holderBackTitle: string | null,
  holderRetirementDate: string | null, holderPositionTmt: string | null,
];

/** One plan row as planCandidates returns it: the plan, its post's name, then one candidate (all null for a plan
 *  without candidates) with the post the candidate holds now. */
export type PlanCandidateTuple = [
  planId: number, positionId: number, updatedAt: string, planPositionName: string | null,
  readiness: string | null, rank: number | null, status: string | null, retirementDate: string | null, candidatePositionId: number | null,
  employeeId: number | null, nip: string | null, name: string | null, frontTitle: string | null, backTitle: string | null,
];

export interface PlanCandidateRecord {
  planId: number;
  positionId: number;
  updatedAt: string;
  employeeId: number | null;
  readiness: string | null;
  rank: number | null;
  status: string | null;
  retirementDate: string | null;
  /** The post the candidate holds now. */
  candidatePositionId: number | null;
  nip: string | null;
  fullName: string | null;
  /** The name of the plan's own post (the over-reliance list names it). */
  planPositionName: string | null;
}

// The overview's two reads return arrays (tuplesOf): on SQLite from statements prepared once on the connection in
// raw mode, which measured about a third cheaper per read than row objects through manager.query; on a server the
// same statements through a Run. The overview turns each array into its answer row directly.
export const overviewSql = {
  /** Every active key position with its active holders, by post (the scan's own order, no sort). A second active
   *  holder of one post (a data error) comes as a second tuple of the same post; the caller keeps one of them
   *  (holdsBefore). */
  keyPositions(source: TupleSource): Promise<KeyPositionTuple[]> {
    const run = spellingOf(source);
    return tuplesOf<KeyPositionTuple>(source,
      `SELECT p.id, p.name, p.level, p.eselon, u.name AS post_unit_name, r.name AS post_opd_name,
              ${employeeNameColumns('e', 'holder_')}, e.retirement_date AS holder_retirement_date, e.position_tmt AS holder_position_tmt
       FROM position p
       LEFT JOIN unit u ON u.id = p.unit_id
       LEFT JOIN unit r ON r.id = u.root_id
       ${isPostgres(run)
    // PostgreSQL guesses dozens of holders per post (the district's average) and hashed the whole employee table
    // against the posts; a lateral read takes each post's holder from idx_employee_holder instead: the one
    // holdsBefore would keep, so a post gives one tuple here.
    ? `LEFT JOIN LATERAL (SELECT h.id, h.nip, h.name, h.front_title, h.back_title, h.retirement_date, h.position_tmt
         FROM employee h WHERE h.position_id = p.id AND h.status = 'active' ORDER BY h.position_tmt DESC NULLS LAST, h.id LIMIT 1) e ON true`
    : `LEFT JOIN employee e ON e.position_id = p.id AND e.status = 'active'`}
       WHERE ${isTrue(run, 'p.is_key')} AND ${isTrue(run, 'p.active')}
       ORDER BY p.id`, []);
  },

  /** Every plan with its candidates in rank order (a plan without candidates gives one tuple with nulls), with the
   *  name of the plan's post: the overview's people named in many plans are worked out from these rows, so the
   *  candidates are read once. */
  planCandidates(source: TupleSource): Promise<PlanCandidateTuple[]> {
    return tuplesOf<PlanCandidateTuple>(source,
      `SELECT sp.id AS plan_id, sp.position_id, sp.updated_at, pp.name AS plan_position_name, c.readiness, c.rank, e.status, e.retirement_date,
              e.position_id AS candidate_position_id, ${employeeNameColumns('e')}
       FROM succession_plan sp
       LEFT JOIN position pp ON pp.id = sp.position_id
       LEFT JOIN succession_candidate c ON c.plan_id = sp.id
       ${isPostgres(spellingOf(source))
    // PostgreSQL hashed the whole employee table against the few hundred candidates; each candidate is read by its
    // key instead (OFFSET 0 keeps the subquery from being flattened back into that join).
    ? 'LEFT JOIN LATERAL (SELECT h.* FROM employee h WHERE h.id = c.employee_id OFFSET 0) e ON true'
    : 'LEFT JOIN employee e ON e.id = c.employee_id'}
       ORDER BY sp.position_id, c.rank, c.id`, []);
  },

  /** Structural posts (JPT, administrator, pengawas) with their incumbent and whether they have a plan. */
  async structuralPositions(run: Run, filter: { search?: string; level?: string; keyOnly?: boolean }) {
    const where = [`p.kind IN (${marks(STRUCTURAL_KINDS)})`, isTrue(run, 'p.active')];
    const params: unknown[] = [...STRUCTURAL_KINDS];
    if (filter.level) {
      where.push('p.level = ?');
      params.push(filter.level);
    }
    if (filter.keyOnly) where.push(isTrue(run, 'p.is_key'));
    if (filter.search) {
      where.push(`(p.name ${likeNoCase(run)} ? ESCAPE '\\' OR u.name ${likeNoCase(run)} ? ESCAPE '\\' OR r.name ${likeNoCase(run)} ? ESCAPE '\\')`);
      const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, like, like);
    }
    const rows = await rowsOf<Record<string, unknown>>(run,
      `SELECT p.id, p.name, p.level, p.eselon, u.name AS post_unit_name, r.name AS post_opd_name, ${asFlag(run, 'p.is_key')} AS is_key, p.version,
              ${asFlag(run, 'EXISTS (SELECT 1 FROM succession_plan sp WHERE sp.position_id = p.id)')} AS has_plan,
              ${employeeNameColumns('e', 'holder_')}
       FROM position p LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN unit r ON r.id = u.root_id
       LEFT JOIN employee e ON e.id = (SELECT h.id FROM employee h WHERE h.position_id = p.id AND h.status = 'active' ORDER BY h.position_tmt DESC${nullsAsSqlite(run, 'DESC')} LIMIT 1)
       WHERE ${where.join(' AND ')}
       ORDER BY CASE p.level WHEN 'jpt_utama' THEN 0 WHEN 'jpt_madya' THEN 1 WHEN 'jpt_pratama' THEN 2 WHEN 'administrator' THEN 3 ELSE 4 END, r.sort_order${nullsAsSqlite(run)}, r.name${nullsAsSqlite(run)}, u.sort_order${nullsAsSqlite(run)}, p.name`,
      params);
    return rows.map((r) => ({
      id: r.id as number, name: r.name as string, level: r.level as string, eselon: (r.eselon as string | null) ?? null,
      unitName: (r.post_unit_name as string | null) ?? null, opdName: (r.post_opd_name as string | null) ?? null, isKey: r.is_key === 1,
      incumbentName: r.holder_employee_id === null ? null : readEmployeeName(r, 'holder_').fullName, hasPlan: r.has_plan === 1,
      version: Number(r.version),
    }));
  },

  async setKey(run: Run, positionId: number, isKey: boolean): Promise<void> {
    await run('UPDATE position SET is_key = ? WHERE id = ?', [isKey ? 1 : 0, positionId]);
  },

  /** Positions whose unit lies in the subtree at `path` (a unit's materialised path). */
  async positionIdsUnder(run: Run, path: string): Promise<Set<number>> {
    const rows = await rowsOf<{ id: number }>(run, 'SELECT p.id FROM position p JOIN unit u ON u.id = p.unit_id WHERE substr(u.path, 1, ?) = ?', [path.length, path]);
    return new Set(rows.map((r) => r.id));
  },

  /** The candidates of chosen plans in rank order, with their current post (the Rencana Suksesi report). */
  async candidatesOfPlans(run: Run, planIds: readonly number[]) {
    if (planIds.length === 0) return [];
    const rows = await rowsOf<Record<string, unknown>>(run,
      `SELECT c.plan_id, c.rank, c.readiness, c.notes, ${employeeRowColumns('e')}
       FROM succession_candidate c JOIN employee e ON e.id = c.employee_id ${employeeRowJoins('e')}
       WHERE c.plan_id IN (${marks(planIds)}) ORDER BY c.plan_id, c.rank`, [...planIds]);
    return rows.map((r) => ({
      planId: r.plan_id as number, rank: r.rank as number, readiness: r.readiness as string, notes: (r.notes as string | null) ?? null, person: readEmployeeRow(r),
    }));
  },
};

/** Whether holder tuple `a` counts before `b` for one post, as `ORDER BY e.position_tmt DESC NULLS LAST, e.id`
 *  would put them: the later TMT jabatan (an unknown one last), then the lower id. (TMT dates are ISO text, so
 *  string order is date order on both databases.) */
export function holdsBefore(a: KeyPositionTuple, b: KeyPositionTuple): boolean {
  const tmtA = a[12];
  const tmtB = b[12];
  if (tmtA !== tmtB) return tmtA !== null && (tmtB === null || tmtA > tmtB);
  return Number(a[6]) < Number(b[6]);
}
