import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDerived } from '../../main/db/derived';
import { Random } from '../../main/demo/random';
import type { JenjangHost } from '../../main/host';
import type { Run } from '../../main/db/sql/run';
import { computeJpm } from '../../shared/domain/jpm';
import { boxNumber, type KinerjaAxis, type PotensiAxis } from '../../shared/domain/talent';
import { expectOk, openTestHost, queryOn, runOn, tempDir } from '../helpers/temp-db';

// succession_employee_facts is derived from other capabilities' tables and kept on write: after any sequence
// of writes, each followed by refreshDerived for the employees it touched, it must equal a full recompute,
// and it must say what a direct reading of the source rows says.
describe('succession_employee_facts (derived, kept on write)', () => {
  const dir = tempDir();
  let host: JenjangHost;
  // Written once for both databases (the PostgreSQL pass runs this file on a server too).
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryOn<T>(host, sql, params);
  let run: Run;
  const snapshot = () => q('SELECT * FROM succession_employee_facts ORDER BY employee_id');
  const now = '2026-11-24T08:00:00.000Z';
  /** A new annual SKP replaces the year's old one (as SQLite's INSERT OR REPLACE did: the old row goes). */
  const replaceAnnualSkp = (employeeId: number, year: number) => q(`DELETE FROM performance_evaluation WHERE employee_id = ? AND year = ? AND period = 'tahunan'`, [employeeId, year]);

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 400, seed: 9, demoExtensions: ['succession'] });
    run = runOn(host);
  });
  afterAll(() => host.close());

  it('equals a full recompute after many writes refreshed one by one, and matches the source rows', async () => {
    const rng = new Random(77);
    const ids = (await q<{ id: number }>(`SELECT id FROM employee ORDER BY id`)).map((r) => r.id);
    const some = () => rng.shuffle([...ids]).slice(0, 40);
    await q(`INSERT INTO talent_session (id, year, name, status, created_by, created_at) VALUES (1, 2024, 'Sidang 2024', 'ditetapkan', 't', ?), (2, 2025, 'Sidang 2025', 'draft', 't', ?), (3, 2025, 'Sidang 2025 B', 'ditetapkan', 't', ?)`, [now, now, now]);

    for (let round = 0; round < 6; round++) {
      const touched = some();
      for (const id of touched) {
        const action = rng.int(0, 4);
        if (action === 0) {
          const year = rng.int(2019, 2025);
          await replaceAnnualSkp(id, year);
          await q(`INSERT INTO performance_evaluation (employee_id, year, period, regime, predikat, legacy_label, source, created_at) VALUES (?, ?, 'tahunan', ?, ?, ?, 't', ?)`,
            [id, year, year < 2022 ? 'PP46_2011' : 'PMPANRB6_2022', year < 2022 ? null : rng.pick(['sangat_baik', 'baik', 'butuh_perbaikan']), year < 2022 ? rng.pick(['Baik', 'Cukup']) : null, now]);
          await refreshDerived(run, 'performance_evaluation', [id]);
        } else if (action === 1) {
          await q(`INSERT INTO talent_placement (session_id, employee_id, year, kinerja_axis, potensi_axis, computed_box, calibrated_box, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
            [rng.int(1, 3), id, 2024, rng.pick(['di_bawah', 'sesuai', 'di_atas']), rng.pick(['rendah', 'menengah', 'tinggi']), rng.int(1, 9), rng.chance(0.3) ? rng.int(1, 9) : null, now]);
          await q(`UPDATE talent_placement SET year = (SELECT year FROM talent_session s WHERE s.id = talent_placement.session_id) WHERE employee_id = ?`, [id]);
          await refreshDerived(run, 'talent_placement', [id]);
        } else if (action === 2) {
          await q(`INSERT INTO training_record (employee_id, title, type, start_date, end_date, jp, source, created_at) VALUES (?, 'x', ?, '2024-01-01', '2024-02-01', 30, 't', ?)`,
            [id, rng.pick(['pkp', 'pka', 'pkn_2', 'teknis', 'seminar']), now]);
          await refreshDerived(run, 'training_record', [id]);
        } else if (action === 3) {
          await q(`DELETE FROM training_record WHERE id = (SELECT MIN(id) FROM training_record WHERE employee_id = ?)`, [id]);
          await refreshDerived(run, 'training_record', [id]);
        } else {
          // A potential assessment: with an SKP it gives talent axes, whose box counts until the Komite places the person.
          const year = rng.int(2022, 2025);
          await q(`INSERT INTO potential_assessment (employee_id, assessed_on, level, source, created_at) VALUES (?, ?, ?, 't', ?)`,
            [id, `${year}-06-01`, rng.pick(['rendah', 'menengah', 'tinggi']), now]);
          await replaceAnnualSkp(id, year);
          await q(`INSERT INTO performance_evaluation (employee_id, year, period, regime, predikat, source, created_at) VALUES (?, ?, 'tahunan', 'PMPANRB6_2022', ?, 't', ?)`,
            [id, year, rng.pick(['sangat_baik', 'baik', 'butuh_perbaikan']), now]);
          await refreshDerived(run, ['potential_assessment', 'performance_evaluation'], [id]);
        }
      }
      if (round === 3) {
        // The Komite fixes the draft session: its people's "provisional" flag must follow.
        const members = (await q<{ employee_id: number }>('SELECT employee_id FROM talent_placement WHERE session_id = 2')).map((r) => r.employee_id);
        await q(`UPDATE talent_session SET status = 'ditetapkan' WHERE id = 2`);
        await refreshDerived(run, 'talent_session', members);
      }
    }

    const incremental = await snapshot();
    expect(incremental.length).toBeGreaterThan(50);
    await refreshDerived(run, 'training_record', 'all');
    expect(await snapshot()).toEqual(incremental);

    // Against the source rows directly, for everyone.
    const skp = await q<{ employee_id: number; year: number; predikat: string | null; legacy_label: string | null }>(
      `SELECT employee_id, year, predikat, legacy_label FROM performance_evaluation WHERE period = 'tahunan' ORDER BY employee_id, year DESC`);
    const placements = await q<{ employee_id: number; year: number; computed_box: number; calibrated_box: number | null; status: string; id: number }>(
      `SELECT t.employee_id, t.year, t.computed_box, t.calibrated_box, s.status, t.id FROM talent_placement t JOIN talent_session s ON s.id = t.session_id`);
    const trainings = await q<{ employee_id: number; type: string }>('SELECT employee_id, type FROM training_record');
    const axes = await q<{ employee_id: number; year: number; kinerja_axis: string; potensi_axis: string }>(
      `SELECT employee_id, year, kinerja_axis, potensi_axis FROM talent_axis_year WHERE kinerja_axis IS NOT NULL AND potensi_axis IS NOT NULL ORDER BY employee_id, year DESC`);
    let computed = 0;
    const facts = new Map(incremental.map((r) => [r.employee_id as number, r]));
    for (const id of ids) {
      const mine = skp.filter((r) => r.employee_id === id).slice(0, 2);
      const best = placements.filter((p) => p.employee_id === id)
        .sort((a, b) => b.year - a.year || Number(b.status === 'ditetapkan') - Number(a.status === 'ditetapkan') || b.id - a.id)[0];
      const done = trainings.filter((t) => t.employee_id === id);
      const latestAxes = axes.find((a) => a.employee_id === id);
      const row = facts.get(id); // its flags are 0/1 on SQLite, booleans on a server
      if (mine.length === 0 && !best && done.length === 0 && !latestAxes) {
        expect(row, `employee ${id}`).toBeUndefined();
        continue;
      }
      expect(row, `employee ${id}`).toBeDefined();
      expect([row!.skp1_year, row!.skp1_predikat, row!.skp1_legacy, row!.skp2_year]).toEqual([mine[0]?.year ?? null, mine[0]?.predikat ?? null, mine[0]?.legacy_label ?? null, mine[1]?.year ?? null]);
      // The Komite's placement, or else the box of the latest axes (flagged computed).
      const fromAxes = !best && latestAxes ? boxNumber(latestAxes.kinerja_axis as KinerjaAxis, latestAxes.potensi_axis as PotensiAxis) : null;
      expect([row!.talent_box, row!.talent_year, Number(row!.talent_computed)], `employee ${id}`)
        .toEqual(best ? [best.calibrated_box ?? best.computed_box, best.year, 0] : fromAxes ? [fromAxes, latestAxes!.year, 1] : [null, null, 0]);
      if (fromAxes) computed += 1;
      expect(Number(row!.talent_provisional)).toBe(best && best.status !== 'ditetapkan' ? 1 : 0);
      expect(new Set(((row!.leadership as string | null) ?? '').split(',').filter(Boolean))).toEqual(new Set(done.map((t) => t.type).filter((t) => ['pkp', 'pka', 'pkn_2', 'pkn_1'].includes(t))));
      expect(Number(row!.has_training)).toBe(done.length > 0 ? 1 : 0);
    }
    expect(computed).toBeGreaterThan(5);
  });

  it('the ranking reads JPM by the one rule: for many people against a post, the same status and percentage as computeJpm', async () => {
    const rng = new Random(5);
    for (const [i, code] of ['M.01', 'M.02', 'M.03', 'M.04'].entries()) {
      await q(`INSERT INTO competency_definition (code, name, "group", sort_order, active) VALUES (?, ?, 'manajerial', ?, true) ON CONFLICT DO NOTHING`, [code, code, i]);
    }
    const competencies = (await q<{ id: number }>(`SELECT id FROM competency_definition WHERE code IN ('M.01', 'M.02', 'M.03', 'M.04') ORDER BY code`)).map((c) => c.id);
    const [post] = await q<{ id: number }>(`SELECT id FROM position WHERE level = 'administrator' LIMIT 1`);
    await q('DELETE FROM position_competency_standard WHERE position_id = ?', [post.id]);
    for (const [i, c] of competencies.entries()) await q('INSERT INTO position_competency_standard (position_id, competency_id, required_level) VALUES (?, ?, ?)', [post.id, c, [3, 3, 4, 2][i]]);
    const ids = (await q<{ id: number }>(`SELECT id FROM employee WHERE status = 'active' AND position_id != ? ORDER BY id LIMIT 120`, [post.id])).map((r) => r.id);
    await q(`DELETE FROM employee_competency_current WHERE employee_id IN (${ids.join(',')})`);
    let n = 0;
    const levels = new Map<number, Map<number, number>>();
    for (const id of ids) {
      levels.set(id, new Map());
      for (const c of competencies) {
        if (rng.chance(0.35)) continue; // some never assessed, some partly
        const level = rng.int(1, 5);
        levels.get(id)!.set(c, level);
        await q('INSERT INTO employee_competency_current (employee_id, competency_id, level, assessed_on, assessment_id) VALUES (?, ?, ?, ?, ?)', [id, c, level, '2026-01-01', 90000 + ++n]);
      }
    }
    const standard = [3, 3, 4, 2].map((requiredLevel, i) => ({ competencyId: competencies[i], requiredLevel }));
    const statuses = new Set<string>();
    for (const id of ids) {
      const expected = computeJpm(standard, levels.get(id)!);
      statuses.add(expected.status);
      const detail = expectOk(await host.call('succession:candidate', { positionId: post.id, employeeId: id }));
      const component = detail.candidate.components.find((c) => c.key === 'jpm')!;
      expect(component.value, `employee ${id}`).toBe(expected.percent === null ? null : Math.round(expected.percent * 10) / 1000);
      const item = detail.candidate.checklist.find((c) => c.key === 'jpm')!;
      if (expected.status === 'complete') expect(item.detail, `employee ${id}`).toMatch(new RegExp(`^${String(expected.jpm).replace('.', ',')}% ${expected.selection} `));
      else expect(item.status, `employee ${id}`).toBe('unknown');
    }
    expect([...statuses].sort()).toEqual(['complete', 'not_assessed', 'partial']);
  });
});
