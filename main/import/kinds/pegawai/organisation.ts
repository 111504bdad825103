// The organisation a snapshot names: its units (satuan_kerja_induk → satuan_kerja_kerja → unor, or UNOR INDUK →
// NAMA UNOR) and positions, found among the stored ones (by SIASN code, else by name under the same parent) or
// planned as new ones when creating them is allowed: a new unit's kind from its name, a new position's kind and
// level from its name, eselon and the holder's golongan. Only what an accepted row uses is created.

import type { PositionValues } from '../../../db/sql/rows';
import {
  ESELON_GOLONGAN_RANGE, functionalFamily, inferImportedPosition, parseJenisJabatan, positionLevelLabel,
  type PositionKind, type PositionLevel,
} from '../../../../shared/domain/position';
import type { IssueLog } from '../../row-reader';
import type { PositionRef, UnitRef } from './row';
import { inferUnitKind, nameKey } from './units';

export interface PlannedUnit {
  /** Negative temporary id until written. */
  tempId: number;
  code: string | null;
  name: string;
  kind: string;
  parent: number | null;
}

export interface PlannedPosition extends Omit<PositionValues, 'unitId'> {
  tempId: number;
  kind: PositionKind;
  level: PositionLevel;
  /** The unit's id, or the temporary id of a unit the same plan creates. */
  unit: number | null;
  basis: string;
}

export interface PositionInfo {
  name: string;
  level: string;
  bupOverride: number | null;
}

export interface StoredOrganisation {
  units: Array<{ id: number; code: string | null; name: string; parent_id: number | null; root_id: number | null }>;
  positions: Array<{ id: number; code: string | null; name: string; level: string; unit_id: number | null; kind: string; bup_override: number | null }>;
}

const STRUCTURAL_KINDS = new Set(['jpt', 'administrator', 'pengawas']);

export class Organisation {
  /** Display names of units and positions by id (stored and planned), for history rows and the diff. */
  readonly unitNames = new Map<number, string>();
  readonly positionInfo = new Map<number, PositionInfo>();
  private readonly unitByCode = new Map<string, number>();
  private readonly unitByParentName = new Map<string, number>();
  private readonly positionByCode = new Map<string, number>();
  private readonly positionByName = new Map<string, number>();
  private readonly newUnits: PlannedUnit[] = [];
  private readonly newPositions: PlannedPosition[] = [];
  private readonly usedUnits = new Set<number>();
  private readonly usedPositions = new Set<number>();
  private readonly inference = new Map<PositionRef, Map<number | null, ReturnType<typeof inferImportedPosition>>>();
  private nextTemp = -1;

  constructor(
    stored: StoredOrganisation,
    private readonly log: IssueLog,
    private readonly columnOf: (field: string) => string | null,
    private readonly createMissing: boolean,
  ) {
    const unitById = new Map(stored.units.map((u) => [u.id, u]));
    for (const u of stored.units) {
      if (u.code) this.unitByCode.set(u.code, u.id);
      this.unitByParentName.set(`${u.parent_id ?? 0}|${nameKey(u.name)}`, u.id);
    }
    for (const u of stored.units) {
      const root = u.root_id && u.root_id !== u.id ? unitById.get(u.root_id) : null;
      this.unitNames.set(u.id, root ? `${u.name} – ${root.name}` : u.name);
    }
    for (const p of stored.positions) {
      if (p.code) this.positionByCode.set(p.code, p.id);
      this.positionByName.set(`${STRUCTURAL_KINDS.has(p.kind) ? p.unit_id ?? 0 : 0}|${nameKey(p.name)}`, p.id);
      this.positionInfo.set(p.id, { name: p.name, level: p.level, bupOverride: p.bup_override });
    }
  }

  /** The unit a chain of references ends at; new units are planned when allowed, else the row is rejected. */
  resolveUnits(refs: UnitRef[], row: number): number | null | 'rejected' {
    let parent: number | null = null;
    let depth = 0;
    for (const ref of refs) {
      const key: string = `${parent ?? 0}|${nameKey(ref.name)}`;
      let id: number | undefined = (ref.code ? this.unitByCode.get(ref.code) : undefined) ?? this.unitByParentName.get(key);
      if (id === undefined) {
        if (!this.createMissing) {
          this.log.add(row, this.columnOf(ref.code ? 'unor_id' : 'unor_nama'), ref.code ?? ref.name, 'error',
            `Unit kerja "${ref.name}"${ref.code ? ` (kode ${ref.code})` : ''} belum ada di database. Izinkan pembuatan unit kerja dan jabatan baru, atau tambahkan unitnya lebih dulu.`);
          return 'rejected';
        }
        id = this.nextTemp--;
        this.newUnits.push({ tempId: id, code: ref.code, name: ref.name, kind: inferUnitKind(ref.name, depth), parent });
        if (ref.code) this.unitByCode.set(ref.code, id);
        this.unitByParentName.set(key, id);
        const parentName: string | null = parent !== null ? (this.unitNames.get(parent) ?? null) : null;
        this.unitNames.set(id, parentName && depth > 0 ? `${ref.name} – ${parentName.split(' – ').at(-1)}` : ref.name);
      }
      parent = id;
      depth++;
    }
    return parent;
  }

  /** The stored unit a chain names, without side effects (NaN: not in the database). */
  lookupUnits(refs: UnitRef[]): number | null {
    let parent: number | null = null;
    for (const ref of refs) {
      const id: number | undefined = (ref.code ? this.unitByCode.get(ref.code) : undefined) ?? this.unitByParentName.get(`${parent ?? 0}|${nameKey(ref.name)}`);
      if (id === undefined || id < 0) return NaN;
      parent = id;
    }
    return parent;
  }

  private infer(ref: PositionRef, golongan: number | null) {
    let byGolongan = this.inference.get(ref);
    if (!byGolongan) this.inference.set(ref, (byGolongan = new Map()));
    let inferred = byGolongan.get(golongan);
    if (!inferred) byGolongan.set(golongan, (inferred = inferImportedPosition(ref.name, ref.jenis, ref.eselon, golongan)));
    return inferred;
  }

  /** The stored position a reference names, without side effects (NaN: not in the database). */
  lookupPosition(ref: PositionRef, unitId: number | null, golongan: number | null): number | null {
    const byCode = ref.code ? this.positionByCode.get(ref.code) : undefined;
    if (byCode !== undefined) return byCode < 0 ? NaN : byCode;
    const structural = STRUCTURAL_KINDS.has(this.infer(ref, golongan).kind);
    const id = this.positionByName.get(`${structural ? unitId ?? 0 : 0}|${nameKey(ref.name)}`);
    return id === undefined || id < 0 ? NaN : id;
  }

  /** The position a row names (structural posts belong to their unit); planned when new and allowed. */
  resolvePosition(ref: PositionRef, unitId: number | null, golongan: number | null, row: number): number | 'rejected' {
    const inferred = this.infer(ref, golongan);
    const structural = STRUCTURAL_KINDS.has(inferred.kind);
    const key = `${structural ? unitId ?? 0 : 0}|${nameKey(ref.name)}`;
    let id = (ref.code ? this.positionByCode.get(ref.code) : undefined) ?? this.positionByName.get(key);
    if (id !== undefined) return id;
    if (!this.createMissing) {
      this.log.add(row, this.columnOf(ref.code ? 'jabatan_id' : 'jabatan_nama'), ref.code ?? ref.name, 'error',
        `Jabatan "${ref.name}"${ref.code ? ` (kode ${ref.code})` : ''} belum ada di database. Izinkan pembuatan unit kerja dan jabatan baru, atau tambahkan jabatannya lebih dulu.`);
      return 'rejected';
    }
    id = this.nextTemp--;
    const range = ref.eselon ? ESELON_GOLONGAN_RANGE[ref.eselon as keyof typeof ESELON_GOLONGAN_RANGE] : undefined;
    const family = inferred.kind === 'fungsional' ? functionalFamily(ref.name) ?? ref.name : null;
    const bupOverride = /^(GURU|PENGAWAS SEKOLAH)\b/i.test(ref.name) ? 60 : /^DOSEN\b/i.test(ref.name) ? 65 : null;
    this.newPositions.push({
      tempId: id, code: ref.code, name: ref.name, kind: inferred.kind, level: inferred.level, eselon: ref.eselon,
      unit: structural ? unitId : null, family, minGolongan: range?.min ?? null, maxGolongan: range?.max ?? null, bupOverride,
      isKey: inferred.level === 'jpt_pratama' || inferred.level === 'administrator', quota: structural ? 1 : null, basis: inferred.basis,
    });
    if (ref.code) this.positionByCode.set(ref.code, id);
    this.positionByName.set(key, id);
    this.positionInfo.set(id, { name: ref.name, level: inferred.level, bupOverride });
    if (inferred.basis === 'golongan') {
      this.log.add(row, this.columnOf('jabatan_nama'), ref.name, 'warning', `Jabatan baru "${ref.name}": jenjangnya tidak tertulis, disimpulkan dari golongan pemegangnya (${positionLevelLabel(inferred.level)}); periksa setelah impor.`);
    } else if (inferred.basis === 'default' && parseJenisJabatan(ref.jenis) !== 'pelaksana') {
      this.log.add(row, this.columnOf('jabatan_nama'), ref.name, 'warning', `Jabatan baru "${ref.name}": jenis dan jenjangnya tidak dapat disimpulkan dari nama atau eselon; dicatat sebagai Pelaksana, periksa setelah impor.`);
    }
    return id;
  }

  /** An accepted row holds this unit and position: they (and the unit's new ancestors) are created. */
  use(unitId: number | null, positionId: number | null): void {
    if (positionId !== null) this.usedPositions.add(positionId);
    if (unitId !== null) this.usedUnits.add(unitId);
  }

  /** The planned units and positions an accepted row uses, with the ancestors of those units, parents first. */
  created(): { newUnits: PlannedUnit[]; newPositions: PlannedPosition[] } {
    const neededUnits = new Set<number>();
    const usedUnits = new Set(this.usedUnits);
    for (const p of this.newPositions) if (this.usedPositions.has(p.tempId) && p.unit !== null) usedUnits.add(p.unit);
    const parentOf = new Map(this.newUnits.map((u) => [u.tempId, u.parent]));
    for (const id of usedUnits) {
      for (let current: number | null | undefined = id; current !== null && current !== undefined && current < 0; current = parentOf.get(current)) neededUnits.add(current);
    }
    return {
      newUnits: this.newUnits.filter((u) => neededUnits.has(u.tempId)),
      newPositions: this.newPositions.filter((p) => this.usedPositions.has(p.tempId)),
    };
  }
}
