// Mentoring pairs, their sessions, and the mentors' load.

import { countWhere, isNotSame, isPostgres, lastInsertId } from '../dialect';
import { employeeRowColumns, employeeRowJoins, readEmployeeRow, whereOf, type EmployeeRowFields, type SqlCondition } from '../employee-rows.sql';
import { rowsOf, type Run } from '../run';

export interface MentoringValues {
  mentorId: number;
  menteeId: number;
  goals: string | null;
  startDate: string;
  endDate: string | null;
  status: string;
}

export interface PairPerson extends EmployeeRowFields {
  golongan: number | null;
}

export interface PairRow {
  id: number;
  goals: string | null;
  startDate: string;
  endDate: string | null;
  status: string;
  sessions: number;
  lastSession: string | null;
  mentor: PairPerson;
  mentee: PairPerson;
}

/** The list row of a person under alias `e`, with the golongan the seniority rule compares. */
const person = (e: string, as: string) => `${employeeRowColumns(e, as)}, ${e}.golongan AS ${as}golongan`;
const readPerson = (r: Record<string, unknown>, as: string): PairPerson => ({ ...readEmployeeRow(r, as), golongan: (r[`${as}golongan`] as number | null) ?? null });

const PAIR_FROM = `FROM mentoring_relation r JOIN employee m ON m.id = r.mentor_id JOIN employee t ON t.id = r.mentee_id`;

const lastId = lastInsertId;

export const mentoringSql = {
  /**
   * A page of pairs, active ones first. `menteeSubtree` is a unit condition on the mentee (alias `t`); `search`
   * builds the one employee search for an alias, and a pair matches when its mentor or its mentee does.
   */
  async list(run: Run, q: { status?: string; employeeId?: number; menteeSubtree: SqlCondition | null; search: ((alias: string) => SqlCondition | null) | null; offset: number; limit: number }) {
    const mentorMatch = q.search?.('m') ?? null;
    const menteeMatch = q.search?.('t') ?? null;
    const where = whereOf([
      q.status ? { sql: 'r.status = ?', params: [q.status] } : null,
      q.employeeId === undefined ? null : { sql: '(r.mentor_id = ? OR r.mentee_id = ?)', params: [q.employeeId, q.employeeId] },
      q.menteeSubtree,
      mentorMatch && menteeMatch ? { sql: `(${mentorMatch.sql} OR ${menteeMatch.sql})`, params: [...mentorMatch.params, ...menteeMatch.params] } : null,
    ]);
    const [{ total }] = await rowsOf<{ total: number }>(run, `SELECT COUNT(*) AS total ${PAIR_FROM} ${where.sql}`, where.params);
    const rows = await rowsOf<Record<string, unknown>>(run,
      `SELECT r.id, r.goals, r.start_date, r.end_date, r.status, ${person('m', 'mentor_')}, ${person('t', 'mentee_')},
              (SELECT COUNT(*) FROM mentoring_session s WHERE s.relation_id = r.id) AS sessions,
              (SELECT MAX(s.session_date) FROM mentoring_session s WHERE s.relation_id = r.id) AS last_session
       ${PAIR_FROM} ${employeeRowJoins('m')} ${employeeRowJoins('t')} ${where.sql}
       ORDER BY CASE r.status WHEN 'aktif' THEN 0 WHEN 'selesai' THEN 1 ELSE 2 END, r.start_date DESC, r.id DESC LIMIT ? OFFSET ?`,
      [...where.params, q.limit, q.offset]);
    return {
      total,
      rows: rows.map((r): PairRow => ({
        id: r.id as number, goals: (r.goals as string | null) ?? null, startDate: r.start_date as string, endDate: (r.end_date as string | null) ?? null,
        status: r.status as string, sessions: Number(r.sessions), lastSession: (r.last_session as string | null) ?? null,
        mentor: readPerson(r, 'mentor_'), mentee: readPerson(r, 'mentee_'),
      })),
    };
  },

  /** Mentors with active mentees (restricted to a unit of the mentor, alias `m`), heaviest first. */
  async mentorLoad(run: Run, mentorSubtree: SqlCondition | null) {
    const where = whereOf([mentorSubtree]);
    const rows = await rowsOf<Record<string, unknown>>(run, isPostgres(run)
      // PostgreSQL: the counts per mentor first, then the mentor's row (it groups only what it can prove).
      ? `SELECT ${person('m', 'mentor_')}, x.active, x.total FROM (
           SELECT r.mentor_id, ${countWhere(run, "r.status = 'aktif'")} AS active, COUNT(*) AS total
           FROM mentoring_relation r JOIN employee m ON m.id = r.mentor_id ${employeeRowJoins('m')}
           ${where.sql} GROUP BY r.mentor_id HAVING ${countWhere(run, "r.status = 'aktif'")} > 0) x
         JOIN employee m ON m.id = x.mentor_id ${employeeRowJoins('m')} ORDER BY x.active DESC, m.name`
      : `SELECT ${person('m', 'mentor_')}, SUM(r.status = 'aktif') AS active, COUNT(*) AS total
       FROM mentoring_relation r JOIN employee m ON m.id = r.mentor_id ${employeeRowJoins('m')}
       ${where.sql} GROUP BY r.mentor_id HAVING SUM(r.status = 'aktif') > 0 ORDER BY active DESC, m.name`, where.params);
    return rows.map((r) => ({ mentor: readPerson(r, 'mentor_'), active: Number(r.active), total: Number(r.total) }));
  },

  async activeMentees(run: Run, mentorId: number, exceptId: number | null): Promise<number> {
    const [{ n }] = await rowsOf<{ n: number }>(run, `SELECT COUNT(*) AS n FROM mentoring_relation WHERE mentor_id = ? AND status = 'aktif' AND id ${isNotSame(run)} ?`, [mentorId, exceptId]);
    return n;
  },

  /** Names of the mentee's other active mentors. */
  async otherActiveMentors(run: Run, menteeId: number, mentorId: number, exceptId: number | null): Promise<string[]> {
    const rows = await rowsOf<Record<string, unknown>>(run,
      `SELECT ${employeeRowColumns('e')} FROM mentoring_relation r JOIN employee e ON e.id = r.mentor_id ${employeeRowJoins('e')}
       WHERE r.mentee_id = ? AND r.status = 'aktif' AND r.mentor_id <> ? AND r.id ${isNotSame(run)} ?`, [menteeId, mentorId, exceptId]);
    return rows.map((r) => readEmployeeRow(r).fullName);
  },

  async hasActivePair(run: Run, mentorId: number, menteeId: number, exceptId: number | null): Promise<boolean> {
    return (await rowsOf(run, `SELECT id FROM mentoring_relation WHERE mentor_id = ? AND mentee_id = ? AND status = 'aktif' AND id ${isNotSame(run)} ?`, [mentorId, menteeId, exceptId])).length > 0;
  },

  /** A pair as stored, with its mentor's and mentee's full names (for messages and the audit log). */
  async relation(run: Run, id: number) {
    const [row] = await rowsOf<Record<string, unknown>>(run,
      `SELECT r.id, r.mentor_id, r.mentee_id, r.goals, r.start_date, r.end_date, r.status, ${employeeRowColumns('m', 'mentor_')}, ${employeeRowColumns('t', 'mentee_')}
       ${PAIR_FROM} ${employeeRowJoins('m')} ${employeeRowJoins('t')} WHERE r.id = ?`, [id]);
    if (!row) return null;
    return {
      id: row.id as number, mentor_id: row.mentor_id as number, mentee_id: row.mentee_id as number, goals: (row.goals as string | null) ?? null,
      start_date: row.start_date as string, end_date: (row.end_date as string | null) ?? null, status: row.status as string,
      mentorName: readEmployeeRow(row, 'mentor_').fullName, menteeName: readEmployeeRow(row, 'mentee_').fullName,
    };
  },

  async firstSessionDate(run: Run, relationId: number): Promise<string | null> {
    const [row] = await rowsOf<{ d: string | null }>(run, 'SELECT MIN(session_date) AS d FROM mentoring_session WHERE relation_id = ?', [relationId]);
    return row?.d ?? null;
  },

  async insert(run: Run, v: MentoringValues, createdAt: string): Promise<number> {
    await run('INSERT INTO mentoring_relation (mentor_id, mentee_id, goals, start_date, end_date, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [v.mentorId, v.menteeId, v.goals, v.startDate, v.endDate, v.status, createdAt]);
    return lastId(run);
  },

  async update(run: Run, id: number, v: MentoringValues): Promise<void> {
    await run('UPDATE mentoring_relation SET mentor_id = ?, mentee_id = ?, goals = ?, start_date = ?, end_date = ?, status = ? WHERE id = ?',
      [v.mentorId, v.menteeId, v.goals, v.startDate, v.endDate, v.status, id]);
  },

  async sessions(run: Run, relationId: number) {
    return rowsOf<{ id: number; relation_id: number; session_date: string; notes: string | null; created_at: string }>(run,
      'SELECT id, relation_id, session_date, notes, created_at FROM mentoring_session WHERE relation_id = ? ORDER BY session_date DESC, id DESC', [relationId]);
  },

  async session(run: Run, id: number) {
    const [row] = await rowsOf<{ id: number; relation_id: number; session_date: string; notes: string | null; created_at: string }>(run,
      'SELECT id, relation_id, session_date, notes, created_at FROM mentoring_session WHERE id = ?', [id]);
    return row ?? null;
  },

  async insertSession(run: Run, relationId: number, sessionDate: string, notes: string | null, createdAt: string): Promise<number> {
    await run('INSERT INTO mentoring_session (relation_id, session_date, notes, created_at) VALUES (?, ?, ?, ?)', [relationId, sessionDate, notes, createdAt]);
    return lastId(run);
  },

  async deleteSession(run: Run, id: number): Promise<void> {
    await run('DELETE FROM mentoring_session WHERE id = ?', [id]);
  },

  /** Pairs whose period overlaps the year, cancelled ones excluded. */
  async pairsInYear(run: Run, year: number): Promise<number> {
    const [{ n }] = await rowsOf<{ n: number }>(run,
      `SELECT COUNT(*) AS n FROM mentoring_relation WHERE status <> 'batal' AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)`,
      [`${year}-12-31`, `${year}-01-01`]);
    return n;
  },
};
