// The employee snapshot (SIASN data utama, DOMAIN.md §11): reading a row, then planning it against the
// database: matching (SIASN pns_id first, then NIP), units and positions it names (created when allowed),
// the employee rules of the add/edit form, and the diff (new, changed field by field, unchanged, absent).

import type BetterSqlite3 from 'better-sqlite3';
import { addDays, type IsoDate } from '../../../shared/domain/dates';
import { educationLabel, parseEducationLevel } from '../../../shared/domain/education';
import { EMPLOYEE_FIELD_LABELS } from '../../../shared/domain/employee-fields';
import { checkEmployeeRules } from '../../../shared/domain/employee-rules';
import { employeeStatusLabel, genderLabel } from '../../../shared/domain/employee-status';
import { golonganLabel, parseGolongan } from '../../../shared/domain/golongan';
import { parseNip, parseNipCell } from '../../../shared/domain/nip';
import {
  ESELON_GOLONGAN_RANGE, functionalFamily, inferImportedPosition, normaliseEselon, parseJenisJabatan, positionLevelLabel,
  type PositionKind, type PositionLevel,
} from '../../../shared/domain/position';
import { formatDateId } from '../../../shared/format/id-format';
import { ownString, type IssueLog, type RowReader } from '../row-reader';
import { inferUnitKind, isGovernmentLevel, nameKey } from './units';

// ---------------------------------------------------------------------------------------------------------
// Rows

/** Employee columns an import may set, with their database column and the SIASN field that carries them. */
export const EMPLOYEE_IMPORT_FIELDS = [
  { key: 'nipLama', column: 'nip_lama', source: 'nip_lama' },
  { key: 'name', column: 'name', source: 'nama' },
  { key: 'frontTitle', column: 'front_title', source: 'gelar_depan' },
  { key: 'backTitle', column: 'back_title', source: 'gelar_belakang' },
  { key: 'birthPlace', column: 'birth_place', source: 'tempat_lahir_nama' },
  { key: 'birthDate', column: 'birth_date', source: 'tanggal_lahir' },
  { key: 'gender', column: 'gender', source: 'jenis_kelamin' },
  { key: 'employmentType', column: 'employment_type', source: 'status_cpns_pns' },
  { key: 'cpnsTmt', column: 'cpns_tmt', source: 'tmt_cpns' },
  { key: 'pnsTmt', column: 'pns_tmt', source: 'tmt_pns' },
  { key: 'golongan', column: 'golongan', source: 'gol_akhir_nama' },
  { key: 'golonganTmt', column: 'golongan_tmt', source: 'tmt_golongan' },
  { key: 'positionTmt', column: 'position_tmt', source: 'tmt_jabatan' },
  { key: 'educationLevel', column: 'education_level', source: 'tingkat_pendidikan_nama' },
  { key: 'educationMajor', column: 'education_major', source: 'pendidikan_nama' },
  { key: 'educationInstitution', column: 'education_institution', source: 'nama_sekolah' },
  { key: 'educationYear', column: 'education_year', source: 'tahun_lulus' },
  { key: 'status', column: 'status', source: 'kedudukan_hukum_nama' },
  { key: 'statusDate', column: 'status_date', source: 'kedudukan_hukum_nama' },
  { key: 'email', column: 'email', source: 'email' },
  { key: 'phone', column: 'phone', source: 'nomor_hp' },
] as const;

export type EmployeeField = (typeof EMPLOYEE_IMPORT_FIELDS)[number]['key'];
export type EmployeeValues = Partial<Record<EmployeeField, string | number | null>>;

export interface UnitRef {
  code: string | null;
  name: string;
}

export interface PositionRef {
  code: string | null;
  name: string;
  jenis: string | null;
  eselon: string | null;
}

export interface EmployeeFileRow {
  row: number;
  nip: string;
  siasnId: string | null;
  /** Only what the file says (non-empty cells): an empty cell never clears a stored value. */
  values: EmployeeValues;
  units: UnitRef[] | null;
  position: PositionRef | null;
}

/** Every NIP and pns_id the file names, with their rows, rejected rows included: they are in the snapshot
 *  (so not "absent"), and a NIP named twice is a contradiction whatever else is wrong with the rows. */
export interface Presence {
  /** First row of each value. */
  nips: Map<string, number>;
  siasnIds: Map<string, number>;
  /** Every row of the values met more than once (duplicates). */
  repeated: Map<string, number[]>;
  /** Shared unit chains and position references. */
  interned: Map<string, unknown>;
}

function note(presence: Presence, map: Map<string, number>, prefix: string, key: string, row: number): void {
  const first = map.get(key);
  if (first === undefined) {
    map.set(key, row);
    return;
  }
  const rows = presence.repeated.get(prefix + key);
  if (rows) rows.push(row);
  else presence.repeated.set(prefix + key, [first, row]);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+0-9 ()-]{6,30}$/;

export function parseGender(input: string): 'L' | 'P' | null {
  const t = input.trim().toUpperCase().replace(/[\s-]+/g, '');
  if (['L', 'M', '1', 'LAKILAKI', 'LAKI', 'PRIA', 'MALE', 'LK'].includes(t)) return 'L';
  if (['P', 'F', 'W', '2', 'PEREMPUAN', 'WANITA', 'FEMALE', 'PR'].includes(t)) return 'P';
  return null;
}

/** SIASN kedudukan hukum → record status. Leave, study leave, temporary suspension, MPP: still active. */
export function statusFromKedudukan(input: string): 'active' | 'retired' | 'moved' | 'deceased' | 'dismissed' {
  const t = input.trim().toUpperCase();
  if (/MENINGGAL|WAFAT|TEWAS/.test(t)) return 'deceased';
  if (/PENSIUN/.test(t) && !/PERSIAPAN|\bMPP\b/.test(t)) return 'retired';
  if (/PINDAH|MUTASI KELUAR/.test(t)) return 'moved';
  if (/BERHENTI|PEMBERHENTIAN|DIBERHENTIKAN/.test(t) && !/SEMENTARA/.test(t)) return 'dismissed';
  return 'active';
}

export function parseEmployeeRow(r: RowReader, presence: Presence): EmployeeFileRow | null {
  // NIP: text only (a number has lost digits), 18 digits, consistent.
  let nip = '';
  const rawNip = r.raw('nip_baru');
  if (rawNip === null || (typeof rawNip === 'string' && rawNip.trim() === '')) {
    r.error('nip_baru', 'NIP wajib diisi.');
  } else {
    const parsed = parseNipCell(typeof rawNip === 'number' ? rawNip : String(rawNip), r.today);
    if (!parsed.ok) for (const e of parsed.errors) r.error('nip_baru', e.message);
    else {
      nip = ownString(parsed.value.nip);
      note(presence, presence.nips, 'nip:', nip, r.row);
      for (const w of parsed.warnings) r.warning('nip_baru', w.message);
    }
  }
  const siasnId = r.keptText('pns_id');
  if (siasnId) note(presence, presence.siasnIds, 'pns:', siasnId, r.row);

  const values: EmployeeValues = {};
  const name = r.keptText('nama');
  if (!name) r.error('nama', 'Nama wajib diisi.');
  else if (name.length < 2 || name.length > 120) r.error('nama', 'Nama harus 2–120 huruf.');
  else values.name = name;

  const text = (field: string, key: EmployeeField, max: number) => {
    const value = r.keptText(field);
    if (value === null) return;
    if (value.length > max) r.warning(field, `Lebih dari ${max} karakter; dipotong.`);
    values[key] = value.slice(0, max);
  };
  text('nip_lama', 'nipLama', 20);
  text('gelar_depan', 'frontTitle', 40);
  text('gelar_belakang', 'backTitle', 60);
  text('tempat_lahir_nama', 'birthPlace', 80);
  text('pendidikan_nama', 'educationMajor', 120);
  text('nama_sekolah', 'educationInstitution', 120);

  const birthDate = r.date('tanggal_lahir', 'Tanggal lahir');
  if (birthDate) values.birthDate = birthDate;
  const gender = r.text('jenis_kelamin');
  if (gender) {
    const g = parseGender(gender);
    if (g) values.gender = g;
    else r.error('jenis_kelamin', `Jenis kelamin "${gender}" tidak dikenal; gunakan L/P (atau M/F, Laki-laki/Perempuan).`);
  }

  for (const [field, key, label] of [['tmt_cpns', 'cpnsTmt', 'TMT CPNS'], ['tmt_pns', 'pnsTmt', 'TMT PNS'], ['tmt_golongan', 'golonganTmt', 'TMT golongan'], ['tmt_jabatan', 'positionTmt', 'TMT jabatan']] as const) {
    const date = r.date(field, label);
    if (date) values[key] = date;
  }

  // Golongan: the name ("III/c", "Penata (III/c)", "3c") or the SIASN code.
  const golonganName = r.text('gol_akhir_nama');
  const golonganCode = r.text('gol_akhir_id');
  const byName = golonganName ? parseGolongan(golonganName) : null;
  const byCode = golonganCode ? parseGolongan(golonganCode) : null;
  if (golonganName && !byName) r.error('gol_akhir_nama', `Golongan "${golonganName}" tidak dikenal (contoh yang dikenali: III/c, III c, 3c, Penata (III/c), 33).`);
  else if (!golonganName && golonganCode && !byCode) r.error('gol_akhir_id', `Kode golongan "${golonganCode}" tidak dikenal.`);
  else if (byName && byCode && byName.code !== byCode.code) {
    r.warning('gol_akhir_id', `Kode golongan ${golonganCode} (${byCode.label}) berbeda dengan nama golongan ${golonganName}; dipakai ${byName.label}.`);
  }
  const golongan = byName ?? byCode;
  if (golongan) values.golongan = golongan.code;

  // Employment type: PPPK by jenis pegawai or grade; CPNS/PNS by status_cpns_pns.
  const jenisPegawai = r.text('jenis_pegawai_nama');
  const cpnsPns = r.text('status_cpns_pns')?.toUpperCase() ?? null;
  const pppk = (jenisPegawai && /PPPK|P3K|PERJANJIAN KERJA/i.test(jenisPegawai)) || golongan?.scheme === 'pppk';
  if (pppk) values.employmentType = 'PPPK';
  else if (cpnsPns === 'C' || cpnsPns === 'CPNS') values.employmentType = 'CPNS';
  else if (cpnsPns === 'P' || cpnsPns === 'PNS') values.employmentType = 'PNS';
  else if (cpnsPns) r.warning('status_cpns_pns', `Status CPNS/PNS "${cpnsPns}" tidak dikenal (C atau P); tidak dipakai.`);

  const kedudukan = r.text('kedudukan_hukum_nama');
  if (kedudukan) values.status = statusFromKedudukan(kedudukan);

  const education = r.text('tingkat_pendidikan_nama');
  if (education) {
    const level = parseEducationLevel(education);
    if (level) values.educationLevel = level;
    else r.warning('tingkat_pendidikan_nama', `Tingkat pendidikan "${education}" tidak dikenali; tidak dipakai.`);
  }
  const year = r.number('tahun_lulus', 'Tahun lulus', { min: 1940, max: 2100, integer: true });
  if (year !== null) values.educationYear = year;

  const email = r.keptText('email');
  if (email) {
    if (EMAIL.test(email) && email.length <= 120) values.email = email;
    else r.warning('email', `Alamat email "${email}" tidak valid; tidak dipakai.`);
  }
  const phone = r.keptText('nomor_hp');
  if (phone) {
    if (PHONE.test(phone)) values.phone = phone;
    else r.warning('nomor_hp', `Nomor HP "${phone}" tidak valid; tidak dipakai.`);
  }

  const units = internChain(presence, unitChain(r));
  const positionName = r.text('jabatan_nama');
  const positionCode = r.text('jabatan_id');
  let position: PositionRef | null = null;
  if (positionName || positionCode) {
    const eselonText = r.text('eselon_nama') ?? r.text('eselon_id');
    const eselon = eselonText ? normaliseEselon(eselonText) : null;
    if (eselonText && !eselon && !/^(-|NON ?ESELON|0|99)$/i.test(eselonText)) r.warning('eselon_nama', `Eselon "${eselonText}" tidak dikenal; tidak dipakai.`);
    if (!positionName) r.error('jabatan_nama', 'Nama jabatan wajib diisi bila ID jabatan diisi.');
    else position = internPosition(presence, { code: positionCode, name: positionName, jenis: r.text('jenis_jabatan_nama') ?? r.text('jenis_jabatan_id'), eselon });
  }

  if (r.hasError || !nip) return null;
  return { row: r.row, nip, siasnId, values, units, position };
}

/** Tens of thousands of rows name the same few hundred units and positions: one object each, shared (and
 *  their strings copied out of the file's text, see RowReader.keptText). */
function internChain(presence: Presence, chain: UnitRef[] | null): UnitRef[] | null {
  if (chain === null) return null;
  let key = 'u';
  for (const ref of chain) key += `\u0001${ref.code ?? ''}\u0002${ref.name}`;
  const known = presence.interned.get(key) as UnitRef[] | undefined;
  if (known) return known;
  const own = chain.map((ref) => ({ code: ref.code === null ? null : ownString(ref.code), name: ownString(ref.name) }));
  presence.interned.set(key, own);
  return own;
}

function internPosition(presence: Presence, ref: PositionRef): PositionRef {
  const key = `p\u0001${ref.code ?? ''}\u0002${ref.name}\u0002${ref.jenis ?? ''}\u0002${ref.eselon ?? ''}`;
  const known = presence.interned.get(key) as PositionRef | undefined;
  if (known) return known;
  const own = { code: ref.code === null ? null : ownString(ref.code), name: ownString(ref.name), jenis: ref.jenis === null ? null : ownString(ref.jenis), eselon: ref.eselon };
  presence.interned.set(key, own);
  return own;
}

function unitChain(r: RowReader): UnitRef[] | null {
  const instansi = r.text('instansi_kerja_nama');
  const chain: UnitRef[] = [];
  for (const [idField, nameField] of [['satuan_kerja_induk_id', 'satuan_kerja_induk_nama'], ['satuan_kerja_kerja_id', 'satuan_kerja_kerja_nama'], ['unor_id', 'unor_nama']]) {
    const name = r.text(nameField);
    const code = r.text(idField);
    if (!name) {
      if (code) r.warning(nameField, `Kolom ${r.column(nameField) ?? nameField} kosong padahal ID-nya diisi; tingkat unit ini dilewati.`);
      continue;
    }
    if (chain.length === 0 && isGovernmentLevel(name, instansi)) continue;
    const last = chain[chain.length - 1];
    if (last && ((code && last.code === code) || (!code && nameKey(last.name) === nameKey(name)))) continue;
    chain.push({ code, name });
  }
  return chain.length > 0 ? chain : null;
}

// ---------------------------------------------------------------------------------------------------------
// Planning against the database

export interface ExistingEmployee {
  id: number;
  nip: string;
  siasn_id: string | null;
  version: number;
  updated_at: string;
  retirement_date: string | null;
  position_id: number | null;
  unit_id: number | null;
  [column: string]: unknown;
}

export interface PlannedUnit {
  /** Negative temporary id until written. */
  tempId: number;
  code: string | null;
  name: string;
  kind: string;
  parent: number | null;
}

export interface PlannedPosition {
  tempId: number;
  code: string | null;
  name: string;
  kind: PositionKind;
  level: PositionLevel;
  eselon: string | null;
  unit: number | null;
  family: string | null;
  minGolongan: number | null;
  maxGolongan: number | null;
  bupOverride: number | null;
  isKey: boolean;
  quota: number | null;
  basis: string;
}

export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

export interface EmployeeInsert {
  row: number;
  nip: string;
  siasnId: string | null;
  values: Record<EmployeeField, string | number | null>;
  positionId: number | null;
  unitId: number | null;
}

export interface EmployeeUpdate {
  row: number;
  id: number;
  nip: string;
  name: string;
  siasnId: string | null;
  values: Record<EmployeeField, string | number | null>;
  positionId: number | null;
  unitId: number | null;
  existing: ExistingEmployee;
  changes: FieldChange[];
  /** Database columns that change, for the before-image. */
  columns: string[];
  /** Fields the file itself gave (the rest are stored values). */
  fromFile: EmployeeField[];
}

export interface AbsentEmployee {
  id: number;
  nip: string;
  name: string;
  proposedStatus: 'retired' | 'moved';
  retirementDate: string | null;
  unitName: string | null;
}

export interface EmployeePlan {
  inserts: EmployeeInsert[];
  updates: EmployeeUpdate[];
  unchanged: number;
  absent: AbsentEmployee[];
  newUnits: PlannedUnit[];
  newPositions: PlannedPosition[];
  /** Display names of units and positions by id (existing and planned), for history rows and the diff. */
  unitNames: Map<number, string>;
  positionInfo: Map<number, { name: string; level: string; bupOverride: number | null }>;
}

export interface PlanOptions {
  createMissing: boolean;
  today: IsoDate;
}

const COLUMNS = ['id', 'nip', 'siasn_id', 'version', 'updated_at', 'retirement_date', 'position_id', 'unit_id', ...EMPLOYEE_IMPORT_FIELDS.map((f) => f.column)];

/** Column → position in a stored employee row as loaded (arrays: three times faster than 50,000 objects). */
const AT = Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as Record<string, number>;
type StoredRow = unknown[];

function materialise(row: StoredRow): ExistingEmployee {
  const out: Record<string, unknown> = {};
  COLUMNS.forEach((column, i) => (out[column] = row[i]));
  return out as ExistingEmployee;
}

/** Everything the plan needs from the database, read once. */
export function loadEmployeeContext(db: BetterSqlite3.Database) {
  const employees = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM employee`).raw(true).all() as StoredRow[];
  const units = db.prepare('SELECT id, code, name, parent_id, root_id FROM unit').all() as Array<{ id: number; code: string | null; name: string; parent_id: number | null; root_id: number | null }>;
  const positions = db.prepare('SELECT id, code, name, level, unit_id, kind, bup_override FROM position').all() as Array<{ id: number; code: string | null; name: string; level: string; unit_id: number | null; kind: string; bup_override: number | null }>;
  return { employees, units, positions };
}

export type EmployeeContext = ReturnType<typeof loadEmployeeContext>;

export function planEmployees(rows: EmployeeFileRow[], presence: Presence, context: EmployeeContext, log: IssueLog, columnOf: (field: string) => string | null, options: PlanOptions): EmployeePlan {
  const bySiasn = new Map<string, StoredRow>();
  const byNip = new Map<string, StoredRow>();
  for (const e of context.employees) {
    byNip.set(e[AT.nip] as string, e);
    if (e[AT.siasn_id]) bySiasn.set(e[AT.siasn_id] as string, e);
  }
  const stored = new Map<StoredRow, ExistingEmployee>();
  const view = (row: StoredRow | undefined): ExistingEmployee | undefined => {
    if (!row) return undefined;
    let object = stored.get(row);
    if (!object) stored.set(row, (object = materialise(row)));
    return object;
  };

  // Units: by code, else by name under the same parent.
  const unitByCode = new Map<string, number>();
  const unitByParentName = new Map<string, number>();
  const unitNames = new Map<number, string>();
  const unitById = new Map(context.units.map((u) => [u.id, u]));
  for (const u of context.units) {
    if (u.code) unitByCode.set(u.code, u.id);
    unitByParentName.set(`${u.parent_id ?? 0}|${nameKey(u.name)}`, u.id);
  }
  const unitLabel = (id: number): string => {
    const u = unitById.get(id);
    if (!u) return unitNames.get(id) ?? '';
    const root = u.root_id && u.root_id !== u.id ? unitById.get(u.root_id) : null;
    return root ? `${u.name} – ${root.name}` : u.name;
  };
  for (const u of context.units) unitNames.set(u.id, unitLabel(u.id));

  const positionByCode = new Map<string, number>();
  const positionByName = new Map<string, number>();
  const positionInfo = new Map<number, { name: string; level: string; bupOverride: number | null }>();
  const structuralKinds = new Set(['jpt', 'administrator', 'pengawas']);
  for (const p of context.positions) {
    if (p.code) positionByCode.set(p.code, p.id);
    positionByName.set(`${structuralKinds.has(p.kind) ? p.unit_id ?? 0 : 0}|${nameKey(p.name)}`, p.id);
    positionInfo.set(p.id, { name: p.name, level: p.level, bupOverride: p.bup_override });
  }

  const newUnits: PlannedUnit[] = [];
  const newPositions: PlannedPosition[] = [];
  let nextTemp = -1;
  const usedUnits = new Set<number>();
  const usedPositions = new Set<number>();

  const resolveUnits = (refs: UnitRef[], row: number): number | null | 'rejected' => {
    let parent: number | null = null;
    let depth = 0;
    for (const ref of refs) {
      const key: string = `${parent ?? 0}|${nameKey(ref.name)}`;
      let id: number | undefined = (ref.code ? unitByCode.get(ref.code) : undefined) ?? unitByParentName.get(key);
      if (id === undefined) {
        if (!options.createMissing) {
          log.add(row, columnOf(ref.code ? 'unor_id' : 'unor_nama'), ref.code ?? ref.name, 'error',
            `Unit kerja "${ref.name}"${ref.code ? ` (kode ${ref.code})` : ''} belum ada di database. Izinkan pembuatan unit kerja dan jabatan baru, atau tambahkan unitnya lebih dulu.`);
          return 'rejected';
        }
        id = nextTemp--;
        newUnits.push({ tempId: id, code: ref.code, name: ref.name, kind: inferUnitKind(ref.name, depth), parent });
        if (ref.code) unitByCode.set(ref.code, id);
        unitByParentName.set(key, id);
        const parentName: string | null = parent !== null ? (unitNames.get(parent) ?? null) : null;
        unitNames.set(id, parentName && depth > 0 ? `${ref.name} – ${parentName.split(' – ').at(-1)}` : ref.name);
      }
      parent = id;
      depth++;
    }
    return parent;
  };

  // Lookups without side effects, for the unchanged-row fast path (NaN: not in the database).
  const resolveUnitsQuiet = (refs: UnitRef[]): number | null => {
    let parent: number | null = null;
    for (const ref of refs) {
      const id: number | undefined = (ref.code ? unitByCode.get(ref.code) : undefined) ?? unitByParentName.get(`${parent ?? 0}|${nameKey(ref.name)}`);
      if (id === undefined || id < 0) return NaN;
      parent = id;
    }
    return parent;
  };
  const inference = new Map<PositionRef, Map<number | null, ReturnType<typeof inferImportedPosition>>>();
  const infer = (ref: PositionRef, golongan: number | null) => {
    let byGolongan = inference.get(ref);
    if (!byGolongan) inference.set(ref, (byGolongan = new Map()));
    let inferred = byGolongan.get(golongan);
    if (!inferred) byGolongan.set(golongan, (inferred = inferImportedPosition(ref.name, ref.jenis, ref.eselon, golongan)));
    return inferred;
  };
  const resolvePositionQuiet = (ref: PositionRef, unitId: number | null, golongan: number | null): number | null => {
    const byCode = ref.code ? positionByCode.get(ref.code) : undefined;
    if (byCode !== undefined) return byCode < 0 ? NaN : byCode;
    const structural = structuralKinds.has(infer(ref, golongan).kind);
    const id = positionByName.get(`${structural ? unitId ?? 0 : 0}|${nameKey(ref.name)}`);
    return id === undefined || id < 0 ? NaN : id;
  };

  const resolvePosition = (ref: PositionRef, unitId: number | null, golongan: number | null, row: number): number | 'rejected' => {
    const inferred = infer(ref, golongan);
    const structural = structuralKinds.has(inferred.kind);
    const key = `${structural ? unitId ?? 0 : 0}|${nameKey(ref.name)}`;
    let id = (ref.code ? positionByCode.get(ref.code) : undefined) ?? positionByName.get(key);
    if (id !== undefined) return id;
    if (!options.createMissing) {
      log.add(row, columnOf(ref.code ? 'jabatan_id' : 'jabatan_nama'), ref.code ?? ref.name, 'error',
        `Jabatan "${ref.name}"${ref.code ? ` (kode ${ref.code})` : ''} belum ada di database. Izinkan pembuatan unit kerja dan jabatan baru, atau tambahkan jabatannya lebih dulu.`);
      return 'rejected';
    }
    id = nextTemp--;
    const range = ref.eselon ? ESELON_GOLONGAN_RANGE[ref.eselon as keyof typeof ESELON_GOLONGAN_RANGE] : undefined;
    const family = inferred.kind === 'fungsional' ? functionalFamily(ref.name) ?? ref.name : null;
    const bupOverride = /^(GURU|PENGAWAS SEKOLAH)\b/i.test(ref.name) ? 60 : /^DOSEN\b/i.test(ref.name) ? 65 : null;
    newPositions.push({
      tempId: id, code: ref.code, name: ref.name, kind: inferred.kind, level: inferred.level, eselon: ref.eselon,
      unit: structural ? unitId : null, family, minGolongan: range?.min ?? null, maxGolongan: range?.max ?? null, bupOverride,
      isKey: inferred.level === 'jpt_pratama' || inferred.level === 'administrator', quota: structural ? 1 : null, basis: inferred.basis,
    });
    if (ref.code) positionByCode.set(ref.code, id);
    positionByName.set(key, id);
    positionInfo.set(id, { name: ref.name, level: inferred.level, bupOverride });
    if (inferred.basis === 'golongan') {
      log.add(row, columnOf('jabatan_nama'), ref.name, 'warning', `Jabatan baru "${ref.name}": jenjangnya tidak tertulis, disimpulkan dari golongan pemegangnya (${positionLevelLabel(inferred.level)}); periksa setelah impor.`);
    } else if (inferred.basis === 'default' && parseJenisJabatan(ref.jenis) !== 'pelaksana') {
      log.add(row, columnOf('jabatan_nama'), ref.name, 'warning', `Jabatan baru "${ref.name}": jenis dan jenjangnya tidak dapat disimpulkan dari nama atau eselon; dicatat sebagai Pelaksana, periksa setelah impor.`);
    }
    return id;
  };

  const inserts: EmployeeInsert[] = [];
  const updates: EmployeeUpdate[] = [];
  let unchanged = 0;
  const takenNips = new Map<string, number>(); // nip → employee id after this import
  for (const e of context.employees) takenNips.set(e[AT.nip] as string, e[AT.id] as number);

  for (const file of rows) {
    if (log.rejectedRows.has(file.row)) continue;
    const storedRow = (file.siasnId ? bySiasn.get(file.siasnId) : undefined) ?? byNip.get(file.nip);
    // Most rows of a monthly snapshot change nothing: found out on the stored row as loaded, before anything
    // is built (no merge, no rules). Units and positions named by the row still count as used.
    if (storedRow && storedRow[AT.nip] === file.nip && (file.siasnId === null || file.siasnId === storedRow[AT.siasn_id]) && sameAsStored(storedRow, file.values)) {
      const unitId = file.units ? resolveUnitsQuiet(file.units) : (storedRow[AT.unit_id] as number | null);
      const positionId = file.position ? resolvePositionQuiet(file.position, unitId, (file.values.golongan as number | undefined) ?? (storedRow[AT.golongan] as number | null)) : (storedRow[AT.position_id] as number | null);
      if (unitId === (storedRow[AT.unit_id] ?? null) && positionId === (storedRow[AT.position_id] ?? null)) {
        unchanged++;
        if (positionId !== null) usedPositions.add(positionId);
        if (unitId !== null) usedUnits.add(unitId);
        continue;
      }
    }
    const existing = view(storedRow);
    if (existing && file.siasnId && existing.siasn_id && existing.siasn_id !== file.siasnId) {
      log.add(file.row, columnOf('pns_id'), file.siasnId, 'warning', `ID PNS SIASN di berkas berbeda dengan yang tercatat untuk NIP ${file.nip}; ID dari berkas dipakai.`);
    }
    if (file.siasnId) {
      const owner = view(bySiasn.get(file.siasnId));
      if (owner && existing && owner.id !== existing.id) {
        log.add(file.row, columnOf('pns_id'), file.siasnId, 'error', `ID PNS SIASN ${file.siasnId} sudah tercatat untuk pegawai lain (NIP ${owner.nip}).`);
        continue;
      }
    }
    if (existing && existing.nip !== file.nip) {
      const holder = takenNips.get(file.nip);
      if (holder !== undefined && holder !== existing.id) {
        log.add(file.row, columnOf('nip_baru'), file.nip, 'error', `NIP ${file.nip} sudah dipakai pegawai lain di database.`);
        continue;
      }
    }

    // References.
    const golongan = (file.values.golongan as number | undefined) ?? (existing?.golongan as number | null | undefined) ?? null;
    let unitId: number | null = existing?.unit_id ?? null;
    if (file.units) {
      const resolved = resolveUnits(file.units, file.row);
      if (resolved === 'rejected') continue;
      unitId = resolved;
    }
    let positionId: number | null = existing?.position_id ?? null;
    if (file.position) {
      const resolved = resolvePosition(file.position, unitId, golongan, file.row);
      if (resolved === 'rejected') continue;
      positionId = resolved;
    }

    // Merge: the file's values over the stored ones.
    const merged = {} as Record<EmployeeField, string | number | null>;
    for (const f of EMPLOYEE_IMPORT_FIELDS) merged[f.key] = existing ? ((existing[f.column] as string | number | null) ?? null) : null;
    for (const [key, value] of Object.entries(file.values)) merged[key as EmployeeField] = value ?? null;

    // A new record needs what the NIP already says.
    const decoded = parseNip(file.nip);
    if (!existing && decoded.ok) {
      if (!merged.birthDate) merged.birthDate = decoded.value.birthDate;
      if (!merged.gender) merged.gender = decoded.value.gender;
      if (!merged.employmentType) merged.employmentType = 'PNS';
      if (!merged.cpnsTmt && merged.employmentType !== 'PPPK') {
        merged.cpnsTmt = `${decoded.value.cpnsYearMonth}-01`;
        log.add(file.row, columnOf('tmt_cpns'), null, 'warning', `TMT CPNS tidak diisi; diambil dari NIP (${formatDateId(merged.cpnsTmt as string)}).`);
      }
      if (!merged.status) merged.status = 'active';
    }
    // A status the snapshot changes is dated by the snapshot (SIASN gives no date for it).
    if (merged.status !== (existing?.status ?? 'active')) merged.statusDate = merged.status === 'active' ? null : options.today;

    // The rules of the add/edit form. Errors about values from the file reject the row; errors about values
    // already stored (historic data the file does not touch) are shown as warnings.
    const rules = checkEmployeeRules({
      nip: file.nip, birthDate: String(merged.birthDate ?? ''), gender: String(merged.gender ?? ''), employmentType: String(merged.employmentType ?? 'PNS'),
      cpnsTmt: merged.cpnsTmt as string | null, pnsTmt: merged.pnsTmt as string | null, golongan: merged.golongan as number | null,
      golonganTmt: merged.golonganTmt as string | null, positionTmt: merged.positionTmt as string | null, educationLevel: merged.educationLevel as string | null,
      educationYear: merged.educationYear as number | null, status: merged.status as string | null, statusDate: merged.statusDate as string | null,
    }, options.today);
    let rejected = false;
    for (const issue of rules.errors) {
      const field = EMPLOYEE_IMPORT_FIELDS.find((f) => f.key === issue.path);
      const fromFile = !existing || issue.path === 'nip' || (field !== undefined && file.values[field.key] !== undefined);
      const column = issue.path === 'nip' ? columnOf('nip_baru') : field ? columnOf(field.source) : null;
      const value = issue.path === 'nip' ? file.nip : field ? merged[field.key] : null;
      if (fromFile) {
        log.add(file.row, column, value, 'error', issue.message);
        rejected = true;
      } else {
        log.add(file.row, column, value, 'warning', `${issue.message} (data yang sudah tersimpan; berkas tidak mengubahnya)`);
      }
    }
    if (rejected) continue;
    // Rule warnings are shown for new and changed records; stored data the snapshot confirms unchanged is
    // not flagged again every month.
    const ruleWarnings = () => {
      for (const issue of rules.warnings) {
        const field = EMPLOYEE_IMPORT_FIELDS.find((f) => f.key === issue.path);
        log.add(file.row, issue.path === 'nip' ? columnOf('nip_baru') : field ? columnOf(field.source) : null, null, 'warning', issue.message);
      }
    };

    if (positionId !== null) usedPositions.add(positionId);
    if (unitId !== null) usedUnits.add(unitId);
    const siasnId = file.siasnId ?? existing?.siasn_id ?? null;

    if (!existing) {
      inserts.push({ row: file.row, nip: file.nip, siasnId, values: merged, positionId, unitId });
      takenNips.set(file.nip, 0);
      ruleWarnings();
      continue;
    }
    const changes: FieldChange[] = [];
    const columns: string[] = [];
    if (existing.nip !== file.nip) {
      changes.push({ field: 'nip', label: 'NIP', before: existing.nip, after: file.nip });
      columns.push('nip');
      takenNips.set(file.nip, existing.id);
    }
    if ((existing.siasn_id ?? null) !== siasnId) {
      changes.push({ field: 'siasnId', label: 'ID PNS SIASN', before: existing.siasn_id, after: siasnId });
      columns.push('siasn_id');
    }
    for (const f of EMPLOYEE_IMPORT_FIELDS) {
      const before = (existing[f.column] as string | number | null) ?? null;
      const after = merged[f.key] ?? null;
      if (before !== after) {
        changes.push({ field: f.key, label: EMPLOYEE_FIELD_LABELS[f.key] ?? f.key, before: display(f.key, before), after: display(f.key, after) });
        columns.push(f.column);
      }
    }
    if ((existing.position_id ?? null) !== positionId) {
      changes.push({ field: 'positionId', label: 'Jabatan', before: existing.position_id ? positionInfo.get(existing.position_id)?.name ?? null : null, after: positionId !== null ? positionInfo.get(positionId)?.name ?? null : null });
      columns.push('position_id');
    }
    if ((existing.unit_id ?? null) !== unitId) {
      changes.push({ field: 'unitId', label: 'Unit kerja', before: existing.unit_id ? unitNames.get(existing.unit_id) ?? null : null, after: unitId !== null ? unitNames.get(unitId) ?? null : null });
      columns.push('unit_id');
    }
    if (changes.length === 0) unchanged++;
    else {
      updates.push({ row: file.row, id: existing.id, nip: file.nip, name: String(merged.name ?? existing.name), siasnId, values: merged, positionId, unitId, existing, changes, columns, fromFile: Object.keys(file.values) as EmployeeField[] });
      ruleWarnings();
    }
  }

  // Employees the snapshot does not name: a proposed status change, never a delete.
  const absent: AbsentEmployee[] = [];
  for (const row of context.employees) {
    if (row[AT.status] !== 'active') continue;
    if (presence.nips.has(row[AT.nip] as string) || (row[AT.siasn_id] && presence.siasnIds.has(row[AT.siasn_id] as string))) continue;
    const e = view(row)!;
    absent.push({
      id: e.id, nip: e.nip, name: String(e.name), retirementDate: e.retirement_date,
      proposedStatus: e.retirement_date && e.retirement_date <= options.today ? 'retired' : 'moved',
      unitName: e.unit_id ? unitNames.get(e.unit_id) ?? null : null,
    });
  }

  // Only the units and positions an accepted row uses are created (with the ancestors of those units).
  const neededUnits = new Set<number>();
  for (const p of newPositions) if (usedPositions.has(p.tempId) && p.unit !== null) usedUnits.add(p.unit);
  const parentOf = new Map(newUnits.map((u) => [u.tempId, u.parent]));
  for (const id of usedUnits) {
    for (let current: number | null | undefined = id; current !== null && current !== undefined && current < 0; current = parentOf.get(current)) neededUnits.add(current);
  }
  return {
    inserts, updates, unchanged, absent,
    newUnits: newUnits.filter((u) => neededUnits.has(u.tempId)),
    newPositions: newPositions.filter((p) => usedPositions.has(p.tempId)),
    unitNames, positionInfo,
  };
}

const COLUMN_OF = Object.fromEntries(EMPLOYEE_IMPORT_FIELDS.map((f) => [f.key, f.column])) as Record<EmployeeField, string>;

function sameAsStored(row: StoredRow, values: EmployeeValues): boolean {
  for (const key in values) {
    if ((row[AT[COLUMN_OF[key as EmployeeField]]] ?? null) !== (values[key as EmployeeField] ?? null)) return false;
  }
  return true;
}

function display(field: EmployeeField, value: string | number | null): string | null {
  if (value === null || value === '') return null;
  switch (field) {
    case 'golongan': return golonganLabel(value as number) || String(value);
    case 'gender': return genderLabel(value as string);
    case 'status': return employeeStatusLabel(value as string);
    case 'educationLevel': return educationLabel(value as string) || String(value);
    case 'birthDate': case 'cpnsTmt': case 'pnsTmt': case 'golonganTmt': case 'positionTmt': case 'statusDate':
      return formatDateId(value as string);
    default: return String(value);
  }
}

/** The date a new history row starts: the file's TMT when it has one, else the day of the import. */
export function historyStart(tmt: string | number | null | undefined, today: IsoDate): IsoDate {
  return typeof tmt === 'string' && tmt ? tmt : today;
}

export const dayBefore = (date: IsoDate) => addDays(date, -1);
