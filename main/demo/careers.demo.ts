// Demo career administration records, deterministic from the seed, so the profile's Administrasi Karier and the
// lists built on these tables are not empty on first start:
// - hukuman disiplin for about 1.5 % of active PNS (at least 4): every third a pemotongan tunjangan kinerja begun in
//   the last 5 months (running now), the others teguran, pemotongan, now and then a penurunan or pembebasan jabatan
//   with TMTs in the last 2½ years;
// - KGB notices for every active PNS over their last two rank periods, stepped from each KP decree of the rank
//   history by the KGB rule itself (kgb.ts nextKgbAfter: MKG odd for golongan I–II, even for III–IV);
// - tugas belajar (S-2, APBD) running for 7 to 18 months, for about 4 % of structural officials holding a S-1 (at
//   least one, flagged for release from the position) and 1 % of the others; finished izin belajar for about 1.5 %;
// - CLTN for about 0.3 % (at least 2; the first running now, the others ended years ago);
// - Satyalancana Karya Satya X/XX/XXX held by most of those who reached 10/20/30 years of service before last
//   year, given on 17 August as the decrees are.

import { addDays, addMonths, toIsoDate, type IsoDate } from '../../shared/domain/dates';
import { DEFAULT_KGB_RULES, nextKgbAfter } from '../../shared/domain/careers/kgb';
import { SATYALANCANA_CLASSES } from '../../shared/domain/careers/satyalancana';
import { refreshDerived } from '../db/derived';
import { sqlite } from '../db/sql';
import { bulkRun } from '../db/sql/run';
import type { DemoRankHistory } from './district';
import type { DemoExtension } from './extensions';
import { Random } from './random';

const DISCIPLINE_KINDS = [
  ['teguran_tertulis', 30], ['pernyataan_tidak_puas', 10], ['potongan_tukin_6', 20], ['potongan_tukin_9', 15], ['potongan_tukin_12', 12],
  ['penurunan_jabatan', 8], ['pembebasan_jabatan', 5],
] as const;
const DISCIPLINE_NOTES = ['Tidak masuk kerja tanpa alasan yang sah', 'Tidak menaati ketentuan jam kerja', 'Tidak mencapai target kinerja', 'Menyalahgunakan wewenang'];
const UNIVERSITIES = ['Universitas Padjadjaran', 'Universitas Gadjah Mada', 'Universitas Indonesia', 'Institut Pertanian Bogor', 'Universitas Diponegoro', 'Universitas Terbuka'];
const MASTERS = ['Magister Administrasi Publik', 'Magister Manajemen', 'Magister Kesehatan Masyarakat', 'Magister Ilmu Hukum', 'Magister Perencanaan Wilayah dan Kota'];
const BACHELORS = ['Ilmu Administrasi Negara', 'Manajemen', 'Akuntansi', 'Ilmu Hukum', 'Keperawatan'];
const STRUCTURAL_KINDS = new Set(['jpt', 'administrator', 'pengawas']);

const firstOfMonth = (date: IsoDate) => `${date.slice(0, 7)}-01`;

export const careersDemo: DemoExtension = {
  name: 'careers',
  async write({ tx, district, seed, now, job }) {
    const rng = new Random(seed * 31 + 17);
    const run = bulkRun(tx);
    const sql = sqlite.careerRecords;
    const asOf = district.asOf;
    const positions = new Map(district.positions.map((p) => [p.id, p]));
    const ranks = new Map<number, DemoRankHistory[]>();
    for (const r of district.rankHistory) {
      const list = ranks.get(r.employeeId) ?? [];
      list.push(r);
      ranks.set(r.employeeId, list);
    }
    let written = 0;
    let decree = 0;
    const decreeNumber = (prefix: string, date: IsoDate) => `${prefix}/${String(++decree).padStart(4, '0')}/BKPSDM/${date.slice(0, 4)}`;
    /** A share of `items` (at least `min` of them, so a small district has a handful too), drawn by the seed. */
    const sample = <T>(items: readonly T[], share: number, min: number): T[] => {
      const pool = [...items];
      const n = Math.min(pool.length, Math.max(min, Math.round(pool.length * share)));
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(rng.next() * (pool.length - i));
        [pool[i], pool[j]] = [pool[j], pool[i]];
      }
      return pool.slice(0, n);
    };
    const pns = district.employees.filter((e) => e.status === 'active' && e.employmentType === 'PNS');
    const structural = (e: (typeof pns)[number]) => STRUCTURAL_KINDS.has(positions.get(e.positionId)?.kind ?? '');

    // Hukuman disiplin: every third a pemotongan tunjangan kinerja that began in the last 5 months (running now).
    for (const [i, employee] of sample(pns, 0.015, 4).entries()) {
      const running = i % 3 === 0;
      const kind = running ? rng.pick(['potongan_tukin_6', 'potongan_tukin_9', 'potongan_tukin_12'] as const) : rng.weighted(DISCIPLINE_KINDS);
      const start = firstOfMonth(addMonths(asOf, running ? -rng.int(1, 5) : -rng.int(6, 30)));
      if (start <= employee.cpnsTmt) continue;
      await sql.insertDiscipline(run, {
        employeeId: employee.id, kind, startDate: start, endDate: null, decreeNumber: decreeNumber('862', start), decreeDate: addDays(start, -rng.int(7, 20)),
        note: rng.pick(DISCIPLINE_NOTES), createdAt: now,
      });
      written++;
    }

    // KGB over the last two rank periods of every active PNS, each stepped from its KP decree until the next KP or today.
    for (const [index, employee] of pns.entries()) {
      const history = (ranks.get(employee.id) ?? []).filter((r) => r.mkYears !== null).sort((a, b) => (a.tmt < b.tmt ? -1 : 1));
      for (let i = Math.max(0, history.length - 2); i < history.length; i++) {
        const kp = history[i];
        const until = history[i + 1]?.tmt ?? addDays(asOf, 1);
        const group = Math.floor(kp.golongan / 10) as 1 | 2 | 3 | 4;
        let basis = { source: 'kp' as const, tmt: kp.tmt, mkgYears: kp.mkYears!, mkgMonths: kp.mkMonths ?? 0 };
        for (;;) {
          const next = nextKgbAfter(basis, group);
          if (next.dueDate >= until || next.mkgYears > DEFAULT_KGB_RULES.maxMkgYears[group]) break;
          await sql.insertKgb(run, {
            employeeId: employee.id, tmt: next.dueDate, mkgYears: next.mkgYears, mkgMonths: 0, golongan: kp.golongan,
            decreeNumber: decreeNumber('822.2', next.dueDate), decreeDate: addDays(next.dueDate, -rng.int(20, 45)), createdAt: now,
          });
          written++;
          basis = { source: 'kp', tmt: next.dueDate, mkgYears: next.mkgYears, mkgMonths: 0 };
        }
      }
      if (job && index % 5000 === 0) {
        job.progress('Menyimpan riwayat KGB', index, pns.length);
        await tx.breathe();
        job.throwIfCancelled();
      }
    }

    // Tugas belajar S-2 running for 7 to 18 months: a structural official among them is flagged for release.
    const bachelors = pns.filter((e) => e.educationLevel === 'S1');
    for (const employee of [...sample(bachelors.filter(structural), 0.04, 1), ...sample(bachelors.filter((e) => !structural(e)), 0.01, 2)]) {
      const start = firstOfMonth(addMonths(asOf, -rng.int(7, 18)));
      if (start <= employee.cpnsTmt) continue;
      await sql.insertStudy(run, {
        employeeId: employee.id, basis: 'tugas_belajar', institution: rng.pick(UNIVERSITIES), programme: rng.pick(MASTERS), level: 'S2',
        startDate: start, endDate: addDays(addMonths(start, 24), -1), status: 'berjalan', funding: 'APBD Kabupaten', izinDate: null, graduationDate: null, createdAt: now,
      });
      written++;
    }
    // Izin belajar finished some years ago, at own cost.
    for (const employee of sample(pns.filter((e) => e.educationLevel === 'S1' || e.educationLevel === 'D3' || e.educationLevel === 'SLTA'), 0.015, 2)) {
      const start = toIsoDate(Number(asOf.slice(0, 4)) - rng.int(4, 8), 9, 1);
      const end = addDays(addMonths(start, employee.educationLevel === 'S1' ? 24 : 48), -1);
      if (start <= employee.cpnsTmt || end >= asOf) continue;
      await sql.insertStudy(run, {
        employeeId: employee.id, basis: 'izin_belajar', institution: rng.pick(UNIVERSITIES),
        programme: employee.educationLevel === 'S1' ? rng.pick(MASTERS) : rng.pick(BACHELORS), level: employee.educationLevel === 'S1' ? 'S2' : 'S1',
        startDate: start, endDate: end, status: 'selesai', funding: 'Biaya sendiri', izinDate: addMonths(start, -2), graduationDate: addDays(end, rng.int(10, 60)), createdAt: now,
      });
      written++;
    }

    // CLTN: the first running now, the others ended years ago.
    for (const [i, employee] of sample(pns, 0.003, 2).entries()) {
      const running = i === 0;
      const start = firstOfMonth(addMonths(asOf, running ? -rng.int(1, 10) : -rng.int(36, 120)));
      if (start <= employee.cpnsTmt) continue;
      await sql.insertCltn(run, {
        employeeId: employee.id, startDate: start, endDate: addDays(addMonths(start, running ? 12 : rng.int(12, 36)), -1), decreeNumber: decreeNumber('851', start), createdAt: now,
      });
      written++;
    }

    // Satyalancana Karya Satya held: most of those who reached the years before last year, given on 17 August.
    for (const employee of pns) {
      for (const award of SATYALANCANA_CLASSES) {
        const year = Number(addMonths(employee.cpnsTmt, award.years * 12).slice(0, 4)) + 1;
        if (year >= Number(asOf.slice(0, 4)) || !rng.chance(0.8)) continue;
        await sql.insertHonor(run, { employeeId: employee.id, class: award.code, decreeNumber: `${rng.int(30, 120)}/TK/${year}`, decreeDate: toIsoDate(year, 8, 17), createdAt: now });
        written++;
      }
    }
    await refreshDerived(run, ['discipline_record', 'kgb_record'], 'all');
    return written;
  },
};
