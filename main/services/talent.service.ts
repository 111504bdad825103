// Talent management: the 9-box of a year and population, placements explained, the talent pool, movement
// between years, and `stats.talent`. Placements read talent_axis_year (one row per employee and year, kept on
// write) with the Komite Talenta's calibrations on top (talent-sessions.service.ts records them); every statement
// is in main/db/sql/talent.sql.ts.

import type { DataSource } from 'typeorm';
import { ratingLabel } from '../../shared/domain/skp';
import {
  boxCell, boxName, boxNumber, boxRecommendation, potensiAxisLabel, sessionStatusLabel, type KinerjaAxis, type PotensiAxis,
} from '../../shared/domain/talent';
import { formatDateId, formatNumberId } from '../../shared/format/id-format';
import { AppError } from '../../shared/errors';
import type { PlacedPerson, TalentSettings } from '../../shared/schemas/talent';
import type { ResponseOf } from '../../shared/ipc/contract';
import type { SqlDialect } from '../db/sql';
import { readEmployeeRow } from '../db/sql/employee-rows.sql';
import { employeePopulation, levelsFor, unitOrThrow, type PopulationFilter, type UnitRef } from '../db/sql/population.sql';
import { managerRun } from '../db/sql/run';
import type { PlacementsQuery } from '../db/sql/talent.sql';
import { describeEvaluation } from './performance.service';
import type { SettingsService } from './settings/settings.service';
import type { SettingsSection } from './settings/settings-section';
import { talentSettingsSection } from './talent.settings';

/** A placed person from a row of employee-row columns with kinerja, potensi, computed_box and calibrated_box. */
export function toPlaced(row: Record<string, unknown>): PlacedPerson {
  const e = readEmployeeRow(row);
  const computedBox = row.computed_box as number;
  const calibratedBox = (row.calibrated_box as number | null) ?? null;
  return {
    employeeId: e.employeeId, nip: e.nip, fullName: e.fullName, positionName: e.positionName, unitName: e.unitName,
    kinerja: row.kinerja as KinerjaAxis, potensi: row.potensi as PotensiAxis, computedBox, calibratedBox, finalBox: calibratedBox ?? computedBox,
  };
}

export class TalentService {
  private readonly section: SettingsSection<TalentSettings>;

  constructor(private readonly dataSource: DataSource, private readonly sql: SqlDialect, settingsService: SettingsService) {
    this.section = settingsService.section(talentSettingsSection(sql));
  }

  private get read() {
    return managerRun(this.dataSource);
  }

  async settings(): Promise<TalentSettings> {
    return this.section.get();
  }

  /** The settings as their form reads them, with the version to send back. */
  settingsForm(): Promise<TalentSettings & { version: number }> {
    return this.section.read();
  }

  async updateSettings(next: TalentSettings & { version?: number }, actor: string): Promise<TalentSettings & { version: number }> {
    return this.section.update(next, actor);
  }

  /** The placements of a population in a year (active employees; boxes in the current numbering). */
  async placements(filter: PopulationFilter, year: number, settings: TalentSettings) {
    const parent = filter.parentUnitId ? await unitOrThrow(this.dataSource, filter.parentUnitId) : null;
    return this.placementsUnder(filter, parent, year, settings);
  }

  private placementsUnder(filter: PopulationFilter, parent: UnitRef | null, year: number, settings: TalentSettings) {
    const population = employeePopulation(filter, parent?.path ?? null);
    return { query: this.sql.talent.placements(population, year, settings.numbering), parent, population };
  }

  /** Names are listed in the boxes for populations up to this size; bigger ones list them per box on demand. */
  static readonly PEOPLE_LIST_LIMIT = 2000;

  async ninebox(request: PopulationFilter & { year: number; peoplePerBox: number }): Promise<ResponseOf<'talent:ninebox'>> {
    // The statements below go out in three waves of reads that do not depend on each other: on a server each
    // is a round trip on a connection of the pool, so the call waits for the longest of a wave, not for the sum.
    const [settings, parent] = await Promise.all([
      this.settings(), request.parentUnitId ? unitOrThrow(this.dataSource, request.parentUnitId) : null,
    ]);
    const { query, population } = this.placementsUnder(request, parent, request.year, settings);
    // Counts from the per-unit summary and the membership (both kept on write), not from every employee;
    // calibrations move people between boxes: few rows, applied on top of the computed counts.
    const members = { subtreePath: parent?.path ?? null, levels: levelsFor(request.levels, request.kinds) };
    const [summary, active, calibrated] = await Promise.all([
      this.sql.talent.boxCounts(this.read, { year: request.year, ...members }),
      this.sql.talent.activeCount(this.read, members),
      this.sql.talent.calibrationsOfPopulation(this.read, request.year, population),
    ]);
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
    const final = new Map(computed);
    for (const c of calibrated) {
      if (!c.kinerja_axis || !c.potensi_axis) continue;
      const from = boxNumber(c.kinerja_axis as KinerjaAxis, c.potensi_axis as PotensiAxis, settings.numbering);
      final.set(from, (final.get(from) ?? 0) - 1);
      final.set(c.calibrated_box, (final.get(c.calibrated_box) ?? 0) + 1);
    }
    const listNames = request.peoplePerBox > 0 && active <= TalentService.PEOPLE_LIST_LIMIT;
    const [people, unplacedPeople] = listNames
      ? await Promise.all([this.peopleByBox(query, request.peoplePerBox), this.sql.talent.unplaced(this.read, query, request.peoplePerBox * 3)])
      : [new Map<number, PlacedPerson[]>(), []];
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
        people: unplacedPeople.map((r) => {
          const e = readEmployeeRow(r);
          return {
            employeeId: e.employeeId, nip: e.nip, fullName: e.fullName, positionName: e.positionName, unitName: e.unitName,
            missing: [...(r.kinerja === null ? ['kinerja' as const] : []), ...(r.potensi === null ? ['potensi' as const] : [])],
          };
        }),
      },
    };
  }

  async boxPeople(request: PopulationFilter & { year: number; box: number; offset: number; limit: number }) {
    const { query } = await this.placements(request, request.year, await this.settings());
    const page = await this.sql.talent.boxPage(this.read, query, request.box, request);
    return { total: page.total, rows: page.rows.map(toPlaced) };
  }

  private async peopleByBox(query: PlacementsQuery, perBox: number): Promise<Map<number, PlacedPerson[]>> {
    const rows = await this.sql.talent.firstPeoplePerBox(this.read, query, perBox);
    const byBox = new Map<number, PlacedPerson[]>();
    for (const row of rows) {
      const box = row.final_box as number;
      byBox.set(box, [...(byBox.get(box) ?? []), toPlaced(row)]);
    }
    return byBox;
  }

  async explain(employeeId: number, year: number): Promise<Omit<ResponseOf<'talent:explain'>, 'placement'>> {
    const settings = await this.settings();
    const [row] = await this.sql.talent.employeeRows(this.read, [employeeId]);
    if (!row) throw new AppError('not_found', `Pegawai dengan ID ${employeeId} tidak ditemukan.`);
    const employee = readEmployeeRow(row);
    const axis = await this.sql.talent.axesOf(this.read, employeeId, year);
    let kinerja: ResponseOf<'talent:explain'>['kinerja'] = null;
    if (axis?.evaluation_id && axis.kinerja_axis) {
      const ev = (await this.sql.talent.evaluationBasis(this.read, axis.evaluation_id))!;
      const stale = ev.year < year ? ` (SKP tahunan ${year} belum ada; dipakai yang terakhir)` : '';
      const detail = ev.predikat
        ? `SKP tahunan ${describeEvaluation({ year: ev.year, period: ev.period, predikat: ev.predikat as never, legacyScore: null, legacyLabel: null })}: hasil kerja ${ratingLabel(ev.hasil_kerja).toLowerCase()}, perilaku kerja ${ratingLabel(ev.perilaku_kerja).toLowerCase()}`
        : `SKP tahunan ${ev.year} (PP 46/2011) ${describeEvaluation({ year: ev.year, period: ev.period, predikat: null, legacyScore: ev.legacy_score, legacyLabel: ev.legacy_label })}`;
      kinerja = { axis: axis.kinerja_axis as KinerjaAxis, evaluationId: axis.evaluation_id, evaluationYear: axis.evaluation_year!, basis: `${detail}${stale}` };
    }
    let potensi: ResponseOf<'talent:explain'>['potensi'] = null;
    if (axis?.potential_id && axis.potensi_axis) {
      const date = formatDateId(axis.potential_date);
      const score = axis.potential_score !== null ? formatNumberId(axis.potential_score) : null;
      const basis = axis.potential_level
        ? `Asesmen potensi ${date}: tingkat ${potensiAxisLabel(axis.potential_level).toLowerCase()}${score !== null ? ` (nilai ${score})` : ''}`
        : `Asesmen potensi ${date}: nilai ${score} (tinggi ≥ ${formatNumberId(settings.thresholds.tinggi)}, menengah ≥ ${formatNumberId(settings.thresholds.menengah)})`;
      potensi = { axis: axis.potensi_axis as PotensiAxis, potentialId: axis.potential_id, assessedOn: axis.potential_date!, basis };
    }
    const computedBox = kinerja && potensi ? boxNumber(kinerja.axis, potensi.axis, settings.numbering) : null;
    const calibrations = await this.sql.talent.calibrationsOf(this.read, employeeId, year);
    return {
      employee: { id: employee.employeeId, nip: employee.nip, fullName: employee.fullName, positionName: employee.positionName, unitName: employee.unitName },
      year, kinerja, potensi, computedBox,
      boxName: kinerja && potensi ? boxName(kinerja.axis, potensi.axis) : null,
      recommendation: kinerja && potensi ? boxRecommendation(kinerja.axis, potensi.axis) : null,
      calibrations: calibrations.map((c) => ({
        sessionId: c.session_id, sessionName: c.session_name, sessionStatus: sessionStatusLabel(c.status),
        fromBox: c.computed_box, toBox: c.calibrated_box, reason: c.calibration_reason, by: c.calibrated_by, at: c.calibrated_at,
      })),
    };
  }

  async pool(request: PopulationFilter & { year: number }) {
    const settings = await this.settings();
    const { query } = await this.placements(request, request.year, settings);
    const rows = await this.sql.talent.inBoxes(this.read, query, settings.poolBoxes);
    return { boxes: settings.poolBoxes, rows: rows.map(toPlaced) };
  }

  async movement(request: PopulationFilter & { fromYear: number; toYear: number }) {
    if (request.fromYear >= request.toYear) throw AppError.validation([{ path: 'fromYear', message: 'Tahun awal harus sebelum tahun akhir.' }]);
    const settings = await this.settings();
    const from = await this.placements(request, request.fromYear, settings);
    const to = await this.placements(request, request.toYear, settings);
    const pairs = await this.sql.talent.boxPairs(this.read, from.query, to.query);
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
    const details = await this.sql.talent.employeeRows(this.read, moverIds.map((m) => m.id));
    const byId = new Map(details.map((d) => [d.employee_id as number, readEmployeeRow(d)]));
    return {
      matrix: [...matrix].map(([key, count]) => ({ fromBox: Number(key.split(':')[0]), toBox: Number(key.split(':')[1]), count })).sort((a, b) => a.fromBox - b.fromBox || a.toBox - b.toBox),
      up, down, same,
      movers: moverIds.map((m) => {
        const d = byId.get(m.id)!;
        return { employeeId: m.id, nip: d.nip, fullName: d.fullName, unitName: d.unitName, fromBox: m.from, toBox: m.to, direction: m.to > m.from ? 'naik' as const : 'turun' as const };
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
}

/** "Kotak 7 (Kinerja di atas ekspektasi dan potensial menengah)" in a numbering. */
export function describeBox(box: number, numbering: TalentSettings['numbering']): string {
  const cell = boxCell(box, numbering);
  return `Kotak ${box} (${boxName(cell.kinerja, cell.potensi)})`;
}

