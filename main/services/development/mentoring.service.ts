// Mentoring: mentor–mentee pairs with goals and sessions. The mentor should be more senior (a higher position
// level by POSITION_LEVELS.seniority, or a higher golongan); otherwise the pair is saved with a warning, as is a
// mentor above the mentee limit set in Pengaturan.

import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { mentorSeniority } from '../../../shared/domain/development';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import { AppError } from '../../../shared/errors';
import type { mentoringInput, MentoringRow } from '../../../shared/schemas/mentoring';
import type { SqlDialect } from '../../db/sql';
import type { PairPerson } from '../../db/sql/development/mentoring.sql';
import { employeeSearchCondition } from '../../db/sql/employee-rows.sql';
import { dialectOfManager, managerRun, type Run } from '../../db/sql/run';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import { requireEmployee, unitScope, type EmployeeFacts } from './common';
import type { DevelopmentSettingsStore } from './settings';

type MentoringInput = z.output<typeof mentoringInput>;

export const MENTORING_STATUS_LABELS: Record<MentoringInput['status'], string> = { aktif: 'Aktif', selesai: 'Selesai', batal: 'Batal' };

function person(p: PairPerson) {
  return { id: p.employeeId, nip: p.nip, name: p.fullName, positionName: p.positionName, positionLevel: p.positionLevel, golongan: p.golongan, unitName: p.unitName };
}

export class MentoringService {
  private readonly sql: SqlDialect['development'];

  constructor(
    private readonly dataSource: DataSource,
    sql: SqlDialect,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly settings: DevelopmentSettingsStore,
  ) {
    this.sql = sql.development;
  }

  private get read(): Run {
    return managerRun(this.dataSource);
  }

  async list(filter: { status?: string; employeeId?: number; unitId?: number; search?: string; offset: number; limit: number }) {
    const scope = await unitScope(this.sql, this.read, filter.unitId, 't');
    const text = filter.search?.trim() ?? '';
    const { total, rows } = await this.sql.mentoring.list(this.read, {
      status: filter.status, employeeId: filter.employeeId, menteeSubtree: scope.condition, offset: filter.offset, limit: filter.limit,
      search: text ? (alias) => employeeSearchCondition(text, alias, dialectOfManager(this.dataSource)) : null,
    });
    const { menteeLimit } = await this.settings.get();
    return {
      total, limit: menteeLimit,
      rows: rows.map((r): MentoringRow => ({
        id: r.id, mentor: person(r.mentor), mentee: person(r.mentee), goals: r.goals, startDate: r.startDate, endDate: r.endDate,
        status: r.status as MentoringRow['status'], sessions: r.sessions, lastSession: r.lastSession,
        seniorityWarning: mentorSeniority(r.mentor, r.mentee).message,
      })),
    };
  }

  /** Mentors with their number of active mentees, heaviest first. */
  async mentorLoad(unitId?: number) {
    const scope = await unitScope(this.sql, this.read, unitId, 'm');
    const rows = await this.sql.mentoring.mentorLoad(this.read, scope.condition);
    const { menteeLimit } = await this.settings.get();
    return {
      limit: menteeLimit,
      rows: rows.map((r) => ({ mentor: person(r.mentor), activeMentees: r.active, totalPairs: r.total, overLimit: r.active > menteeLimit })),
    };
  }

  /** Warnings for a pair (seniority, the mentor's load, another active mentor); nothing is written. */
  async check(mentorId: number, menteeId: number, id?: number) {
    const mentor = await requireEmployee(this.sql, this.read, mentorId);
    const mentee = await requireEmployee(this.sql, this.read, menteeId);
    return this.warnings(this.read, mentor, mentee, id, 'aktif');
  }

  private async warnings(run: Run, mentor: EmployeeFacts, mentee: EmployeeFacts, id: number | undefined, status: string) {
    const { menteeLimit } = await this.settings.get();
    const warnings: string[] = [];
    const seniority = mentorSeniority(
      { positionLevel: mentor.positionLevel, golongan: mentor.golongan }, { positionLevel: mentee.positionLevel, golongan: mentee.golongan });
    if (!seniority.senior) warnings.push(seniority.message!);
    const load = (await this.sql.mentoring.activeMentees(run, mentor.id, id ?? null)) + (status === 'aktif' ? 1 : 0);
    if (load > menteeLimit) warnings.push(`${mentor.fullName} akan membimbing ${formatNumberId(load)} mentee aktif, di atas batas ${formatNumberId(menteeLimit)} mentee per mentor.`);
    const others = await this.sql.mentoring.otherActiveMentors(run, mentee.id, mentor.id, id ?? null);
    if (others.length > 0 && status === 'aktif') warnings.push(`${mentee.fullName} juga sedang dibimbing oleh ${others.join(', ')}.`);
    return { warnings, mentorActiveMentees: load, limit: menteeLimit };
  }

  async save(actor: string, input: MentoringInput, id?: number): Promise<{ id: number; warnings: string[] }> {
    if (input.mentorId === input.menteeId) throw AppError.validation([{ path: 'menteeId', message: 'Mentor dan mentee tidak boleh orang yang sama.' }]);
    if (input.endDate !== null && input.endDate < input.startDate) throw AppError.validation([{ path: 'endDate', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai.' }]);
    if (input.status === 'selesai' && input.endDate === null) throw AppError.validation([{ path: 'endDate', message: 'Isi tanggal selesai untuk mentoring yang sudah selesai.' }]);
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const mentor = await requireEmployee(this.sql, run, input.mentorId);
      const mentee = await requireEmployee(this.sql, run, input.menteeId);
      if (input.status === 'aktif') {
        for (const p of [mentor, mentee]) if (p.status !== 'active') throw new AppError('validation', `${p.fullName} tidak berstatus aktif; mentoring aktif hanya antarpegawai aktif.`);
      }
      if (input.status === 'aktif' && await this.sql.mentoring.hasActivePair(run, input.mentorId, input.menteeId, id ?? null)) {
        throw new AppError('conflict', `${mentor.fullName} sudah menjadi mentor aktif ${mentee.fullName}.`);
      }
      let before: unknown;
      if (id !== undefined) {
        const stored = await this.sql.mentoring.relation(run, id);
        if (!stored) throw new AppError('not_found', `Relasi mentoring dengan ID ${id} tidak ditemukan.`);
        before = { mentor_id: stored.mentor_id, mentee_id: stored.mentee_id, goals: stored.goals, start_date: stored.start_date, end_date: stored.end_date, status: stored.status };
        const first = await this.sql.mentoring.firstSessionDate(run, id);
        if (first && first < input.startDate) throw AppError.validation([{ path: 'startDate', message: `Sudah ada sesi pada ${formatDateId(first)}, sebelum tanggal mulai ini.` }]);
      }
      const { warnings } = await this.warnings(run, mentor, mentee, id, input.status);
      let relationId: number;
      if (id === undefined) {
        relationId = await this.sql.mentoring.insert(run, input, this.clock.now());
      } else {
        await this.sql.mentoring.update(run, id, input);
        relationId = id;
      }
      for (const subject of [mentee, mentor]) {
        await this.audit.record(manager, {
          actor, action: id === undefined ? 'create' : 'update', entity: 'mentoring_relation', entityId: relationId, employeeId: subject.id,
          summary: `${id === undefined ? 'Mencatat' : 'Mengubah'} mentoring: ${mentor.fullName} membimbing ${mentee.fullName} (status ${MENTORING_STATUS_LABELS[input.status].toLowerCase()})${warnings.length ? ` — peringatan: ${warnings.join(' ')}` : ''}`,
          before, after: input,
        });
      }
      return { id: relationId, warnings };
    });
  }

  async sessions(relationId: number) {
    const rows = await this.sql.mentoring.sessions(this.read, relationId);
    return { rows: rows.map((r) => ({ id: r.id, relationId: r.relation_id, sessionDate: r.session_date, notes: r.notes, createdAt: r.created_at })) };
  }

  private async requireRelation(run: Run, id: number) {
    const relation = await this.sql.mentoring.relation(run, id);
    if (!relation) throw new AppError('not_found', `Relasi mentoring dengan ID ${id} tidak ditemukan.`);
    return relation;
  }

  async addSession(actor: string, relationId: number, sessionDate: string, notes: string | null): Promise<{ id: number }> {
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const relation = await this.requireRelation(run, relationId);
      if (relation.status === 'batal') throw new AppError('validation', 'Mentoring ini dibatalkan; sesi tidak dapat dicatat.');
      if (sessionDate < relation.start_date) throw AppError.validation([{ path: 'sessionDate', message: `Tanggal sesi sebelum mentoring dimulai (${formatDateId(relation.start_date)}).` }]);
      if (relation.end_date && sessionDate > relation.end_date) throw AppError.validation([{ path: 'sessionDate', message: `Tanggal sesi sesudah mentoring selesai (${formatDateId(relation.end_date)}).` }]);
      if (sessionDate > this.clock.today()) throw AppError.validation([{ path: 'sessionDate', message: 'Sesi dicatat setelah berlangsung; tanggalnya belum lewat.' }]);
      const id = await this.sql.mentoring.insertSession(run, relationId, sessionDate, notes, this.clock.now());
      await this.audit.record(manager, {
        actor, action: 'create', entity: 'mentoring_session', entityId: id, employeeId: relation.mentee_id,
        summary: `Mencatat sesi mentoring ${formatDateId(sessionDate)}: ${relation.mentorName} dengan ${relation.menteeName}`, after: { sessionDate, notes },
      });
      return { id };
    });
  }

  async deleteSession(actor: string, id: number) {
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const session = await this.sql.mentoring.session(run, id);
      if (!session) throw new AppError('not_found', `Sesi mentoring dengan ID ${id} tidak ditemukan.`);
      const relation = await this.requireRelation(run, session.relation_id);
      await this.sql.mentoring.deleteSession(run, id);
      await this.audit.record(manager, {
        actor, action: 'delete', entity: 'mentoring_session', entityId: id, employeeId: relation.mentee_id,
        summary: `Menghapus sesi mentoring ${formatDateId(session.session_date)}: ${relation.mentorName} dengan ${relation.menteeName}`, before: session,
      });
      return { ok: true as const };
    });
  }

  /** Pairs whose period overlaps `year`, cancelled ones excluded (stats --json "mentoringPairs"). */
  async pairsInYear(year: number): Promise<number> {
    return this.sql.mentoring.pairsInYear(this.read, year);
  }
}
