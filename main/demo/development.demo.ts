// Demo data of competency development and career moves, deterministic from the seed:
// - a training catalogue the BKPSDM maintains (activities per competency, leadership trainings, sector trainings);
// - training records for the last seven years (about ten per person): JP realistic per type, a diligence per
//   person so that many reach 20 JP a year and a meaningful share do not, trainings spanning the year end,
//   Latsar for new CPNS and the leadership training of most (not all) structural officials;
// - mentoring pairs with sessions (one mentor above the mentee limit, a peer pair that is not more senior);
// - individual development plans of this and last year, proposed from competency gaps by the real rule, with
//   items done (linked to the training that completed them), under way, planned and cancelled;
// - budget ceilings per perangkat daerah, a few of them below the planned cost.
// JP values per training are demo values: no regulation found fixes the JP of a training type; real JP come from
// each certificate (STTPP).

import { demoSql } from '../db/sql/demo.sql';
import { addDays, addMonths, type IsoDate } from '../../shared/domain/dates';
import {
  DEFAULT_MENTEE_LIMIT, mentorSeniority, missingRequiredTrainings, proposeDevelopmentPlan, requiredTrainings, type CatalogActivity,
  type StandardCompetency,
} from '../../shared/domain/development';
import { refreshDerived } from '../db/derived';
import { bulkRun } from '../db/sql/run';
import type { DemoExtension } from './extensions';
import type { DemoEmployee, DemoPosition } from './generate';
import { Random } from './random';

interface CatalogEntry { title: string; type: string; jp: number; cost: number; provider: string; competency: string | null; days: [number, number]; sector?: 'guru' | 'kesehatan' | 'umum' }

const PROVINCE = 'BPSDM Provinsi Jawa Barat';
const LOCAL = 'BKPSDM Kabupaten Sindangraja';

export const DEMO_CATALOG: CatalogEntry[] = [
  { title: 'Latsar CPNS Golongan III', type: 'latsar', jp: 480, cost: 11_500_000, provider: PROVINCE, competency: null, days: [50, 60] },
  { title: 'Latsar CPNS Golongan II', type: 'latsar', jp: 480, cost: 10_500_000, provider: PROVINCE, competency: null, days: [50, 60] },
  { title: 'Pelatihan Kepemimpinan Pengawas (PKP)', type: 'pkp', jp: 320, cost: 21_000_000, provider: PROVINCE, competency: null, days: [90, 110] },
  { title: 'Pelatihan Kepemimpinan Administrator (PKA)', type: 'pka', jp: 430, cost: 36_000_000, provider: PROVINCE, competency: null, days: [110, 130] },
  { title: 'Pelatihan Kepemimpinan Nasional Tingkat II', type: 'pkn_2', jp: 500, cost: 72_000_000, provider: 'Lembaga Administrasi Negara', competency: null, days: [120, 140] },
  { title: 'Pelatihan Integritas dan Antikorupsi', type: 'teknis', jp: 24, cost: 2_500_000, provider: 'KPK – Anti-Corruption Learning Center', competency: 'M.01', days: [3, 3] },
  { title: 'E-learning Penguatan Integritas ASN', type: 'e_learning', jp: 10, cost: 0, provider: 'ASN Unggul (LAN)', competency: 'M.01', days: [7, 21] },
  { title: 'Workshop Kolaborasi dan Kerja Tim', type: 'workshop', jp: 16, cost: 1_800_000, provider: LOCAL, competency: 'M.02', days: [2, 2] },
  { title: 'Pelatihan Komunikasi Efektif dan Public Speaking', type: 'teknis', jp: 24, cost: 2_750_000, provider: PROVINCE, competency: 'M.03', days: [3, 3] },
  { title: 'Bimtek Penulisan Naskah Dinas', type: 'bimtek', jp: 16, cost: 1_500_000, provider: LOCAL, competency: 'M.03', days: [2, 2] },
  { title: 'Pelatihan Manajemen Kinerja dan SAKIP', type: 'teknis', jp: 30, cost: 3_000_000, provider: PROVINCE, competency: 'M.04', days: [4, 4] },
  { title: 'Bimtek Standar Pelayanan Publik', type: 'bimtek', jp: 20, cost: 1_750_000, provider: 'Ombudsman RI Perwakilan Jawa Barat', competency: 'M.05', days: [3, 3] },
  { title: 'E-learning Pelayanan Prima', type: 'e_learning', jp: 12, cost: 0, provider: 'ASN Unggul (LAN)', competency: 'M.05', days: [7, 21] },
  { title: 'Coaching dan Mentoring bagi Atasan', type: 'coaching', jp: 16, cost: 1_200_000, provider: LOCAL, competency: 'M.06', days: [2, 2] },
  { title: 'Workshop Manajemen Perubahan dan Inovasi', type: 'workshop', jp: 20, cost: 2_250_000, provider: PROVINCE, competency: 'M.07', days: [3, 3] },
  { title: 'Pelatihan Analisis Kebijakan dan Pengambilan Keputusan', type: 'teknis', jp: 32, cost: 3_500_000, provider: 'Lembaga Administrasi Negara', competency: 'M.08', days: [4, 4] },
  { title: 'Sosialisasi Wawasan Kebangsaan dan Moderasi', type: 'sosialisasi', jp: 8, cost: 500_000, provider: 'Badan Kesbangpol Kabupaten Sindangraja', competency: 'SK.01', days: [1, 1] },
  { title: 'Bimtek Pengelolaan Keuangan Daerah', type: 'bimtek', jp: 24, cost: 2_500_000, provider: 'BPKAD Kabupaten Sindangraja', competency: null, days: [3, 3], sector: 'umum' },
  { title: 'Bimtek Pengadaan Barang/Jasa Pemerintah', type: 'bimtek', jp: 32, cost: 3_000_000, provider: 'LKPP', competency: null, days: [4, 4], sector: 'umum' },
  { title: 'Pelatihan Jarak Jauh SIASN dan Manajemen ASN', type: 'pelatihan_jarak_jauh', jp: 20, cost: 0, provider: 'BKN', competency: null, days: [14, 28], sector: 'umum' },
  { title: 'E-learning Literasi Digital ASN', type: 'e_learning', jp: 12, cost: 0, provider: 'Kementerian Komunikasi dan Digital', competency: null, days: [7, 21], sector: 'umum' },
  { title: 'Workshop Penyusunan SKP dan Ekspektasi Kinerja', type: 'workshop', jp: 8, cost: 600_000, provider: LOCAL, competency: null, days: [1, 1], sector: 'umum' },
  { title: 'Seminar Nasional Reformasi Birokrasi', type: 'seminar', jp: 8, cost: 750_000, provider: 'Kementerian PANRB', competency: null, days: [1, 1], sector: 'umum' },
  { title: 'Diklat Fungsional Penjenjangan', type: 'fungsional', jp: 90, cost: 7_500_000, provider: PROVINCE, competency: null, days: [12, 15], sector: 'umum' },
  { title: 'Pelatihan Implementasi Kurikulum Merdeka', type: 'teknis', jp: 32, cost: 1_500_000, provider: 'BBGTK Jawa Barat', competency: null, days: [4, 4], sector: 'guru' },
  { title: 'Lokakarya Pembelajaran Berdiferensiasi', type: 'workshop', jp: 16, cost: 800_000, provider: 'Dinas Pendidikan Kabupaten Sindangraja', competency: null, days: [2, 2], sector: 'guru' },
  { title: 'E-learning Platform Merdeka Mengajar', type: 'e_learning', jp: 20, cost: 0, provider: 'Kemendikdasmen', competency: null, days: [14, 45], sector: 'guru' },
  { title: 'Seminar Pendidikan Karakter', type: 'seminar', jp: 6, cost: 250_000, provider: 'PGRI Kabupaten Sindangraja', competency: null, days: [1, 1], sector: 'guru' },
  { title: 'Pelatihan Basic Trauma Cardiac Life Support (BTCLS)', type: 'teknis', jp: 40, cost: 4_500_000, provider: 'RSUD Sindangraja', competency: null, days: [5, 5], sector: 'kesehatan' },
  { title: 'Pelatihan Pencegahan dan Pengendalian Infeksi', type: 'teknis', jp: 30, cost: 2_000_000, provider: 'Dinas Kesehatan Provinsi Jawa Barat', competency: null, days: [4, 4], sector: 'kesehatan' },
  { title: 'E-learning Pelayanan Kesehatan Primer', type: 'e_learning', jp: 16, cost: 0, provider: 'Plataran Sehat Kemenkes', competency: null, days: [7, 30], sector: 'kesehatan' },
  { title: 'Webinar Keselamatan Pasien', type: 'seminar', jp: 4, cost: 0, provider: 'Plataran Sehat Kemenkes', competency: null, days: [1, 1], sector: 'kesehatan' },
];

const SESSION_NOTES = [
  'Membahas sasaran kinerja triwulan dan hambatannya.', 'Diskusi rencana pengembangan diri dan pelatihan yang relevan.',
  'Praktik penyusunan telaahan staf; umpan balik atas draf.', 'Evaluasi penugasan proyek perubahan.',
  'Pendampingan presentasi di rapat pimpinan.', 'Refleksi nilai BerAKHLAK dalam pelayanan sehari-hari.',
  'Membahas kasus layanan publik yang sulit dan alternatif penyelesaiannya.', 'Review capaian SKP dan rencana tindak lanjut.',
];

const GOALS = [
  'Meningkatkan kemampuan menyusun kebijakan teknis dan telaahan staf.', 'Menyiapkan diri untuk jabatan pengawas.',
  'Memperkuat kompetensi komunikasi dan koordinasi lintas bidang.', 'Orientasi tugas dan budaya kerja bagi pegawai baru.',
  'Mengembangkan kepemimpinan tim dan pengelolaan kinerja.', 'Menguasai pengelolaan keuangan dan pengadaan di unit kerja.',
];

const firstOfMonth = (d: IsoDate) => `${d.slice(0, 7)}-01`;
const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const days = (a: IsoDate, b: IsoDate) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

export const developmentDemo: DemoExtension = {
  name: 'development',
  async write({ tx, district, seed, now, job }) {
    const rng = new Random(seed * 8191 + 8);
    const asOf = district.asOf;
    const currentYear = Number(asOf.slice(0, 4));
    let written = 0;

    job?.progress('Menyiapkan data pengembangan', 0, 1);

    // Catalogue ------------------------------------------------------------------------------------------------
    const competencyIds = demoSql.competencyIdsByCode(tx);
    const insertCatalog = demoSql.catalogEntries(tx);
    const catalog: Array<CatalogEntry & { id: number; competencyId: number | null }> = [];
    for (const entry of DEMO_CATALOG) {
      const competencyId = entry.competency ? competencyIds.get(entry.competency) ?? null : null;
      const result = insertCatalog(entry.title, entry.type, entry.jp, entry.cost, entry.provider, competencyId);
      catalog.push({ ...entry, id: Number(result.lastInsertRowid), competencyId });
    }
    written += catalog.length;
    const byType = (type: string) => catalog.filter((c) => c.type === type);
    const pools = {
      guru: catalog.filter((c) => c.sector === 'guru' || (c.competency && c.type !== 'coaching')),
      kesehatan: catalog.filter((c) => c.sector === 'kesehatan' || (c.competency && c.type !== 'coaching')),
      umum: catalog.filter((c) => c.sector === 'umum' || c.competency),
    };

    // Training records ---------------------------------------------------------------------------------------
    const insertTraining = demoSql.trainings(tx);
    let certificate = 0;
    const record = (e: DemoEmployee, entry: (typeof catalog)[number], start: IsoDate, end: IsoDate, viaCatalog = true): number => {
      certificate += 1;
      const cost = entry.cost === 0 ? 0 : rng.chance(0.15) ? null : Math.round((entry.cost * rng.bell(1, 0.12, 0.8, 1.25)) / 50_000) * 50_000;
      const number = entry.type === 'seminar' || entry.type === 'sosialisasi' ? null : `${String(certificate).padStart(5, '0')}/STTPP/${entry.type.toUpperCase()}/${end.slice(0, 4)}`;
      const result = insertTraining(e.id, entry.title, entry.type, entry.provider, start, end, entry.jp, cost, number, viaCatalog ? entry.id : null, now);
      written += 1;
      return Number(result.lastInsertRowid);
    };
    const positions = new Map<number, DemoPosition>(district.positions.map((p) => [p.id, p]));
    const sectorOf = (p: DemoPosition): keyof typeof pools =>
      p.family === 'Guru' || p.family === 'Pengawas Sekolah' ? 'guru'
        : ['Perawat', 'Bidan', 'Dokter', 'Dokter Gigi', 'Apoteker', 'Asisten Apoteker', 'Radiografer', 'Fisioterapis', 'Nutrisionis', 'Sanitarian', 'Epidemiolog Kesehatan', 'Pranata Laboratorium Kesehatan'].includes(p.family ?? '')
          ? 'kesehatan' : 'umum';
    const followed = new Map<number, Set<string>>();
    const follow = (employeeId: number, type: string) => {
      const set = followed.get(employeeId) ?? new Set<string>();
      set.add(type);
      followed.set(employeeId, set);
    };

    for (const [index, e] of district.employees.entries()) {
      const position = positions.get(e.positionId)!;
      const last = minDate(e.statusDate ?? asOf, asOf);
      const pool = pools[sectorOf(position)];
      const diligence = rng.bell(0.62, 0.3, 0.05, 1);
      const firstYear = Math.max(currentYear - 6, Number(e.cpnsTmt.slice(0, 4)));
      for (let year = firstYear; year <= Number(last.slice(0, 4)); year++) {
        const from = maxDate(`${year}-01-01`, e.cpnsTmt);
        const to = minDate(`${year}-12-31`, last);
        if (to <= from) continue;
        const expected = (0.45 + 1.75 * diligence) * (days(from, to) / 365);
        let n = 0;
        for (let p = Math.exp(-expected), acc = p, u = rng.next(); u > acc && n < 6; n++) { p *= expected / (n + 1); acc += p; }
        for (let i = 0; i < n; i++) {
          const entry = rng.pick(pool);
          const length = rng.int(entry.days[0], entry.days[1]);
          // A few trainings run over the year end (by default they count in the year they end).
          if (rng.chance(0.04) && year < Number(last.slice(0, 4))) {
            const start = `${year}-12-${String(rng.int(8, 27)).padStart(2, '0')}`;
            const end = minDate(addDays(start, Math.max(length, 10)), last);
            if (start >= from && end > `${year}-12-31`) { record(e, entry, start, end); continue; }
          }
          const span = days(from, to) - (length - 1);
          if (span < 0) continue;
          const start = addDays(from, rng.int(0, span));
          record(e, entry, start, addDays(start, length - 1));
        }
      }
      // Latsar in the first months of service, for most new CPNS.
      if (e.employmentType !== 'PPPK' && e.cpnsTmt >= `${currentYear - 6}-01-01` && rng.chance(0.88)) {
        const entry = byType('latsar')[e.golongan >= 31 ? 0 : 1];
        const start = addMonths(e.cpnsTmt, rng.int(2, 8));
        const end = addDays(start, rng.int(entry.days[0], entry.days[1]));
        if (end <= last) { record(e, entry, start, end); follow(e.id, 'latsar'); }
      }
      // Leadership training after (an earlier one before) taking a structural post, for most officials.
      const leadership = requiredTrainings({ employmentType: 'PNS', positionLevel: position.level })[0];
      if (leadership && e.status === 'active') {
        const entry = byType(leadership.code)[0];
        if (entry && rng.chance(0.8)) {
          const start = addMonths(e.positionTmt, rng.int(-18, 20));
          const end = addDays(start, rng.int(entry.days[0], entry.days[1]));
          if (end <= asOf && start >= e.cpnsTmt) { record(e, entry, start, end); follow(e.id, entry.type); }
        }
        if ((position.level === 'administrator' || position.level === 'jpt_pratama') && rng.chance(0.75)) {
          const lower = byType(position.level === 'administrator' ? 'pkp' : 'pka')[0];
          const start = addMonths(e.positionTmt, -rng.int(30, 80));
          const end = addDays(start, rng.int(lower.days[0], lower.days[1]));
          if (start >= e.cpnsTmt && end < e.positionTmt) { record(e, lower, start, end); follow(e.id, lower.type); }
        }
      }
      if (job && index % 5000 === 0) {
        job.progress('Menyimpan riwayat diklat', index, district.employees.length);
        await tx.breathe();
        job.throwIfCancelled();
      }
    }

    // Mentoring ------------------------------------------------------------------------------------------------
    const active = district.employees.filter((e) => e.status === 'active');
    const rootOf = new Map(district.units.map((u) => [u.id, u.rootId]));
    const byOpd = new Map<number, DemoEmployee[]>();
    for (const e of active) byOpd.set(rootOf.get(e.unitId)!, [...(byOpd.get(rootOf.get(e.unitId)!) ?? []), e]);
    const seniority = (e: DemoEmployee) => ({ positionLevel: positions.get(e.positionId)!.level, golongan: e.golongan });
    const insertRelation = demoSql.mentoringRelations(tx);
    const insertSession = demoSql.mentoringSessions(tx);
    const pairTarget = Math.max(10, Math.round(active.length * 0.008));
    const opds = [...byOpd.entries()].filter(([, staff]) => staff.length >= 8).sort((a, b) => b[1].length - a[1].length);
    let pairs = 0;
    const pair = (mentor: DemoEmployee, mentee: DemoEmployee, forceActive = false) => {
      const start = firstOfMonth(addMonths(asOf, -rng.int(1, 26)));
      const status = forceActive ? 'aktif' : rng.weighted([['aktif', 68], ['selesai', 27], ['batal', 5]] as const);
      const end = status === 'aktif' ? null : minDate(addMonths(start, rng.int(4, 12)), asOf);
      const relation = insertRelation(mentor.id, mentee.id, rng.pick(GOALS), start, end, status, now);
      const relationId = Number(relation.lastInsertRowid);
      const sessionEnd = end ?? asOf;
      const sessions = status === 'batal' ? rng.int(0, 1) : rng.int(1, 8);
      let date = addDays(start, rng.int(3, 20));
      for (let i = 0; i < sessions && date <= sessionEnd; i++) {
        insertSession(relationId, date, rng.pick(SESSION_NOTES), now);
        written += 1;
        date = addDays(date, rng.int(18, 45));
      }
      pairs += 1;
      written += 1;
    };
    const structuralLevels = new Set(['jpt_pratama', 'administrator', 'pengawas', 'ahli_madya', 'ahli_utama']);
    let heavyMentorDone = false;
    let peerDone = false;
    for (let round = 0; pairs < pairTarget && round < 50; round++) {
      for (const [, staff] of opds) {
        if (pairs >= pairTarget) break;
        const mentors = staff.filter((e) => structuralLevels.has(positions.get(e.positionId)!.level));
        const mentees = staff.filter((e) => !structuralLevels.has(positions.get(e.positionId)!.level));
        if (mentors.length === 0 || mentees.length === 0) continue;
        const mentor = rng.pick(mentors);
        if (!heavyMentorDone && mentees.length >= DEFAULT_MENTEE_LIMIT + 2) {
          // One mentor above the limit, so the load warning has something to show.
          for (const mentee of rng.shuffle([...mentees]).slice(0, DEFAULT_MENTEE_LIMIT + 2)) {
            if (mentorSeniority(seniority(mentor), seniority(mentee)).senior) pair(mentor, mentee, true);
          }
          heavyMentorDone = true;
          continue;
        }
        const mentee = rng.pick(mentees);
        if (mentorSeniority(seniority(mentor), seniority(mentee)).senior) pair(mentor, mentee);
        if (!peerDone && mentees.length > 2) {
          // A peer pairing (same level and golongan): saved, with the seniority warning.
          const peer = mentees.find((m) => m.id !== mentee.id && !mentorSeniority(seniority(m), seniority(mentee)).senior);
          if (peer) { pair(peer, mentee, true); peerDone = true; }
        }
      }
    }

    // Development plans -----------------------------------------------------------------------------------------
    const catalogActivities: CatalogActivity[] = catalog.map((c) => ({ id: c.id, title: c.title, type: c.type, jp: c.jp, estimatedCost: c.cost, competencyId: c.competencyId, active: true }));
    const standardOf = new Map<number, StandardCompetency[]>();
    const standardStatement = demoSql.positionStandard(tx);
    const currentStatement = demoSql.currentLevels(tx);
    const insertPlan = demoSql.developmentPlans(tx);
    const insertItem = demoSql.developmentPlanItems(tx);
    const catalogById = new Map(catalog.map((c) => [c.id, c]));
    const planTarget = Math.max(25, Math.round(active.length * 0.02));
    const candidates = rng.shuffle(active.filter((e) => e.employmentType !== 'PPPK')).sort((a, b) => {
      // Structural officials first (IDP is where their missing leadership training shows), then the others.
      const rank = (e: DemoEmployee) => (['jpt_pratama', 'administrator', 'pengawas'].includes(positions.get(e.positionId)!.level) ? 0 : 1);
      return rank(a) - rank(b);
    });
    const plannedCost = new Map<string, number>();
    let plans = 0;
    for (const e of candidates) {
      if (plans >= planTarget) break;
      const position = positions.get(e.positionId)!;
      let standard = standardOf.get(position.id);
      if (!standard) {
        standard = standardStatement(position.id)
          .map((r) => ({ competencyId: r.competency_id, code: r.code, name: r.name, requiredLevel: r.required_level }));
        standardOf.set(position.id, standard);
      }
      const current = new Map(currentStatement(e.id).map((r) => [r.competency_id, r.level]));
      const missing = missingRequiredTrainings(requiredTrainings({ employmentType: e.employmentType, positionLevel: position.level }), followed.get(e.id) ?? []);
      // Half of the plans are last year's (mostly done), half this year's.
      const year = plans % 3 === 0 ? currentYear - 1 : currentYear;
      const planToday = year < currentYear ? `${year}-01-15` : `${currentYear}-01-15`;
      const proposal = proposeDevelopmentPlan({ year, today: planToday, standard, current, catalog: catalogActivities, missingTrainings: missing });
      // Everyone gets at least one activity: people with no gap get a broadening activity from the catalogue.
      const items = proposal.items.length > 0 ? proposal.items.slice(0, 4) : [];
      if (items.length === 0) continue;
      const created = `${year}-01-${String(rng.int(10, 31)).padStart(2, '0')}T02:00:00.000Z`;
      const plan = insertPlan(e.id, year, rng.chance(0.3) ? 'Disusun bersama atasan langsung setelah penilaian kinerja.' : null, created, now);
      const planId = Number(plan.lastInsertRowid);
      plans += 1;
      written += 1;
      const budgetKey = `${year}:${rootOf.get(e.unitId)}`;
      for (const item of items) {
        const due = item.targetDate;
        const past = due <= asOf;
        let status = past ? rng.weighted([['selesai', 70], ['berjalan', 18], ['direncanakan', 6], ['batal', 6]] as const)
          : rng.weighted([['direncanakan', 60], ['berjalan', 30], ['selesai', 10]] as const);
        let recordId: number | null = null;
        if (status === 'selesai') {
          const entry = item.catalogId ? catalogById.get(item.catalogId) : undefined;
          if (entry) {
            const end = minDate(addDays(due, -rng.int(0, 40)), asOf);
            const start = addDays(end, -(rng.int(entry.days[0], entry.days[1]) - 1));
            if (start >= e.cpnsTmt) { recordId = record(e, entry, start, end); follow(e.id, entry.type); }
            else status = 'berjalan';
          }
        }
        if (status !== 'batal') plannedCost.set(budgetKey, (plannedCost.get(budgetKey) ?? 0) + item.estimatedCost);
        insertItem(planId, item.competencyId, item.requirement, item.currentLevel, item.targetLevel, item.activity, item.catalogId, item.jp,
          item.estimatedCost, due, status, recordId, now);
        written += 1;
      }
    }

    // Budget ceilings: most OPD have one for this year and last; a few are set below what their plans cost.
    const insertBudget = demoSql.budgets(tx);
    const roots = district.units.filter((u) => u.parentId === null);
    for (const year of [currentYear - 1, currentYear]) {
      for (const unit of roots) {
        if (!rng.chance(0.8)) continue;
        const planned = plannedCost.get(`${year}:${unit.id}`) ?? 0;
        const factor = rng.chance(0.2) ? rng.bell(0.7, 0.1, 0.5, 0.9) : rng.bell(1.6, 0.4, 1.1, 2.5);
        const ceiling = Math.max(25_000_000, Math.round((planned * factor) / 5_000_000) * 5_000_000);
        insertBudget(unit.id, year, ceiling, now);
        written += 1;
      }
    }

    job?.progress('Menghitung JP per tahun', 0, 1);
    await refreshDerived(bulkRun(tx), 'training_record', 'all');
    return written;
  },
};
