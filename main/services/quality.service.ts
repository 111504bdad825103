// Kualitas Data: the checks of shared/domain/quality.ts over the active employees, summed per perangkat daerah
// into the index, and the people one check finds. The stable checks' answers are read from the derived table
// employee_quality (kept on write, main/db/derived.ts), the dated ones evaluated on each read; the checks and
// the index are the pure rules, so the screen, the stats and the tests count the same way.

import type { DataSource } from 'typeorm';
import { EMPLOYEE_FIELD_LABELS } from '../../shared/domain/employee-fields';
import { genderLabel } from '../../shared/domain/employee-status';
import {
  checkBit, DUPLICATE_CHECK, duplicatedKeys, proposedFix, QUALITY_CHECKS, qualityIndex, tallyBits, type QualityFacts, type QualityFix,
} from '../../shared/domain/quality';
import { AppError } from '../../shared/errors';
import { formatDateId } from '../../shared/format/id-format';
import {
  qualitySettings, type QualityCorrection, type QualityOverview, type QualitySettings, type QualityTrend,
} from '../../shared/schemas/quality';
import { bitsOn, qualityOverviewFrom, qualityWeights, recordQualityIndex, skpYearOf } from '../db/quality-index';
import type { LocalCorrectionRow, QualityBitsRow, QualityDerivedRow, QualitySql } from '../db/sql/quality.sql';
import { managerRun, type Run } from '../db/sql/run';
import type { Clock } from './clock';
import type { EmployeeService } from './employee.service';
import type { SettingsSectionDefinition } from './settings/settings-section';

export const QUALITY_SETTINGS: SettingsSectionDefinition<QualitySettings> = {
  prefix: 'quality',
  title: 'kualitas data',
  schema: qualitySettings,
  defaults: { weights: {} },
  labels: { weights: 'Bobot pemeriksaan kualitas data' },
};

type Correction = QualityCorrection;

/** A stored value of a fixable field in words. */
function fieldValueText(field: string, value: string | null): string | null {
  if (value === null || value === '') return null;
  return field === 'gender' ? genderLabel(value) : formatDateId(value);
}

const fieldLabel = (field: string) => (EMPLOYEE_FIELD_LABELS as Record<string, string>)[field] ?? field;

function proposalOf(fix: QualityFix | null) {
  return fix ? { field: fix.field, fieldLabel: fieldLabel(fix.field), value: fix.value, display: fieldValueText(fix.field, fix.value) ?? fix.value } : null;
}

const STATUS_LABELS: Record<Correction['status'], string> = {
  aktif: 'Koreksi lokal berlaku', selesai: 'SIASN sudah sama', diganti: 'Diganti dengan nilai SIASN',
};

function describeCorrection(r: LocalCorrectionRow): Correction {
  const status = r.status as Correction['status'];
  return {
    id: r.id, employeeId: r.employee_id, nip: r.nip, name: r.name, field: fieldLabel(r.field),
    siasnValue: fieldValueText(r.field, r.siasn_value), correctedValue: fieldValueText(r.field, r.corrected_value),
    correctedAt: r.corrected_at, correctedBy: r.corrected_by, status, statusLabel: STATUS_LABELS[status] ?? r.status,
    disagreement: r.disagreed_in_snapshot === null ? null : { fileName: r.disagreed_file, value: fieldValueText(r.field, r.disagreed_value) },
  };
}

const storedValue = (f: QualityFacts, field: QualityFix['field']) => ({ gender: f.gender, birthDate: f.birthDate, cpnsTmt: f.cpnsTmt })[field];

export class QualityService {
  private readonly read: Run;

  constructor(private readonly dataSource: DataSource, private readonly clock: Clock, private readonly sql: QualitySql, private readonly settings: () => Promise<QualitySettings>,
    private readonly employees: EmployeeService) {
    this.read = managerRun(dataSource);
  }

  async overview(): Promise<QualityOverview> {
    return qualityOverviewFrom(this.read, this.clock.today(), qualityWeights(await this.settings()));
  }

  /** The people one check finds, in name order (the duplicate check: across the district, shown within the unit). */
  async findings(request: { check: string; unitId?: number; offset: number; limit: number }) {
    const asOf = this.clock.today();
    const duplicates = request.check === DUPLICATE_CHECK.key;
    const bit = checkBit(request.check);
    if (!duplicates && bit === null) throw new AppError('not_found', 'Pemeriksaan kualitas data ini tidak dikenal.');
    const rows = await this.sql.derived(this.read, skpYearOf(asOf), duplicates ? null : request.unitId ?? null, true);
    let found: QualityDerivedRow[];
    if (duplicates) {
      const twice = duplicatedKeys(rows.map((r) => r.duplicate_key));
      found = rows.filter((r) => r.duplicate_key !== null && twice.has(r.duplicate_key) && (request.unitId === undefined || r.root_unit_id === request.unitId));
    } else {
      found = rows.filter((r) => (bitsOn(r, asOf).found & bit!) !== 0);
    }
    const page = found.slice(request.offset, request.offset + request.limit);
    // The words of each finding from the whole record of the people on this page.
    const records = new Map((await this.sql.readFacts(this.read, page.map((r) => r.id), skpYearOf(asOf))).map((p) => [p.row.id, p]));
    const check = QUALITY_CHECKS.find((c) => c.key === request.check);
    return {
      total: found.length,
      rows: page.filter((r) => records.has(r.id)).map((r) => {
        const { row, facts } = records.get(r.id)!;
        const finding = !check ? 'Nama dan tanggal lahir sama dengan pegawai lain.'
          : (check.dated ? check.find(facts, asOf) : check.find(facts)) ?? check.label;
        return { employeeId: row.id, nip: row.nip, name: row.name, unitName: row.unit_name, finding, fix: check ? proposalOf(proposedFix(check.key, facts)) : null };
      }),
    };
  }

  /** The index over time for the district (or one perangkat daerah), and its move between the two latest imports. */
  async trend(unitId: number | null): Promise<QualityTrend> {
    const point = (r: Awaited<ReturnType<QualitySql['history']>>[number]) => ({
      takenOn: r.taken_on, reason: r.reason as 'impor' | 'harian', fileName: r.file_name, population: r.population, index: r.quality_index,
    });
    const rows = await this.sql.history(this.read, unitId);
    const imports = rows.filter((r) => r.reason === 'impor');
    if (imports.length < 2) return { points: rows.map(point), sinceLastImport: null, units: [] };
    const [previous, latest] = imports.slice(-2);
    const delta = (before: number | null, after: number | null) => (before === null || after === null ? null : Math.round((after - before) * 10) / 10);
    let units: QualityTrend['units'] = [];
    if (unitId === null) {
      const atImports = await this.sql.unitsAtSnapshots(this.read, [previous.snapshot_id!, latest.snapshot_id!]);
      const before = new Map(atImports.filter((r) => r.snapshot_id === previous.snapshot_id).map((r) => [r.unit_id, r.quality_index]));
      units = atImports.filter((r) => r.snapshot_id === latest.snapshot_id && before.has(r.unit_id))
        .map((r) => ({ unitId: r.unit_id, delta: delta(before.get(r.unit_id)!, r.quality_index) }));
    }
    return {
      points: rows.map(point),
      sinceLastImport: { previous: point(previous), latest: point(latest), delta: delta(previous.quality_index, latest.quality_index) },
      units,
    };
  }

  /** Records the index once a day at most (a day with an import already has its record). */
  async recordDaily(): Promise<{ recorded: boolean; takenOn: string }> {
    const asOf = this.clock.today();
    const weights = qualityWeights(await this.settings());
    const recorded = await this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      if (await this.sql.recordedOn(run, asOf)) return false;
      return recordQualityIndex(run, { asOf, at: this.clock.now(), reason: 'harian', snapshotId: null, weights });
    });
    return { recorded, takenOn: asOf };
  }

  /**
   * "Perbaiki": sets the field the NIP answers for certain, through the normal audited and versioned employee edit,
   * and records it as a local correction in the same transaction. Refused when the check no longer finds the
   * person or the NIP no longer gives the value the officer confirmed.
   */
  async fix(request: { employeeId: number; check: string; value: string }, actor: string) {
    const [record] = await this.sql.readFacts(this.read, [request.employeeId], null);
    if (!record) throw new AppError('not_found', 'Pegawai aktif ini tidak ditemukan.');
    const fix = proposedFix(request.check, record.facts);
    if (!fix) throw new AppError('conflict', 'Temuan ini tidak lagi ada pada data pegawai tersebut, atau jawabannya tidak pasti dari NIP. Muat ulang daftar.');
    if (fix.value !== request.value) throw new AppError('conflict', 'Nilai perbaikan tidak lagi sesuai dengan NIP pegawai ini. Muat ulang daftar, lalu periksa lagi.');
    const before = storedValue(record.facts, fix.field);
    const result = await this.employees.setField(request.employeeId, fix.field, fix.value as never, actor, async (manager) => {
      await this.sql.insertCorrection(managerRun(manager), {
        employeeId: request.employeeId, field: fix.field, checkKey: request.check, siasnValue: before ?? null, correctedValue: fix.value, at: this.clock.now(), by: actor,
      });
    });
    return { version: result.version, field: fix.field, value: fix.value };
  }

  /** Local corrections, newest first, in words (the list and the export for SIASN). */
  async corrections(openOnly: boolean) {
    return { rows: (await this.sql.corrections(this.read, openOnly)).map(describeCorrection) };
  }

  /** Where SIASN still disagrees: take SIASN's value (an audited edit; the correction closes) or keep the correction. */
  async resolveCorrection(id: number, choice: 'siasn' | 'keep', actor: string): Promise<Correction> {
    const row = await this.sql.correction(this.read, id);
    if (!row) throw new AppError('not_found', 'Koreksi lokal ini tidak ditemukan.');
    if (row.status !== 'aktif' || row.disagreed_in_snapshot === null) {
      throw new AppError('conflict', 'Koreksi lokal ini tidak sedang berbeda dengan SIASN; tidak ada yang perlu dipilih.');
    }
    if (choice === 'keep') {
      await this.dataSource.transaction((manager) => this.sql.keepCorrection(managerRun(manager), id) as Promise<unknown>);
    } else {
      await this.employees.setField(row.employee_id, row.field as QualityFix['field'], row.disagreed_value as never, actor, async (manager) => {
        await this.sql.closeCorrection(managerRun(manager), id, 'diganti', this.clock.now());
      });
      // A value SIASN gives that is already the stored one writes nothing: the correction closes all the same.
      if ((await this.sql.correction(this.read, id))!.status === 'aktif') {
        await this.dataSource.transaction((manager) => this.sql.closeCorrection(managerRun(manager), id, 'diganti', this.clock.now()) as Promise<unknown>);
      }
    }
    return describeCorrection((await this.sql.correction(this.read, id))!);
  }

  /**
   * The index of a report's population: the active employees of a unit's subtree, or of the whole district (a
   * duplicate counts wherever the other person works). Null for a unit that does not exist.
   */
  async populationIndex(unitId: number | null): Promise<{ scope: string; population: number; index: number | null } | null> {
    const unit = unitId === null ? null : await this.sql.unit(this.read, unitId);
    if (unitId !== null && !unit) return null;
    const asOf = this.clock.today();
    let inside: QualityBitsRow[];
    let twice: Set<string>;
    if (unit) {
      // The unit's own people, each with whether the other half of a pair works anywhere in the district.
      const rows = await this.sql.populationInSubtree(this.read, skpYearOf(asOf), unit.path);
      twice = new Set(rows.filter((r) => r.duplicated && r.duplicate_key !== null).map((r) => r.duplicate_key!));
      inside = rows;
    } else {
      inside = await this.sql.derived(this.read, skpYearOf(asOf), null, false);
      twice = duplicatedKeys(inside.map((r) => r.duplicate_key));
    }
    const { total } = tallyBits(inside.map((r) => bitsOn(r, asOf)), () => 0, twice);
    return { scope: unit?.name ?? 'semua perangkat daerah', population: inside.length, index: qualityIndex(total, qualityWeights(await this.settings())) };
  }

  /** `stats --json` → dataQuality: the district's index and how many each check finds. */
  async statsSection() {
    const overview = await this.overview();
    return { index: overview.index, byCheck: Object.fromEntries(overview.checks.map((c) => [c.key, c.found])) };
  }
}
