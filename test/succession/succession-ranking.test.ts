import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDerived } from '../../main/db/derived';
import type { JenjangHost } from '../../main/host';
import type { Run } from '../../main/db/sql/run';
import { proposeRumpun } from '../../shared/domain/succession';
import type { RankedCandidate } from '../../shared/schemas/succession';
import { expectOk, openTestHost, queryOn, runOn, tempDir } from '../helpers/temp-db';
import { atCurrentVersion } from '../helpers/settings-version';

// The candidate ranking on a demo district with every capability's data: a component without data scores zero, a
// filter keeps the candidates with complete data, and the rumpun of the post and of the candidate's career counts.
describe('succession ranking: missing data, complete data, rumpun', () => {
  const dir = tempDir();
  let host: JenjangHost;
  // Written once for both databases (the PostgreSQL pass runs this file on a server too).
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryOn<T>(host, sql, params);
  let run: Run;
  const component = (c: RankedCandidate, key: string) => c.components.find((x) => x.key === key)!;

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 1500, seed: 21 });
    run = runOn(host);
  });
  afterAll(() => host.close());

  /** The Sekretaris Dinas Kesehatan post (administrator) of the demo. */
  async function sekretarisDinas() {
    const [post] = await q<{ id: number; name: string; rumpun: string }>(`SELECT id, name, rumpun FROM position WHERE name = 'Sekretaris Dinas Kesehatan' AND is_key = true`);
    expect(post).toBeDefined();
    return post;
  }

  /** The position's version as its screen reads it (a rumpun save names it). */
  async function positionVersion(positionId: number) {
    return expectOk(await host.call('succession:position', { positionId })).position.version;
  }

  it('gives every position a rumpun: the JF family, or the field of its perangkat daerah', async () => {
    const positions = await q<{ id: number; kind: string; family: string | null; opd_name: string | null; rumpun: string | null }>(
      `SELECT p.id, p.kind, p.family, r.name AS opd_name, p.rumpun FROM position p LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN unit r ON r.id = u.root_id`);
    for (const p of positions) expect(p.rumpun, `position ${p.id}`).toBe(proposeRumpun({ kind: p.kind, family: p.family, opdName: p.opd_name }));
    expect((await sekretarisDinas()).rumpun).toBe('Kesehatan');
    const options = expectOk(await host.call('succession:rumpunOptions', {}));
    expect(options.rumpun.find((r) => r.name === 'Kesehatan')!.positions).toBeGreaterThan(5);
    expect(options.proposedRelations).toContainEqual(expect.objectContaining({ a: 'Perawat', b: 'Kesehatan' }));
    // The demo lists those proposals as the district's related rumpun.
    expect(expectOk(await host.call('succession:getSettings', {})).relatedRumpun).toContainEqual({ a: 'Kesehatan', b: 'Perawat' });
  });

  it('scores a missing component as zero: removing a candidate\'s assessment lowers their score and never lifts their rank', async () => {
    const post = await sekretarisDinas();
    const ranked = expectOk(await host.call('succession:rank', { positionId: post.id, limit: 200 }));
    for (const row of ranked.rows) {
      expect(Math.abs(row.components.reduce((s, c) => s + c.points, 0) - row.score!)).toBeLessThan(0.5);
      for (const c of row.components.filter((x) => x.value === null)) expect(c.points).toBe(0);
    }
    // Someone assessed on the whole standard whose JPM is below the average of their other components: under the
    // old rule (missing components dropped, weights scaled up) losing the assessment raised their score.
    const assessed = ranked.rows.find((r) => {
      const jpm = component(r, 'jpm').value;
      const others = r.components.filter((c) => c.key !== 'jpm' && c.value !== null);
      return jpm !== null && others.length > 0 && jpm < others.reduce((s, c) => s + c.value!, 0) / others.length;
    })!;
    expect(assessed).toBeDefined();
    await q('DELETE FROM competency_assessment WHERE employee_id = ?', [assessed.employeeId]);
    await refreshDerived(run, 'competency_assessment', [assessed.employeeId]);
    const after = expectOk(await host.call('succession:rank', { positionId: post.id, limit: 200 }));
    const again = after.rows.find((r) => r.employeeId === assessed.employeeId)!;
    expect(component(again, 'jpm')).toMatchObject({ value: null, points: 0, detail: 'belum diasesmen' });
    expect(again.score!).toBeLessThan(assessed.score!);
    expect(again.rank!).toBeGreaterThanOrEqual(assessed.rank!);
    expect(again.coverage).toBeLessThan(assessed.coverage);
  });

  it('filters the ranking to the candidates with data for every weighted component', async () => {
    const post = await sekretarisDinas();
    const all = expectOk(await host.call('succession:rank', { positionId: post.id, limit: 200 }));
    const complete = expectOk(await host.call('succession:rank', { positionId: post.id, completeDataOnly: true, limit: 200 }));
    expect(complete.completeData).toBe(all.completeData);
    expect(complete.total).toBe(complete.completeData);
    expect(complete.total).toBeGreaterThan(0);
    expect(complete.total).toBeLessThan(all.total);
    expect(complete.rows.every((r) => r.coverage === 100 && r.components.every((c) => c.value !== null))).toBe(true);
    // The same order as in the whole ranking, ranks counted within the filtered list.
    const order = all.rows.filter((r) => r.coverage === 100).map((r) => r.employeeId);
    expect(complete.rows.map((r) => r.employeeId).slice(0, order.length)).toEqual(order.slice(0, complete.rows.length));
    expect(complete.rows.map((r) => r.rank)).toEqual(complete.rows.map((_, i) => i + 1));
  });

  it('scores the rumpun: an edit of the post\'s rumpun, a related pair in Pengaturan and an earlier post in the rumpun change a candidate\'s score', async () => {
    const post = await sekretarisDinas();
    const ranked = expectOk(await host.call('succession:rank', { positionId: post.id, limit: 200 }));
    const other = ranked.rows.find((r) => component(r, 'rumpun').value === 0)!;
    expect(other).toBeDefined();
    const theirs = component(other, 'rumpun').detail.match(/^rumpun lain \((.+)\)$/)![1];
    const score = async () => expectOk(await host.call('succession:candidate', { positionId: post.id, employeeId: other.employeeId })).candidate;

    // The office sets the post's rumpun to the candidate's: the same rumpun, the full 10 of 110.
    expect(expectOk(await host.call('succession:setRumpun', { positionId: post.id, version: await positionVersion(post.id), rumpun: `  ${theirs} ` }))).toMatchObject({ rumpun: theirs, rumpunSetByOffice: true });
    const same = await score();
    expect(component(same, 'rumpun')).toMatchObject({ value: 1, points: 9.1, detail: `rumpun sama (${theirs})` });
    expect(same.score! - other.score!).toBeCloseTo(9.1, 0);
    expect(expectOk(await host.call('audit:list', { entity: 'position' })).rows[0].summary).toBe(`Menetapkan rumpun ${post.name}: ${theirs}`);
    // A write that refreshes proposals leaves the office's rumpun alone.
    await refreshDerived(run, 'position', 'all');
    expect(expectOk(await host.call('succession:position', { positionId: post.id })).position).toMatchObject({ rumpun: theirs, rumpunSetByOffice: true, proposedRumpun: 'Kesehatan' });

    // Back to Jenjang's proposal; then the office lists the candidate's rumpun as related to Kesehatan.
    expect(expectOk(await host.call('succession:setRumpun', { positionId: post.id, version: await positionVersion(post.id), rumpun: null }))).toMatchObject({ rumpun: 'Kesehatan', rumpunSetByOffice: false });
    expect(component(await score(), 'rumpun').value).toBe(0);
    const settings = expectOk(await host.call('succession:getSettings', {}));
    expectOk(await host.call('succession:updateSettings', await atCurrentVersion(host, 'succession:updateSettings', { relatedRumpun: [...settings.relatedRumpun, { a: theirs, b: 'kesehatan' }] })));
    expect(component(await score(), 'rumpun')).toMatchObject({ value: 0.5, detail: `rumpun terkait (${theirs} – Kesehatan)` });
    expectOk(await host.call('succession:updateSettings', await atCurrentVersion(host, 'succession:updateSettings', { relatedRumpun: settings.relatedRumpun })));

    // An earlier post in the rumpun Kesehatan (the position history) counts too.
    const [earlier] = await q<{ id: number; name: string }>(`SELECT id, name FROM position WHERE rumpun = 'Kesehatan' AND level = 'pengawas' LIMIT 1`);
    await q(`INSERT INTO position_history (employee_id, position_id, position_name, position_level, tmt, end_date, source, created_at) VALUES (?, ?, ?, 'pengawas', '2005-01-01', '2009-12-31', 'manual', '2026-11-24T08:00:00.000Z')`,
      [other.employeeId, earlier.id, earlier.name]);
    expect(component(await score(), 'rumpun')).toMatchObject({ value: 0.75, detail: 'pernah menjabat di rumpun Kesehatan' });
  });

  it('refuses an empty rumpun, an unknown position and a related pair of one rumpun, changing nothing', async () => {
    const post = await sekretarisDinas();
    const before = await q('SELECT rumpun, rumpun_set_by_office FROM position WHERE id = ?', [post.id]);
    for (const [request, code] of [[{ positionId: post.id, version: await positionVersion(post.id), rumpun: '   ' }, 'validation'], [{ positionId: 999999, version: 1, rumpun: 'Kesehatan' }, 'not_found']] as const) {
      const result = await host.dispatch('succession:setRumpun', request);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe(code);
    }
    expect(await q('SELECT rumpun, rumpun_set_by_office FROM position WHERE id = ?', [post.id])).toEqual(before);
    const bad = await host.call('succession:updateSettings', await atCurrentVersion(host, 'succession:updateSettings', { relatedRumpun: [{ a: 'Kesehatan', b: ' kesehatan' }] }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/Rumpun tidak perlu dikaitkan dengan dirinya sendiri/);
  });

  it('reads weights stored before the rumpun component with the rumpun default', async () => {
    const settings = expectOk(await host.call('succession:getSettings', {}));
    const { rumpun: _dropped, ...older } = settings.weights;
    await q(`UPDATE app_setting SET value = ? WHERE key = 'succession.weights'`, [JSON.stringify({ ...older, jpm: 30 })]);
    await q(`INSERT INTO app_setting (key, value, updated_at) VALUES ('succession.weights', ?, '2026-01-01T00:00:00.000Z') ON CONFLICT DO NOTHING`, [JSON.stringify({ ...older, jpm: 30 })]);
    expect(expectOk(await host.call('succession:getSettings', {})).weights).toMatchObject({ jpm: 30, rumpun: 10 });
  });
});
