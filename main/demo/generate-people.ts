// The demo district's people: who holds the structural posts, the teachers, health workers, JF and pelaksana of
// each unit, with consistent NIPs, education and titles, golongan progressions, position histories and the
// statuses of those who have left.

import { addDays, addMonths, addYears, fullMonthsBetween, fullYearsBetween, toIsoDate, type IsoDate } from '../../shared/domain/dates';
import { educationInfo, type EducationLevel } from '../../shared/domain/education';
import { nextGolongan } from '../../shared/domain/golongan';
import type { PositionLevel } from '../../shared/domain/position';
import { bupFor, retirementDate } from '../../shared/domain/retirement';
import type { DemoDistrict, DemoEmployee, DemoOptions, DemoPosition, DemoPositionHistory, DemoRankHistory, DemoUnit } from './district';
import type { OrganisationBuilder, StructuralPost } from './generate-organisation';
import { BIRTH_PLACES, FEMALE_FIRST, FEMALE_ONLY_LAST, LAST_NAMES, MALE_FIRST, UNIVERSITIES } from './names';
import { FAMILY_TRACKS, PELAKSANA_POSITIONS, SCHOOL_SUBJECTS } from './organisation';
import type { Random } from './random';

type Track = 'ahli' | 'terampil';

interface Role {
  position: DemoPosition | null; // null: a JF whose jenjang follows from the golongan
  family: string | null;
  track: Track | null;
  pelaksana: (typeof PELAKSANA_POSITIONS)[number] | null;
  unit: DemoUnit;
  education: EducationLevel;
  major: string | null;
  institution: string | null;
  frontTitle: string | null;
  backTitle: string | null;
  femaleShare: number;
  pppk: boolean;
}

const HEALTH_PUSKESMAS: Array<readonly [string, number]> = [
  ['Perawat', 4], ['Bidan', 3.5], ['Dokter', 1], ['Dokter Gigi', 0.3], ['Apoteker', 0.3], ['Asisten Apoteker', 0.4],
  ['Sanitarian', 0.5], ['Nutrisionis', 0.5], ['Pranata Laboratorium Kesehatan', 0.5], ['Penyuluh Kesehatan Masyarakat', 0.4],
  ['Perekam Medis', 0.4], ['pelaksana', 1],
];
const HEALTH_RSUD: Array<readonly [string, number]> = [
  ['Perawat', 5], ['Bidan', 1.5], ['Dokter', 1.2], ['Apoteker', 0.5], ['Radiografer', 0.3], ['Fisioterapis', 0.3],
  ['Perekam Medis', 0.5], ['Pranata Laboratorium Kesehatan', 0.5], ['Nutrisionis', 0.3], ['pelaksana', 1.5],
];

/** Degree, major and titles per JF family: [education, major, front title, back title] options. */
function educationFor(rng: Random, family: string | null, track: Track | null, pelaksanaEducation: EducationLevel | null): Omit<Role, 'position' | 'family' | 'track' | 'pelaksana' | 'unit' | 'femaleShare' | 'pppk'> {
  const pick = (options: Array<readonly [EducationLevel, string | null, string | null, string | null, number]>) => {
    const [education, major, front, back] = rng.weighted(options.map((o) => [o, o[4]] as const));
    return { education, major, frontTitle: front, backTitle: back };
  };
  const uni = (kind: keyof typeof UNIVERSITIES) => rng.pick(UNIVERSITIES[kind]);
  switch (family) {
    case 'Guru': {
      const subject = rng.pick(SCHOOL_SUBJECTS);
      const r = pick([['S1', subject, null, 'S.Pd.', 84], ['S2', `Magister ${subject.replace('Pendidikan', 'Pendidikan')}`, null, 'S.Pd., M.Pd.', 13], ['D2', 'Pendidikan Guru Sekolah Dasar', null, 'A.Ma.Pd.', 3]]);
      return { ...r, institution: uni('education') };
    }
    case 'Perawat':
      return { ...(track === 'terampil' ? pick([['D3', 'Keperawatan', null, 'A.Md.Kep.', 1]]) : pick([['PROFESI', 'Profesi Ners', null, 'S.Kep., Ners', 1]])), institution: uni('health') };
    case 'Bidan':
      return { ...(track === 'terampil' ? pick([['D3', 'Kebidanan', null, 'A.Md.Keb.', 1]]) : pick([['D4', 'Sarjana Terapan Kebidanan', null, 'S.Tr.Keb.', 1], ['PROFESI', 'Profesi Bidan', null, 'S.Keb., Bd.', 1]])), institution: uni('health') };
    case 'Dokter':
      return { ...pick([['PROFESI', 'Pendidikan Dokter', 'dr.', null, 80], ['S2', 'Ilmu Kesehatan Masyarakat', 'dr.', 'M.Kes.', 10], ['S2', 'Ilmu Penyakit Dalam', 'dr.', 'Sp.PD.', 4], ['S2', 'Ilmu Kesehatan Anak', 'dr.', 'Sp.A.', 3], ['S2', 'Obstetri dan Ginekologi', 'dr.', 'Sp.OG.', 3]]), institution: uni('medicine') };
    case 'Dokter Gigi':
      return { ...pick([['PROFESI', 'Pendidikan Dokter Gigi', 'drg.', null, 1]]), institution: uni('medicine') };
    case 'Apoteker':
      return { ...pick([['PROFESI', 'Profesi Apoteker', 'apt.', 'S.Farm.', 1]]), institution: uni('health') };
    case 'Medik Veteriner':
      return { ...pick([['PROFESI', 'Kedokteran Hewan', 'drh.', null, 1]]), institution: 'Institut Pertanian Bogor' };
  }
  const health: Record<string, [string, string, string]> = {
    Sanitarian: ['Kesehatan Lingkungan', 'A.Md.KL.', 'S.Tr.Kes.'], Nutrisionis: ['Gizi', 'A.Md.Gz.', 'S.Gz.'],
    'Pranata Laboratorium Kesehatan': ['Teknologi Laboratorium Medis', 'A.Md.AK.', 'S.Tr.Kes.'], 'Perekam Medis': ['Rekam Medis dan Informasi Kesehatan', 'A.Md.RMIK.', 'S.Tr.RMIK.'],
    Radiografer: ['Radiologi', 'A.Md.Rad.', 'S.Tr.Rad.'], Fisioterapis: ['Fisioterapi', 'A.Md.Ftr.', 'S.Tr.Ftr.'],
    'Asisten Apoteker': ['Farmasi', 'A.Md.Farm.', 'A.Md.Farm.'], 'Penyuluh Kesehatan Masyarakat': ['Kesehatan Masyarakat', 'S.KM.', 'S.KM.'],
    'Administrator Kesehatan': ['Kesehatan Masyarakat', 'S.KM.', 'S.KM.'], 'Epidemiolog Kesehatan': ['Epidemiologi', 'S.KM.', 'S.KM.'],
  };
  if (family && health[family]) {
    const [major, d3, s1] = health[family];
    return track === 'terampil'
      ? { education: 'D3', major, frontTitle: null, backTitle: d3, institution: uni('health') }
      : { education: rng.chance(0.2) ? 'S2' : 'S1', major, frontTitle: null, backTitle: rng.chance(0.2) ? `${s1}, M.Kes.` : s1, institution: uni('health') };
  }
  const general: Record<string, Array<[string, string]>> = {
    Auditor: [['Akuntansi', 'S.Ak.'], ['Akuntansi', 'S.E.'], ['Manajemen', 'S.E.']],
    Perencana: [['Teknik Sipil', 'S.T.'], ['Ekonomi Pembangunan', 'S.E.'], ['Perencanaan Wilayah dan Kota', 'S.T.'], ['Agribisnis', 'S.P.']],
    'Analis Sumber Daya Manusia Aparatur': [['Psikologi', 'S.Psi.'], ['Ilmu Pemerintahan', 'S.IP.'], ['Administrasi Negara', 'S.AP.'], ['Manajemen', 'S.E.']],
    'Pranata Komputer': [['Teknik Informatika', 'S.Kom.'], ['Sistem Informasi', 'S.Kom.']],
    'Analis Hukum': [['Ilmu Hukum', 'S.H.']], 'Perancang Peraturan Perundang-undangan': [['Ilmu Hukum', 'S.H.']],
    'Teknik Jalan dan Jembatan': [['Teknik Sipil', 'S.T.']], 'Teknik Pengairan': [['Teknik Sipil', 'S.T.']],
    'Penata Ruang': [['Perencanaan Wilayah dan Kota', 'S.T.']], 'Teknik Tata Bangunan dan Perumahan': [['Arsitektur', 'S.T.']],
    'Penyuluh Pertanian': [['Agroteknologi', 'S.P.'], ['Penyuluhan Pertanian', 'S.ST.']], 'Penyuluh Perikanan': [['Perikanan', 'S.Pi.']],
    'Pekerja Sosial': [['Kesejahteraan Sosial', 'S.Sos.'], ['Pekerjaan Sosial', 'S.Tr.Sos.']], 'Penyuluh Sosial': [['Kesejahteraan Sosial', 'S.Sos.']],
    Pustakawan: [['Ilmu Perpustakaan', 'S.IP.'], ['Ilmu Perpustakaan', 'S.Hum.']], Arsiparis: [['Kearsipan', 'S.Tr.Ars.'], ['Ilmu Perpustakaan', 'S.IP.']],
    Statistisi: [['Statistika', 'S.Stat.']], 'Penyuluh Keluarga Berencana': [['Kesehatan Masyarakat', 'S.KM.'], ['Sosiologi', 'S.Sos.']],
    'Polisi Pamong Praja': [['Ilmu Hukum', 'S.H.'], ['Ilmu Pemerintahan', 'S.IP.']],
    'Pengawas Sekolah': [['Manajemen Pendidikan', 'S.Pd.']],
  };
  const fallback: Array<[string, string]> = [['Administrasi Negara', 'S.AP.'], ['Ilmu Pemerintahan', 'S.IP.'], ['Manajemen', 'S.E.'], ['Ekonomi Pembangunan', 'S.E.'], ['Ilmu Hukum', 'S.H.'], ['Sosiologi', 'S.Sos.'], ['Ilmu Komunikasi', 'S.I.Kom.']];
  const [major, title] = rng.pick((family ? general[family] : undefined) ?? fallback);
  const institution = /Teknik|Arsitektur|Informatika|Sistem/.test(major) ? uni('technical') : uni('general');

  if (pelaksanaEducation) {
    if (pelaksanaEducation === 'SLTA') return { education: 'SLTA', major: rng.pick(['IPA', 'IPS', 'Administrasi Perkantoran', 'Akuntansi']), frontTitle: null, backTitle: null, institution: uni('highSchool') };
    if (pelaksanaEducation === 'D3') return { education: 'D3', major: rng.pick(['Administrasi Bisnis', 'Akuntansi', 'Manajemen Informatika', 'Kesekretariatan']), frontTitle: null, backTitle: 'A.Md.', institution: uni('general') };
    return { education: 'S1', major, frontTitle: null, backTitle: title, institution };
  }
  if (track === 'terampil') {
    return rng.chance(0.6)
      ? { education: 'D3', major: rng.pick(['Administrasi Bisnis', 'Manajemen Informatika', 'Kearsipan', 'Perpustakaan']), frontTitle: null, backTitle: 'A.Md.', institution: uni('general') }
      : { education: 'SLTA', major: rng.pick(['IPA', 'IPS', 'Administrasi Perkantoran']), frontTitle: null, backTitle: null, institution: uni('highSchool') };
  }
  const degree = rng.weighted<EducationLevel>([['S1', 66], ['S2', 33], ['S3', 1]]);
  if (degree === 'S1') return { education: 'S1', major, frontTitle: null, backTitle: title, institution };
  const master = rng.pick(['M.Si.', 'M.M.', 'M.AP.', 'M.Ak.', 'M.T.', 'M.H.']);
  if (degree === 'S2') return { education: 'S2', major: `Magister ${master === 'M.M.' ? 'Manajemen' : master === 'M.T.' ? 'Teknik Sipil' : master === 'M.H.' ? 'Ilmu Hukum' : 'Administrasi Publik'}`, frontTitle: null, backTitle: `${title}, ${master}`, institution: uni('general') };
  return { education: 'S3', major: 'Doktor Ilmu Administrasi', frontTitle: 'Dr.', backTitle: `${title}, ${master}`, institution: 'Universitas Padjadjaran' };
}

function structuralEducation(rng: Random, level: PositionLevel) {
  const degree = level === 'pengawas' ? rng.weighted<EducationLevel>([['S1', 62], ['S2', 33], ['D3', 5]])
    : level === 'administrator' ? rng.weighted<EducationLevel>([['S1', 40], ['S2', 58], ['S3', 2]])
    : rng.weighted<EducationLevel>([['S2', 85], ['S3', 15]]);
  const [major, title] = rng.pick<[string, string]>([['Ilmu Pemerintahan', 'S.IP.'], ['Administrasi Negara', 'S.Sos.'], ['Manajemen', 'S.E.'], ['Ilmu Hukum', 'S.H.'], ['Teknik Sipil', 'S.T.'], ['Agribisnis', 'S.P.'], ['Kesehatan Masyarakat', 'S.KM.']]);
  const master = rng.pick(['M.Si.', 'M.M.', 'M.AP.', 'M.T.', 'M.H.', 'M.Kes.']);
  if (degree === 'D3') return { education: degree, major: 'Administrasi Negara', frontTitle: null, backTitle: 'A.Md.', institution: rng.pick(UNIVERSITIES.general) };
  if (degree === 'S1') return { education: degree, major, frontTitle: null, backTitle: title, institution: rng.pick(UNIVERSITIES.general) };
  if (degree === 'S2') return { education: degree, major: 'Magister Administrasi Publik', frontTitle: null, backTitle: `${title}, ${master}`, institution: rng.pick(UNIVERSITIES.general) };
  return { education: degree, major: 'Doktor Ilmu Pemerintahan', frontTitle: 'Dr.', backTitle: `${title}, ${master}`, institution: 'Universitas Padjadjaran' };
}

/** The employees of the district with their rank and position histories, drawn after the organisation from the
 *  same random sequence (the order of draws is what makes a seed reproduce the same district). */
/** Masa kerja golongan at a rank's TMT: service since TMT CPNS, less the years the salary table drops when a
 *  career crosses into a higher golongan group than it entered at (I → II: 6 years, II → III: 5 years). */
function masaKerjaGolongan(cpnsTmt: IsoDate, entryGolongan: number, rank: { golongan: number; tmt: IsoDate }): { years: number; months: number } {
  const entryGroup = Math.floor(entryGolongan / 10);
  const group = Math.floor(rank.golongan / 10);
  let months = fullMonthsBetween(cpnsTmt, rank.tmt);
  if (entryGroup <= 1 && group >= 2) months -= 6 * 12;
  if (entryGroup <= 2 && group >= 3) months -= 5 * 12;
  months = Math.max(0, months);
  return { years: Math.floor(months / 12), months: months % 12 };
}

export function generatePeople(rng: Random, org: OrganisationBuilder, options: DemoOptions): Pick<DemoDistrict, 'employees' | 'positionHistory' | 'rankHistory'> {
  const asOf = options.asOf;

  // Structural posts first (a small district fills the heads first), about 5 % vacant, capped at ~12 % of staff.
  const posts = [...org.structural].sort((a, b) => a.priority - b.priority || a.position.id - b.position.id);
  const structuralTarget = Math.min(Math.round(posts.length * 0.95), Math.round(options.employees * 0.12));
  const filled: StructuralPost[] = [];
  const stride = posts.length / Math.max(1, Math.round(posts.length * 0.95));
  for (let i = 0; filled.length < Math.round(posts.length * 0.95) && i < posts.length; i++) {
    const index = Math.floor(i * stride);
    if (index < posts.length && !filled.includes(posts[index])) filled.push(posts[index]);
  }
  filled.sort((a, b) => a.priority - b.priority);
  filled.length = Math.min(filled.length, structuralTarget);

  const nipSerials = new Map<string, number>();
  const employees: DemoEmployee[] = [];
  const positionHistory: DemoPositionHistory[] = [];
  const rankHistory: DemoRankHistory[] = [];
  const unitById = new Map(org.units.map((u) => [u.id, u]));
  const pengawasPosts = org.structural.filter((p) => p.position.level === 'pengawas');
  const administratorPosts = org.structural.filter((p) => p.position.level === 'administrator');

  const drafts: Array<{ role: Role; structural: StructuralPost | null }> = [];
  for (const post of filled) {
    drafts.push({
      structural: post,
      role: {
        position: post.position, family: null, track: null, pelaksana: null, unit: post.unit,
        ...structuralEducation(rng, post.position.level), femaleShare: 0.32, pppk: false,
      },
    });
  }
  while (drafts.length < options.employees) drafts.push({ structural: null, role: pickRole(rng, org) });
  rng.shuffle(drafts);

  for (const [index, draft] of drafts.entries()) {
    const id = index + 1;
    const { role, structural } = draft;
    const gender: 'L' | 'P' = rng.chance(role.femaleShare) ? 'P' : 'L';
    const info = educationInfo(role.education)!;
    const entryAge = role.education === 'SLTA' ? rng.int(19, 30) : role.education === 'D3' || role.education === 'D2' ? rng.int(22, 32)
      : role.education === 'S2' || role.education === 'S3' || role.education === 'PROFESI' ? rng.int(25, 37) : rng.int(23, 35);
    const provisionalBup = role.position ? bupFor(role.position.level, role.position.bupOverride) : role.family === 'Guru' ? 60 : 58;

    // Status: most active; a few have left (retired, moved, deceased) and stay on record.
    const status: DemoEmployee['status'] = structural ? 'active'
      : rng.weighted([['active', 96.2], ['retired', 2.5], ['moved', 1], ['deceased', 0.3]] as const);

    let birthDate: IsoDate;
    let cpnsTmt: IsoDate;
    const recentHire = !structural && status === 'active' && rng.chance(0.05);
    if (role.pppk) {
      cpnsTmt = rng.pick(['2019-02-01', '2021-10-01', '2022-12-01', '2023-12-01', '2024-10-01', '2025-03-01']);
      birthDate = randomBirth(rng, addYears(cpnsTmt, -rng.int(24, 48)));
    } else if (status === 'retired') {
      const tmtPensiun = addMonths(firstOfMonth(asOf), -rng.int(1, 36));
      birthDate = randomBirth(rng, addYears(addMonths(tmtPensiun, -1), -provisionalBup), true);
      cpnsTmt = cpnsFrom(rng, birthDate, entryAge, asOf);
    } else if (recentHire) {
      cpnsTmt = firstOfMonth(addMonths(asOf, -rng.int(1, 11)));
      birthDate = randomBirth(rng, addYears(cpnsTmt, -rng.int(22, 33)));
    } else {
      const [minAge, maxAge] = structural
        ? structural.position.level === 'jpt_pratama' ? [47, provisionalBup - 0.3] : structural.position.level === 'administrator' ? [40, provisionalBup - 0.2] : [33, provisionalBup - 0.2]
        : [entryAge + 1.2, provisionalBup - 0.1];
      // A mix of a broad bell and a flat spread, so every year has its share of retirements.
      const age = rng.chance(0.4) ? minAge + rng.next() * (maxAge - minAge) : rng.bell((minAge + maxAge) / 2 + 1, (maxAge - minAge) / 2.2, minAge, maxAge);
      birthDate = randomBirth(rng, addDays(asOf, -Math.round(age * 365.25)));
      cpnsTmt = cpnsFrom(rng, birthDate, Math.min(entryAge, Math.floor(age - 1)), asOf);
      if (structural) {
        const minService = structural.position.level === 'jpt_pratama' ? 18 : structural.position.level === 'administrator' ? 12 : 6;
        const latest = addYears(asOf, -minService);
        if (cpnsTmt > latest) cpnsTmt = firstOfMonth(latest);
        if (fullYearsBetween(birthDate, cpnsTmt) < 19) birthDate = addYears(cpnsTmt, -rng.int(22, 26));
      }
    }

    // Golongan: entry by education, then a regular step every 4 (sometimes 5) years, up to the cap.
    const ranks: Array<{ golongan: number; tmt: IsoDate; kind: string }> = [];
    let golongan: number;
    let employmentType: DemoEmployee['employmentType'];
    let pnsTmt: IsoDate | null = null;
    if (role.pppk) {
      employmentType = 'PPPK';
      golongan = role.education === 'S2' ? 110 : role.education === 'S1' || role.education === 'D4' || role.education === 'PROFESI' ? 109 : role.education === 'D3' ? 107 : 105;
      ranks.push({ golongan, tmt: cpnsTmt, kind: 'pppk' });
    } else {
      employmentType = addYears(cpnsTmt, 1) > asOf ? 'CPNS' : 'PNS';
      if (employmentType === 'PNS') pnsTmt = firstOfMonth(addMonths(cpnsTmt, rng.int(12, 20)));
      const cap = structural ? structural.position.maxGolongan! : role.track === 'terampil' ? 34 : role.family ? 43 : info.ceiling;
      golongan = info.entry;
      let tmt = cpnsTmt;
      ranks.push({ golongan, tmt, kind: 'cpns' });
      const end = status === 'active' ? asOf : statusEnd(rng, status, birthDate, provisionalBup, asOf);
      for (;;) {
        const next = nextPeriod(addYears(tmt, rng.chance(0.8) ? 4 : 5));
        const nextGol = nextGolongan(golongan);
        if (next > end || nextGol === null || nextGol > cap) break;
        // Beyond III/d a step needs angka kredit or a post; many careers stall there.
        if (nextGol >= 41 && !structural && rng.chance(nextGol === 41 ? 0.35 : 0.6)) break;
        golongan = nextGol;
        tmt = next;
        ranks.push({ golongan, tmt, kind: 'reguler' });
      }
    }

    // Position: structural posts are given; JF jenjang follows from the golongan; pelaksana by education.
    let position: DemoPosition;
    if (role.position) position = role.position;
    else if (role.pelaksana) position = org.genericPosition(role.pelaksana.name, 'pelaksana', null);
    else {
      const level = jenjangFor(role.track!, golongan, role.pppk);
      position = org.genericPosition(`${role.family} ${LEVEL_SUFFIX[level]}`, level, role.family);
    }
    if (structural && golongan < structural.position.minGolongan!) {
      // Kenaikan pangkat pilihan (jabatan struktural) brings them to the post's minimum.
      golongan = structural.position.minGolongan!;
    }

    // A retiree's TMT pensiun follows from the BUP of the post they ended in; one whose BUP turns out to be
    // later (a JF ahli madya, BUP 60) is simply still active.
    let finalStatus = status;
    let statusDate: IsoDate | null = null;
    if (status === 'retired') {
      const tmtPensiun = retirementDate(birthDate, bupFor(position.level, position.bupOverride));
      if (tmtPensiun > asOf) finalStatus = 'active';
      else statusDate = tmtPensiun;
    } else if (status !== 'active') {
      statusDate = statusEnd(rng, status, birthDate, provisionalBup, asOf);
    }

    // Position history: the current post, and before it a lower post or an earlier jenjang.
    const history: Array<{ position: DemoPosition; unit: DemoUnit; tmt: IsoDate }> = [];
    let positionTmt: IsoDate;
    const latestStart = statusDate === null ? addMonths(asOf, -1) : addMonths(statusDate, -1);
    if (structural) {
      positionTmt = firstOfMonth(addMonths(asOf, -rng.int(2, 84)));
      const minTmt = addYears(cpnsTmt, structural.position.level === 'pengawas' ? 4 : 8);
      if (positionTmt < minTmt) positionTmt = firstOfMonth(addMonths(minTmt, 1));
      if (positionTmt > latestStart) positionTmt = firstOfMonth(latestStart);
      const previousPool = structural.position.level === 'jpt_pratama' ? administratorPosts : structural.position.level === 'administrator' ? pengawasPosts : [];
      if (previousPool.length > 0) {
        const prev = rng.pick(previousPool);
        const prevTmt = firstOfMonth(addMonths(positionTmt, -rng.int(24, 72)));
        if (prevTmt > cpnsTmt) history.push({ position: prev.position, unit: prev.unit, tmt: prevTmt });
      }
      const lastRank = ranks[ranks.length - 1];
      if (golongan > lastRank.golongan) {
        const tmt = positionTmt > lastRank.tmt ? positionTmt : addYears(lastRank.tmt, 1) < asOf ? addYears(lastRank.tmt, 1) : asOf;
        ranks.push({ golongan, tmt, kind: 'pilihan_struktural' });
      }
    } else if (!role.pelaksana && !role.pppk) {
      // JF: the current jenjang since the golongan that opened it; the previous jenjang before that.
      const level = position.level;
      const entered = ranks.find((r) => jenjangFor(role.track!, r.golongan, false) === level) ?? ranks[0];
      positionTmt = entered.tmt < cpnsTmt ? cpnsTmt : entered.tmt;
      const firstLevel = jenjangFor(role.track!, ranks[0].golongan, false);
      if (firstLevel !== level) {
        const first = org.genericPosition(`${role.family} ${LEVEL_SUFFIX[firstLevel]}`, firstLevel, role.family);
        history.push({ position: first, unit: role.unit, tmt: cpnsTmt });
      }
    } else {
      positionTmt = firstOfMonth(rng.chance(0.5) ? cpnsTmt : randomBetween(rng, cpnsTmt, latestStart));
      if (positionTmt > cpnsTmt && !role.pppk) {
        const firstPost = org.genericPosition(rng.pick(['Pengadministrasi Perkantoran', 'Operator Layanan Operasional']), 'pelaksana', null);
        const firstUnit = rng.pick(org.staffUnits.get(role.unit.rootId) ?? [role.unit]);
        if (firstPost.id !== position.id || firstUnit.id !== role.unit.id) history.push({ position: firstPost, unit: firstUnit, tmt: cpnsTmt });
      }
    }
    if (positionTmt > latestStart) positionTmt = firstOfMonth(latestStart) < cpnsTmt ? cpnsTmt : firstOfMonth(latestStart);
    if (positionTmt < cpnsTmt) positionTmt = cpnsTmt;
    history.push({ position, unit: role.unit, tmt: positionTmt });

    const nipBirth = birthDate;
    const nipPrefix = `${nipBirth.replace(/-/g, '')}${cpnsTmt.slice(0, 4)}${cpnsTmt.slice(5, 7)}${gender === 'L' ? 1 : 2}`;
    const serial = (nipSerials.get(nipPrefix) ?? 0) + 1;
    nipSerials.set(nipPrefix, serial);
    const nip = `${nipPrefix}${String(serial).padStart(3, '0')}`;

    // A few records carry the data errors real offices inherit: a birth date off by one day from the NIP.
    const storedBirthDate = id % 613 === 0 ? addDays(birthDate, 1) : birthDate;

    const first = gender === 'L' ? rng.pick(MALE_FIRST) : rng.pick(FEMALE_FIRST);
    let last = rng.pick(LAST_NAMES);
    if (gender === 'L') while (FEMALE_ONLY_LAST.has(last)) last = rng.pick(LAST_NAMES);
    const middle = rng.chance(0.25) ? ` ${gender === 'L' ? rng.pick(MALE_FIRST) : rng.pick(FEMALE_FIRST)}` : '';
    const name = `${first}${middle === ` ${first}` ? '' : middle} ${last}`;

    const currentRank = ranks[ranks.length - 1];
    const currentMkg = role.pppk ? null : masaKerjaGolongan(cpnsTmt, ranks[0].golongan, currentRank);
    employees.push({
      id, nip, nipLama: cpnsTmt < '2006-01-01' && !role.pppk && rng.chance(0.6) ? `5${String(rng.int(10_000_000, 99_999_999))}` : null,
      siasnId: rng.guid(), frontTitle: role.frontTitle, name, backTitle: role.backTitle, birthPlace: rng.pick(BIRTH_PLACES),
      birthDate: storedBirthDate, gender, employmentType, cpnsTmt, pnsTmt, golongan,
      golonganTmt: currentRank.tmt, mkGolonganYears: currentMkg?.years ?? null, mkGolonganMonths: currentMkg?.months ?? null, positionId: position.id, positionTmt, unitId: role.unit.id, educationLevel: role.education,
      educationMajor: role.major, educationInstitution: role.institution,
      educationYear: Math.max(Number(birthDate.slice(0, 4)) + 17, Number(cpnsTmt.slice(0, 4)) - rng.int(1, 4)),
      status: finalStatus, statusDate, email: rng.chance(0.6) ? `${first}.${last}${rng.int(1, 99)}@sindangrajakab.go.id`.toLowerCase() : null,
      phone: rng.chance(0.7) ? `08${rng.pick(['12', '13', '21', '22', '52', '53', '57', '77', '78', '81', '95', '96'])}${String(rng.int(10_000_000, 99_999_999))}` : null,
    });

    for (const [i, row] of history.entries()) {
      const next = history[i + 1];
      positionHistory.push({
        employeeId: id, positionId: row.position.id, positionName: row.position.name, positionLevel: row.position.level,
        unitId: row.unit.id, unitName: unitLabel(row.unit, unitById), tmt: row.tmt, endDate: next ? addDays(next.tmt, -1) : statusDate,
        skNumber: `821.2/${rng.int(100, 9999)}/BKPSDM/${row.tmt.slice(0, 4)}`,
      });
    }
    for (const r of ranks) {
      const mkg = role.pppk ? null : masaKerjaGolongan(cpnsTmt, ranks[0].golongan, r);
      rankHistory.push({ employeeId: id, golongan: r.golongan, tmt: r.tmt, kind: r.kind, skNumber: `823.3/${rng.int(100, 9999)}/BKPSDM/${r.tmt.slice(0, 4)}`, mkYears: mkg?.years ?? null, mkMonths: mkg?.months ?? null });
    }
  }

  return { employees, positionHistory, rankHistory };
}

const LEVEL_SUFFIX: Partial<Record<PositionLevel, string>> = {
  ahli_utama: 'Ahli Utama', ahli_madya: 'Ahli Madya', ahli_muda: 'Ahli Muda', ahli_pertama: 'Ahli Pertama',
  penyelia: 'Penyelia', mahir: 'Mahir', terampil: 'Terampil', pemula: 'Pemula',
};

function jenjangFor(track: Track, golongan: number, pppk: boolean): PositionLevel {
  if (pppk) return track === 'ahli' ? 'ahli_pertama' : 'terampil';
  if (track === 'ahli') return golongan >= 44 ? 'ahli_utama' : golongan >= 41 ? 'ahli_madya' : golongan >= 33 ? 'ahli_muda' : 'ahli_pertama';
  return golongan >= 33 ? 'penyelia' : golongan >= 31 ? 'mahir' : golongan >= 22 ? 'terampil' : 'pemula';
}

function pickRole(rng: Random, org: OrganisationBuilder): Role {
  const sector = rng.weighted([['guru', 36], ['puskesmas', org.puskesmas.length ? 12 : 0], ['rsud', org.rsud ? 6 : 0], ['opd', 46]] as const);
  if (sector === 'guru') {
    const pppk = rng.chance(0.15);
    return role(rng, 'Guru', 'ahli', null, rng.pick(org.schools), 0.66, pppk);
  }
  if (sector === 'puskesmas' || sector === 'rsud') {
    const family = rng.weighted(sector === 'puskesmas' ? HEALTH_PUSKESMAS : HEALTH_RSUD);
    const rsudUnits = sector === 'rsud' ? org.staffUnits.get(org.rsud!.id)! : [];
    if (family === 'pelaksana') {
      const unit = sector === 'puskesmas' ? rng.pick(org.puskesmas) : rng.pick(rsudUnits);
      return role(rng, null, null, rng.pick(PELAKSANA_POSITIONS), unit, 0.5, false);
    }
    // Clinical staff work in the wards and services, not in the finance department.
    const clinical = rsudUnits.filter((u) => u.parentId === null || /Pelayanan|Keperawatan|Penunjang/.test(u.name));
    const unit = sector === 'puskesmas' ? rng.pick(org.puskesmas) : rng.pick(clinical);
    const track = trackFor(rng, family);
    const femaleShare = family === 'Bidan' ? 1 : family === 'Perawat' ? 0.72 : 0.55;
    return role(rng, family, track, null, unit, femaleShare, rng.chance(0.1));
  }
  const opd = rng.weighted(org.opdWeights.filter(([u]) => u.id !== org.rsud?.id));
  const template = org.opdTemplates.get(opd.id);
  const families = template?.families ?? [];
  if (families.length > 0 && rng.chance(0.42)) {
    const family = rng.weighted(families);
    const track = trackFor(rng, family);
    const unit = family === 'Penyuluh Pertanian' && org.bpp.length && rng.chance(0.7) ? rng.pick(org.bpp) : rng.pick(org.staffUnits.get(opd.id)!);
    return role(rng, family, track, null, unit, 0.45, false);
  }
  return role(rng, null, null, rng.pick(PELAKSANA_POSITIONS), rng.pick(org.staffUnits.get(opd.id)!), 0.42, false);
}

function trackFor(rng: Random, family: string): Track {
  const track = FAMILY_TRACKS[family] ?? 'ahli';
  if (track === 'both') return rng.chance(family === 'Perawat' || family === 'Bidan' ? 0.55 : 0.3) ? 'terampil' : 'ahli';
  return track;
}

function role(rng: Random, family: string | null, track: Track | null, pelaksana: Role['pelaksana'], unit: DemoUnit, femaleShare: number, pppk: boolean): Role {
  const education = educationFor(rng, family, track, pelaksana?.education ?? null);
  return { position: null, family, track, pelaksana, unit, femaleShare, pppk, ...education };
}

function unitLabel(unit: DemoUnit, byId: Map<number, DemoUnit>): string {
  if (unit.parentId === null) return unit.name;
  return `${unit.name} – ${byId.get(unit.rootId)!.name}`;
}

function statusEnd(rng: Random, status: DemoEmployee['status'], birthDate: IsoDate, bup: number, asOf: IsoDate): IsoDate {
  if (status === 'retired') return retirementDate(birthDate, bup);
  // Moved or deceased: some time in the last three years (deterministic per person via the birth date).
  const offset = (Number(birthDate.slice(8, 10)) * 37 + Number(birthDate.slice(5, 7)) * 11) % 34;
  void rng;
  return firstOfMonth(addMonths(asOf, -(offset + 2)));
}

function cpnsFrom(rng: Random, birthDate: IsoDate, entryAge: number, asOf: IsoDate): IsoDate {
  let tmt = firstOfMonth(addMonths(addYears(birthDate, entryAge), rng.int(0, 11)));
  if (tmt > addMonths(asOf, -13)) tmt = firstOfMonth(addMonths(asOf, -13 - rng.int(0, 24)));
  if (fullYearsBetween(birthDate, tmt) < 18) tmt = firstOfMonth(addYears(birthDate, 19));
  return tmt;
}

/** A birth date near `around` (± a few months), never on an impossible day. */
function randomBirth(rng: Random, around: IsoDate, exactMonth = false): IsoDate {
  const base = exactMonth ? around : addDays(around, rng.int(-120, 120));
  return toIsoDate(Number(base.slice(0, 4)), Number(base.slice(5, 7)), rng.int(1, 28));
}

function randomBetween(rng: Random, from: IsoDate, to: IsoDate): IsoDate {
  if (to <= from) return from;
  const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  return addDays(from, rng.int(0, span));
}

function firstOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

/** The next regular promotion period on or after `date`: 1 April or 1 October (the long-standing calendar). */
function nextPeriod(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  const md = date.slice(5);
  if (md <= '04-01') return `${year}-04-01`;
  if (md <= '10-01') return `${year}-10-01`;
  return `${year + 1}-04-01`;
}
