import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { refreshDerived } from '../../main/db/derived';
import { rankingSql } from '../../main/db/sql/succession/ranking.sql';
import { basicFilterSpec, compareEvaluations, createBasicFilter, golonganRankOf, DEFAULT_SUCCESSION_RULES, DEFAULT_WEIGHTS, targetRequirements } from '../../shared/domain/succession';
import { expectOk, openTestHost, queryOn, runOn, tempDir, TEST_TODAY, TEST_HOSTS_ON_SERVER } from '../helpers/temp-db';
import { atCurrentVersion } from '../helpers/settings-version';

describe('succession planning on a demo district (real database, through the dispatcher)', () => {
  const dir = tempDir();
  let host: JenjangHost;
  // Written once for both databases (the PostgreSQL pass runs this file on a server too, where COUNT(*) is a bigint
  // that comes back as a string).
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryOn<T>(host, sql, params);
  const count = async (table: string, where = '1 = 1') => Number((await q<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`))[0].n);

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 1500, seed: 5, demoExtensions: ['succession'] });
  });
  afterAll(() => host.close());

  /** A key post with an incumbent and no saved plan. */
  async function unplannedKeyPost(level = 'administrator') {
    const [row] = await q<{ id: number; incumbent: number }>(
      `SELECT p.id, e.id AS incumbent FROM position p JOIN employee e ON e.position_id = p.id AND e.status = 'active'
       WHERE p.is_key = true AND p.level = ? AND NOT EXISTS (SELECT 1 FROM succession_plan sp WHERE sp.position_id = p.id) ORDER BY p.id LIMIT 1`, [level]);
    return row;
  }

  it('the overview lists every active key post with its incumbent, TMT pensiun, risk and bench', async () => {
    const overview = expectOk(await host.call('succession:overview', {}));
    expect(overview.totals.keyPositions).toBe(await count('position', 'is_key = true AND active = true'));
    expect(overview.totals.tinggi + overview.totals.sedang + overview.totals.rendah).toBe(overview.totals.keyPositions);
    expect(overview.totals.withPlan).toBeGreaterThan(0); // the demo extension saves plans
    const vacant = await q<{ id: number }>(`SELECT id FROM position p WHERE is_key = true AND NOT EXISTS (SELECT 1 FROM employee e WHERE e.position_id = p.id AND e.status = 'active') ORDER BY id`);
    expect(overview.positions.filter((p) => p.vacantNow).map((p) => p.positionId).sort((a, b) => a - b)).toEqual(vacant.map((v) => v.id));
    for (const row of overview.positions.filter((p) => p.vacantNow)) expect(row.risk === 'tinggi' || row.bench.siap_sekarang > 0).toBe(true);

    // Timeline: incumbents' TMT pensiun per calendar year, recounted here straight from the tables.
    const perYear = await q<{ y: string; n: number }>(
      `SELECT substr(e.retirement_date, 1, 4) AS y, COUNT(*) AS n FROM position p JOIN employee e ON e.position_id = p.id AND e.status = 'active'
       WHERE p.is_key = true AND p.active = true GROUP BY substr(e.retirement_date, 1, 4)`);
    for (const bucket of overview.timeline.slice(1)) expect(bucket.count).toBe(Number(perYear.find((r) => Number(r.y) === bucket.year)?.n ?? 0));
    expect(overview.timeline[0].year).toBe(2026);

    // Bench: the plan entries of active successors, by readiness.
    const entries = await q<{ n: number }>(
      `SELECT COUNT(*) AS n FROM succession_candidate c JOIN succession_plan sp ON sp.id = c.plan_id JOIN position p ON p.id = sp.position_id
       JOIN employee e ON e.id = c.employee_id WHERE p.is_key = true AND e.status = 'active'`);
    const benchTotal = overview.bench.siap_sekarang + overview.bench.siap_1_2_tahun + overview.bench.siap_lebih_2_tahun;
    expect(benchTotal).toBeLessThanOrEqual(Number(entries[0].n));
    expect(benchTotal).toBeGreaterThan(0);
    expect(overview.overReliance.length).toBeGreaterThanOrEqual(1);
    expect(overview.overReliance[0].planCount).toBeGreaterThanOrEqual(3);
  });

  it('a key post with two active holders (a data error) names the later TMT jabatan, an unknown one last, then the lower id', async () => {
    const post = await unplannedKeyPost();
    const [holder] = await q<{ id: number; position_tmt: string | null }>('SELECT id, position_tmt FROM employee WHERE id = ?', [post.incumbent]);
    expect(holder.position_tmt).not.toBeNull();
    const [other] = await q<{ id: number; position_id: number | null; position_tmt: string | null }>(
      `SELECT id, position_id, position_tmt FROM employee WHERE status = 'active' AND id <> ? AND position_id NOT IN (SELECT id FROM position WHERE is_key = true) ORDER BY id LIMIT 1`, [holder.id]);
    const named = async () => expectOk(await host.call('succession:overview', {})).positions.find((p) => p.positionId === post.id)!.incumbent!.employeeId;
    const expected = async () => (await q<{ id: number }>(
      `SELECT id FROM employee WHERE position_id = ? AND status = 'active' ORDER BY position_tmt DESC NULLS LAST, id LIMIT 1`, [post.id]))[0].id;
    try {
      for (const tmt of ['2026-06-01', null, holder.position_tmt, '1990-01-01']) {
        await q('UPDATE employee SET position_id = ?, position_tmt = ? WHERE id = ?', [post.id, tmt, other.id]);
        expect(await named(), `second holder's TMT ${tmt}`).toBe(await expected());
      }
      expect(await expected()).toBe(holder.id);
    } finally {
      await q('UPDATE employee SET position_id = ?, position_tmt = ? WHERE id = ?', [other.position_id, other.position_tmt, other.id]);
    }
    expect(await named()).toBe(holder.id);
  });

  it('stats --json gains "succession" with the counts of the overview and vacancies per year after asOf', async () => {
    const stats = await host.services.stats.collect({ asOf: TEST_TODAY });
    const overview = expectOk(await host.call('succession:overview', {}));
    const succession = stats.succession as { keyPositions: number; atRisk: number; withReadyNow: number; vacanciesByYear: Record<string, number> };
    expect(Object.keys(succession)).toEqual(['keyPositions', 'atRisk', 'withReadyNow', 'vacanciesByYear']);
    expect(succession.keyPositions).toBe(overview.totals.keyPositions);
    expect(succession.atRisk).toBe(overview.totals.tinggi);
    expect(succession.withReadyNow).toBe(overview.totals.withReadyNow);
    expect(Object.keys(succession.vacanciesByYear)).toEqual(['2027', '2028', '2029', '2030', '2031']);
    for (const [year, n] of Object.entries(succession.vacanciesByYear)) expect(n).toBe(overview.timeline.find((t) => t.year === Number(year))!.count);
  });

  it('the SQL pre-filter gives exactly the TypeScript rules for every active employee', async () => {
    // One post of each structural level (the first of each).
    const posts = await q<{ id: number; name: string; level: string; eselon: string | null; min_golongan: number | null }>(
      `SELECT id, name, level, eselon, min_golongan FROM position
       WHERE id IN (SELECT MIN(id) FROM position WHERE level IN ('jpt_pratama', 'administrator', 'pengawas') GROUP BY level)`);
    const dialect = TEST_HOSTS_ON_SERVER ? 'postgres' : 'sqlite';
    const employees = await q<{ id: number; employment_type: string; golongan: number | null; golongan_tmt: string | null; position_id: number | null; level: string | null; position_tmt: string | null; education_level: string | null; birth_date: string; retirement_date: string | null }>(
      `SELECT e.id, e.employment_type, e.golongan, e.golongan_tmt, e.position_id, p.level, e.position_tmt, e.education_level, e.birth_date, e.retirement_date
       FROM employee e LEFT JOIN position p ON p.id = e.position_id WHERE e.status = 'active' ORDER BY e.id`);
    expect(posts.length).toBe(3);
    for (const post of posts) {
      for (const vacancyDate of [TEST_TODAY, '2028-03-01']) {
        for (const rules of [DEFAULT_SUCCESSION_RULES, { ...DEFAULT_SUCCESSION_RULES, allowLateralMoves: true, golonganToleranceSteps: 0 }]) {
          const req = targetRequirements({ id: post.id, name: post.name, level: post.level, eselon: post.eselon, minGolongan: post.min_golongan }, rules);
          const ctx = { today: TEST_TODAY, vacancyDate, rules, weights: DEFAULT_WEIGHTS, rumpun: { target: null, related: new Map() } };
          const ts = createBasicFilter(req, ctx);
          const spec = basicFilterSpec(req, ctx);
          const failingPositions = await rankingSql.failingPositionIds(runOn(host), spec.failingLevels);
          // Both forms: with a join to position (reads p.level) and with the failing positions' ids (the service's).
          for (const fails of [rankingSql.basicFailConditions(spec, undefined, dialect), rankingSql.basicFailConditions(spec, failingPositions, dialect)]) {
            const rows = await q<Record<string, number>>(
              `SELECT e.id, ${fails.map((f) => `${f.sql} AS "${f.key}"`).join(', ')} FROM employee e LEFT JOIN position p ON p.id = e.position_id
               WHERE e.status = 'active' ORDER BY e.id`, fails.flatMap((f) => f.params));
            expect(rows).toHaveLength(employees.length);
            rows.forEach((row, i) => {
              const e = employees[i];
              const expected = ts({ employeeId: e.id, employmentType: e.employment_type, golongan: e.golongan, golonganTmt: e.golongan_tmt, positionId: e.position_id,
                level: e.level, positionTmt: e.position_tmt, education: e.education_level, birthDate: e.birth_date, retirementDate: e.retirement_date });
              expect(fails.filter((f) => row[f.key] === 1).map((f) => f.key), `employee ${e.id} for ${post.level}`).toEqual(expected);
            });
          }
        }
      }
    }
  });

  it('ranks the whole district: eligible people in order, with explained scores, checklists and reason counts', async () => {
    const post = await unplannedKeyPost();
    const ranked = expectOk(await host.call('succession:rank', { positionId: post.id, limit: 200 }));
    expect(ranked.evaluated).toBe((await count('employee', `status = 'active'`)) - 1);
    expect(ranked.eligible).toBe(ranked.total);
    expect(ranked.eligible).toBeGreaterThan(3);
    expect(ranked.rows.every((r) => r.eligible && r.score !== null && r.employeeId !== post.incumbent)).toBe(true);
    expect(ranked.rows.map((r) => r.rank)).toEqual(ranked.rows.map((_, i) => i + 1));
    const key = (r: (typeof ranked.rows)[number]) => ({ ...r, failedCount: 0, golonganRank: golonganRankOf(r.golongan) });
    const sorted = [...ranked.rows].sort((a, b) => compareEvaluations(key(a), key(b)));
    expect(sorted.map((r) => r.employeeId)).toEqual(ranked.rows.map((r) => r.employeeId));
    const top = ranked.rows[0];
    expect(top.components.map((c) => c.key)).toEqual(ranked.weights.map((w) => w.key));
    const points = top.components.reduce((s, c) => s + (c.points ?? 0), 0);
    expect(Math.abs(points - top.score!)).toBeLessThan(0.5);
    // No other capability's data in this database: those items say so, and are left out of the score.
    expect(top.checklist.find((i) => i.key === 'jpm')).toMatchObject({ status: 'unknown', detail: expect.stringMatching(/belum ada data/) });
    expect(top.checklist.find((i) => i.key === 'skp')).toMatchObject({ status: 'unknown' });
    expect(top.coverage).toBe(31.8); // rumpun, years in post, golongan, education, service left: 35 of 110
    expect(ranked.ineligibleByReason.reduce((s, r) => Math.max(s, r.count), 0)).toBeLessThanOrEqual(ranked.ineligible);
    expect(ranked.ineligibleByReason.map((r) => r.key)).toContain('jenjang');

    // Listing the ineligible too (TypeScript path) gives the same eligible order and the same counts.
    const all = expectOk(await host.call('succession:rank', { positionId: post.id, includeIneligible: true, limit: 200 }));
    expect(all.rows.slice(0, ranked.rows.length).map((r) => r.employeeId)).toEqual(ranked.rows.map((r) => r.employeeId));
    expect(all.ineligibleByReason).toEqual(ranked.ineligibleByReason);
    expect(all.total).toBe(all.evaluated);
    const lastPage = expectOk(await host.call('succession:rank', { positionId: post.id, includeIneligible: true, offset: all.total - 5, limit: 50 }));
    expect(lastPage.rows).toHaveLength(5);
    expect(lastPage.rows.every((r) => !r.eligible && r.score === null && r.rank === null && r.failed.length > 0)).toBe(true);
    expect(lastPage.rows[0].failed.length).toBeLessThanOrEqual(lastPage.rows[4].failed.length);

    // Search finds one person and says why they are or are not eligible.
    const person = (await q<{ name: string; id: number }>(`SELECT name, id FROM employee WHERE status = 'active' AND position_id != ? ORDER BY id LIMIT 1`, [post.id]))[0];
    const found = expectOk(await host.call('succession:rank', { positionId: post.id, includeIneligible: true, search: person.name }));
    expect(found.rows.map((r) => r.employeeId)).toContain(person.id);
  });

  it('uses SKP, talent, JPM and training data through the adapter: explains them and excludes a poor SKP', async () => {
    const post = await unplannedKeyPost();
    const before = expectOk(await host.call('succession:rank', { positionId: post.id, limit: 3 }));
    const [first, second] = before.rows;
    const now = `${TEST_TODAY}T08:00:00.000Z`;
    // Competency standard of the post and assessed levels of the second person; SKP, talent, training.
    for (const [i, code] of ['M.01', 'M.02', 'M.03'].entries()) {
      await q(`INSERT INTO competency_definition (code, name, "group", sort_order, active) VALUES (?, ?, 'manajerial', ?, true) ON CONFLICT DO NOTHING`, [code, `Kompetensi ${code}`, i]);
    }
    const competencies = await q<{ id: number }>(`SELECT id FROM competency_definition WHERE code IN ('M.01', 'M.02', 'M.03') ORDER BY code`);
    for (const c of competencies) await q('INSERT INTO position_competency_standard (position_id, competency_id, required_level) VALUES (?, ?, 3)', [post.id, c.id]);
    for (const [i, c] of competencies.entries()) {
      await q('INSERT INTO employee_competency_current (employee_id, competency_id, level, assessed_on, assessment_id) VALUES (?, ?, ?, ?, ?)', [second.employeeId, c.id, [4, 3, 2][i], '2026-03-01', 900 + i]);
    }
    for (const [year, predikat] of [[2025, 'sangat_baik'], [2024, 'baik']] as const) {
      await q(`INSERT INTO performance_evaluation (employee_id, year, period, regime, predikat, source, created_at) VALUES (?, ?, 'tahunan', 'PMPANRB6_2022', ?, 'test', ?)`, [second.employeeId, year, predikat, now]);
    }
    await q(`INSERT INTO performance_evaluation (employee_id, year, period, regime, predikat, source, created_at) VALUES (?, 2025, 'tahunan', 'PMPANRB6_2022', 'kurang', 'test', ?)`, [first.employeeId, now]);
    const [session] = await q<{ id: number }>(`INSERT INTO talent_session (year, name, status, created_by, created_at) VALUES (2025, 'Sidang 2025', 'ditetapkan', 'test', ?) RETURNING id`, [now]);
    await q(`INSERT INTO talent_placement (session_id, employee_id, year, kinerja_axis, potensi_axis, computed_box, calibrated_box, created_at) VALUES (?, ?, 2025, 'sesuai', 'tinggi', 8, 9, ?)`, [session.id, second.employeeId, now]);
    await q(`INSERT INTO training_record (employee_id, title, type, start_date, end_date, jp, source, created_at) VALUES (?, 'PKA Angkatan II', 'pka', '2024-03-01', '2024-06-30', 200, 'test', ?)`, [second.employeeId, now]);
    // What every writer of these tables does in its transaction (db/derived.ts).
    const run = runOn(host);
    await refreshDerived(run, 'performance_evaluation', [first.employeeId, second.employeeId]);
    await refreshDerived(run, 'talent_placement', [second.employeeId]);
    await refreshDerived(run, 'training_record', [second.employeeId]);

    const after = expectOk(await host.call('succession:rank', { positionId: post.id, limit: 50 }));
    expect(after.rows.map((r) => r.employeeId)).not.toContain(first.employeeId);
    expect(after.eligible).toBe(before.eligible - 1);
    expect(after.ineligibleByReason.find((r) => r.key === 'skp')!.count).toBe(1);
    const firstNow = expectOk(await host.call('succession:candidate', { positionId: post.id, employeeId: first.employeeId })).candidate;
    expect(firstNow).toMatchObject({ eligible: false, failed: ['skp'], score: null });
    expect(firstNow.checklist.find((i) => i.key === 'skp')!.detail).toMatch(/2025: Kurang/);

    const detail = expectOk(await host.call('succession:candidate', { positionId: post.id, employeeId: second.employeeId }));
    const c = detail.candidate;
    expect(Object.fromEntries(c.checklist.map((i) => [i.key, i.status]))).toMatchObject({ skp: 'ok', talenta: 'ok', jpm: 'ok', diklat: 'ok' });
    expect(c.checklist.find((i) => i.key === 'jpm')!.detail).toMatch(/^88,9% MS – Memenuhi Syarat/); // (3 + 3 + 2) / 9, the 4 capped at 3
    expect(c.checklist.find((i) => i.key === 'talenta')!.detail).toMatch(/kotak 9 \(2025, hasil kalibrasi\)/);
    expect(c.coverage).toBe(100);
    expect(detail.competencies.map((x) => x.level)).toEqual([4, 3, 2]);
    expect(detail.developmentNeeds[0]).toMatchObject({ kind: 'kompetensi', label: 'M.03 Komunikasi', currentLevel: 2, targetLevel: 3 });
    // Others have no assessment against the standard: "belum diasesmen", never a JPM of 0.
    const other = after.rows.find((r) => r.eligible && r.employeeId !== second.employeeId)!;
    expect(other.checklist.find((i) => i.key === 'jpm')).toMatchObject({ status: 'unknown', detail: 'belum diasesmen' });
    expect(other.components.find((x) => x.key === 'jpm')!.value).toBeNull();
  });

  it('saves a plan with readiness, notes and order as a revision, audits it in the same transaction, and lowers the risk', async () => {
    const vacant = expectOk(await host.call('succession:overview', {})).positions.find((p) => p.risk === 'tinggi' && p.planId === null)!;
    expect(vacant).toBeDefined();
    const ranked = expectOk(await host.call('succession:rank', { positionId: vacant.positionId, limit: 5 }));
    const [a, b] = ranked.rows;
    const audits = await count('audit_log');
    const saved = expectOk(await host.call('succession:savePlan', {
      positionId: vacant.positionId, expectedRevision: 0, notes: 'Dibahas Baperjakat',
      candidates: [{ employeeId: a.employeeId, readiness: 'siap_sekarang', notes: 'Prioritas' }, { employeeId: b.employeeId, readiness: 'siap_1_2_tahun' }],
    }));
    expect(saved).toMatchObject({ revision: 1, changed: true });
    expect(await count('audit_log')).toBe(audits + 3); // the plan, and one entry for each person
    const personLog = expectOk(await host.call('audit:list', { employeeId: a.employeeId }));
    expect(personLog.rows[0].summary).toMatch(/^Ditambahkan sebagai kandidat suksesi .* \(Siap sekarang\)$/);

    const detail = expectOk(await host.call('succession:position', { positionId: vacant.positionId }));
    expect(detail.plan!.candidates.map((c) => [c.employeeId, c.readiness, c.rank, c.notes])).toEqual([[a.employeeId, 'siap_sekarang', 1, 'Prioritas'], [b.employeeId, 'siap_1_2_tahun', 2, null]]);
    expect(detail.plan!.notes).toBe('Dibahas Baperjakat');
    expect(detail.risk).not.toBe('tinggi');
    expect(detail.bench).toEqual({ siap_sekarang: 1, siap_1_2_tahun: 1, siap_lebih_2_tahun: 0 });
    expect(detail.history).toHaveLength(1);

    // Reorder and change readiness: revision 2, the history keeps both.
    const second = expectOk(await host.call('succession:savePlan', {
      positionId: vacant.positionId, expectedRevision: 1, notes: 'Dibahas Baperjakat',
      candidates: [{ employeeId: b.employeeId, readiness: 'siap_sekarang' }, { employeeId: a.employeeId, readiness: 'siap_sekarang', notes: 'Prioritas' }],
    }));
    expect(second.revision).toBe(2);
    const history = expectOk(await host.call('succession:position', { positionId: vacant.positionId })).history;
    expect(history.map((h) => h.revision)).toEqual([2, 1]);
    expect(history[0].summary).toMatch(/^Mengubah kesiapan .*\(Siap 1–2 tahun → Siap sekarang\); mengubah urutan kandidat$/);
    expect(history[1].candidates.map((c) => c.employeeId)).toEqual([a.employeeId, b.employeeId]);

    // The same plan again changes nothing.
    const again = expectOk(await host.call('succession:savePlan', {
      positionId: vacant.positionId, expectedRevision: 2, notes: 'Dibahas Baperjakat',
      candidates: [{ employeeId: b.employeeId, readiness: 'siap_sekarang' }, { employeeId: a.employeeId, readiness: 'siap_sekarang', notes: 'Prioritas' }],
    }));
    expect(again).toMatchObject({ revision: 2, changed: false });
  });

  it('refuses a stale revision, a duplicate, the incumbent and a retired person, and writes nothing', async () => {
    const post = await unplannedKeyPost();
    const ranked = expectOk(await host.call('succession:rank', { positionId: post.id, limit: 2 }));
    const [retired] = await q<{ id: number }>(`SELECT id FROM employee WHERE status = 'retired' LIMIT 1`);
    const snapshot = async () => [await count('succession_plan'), await count('succession_candidate'), await count('succession_plan_revision'), await count('audit_log')];
    const before = await snapshot();
    const attempts: Array<[string, unknown, string]> = [
      ['stale revision', { expectedRevision: 3, candidates: [{ employeeId: ranked.rows[0].employeeId, readiness: 'siap_sekarang' }] }, 'conflict'],
      ['duplicate', { expectedRevision: 0, candidates: [{ employeeId: ranked.rows[0].employeeId, readiness: 'siap_sekarang' }, { employeeId: ranked.rows[0].employeeId, readiness: 'siap_1_2_tahun' }] }, 'validation'],
      ['incumbent', { expectedRevision: 0, candidates: [{ employeeId: post.incumbent, readiness: 'siap_sekarang' }] }, 'validation'],
      ['retired', { expectedRevision: 0, candidates: [{ employeeId: retired.id, readiness: 'siap_sekarang' }] }, 'validation'],
      ['unknown readiness', { expectedRevision: 0, candidates: [{ employeeId: ranked.rows[0].employeeId, readiness: 'besok' }] }, 'validation'],
    ];
    for (const [label, patch, code] of attempts) {
      const result = await host.dispatch('succession:savePlan', { positionId: post.id, ...(patch as object) });
      expect(result.ok, label).toBe(false);
      if (!result.ok) expect(result.error.code, label).toBe(code);
    }
    expect(await snapshot()).toEqual(before);
    const jf = await q<{ id: number }>(`SELECT id FROM position WHERE kind = 'fungsional' LIMIT 1`);
    const refused = await host.call('succession:savePlan', { positionId: jf[0].id, expectedRevision: 0, candidates: [] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/hanya untuk jabatan struktural/);
  });

  it('marks and unmarks key positions with an audit entry', async () => {
    const [pengawas] = await q<{ id: number; name: string }>(`SELECT id, name FROM position WHERE level = 'pengawas' AND is_key = false LIMIT 1`);
    const keyBefore = expectOk(await host.call('succession:overview', {})).totals.keyPositions;
    const read = expectOk(await host.call('succession:positions', { level: 'pengawas' })).rows.find((r) => r.positionId === pengawas.id)!;
    const marked = expectOk(await host.call('succession:setKey', { positionId: pengawas.id, version: read.version, isKey: true }));
    expect(marked).toEqual({ positionId: pengawas.id, isKey: true, version: read.version + 1 });
    expect(expectOk(await host.call('succession:overview', {})).totals.keyPositions).toBe(keyBefore + 1);
    const log = expectOk(await host.call('audit:list', { entity: 'position' }));
    expect(log.rows[0]).toMatchObject({ entityId: pengawas.id, summary: `Menandai ${pengawas.name} sebagai jabatan kritikal` });
    expectOk(await host.call('succession:setKey', { positionId: pengawas.id, version: marked.version, isKey: false }));
    expect(expectOk(await host.call('succession:overview', {})).totals.keyPositions).toBe(keyBefore);
    const listed = expectOk(await host.call('succession:positions', { level: 'pengawas' }));
    expect(listed.rows.find((r) => r.positionId === pengawas.id)).toMatchObject({ isKey: false });
  });

  it('shows the chain of vacancies when a plan\'s first candidate moves up', async () => {
    const jpt = await unplannedKeyPost('jpt_pratama') ?? (await q<{ id: number; incumbent: number }>(`SELECT id, 0 AS incumbent FROM position WHERE level = 'jpt_pratama' LIMIT 1`))[0];
    // The first candidate holds an administrator post; that post gets a plan whose first candidate is a pengawas.
    const admins = expectOk(await host.call('succession:rank', { positionId: jpt.id, limit: 50 })).rows.filter((r) => r.positionLevel === 'administrator');
    expect(admins.length).toBeGreaterThan(0);
    const mover = admins[0];
    const adminPost = mover.positionId!;
    const plan = expectOk(await host.call('succession:position', { positionId: adminPost })).plan;
    const next = expectOk(await host.call('succession:rank', { positionId: adminPost, limit: 200 })).rows.find((r) => r.positionLevel === 'pengawas')!;
    expectOk(await host.call('succession:savePlan', { positionId: adminPost, expectedRevision: plan?.revision ?? 0, candidates: [{ employeeId: next.employeeId, readiness: 'siap_1_2_tahun' }] }));
    const current = expectOk(await host.call('succession:position', { positionId: jpt.id })).plan;
    expectOk(await host.call('succession:savePlan', { positionId: jpt.id, expectedRevision: current?.revision ?? 0, candidates: [{ employeeId: mover.employeeId, readiness: 'siap_sekarang' }] }));
    const chain = expectOk(await host.call('succession:position', { positionId: jpt.id })).chain;
    expect(chain[0]).toMatchObject({ positionId: jpt.id, mover: { employeeId: mover.employeeId }, freed: { positionId: adminPost } });
    expect(chain[1]).toMatchObject({ positionId: adminPost, hasPlan: true, candidateCount: 1, readyNowCount: 0, mover: { employeeId: next.employeeId } });
    expect(chain[1].freed?.positionId).toBe(next.positionId);
    expect(chain.at(-1)!.end).toBeTruthy();
  });

  it('keeps its settings, validates them, and uses them in the ranking and the risk rule', async () => {
    const settings = expectOk(await host.call('succession:getSettings', {}));
    expect(settings.readinessLabels.siap_lebih_2_tahun).toBe('Siap > 2 tahun');
    const bad = await host.call('succession:updateSettings', await atCurrentVersion(host, 'succession:updateSettings', { risk: { highMonths: 24, mediumMonths: 12, emptyBenchIsMedium: true } }));
    expect(bad.ok).toBe(false);
    const updated = expectOk(await host.call('succession:updateSettings', await atCurrentVersion(host, 'succession:updateSettings', {
      weights: { ...settings.weights, jpm: 50 }, readinessLabels: { ...settings.readinessLabels, siap_lebih_2_tahun: 'Siap 3–5 tahun' },
    })));
    expect(updated.weights.jpm).toBe(50);
    const post = await unplannedKeyPost();
    const ranked = expectOk(await host.call('succession:rank', { positionId: post.id, limit: 1 }));
    expect(ranked.weights.find((w) => w.key === 'jpm')!.weight).toBe(50);
    expect(expectOk(await host.call('succession:overview', {})).readinessLabels.siap_lebih_2_tahun).toBe('Siap 3–5 tahun');
    const log = expectOk(await host.call('audit:list', { entity: 'settings' }));
    expect(log.rows[0].summary).toMatch(/pengaturan suksesi/);
    expectOk(await host.call('succession:updateSettings', await atCurrentVersion(host, 'succession:updateSettings', settings)));
  });
});
