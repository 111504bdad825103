// Evaluation history (SKP): recording evaluations and potential assessments, the Kinerja dashboard, the
// follow-up and completeness lists, and `stats.performance`. Dashboards read performance_year_summary.

import type { DataSource } from 'typeorm';
import { fullName } from '../../shared/domain/employee-status';
import {
  fellTwiceInARow, legacyLabel, LEGACY_LABELS, performanceRank, periodLabel, PERIODS, PREDIKAT_ERA_START, PREDIKATS,
  predikatFromRatings, predikatLabel, type Predikat,
} from '../../shared/domain/skp';
import { formatDateId } from '../../shared/format/id-format';
import { AppError } from '../../shared/errors';
import type { EvaluationRow } from '../../shared/ipc/channels/performance.channels';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import { refreshDerived } from '../db/derived';
import type { AuditService } from './audit.service';
import type { Clock } from './clock';
import { employeePopulation, levelsFor, rowMapping, rowUnits, unitOrThrow, type PopulationFilter } from '../db/sql/population.sql';
import { marks } from '../db/sql/run';

const POOR: Predikat[] = ['butuh_perbaikan', 'kurang', 'sangat_kurang'];
const EVALUATION_COLUMNS = `id, year, period, regime, hasil_kerja, perilaku_kerja, predikat, legacy_score, legacy_label, evaluator_nip, follow_up_status, notes, source`;

function toEvaluation(r: Record<string, unknown>): EvaluationRow {
  return {
    id: r.id as number, year: r.year as number, period: r.period as string, regime: r.regime as EvaluationRow['regime'],
    hasilKerja: (r.hasil_kerja as EvaluationRow['hasilKerja']) ?? null, perilakuKerja: (r.perilaku_kerja as EvaluationRow['perilakuKerja']) ?? null,
    predikat: (r.predikat as EvaluationRow['predikat']) ?? null, legacyScore: (r.legacy_score as number | null) ?? null,
    legacyLabel: (r.legacy_label as string | null) ?? null, evaluatorNip: (r.evaluator_nip as string | null) ?? null,
    followUpStatus: (r.follow_up_status as EvaluationRow['followUpStatus']) ?? null, notes: (r.notes as string | null) ?? null, source: r.source as string,
  };
}

/** "2025 Baik" or "2020 nilai 88,50 (Baik)" */
export function describeEvaluation(e: Pick<EvaluationRow, 'year' | 'period' | 'predikat' | 'legacyScore' | 'legacyLabel'>): string {
  const when = e.period === 'tahunan' ? String(e.year) : `${periodLabel(e.period)} ${e.year}`;
  if (e.predikat) return `${when} ${predikatLabel(e.predikat)}`;
  return `${when} nilai ${String(e.legacyScore ?? '').replace('.', ',')} (${e.legacyLabel ?? '-'})`;
}

export class PerformanceService {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditService, private readonly clock: Clock) {}

  async employee(employeeId: number): Promise<ResponseOf<'performance:employee'>> {
    const employee = await this.employeeRef(employeeId);
    const evaluations = (await this.dataSource.query(`SELECT ${EVALUATION_COLUMNS} FROM performance_evaluation WHERE employee_id = ?`, [employeeId]) as Array<Record<string, unknown>>)
      .map(toEvaluation);
    const order = (period: string) => PERIODS.find((p) => p.code === period)?.order ?? 50;
    evaluations.sort((a, b) => b.year - a.year || order(b.period) - order(a.period));
    const potentials: Array<Record<string, unknown>> = await this.dataSource.query(
      'SELECT id, assessed_on, level, score, method, notes, source FROM potential_assessment WHERE employee_id = ? ORDER BY assessed_on DESC, id DESC', [employeeId]);

    const warnings: string[] = [];
    const annual = evaluations.filter((e) => e.period === 'tahunan').reverse();
    const series = (list: EvaluationRow[]) => list.map((e) => performanceRank(e.predikat, e.legacyLabel)).filter((r): r is number => r !== null);
    if (fellTwiceInARow(series(annual))) {
      const tail = annual.slice(-3).map(describeEvaluation).join(' → ');
      warnings.push(`Kinerja tahunan menurun dua periode berturut-turut: ${tail}.`);
    }
    const latestYear = evaluations.find((e) => e.period.startsWith('triwulan'))?.year;
    if (latestYear !== undefined) {
      const quarters = evaluations.filter((e) => e.year === latestYear && e.period.startsWith('triwulan')).reverse();
      if (fellTwiceInARow(series(quarters))) warnings.push(`Kinerja triwulanan ${latestYear} menurun dua periode berturut-turut: ${quarters.slice(-3).map(describeEvaluation).join(' → ')}.`);
    }
    return {
      employee,
      evaluations,
      potentials: potentials.map((p) => ({
        id: p.id as number, assessedOn: p.assessed_on as string, level: (p.level as 'rendah' | 'menengah' | 'tinggi' | null) ?? null,
        score: (p.score as number | null) ?? null, method: (p.method as string | null) ?? null, notes: (p.notes as string | null) ?? null, source: p.source as string,
      })),
      warnings,
    };
  }

  async saveEvaluation(input: ParsedRequestOf<'performance:saveEvaluation'>, actor: string) {
    const [employee] = await this.dataSource.query('SELECT id, name, cpns_tmt, birth_date FROM employee WHERE id = ?', [input.employeeId]);
    if (!employee) throw new AppError('not_found', `Pegawai dengan ID ${input.employeeId} tidak ditemukan.`);
    const thisYear = Number(this.clock.today().slice(0, 4));
    const issues: Array<{ path: string; message: string }> = [];
    if (input.year > thisYear) issues.push({ path: 'year', message: `Tahun ${input.year} belum berjalan.` });
    if (employee.cpns_tmt && input.year < Number(String(employee.cpns_tmt).slice(0, 4))) issues.push({ path: 'year', message: `Tahun ${input.year} sebelum TMT CPNS/PPPK pegawai ini.` });
    let predikat: Predikat | null = null;
    let label: string | null = null;
    if (input.regime === 'PMPANRB6_2022') {
      if (!input.hasilKerja) issues.push({ path: 'hasilKerja', message: 'Rating hasil kerja wajib diisi untuk SKP sejak 2022.' });
      if (!input.perilakuKerja) issues.push({ path: 'perilakuKerja', message: 'Rating perilaku kerja wajib diisi untuk SKP sejak 2022.' });
      if (input.legacyScore !== null) issues.push({ path: 'legacyScore', message: 'SKP sejak 2022 tidak memakai nilai angka; isi rating hasil dan perilaku kerja.' });
      if (input.year < PREDIKAT_ERA_START) issues.push({ path: 'regime', message: `Predikat PermenPANRB 6/2022 berlaku untuk penilaian sejak ${PREDIKAT_ERA_START}.` });
      if (input.hasilKerja && input.perilakuKerja) predikat = predikatFromRatings(input.hasilKerja, input.perilakuKerja);
    } else {
      if (input.legacyScore === null) issues.push({ path: 'legacyScore', message: 'Nilai SKP (angka) wajib diisi untuk penilaian sebelum 2022.' });
      if (input.hasilKerja || input.perilakuKerja) issues.push({ path: 'regime', message: 'Rating hasil/perilaku kerja hanya untuk SKP sejak 2022.' });
      if (input.legacyScore !== null) {
        // PP 30/2019 uses the same five bands with "Sangat Kurang" for the lowest; its exact thresholds are [U].
        label = input.regime === 'PP30_2019' && legacyLabel(input.legacyScore) === 'Buruk' ? 'Sangat Kurang' : legacyLabel(input.legacyScore);
      }
    }
    if (issues.length) throw AppError.validation(issues);
    const followUp = predikat && POOR.includes(predikat) ? input.followUpStatus ?? 'belum' : null;

    const saved = await this.dataSource.transaction(async (manager) => {
      const [existing] = await manager.query(`SELECT ${EVALUATION_COLUMNS} FROM performance_evaluation WHERE employee_id = ? AND year = ? AND period = ?`, [input.employeeId, input.year, input.period]);
      const values = [input.regime, input.hasilKerja, input.perilakuKerja, predikat, input.legacyScore, label, input.evaluatorNip, followUp, input.notes];
      let id: number;
      if (existing) {
        await manager.query(`UPDATE performance_evaluation SET regime = ?, hasil_kerja = ?, perilaku_kerja = ?, predikat = ?, legacy_score = ?, legacy_label = ?,
          evaluator_nip = ?, follow_up_status = ?, notes = ?, source = 'manual', snapshot_id = NULL WHERE id = ?`, [...values, existing.id]);
        id = existing.id;
      } else {
        const [row] = await manager.query(`INSERT INTO performance_evaluation (employee_id, year, period, regime, hasil_kerja, perilaku_kerja, predikat, legacy_score,
          legacy_label, evaluator_nip, follow_up_status, notes, source, snapshot_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'manual', NULL, ?) RETURNING id`,
        [input.employeeId, input.year, input.period, ...values, this.clock.now()]);
        id = row.id;
      }
      await refreshDerived((sql, params) => manager.query(sql, params), 'performance_evaluation', [input.employeeId]);
      const [row] = await manager.query(`SELECT ${EVALUATION_COLUMNS} FROM performance_evaluation WHERE id = ?`, [id]);
      const after = toEvaluation(row);
      await this.audit.record(manager, {
        actor, action: existing ? 'update' : 'create', entity: 'performance_evaluation', entityId: id, employeeId: input.employeeId,
        summary: `${existing ? 'Mengubah' : 'Mencatat'} SKP ${describeEvaluation(after)} untuk ${employee.name}`,
        changes: [{ field: 'skp', label: `SKP ${periodLabel(input.period)} ${input.year}`, before: existing ? describeEvaluation(toEvaluation(existing)) : null, after: describeEvaluation(after) }],
        before: existing ?? undefined, after,
      });
      return { evaluation: after, replaced: Boolean(existing) };
    });
    return saved;
  }

  async deleteEvaluation(evaluationId: number, actor: string): Promise<{ deleted: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const [existing] = await manager.query(`SELECT ${EVALUATION_COLUMNS}, employee_id FROM performance_evaluation WHERE id = ?`, [evaluationId]);
      if (!existing) throw new AppError('not_found', `Penilaian SKP dengan ID ${evaluationId} tidak ditemukan.`);
      const [{ n }] = await manager.query('SELECT COUNT(*) AS n FROM talent_placement WHERE evaluation_id = ?', [evaluationId]);
      if (n > 0) throw new AppError('conflict', 'SKP ini menjadi dasar penempatan dalam sidang Komite Talenta; tidak dapat dihapus. Catat penilaian pengganti jika ada koreksi.');
      await manager.query('DELETE FROM performance_evaluation WHERE id = ?', [evaluationId]);
      await refreshDerived((sql, params) => manager.query(sql, params), 'performance_evaluation', [existing.employee_id]);
      await this.audit.record(manager, {
        actor, action: 'delete', entity: 'performance_evaluation', entityId: evaluationId, employeeId: existing.employee_id,
        summary: `Menghapus SKP ${describeEvaluation(toEvaluation(existing))}`, before: existing,
      });
      return { deleted: true };
    });
  }

  async setFollowUp(evaluationId: number, status: 'belum' | 'pembinaan' | 'selesai', notes: string | null, actor: string): Promise<EvaluationRow> {
    return this.dataSource.transaction(async (manager) => {
      const [existing] = await manager.query(`SELECT ${EVALUATION_COLUMNS}, employee_id FROM performance_evaluation WHERE id = ?`, [evaluationId]);
      if (!existing) throw new AppError('not_found', `Penilaian SKP dengan ID ${evaluationId} tidak ditemukan.`);
      if (!POOR.includes(existing.predikat)) throw new AppError('validation', 'Tindak lanjut hanya untuk predikat Butuh Perbaikan, Kurang, atau Sangat Kurang.');
      await manager.query('UPDATE performance_evaluation SET follow_up_status = ?, notes = COALESCE(?, notes) WHERE id = ?', [status, notes, evaluationId]);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'performance_evaluation', entityId: evaluationId, employeeId: existing.employee_id,
        summary: `Tindak lanjut SKP ${describeEvaluation(toEvaluation(existing))}: ${status}`,
        changes: [{ field: 'followUpStatus', label: 'Tindak lanjut', before: existing.follow_up_status, after: status }],
      });
      const [row] = await manager.query(`SELECT ${EVALUATION_COLUMNS} FROM performance_evaluation WHERE id = ?`, [evaluationId]);
      return toEvaluation(row);
    });
  }

  async savePotential(input: ParsedRequestOf<'performance:savePotential'>, actor: string) {
    const [employee] = await this.dataSource.query('SELECT id, name, birth_date FROM employee WHERE id = ?', [input.employeeId]);
    if (!employee) throw new AppError('not_found', `Pegawai dengan ID ${input.employeeId} tidak ditemukan.`);
    const issues: Array<{ path: string; message: string }> = [];
    if (input.level === null && input.score === null) issues.push({ path: 'level', message: 'Isi tingkat potensi atau nilai potensi (0–100).' });
    if (input.assessedOn > this.clock.today()) issues.push({ path: 'assessedOn', message: 'Tanggal asesmen tidak boleh di masa depan.' });
    if (issues.length) throw AppError.validation(issues);
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(`INSERT INTO potential_assessment (employee_id, assessed_on, level, score, method, notes, source, snapshot_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, 'manual', NULL, ?) RETURNING id, assessed_on, level, score, method, notes, source`,
      [input.employeeId, input.assessedOn, input.level, input.score, input.method, input.notes, this.clock.now()]);
      await refreshDerived((sql, params) => manager.query(sql, params), 'potential_assessment', [input.employeeId]);
      await this.audit.record(manager, {
        actor, action: 'create', entity: 'potential_assessment', entityId: row.id, employeeId: input.employeeId,
        summary: `Mencatat asesmen potensi ${formatDateId(input.assessedOn)} untuk ${employee.name}: ${[input.level, input.score].filter((v) => v !== null).join(' / ')}`,
        after: input,
      });
      return { id: row.id, assessedOn: row.assessed_on, level: row.level, score: row.score, method: row.method, notes: row.notes, source: row.source };
    });
  }

  async years(): Promise<{ years: number[]; latest: number | null }> {
    const rows: Array<{ year: number }> = await this.dataSource.query(`SELECT DISTINCT year FROM performance_evaluation WHERE period = 'tahunan' ORDER BY year`);
    const years = rows.map((r) => r.year);
    return { years, latest: years.length ? years[years.length - 1] : null };
  }

  async distribution(request: PopulationFilter & { fromYear?: number; toYear?: number }): Promise<ResponseOf<'performance:distribution'>> {
    const levels = levelsFor(request.levels, request.kinds);
    const parent = request.parentUnitId ? await unitOrThrow(this.dataSource, request.parentUnitId) : null;
    const rows = await rowUnits(this.dataSource, parent?.id ?? null);
    const { rowOf, groupColumn, scope, params } = await rowMapping(this.dataSource, parent);
    const where = [scope('unit_id')];
    const values = [...params];
    if (levels) {
      where.push(`position_level IN (${marks(levels)})`);
      values.push(...levels);
    }
    if (request.fromYear) {
      where.push('year >= ?');
      values.push(request.fromYear);
    }
    if (request.toYear) {
      where.push('year <= ?');
      values.push(request.toYear);
    }
    const grouped: Array<{ row: number; year: number; category: string; n: number }> = await this.dataSource.query(
      `SELECT ${groupColumn} AS row, year, category, SUM(employees) AS n FROM performance_year_summary WHERE ${where.join(' AND ')}
       GROUP BY ${groupColumn}, year, category`, values);
    const years = [...new Set(grouped.map((g) => g.year))].sort((a, b) => a - b);
    const byYear = new Map<number, Record<string, number>>();
    const byRowYear = new Map<string, Record<string, number>>();
    for (const g of grouped) {
      const counts = byYear.get(g.year) ?? {};
      counts[g.category] = (counts[g.category] ?? 0) + g.n;
      byYear.set(g.year, counts);
      const row = rowOf(g.row);
      if (row === null) continue;
      const key = `${row}:${g.year}`;
      const rc = byRowYear.get(key) ?? {};
      rc[g.category] = (rc[g.category] ?? 0) + g.n;
      byRowYear.set(key, rc);
    }
    const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    return {
      parent: parent ? { id: parent.id, name: parent.name, parentId: parent.parent_id } : null,
      years: years.map((year) => {
        const counts = byYear.get(year) ?? {};
        return { year, counts, total: sum(counts), legacy: Object.keys(counts).some((c) => c.startsWith('legacy:')) };
      }),
      units: rows.map((row) => ({
        unitId: row.id, unitName: row.name, direct: row.direct,
        years: years.map((year) => {
          const counts = byRowYear.get(`${row.direct ? -row.id : row.id}:${year}`) ?? {};
          return { year, counts, total: sum(counts) };
        }),
      })).filter((u) => u.years.some((y) => y.total > 0)),
    };
  }

  async followUps(request: PopulationFilter & { year: number; offset: number; limit: number }) {
    const parent = request.parentUnitId ? await unitOrThrow(this.dataSource, request.parentUnitId) : null;
    const population = employeePopulation(request, parent?.path ?? null);
    const where = `ev.year = ? AND ev.period = 'tahunan' AND ev.predikat IN (${marks(POOR)}) AND e.status = 'active' AND ${population.sql}`;
    const params = [request.year, ...POOR, ...population.params];
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM performance_evaluation ev JOIN employee e ON e.id = ev.employee_id WHERE ${where}`, params);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, p.name AS position_name, u.name AS unit_name, ev.id AS evaluation_id, ev.predikat, ev.follow_up_status, ev.notes
       FROM performance_evaluation ev JOIN employee e ON e.id = ev.employee_id LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id
       WHERE ${where}
       ORDER BY CASE ev.predikat WHEN 'sangat_kurang' THEN 0 WHEN 'kurang' THEN 1 ELSE 2 END, COALESCE(ev.follow_up_status, 'belum') = 'selesai', e.name COLLATE NOCASE
       LIMIT ? OFFSET ?`, [...params, request.limit, request.offset]);
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id as number, nip: r.nip as string, fullName: fullName(r.name as string, r.front_title as string | null, r.back_title as string | null),
        positionName: (r.position_name as string | null) ?? null, unitName: (r.unit_name as string | null) ?? null, evaluationId: r.evaluation_id as number,
        predikat: r.predikat as Predikat, followUpStatus: (r.follow_up_status as 'belum' | 'pembinaan' | 'selesai' | null) ?? null, notes: (r.notes as string | null) ?? null,
      })),
    };
  }

  async categoryEmployees(request: PopulationFilter & { year: number; category: string; offset: number; limit: number }) {
    const parent = request.parentUnitId ? await unitOrThrow(this.dataSource, request.parentUnitId) : null;
    const population = employeePopulation(request, parent?.path ?? null);
    const legacy = request.category.startsWith('legacy:');
    const where = `ev.year = ? AND ev.period = 'tahunan' AND ${legacy ? 'ev.predikat IS NULL AND ev.legacy_label = ?' : 'ev.predikat = ?'} AND e.status = 'active' AND ${population.sql}`;
    const params = [request.year, legacy ? request.category.slice(7) : request.category, ...population.params];
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM performance_evaluation ev JOIN employee e ON e.id = ev.employee_id WHERE ${where}`, params);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, p.name AS position_name, u.name AS unit_name, ev.id AS evaluation_id, ev.predikat, ev.legacy_score, ev.legacy_label
       FROM performance_evaluation ev JOIN employee e ON e.id = ev.employee_id LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id
       WHERE ${where} ORDER BY ev.legacy_score, e.name COLLATE NOCASE LIMIT ? OFFSET ?`, [...params, request.limit, request.offset]);
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id as number, nip: r.nip as string, fullName: fullName(r.name as string, r.front_title as string | null, r.back_title as string | null),
        positionName: (r.position_name as string | null) ?? null, unitName: (r.unit_name as string | null) ?? null, evaluationId: r.evaluation_id as number,
        predikat: (r.predikat as Predikat | null) ?? null, legacyScore: (r.legacy_score as number | null) ?? null, legacyLabel: (r.legacy_label as string | null) ?? null,
      })),
    };
  }

  async withoutSkp(request: PopulationFilter & { year: number; offset: number; limit: number }) {
    const parent = request.parentUnitId ? await unitOrThrow(this.dataSource, request.parentUnitId) : null;
    const population = employeePopulation(request, parent?.path ?? null);
    // Only people who were in service in that year (TMT CPNS/PPPK on or before its last day).
    const base = `e.status = 'active' AND (e.cpns_tmt IS NULL OR e.cpns_tmt <= ?) AND ${population.sql}`;
    const missing = `NOT EXISTS (SELECT 1 FROM performance_evaluation ev WHERE ev.employee_id = e.id AND ev.year = ? AND ev.period = 'tahunan')`;
    const params = [`${request.year}-12-31`, ...population.params];
    const [{ active }] = await this.dataSource.query(`SELECT COUNT(*) AS active FROM employee e WHERE ${base}`, params);
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM employee e WHERE ${base} AND ${missing}`, [...params, request.year]);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, e.cpns_tmt, p.name AS position_name, u.name AS unit_name,
              (SELECT MAX(year) FROM performance_evaluation ev WHERE ev.employee_id = e.id AND ev.period = 'tahunan') AS last_year
       FROM employee e LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id
       WHERE ${base} AND ${missing} ORDER BY e.name COLLATE NOCASE LIMIT ? OFFSET ?`, [...params, request.year, request.limit, request.offset]);
    return {
      total, active,
      rows: rows.map((r) => ({
        id: r.id as number, nip: r.nip as string, fullName: fullName(r.name as string, r.front_title as string | null, r.back_title as string | null),
        positionName: (r.position_name as string | null) ?? null, unitName: (r.unit_name as string | null) ?? null,
        cpnsTmt: (r.cpns_tmt as string | null) ?? null, lastSkpYear: (r.last_year as number | null) ?? null,
      })),
    };
  }

  /** stats --json "performance": annual SKP of active employees for a year (default: the latest with annual SKP). */
  async stats(year?: number) {
    const chosen = year ?? (await this.years()).latest;
    if (chosen === null) return { year: null, byPredikat: Object.fromEntries(PREDIKATS.map((p) => [p.label, 0])), withoutSkp: 0 };
    const rows: Array<{ category: string; n: number }> = await this.dataSource.query(
      'SELECT category, SUM(employees) AS n FROM performance_year_summary WHERE year = ? GROUP BY category', [chosen]);
    const byPredikat: Record<string, number> = Object.fromEntries(PREDIKATS.map((p) => [p.label, 0]));
    const legacy: Record<string, number> = {};
    for (const r of rows) {
      const predikat = PREDIKATS.find((p) => p.code === r.category);
      if (predikat) byPredikat[predikat.label] += r.n;
      else if (r.category.startsWith('legacy:')) legacy[r.category.slice(7)] = (legacy[r.category.slice(7)] ?? 0) + r.n;
    }
    const [{ n: withoutSkp }] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM employee e WHERE e.status = 'active' AND (e.cpns_tmt IS NULL OR e.cpns_tmt <= ?)
       AND NOT EXISTS (SELECT 1 FROM performance_evaluation ev WHERE ev.employee_id = e.id AND ev.year = ? AND ev.period = 'tahunan')`,
      [`${chosen}-12-31`, chosen]);
    const result: Record<string, unknown> = { year: chosen, byPredikat, withoutSkp };
    // Years before 2022 were scored on the PP 46/2011 scale: their sebutan are reported apart, never as predikat.
    if (Object.keys(legacy).length) result.legacy = Object.fromEntries(LEGACY_LABELS.map((l) => [l, legacy[l] ?? 0]));
    return result;
  }

  private async employeeRef(employeeId: number) {
    const [e] = await this.dataSource.query(
      `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, p.name AS position_name, u.name AS unit_name
       FROM employee e LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id WHERE e.id = ?`, [employeeId]);
    if (!e) throw new AppError('not_found', `Pegawai dengan ID ${employeeId} tidak ditemukan.`);
    return { id: e.id, nip: e.nip, fullName: fullName(e.name, e.front_title, e.back_title), positionName: e.position_name, unitName: e.unit_name };
  }
}
