// "Coba dengan berkas contoh": a SIASN data utama file (pipe-separated) of the active employees
// in the database, as next month's export might look: some promotions, moves to another unit, a few people
// gone, a few new ones (one in a new position), and two rows with typical mistakes. It lets an office see
// the whole wizard (issues, diff, commit, undo) on the demo district before touching real files.

import { demoSql, type SampleEmployeeRow } from '../db/sql/demo.sql';
import { preparedOn } from '../db/sql/run';
import type BetterSqlite3 from 'better-sqlite3';
import { addMonths, type IsoDate } from '../../shared/domain/dates';
import { golonganByCode, nextGolongan } from '../../shared/domain/golongan';
import { SIASN_COLUMNS } from '../../shared/domain/import-fields';
import { AGENCY_IDENTITY_KEY } from '../db/agency-settings';
import { delimitedBuffer, siasnDate, type Row } from './import-files';
import { FEMALE_FIRST, LAST_NAMES, MALE_FIRST } from './names';
import { Random } from './random';

const JENIS_JABATAN: Record<string, [string, string]> = {
  jpt: ['1', 'Jabatan Struktural'], administrator: ['1', 'Jabatan Struktural'], pengawas: ['1', 'Jabatan Struktural'],
  fungsional: ['2', 'Jabatan Fungsional Tertentu'], pelaksana: ['4', 'Jabatan Fungsional Umum'],
};
const EDUCATION_NAMES: Record<string, string> = {
  SD: 'Sekolah Dasar', SLTP: 'SLTP', SLTA: 'SLTA', D1: 'Diploma I', D2: 'Diploma II', D3: 'Diploma III', D4: 'Diploma IV',
  S1: 'S-1/Sarjana', PROFESI: 'Profesi', S2: 'S-2', S3: 'S-3/Doktor',
};

type Current = SampleEmployeeRow;

export function sampleSnapshotFile(db: BetterSqlite3.Database, today: IsoDate): Buffer {
  const prepared = preparedOn(db);
  const employees = demoSql.sampleEmployees(prepared);
  const units = demoSql.activeUnits(prepared);
  const unitById = new Map(units.map((u) => [u.id, u]));
  // The agency's own instansi, as SIASN would name it on every row (none when it is not recorded yet).
  const identity = demoSql.settingValue(prepared, AGENCY_IDENTITY_KEY);
  const agency = identity !== null ? JSON.parse(identity) as { instansiIndukId?: string | null; instansiIndukName?: string | null } : {};
  const instansi = { instansi_induk_id: agency.instansiIndukId ?? '', instansi_induk_nama: agency.instansiIndukName ?? '', instansi_kerja_id: agency.instansiIndukId ?? '', instansi_kerja_nama: agency.instansiIndukName ?? '' };
  const rng = new Random(Number(today.replace(/-/g, '')) % 100_000);
  const period = `${today.slice(0, 7)}-01`;
  const rows: Row[] = [];

  for (const e of employees) {
    const row: Row = { ...toRow(e), ...instansi };
    const roll = rng.next();
    if (roll < 0.006) continue; // left the service: absent from the snapshot
    if (roll < 0.03 && e.golongan !== null && e.employment_type === 'PNS') {
      const next = nextGolongan(e.golongan);
      if (next !== null && next <= 41) {
        row.gol_akhir_id = String(next);
        row.gol_akhir_nama = golonganByCode(next)!.label;
        row.tmt_golongan = siasnDate(period);
      }
    } else if (roll < 0.045 && e.pkind === 'pelaksana' && e.root_id !== null) {
      const siblings = units.filter((u) => u.root_id === e.root_id && u.id !== e.unit_id);
      if (siblings.length > 0) {
        const target = rng.pick(siblings);
        const levelOne = target.depth >= 2 ? unitById.get(target.parent_id!)! : target;
        Object.assign(row, { unor_id: target.code ?? '', unor_nama: target.name, satuan_kerja_kerja_id: levelOne.code ?? '', satuan_kerja_kerja_nama: levelOne.name, tmt_jabatan: siasnDate(period) });
      }
    }
    rows.push(row);
  }

  // New CPNS of last month, one of them in a position the database does not know yet.
  const templates = employees.filter((e) => e.pkind === 'pelaksana' && e.ucode).slice(0, 50);
  const serials = new Map<string, number>();
  for (let i = 0; i < Math.min(6, templates.length); i++) {
    const base = rng.pick(templates);
    const gender = rng.chance(0.5) ? 'L' : 'P';
    const year = rng.int(1996, 2001);
    const birth = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const cpns = addMonths(period, -1);
    const prefix = `${birth.replace(/-/g, '')}${cpns.slice(0, 4)}${cpns.slice(5, 7)}${gender === 'L' ? 1 : 2}`;
    const serial = (serials.get(prefix) ?? 0) + 1;
    serials.set(prefix, serial);
    const first = gender === 'L' ? rng.pick(MALE_FIRST) : rng.pick(FEMALE_FIRST);
    const row: Row = { ...toRow({
      ...base, id: 0, nip: `${prefix}${String(serial).padStart(3, '0')}`, siasn_id: null, nip_lama: null, name: `${first} ${rng.pick(LAST_NAMES)}`,
      front_title: null, back_title: 'S.E.', birth_date: birth, gender, employment_type: 'CPNS', cpns_tmt: cpns, pns_tmt: null, golongan: 31,
      golongan_tmt: cpns, mk_golongan_years: 0, mk_golongan_months: 0, position_tmt: cpns, education_level: 'S1', education_major: 'Manajemen', education_year: year + 22, email: null, phone: null,
    }), ...instansi };
    row.status_cpns_pns = 'C';
    if (i === 0) Object.assign(row, { jabatan_id: '', jabatan_nama: 'Penelaah Teknis Kebijakan', jenis_jabatan_id: '4', jenis_jabatan_nama: 'Jabatan Fungsional Umum' });
    rows.push(row);
  }

  // Two rows with the mistakes offices see most: a NIP that lost a digit, and an impossible date.
  if (rows.length > 20) {
    const lost = { ...rows[7] };
    lost.nip_baru = String(lost.nip_baru).slice(1);
    rows[7] = lost;
    rows[15] = { ...rows[15], tanggal_lahir: '31-02-1987' };
  }
  return delimitedBuffer(SIASN_COLUMNS, rows, { delimiter: '|', encoding: 'utf-8', lineEnding: '\r\n' });
}

function toRow(e: Current): Row {
  const jenis = JENIS_JABATAN[e.pkind ?? 'pelaksana'] ?? JENIS_JABATAN.pelaksana;
  const golongan = golonganByCode(e.golongan);
  return {
    pns_id: e.siasn_id ?? '', nip_baru: e.nip, nip_lama: e.nip_lama ?? '', nama: e.name, gelar_depan: e.front_title ?? '', gelar_belakang: e.back_title ?? '',
    tempat_lahir_nama: e.birth_place ?? '', tanggal_lahir: siasnDate(e.birth_date), jenis_kelamin: e.gender === 'L' ? 'M' : 'F',
    nomor_hp: e.phone ?? '', email: e.email ?? '', jenis_pegawai_nama: e.employment_type === 'PPPK' ? 'PPPK' : 'PNS Daerah Kabupaten/Kota',
    kedudukan_hukum_nama: 'Aktif', status_cpns_pns: e.employment_type === 'CPNS' ? 'C' : e.employment_type === 'PNS' ? 'P' : '',
    tmt_cpns: siasnDate(e.cpns_tmt), tmt_pns: siasnDate(e.pns_tmt), gol_akhir_id: e.golongan !== null ? String(e.golongan) : '',
    gol_akhir_nama: golongan?.label ?? '', tmt_golongan: siasnDate(e.golongan_tmt),
    mk_tahun: e.mk_golongan_years === null ? '' : String(e.mk_golongan_years), mk_bulan: e.mk_golongan_months === null ? '' : String(e.mk_golongan_months), jenis_jabatan_id: jenis[0], jenis_jabatan_nama: jenis[1],
    jabatan_id: e.pcode ?? '', jabatan_nama: e.pname ?? '', tmt_jabatan: siasnDate(e.position_tmt),
    tingkat_pendidikan_nama: e.education_level ? EDUCATION_NAMES[e.education_level] ?? e.education_level : '', pendidikan_nama: e.education_major ?? '',
    tahun_lulus: e.education_year !== null ? String(e.education_year) : '', unor_id: e.ucode ?? '', unor_nama: e.uname ?? '',
    satuan_kerja_induk_id: e.rcode ?? '', satuan_kerja_induk_nama: e.rname ?? '',
    satuan_kerja_kerja_id: e.l1code ?? '', satuan_kerja_kerja_nama: e.l1name ?? '', nama_sekolah: e.education_institution ?? '',
  };
}
