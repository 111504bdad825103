// Competency maps: the dictionary, position standards, assessments, gaps and JPM, and the Peta Kompetensi
// dashboard. Dashboards read the derived tables (employee_competency_profile, competency_gap_summary) kept
// on write by the competency refresher in db/derived.ts. The JPM rule is shared/domain/jpm.ts; the SQL is
// main/db/sql/competency.sql.ts.

import type { DataSource } from 'typeorm';
import { computeJpm, JPM_BUCKETS, jpmOfSums, roundJpm, type JpmStatus } from '../../shared/domain/jpm';
import { POSITION_LEVELS, type PositionKind, type PositionLevel } from '../../shared/domain/position';
import { formatDateId } from '../../shared/format/id-format';
import { AppError } from '../../shared/errors';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import { refreshDerived } from '../db/derived';
import type { SqlDialect } from '../db/sql';
import type { DashboardScope, DefinitionRow } from '../db/sql/competency.sql';
import { employeesOfPositions } from '../db/sql/competency-profile.sql';
import { levelsFor, rowMapping, rowUnits, unitOrThrow } from '../db/sql/population.sql';
import { managerRun, type Run } from '../db/sql/run';
import type { AuditService } from './audit.service';
import type { Clock } from './clock';
import { claimEditVersion } from './versions/edit-version';

type Definition = ResponseOf<'competency:dictionary'>['competencies'][number];
type Population = { parentUnitId?: number; levels?: PositionLevel[]; kinds?: PositionKind[] };

const toDefinition = (r: DefinitionRow): Definition => ({
  id: r.id, code: r.code, name: r.name, group: r.group as Definition['group'], description: r.description,
  levelDescriptors: r.level_descriptors ? (JSON.parse(r.level_descriptors) as string[]) : [], active: r.active === 1,
});

const jpmSummary = (jpm: ReturnType<typeof jpmOfSums>) => ({
  status: jpm.status, jpm: jpm.jpm, category: jpm.category, selection: jpm.selection,
  requiredSum: jpm.requiredSum, achievedSum: jpm.achievedSum, assessedCount: jpm.assessedCount, standardCount: jpm.standardCount,
});

export class CompetencyService {
  private readonly read: Run;

  constructor(private readonly dataSource: DataSource, private readonly audit: AuditService, private readonly clock: Clock, private readonly sql: SqlDialect) {
    this.read = managerRun(dataSource);
  }

  // ------------------------------------------------------------------ dictionary and standards

  async dictionary(): Promise<Definition[]> {
    return (await this.sql.competency.definitions(this.read)).map(toDefinition);
  }

  async saveDefinition(input: ParsedRequestOf<'competency:saveDefinition'>, actor: string): Promise<Definition> {
    const sql = this.sql.competency;
    if (await sql.codeTaken(this.read, input.code, input.id ?? null)) throw AppError.validation([{ path: 'code', message: `Kode kompetensi ${input.code} sudah dipakai.` }]);
    const values = { code: input.code, name: input.name, group: input.group, description: input.description, levelDescriptors: input.levelDescriptors, active: input.active };
    const id = await this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      let savedId = input.id;
      if (savedId) {
        if (!(await sql.definition(run, savedId))) throw new AppError('not_found', `Kompetensi dengan ID ${savedId} tidak ditemukan.`);
        await sql.updateDefinition(run, savedId, values);
      } else {
        savedId = await sql.insertDefinition(run, values);
      }
      await this.audit.record(manager, {
        actor, action: input.id ? 'update' : 'create', entity: 'competency_definition', entityId: savedId,
        summary: `${input.id ? 'Mengubah' : 'Menambah'} kompetensi ${input.code} ${input.name}`, after: input,
      });
      return savedId;
    });
    return toDefinition((await sql.definition(this.read, id))!);
  }

  async standard(positionId: number): Promise<ResponseOf<'competency:standard'>> {
    const sql = this.sql.competency;
    const position = await sql.positionHeader(this.read, positionId);
    if (!position) throw new AppError('not_found', `Jabatan dengan ID ${positionId} tidak ditemukan.`);
    const items = await sql.standardOf(this.read, positionId);
    const similar = await sql.similarStandards(this.read, position, 20);
    return {
      position: { id: position.id, name: position.name, level: position.level as PositionLevel, kind: position.kind as PositionKind, unitName: position.unit_name, holders: position.holders, version: Number(position.version) },
      items: items.map((r) => ({ competency: { id: r.competency_id, code: r.code, name: r.name, group: r.group as Definition['group'] }, requiredLevel: r.required_level })),
      similar: similar.map((r) => ({ id: r.id, name: r.name, unitName: r.unit_name, items: r.items })),
    };
  }

  async saveStandard(positionId: number, version: number, items: Array<{ competencyId: number; requiredLevel: number }>, actor: string) {
    await this.requirePosition(positionId);
    const ids = items.map((i) => i.competencyId);
    if (new Set(ids).size !== ids.length) throw AppError.validation([{ path: 'items', message: 'Setiap kompetensi hanya boleh muncul sekali dalam standar.' }]);
    await this.requireCompetencies(ids);
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      await claimEditVersion(run, { table: 'position', key: positionId }, version, { subject: 'Standar kompetensi jabatan ini', actor, at: this.clock.now() });
      const before = await this.sql.competency.standardLevels(run, positionId);
      await this.sql.competency.replaceStandard(run, positionId, items);
      const employees = await employeesOfPositions(run, [positionId]);
      await refreshDerived(run, 'position_competency_standard', employees);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'position_competency_standard', entityId: positionId,
        summary: `Mengubah standar kompetensi jabatan #${positionId} (${items.length} kompetensi)`, before, after: items,
      });
      return { positionId, items: items.length, employeesRefreshed: employees.length };
    });
  }

  /** Replaces each target's standard with the source's; every target names the version its form read, and one
   *  stale target refuses the whole copy (with who changed it and when), so nothing is copied. */
  async copyStandard(fromPositionId: number, targetVersions: Array<{ positionId: number; version: number }>, actor: string) {
    const source = (await this.standard(fromPositionId)).items.map((i) => ({ competencyId: i.competency.id, requiredLevel: i.requiredLevel }));
    if (source.length === 0) throw new AppError('validation', 'Jabatan sumber belum memiliki standar kompetensi untuk disalin.');
    const versions = new Map<number, number>();
    for (const t of targetVersions) {
      if (t.positionId === fromPositionId) continue;
      if (versions.has(t.positionId) && versions.get(t.positionId) !== t.version) throw AppError.validation([{ path: 'targets', message: 'Satu jabatan tujuan disebut dua kali dengan versi berbeda.' }]);
      versions.set(t.positionId, t.version);
    }
    const targets = [...versions.keys()];
    for (const id of targets) await this.requirePosition(id);
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const at = this.clock.now();
      for (const id of targets) {
        await claimEditVersion(run, { table: 'position', key: id }, versions.get(id)!, { subject: targets.length === 1 ? 'Standar kompetensi jabatan ini' : 'Standar kompetensi salah satu jabatan tujuan', actor, at });
        await this.sql.competency.replaceStandard(run, id, source);
      }
      const employees = await employeesOfPositions(run, targets);
      await refreshDerived(run, 'position_competency_standard', employees);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'position_competency_standard', entityId: fromPositionId,
        summary: `Menyalin standar kompetensi jabatan #${fromPositionId} ke ${targets.length} jabatan`, after: { from: fromPositionId, to: targets },
      });
      return { copiedTo: targets.length, employeesRefreshed: employees.length };
    });
  }

  async positionsWithoutStandard(limit: number) {
    const { total, rows } = await this.sql.competency.positionsWithoutStandard(this.read, limit);
    return { total, positions: rows.map((r) => ({ id: r.id, name: r.name, level: r.level, unitName: r.unit_name, holders: r.holders })) };
  }

  // ------------------------------------------------------------------ one employee

  async employee(employeeId: number): Promise<ResponseOf<'competency:employee'>> {
    const sql = this.sql.competency;
    const employee = await sql.employeeHeader(this.read, employeeId);
    if (!employee) throw new AppError('not_found', `Pegawai dengan ID ${employeeId} tidak ditemukan.`);
    const standard = employee.positionId ? await sql.standardOf(this.read, employee.positionId) : [];
    const current = await sql.currentLevels(this.read, employeeId);
    const currentBy = new Map(current.map((c) => [c.competency_id, c]));
    const result = computeJpm(
      standard.map((s) => ({ competencyId: s.competency_id, requiredLevel: s.required_level })),
      current.map((c) => ({ competencyId: c.competency_id, level: c.level })),
    );
    const history = await sql.assessmentHistory(this.read, employeeId);
    return {
      employee: {
        id: employee.employeeId, nip: employee.nip, fullName: employee.fullName,
        positionName: employee.positionName, positionLevel: employee.positionLevel, unitName: employee.unitName,
      },
      positionId: employee.positionId,
      jpm: jpmSummary(result),
      items: standard.map((s, i) => {
        const gap = result.gaps[i];
        const now = currentBy.get(s.competency_id);
        return { competencyId: s.competency_id, code: s.code, name: s.name, required: gap.required, actual: gap.actual, gap: gap.gap, meets: gap.meets, assessedOn: now?.assessed_on ?? null, method: now?.method ?? null };
      }),
      history: history.map((h) => ({ id: h.id, competencyId: h.competency_id, code: h.code, name: h.name, level: h.level, assessedOn: h.assessed_on, method: h.method, assessor: h.assessor, source: h.source })),
    };
  }

  async recordAssessment(input: ParsedRequestOf<'competency:recordAssessment'>, actor: string) {
    const employee = await this.sql.competency.employeeHeader(this.read, input.employeeId);
    if (!employee) throw new AppError('not_found', `Pegawai dengan ID ${input.employeeId} tidak ditemukan.`);
    if (input.assessedOn > this.clock.today()) throw AppError.validation([{ path: 'assessedOn', message: 'Tanggal asesmen tidak boleh di masa depan.' }]);
    if (input.assessedOn <= employee.birthDate) throw AppError.validation([{ path: 'assessedOn', message: 'Tanggal asesmen harus setelah tanggal lahir.' }]);
    const ids = input.levels.map((l) => l.competencyId);
    if (new Set(ids).size !== ids.length) throw AppError.validation([{ path: 'levels', message: 'Setiap kompetensi hanya boleh dinilai sekali per asesmen.' }]);
    const definitions = await this.requireCompetencies(ids);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      for (const { competencyId, level } of input.levels) {
        await this.sql.competency.insertAssessment(run, {
          employeeId: input.employeeId, competencyId, level, assessedOn: input.assessedOn, method: input.method, assessor: input.assessor, notes: input.notes, createdAt: now,
        });
      }
      await refreshDerived(run, 'competency_assessment', [input.employeeId]);
      await this.audit.record(manager, {
        actor, action: 'create', entity: 'competency_assessment', entityId: null, employeeId: input.employeeId,
        summary: `Mencatat asesmen kompetensi ${formatDateId(input.assessedOn)} (${input.levels.length} kompetensi) untuk ${employee.fullName}`,
        changes: input.levels.map((l) => ({ field: `competency:${l.competencyId}`, label: definitions.get(l.competencyId)!, before: null, after: `Level ${l.level}` })),
        after: input,
      });
    });
    return { recorded: input.levels.length, jpm: (await this.employee(input.employeeId)).jpm };
  }

  // ------------------------------------------------------------------ dashboard

  /** The rows of a dashboard (a unit's children and its own staff, or the perangkat daerah) and how the derived
   *  tables' unit ids fold into them. */
  private async dashboardScope(filter: Population) {
    const parent = filter.parentUnitId ? await unitOrThrow(this.dataSource, filter.parentUnitId) : null;
    const rows = await rowUnits(this.dataSource, parent?.id ?? null);
    const { rowOf, groupColumn, scope, params } = await rowMapping(this.dataSource, parent);
    const d: DashboardScope = { groupColumn: groupColumn as DashboardScope['groupColumn'], scope, params, levels: levelsFor(filter.levels, filter.kinds) };
    return { parent, rows, rowOf, d };
  }

  async heatmap(filter: Population): Promise<ResponseOf<'competency:heatmap'>> {
    const sql = this.sql.competency;
    const { parent, rows, rowOf, d } = await this.dashboardScope(filter);
    const competencies = await sql.heatmapCompetencies(this.read);
    // Summed in SQL per perangkat daerah (top level) or per unit of the subtree, folded into rows here.
    const cellsByUnit = await sql.heatmapCells(this.read, d);
    const totalsByUnit = await sql.heatmapTotals(this.read, d);

    const cells = new Map<string, { employees: number; assessed: number; meeting: number; gapSum: number }>();
    for (const c of cellsByUnit) {
      const row = rowOf(c.unit_id);
      if (row === null) continue;
      const key = `${row}:${c.competency_id}`;
      const acc = cells.get(key) ?? { employees: 0, assessed: 0, meeting: 0, gapSum: 0 };
      acc.employees += c.employees;
      acc.assessed += c.assessed;
      acc.meeting += c.meeting;
      acc.gapSum += c.gap_sum;
      cells.set(key, acc);
    }
    const totals = new Map<number, { active: number; noStandard: number; notAssessed: number; partial: number; complete: number; sumJpm: number }>();
    for (const t of totalsByUnit) {
      const row = rowOf(t.unit_id);
      if (row === null) continue;
      const acc = totals.get(row) ?? { active: 0, noStandard: 0, notAssessed: 0, partial: 0, complete: 0, sumJpm: 0 };
      acc.active += t.active;
      acc.noStandard += t.no_standard ?? 0;
      acc.notAssessed += t.not_assessed ?? 0;
      acc.partial += t.partial ?? 0;
      acc.complete += t.complete ?? 0;
      acc.sumJpm += t.sum_jpm ?? 0;
      totals.set(row, acc);
    }
    return {
      parent: parent ? { id: parent.id, name: parent.name, parentId: parent.parent_id } : null,
      competencies: competencies.map((c) => ({ id: c.id, code: c.code, name: c.name, group: c.group as Definition['group'] })),
      rows: rows.map((row) => {
        const key = row.direct ? -row.id : row.id;
        const total = totals.get(key);
        return {
          unitId: row.id, unitName: row.name, direct: row.direct, hasChildren: row.has_children === 1,
          activeEmployees: total?.active ?? 0, withoutStandard: total?.noStandard ?? 0, notAssessed: total?.notAssessed ?? 0,
          partial: total?.partial ?? 0, complete: total?.complete ?? 0,
          averageJpm: total && total.complete ? roundJpm(total.sumJpm / total.complete) : null,
          cells: competencies.map((c) => {
            const cell = cells.get(`${key}:${c.id}`);
            const assessed = cell?.assessed ?? 0;
            return {
              competencyId: c.id, employees: cell?.employees ?? 0, assessed, meeting: cell?.meeting ?? 0,
              averageGap: assessed ? Math.round((cell!.gapSum / assessed) * 100) / 100 : null,
              meetingPercent: assessed ? Math.round((cell!.meeting / assessed) * 1000) / 10 : null,
            };
          }),
        };
      }).filter((r) => r.activeEmployees > 0 || !r.direct),
    };
  }

  async cellEmployees(request: ParsedRequestOf<'competency:cellEmployees'>) {
    const { total, rows } = await this.sql.competency.cellEmployees(this.read, {
      competencyId: request.competencyId, unitId: request.unitId, subtree: request.subtree, levels: levelsFor(request.levels, request.kinds),
      limit: request.limit, offset: request.offset,
    });
    return {
      total,
      rows: rows.map((r) => ({
        id: r.person.employeeId, nip: r.person.nip, fullName: r.person.fullName,
        positionName: r.person.positionName, positionLevel: r.person.positionLevel, unitName: r.person.unitName,
        required: r.required, actual: r.actual, gap: r.gap,
        jpm: r.percent === null ? null : roundJpm(r.percent), status: r.status as JpmStatus,
      })),
    };
  }

  async jpmDistribution(filter: Population): Promise<ResponseOf<'competency:jpmDistribution'>> {
    const { rows, rowOf, d } = await this.dashboardScope(filter);
    const grouped = (await this.sql.competency.jpmHistogram(this.read, d)).map((r) => ({ ...r, bucket: r.bucket === '-' ? null : r.bucket }));

    const emptyCounts = () => Object.fromEntries(JPM_BUCKETS.map((b) => [b.key, 0])) as Record<string, number>;
    type Acc = { counts: Record<string, number>; assessed: number; notAssessed: number; sum: number };
    const add = (map: Map<string | number, Acc>, key: string | number, item: (typeof grouped)[number]) => {
      const acc = map.get(key) ?? { counts: emptyCounts(), assessed: 0, notAssessed: 0, sum: 0 };
      if (item.status === 'complete' && item.bucket) {
        acc.counts[item.bucket] += item.n;
        acc.assessed += item.n;
        acc.sum += item.sum_jpm ?? 0;
      } else {
        acc.notAssessed += item.n;
      }
      map.set(key, acc);
    };
    const byRow = new Map<string | number, Acc>();
    const byLevel = new Map<string | number, Acc>();
    for (const item of grouped) {
      const row = rowOf(item.unit_id);
      if (row === null) continue;
      add(byRow, row, item);
      add(byLevel, item.level, item);
    }
    const finish = (acc: Acc | undefined) => {
      const a = acc ?? { counts: emptyCounts(), assessed: 0, notAssessed: 0, sum: 0 };
      return { counts: a.counts, assessed: a.assessed, notAssessed: a.notAssessed, averageJpm: a.assessed ? roundJpm(a.sum / a.assessed) : null };
    };
    const levelOrder = POSITION_LEVELS.map((l) => l.code as string);
    return {
      buckets: JPM_BUCKETS.map((b) => ({ key: b.key, label: b.label })),
      byUnit: rows.map((row) => ({ unitId: row.id, unitName: row.name, direct: row.direct, ...finish(byRow.get(row.direct ? -row.id : row.id)) }))
        .filter((r) => r.assessed + r.notAssessed > 0),
      byLevel: [...byLevel.keys()].map(String).sort((a, b) => levelOrder.indexOf(a) - levelOrder.indexOf(b))
        .map((level) => ({ level, ...finish(byLevel.get(level)) })),
    };
  }

  /**
   * Who in the district matches a position best: JPM of every active employee against that position's
   * standard (complete assessments first, by JPM; then partial ones, which have no JPM).
   */
  async bestMatch(positionId: number, limit: number): Promise<ResponseOf<'competency:bestMatch'>> {
    const sql = this.sql.competency;
    const position = await sql.positionHeader(this.read, positionId);
    if (!position) throw new AppError('not_found', `Jabatan dengan ID ${positionId} tidak ditemukan.`);
    const standard = await sql.standardOf(this.read, positionId);
    const requiredSum = standard.reduce((sum, s) => sum + s.required_level, 0);
    const base = { position: { id: position.id, name: position.name, level: position.level, standardCount: standard.length, requiredSum } };
    if (standard.length === 0) return { ...base, candidates: [] };
    const ranked = await sql.bestMatchSums(this.read, positionId, standard.length, limit);
    const people = await sql.employeeRows(this.read, ranked.map((r) => r.employee_id));
    return {
      ...base,
      candidates: ranked.map((r) => {
        const person = people.get(r.employee_id)!;
        const jpm = jpmOfSums({ standardCount: standard.length, requiredSum, assessedCount: r.n, achievedSum: r.ach });
        return {
          id: r.employee_id, nip: person.nip, fullName: person.fullName,
          positionName: person.positionName, positionLevel: person.positionLevel, unitName: person.unitName,
          jpm: jpm.jpm, status: jpm.status, category: jpm.category, selection: jpm.selection,
          assessedCount: r.n, belowStandard: r.below, isIncumbent: person.positionId === positionId,
        };
      }),
    };
  }

  /** stats --json "competency": active employees whose position has a standard. */
  async stats() {
    const rows = await this.sql.competency.statsRows(this.read);
    const complete = rows.filter((r) => r.status === 'complete');
    const assessed = complete.reduce((sum, r) => sum + r.n, 0);
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    const sum = complete.reduce((s, r) => s + (r.sum_jpm ?? 0), 0);
    const byJpmCategory: Record<string, number> = { Optimal: 0, 'Cukup Optimal': 0, 'Kurang Optimal': 0 };
    for (const r of complete) if (r.category) byJpmCategory[r.category] = (byJpmCategory[r.category] ?? 0) + r.n;
    return { assessed, notAssessed: total - assessed, averageJpm: assessed ? roundJpm(sum / assessed) : null, byJpmCategory };
  }

  // ------------------------------------------------------------------ helpers

  private async requirePosition(id: number): Promise<void> {
    if (!(await this.sql.competency.positionExists(this.read, id))) throw new AppError('not_found', `Jabatan dengan ID ${id} tidak ditemukan.`);
  }

  private async requireCompetencies(ids: number[]): Promise<Map<number, string>> {
    const found = await this.sql.competency.definitionLabels(this.read, ids);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw AppError.validation([{ path: 'competencyId', message: `Kompetensi dengan ID ${missing.join(', ')} tidak ada di kamus.` }]);
    return found;
  }
}
