// Komite Talenta sessions (PermenPANRB 3/2020: the committee deliberates on the talent map and the PPK fixes the
// result): a session records the placements of its year and population as computed when it opens, the committee
// calibrates them with a reason (Draf → Ditinjau Komite → Ditetapkan), and the secretariat fills in what its
// berita acara needs (date, nomor, place, members, the PPK). A fixed session is locked.

import type { DataSource } from 'typeorm';
import { sessionStatusLabel } from '../../shared/domain/talent';
import { AppError } from '../../shared/errors';
import type { CommitteeMember, TalentSessionRow } from '../../shared/schemas/talent';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import { refreshDerived } from '../db/derived';
import type { SqlDialect } from '../db/sql';
import { unitOrThrow, type PopulationFilter } from '../db/sql/population.sql';
import { managerRun, type Run } from '../db/sql/run';
import type { SessionDetails, SessionListRecord, SessionRecord } from '../db/sql/talent.sql';
import type { AuditService } from './audit.service';
import type { Clock } from './clock';
import { describeBox, toPlaced, type TalentService } from './talent.service';
import { claimEditVersion, readEditVersion, staleEditError } from './versions/edit-version';

type SessionStatus = TalentSessionRow['status'];

/** Which status may follow which: back from Ditinjau to Draf is allowed, nothing leaves Ditetapkan. */
const NEXT_STATUSES: Record<SessionStatus, SessionStatus[]> = { draft: ['ditinjau'], ditinjau: ['draft', 'ditetapkan'], ditetapkan: [] };

function toSession(r: SessionListRecord): TalentSessionRow {
  return {
    id: r.id, year: r.year, name: r.name, status: r.status as SessionStatus,
    populationUnitId: r.population_unit_id ?? null, populationUnitName: r.unit_name ?? null,
    populationLevels: r.population_levels ? (JSON.parse(r.population_levels) as string[]) : null,
    heldOn: r.held_on ?? null, documentNumber: r.document_number ?? null, place: r.place ?? null,
    members: r.members ? (JSON.parse(r.members) as CommitteeMember[]) : [], notes: r.notes ?? null,
    ppkName: r.ppk_name ?? null, ppkPosition: r.ppk_position ?? null, ppkNip: r.ppk_nip ?? null,
    fixedBy: r.fixed_by ?? null, fixedAt: r.fixed_at ?? null, createdBy: r.created_by, createdAt: r.created_at,
    placements: r.placements, calibrations: r.calibrations, version: Number(r.version),
  };
}

function detailsOf(input: ParsedRequestOf<'talent:updateSession'> | ParsedRequestOf<'talent:createSession'>): SessionDetails {
  return {
    name: input.name, heldOn: input.heldOn, documentNumber: input.documentNumber, place: input.place,
    members: JSON.stringify(input.members.map((m) => ({ name: m.name, nip: m.nip, role: m.role }))),
    notes: input.notes, ppkName: input.ppkName, ppkPosition: input.ppkPosition, ppkNip: input.ppkNip,
  };
}

export class TalentSessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sql: SqlDialect,
    private readonly talent: TalentService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private get read() {
    return managerRun(this.dataSource);
  }

  async sessions(year?: number): Promise<TalentSessionRow[]> {
    return (await this.sql.talent.sessions(this.read, year)).map(toSession);
  }

  private async sessionRow(sessionId: number): Promise<TalentSessionRow> {
    const row = await this.sql.talent.sessionListRow(this.read, sessionId);
    if (!row) throw new AppError('not_found', `Sidang Komite Talenta dengan ID ${sessionId} tidak ditemukan.`);
    return toSession(row);
  }

  async createSession(input: ParsedRequestOf<'talent:createSession'>, actor: string): Promise<TalentSessionRow> {
    const settings = await this.talent.settings();
    if (input.populationUnitId) await unitOrThrow(this.dataSource, input.populationUnitId);
    const filter: PopulationFilter = { parentUnitId: input.populationUnitId ?? undefined, levels: input.populationLevels ?? undefined };
    const { query } = await this.talent.placements(filter, input.year, settings);
    const now = this.clock.now();
    const id = await this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const sessionId = await this.sql.talent.insertSession(run, {
        ...detailsOf(input), year: input.year, populationUnitId: input.populationUnitId,
        populationLevels: input.populationLevels ? JSON.stringify(input.populationLevels) : null, createdBy: actor, createdAt: now,
      });
      // The placements are recorded as computed now: the committee deliberates on a fixed picture.
      await this.sql.talent.recordPlacements(run, sessionId, input.year, query, now);
      await this.refreshSessionPeople(run, sessionId);
      await this.audit.record(manager, { actor, action: 'create', entity: 'talent_session', entityId: sessionId, summary: `Membuka sidang Komite Talenta "${input.name}" tahun ${input.year}`, after: input });
      return sessionId;
    });
    return this.sessionRow(id);
  }

  async updateSession(input: ParsedRequestOf<'talent:updateSession'>, actor: string): Promise<TalentSessionRow> {
    const session = await this.requireOpenSession(input.sessionId);
    await this.dataSource.transaction(async (manager) => {
      await claimEditVersion(managerRun(manager), { table: 'talent_session', key: input.sessionId }, input.version, { subject: 'Data sidang ini', actor, at: this.clock.now() });
      await this.sql.talent.updateSession(managerRun(manager), input.sessionId, detailsOf(input));
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'talent_session', entityId: input.sessionId, summary: `Mengubah data sidang Komite Talenta "${session.name}"`,
        before: toSession({ ...session, unit_name: null, placements: 0, calibrations: 0 }), after: input,
      });
    });
    return this.sessionRow(input.sessionId);
  }

  /** A session with its recorded placements per box and every calibration (the berita acara's content). */
  async session(sessionId: number): Promise<ResponseOf<'talent:session'>> {
    const session = await this.sessionRow(sessionId);
    const counts = await this.sql.talent.sessionBoxCounts(this.read, sessionId);
    const moves = await this.sql.talent.calibratedPlacements(this.read, { sessionId });
    return {
      session,
      boxes: Array.from({ length: 9 }, (_, i) => i + 1).map((box) => ({
        box, computed: counts.filter((c) => c.computed_box === box).reduce((a, c) => a + c.n, 0), final: counts.filter((c) => c.final_box === box).reduce((a, c) => a + c.n, 0),
      })),
      moves: moves.map((m) => ({
        ...toPlaced(m), placementId: m.placement_id as number, calibrationReason: (m.calibration_reason as string | null) ?? null,
        calibratedBy: (m.calibrated_by as string | null) ?? null, calibratedAt: (m.calibrated_at as string | null) ?? null,
      })),
    };
  }

  async calibrate(input: ParsedRequestOf<'talent:calibrate'>, actor: string) {
    const session = await this.requireOpenSession(input.sessionId);
    const placement = await this.sql.talent.placementOf(this.read, input.sessionId, input.employeeId);
    if (!placement) throw new AppError('validation', 'Pegawai ini tidak termasuk populasi sidang (atau belum dapat ditempatkan karena data kinerja/potensinya belum lengkap).');
    const { numbering } = await this.talent.settings();
    const target = input.box === null || input.box === placement.computed_box ? null : input.box;
    const version = await this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const at = this.clock.now();
      const claimed = await claimEditVersion(run, { table: 'talent_placement', key: placement.id }, input.version, { subject: 'Penempatan pegawai ini dalam sidang', actor, at });
      await this.sql.talent.calibrate(run, placement.id, { box: target, reason: input.reason, by: actor, at });
      await refreshDerived(run, 'talent_placement', [input.employeeId]);
      await this.audit.record(manager, {
        actor, action: 'calibrate', entity: 'talent_placement', entityId: placement.id, employeeId: input.employeeId,
        summary: target === null
          ? `Mengembalikan penempatan ke hasil perhitungan (kotak ${placement.computed_box}) dalam sidang "${session.name}": ${input.reason}`
          : `Kalibrasi kotak ${placement.computed_box} → ${target} dalam sidang "${session.name}": ${input.reason}`,
        changes: [{ field: 'box', label: 'Kotak talenta', before: describeBox(placement.calibrated_box ?? placement.computed_box, numbering), after: describeBox(target ?? placement.computed_box, numbering) }],
        before: { calibratedBox: placement.calibrated_box, reason: placement.calibration_reason }, after: { calibratedBox: target, reason: input.reason },
      });
      return claimed;
    });
    const [row] = await this.sql.talent.calibratedPlacements(this.read, { placementId: placement.id });
    return { ...toPlaced(row), placementId: row.placement_id as number, calibrationReason: (row.calibration_reason as string | null) ?? null, version };
  }

  /** The person's placement in a session with its version (a calibration sends it back); null when not placed. */
  async placementVersion(sessionId: number, employeeId: number): Promise<{ placementId: number; version: number } | null> {
    const placement = await this.sql.talent.placementOf(this.read, sessionId, employeeId);
    if (!placement) return null;
    return { placementId: placement.id, version: (await readEditVersion(this.read, { table: 'talent_placement', key: placement.id })).version };
  }

  /**
   * Draf → Ditinjau Komite → Ditetapkan, from the session's version the screen read (a step taken from a stale
   * screen is refused with who changed the session and when). Fixing needs the PPK (named here or entered with the
   * session) and the session's date, and locks the session.
   */
  async setSessionStatus(sessionId: number, version: number, status: SessionStatus, fixedBy: string | null, actor: string): Promise<TalentSessionRow> {
    const session = await this.sql.talent.session(this.read, sessionId);
    if (!session) throw new AppError('not_found', `Sidang Komite Talenta dengan ID ${sessionId} tidak ditemukan.`);
    if (session.status === 'ditetapkan') throw new AppError('conflict', 'Sidang ini sudah ditetapkan dan terkunci; penempatan tidak dapat diubah lagi.');
    // A stale screen hears first that the session changed (a step it offers may not follow the current status).
    if (Number(session.version) !== version) throw staleEditError('Sidang ini', Number(session.version), { by: session.updated_by, at: session.updated_at });
    if (!NEXT_STATUSES[session.status as SessionStatus].includes(status)) {
      throw new AppError('validation', `Status sidang tidak dapat berpindah dari ${sessionStatusLabel(session.status)} ke ${sessionStatusLabel(status)}.`);
    }
    const ppk = fixedBy ?? session.ppk_name;
    if (status === 'ditetapkan') {
      const issues = [];
      if (!ppk) issues.push({ path: 'fixedBy', message: 'Isi nama (dan NIP) PPK yang menetapkan hasil sidang.' });
      if (!session.held_on) issues.push({ path: 'heldOn', message: 'Isi tanggal sidang sebelum menetapkan hasilnya.' });
      if (issues.length) throw AppError.validation(issues);
    }
    const fixed = status === 'ditetapkan' ? { by: ppk!, at: this.clock.now() } : null;
    await this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      await claimEditVersion(run, { table: 'talent_session', key: sessionId }, version, { subject: 'Sidang ini', actor, at: this.clock.now() });
      await this.sql.talent.setSessionStatus(run, sessionId, status, fixed);
      await this.refreshSessionPeople(run, sessionId);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'talent_session', entityId: sessionId,
        summary: `Status sidang "${session.name}": ${sessionStatusLabel(session.status)} → ${sessionStatusLabel(status)}${fixed ? ` oleh ${fixed.by}` : ''}`,
      });
    });
    return this.sessionRow(sessionId);
  }

  private async requireOpenSession(sessionId: number): Promise<SessionRecord> {
    const session = await this.sql.talent.session(this.read, sessionId);
    if (!session) throw new AppError('not_found', `Sidang Komite Talenta dengan ID ${sessionId} tidak ditemukan.`);
    if (session.status === 'ditetapkan') throw new AppError('conflict', `Sidang "${session.name}" sudah ditetapkan dan terkunci; tidak dapat diubah lagi.`);
    return session;
  }

  /** Placements feed derived data elsewhere (succession's per-person facts): refresh it for a session's people. */
  private async refreshSessionPeople(run: Run, sessionId: number): Promise<void> {
    await refreshDerived(run, 'talent_session', await this.sql.talent.sessionEmployeeIds(run, sessionId));
  }
}
