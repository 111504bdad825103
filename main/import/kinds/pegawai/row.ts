// The employee snapshot (SIASN data utama), row by row: what one row of the file says about one
// employee (only its non-empty cells: an empty cell never clears a stored value), the units and position it
// names, and every NIP and pns_id the file holds (for duplicates and for who is absent). Reading a row never
// touches the database.

import { parseEducationLevel } from '../../../../shared/domain/education';
import { parseGolongan } from '../../../../shared/domain/golongan';
import { parseNipCell } from '../../../../shared/domain/nip';
import { normaliseEselon } from '../../../../shared/domain/position';
import { memoParser, ownString, type RowReader } from '../../row-reader';
import { isGovernmentLevel, nameKey } from './units';

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
  { key: 'mkGolonganYears', column: 'mk_golongan_years', source: 'mk_tahun' },
  { key: 'mkGolonganMonths', column: 'mk_golongan_months', source: 'mk_bulan' },
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

/** Labels of the fields only the snapshot sets (the employee form does not edit them). */
export const SNAPSHOT_FIELD_LABELS: Partial<Record<EmployeeField, string>> = {
  mkGolonganYears: 'Masa kerja golongan (tahun)',
  mkGolonganMonths: 'Masa kerja golongan (bulan)',
};
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
  /** The instansi the rows name (SIASN instansi_induk, else instansi_kerja), with how many rows name each. */
  instansi: Map<string, FileInstansi>;
}

export interface FileInstansi {
  id: string | null;
  name: string | null;
  rows: number;
}

export function newPresence(): Presence {
  return { nips: new Map(), siasnIds: new Map(), repeated: new Map(), interned: new Map(), instansi: new Map() };
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

// The cell parsers whose spellings repeat on every row, remembered per distinct text (memoParser).
const golonganOf = memoParser(parseGolongan);
const educationOf = memoParser(parseEducationLevel);
const statusOf = memoParser(statusFromKedudukan);
const genderOf = memoParser(parseGender);

const TMT_FIELDS = [['tmt_cpns', 'cpnsTmt', 'TMT CPNS'], ['tmt_pns', 'pnsTmt', 'TMT PNS'], ['tmt_golongan', 'golonganTmt', 'TMT golongan'], ['tmt_jabatan', 'positionTmt', 'TMT jabatan']] as const;

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
    const g = genderOf(gender);
    if (g) values.gender = g;
    else r.error('jenis_kelamin', `Jenis kelamin "${gender}" tidak dikenal; gunakan L/P (atau M/F, Laki-laki/Perempuan).`);
  }

  for (const [field, key, label] of TMT_FIELDS) {
    const date = r.date(field, label);
    if (date) values[key] = date;
  }

  // Golongan: the name ("III/c", "Penata (III/c)", "3c") or the SIASN code.
  const golonganName = r.text('gol_akhir_nama');
  const golonganCode = r.text('gol_akhir_id');
  const byName = golonganName ? golonganOf(golonganName) : null;
  const byCode = golonganCode ? golonganOf(golonganCode) : null;
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
  if (kedudukan) values.status = statusOf(kedudukan);

  const education = r.text('tingkat_pendidikan_nama');
  if (education) {
    const level = educationOf(education);
    if (level) values.educationLevel = level;
    else r.warning('tingkat_pendidikan_nama', `Tingkat pendidikan "${education}" tidak dikenali; tidak dipakai.`);
  }
  // Masa kerja golongan as of TMT golongan; the two cells go together (a year without months is 0 months). A
  // value out of range is left out with a warning: the rest of the row still holds.
  const mkYears = r.number('mk_tahun', 'Masa kerja golongan (tahun)');
  const mkMonths = r.number('mk_bulan', 'Masa kerja golongan (bulan)');
  if (mkYears !== null) {
    const monthsOk = mkMonths === null || (Number.isInteger(mkMonths) && mkMonths >= 0 && mkMonths <= 11);
    if (!Number.isInteger(mkYears) || mkYears < 0 || mkYears > 45) r.warning('mk_tahun', `Masa kerja golongan ${mkYears} tahun di luar rentang 0–45; tidak dipakai.`);
    else if (!monthsOk) r.warning('mk_bulan', `Masa kerja golongan ${mkMonths} bulan di luar rentang 0–11; tidak dipakai.`);
    else {
      values.mkGolonganYears = mkYears;
      values.mkGolonganMonths = mkMonths ?? 0;
    }
  } else if (mkMonths !== null) r.warning('mk_bulan', 'Masa kerja golongan (bulan) diisi tanpa tahunnya; tidak dipakai.');

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

  noteInstansi(r, presence);
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

function noteInstansi(r: RowReader, presence: Presence): void {
  const id = r.text('instansi_induk_id') ?? r.text('instansi_kerja_id');
  const name = r.text('instansi_induk_nama') ?? r.text('instansi_kerja_nama');
  if (id === null && name === null) return;
  const key = `${id ?? ''}\u0001${name === null ? '' : nameKey(name)}`;
  const known = presence.instansi.get(key);
  if (known) known.rows++;
  else presence.instansi.set(key, { id: id === null ? null : ownString(id), name: name === null ? null : ownString(name), rows: 1 });
}

/** The unit levels a row names, from the top: SIASN's satuan_kerja_induk › satuan_kerja_kerja › unor, or the
 *  "Data Utama" download's UNOR INDUK › NAMA UNOR. The pemda itself is left out (Jenjang's roots are the
 *  perangkat daerah), and a level already in the chain (same code, or same name without codes) is not repeated. */
const UNIT_LEVELS = [
  ['satuan_kerja_induk_id', 'satuan_kerja_induk_nama'], ['satuan_kerja_kerja_id', 'satuan_kerja_kerja_nama'],
  ['unor_induk_id', 'unor_induk_nama'], ['unor_id', 'unor_nama'],
] as const;

function unitChain(r: RowReader): UnitRef[] | null {
  const instansi = r.text('instansi_induk_nama') ?? r.text('instansi_kerja_nama');
  const chain: UnitRef[] = [];
  for (const [idField, nameField] of UNIT_LEVELS) {
    const name = r.text(nameField);
    const code = r.text(idField);
    if (!name) {
      if (code) r.warning(nameField, `Kolom ${r.column(nameField) ?? nameField} kosong padahal ID-nya diisi; tingkat unit ini dilewati.`);
      continue;
    }
    if (chain.length === 0 && isGovernmentLevel(name, instansi)) continue;
    if (chain.some((level) => (code && level.code === code) || (!code && nameKey(level.name) === nameKey(name)))) continue;
    chain.push({ code, name });
  }
  return chain.length > 0 ? chain : null;
}
