// Mentoring: mentor–mentee pairs with goals and sessions. The mentor should be more senior (a higher position
// level by POSITION_LEVELS.seniority, or a higher golongan); otherwise the pair is saved with a warning, as is a
// mentor above the mentee limit set in Pengaturan.

import type { DataSource, EntityManager } from 'typeorm';
import { mentorSeniority } from '../../../shared/domain/development';
import { formatDateId } from '../../../shared/format/id-format';
import { AppError } from '../../../shared/errors';
import type { MentoringRow, mentoringInput } from '../../../shared/ipc/channels/development.channels';
import type { z } from 'zod';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import { employeeSearch, personName, requireEmployee, str, unitSubtree, type EmployeeBasics, type Rows } from './common';
import type { DevelopmentSettingsStore } from './settings';

type MentoringInput = z.output<typeof mentoringInput>;
type Db = DataSource | EntityManager;

const PERSON_COLUMNS = (alias: string, prefix: string) =>
  `${alias}.id AS ${prefix}id, ${alias}.nip AS ${prefix}nip, ${alias}.name AS ${prefix}name, ${alias}.front_title AS ${prefix}front_title,
   ${alias}.back_title AS ${prefix}back_title, ${alias}.golongan AS ${prefix}golongan, ${prefix}p.name AS ${prefix}position_name,
   ${prefix}p.level AS ${prefix}position_level, ${prefix}u.name AS ${prefix}unit_name`;

const PERSON_JOINS = (alias: string, prefix: string) =>
  `LEFT JOIN position ${prefix}p ON ${prefix}p.id = ${alias}.position_id LEFT JOIN unit ${prefix}u ON ${prefix}u.id = ${alias}.unit_id`;

function person(r: Record<string, unknown>, prefix: string) {
  return {
    id: r[`${prefix}id`] as number, nip: r[`${prefix}nip`] as string, name: personName(r, prefix), positionName: str(r[`${prefix}position_name`]),
    positionLevel: str(r[`${prefix}position_level`]), golongan: (r[`${prefix}golongan`] as number | null) ?? null, unitName: str(r[`${prefix}unit_name`]),
  };
}

export class MentoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly settings: DevelopmentSettingsStore,
  ) {}

  async list(filter: { status?: string; employeeId?: number; unitId?: number; search?: string; offset: number; limit: number }) {
    const where: string[] = ['1 = 1'];
    const params: unknown[] = [];
    if (filter.status) { where.push('r.status = ?'); params.push(filter.status); }
    if (filter.employeeId !== undefined) { where.push('(r.mentor_id = ? OR r.mentee_id = ?)'); params.push(filter.employeeId, filter.employeeId); }
    const subtree = await unitSubtree(this.dataSource, filter.unitId, 't');
    const search = filter.search?.trim() ? employeeSearch(filter.search, 'x') : { sql: '', params: [] };
    // A search matches the mentor or the mentee.
    const searchSql = search.sql ? ` AND (r.mentor_id IN (SELECT x.id FROM employee x WHERE 1 = 1${search.sql}) OR r.mentee_id IN (SELECT x.id FROM employee x WHERE 1 = 1${search.sql}))` : '';
    const clause = `${where.join(' AND ')}${subtree.sql}${searchSql}`;
    const all = [...params, ...subtree.params, ...search.params, ...search.params];
    const from = `FROM mentoring_relation r JOIN employee m ON m.id = r.mentor_id JOIN employee t ON t.id = r.mentee_id ${PERSON_JOINS('m', 'm')} ${PERSON_JOINS('t', 't')}`;
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total ${from} WHERE ${clause}`, all);
    const rows: Rows = await this.dataSource.query(
      `SELECT r.id, r.goals, r.start_date, r.end_date, r.status, ${PERSON_COLUMNS('m', 'm')}, ${PERSON_COLUMNS('t', 't')},
              (SELECT COUNT(*) FROM mentoring_session s WHERE s.relation_id = r.id) AS sessions,
              (SELECT MAX(s.session_date) FROM mentoring_session s WHERE s.relation_id = r.id) AS last_session
       ${from} WHERE ${clause}
       ORDER BY CASE r.status WHEN 'aktif' THEN 0 WHEN 'selesai' THEN 1 ELSE 2 END, r.start_date DESC, r.id DESC LIMIT ? OFFSET ?`,
      [...all, filter.limit, filter.offset]);
    const { menteeLimit } = await this.settings.get();
    return {
      total, limit: menteeLimit,
      rows: rows.map((r): MentoringRow => {
        const mentor = person(r, 'm');
        const mentee = person(r, 't');
        return {
          id: r.id as number, mentor, mentee, goals: str(r.goals), startDate: r.start_date as string, endDate: str(r.end_date),
          status: r.status as MentoringRow['status'], sessions: Number(r.sessions), lastSession: str(r.last_session),
          seniorityWarning: mentorSeniority(mentor, mentee).message,
        };
      }),
    };
  }

  /** Mentors with their number of active mentees, heaviest first. */
  async mentorLoad(unitId?: number) {
    const subtree = await unitSubtree(this.dataSource, unitId, 'm');
    const rows: Rows = await this.dataSource.query(
      `SELECT ${PERSON_COLUMNS('m', 'm')}, SUM(r.status = 'aktif') AS active, COUNT(*) AS total
       FROM mentoring_relation r JOIN employee m ON m.id = r.mentor_id ${PERSON_JOINS('m', 'm')}
       WHERE 1 = 1${subtree.sql} GROUP BY r.mentor_id HAVING SUM(r.status = 'aktif') > 0 ORDER BY active DESC, m.name`, subtree.params);
    const { menteeLimit } = await this.settings.get();
    return {
      limit: menteeLimit,
      rows: rows.map((r) => ({ mentor: person(r, 'm'), activeMentees: Number(r.active), totalPairs: Number(r.total), overLimit: Number(r.active) > menteeLimit })),
    };
  }

  private async activeMentees(db: Db, mentorId: number, exceptId?: number): Promise<number> {
    const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM mentoring_relation WHERE mentor_id = ? AND status = 'aktif' AND id IS NOT ?`, [mentorId, exceptId ?? null]);
    return n;
  }

  /** Warnings for a pair (seniority, the mentor's load, another active mentor); nothing is written. */
  async check(mentorId: number, menteeId: number, id?: number, db: Db = this.dataSource, status = 'aktif') {
    const mentor = await requireEmployee(db, mentorId);
    const mentee = await requireEmployee(db, menteeId);
    return this.warnings(db, mentor, mentee, id, status);
  }

  private async warnings(db: Db, mentor: EmployeeBasics, mentee: EmployeeBasics, id: number | undefined, status: string) {
    const { menteeLimit } = await this.settings.get();
    const warnings: string[] = [];
    const seniority = mentorSeniority(
      { positionLevel: mentor.positionLevel, golongan: mentor.golongan }, { positionLevel: mentee.positionLevel, golongan: mentee.golongan });
    if (!seniority.senior) warnings.push(seniority.message!);
    const load = (await this.activeMentees(db, mentor.id, id)) + (status === 'aktif' ? 1 : 0);
    if (load > menteeLimit) warnings.push(`${mentor.fullName} akan membimbing ${load} mentee aktif, di atas batas ${menteeLimit} mentee per mentor.`);
    const others: Array<{ name: string }> = await db.query(
      `SELECT e.name FROM mentoring_relation r JOIN employee e ON e.id = r.mentor_id WHERE r.mentee_id = ? AND r.status = 'aktif' AND r.mentor_id <> ? AND r.id IS NOT ?`,
      [mentee.id, mentor.id, id ?? null]);
    if (others.length > 0 && status === 'aktif') warnings.push(`${mentee.fullName} juga sedang dibimbing oleh ${others.map((o) => o.name).join(', ')}.`);
    return { warnings, mentorActiveMentees: load, limit: menteeLimit };
  }

  async save(actor: string, input: MentoringInput, id?: number): Promise<{ id: number; warnings: string[] }> {
    if (input.mentorId === input.menteeId) throw AppError.validation([{ path: 'menteeId', message: 'Mentor dan mentee tidak boleh orang yang sama.' }]);
    if (input.endDate !== null && input.endDate < input.startDate) throw AppError.validation([{ path: 'endDate', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai.' }]);
    if (input.status === 'selesai' && input.endDate === null) throw AppError.validation([{ path: 'endDate', message: 'Isi tanggal selesai untuk mentoring yang sudah selesai.' }]);
    return this.dataSource.transaction(async (manager) => {
      const mentor = await requireEmployee(manager, input.mentorId);
      const mentee = await requireEmployee(manager, input.menteeId);
      if (input.status === 'aktif') {
        for (const p of [mentor, mentee]) if (p.status !== 'active') throw new AppError('validation', `${p.fullName} tidak berstatus aktif; mentoring aktif hanya antarpegawai aktif.`);
      }
      const [duplicate] = await manager.query(
        `SELECT id FROM mentoring_relation WHERE mentor_id = ? AND mentee_id = ? AND status = 'aktif' AND id IS NOT ?`, [input.mentorId, input.menteeId, id ?? null]);
      if (duplicate && input.status === 'aktif') throw new AppError('conflict', `${mentor.fullName} sudah menjadi mentor aktif ${mentee.fullName}.`);
      let before: unknown;
      if (id !== undefined) {
        [before] = await manager.query('SELECT mentor_id, mentee_id, goals, start_date, end_date, status FROM mentoring_relation WHERE id = ?', [id]);
        if (!before) throw new AppError('not_found', `Relasi mentoring dengan ID ${id} tidak ditemukan.`);
        const [early] = await manager.query('SELECT MIN(session_date) AS d FROM mentoring_session WHERE relation_id = ?', [id]);
        if (early?.d && early.d < input.startDate) throw AppError.validation([{ path: 'startDate', message: `Sudah ada sesi pada ${formatDateId(early.d)}, sebelum tanggal mulai ini.` }]);
      }
      const { warnings } = await this.warnings(manager, mentor, mentee, id, input.status);
      const values = [input.mentorId, input.menteeId, input.goals, input.startDate, input.endDate, input.status];
      let relationId = id;
      if (id === undefined) {
        await manager.query('INSERT INTO mentoring_relation (mentor_id, mentee_id, goals, start_date, end_date, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [...values, this.clock.now()]);
        [{ id: relationId }] = await manager.query('SELECT last_insert_rowid() AS id');
      } else {
        await manager.query('UPDATE mentoring_relation SET mentor_id = ?, mentee_id = ?, goals = ?, start_date = ?, end_date = ?, status = ? WHERE id = ?', [...values, id]);
      }
      for (const subject of [mentee, mentor]) {
        await this.audit.record(manager, {
          actor, action: id === undefined ? 'create' : 'update', entity: 'mentoring_relation', entityId: relationId!, employeeId: subject.id,
          summary: `${id === undefined ? 'Mencatat' : 'Mengubah'} mentoring: ${mentor.fullName} membimbing ${mentee.fullName} (status ${input.status})${warnings.length ? ` — peringatan: ${warnings.join(' ')}` : ''}`,
          before, after: input,
        });
      }
      return { id: relationId!, warnings };
    });
  }

  async sessions(relationId: number) {
    const rows: Rows = await this.dataSource.query(
      'SELECT id, relation_id, session_date, notes, created_at FROM mentoring_session WHERE relation_id = ? ORDER BY session_date DESC, id DESC', [relationId]);
    return { rows: rows.map((r) => ({ id: r.id as number, relationId: r.relation_id as number, sessionDate: r.session_date as string, notes: str(r.notes), createdAt: r.created_at as string })) };
  }

  private async requireRelation(db: Db, id: number) {
    const [relation] = await db.query(
      `SELECT r.*, m.name AS mentor_name, t.name AS mentee_name FROM mentoring_relation r JOIN employee m ON m.id = r.mentor_id JOIN employee t ON t.id = r.mentee_id WHERE r.id = ?`, [id]);
    if (!relation) throw new AppError('not_found', `Relasi mentoring dengan ID ${id} tidak ditemukan.`);
    return relation;
  }

  async addSession(actor: string, relationId: number, sessionDate: string, notes: string | null): Promise<{ id: number }> {
    return this.dataSource.transaction(async (manager) => {
      const relation = await this.requireRelation(manager, relationId);
      if (relation.status === 'batal') throw new AppError('validation', 'Mentoring ini dibatalkan; sesi tidak dapat dicatat.');
      if (sessionDate < relation.start_date) throw AppError.validation([{ path: 'sessionDate', message: `Tanggal sesi sebelum mentoring dimulai (${formatDateId(relation.start_date)}).` }]);
      if (relation.end_date && sessionDate > relation.end_date) throw AppError.validation([{ path: 'sessionDate', message: `Tanggal sesi sesudah mentoring selesai (${formatDateId(relation.end_date)}).` }]);
      if (sessionDate > this.clock.today()) throw AppError.validation([{ path: 'sessionDate', message: 'Sesi dicatat setelah berlangsung; tanggalnya belum lewat.' }]);
      await manager.query('INSERT INTO mentoring_session (relation_id, session_date, notes, created_at) VALUES (?, ?, ?, ?)', [relationId, sessionDate, notes, this.clock.now()]);
      const [{ id }] = await manager.query('SELECT last_insert_rowid() AS id');
      await this.audit.record(manager, {
        actor, action: 'create', entity: 'mentoring_session', entityId: id, employeeId: relation.mentee_id,
        summary: `Mencatat sesi mentoring ${formatDateId(sessionDate)}: ${relation.mentor_name} dengan ${relation.mentee_name}`, after: { sessionDate, notes },
      });
      return { id };
    });
  }

  async deleteSession(actor: string, id: number) {
    return this.dataSource.transaction(async (manager) => {
      const [session] = await manager.query('SELECT * FROM mentoring_session WHERE id = ?', [id]);
      if (!session) throw new AppError('not_found', `Sesi mentoring dengan ID ${id} tidak ditemukan.`);
      const relation = await this.requireRelation(manager, session.relation_id);
      await manager.query('DELETE FROM mentoring_session WHERE id = ?', [id]);
      await this.audit.record(manager, {
        actor, action: 'delete', entity: 'mentoring_session', entityId: id, employeeId: relation.mentee_id,
        summary: `Menghapus sesi mentoring ${formatDateId(session.session_date)}: ${relation.mentor_name} dengan ${relation.mentee_name}`, before: session,
      });
      return { ok: true as const };
    });
  }

  /** Pairs whose period overlaps `year`, cancelled ones excluded (stats --json "mentoringPairs"). */
  async pairsInYear(year: number): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM mentoring_relation WHERE status <> 'batal' AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)`,
      [`${year}-12-31`, `${year}-01-01`]);
    return n;
  }
}
