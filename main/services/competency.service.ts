// Competency maps: the dictionary, position standards, assessments, gaps and JPM, and the Peta Kompetensi
// dashboard. Dashboards read the derived tables (employee_competency_profile, competency_gap_summary) kept
// on write by the competency refresher in db/derived.ts.

import type { DataSource, EntityManager } from 'typeorm';
import { computeJpm, JPM_BUCKETS, jpmCategory, roundJpm, selectionCategory, type JpmStatus } from '../../shared/domain/competency';
import { fullName } from '../../shared/domain/employee-status';
import { POSITION_LEVELS, type PositionKind, type PositionLevel } from '../../shared/domain/position';
import { formatDateId } from '../../shared/format/id-format';
import { AppError } from '../../shared/errors';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import { refreshDerived } from '../db/derived';
import { employeesOfPositions } from '../db/sql/competency-profile.sql';
import type { AuditService } from './audit.service';
import { levelsFor, rowMapping, rowUnits, unitOrThrow } from '../db/sql/population.sql';
import { marks } from '../db/sql/run';
import type { Clock } from './clock';

type Definition = ResponseOf<'competency:dictionary'>['competencies'][number];
type Population = { parentUnitId?: number; levels?: PositionLevel[]; kinds?: PositionKind[] };

interface DefinitionRow {
  id: number;
  code: string;
  name: string;
  group: string;
  description: string | null;
  level_descriptors: string | null;
  active: number;
}

const toDefinition = (r: DefinitionRow): Definition => ({
  id: r.id, code: r.code, name: r.name, group: r.group as Definition['group'], description: r.description,
  levelDescriptors: r.level_descriptors ? (JSON.parse(r.level_descriptors) as string[]) : [], active: r.active === 1,
});

export class CompetencyService {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditService, private readonly clock: Clock) {}

  // ------------------------------------------------------------------ dictionary and standards

  async dictionary(): Promise<Definition[]> {
    const rows: DefinitionRow[] = await this.dataSource.query(`SELECT id, code, name, "group", description, level_descriptors, active FROM competency_definition ORDER BY sort_order, code`);
    return rows.map(toDefinition);
  }

  async saveDefinition(input: ParsedRequestOf<'competency:saveDefinition'>, actor: string): Promise<Definition> {
    const clash: Array<{ id: number }> = await this.dataSource.query('SELECT id FROM competency_definition WHERE code = ? AND id IS NOT ?', [input.code, input.id ?? null]);
    if (clash.length) throw AppError.validation([{ path: 'code', message: `Kode kompetensi ${input.code} sudah dipakai.` }]);
    const id = await this.dataSource.transaction(async (manager) => {
      let savedId = input.id;
      const values = [input.code, input.name, input.group, input.description, JSON.stringify(input.levelDescriptors), input.active ? 1 : 0];
      if (savedId) {
        const [before] = await manager.query('SELECT code, name, active FROM competency_definition WHERE id = ?', [savedId]);
        if (!before) throw new AppError('not_found', `Kompetensi dengan ID ${savedId} tidak ditemukan.`);
        await manager.query(`UPDATE competency_definition SET code = ?, name = ?, "group" = ?, description = ?, level_descriptors = ?, active = ? WHERE id = ?`, [...values, savedId]);
      } else {
        const [{ next }] = await manager.query('SELECT COALESCE(MAX(sort_order), 0) + 1 AS next FROM competency_definition');
        const result = await manager.query(`INSERT INTO competency_definition (code, name, "group", description, level_descriptors, active, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, [...values, next]);
        savedId = result[0].id as number;
      }
      await this.audit.record(manager, {
        actor, action: input.id ? 'update' : 'create', entity: 'competency_definition', entityId: savedId!,
        summary: `${input.id ? 'Mengubah' : 'Menambah'} kompetensi ${input.code} ${input.name}`, after: input,
      });
      return savedId!;
    });
    const [row] = await this.dataSource.query(`SELECT id, code, name, "group", description, level_descriptors, active FROM competency_definition WHERE id = ?`, [id]);
    return toDefinition(row);
  }

  async standard(positionId: number): Promise<ResponseOf<'competency:standard'>> {
    const [position] = await this.dataSource.query(
      `SELECT p.id, p.name, p.level, p.kind, p.family, u.name AS unit_name, (SELECT COUNT(*) FROM employee e WHERE e.position_id = p.id AND e.status = 'active') AS holders
       FROM position p LEFT JOIN unit u ON u.id = p.unit_id WHERE p.id = ?`, [positionId]);
    if (!position) throw new AppError('not_found', `Jabatan dengan ID ${positionId} tidak ditemukan.`);
    const items: Array<{ id: number; code: string; name: string; group: string; required_level: number }> = await this.dataSource.query(
      `SELECT c.id, c.code, c.name, c."group", s.required_level FROM position_competency_standard s JOIN competency_definition c ON c.id = s.competency_id
       WHERE s.position_id = ? ORDER BY c.sort_order, c.code`, [positionId]);
    const similar: Array<{ id: number; name: string; unit_name: string | null; items: number }> = await this.dataSource.query(
      `SELECT p.id, p.name, u.name AS unit_name, COUNT(s.id) AS items FROM position p LEFT JOIN unit u ON u.id = p.unit_id
       JOIN position_competency_standard s ON s.position_id = p.id
       WHERE p.level = ? AND p.id != ? GROUP BY p.id
       ORDER BY (p.family IS ?) DESC, (p.unit_id IS ?) DESC, p.name LIMIT 20`,
      [position.level, positionId, position.family, null]);
    return {
      position: { id: position.id, name: position.name, level: position.level, kind: position.kind, unitName: position.unit_name, holders: position.holders },
      items: items.map((r) => ({ competency: { id: r.id, code: r.code, name: r.name, group: r.group as Definition['group'] }, requiredLevel: r.required_level })),
      similar: similar.map((r) => ({ id: r.id, name: r.name, unitName: r.unit_name, items: r.items })),
    };
  }

  async saveStandard(positionId: number, items: Array<{ competencyId: number; requiredLevel: number }>, actor: string) {
    await this.requirePosition(positionId);
    const ids = items.map((i) => i.competencyId);
    if (new Set(ids).size !== ids.length) throw AppError.validation([{ path: 'items', message: 'Setiap kompetensi hanya boleh muncul sekali dalam standar.' }]);
    await this.requireCompetencies(ids);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.standardLevels(manager, positionId);
      await this.replaceStandard(manager, positionId, items);
      const employees = await employeesOfPositions((sql, params) => manager.query(sql, params), [positionId]);
      await refreshDerived((sql, params) => manager.query(sql, params), 'position_competency_standard', employees);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'position_competency_standard', entityId: positionId,
        summary: `Mengubah standar kompetensi jabatan #${positionId} (${items.length} kompetensi)`, before, after: items,
      });
      return { positionId, items: items.length, employeesRefreshed: employees.length };
    });
  }

  async copyStandard(fromPositionId: number, toPositionIds: number[], actor: string) {
    const source = (await this.standard(fromPositionId)).items.map((i) => ({ competencyId: i.competency.id, requiredLevel: i.requiredLevel }));
    if (source.length === 0) throw new AppError('validation', 'Jabatan sumber belum memiliki standar kompetensi untuk disalin.');
    const targets = [...new Set(toPositionIds.filter((id) => id !== fromPositionId))];
    for (const id of targets) await this.requirePosition(id);
    return this.dataSource.transaction(async (manager) => {
      for (const id of targets) await this.replaceStandard(manager, id, source);
      const employees = await employeesOfPositions((sql, params) => manager.query(sql, params), targets);
      await refreshDerived((sql, params) => manager.query(sql, params), 'position_competency_standard', employees);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'position_competency_standard', entityId: fromPositionId,
        summary: `Menyalin standar kompetensi jabatan #${fromPositionId} ke ${targets.length} jabatan`, after: { from: fromPositionId, to: targets },
      });
      return { copiedTo: targets.length, employeesRefreshed: employees.length };
    });
  }

  async positionsWithoutStandard(limit: number) {
    const where = `NOT EXISTS (SELECT 1 FROM position_competency_standard s WHERE s.position_id = p.id) AND p.active = 1`;
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM position p WHERE ${where}`);
    const rows: Array<{ id: number; name: string; level: string; unit_name: string | null; holders: number }> = await this.dataSource.query(
      `SELECT p.id, p.name, p.level, u.name AS unit_name, (SELECT COUNT(*) FROM employee e WHERE e.position_id = p.id AND e.status = 'active') AS holders
       FROM position p LEFT JOIN unit u ON u.id = p.unit_id WHERE ${where} ORDER BY holders DESC, p.name LIMIT ?`, [limit]);
    return { total, positions: rows.map((r) => ({ id: r.id, name: r.name, level: r.level, unitName: r.unit_name, holders: r.holders })) };
  }

  // ------------------------------------------------------------------ one employee

  async employee(employeeId: number): Promise<ResponseOf<'competency:employee'>> {
    const [employee] = await this.dataSource.query(
      `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, e.position_id, p.name AS position_name, p.level, u.name AS unit_name
       FROM employee e LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id WHERE e.id = ?`, [employeeId]);
    if (!employee) throw new AppError('not_found', `Pegawai dengan ID ${employeeId} tidak ditemukan.`);
    const standard: Array<{ competency_id: number; code: string; name: string; required_level: number }> = employee.position_id
      ? await this.dataSource.query(
        `SELECT s.competency_id, c.code, c.name, s.required_level FROM position_competency_standard s JOIN competency_definition c ON c.id = s.competency_id
         WHERE s.position_id = ? ORDER BY c.sort_order, c.code`, [employee.position_id])
      : [];
    const current: Array<{ competency_id: number; level: number; assessed_on: string; method: string }> = await this.dataSource.query(
      `SELECT c.competency_id, c.level, c.assessed_on, a.method FROM employee_competency_current c JOIN competency_assessment a ON a.id = c.assessment_id WHERE c.employee_id = ?`, [employeeId]);
    const currentBy = new Map(current.map((c) => [c.competency_id, c]));
    const result = computeJpm(
      standard.map((s) => ({ competencyId: s.competency_id, requiredLevel: s.required_level })),
      current.map((c) => ({ competencyId: c.competency_id, level: c.level })),
    );
    const history: Array<{ id: number; competency_id: number; code: string; name: string; level: number; assessed_on: string; method: string; assessor: string | null; source: string }> =
      await this.dataSource.query(
        `SELECT a.id, a.competency_id, c.code, c.name, a.level, a.assessed_on, a.method, a.assessor, a.source
         FROM competency_assessment a JOIN competency_definition c ON c.id = a.competency_id
         WHERE a.employee_id = ? ORDER BY a.assessed_on DESC, c.sort_order, a.id DESC`, [employeeId]);
    return {
      employee: {
        id: employee.id, nip: employee.nip, fullName: fullName(employee.name, employee.front_title, employee.back_title),
        positionName: employee.position_name, positionLevel: employee.level, unitName: employee.unit_name,
      },
      positionId: employee.position_id,
      jpm: { status: result.status, jpm: result.jpm, category: result.category, selection: result.selection, requiredSum: result.requiredSum, achievedSum: result.achievedSum, assessedCount: result.assessedCount, standardCount: result.standardCount },
      items: standard.map((s, i) => {
        const gap = result.gaps[i];
        const now = currentBy.get(s.competency_id);
        return { competencyId: s.competency_id, code: s.code, name: s.name, required: gap.required, actual: gap.actual, gap: gap.gap, meets: gap.meets, assessedOn: now?.assessed_on ?? null, method: now?.method ?? null };
      }),
      history: history.map((h) => ({ id: h.id, competencyId: h.competency_id, code: h.code, name: h.name, level: h.level, assessedOn: h.assessed_on, method: h.method, assessor: h.assessor, source: h.source })),
    };
  }

  async recordAssessment(input: ParsedRequestOf<'competency:recordAssessment'>, actor: string) {
    const [employee] = await this.dataSource.query('SELECT id, name, birth_date FROM employee WHERE id = ?', [input.employeeId]);
    if (!employee) throw new AppError('not_found', `Pegawai dengan ID ${input.employeeId} tidak ditemukan.`);
    if (input.assessedOn > this.clock.today()) throw AppError.validation([{ path: 'assessedOn', message: 'Tanggal asesmen tidak boleh di masa depan.' }]);
    if (input.assessedOn <= employee.birth_date) throw AppError.validation([{ path: 'assessedOn', message: 'Tanggal asesmen harus setelah tanggal lahir.' }]);
    const ids = input.levels.map((l) => l.competencyId);
    if (new Set(ids).size !== ids.length) throw AppError.validation([{ path: 'levels', message: 'Setiap kompetensi hanya boleh dinilai sekali per asesmen.' }]);
    const definitions = await this.requireCompetencies(ids);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      for (const { competencyId, level } of input.levels) {
        await manager.query(
          `INSERT INTO competency_assessment (employee_id, competency_id, level, assessed_on, method, assessor, notes, source, snapshot_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'manual', NULL, ?)`,
          [input.employeeId, competencyId, level, input.assessedOn, input.method, input.assessor, input.notes, now]);
      }
      await refreshDerived((sql, params) => manager.query(sql, params), 'competency_assessment', [input.employeeId]);
      await this.audit.record(manager, {
        actor, action: 'create', entity: 'competency_assessment', entityId: null, employeeId: input.employeeId,
        summary: `Mencatat asesmen kompetensi ${formatDateId(input.assessedOn)} (${input.levels.length} kompetensi) untuk ${employee.name}`,
        changes: input.levels.map((l) => ({ field: `competency:${l.competencyId}`, label: definitions.get(l.competencyId)!, before: null, after: `Level ${l.level}` })),
        after: input,
      });
    });
    return { recorded: input.levels.length, jpm: (await this.employee(input.employeeId)).jpm };
  }

  // ------------------------------------------------------------------ dashboard

  async heatmap(filter: Population): Promise<ResponseOf<'competency:heatmap'>> {
    const levels = levelsFor(filter.levels, filter.kinds);
    const parent = filter.parentUnitId ? await unitOrThrow(this.dataSource, filter.parentUnitId) : null;
    const competencies: Array<{ id: number; code: string; name: string; group: string }> = await this.dataSource.query(
      `SELECT id, code, name, "group" FROM competency_definition WHERE active = 1
       AND id IN (SELECT DISTINCT competency_id FROM competency_gap_summary) ORDER BY sort_order, code`);
    const rows = await rowUnits(this.dataSource, parent?.id ?? null);
    const { rowOf, groupColumn, scope, params } = await rowMapping(this.dataSource, parent);

    // Summed in SQL per perangkat daerah (top level) or per unit of the subtree, folded into rows here.
    const cellsByUnit: Array<{ unit_id: number; competency_id: number; employees: number; assessed: number; meeting: number; gap_sum: number }> = await this.dataSource.query(
      `SELECT s.${groupColumn} AS unit_id, s.competency_id, SUM(s.employees) AS employees, SUM(s.assessed) AS assessed, SUM(s.meeting) AS meeting, SUM(s.gap_sum) AS gap_sum
       FROM competency_gap_summary s WHERE ${scope('s.unit_id')} ${levels ? `AND s.position_level IN (${marks(levels)})` : ''}
       GROUP BY s.${groupColumn}, s.competency_id`, [...params, ...(levels ?? [])]);
    const totalsByUnit: Array<{ unit_id: number; active: number; no_standard: number; not_assessed: number; partial: number; complete: number; sum_jpm: number | null }> = await this.dataSource.query(
      `SELECT h.${groupColumn} AS unit_id, SUM(h.employees) AS active, SUM(CASE WHEN h.status = 'no_standard' THEN h.employees END) AS no_standard,
              SUM(CASE WHEN h.status = 'not_assessed' THEN h.employees END) AS not_assessed, SUM(CASE WHEN h.status = 'partial' THEN h.employees END) AS partial,
              SUM(CASE WHEN h.status = 'complete' THEN h.employees END) AS complete, SUM(h.jpm_sum) AS sum_jpm
       FROM competency_jpm_histogram h WHERE ${scope('h.unit_id')} ${levels ? `AND h.position_level IN (${marks(levels)})` : ''}
       GROUP BY h.${groupColumn}`, [...params, ...(levels ?? [])]);

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
          averageJpm: total && total.complete ? Math.round((total.sumJpm / total.complete) * 10) / 10 : null,
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
    const levels = levelsFor(request.levels, request.kinds);
    const unitClause = request.subtree
      ? `pr.unit_id IN (SELECT d.id FROM unit d, unit s WHERE s.id = ? AND substr(d.path, 1, length(s.path)) = s.path)`
      : 'pr.unit_id = ?';
    const where = `WHERE pr.active = 1 AND ${unitClause} ${levels ? `AND pr.position_level IN (${marks(levels)})` : ''}`;
    const from = `FROM employee_competency_profile pr
      JOIN position_competency_standard st ON st.position_id = pr.position_id AND st.competency_id = ?
      LEFT JOIN employee_competency_current cc ON cc.employee_id = pr.employee_id AND cc.competency_id = st.competency_id`;
    const params = [request.competencyId, request.unitId, ...(levels ?? [])];
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total ${from} ${where}`, params);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, p.name AS position_name, p.level, u.name AS unit_name,
              st.required_level, cc.level AS actual, cc.level - st.required_level AS gap, pr.jpm, pr.status
       ${from} JOIN employee e ON e.id = pr.employee_id LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id
       ${where}
       ORDER BY gap IS NULL, gap ASC, e.name COLLATE NOCASE LIMIT ? OFFSET ?`, [...params, request.limit, request.offset]);
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id as number, nip: r.nip as string, fullName: fullName(r.name as string, r.front_title as string | null, r.back_title as string | null),
        positionName: r.position_name as string | null, positionLevel: r.level as string | null, unitName: r.unit_name as string | null,
        required: r.required_level as number, actual: (r.actual as number | null) ?? null, gap: (r.gap as number | null) ?? null,
        jpm: (r.jpm as number | null) ?? null, status: r.status as JpmStatus,
      })),
    };
  }

  async jpmDistribution(filter: Population): Promise<ResponseOf<'competency:jpmDistribution'>> {
    const levels = levelsFor(filter.levels, filter.kinds);
    const parent = filter.parentUnitId ? await unitOrThrow(this.dataSource, filter.parentUnitId) : null;
    const rows = await rowUnits(this.dataSource, parent?.id ?? null);
    const { rowOf, groupColumn, scope, params } = await rowMapping(this.dataSource, parent);
    const grouped: Array<{ unit_id: number; level: string; status: string; bucket: string | null; n: number; sum_jpm: number | null }> = (await this.dataSource.query(
      `SELECT h.${groupColumn} AS unit_id, h.position_level AS level, h.status, h.bucket, SUM(h.employees) AS n, SUM(h.jpm_sum) AS sum_jpm
       FROM competency_jpm_histogram h
       WHERE h.status != 'no_standard' AND ${scope('h.unit_id')} ${levels ? `AND h.position_level IN (${marks(levels)})` : ''}
       GROUP BY h.${groupColumn}, h.position_level, h.status, h.bucket`, [...params, ...(levels ?? [])]) as Array<{ unit_id: number; level: string; status: string; bucket: string; n: number; sum_jpm: number }>)
      .map((r) => ({ ...r, bucket: r.bucket === '-' ? null : r.bucket }));

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
      return { counts: a.counts, assessed: a.assessed, notAssessed: a.notAssessed, averageJpm: a.assessed ? Math.round((a.sum / a.assessed) * 10) / 10 : null };
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
   * standard (complete assessments first, by JPM; then partial ones). Succession planning uses it too.
   */
  async bestMatch(positionId: number, limit: number): Promise<ResponseOf<'competency:bestMatch'>> {
    const [position] = await this.dataSource.query('SELECT id, name, level FROM position WHERE id = ?', [positionId]);
    if (!position) throw new AppError('not_found', `Jabatan dengan ID ${positionId} tidak ditemukan.`);
    const standard: Array<{ competency_id: number; required_level: number }> = await this.dataSource.query(
      'SELECT competency_id, required_level FROM position_competency_standard WHERE position_id = ?', [positionId]);
    const requiredSum = standard.reduce((sum, s) => sum + s.required_level, 0);
    const base = { position: { id: position.id, name: position.name, level: position.level, standardCount: standard.length, requiredSum } };
    if (standard.length === 0) return { ...base, candidates: [] };
    const ranked: Array<{ employee_id: number; n: number; ach: number; below: number }> = await this.dataSource.query(
      `SELECT c.employee_id, COUNT(*) AS n, SUM(MIN(c.level, s.required_level)) AS ach, SUM(c.level < s.required_level) AS below
       FROM position_competency_standard s
       JOIN employee_competency_current c ON c.competency_id = s.competency_id
       JOIN employee e ON e.id = c.employee_id AND e.status = 'active'
       WHERE s.position_id = ?
       GROUP BY c.employee_id
       ORDER BY (COUNT(*) = ?) DESC, ach DESC, below ASC, c.employee_id
       LIMIT ?`, [positionId, standard.length, limit]);
    if (ranked.length === 0) return { ...base, candidates: [] };
    const details: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, e.position_id, p.name AS position_name, p.level, u.name AS unit_name
       FROM employee e LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id WHERE e.id IN (${marks(ranked)})`,
      ranked.map((r) => r.employee_id));
    const byId = new Map(details.map((d) => [d.id as number, d]));
    return {
      ...base,
      candidates: ranked.map((r) => {
        const d = byId.get(r.employee_id)!;
        const complete = r.n === standard.length;
        const jpm = complete ? roundJpm((r.ach / requiredSum) * 100) : null;
        return {
          id: r.employee_id, nip: d.nip as string, fullName: fullName(d.name as string, d.front_title as string | null, d.back_title as string | null),
          positionName: d.position_name as string | null, positionLevel: d.level as string | null, unitName: d.unit_name as string | null,
          jpm, status: complete ? 'complete' : 'partial',
          category: jpm === null ? null : jpmCategory(jpm),
          selection: jpm === null ? null : selectionCategory(jpm),
          assessedCount: r.n, belowStandard: r.below, isIncumbent: d.position_id === positionId,
        };
      }),
    };
  }

  /** stats --json "competency": active employees whose position has a standard. */
  async stats() {
    const rows: Array<{ status: string; category: string | null; n: number; sum_jpm: number | null }> = await this.dataSource.query(
      `SELECT status, category, COUNT(*) AS n, SUM(jpm) AS sum_jpm FROM employee_competency_profile
       WHERE active = 1 AND status != 'no_standard' GROUP BY status, category`);
    const complete = rows.filter((r) => r.status === 'complete');
    const assessed = complete.reduce((sum, r) => sum + r.n, 0);
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    const sum = complete.reduce((s, r) => s + (r.sum_jpm ?? 0), 0);
    const byJpmCategory: Record<string, number> = { Optimal: 0, 'Cukup Optimal': 0, 'Kurang Optimal': 0 };
    for (const r of complete) if (r.category) byJpmCategory[r.category] = (byJpmCategory[r.category] ?? 0) + r.n;
    return { assessed, notAssessed: total - assessed, averageJpm: assessed ? Math.round((sum / assessed) * 10) / 10 : null, byJpmCategory };
  }

  // ------------------------------------------------------------------ helpers

  private async requirePosition(id: number): Promise<void> {
    const [row] = await this.dataSource.query('SELECT id FROM position WHERE id = ?', [id]);
    if (!row) throw new AppError('not_found', `Jabatan dengan ID ${id} tidak ditemukan.`);
  }

  private async requireCompetencies(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: number; code: string; name: string }> = await this.dataSource.query(
      `SELECT id, code, name FROM competency_definition WHERE id IN (${marks(ids)})`, ids);
    const found = new Map(rows.map((r) => [r.id, `${r.code} ${r.name}`]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw AppError.validation([{ path: 'competencyId', message: `Kompetensi dengan ID ${missing.join(', ')} tidak ada di kamus.` }]);
    return found;
  }

  private async standardLevels(manager: EntityManager, positionId: number) {
    return manager.query('SELECT competency_id AS competencyId, required_level AS requiredLevel FROM position_competency_standard WHERE position_id = ? ORDER BY competency_id', [positionId]);
  }

  private async replaceStandard(manager: EntityManager, positionId: number, items: Array<{ competencyId: number; requiredLevel: number }>) {
    await manager.query('DELETE FROM position_competency_standard WHERE position_id = ?', [positionId]);
    for (const item of items) {
      await manager.query('INSERT INTO position_competency_standard (position_id, competency_id, required_level) VALUES (?, ?, ?)', [positionId, item.competencyId, item.requiredLevel]);
    }
  }
}

