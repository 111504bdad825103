// The career administration lists read only the people who can appear in them (the promotion candidates by the
// time rule with the SKP of the period's two years, the Satyalancana population by TMT CPNS and their records by
// the employee index; the Beranda count of Satyalancana only those who reach a class in its window). Each answer is
// compared here with the straightforward computation: every active PNS (and CPNS) judged by the shared rule with
// every record on file, on a demo district with hand-made people at the edges (exactly 4 years in rank and a day
// short, a hukuman disiplin running on the TMT and one ending the day before, SKP missing; 10, 20 and 30 years to the
// day at both ends of the window, the 29th of February, a CLTN and a hukuman disiplin in the counted time, a class
// already held), under both interruption settings.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careerListRulesOf, disciplineRulesOf } from '../../main/services/development/career-rules.settings';
import type { JenjangHost } from '../../main/host';
import { managerRun } from '../../main/db/sql/run';
import { disciplineBlock, satyalancanaReachedInYear, type DisciplineKind, type DisciplineRecord, type SatyalancanaClass } from '../../shared/domain/careers';
import { addDays, addMonths } from '../../shared/domain/dates';
import { assessRegularPromotion, PROMOTION_DATA_REASONS, promotionSkpYears, type AnnualSkp } from '../../shared/domain/development';
import { atCurrentVersion } from '../helpers/settings-version';
import { expectOk, openTestHost, tempDir } from '../helpers/temp-db';

const NOW = '2026-01-05T00:00:00.000Z';

describe('career administration lists against the straightforward computation', () => {
  const dir = tempDir();
  let host: JenjangHost;
  // Through a Run, so the `?` placeholders also reach PostgreSQL (JENJANG_TEST_HOST_DB=postgres) numbered.
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await managerRun(host.services.dataSource)(sql, params)) as T[];
  const lists = () => host.services.careers.entitlements;

  /** Every class reached in `year` by every active PNS and CPNS, judged with every record on file. */
  async function satyalancanaEverybody(year: number) {
    const rules = careerListRulesOf(expectOk(await host.call('careers:rules', {}))).satyalancana;
    const people = await q<{ id: number; nip: string; employment_type: string; cpns_tmt: string | null }>(
      `SELECT id, nip, employment_type, cpns_tmt FROM employee WHERE status = 'active' AND employment_type IN ('PNS', 'CPNS')`);
    const group = <T>(rows: Array<{ employee_id: number } & T>) => {
      const out = new Map<number, T[]>();
      for (const r of rows) out.set(r.employee_id, [...(out.get(r.employee_id) ?? []), r]);
      return out;
    };
    const cltn = group(await q<{ employee_id: number; start_date: string; end_date: string | null }>('SELECT employee_id, start_date, end_date FROM cltn_period'));
    const discipline = group(await q<{ employee_id: number; kind: string; start_date: string; end_date: string | null }>('SELECT employee_id, kind, start_date, end_date FROM discipline_record'));
    const held = group(await q<{ employee_id: number; class: string }>(`SELECT employee_id, class FROM honor_award WHERE kind = 'satyalancana_karya_satya'`));
    const rows: string[] = [];
    for (const p of people) {
      const facts = {
        employmentType: p.employment_type, status: 'active', cpnsTmt: p.cpns_tmt,
        cltn: (cltn.get(p.id) ?? []).map((c) => ({ start: c.start_date, end: c.end_date })),
        discipline: (discipline.get(p.id) ?? []).map((d) => ({ kind: d.kind as DisciplineKind, startDate: d.start_date, endDate: d.end_date })),
        held: (held.get(p.id) ?? []).map((h) => h.class as SatyalancanaClass),
      };
      for (const a of satyalancanaReachedInYear(facts, year, rules)) {
        if (a.status !== 'eligible' && a.status !== 'blocked') continue;
        const reachedOn = a.status === 'eligible' ? a.reachedOn : a.serviceYearsOn;
        rows.push(JSON.stringify([p.id, a.class, a.status, reachedOn, a.proposeWith, a.reasons]));
      }
    }
    return rows.sort();
  }

  async function satyalancanaListed(year: number) {
    const { rows } = await lists().satyalancanaJudged({ year });
    return rows.map((r) => JSON.stringify([r.employeeId, r.class, r.status, r.reachedOn, r.proposeWith, r.reasons])).sort();
  }

  /** The eligible reaching a class after `from`, up to `to`, counted from the lists of every active PNS and CPNS. */
  async function satyalancanaCountEverybody(from: string, to: string) {
    let n = 0;
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
      for (const row of await satyalancanaEverybody(year)) {
        const [, , status, reachedOn] = JSON.parse(row) as [number, string, string, string];
        if (status === 'eligible' && reachedOn > from && reachedOn <= to) n += 1;
      }
    }
    return n;
  }

  const windows: Array<[string, string]> = [
    ['2026-11-24', '2027-02-24'], ['2026-02-27', '2026-02-28'], ['2026-02-28', '2026-03-31'], ['2025-12-31', '2026-03-31'],
    ['2026-10-01', '2027-01-01'], ['2027-09-30', '2027-12-31'], ['2027-12-31', '2028-03-31'], ['2028-02-28', '2028-05-29'],
  ];

  let people: Array<{ id: number; nip: string }>;
  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 400, seed: 13 });
    people = await q<{ id: number; nip: string }>(`SELECT id, nip FROM employee WHERE status = 'active' AND employment_type = 'PNS' ORDER BY id LIMIT 16`);
    const ids = people.map((p) => p.id).join(',');
    for (const table of ['cltn_period', 'discipline_record', 'honor_award']) await q(`DELETE FROM ${table} WHERE employee_id IN (${ids})`);
    const cpns = (i: number, date: string) => q(`UPDATE employee SET cpns_tmt = ? WHERE id = ?`, [date, people[i].id]);
    // The window of the Beranda on the test day: after 24 November 2026, up to 24 February 2027.
    await cpns(0, '2016-11-24'); // X on the first day of the window: not after it
    await cpns(1, '2016-11-25'); // X the day after
    await cpns(2, '2017-02-24'); // X on the last day
    await cpns(3, '2017-02-25'); // X the day after the window
    await cpns(4, '2006-12-31'); // XX, X held
    await q(`INSERT INTO honor_award (employee_id, kind, class) VALUES (?, 'satyalancana_karya_satya', 'X')`, [people[4].id]);
    await cpns(5, '1997-01-15'); // XXX in the window, a CLTN in the counted time
    await q(`INSERT INTO cltn_period (employee_id, start_date, end_date) VALUES (?, '2000-01-01', '2000-12-31')`, [people[5].id]);
    await cpns(6, '2016-12-01'); // X in the window, a hukuman disiplin sedang running
    await q(`INSERT INTO discipline_record (employee_id, kind, start_date, created_at) VALUES (?, 'potongan_tukin_12', '2026-06-01', ?)`, [people[6].id, NOW]);
    await cpns(7, '2016-02-29'); // X on 28 February 2026
    await cpns(8, '1998-02-28'); // XXX on 28 February 2028
    await cpns(9, '2008-02-29'); // XX on 28 February 2028
    await cpns(10, '2017-12-31'); // X on the last day of 2027
    await cpns(11, '2018-01-01'); // X on the first day of 2028
    await cpns(12, '2016-12-15'); // X in the window, a hukuman disiplin ringan (does not block)
    await q(`INSERT INTO discipline_record (employee_id, kind, start_date, created_at) VALUES (?, 'teguran_tertulis', '2026-03-01', ?)`, [people[12].id, NOW]);
    await cpns(13, '2007-01-10'); // XX in the window, a CLTN still running
    await q(`INSERT INTO cltn_period (employee_id, start_date, end_date) VALUES (?, '2026-09-01', NULL)`, [people[13].id]);
  }, 120_000);
  afterAll(() => host.close());

  for (const interruption of ['block', 'restart'] as const) {
    describe(`with interruptions set to '${interruption}'`, () => {
      beforeAll(async () => {
        expectOk(await host.call('careers:updateRules', await atCurrentVersion(host, 'careers:updateRules', { satyalancanaInterruption: interruption })));
      });

      it('lists the Satyalancana of a year as judging every active PNS and CPNS does', async () => {
        for (const year of [2016, 2026, 2027, 2028]) {
          const everybody = await satyalancanaEverybody(year);
          expect(await satyalancanaListed(year)).toEqual(everybody);
          if (year >= 2026) expect(everybody.length).toBeGreaterThan(0);
        }
      });

      it('counts the Satyalancana reached in a window as the lists of its years do', async () => {
        for (const [from, to] of windows) {
          expect(await lists().satyalancanaReachedBetween(from, to), `${from} – ${to}`).toBe(await satyalancanaCountEverybody(from, to));
        }
        const due = expectOk(await host.call('careers:dueSoon', {}));
        expect(due.satyalancana).toBe(await satyalancanaCountEverybody('2026-11-24', '2027-02-24'));
      });
    });
  }

  describe('the regular promotion list', () => {
    /** The regular KP of `period` for every active PNS, judged with every annual SKP and hukuman disiplin on file. */
    async function regularEverybody(period: string) {
      const settings = expectOk(await host.call('development:settings', {}));
      const rules = disciplineRulesOf(expectOk(await host.call('careers:rules', {})));
      const skpYears = promotionSkpYears(period, { deadlineMonths: settings.promotionDeadlineMonths, skpFinalMonth: settings.skpFinalMonth });
      const people = await q<{ id: number; golongan: number | null; golongan_tmt: string | null; education_level: string | null }>(
        `SELECT id, golongan, golongan_tmt, education_level FROM employee WHERE status = 'active' AND employment_type = 'PNS'`);
      const skp = new Map<number, AnnualSkp[]>();
      for (const r of await q<{ employee_id: number; year: number; predikat: string | null; regime: string | null; legacy_score: number | null; legacy_label: string | null }>(
        `SELECT employee_id, year, predikat, regime, legacy_score, legacy_label FROM performance_evaluation WHERE period = 'tahunan'`)) {
        skp.set(r.employee_id, [...(skp.get(r.employee_id) ?? []), { year: r.year, predikat: r.predikat, regime: r.regime, legacyScore: r.legacy_score, legacyLabel: r.legacy_label }]);
      }
      const discipline = new Map<number, DisciplineRecord[]>();
      for (const d of await q<{ employee_id: number; kind: string; start_date: string; end_date: string | null }>('SELECT employee_id, kind, start_date, end_date FROM discipline_record')) {
        discipline.set(d.employee_id, [...(discipline.get(d.employee_id) ?? []), { kind: d.kind as DisciplineKind, startDate: d.start_date, endDate: d.end_date }]);
      }
      const rows: string[] = [];
      for (const p of people) {
        if (p.golongan === null) continue;
        const a = assessRegularPromotion({ employmentType: 'PNS', status: 'active', golongan: p.golongan, golonganTmt: p.golongan_tmt, educationLevel: p.education_level, skp: skp.get(p.id) ?? [] }, period, skpYears);
        if (a.status !== 'eligible' && a.status !== 'blocked') continue;
        const reasons = [...a.reasons];
        const block = disciplineBlock(discipline.get(p.id) ?? [], period, 'kp', rules);
        if (block.blocked) reasons.push({ code: 'discipline', message: block.message });
        const missingDataOnly = reasons.length > 0 && reasons.every((x) => PROMOTION_DATA_REASONS.includes(x.code));
        rows.push(JSON.stringify([p.id, reasons.length === 0 ? 'eligible' : 'blocked', a.targetGolongan, a.monthsInRank, reasons, missingDataOnly]));
      }
      return rows.sort();
    }

    async function regularListed(period: string) {
      const { rows } = await host.services.careers.promotionCandidates({ period, status: 'all' });
      return rows.filter((r) => r.kind === 'reguler').map((r) => JSON.stringify([r.employeeId, r.status, r.targetGolongan, r.monthsInRank, r.reasons, r.missingDataOnly])).sort();
    }

    const period = '2027-01-01';
    let edge: number[];
    beforeAll(async () => {
      edge = (await q<{ id: number }>(`SELECT id FROM employee WHERE status = 'active' AND employment_type = 'PNS' ORDER BY id DESC LIMIT 6`)).map((r) => r.id);
      const set = (id: number, golongan: number, tmt: string | null, education: string) =>
        q(`UPDATE employee SET golongan = ?, golongan_tmt = ?, education_level = ? WHERE id = ?`, [golongan, tmt, education, id]);
      await set(edge[0], 33, addMonths(period, -48), 'S1'); // 4 years in rank to the day
      await set(edge[1], 33, addDays(addMonths(period, -48), 1), 'S1'); // a day short
      await set(edge[2], 32, addMonths(period, -24), 'SPESIALIS_1'); // the Dokter Spesialis I step
      await set(edge[3], 31, null, 'S1'); // no TMT golongan
      // Six months of pemotongan tunjangan kinerja: from the day after "6 months before the TMT" they run on it; from
      // that day itself they end the day before.
      await set(edge[4], 33, '2020-01-01', 'S1');
      await set(edge[5], 33, '2020-01-01', 'S1');
      for (const id of edge) await q(`DELETE FROM discipline_record WHERE employee_id = ?`, [id]);
      await q(`INSERT INTO discipline_record (employee_id, kind, start_date, created_at) VALUES (?, 'potongan_tukin_6', ?, ?)`, [edge[4], addDays(addMonths(period, -6), 1), NOW]);
      await q(`INSERT INTO discipline_record (employee_id, kind, start_date, created_at) VALUES (?, 'potongan_tukin_6', ?, ?)`, [edge[5], addMonths(period, -6), NOW]);
      await q(`DELETE FROM performance_evaluation WHERE employee_id = ? AND period = 'tahunan' AND year = (SELECT MAX(year) FROM performance_evaluation WHERE employee_id = ? AND period = 'tahunan')`, [edge[0], edge[0]]);
    });

    it('judges the candidates of a period as judging every active PNS does', async () => {
      for (const p of [period, '2026-10-01', '2024-04-01']) {
        const everybody = await regularEverybody(p);
        expect(everybody.length).toBeGreaterThan(10);
        expect(await regularListed(p)).toEqual(everybody);
      }
    });

    it('judges the hand-made people at the edges', async () => {
      const { rows } = await host.services.careers.promotionCandidates({ period, status: 'all' });
      const of = (id: number) => rows.find((r) => r.employeeId === id && r.kind === 'reguler');
      expect(of(edge[0])?.reasons.map((r) => r.code)).toContain('skp_missing');
      expect(of(edge[0])?.monthsInRank).toBe(48);
      expect(of(edge[1])).toBeUndefined();
      expect(of(edge[2])?.targetGolongan).toBe(33);
      expect(of(edge[3])?.reasons.map((r) => r.code)).toContain('data_incomplete');
      expect(of(edge[4])?.reasons.map((r) => r.code)).toContain('discipline');
      expect(of(edge[5])!.reasons.map((r) => r.code)).not.toContain('discipline');
    });

    it('judges again after edits of the facts the rule reads (verdicts are kept across writes, per set of facts)', async () => {
      // Judged once, so the verdicts of this period are kept; then people take facts nobody had (a TMT golongan on
      // no period's first day), facts someone else had (another person's), and lose or gain an SKP.
      await regularListed(period);
      const [a, b, c] = (await q<{ id: number }>(`SELECT id FROM employee WHERE status = 'active' AND employment_type = 'PNS' AND golongan BETWEEN 21 AND 34 ORDER BY id LIMIT 3`)).map((r) => r.id);
      const [donor] = await q<{ golongan: number; golongan_tmt: string; education_level: string }>(
        `SELECT golongan, golongan_tmt, education_level FROM employee WHERE id = ?`, [edge[4]]);
      await q(`UPDATE employee SET golongan_tmt = ? WHERE id = ?`, ['2019-03-17', a]);
      await q(`UPDATE employee SET golongan = ?, golongan_tmt = ?, education_level = ? WHERE id = ?`, [donor.golongan, donor.golongan_tmt, donor.education_level, b]);
      await q(`DELETE FROM performance_evaluation WHERE employee_id = ? AND period = 'tahunan'`, [c]);
      const everybody = await regularEverybody(period);
      expect(everybody.some((row) => JSON.parse(row)[0] === a)).toBe(true);
      expect(await regularListed(period)).toEqual(everybody);
    });

    it('counts the eligible of a period without the list as the full list does', async () => {
      // A write empties the cached lists: the count reads only the candidates who can be eligible.
      const touch = () => q(`INSERT INTO app_setting (key, value, updated_at) VALUES ('test.touch', ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, [String(Math.random()), NOW]);
      for (const asOf of ['2026-11-24', '2026-07-15', '2024-01-10', '2027-03-31']) {
        await touch();
        const counted = await host.services.careers.eligibleNextPeriod(asOf);
        await touch();
        const list = await host.services.careers.promotionCandidates({ status: 'all' }, asOf);
        expect(counted, asOf).toEqual({ period: list.period, eligible: list.rows.filter((r) => r.status === 'eligible').length });
        expect(counted.eligible).toBeGreaterThan(0);
      }
      await q(`DELETE FROM app_setting WHERE key = 'test.touch'`);
    });

    it('counts on the Beranda the eligible its list shows', async () => {
      const due = expectOk(await host.call('careers:dueSoon', {}));
      const list = expectOk(await host.call('careers:promotionList', { status: 'eligible', limit: 1 }));
      expect(due.promotion).toEqual({ period: list.period, eligible: list.counts.eligible });
      expect(list.counts.eligible).toBeGreaterThan(0);
    });
  });

  it('counts the hand-made people at the edges of the Beranda window', async () => {
    expectOk(await host.call('careers:updateRules', await atCurrentVersion(host, 'careers:updateRules', { satyalancanaInterruption: 'block' })));
    const inWindow = async (i: number) => {
      const rows = [...(await lists().satyalancanaJudged({ year: 2026 })).rows, ...(await lists().satyalancanaJudged({ year: 2027 })).rows];
      return rows.some((r) => r.employeeId === people[i].id && r.status === 'eligible' && r.reachedOn > '2026-11-24' && r.reachedOn <= '2027-02-24');
    };
    expect(await Promise.all([0, 1, 2, 3, 4, 5, 6, 12, 13].map(inWindow))).toEqual([false, true, true, false, true, false, false, true, false]);
  });
});
