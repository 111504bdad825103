// Talent management: the 9-box of a year and population, placements explained, the talent pool, movement
// between years, and Komite Talenta sessions with calibration (Draft → Ditinjau Komite → Ditetapkan).
// Placements read talent_axis_year (one row per employee and year, kept on write).

import type { DataSource, EntityManager } from 'typeorm';
import { fullName } from '../../shared/domain/employee-status';
import {
  boxCell, boxName, boxNumber, boxRecommendation, DEFAULT_POTENTIAL_THRESHOLDS, DEFAULT_TALENT_POOL_BOXES, KINERJA_AXIS, POTENSI_AXIS,
  sessionStatusLabel, type KinerjaAxis, type PotensiAxis,
} from '../../shared/domain/talent';
import { formatDateId } from '../../shared/format/id-format';
import { AppError } from '../../shared/errors';
import { talentSettings, type PlacedPerson, type TalentSessionRow, type TalentSettings } from '../../shared/ipc/channels/talent.channels';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import { refreshDerived } from '../db/derived';
import type { AuditService } from './audit.service';
import type { Clock } from './clock';
import { describeEvaluation } from './performance.service';
import { employeePopulation, levelsFor, unitOrThrow, type PopulationFilter } from '../db/sql/population.sql';
import { marks } from '../db/sql/run';
import type { SettingsService } from './settings/settings.service';
import type { SettingsSection } from './settings/settings-section';
import { TALENT_SETTINGS } from './talent.settings';


interface PlacementRow {
  id: number;
  nip: string;
  name: string;
  front_title: string | null;
  back_title: string | null;
  position_name: string | null;
  unit_name: string | null;
  kinerja: KinerjaAxis;
  potensi: PotensiAxis;
  computed_box: number;
  calibrated_box: number | null;
}

export class TalentService {
  private readonly section: SettingsSection<TalentSettings>;

  constructor(
    private readonly dataSource: DataSource,
    settingsService: SettingsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    this.section = settingsService.section(TALENT_SETTINGS);
  }

  async settings(): Promise<TalentSettings> {
    return this.section.get();
  }

  async updateSettings(next: TalentSettings, actor: string): Promise<TalentSettings> {
    return this.section.update(next, actor);
  }

  // ------------------------------------------------------------------ placements

  /** SQL computing the box number from talent_axis_year (alias t) with the current numbering. */
  private boxSql(settings: TalentSettings): string {
    const cases = KINERJA_AXIS.flatMap((k) => POTENSI_AXIS.map((p) => `WHEN '${k.code}/${p.code}' THEN ${boxNumber(k.code, p.code, settings.numbering)}`)).join(' ');
    return `CASE t.kinerja_axis || '/' || t.potensi_axis ${cases} END`;
  }

  /** Latest calibration per employee among the sessions of a year (the committee's final word so far). */
  private calibrationsSql() {
    return `SELECT employee_id, calibrated_box FROM (
      SELECT tp.employee_id, tp.calibrated_box, ROW_NUMBER() OVER (PARTITION BY tp.employee_id ORDER BY tp.calibrated_at DESC, tp.id DESC) AS rn
      FROM talent_placement tp JOIN talent_session s ON s.id = tp.session_id
      WHERE s.year = ? AND tp.calibrated_box IS NOT NULL) WHERE rn = 1`;
  }

  /** The population's placements as a subquery (employee id, axes, computed and final box). */
  private async placementsQuery(filter: PopulationFilter, year: number, settings: TalentSettings) {
    const parent = filter.parentUnitId ? await unitOrThrow(this.dataSource, filter.parentUnitId) : null;
    const population = employeePopulation(filter, parent?.path ?? null);
    const box = this.boxSql(settings);
    const sql = `SELECT e.id AS employee_id, t.kinerja_axis AS kinerja, t.potensi_axis AS potensi, ${box} AS computed_box, c.calibrated_box,
                        COALESCE(c.calibrated_box, ${box}) AS final_box
                 FROM employee e
                 LEFT JOIN talent_axis_year t ON t.employee_id = e.id AND t.year = ?
                 LEFT JOIN (${this.calibrationsSql()}) c ON c.employee_id = e.id
                 WHERE e.status = 'active' AND ${population.sql}`;
    return { sql, params: [year, year, ...population.params], parent, population };
  }

  /** Names are listed in the boxes for populations up to this size; bigger ones list them per box on demand. */
  static readonly PEOPLE_LIST_LIMIT = 2000;

  async ninebox(request: PopulationFilter & { year: number; peoplePerBox: number }): Promise<ResponseOf<'talent:ninebox'>> {
    const settings = await this.settings();
    const placements = await this.placementsQuery(request, request.year, settings);
    const { parent, population } = placements;
    const levels = levelsFor(request.levels, request.kinds);
    // Counts from the per-unit summary (kept on write), not from every employee.
    const summary: Array<{ kinerja_axis: string; potensi_axis: string; n: number }> = await this.dataSource.query(
      `SELECT kinerja_axis, potensi_axis, SUM(employees) AS n FROM talent_box_summary
       WHERE year = ? ${parent ? 'AND unit_id IN (SELECT id FROM unit WHERE substr(path, 1, length(?)) = ?)' : ''} ${levels ? `AND position_level IN (${marks(levels)})` : ''}
       GROUP BY kinerja_axis, potensi_axis`,
      [request.year, ...(parent ? [parent.path, parent.path] : []), ...(levels ?? [])]);
    const [{ n: active }] = await this.dataSource.query(`SELECT COUNT(*) AS n FROM employee e WHERE e.status = 'active' AND ${population.sql}`, population.params);
    const computed = new Map<number, number>();
    let withKinerja = 0;
    let withPotensi = 0;
    for (const row of summary) {
      if (row.kinerja_axis) withKinerja += row.n;
      if (row.potensi_axis) withPotensi += row.n;
      if (row.kinerja_axis && row.potensi_axis) {
        const box = boxNumber(row.kinerja_axis as KinerjaAxis, row.potensi_axis as PotensiAxis, settings.numbering);
        computed.set(box, (computed.get(box) ?? 0) + row.n);
      }
    }
    const placed = [...computed.values()].reduce((a, b) => a + b, 0);
    // Calibrations move people between boxes: few rows, applied on top of the computed counts.
    const calibrated: Array<{ calibrated_box: number; kinerja_axis: string | null; potensi_axis: string | null }> = await this.dataSource.query(
      `SELECT c.calibrated_box, t.kinerja_axis, t.potensi_axis FROM (${this.calibrationsSql()}) c
       JOIN employee e ON e.id = c.employee_id AND e.status = 'active' AND ${population.sql}
       JOIN talent_axis_year t ON t.employee_id = c.employee_id AND t.year = ?`, [request.year, ...population.params, request.year]);
    const final = new Map(computed);
    for (const c of calibrated) {
      if (!c.kinerja_axis || !c.potensi_axis) continue;
      const from = boxNumber(c.kinerja_axis as KinerjaAxis, c.potensi_axis as PotensiAxis, settings.numbering);
      final.set(from, (final.get(from) ?? 0) - 1);
      final.set(c.calibrated_box, (final.get(c.calibrated_box) ?? 0) + 1);
    }
    const listNames = request.peoplePerBox > 0 && active <= TalentService.PEOPLE_LIST_LIMIT;
    const people = listNames ? await this.peopleByBox(placements, request.peoplePerBox) : new Map<number, PlacedPerson[]>();
    const unplacedPeople: Array<Record<string, unknown>> = listNames ? await this.dataSource.query(
      `SELECT p.employee_id, p.kinerja, p.potensi, e.nip, e.name, e.front_title, e.back_title, po.name AS position_name, u.name AS unit_name
       FROM (${placements.sql}) p JOIN employee e ON e.id = p.employee_id LEFT JOIN position po ON po.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id
       WHERE p.computed_box IS NULL ORDER BY e.name COLLATE NOCASE LIMIT ?`, [...placements.params, request.peoplePerBox * 3]) : [];
    const boxes = Array.from({ length: 9 }, (_, i) => i + 1).map((box) => {
      const cell = boxCell(box, settings.numbering);
      return {
        box, kinerja: cell.kinerja, potensi: cell.potensi, name: boxName(cell.kinerja, cell.potensi), recommendation: boxRecommendation(cell.kinerja, cell.potensi),
        inPool: settings.poolBoxes.includes(box), computed: computed.get(box) ?? 0, final: final.get(box) ?? 0, people: people.get(box) ?? [],
      };
    });
    return {
      year: request.year, numbering: settings.numbering, population: active, placed, boxes,
      unplaced: {
        count: active - placed, missingKinerja: active - withKinerja, missingPotensi: active - withPotensi,
        people: unplacedPeople.map((r) => ({
          employeeId: r.employee_id as number, nip: r.nip as string, fullName: fullName(r.name as string, r.front_title as string | null, r.back_title as string | null),
          positionName: (r.position_name as string | null) ?? null, unitName: (r.unit_name as string | null) ?? null,
          missing: [...(r.kinerja === null ? ['kinerja' as const] : []), ...(r.potensi === null ? ['potensi' as const] : [])],
        })),
      },
    };
  }

  async boxPeople(request: PopulationFilter & { year: number; box: number; offset: number; limit: number }) {
    const settings = await this.settings();
    const placements = await this.placementsQuery(request, request.year, settings);
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM (${placements.sql}) WHERE final_box = ?`, [...placements.params, request.box]);
    const rows: PlacementRow[] = await this.dataSource.query(
      `SELECT p.employee_id AS id, e.nip, e.name, e.front_title, e.back_title, po.name AS position_name, u.name AS unit_name, p.kinerja, p.potensi, p.computed_box, p.calibrated_box
       FROM (${placements.sql}) p JOIN employee e ON e.id = p.employee_id LEFT JOIN position po ON po.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id
       WHERE p.final_box = ? ORDER BY e.name COLLATE NOCASE LIMIT ? OFFSET ?`, [...placements.params, request.box, request.limit, request.offset]);
    return { total, rows: rows.map(toPlaced) };
  }

  private async peopleByBox(placements: { sql: string; params: unknown[] }, perBox: number): Promise<Map<number, PlacedPerson[]>> {
    const rows: Array<PlacementRow & { final_box: number }> = await this.dataSource.query(
      `SELECT r.employee_id AS id, e.nip, e.name, e.front_title, e.back_title, po.name AS position_name, u.name AS unit_name, r.kinerja, r.potensi, r.computed_box, r.calibrated_box, r.final_box
       FROM (SELECT p.*, ROW_NUMBER() OVER (PARTITION BY p.final_box ORDER BY e2.name COLLATE NOCASE, p.employee_id) AS rn
             FROM (${placements.sql}) p JOIN employee e2 ON e2.id = p.employee_id WHERE p.final_box IS NOT NULL) r
       JOIN employee e ON e.id = r.employee_id LEFT JOIN position po ON po.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id
       WHERE r.rn <= ? ORDER BY r.final_box, r.rn`, [...placements.params, perBox]);
    const byBox = new Map<number, PlacedPerson[]>();
    for (const row of rows) byBox.set(row.final_box, [...(byBox.get(row.final_box) ?? []), toPlaced(row)]);
    return byBox;
  }

  async explain(employeeId: number, year: number): Promise<ResponseOf<'talent:explain'>> {
    const settings = await this.settings();
    const [employee] = await this.dataSource.query(
      `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, p.name AS position_name, u.name AS unit_name
       FROM employee e LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id WHERE e.id = ?`, [employeeId]);
    if (!employee) throw new AppError('not_found', `Pegawai dengan ID ${employeeId} tidak ditemukan.`);
    const [axis] = await this.dataSource.query('SELECT * FROM talent_axis_year WHERE employee_id = ? AND year = ?', [employeeId, year]);
    let kinerja: ResponseOf<'talent:explain'>['kinerja'] = null;
    if (axis?.evaluation_id) {
      const [ev] = await this.dataSource.query('SELECT year, period, predikat, legacy_score, legacy_label, regime, hasil_kerja, perilaku_kerja FROM performance_evaluation WHERE id = ?', [axis.evaluation_id]);
      const stale = ev.year < year ? ` (SKP tahunan ${year} belum ada; dipakai yang terakhir)` : '';
      const detail = ev.predikat ? `SKP tahunan ${describeEvaluation({ year: ev.year, period: ev.period, predikat: ev.predikat, legacyScore: null, legacyLabel: null })}: hasil kerja ${String(ev.hasil_kerja).replace('_', ' ')}, perilaku kerja ${String(ev.perilaku_kerja).replace('_', ' ')}`
        : `SKP tahunan ${ev.year} (PP 46/2011) ${describeEvaluation({ year: ev.year, period: ev.period, predikat: null, legacyScore: ev.legacy_score, legacyLabel: ev.legacy_label })}`;
      kinerja = { axis: axis.kinerja_axis, evaluationId: axis.evaluation_id, evaluationYear: axis.evaluation_year, basis: `${detail}${stale}` };
    }
    let potensi: ResponseOf<'talent:explain'>['potensi'] = null;
    if (axis?.potential_id) {
      const level = axis.potensi_axis as PotensiAxis | null;
      if (level) {
        const basis = axis.potential_level
          ? `Asesmen potensi ${formatDateId(axis.potential_date)}: tingkat ${axis.potential_level}${axis.potential_score !== null ? ` (nilai ${axis.potential_score})` : ''}`
          : `Asesmen potensi ${formatDateId(axis.potential_date)}: nilai ${axis.potential_score} (tinggi ≥ ${settings.thresholds.tinggi}, menengah ≥ ${settings.thresholds.menengah})`;
        potensi = { axis: level, potentialId: axis.potential_id, assessedOn: axis.potential_date, basis };
      }
    }
    const computedBox = kinerja && potensi ? boxNumber(kinerja.axis, potensi.axis, settings.numbering) : null;
    const calibrations: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT tp.session_id, s.name AS session_name, s.status, tp.computed_box, tp.calibrated_box, tp.calibration_reason, tp.calibrated_by, tp.calibrated_at
       FROM talent_placement tp JOIN talent_session s ON s.id = tp.session_id
       WHERE tp.employee_id = ? AND s.year = ? AND tp.calibrated_box IS NOT NULL ORDER BY tp.calibrated_at DESC`, [employeeId, year]);
    return {
      employee: { id: employee.id, nip: employee.nip, fullName: fullName(employee.name, employee.front_title, employee.back_title), positionName: employee.position_name, unitName: employee.unit_name },
      year, kinerja, potensi, computedBox,
      boxName: kinerja && potensi ? boxName(kinerja.axis, potensi.axis) : null,
      recommendation: kinerja && potensi ? boxRecommendation(kinerja.axis, potensi.axis) : null,
      calibrations: calibrations.map((c) => ({
        sessionId: c.session_id as number, sessionName: c.session_name as string, sessionStatus: sessionStatusLabel(c.status as string),
        fromBox: c.computed_box as number, toBox: c.calibrated_box as number, reason: c.calibration_reason as string, by: c.calibrated_by as string, at: c.calibrated_at as string,
      })),
    };
  }

  async pool(request: PopulationFilter & { year: number }) {
    const settings = await this.settings();
    const placements = await this.placementsQuery(request, request.year, settings);
    const rows: PlacementRow[] = await this.dataSource.query(
      `SELECT p.employee_id AS id, e.nip, e.name, e.front_title, e.back_title, po.name AS position_name, u.name AS unit_name, p.kinerja, p.potensi, p.computed_box, p.calibrated_box
       FROM (${placements.sql}) p JOIN employee e ON e.id = p.employee_id LEFT JOIN position po ON po.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id
       WHERE p.final_box IN (${marks(settings.poolBoxes)}) ORDER BY p.final_box DESC, e.name COLLATE NOCASE`, [...placements.params, ...settings.poolBoxes]);
    return { boxes: settings.poolBoxes, rows: rows.map(toPlaced) };
  }

  async movement(request: PopulationFilter & { fromYear: number; toYear: number }) {
    if (request.fromYear >= request.toYear) throw AppError.validation([{ path: 'fromYear', message: 'Tahun awal harus sebelum tahun akhir.' }]);
    const settings = await this.settings();
    const from = await this.placementsQuery(request, request.fromYear, settings);
    const to = await this.placementsQuery(request, request.toYear, settings);
    const pairs: Array<{ employee_id: number; from_box: number; to_box: number }> = await this.dataSource.query(
      `SELECT a.employee_id, a.final_box AS from_box, b.final_box AS to_box FROM (${from.sql}) a JOIN (${to.sql}) b ON b.employee_id = a.employee_id
       WHERE a.final_box IS NOT NULL AND b.final_box IS NOT NULL`, [...from.params, ...to.params]);
    const matrix = new Map<string, number>();
    let up = 0;
    let down = 0;
    let same = 0;
    const moverIds: Array<{ id: number; from: number; to: number }> = [];
    for (const p of pairs) {
      const key = `${p.from_box}:${p.to_box}`;
      matrix.set(key, (matrix.get(key) ?? 0) + 1);
      if (p.to_box > p.from_box) up += 1;
      else if (p.to_box < p.from_box) down += 1;
      else same += 1;
      if (p.to_box !== p.from_box && moverIds.length < 500) moverIds.push({ id: p.employee_id, from: p.from_box, to: p.to_box });
    }
    const details: Array<{ id: number; nip: string; name: string; front_title: string | null; back_title: string | null; unit_name: string | null }> = moverIds.length
      ? await this.dataSource.query(`SELECT e.id, e.nip, e.name, e.front_title, e.back_title, u.name AS unit_name FROM employee e LEFT JOIN unit u ON u.id = e.unit_id WHERE e.id IN (${marks(moverIds)})`, moverIds.map((m) => m.id))
      : [];
    const byId = new Map(details.map((d) => [d.id, d]));
    return {
      matrix: [...matrix].map(([key, count]) => ({ fromBox: Number(key.split(':')[0]), toBox: Number(key.split(':')[1]), count })).sort((a, b) => a.fromBox - b.fromBox || a.toBox - b.toBox),
      up, down, same,
      movers: moverIds.map((m) => {
        const d = byId.get(m.id)!;
        return { employeeId: m.id, nip: d.nip, fullName: fullName(d.name, d.front_title, d.back_title), unitName: d.unit_name, fromBox: m.from, toBox: m.to, direction: m.to > m.from ? 'naik' as const : 'turun' as const };
      }).sort((a, b) => a.fullName.localeCompare(b.fullName, 'id')),
    };
  }

  /** stats --json "talent": active employees placed for a year; calibrated = after the latest calibrations. */
  async stats(year: number | null) {
    const empty = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), 0]));
    if (year === null) return { year: null, computed: empty, calibrated: { ...empty }, unplaced: 0 };
    const result = await this.ninebox({ year, peoplePerBox: 0 });
    return {
      year,
      computed: Object.fromEntries(result.boxes.map((b) => [String(b.box), b.computed])),
      calibrated: Object.fromEntries(result.boxes.map((b) => [String(b.box), b.final])),
      unplaced: result.unplaced.count,
    };
  }

  // ------------------------------------------------------------------ Komite Talenta sessions

  async sessions(year?: number): Promise<TalentSessionRow[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT s.*, u.name AS unit_name, (SELECT COUNT(*) FROM talent_placement tp WHERE tp.session_id = s.id) AS placements,
              (SELECT COUNT(*) FROM talent_placement tp WHERE tp.session_id = s.id AND tp.calibrated_box IS NOT NULL) AS calibrations
       FROM talent_session s LEFT JOIN unit u ON u.id = s.population_unit_id ${year ? 'WHERE s.year = ?' : ''} ORDER BY s.year DESC, s.created_at DESC`,
      year ? [year] : []);
    return rows.map(toSession);
  }

  async createSession(input: ParsedRequestOf<'talent:createSession'>, actor: string): Promise<TalentSessionRow> {
    const settings = await this.settings();
    if (input.populationUnitId) await unitOrThrow(this.dataSource, input.populationUnitId);
    const filter: PopulationFilter = { parentUnitId: input.populationUnitId ?? undefined, levels: input.populationLevels ?? undefined };
    const placements = await this.placementsQuery(filter, input.year, settings);
    const now = this.clock.now();
    const id = await this.dataSource.transaction(async (manager) => {
      const [session] = await manager.query(
        `INSERT INTO talent_session (year, name, population_unit_id, population_levels, status, held_on, members, notes, fixed_by, fixed_at, created_by, created_at)
         VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, NULL, NULL, ?, ?) RETURNING id`,
        [input.year, input.name, input.populationUnitId, input.populationLevels ? JSON.stringify(input.populationLevels) : null, input.heldOn,
          JSON.stringify(input.members), input.notes, actor, now]);
      // The placements are recorded as computed now: the committee deliberates on a fixed picture.
      await manager.query(
        `INSERT INTO talent_placement (session_id, employee_id, year, kinerja_axis, potensi_axis, computed_box, evaluation_id, potential_id, calibrated_box, calibration_reason, calibrated_by, calibrated_at, created_at)
         SELECT ?, p.employee_id, ?, p.kinerja, p.potensi, p.computed_box, t.evaluation_id, t.potential_id, NULL, NULL, NULL, NULL, ?
         FROM (${placements.sql}) p JOIN talent_axis_year t ON t.employee_id = p.employee_id AND t.year = ? WHERE p.computed_box IS NOT NULL`,
        [session.id, input.year, now, ...placements.params, input.year]);
      await refreshSessionPeople(manager, session.id);
      await this.audit.record(manager, { actor, action: 'create', entity: 'talent_session', entityId: session.id, summary: `Membuka sidang Komite Talenta "${input.name}" tahun ${input.year}`, after: input });
      return session.id as number;
    });
    return (await this.sessions()).find((s) => s.id === id)!;
  }

  async updateSession(input: ParsedRequestOf<'talent:updateSession'>, actor: string): Promise<TalentSessionRow> {
    const session = await this.requireOpenSession(input.sessionId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE talent_session SET name = COALESCE(?, name), held_on = ?, members = COALESCE(?, members), notes = COALESCE(?, notes) WHERE id = ?',
        [input.name ?? null, input.heldOn === undefined ? session.held_on : input.heldOn, input.members ? JSON.stringify(input.members) : null, input.notes, input.sessionId]);
      await this.audit.record(manager, { actor, action: 'update', entity: 'talent_session', entityId: input.sessionId, summary: `Mengubah data sidang Komite Talenta "${session.name}"`, after: input });
    });
    return (await this.sessions()).find((s) => s.id === input.sessionId)!;
  }

  async session(sessionId: number): Promise<ResponseOf<'talent:session'>> {
    const session = (await this.sessions()).find((s) => s.id === sessionId);
    if (!session) throw new AppError('not_found', `Sidang Komite Talenta dengan ID ${sessionId} tidak ditemukan.`);
    const counts: Array<{ computed_box: number; final_box: number; n: number }> = await this.dataSource.query(
      'SELECT computed_box, COALESCE(calibrated_box, computed_box) AS final_box, COUNT(*) AS n FROM talent_placement WHERE session_id = ? GROUP BY computed_box, final_box', [sessionId]);
    const moves: Array<PlacementRow & { placement_id: number; calibration_reason: string | null; calibrated_by: string | null; calibrated_at: string | null }> = await this.dataSource.query(
      `SELECT tp.id AS placement_id, e.id, e.nip, e.name, e.front_title, e.back_title, po.name AS position_name, u.name AS unit_name,
              tp.kinerja_axis AS kinerja, tp.potensi_axis AS potensi, tp.computed_box, tp.calibrated_box, tp.calibration_reason, tp.calibrated_by, tp.calibrated_at
       FROM talent_placement tp JOIN employee e ON e.id = tp.employee_id LEFT JOIN position po ON po.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id
       WHERE tp.session_id = ? AND tp.calibrated_box IS NOT NULL ORDER BY tp.calibrated_at`, [sessionId]);
    return {
      session,
      boxes: Array.from({ length: 9 }, (_, i) => i + 1).map((box) => ({
        box, computed: counts.filter((c) => c.computed_box === box).reduce((a, c) => a + c.n, 0), final: counts.filter((c) => c.final_box === box).reduce((a, c) => a + c.n, 0),
      })),
      moves: moves.map((m) => ({ ...toPlaced(m), placementId: m.placement_id, calibrationReason: m.calibration_reason, calibratedBy: m.calibrated_by, calibratedAt: m.calibrated_at })),
    };
  }

  async calibrate(input: ParsedRequestOf<'talent:calibrate'>, actor: string) {
    const session = await this.requireOpenSession(input.sessionId);
    const [placement] = await this.dataSource.query('SELECT * FROM talent_placement WHERE session_id = ? AND employee_id = ?', [input.sessionId, input.employeeId]);
    if (!placement) throw new AppError('validation', 'Pegawai ini tidak termasuk populasi sidang (atau belum dapat ditempatkan karena data kinerja/potensinya belum lengkap).');
    const settings = await this.settings();
    const target = input.box === null || input.box === placement.computed_box ? null : input.box;
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE talent_placement SET calibrated_box = ?, calibration_reason = ?, calibrated_by = ?, calibrated_at = ? WHERE id = ?',
        [target, input.reason, actor, now, placement.id]);
      await refreshDerived((sql, params) => manager.query(sql, params), 'talent_placement', [input.employeeId]);
      const describe = (box: number | null) => {
        if (box === null) return null;
        const cell = boxCell(box, settings.numbering);
        return `Kotak ${box} (${boxName(cell.kinerja, cell.potensi)})`;
      };
      await this.audit.record(manager, {
        actor, action: 'calibrate', entity: 'talent_placement', entityId: placement.id, employeeId: input.employeeId,
        summary: target === null
          ? `Mengembalikan penempatan ke hasil perhitungan (kotak ${placement.computed_box}) dalam sidang "${session.name}": ${input.reason}`
          : `Kalibrasi kotak ${placement.computed_box} → ${target} dalam sidang "${session.name}": ${input.reason}`,
        changes: [{ field: 'box', label: 'Kotak talenta', before: describe(placement.calibrated_box ?? placement.computed_box), after: describe(target ?? placement.computed_box) }],
        before: { calibratedBox: placement.calibrated_box, reason: placement.calibration_reason }, after: { calibratedBox: target, reason: input.reason },
      });
    });
    const [row] = await this.dataSource.query(
      `SELECT tp.id AS placement_id, e.id, e.nip, e.name, e.front_title, e.back_title, po.name AS position_name, u.name AS unit_name,
              tp.kinerja_axis AS kinerja, tp.potensi_axis AS potensi, tp.computed_box, tp.calibrated_box, tp.calibration_reason
       FROM talent_placement tp JOIN employee e ON e.id = tp.employee_id LEFT JOIN position po ON po.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id
       WHERE tp.id = ?`, [placement.id]);
    return { ...toPlaced(row), placementId: row.placement_id, calibrationReason: row.calibration_reason };
  }

  async setSessionStatus(sessionId: number, status: 'draft' | 'ditinjau' | 'ditetapkan', fixedBy: string | null, actor: string): Promise<TalentSessionRow> {
    const [session] = await this.dataSource.query('SELECT * FROM talent_session WHERE id = ?', [sessionId]);
    if (!session) throw new AppError('not_found', `Sidang Komite Talenta dengan ID ${sessionId} tidak ditemukan.`);
    const allowed: Record<string, string[]> = { draft: ['ditinjau'], ditinjau: ['draft', 'ditetapkan'], ditetapkan: [] };
    if (session.status === 'ditetapkan') throw new AppError('conflict', 'Sidang ini sudah ditetapkan dan terkunci; penempatan tidak dapat diubah lagi.');
    if (!allowed[session.status].includes(status)) {
      throw new AppError('validation', `Status sidang tidak dapat berpindah dari ${sessionStatusLabel(session.status)} ke ${sessionStatusLabel(status)}.`);
    }
    if (status === 'ditetapkan' && !fixedBy) throw AppError.validation([{ path: 'fixedBy', message: 'Isi nama (dan NIP) PPK yang menetapkan hasil sidang.' }]);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE talent_session SET status = ?, fixed_by = ?, fixed_at = ? WHERE id = ?',
        [status, status === 'ditetapkan' ? fixedBy : null, status === 'ditetapkan' ? now : null, sessionId]);
      await refreshSessionPeople(manager, sessionId);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'talent_session', entityId: sessionId,
        summary: `Status sidang "${session.name}": ${sessionStatusLabel(session.status)} → ${sessionStatusLabel(status)}${status === 'ditetapkan' ? ` oleh ${fixedBy}` : ''}`,
      });
    });
    return (await this.sessions()).find((s) => s.id === sessionId)!;
  }

  private async requireOpenSession(sessionId: number) {
    const [session] = await this.dataSource.query('SELECT * FROM talent_session WHERE id = ?', [sessionId]);
    if (!session) throw new AppError('not_found', `Sidang Komite Talenta dengan ID ${sessionId} tidak ditemukan.`);
    if (session.status === 'ditetapkan') throw new AppError('conflict', `Sidang "${session.name}" sudah ditetapkan dan terkunci; tidak dapat diubah lagi.`);
    return session;
  }
}

/** Placements feed derived data elsewhere (succession's per-person facts): refresh it for a session's people. */
async function refreshSessionPeople(manager: EntityManager, sessionId: number): Promise<void> {
  const rows: Array<{ employee_id: number }> = await manager.query('SELECT employee_id FROM talent_placement WHERE session_id = ?', [sessionId]);
  await refreshDerived((sql, params) => manager.query(sql, params), 'talent_session', rows.map((r) => r.employee_id));
}

function toPlaced(r: PlacementRow): PlacedPerson {
  return {
    employeeId: r.id, nip: r.nip, fullName: fullName(r.name, r.front_title, r.back_title), positionName: r.position_name, unitName: r.unit_name,
    kinerja: r.kinerja, potensi: r.potensi, computedBox: r.computed_box, calibratedBox: r.calibrated_box, finalBox: r.calibrated_box ?? r.computed_box,
  };
}

function toSession(r: Record<string, unknown>): TalentSessionRow {
  return {
    id: r.id as number, year: r.year as number, name: r.name as string, status: r.status as TalentSessionRow['status'],
    populationUnitId: (r.population_unit_id as number | null) ?? null, populationUnitName: (r.unit_name as string | null) ?? null,
    populationLevels: r.population_levels ? (JSON.parse(r.population_levels as string) as string[]) : null,
    heldOn: (r.held_on as string | null) ?? null, members: r.members ? JSON.parse(r.members as string) : [], notes: (r.notes as string | null) ?? null,
    fixedBy: (r.fixed_by as string | null) ?? null, fixedAt: (r.fixed_at as string | null) ?? null, createdBy: r.created_by as string, createdAt: r.created_at as string,
    placements: r.placements as number, calibrations: r.calibrations as number,
  };
}
