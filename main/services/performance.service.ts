// Evaluation history (SKP): recording evaluations and potential assessments, the Kinerja dashboard, the
// follow-up and completeness lists, and `stats.performance`. Dashboards read performance_year_summary; every
// statement is in main/db/sql/performance.sql.ts.

import type { DataSource } from 'typeorm';
import {
  fellTwiceInARow, legacyLabel, LEGACY_LABELS, performanceRank, periodLabel, PERIODS, PREDIKAT_ERA_START, PREDIKATS,
  predikatFromRatings, predikatLabel, type Predikat,
} from '../../shared/domain/skp';
import { potensiAxisLabel } from '../../shared/domain/talent';
import { formatDateId, formatNumberId } from '../../shared/format/id-format';
import { AppError } from '../../shared/errors';
import { FOLLOW_UP_STATUSES, type EvaluationRow } from '../../shared/schemas/performance';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import { refreshDerived } from '../db/derived';
import { readEmployeeRow } from '../db/sql/employee-rows.sql';
import type { SqlDialect } from '../db/sql';
import { POOR_PREDIKATS, type EvaluationRecord, type EvaluationValues } from '../db/sql/performance.sql';
import { employeePopulation, levelsFor, rowMapping, rowUnits, unitOrThrow, type PopulationFilter } from '../db/sql/population.sql';
import { managerRun } from '../db/sql/run';
import type { AuditService } from './audit.service';
import type { Clock } from './clock';

type FollowUpStatus = 'belum' | 'pembinaan' | 'selesai';

function toEvaluation(r: EvaluationRecord): EvaluationRow {
  return {
    id: r.id, year: r.year, period: r.period, regime: r.regime as EvaluationRow['regime'],
    hasilKerja: (r.hasil_kerja as EvaluationRow['hasilKerja']) ?? null, perilakuKerja: (r.perilaku_kerja as EvaluationRow['perilakuKerja']) ?? null,
    predikat: (r.predikat as EvaluationRow['predikat']) ?? null, legacyScore: r.legacy_score ?? null,
    legacyLabel: r.legacy_label ?? null, evaluatorNip: r.evaluator_nip ?? null,
    followUpStatus: (r.follow_up_status as EvaluationRow['followUpStatus']) ?? null, notes: r.notes ?? null, source: r.source,
  };
}

/** "2025 Baik" or "2020 nilai 88,5 (Baik)" */
export function describeEvaluation(e: Pick<EvaluationRow, 'year' | 'period' | 'predikat' | 'legacyScore' | 'legacyLabel'>): string {
  const when = e.period === 'tahunan' ? String(e.year) : `${periodLabel(e.period)} ${e.year}`;
  if (e.predikat) return `${when} ${predikatLabel(e.predikat)}`;
  return `${when} nilai ${formatNumberId(e.legacyScore)} (${e.legacyLabel ?? '-'})`;
}

const followUpLabel = (status: string | null) => FOLLOW_UP_STATUSES.find((f) => f.code === status)?.label ?? null;

/** The employee reference of the Kinerja lists and the profile tab, from an employee row. */
function employeeRef(row: Record<string, unknown>) {
  const e = readEmployeeRow(row);
  return { id: e.employeeId, nip: e.nip, fullName: e.fullName, positionName: e.positionName, unitName: e.unitName };
}

export class PerformanceService {
  constructor(private readonly dataSource: DataSource, private readonly sql: SqlDialect, private readonly audit: AuditService, private readonly clock: Clock) {}

  private get read() {
    return managerRun(this.dataSource);
  }

  async employee(employeeId: number): Promise<ResponseOf<'performance:employee'>> {
    const row = await this.sql.performance.employeeRow(this.read, employeeId);
    if (!row) throw new AppError('not_found', `Pegawai dengan ID ${employeeId} tidak ditemukan.`);
    const evaluations = (await this.sql.performance.evaluationsOf(this.read, employeeId)).map(toEvaluation);
    const order = (period: string) => PERIODS.find((p) => p.code === period)?.order ?? 50;
    evaluations.sort((a, b) => b.year - a.year || order(b.period) - order(a.period));
    const potentials = await this.sql.performance.potentialsOf(this.read, employeeId);

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
      employee: employeeRef(row),
      evaluations,
      potentials: potentials.map((p) => ({
        id: p.id, assessedOn: p.assessed_on, level: (p.level as 'rendah' | 'menengah' | 'tinggi' | null) ?? null,
        score: p.score ?? null, method: p.method ?? null, notes: p.notes ?? null, source: p.source,
      })),
      warnings,
    };
  }

  async saveEvaluation(input: ParsedRequestOf<'performance:saveEvaluation'>, actor: string) {
    const employee = await this.sql.performance.employeeForEvaluation(this.read, input.employeeId);
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
        // PP 30/2019 uses the same five bands with "Sangat Kurang" for the lowest; its exact thresholds are unconfirmed.
        label = input.regime === 'PP30_2019' && legacyLabel(input.legacyScore) === 'Buruk' ? 'Sangat Kurang' : legacyLabel(input.legacyScore);
      }
    }
    if (issues.length) throw AppError.validation(issues);
    const followUp = predikat && (POOR_PREDIKATS as readonly string[]).includes(predikat) ? input.followUpStatus ?? 'belum' : null;
    const values: EvaluationValues = {
      regime: input.regime, hasilKerja: input.hasilKerja, perilakuKerja: input.perilakuKerja, predikat, legacyScore: input.legacyScore,
      legacyLabel: label, evaluatorNip: input.evaluatorNip, followUpStatus: followUp, notes: input.notes,
    };

    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const existing = await this.sql.performance.evaluationOfPeriod(run, input.employeeId, input.year, input.period);
      let id: number;
      if (existing) {
        await this.sql.performance.updateEvaluation(run, existing.id, values);
        id = existing.id;
      } else {
        id = await this.sql.performance.insertEvaluation(run, input, values, this.clock.now());
      }
      await refreshDerived(run, 'performance_evaluation', [input.employeeId]);
      const after = toEvaluation((await this.sql.performance.evaluation(run, id))!);
      await this.audit.record(manager, {
        actor, action: existing ? 'update' : 'create', entity: 'performance_evaluation', entityId: id, employeeId: input.employeeId,
        summary: `${existing ? 'Mengubah' : 'Mencatat'} SKP ${describeEvaluation(after)} untuk ${employee.name}`,
        changes: [{ field: 'skp', label: `SKP ${periodLabel(input.period)} ${input.year}`, before: existing ? describeEvaluation(toEvaluation(existing)) : null, after: describeEvaluation(after) }],
        before: existing ?? undefined, after,
      });
      return { evaluation: after, replaced: Boolean(existing) };
    });
  }

  async deleteEvaluation(evaluationId: number, actor: string): Promise<{ deleted: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const existing = await this.sql.performance.evaluation(run, evaluationId);
      if (!existing) throw new AppError('not_found', `Penilaian SKP dengan ID ${evaluationId} tidak ditemukan.`);
      if (await this.sql.performance.placementsCiting(run, evaluationId) > 0) {
        throw new AppError('conflict', 'SKP ini menjadi dasar penempatan dalam sidang Komite Talenta; tidak dapat dihapus. Catat penilaian pengganti jika ada koreksi.');
      }
      await this.sql.performance.deleteEvaluation(run, evaluationId);
      await refreshDerived(run, 'performance_evaluation', [existing.employee_id]);
      await this.audit.record(manager, {
        actor, action: 'delete', entity: 'performance_evaluation', entityId: evaluationId, employeeId: existing.employee_id,
        summary: `Menghapus SKP ${describeEvaluation(toEvaluation(existing))}`, before: existing,
      });
      return { deleted: true };
    });
  }

  async setFollowUp(evaluationId: number, status: FollowUpStatus, notes: string | null, actor: string): Promise<EvaluationRow> {
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const existing = await this.sql.performance.evaluation(run, evaluationId);
      if (!existing) throw new AppError('not_found', `Penilaian SKP dengan ID ${evaluationId} tidak ditemukan.`);
      if (!(POOR_PREDIKATS as readonly (string | null)[]).includes(existing.predikat)) {
        throw new AppError('validation', 'Tindak lanjut hanya untuk predikat Butuh Perbaikan, Kurang, atau Sangat Kurang.');
      }
      await this.sql.performance.setFollowUp(run, evaluationId, status, notes);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'performance_evaluation', entityId: evaluationId, employeeId: existing.employee_id,
        summary: `Tindak lanjut SKP ${describeEvaluation(toEvaluation(existing))}: ${followUpLabel(status)}`,
        changes: [{ field: 'followUpStatus', label: 'Tindak lanjut', before: followUpLabel(existing.follow_up_status), after: followUpLabel(status) }],
      });
      return toEvaluation((await this.sql.performance.evaluation(run, evaluationId))!);
    });
  }

  async savePotential(input: ParsedRequestOf<'performance:savePotential'>, actor: string) {
    const employee = await this.sql.performance.employeeForEvaluation(this.read, input.employeeId);
    if (!employee) throw new AppError('not_found', `Pegawai dengan ID ${input.employeeId} tidak ditemukan.`);
    const issues: Array<{ path: string; message: string }> = [];
    if (input.level === null && input.score === null) issues.push({ path: 'level', message: 'Isi tingkat potensi atau nilai potensi (0–100).' });
    if (input.assessedOn > this.clock.today()) issues.push({ path: 'assessedOn', message: 'Tanggal asesmen tidak boleh di masa depan.' });
    if (issues.length) throw AppError.validation(issues);
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const row = await this.sql.performance.insertPotential(run, input, this.clock.now());
      await refreshDerived(run, 'potential_assessment', [input.employeeId]);
      const result = [input.level ? `tingkat ${potensiAxisLabel(input.level).toLowerCase()}` : null, input.score !== null ? `nilai ${formatNumberId(input.score)}` : null];
      await this.audit.record(manager, {
        actor, action: 'create', entity: 'potential_assessment', entityId: row.id, employeeId: input.employeeId,
        summary: `Mencatat asesmen potensi ${formatDateId(input.assessedOn)} untuk ${employee.name}: ${result.filter(Boolean).join(', ')}`,
        after: input,
      });
      return { id: row.id, assessedOn: row.assessed_on, level: row.level as 'rendah' | 'menengah' | 'tinggi' | null, score: row.score, method: row.method, notes: row.notes, source: row.source };
    });
  }

  async years(): Promise<{ years: number[]; latest: number | null }> {
    const years = await this.sql.performance.annualYears(this.read);
    return { years, latest: years.length ? years[years.length - 1] : null };
  }

  async distribution(request: PopulationFilter & { fromYear?: number; toYear?: number }): Promise<ResponseOf<'performance:distribution'>> {
    const parent = request.parentUnitId ? await unitOrThrow(this.dataSource, request.parentUnitId) : null;
    const rows = await rowUnits(this.dataSource, parent?.id ?? null);
    const { rowOf, groupColumn, scope, params } = await rowMapping(this.dataSource, parent);
    const grouped = await this.sql.performance.distribution(this.read, {
      groupColumn: groupColumn as 'root_unit_id' | 'unit_id', scope: { sql: scope('unit_id'), params }, levels: levelsFor(request.levels, request.kinds),
      fromYear: request.fromYear, toYear: request.toYear,
    });
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
    const page = await this.sql.performance.followUps(this.read, { ...request, population: await this.population(request) });
    return {
      total: page.total,
      rows: page.rows.map((r) => ({
        ...employeeRef(r), evaluationId: r.evaluation_id as number, predikat: r.predikat as Predikat,
        followUpStatus: (r.follow_up_status as FollowUpStatus | null) ?? null, notes: (r.notes as string | null) ?? null,
      })),
    };
  }

  async categoryEmployees(request: PopulationFilter & { year: number; category: string; offset: number; limit: number }) {
    const category = request.category.startsWith('legacy:') ? { legacyLabel: request.category.slice(7) } : { predikat: request.category };
    const page = await this.sql.performance.categoryEmployees(this.read, { ...request, category, population: await this.population(request) });
    return {
      total: page.total,
      rows: page.rows.map((r) => ({
        ...employeeRef(r), evaluationId: r.evaluation_id as number, predikat: (r.predikat as Predikat | null) ?? null,
        legacyScore: (r.legacy_score as number | null) ?? null, legacyLabel: (r.legacy_label as string | null) ?? null,
      })),
    };
  }

  async withoutSkp(request: PopulationFilter & { year: number; offset: number; limit: number }) {
    const page = await this.sql.performance.withoutSkp(this.read, { ...request, population: await this.population(request) });
    return {
      total: page.total, active: page.active,
      rows: page.rows.map((r) => ({ ...employeeRef(r), cpnsTmt: (r.cpns_tmt as string | null) ?? null, lastSkpYear: (r.last_year as number | null) ?? null })),
    };
  }

  /** stats --json "performance": annual SKP of active employees for a year (default: the latest with annual SKP). */
  async stats(year?: number) {
    const chosen = year ?? (await this.years()).latest;
    if (chosen === null) return { year: null, byPredikat: Object.fromEntries(PREDIKATS.map((p) => [p.label, 0])), withoutSkp: 0 };
    const rows = await this.sql.performance.categoryCounts(this.read, chosen);
    const byPredikat: Record<string, number> = Object.fromEntries(PREDIKATS.map((p) => [p.label, 0]));
    const legacy: Record<string, number> = {};
    for (const r of rows) {
      const predikat = PREDIKATS.find((p) => p.code === r.category);
      if (predikat) byPredikat[predikat.label] += r.n;
      else if (r.category.startsWith('legacy:')) legacy[r.category.slice(7)] = (legacy[r.category.slice(7)] ?? 0) + r.n;
    }
    const withoutSkp = await this.sql.performance.withoutSkpCount(this.read, chosen);
    const result: Record<string, unknown> = { year: chosen, byPredikat, withoutSkp };
    // Years before 2022 were scored on the PP 46/2011 scale: their sebutan are reported apart, never as predikat.
    if (Object.keys(legacy).length) result.legacy = Object.fromEntries(LEGACY_LABELS.map((l) => [l, legacy[l] ?? 0]));
    return result;
  }

  /** The employee condition of a dashboard population (unit subtree, jenjang). */
  private async population(filter: PopulationFilter) {
    const parent = filter.parentUnitId ? await unitOrThrow(this.dataSource, filter.parentUnitId) : null;
    return employeePopulation(filter, parent?.path ?? null);
  }
}
