// The services that used to read through SQLite's own connection, on a team database (PostgreSQL): the Beranda's
// overview and "jatuh tempo" panel, the promotion, KGB and Satyalancana lists with their usulan workbooks, the
// export log and the retention of imported cell values, and the summary of the open database a restore shows.
// The same demo district is loaded on a SQLite file and on a server (main/demo/demo-on-server.ts), and each
// channel answers the same on both. Also the Suksesi reads that ran on SQLite's own connection: the candidate
// ranking (every page kind), a position page with its plan's checklists, one candidate and the overview.

import { describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/ipc/contract';
import type { JenjangHost } from '../../main/host';
import { normalised } from './sql-parity-compare';
import { expectOk, hostsOnBoth, tempDir } from '../helpers/temp-db';

/** What both hosts are asked, channel and request. */
const READS: Array<[Channel, Record<string, unknown>]> = [
  ['stats:overview', {}],
  ['careers:dueSoon', {}],
  ['careers:promotionList', { status: 'all', offset: 0, limit: 500 }],
  ['careers:promotionList', { status: 'eligible', offset: 0, limit: 20, search: 'a' }],
  ['careers:kgbList', { status: 'all', offset: 0, limit: 500 }],
  ['careers:kgbList', { fromMonth: '2026-01', toMonth: '2027-12', status: 'all', offset: 0, limit: 500 }],
  ['careers:satyalancanaList', { status: 'all', offset: 0, limit: 500 }],
  ['careers:satyalancanaList', { year: 2027, status: 'all', offset: 0, limit: 500 }],
  ['privacy:settings', {}],
];

describe('the career lists, the Beranda, privacy and the backup summary on a server answer as on SQLite', () => {
  const dir = tempDir('jenjang-server-services-');
  const hosts = hostsOnBoth(dir, { demoEmployees: 300, seed: 11 });
  const both = async <T>(ask: (host: JenjangHost) => Promise<T>): Promise<[T, T]> => [await ask(hosts.lite), await ask(hosts.server)];

  it.each(READS)('%s %j answers the same', async (channel, request) => {
    const [onFile, onServer] = await both(async (host) => normalised(expectOk(await host.call(channel, request as never))));
    // The import history's section is there on both (the import runs on a server too).
    if (channel === 'stats:overview') expect(onServer).toHaveProperty('imports');
    expect(onServer).toEqual(onFile);
  });

  it('the Suksesi ranking, position page, candidate and overview answer the same', async () => {
    // Key posts of each structural level with a saved plan where the demo has one: the ranking reads the pool, its
    // facts and the JPM against the post's standard; the position page evaluates the plan's candidates.
    const posts = await hosts.lite.services.dataSource.query(
      `SELECT p.id, p.level, (SELECT COUNT(*) FROM succession_plan sp WHERE sp.position_id = p.id) AS plans FROM position p
       WHERE p.is_key = 1 AND p.active = 1 AND p.level IN ('jpt_pratama', 'administrator', 'pengawas') ORDER BY plans DESC, p.id`) as Array<{ id: number; level: string; plans: number }>;
    const chosen = ['jpt_pratama', 'administrator', 'pengawas'].map((level) => posts.find((p) => p.level === level)).filter((p) => p !== undefined);
    expect(chosen.length).toBeGreaterThanOrEqual(2);
    expect(chosen.some((p) => p.plans > 0)).toBe(true);
    const requests: Array<[Channel, Record<string, unknown>]> = [['succession:overview', {}]];
    for (const { id } of chosen) {
      requests.push(
        ['succession:rank', { positionId: id }],
        ['succession:rank', { positionId: id, completeDataOnly: true, limit: 10 }],
        ['succession:rank', { positionId: id, includeIneligible: true, offset: 20, limit: 30 }],
        ['succession:rank', { positionId: id, includeIneligible: true, completeDataOnly: true, search: 'a', limit: 20 }],
        ['succession:position', { positionId: id }],
      );
    }
    let compared = 0;
    for (const [channel, request] of requests) {
      const [onFile, onServer] = await both(async (host) => normalised(expectOk(await host.call(channel, request as never))));
      expect(onServer, `${channel} ${JSON.stringify(request)}`).toEqual(onFile);
      if (channel === 'succession:rank') compared += (onFile as { rows: unknown[] }).rows.length;
    }
    expect(compared).toBeGreaterThan(0);
    // One ranked person against the post, with what they still need.
    const ranked = expectOk(await hosts.lite.call('succession:rank', { positionId: chosen[0].id, includeIneligible: true, limit: 1 }));
    const candidate = { positionId: chosen[0].id, employeeId: ranked.rows[0].employeeId };
    const [onFile, onServer] = await both(async (host) => normalised(expectOk(await host.call('succession:candidate', candidate))));
    expect(onServer).toEqual(onFile);
  });

  it('a Suksesi plan saved on each database gives the same position page, ranking and overview after', async () => {
    // An administrator key post without a plan gets the first three people its ranking lists (same ids on both).
    const [post] = await hosts.lite.services.dataSource.query(
      `SELECT p.id FROM position p WHERE p.is_key = 1 AND p.active = 1 AND p.level = 'administrator'
       AND NOT EXISTS (SELECT 1 FROM succession_plan sp WHERE sp.position_id = p.id) ORDER BY p.id LIMIT 1`) as Array<{ id: number }>;
    expect(post).toBeDefined();
    const ranked = expectOk(await hosts.lite.call('succession:rank', { positionId: post.id, limit: 3 }));
    expect(ranked.rows.length).toBeGreaterThan(0);
    const request = {
      positionId: post.id, expectedRevision: 0, notes: 'Rencana uji',
      candidates: ranked.rows.map((r, i) => ({ employeeId: r.employeeId, readiness: (['siap_sekarang', 'siap_1_2_tahun', 'siap_lebih_2_tahun'] as const)[i % 3], notes: null })),
    };
    const [savedOnFile, savedOnServer] = await both(async (host) => expectOk(await host.call('succession:savePlan', request)));
    expect(savedOnServer).toEqual(savedOnFile);
    for (const [channel, read] of [['succession:position', { positionId: post.id }], ['succession:rank', { positionId: post.id, limit: 5 }], ['succession:overview', {}]] as Array<[Channel, Record<string, unknown>]>) {
      const [onFile, onServer] = await both(async (host) => normalised(expectOk(await host.call(channel, read as never))));
      expect(onServer, channel).toEqual(onFile);
    }
  });

  it('the lists hold people, so the comparison above compares something', async () => {
    const promotion = expectOk(await hosts.server.call('careers:promotionList', { status: 'all', offset: 0, limit: 1 }));
    const kgb = expectOk(await hosts.server.call('careers:kgbList', { fromMonth: '2026-01', toMonth: '2027-12', status: 'all', offset: 0, limit: 1 }));
    const satyalancana = expectOk(await hosts.server.call('careers:satyalancanaList', { year: 2027, status: 'all', offset: 0, limit: 1 }));
    expect(promotion.total).toBeGreaterThan(0);
    expect(kgb.total).toBeGreaterThan(0);
    expect(satyalancana.total).toBeGreaterThan(0);
  });

  it('a write on the server is seen by the next list (the cache follows the server)', async () => {
    const before = expectOk(await hosts.server.call('careers:kgbList', { fromMonth: '2026-01', toMonth: '2027-12', status: 'all', offset: 0, limit: 1 }));
    const id = before.rows[0].employeeId;
    // Another desk retires the first person of the list: written straight on the server, past this host's services.
    await hosts.server.services.dataSource.query(`UPDATE employee SET status = 'retired' WHERE id = $1`, [id]);
    const after = expectOk(await hosts.server.call('careers:kgbList', { fromMonth: '2026-01', toMonth: '2027-12', status: 'all', offset: 0, limit: 1 }));
    expect(after.total).toBe(before.total - 1);
    expect(after.rows[0].employeeId).not.toBe(id);
    await hosts.server.services.dataSource.query(`UPDATE employee SET status = 'active' WHERE id = $1`, [id]);
    expect(expectOk(await hosts.server.call('careers:kgbList', { fromMonth: '2026-01', toMonth: '2027-12', status: 'all', offset: 0, limit: 1 })).total).toBe(before.total);
  });

  it('the usulan workbooks are made and logged, and the export log reads the same', async () => {
    for (const host of [hosts.lite, hosts.server]) {
      expectOk(await host.call('careers:promotionExport', {}));
      expectOk(await host.call('careers:kgbExport', { fromMonth: '2026-01', toMonth: '2026-12' }));
      expectOk(await host.call('careers:satyalancanaExport', { year: 2027 }));
    }
    const [onFile, onServer] = await both(async (host) => normalised(expectOk(await host.call('exports:log', { offset: 0, limit: 50 }))));
    expect((onServer as { total: number }).total).toBe(3);
    expect(onServer).toEqual(onFile);
  });

  it('the retention of imported cell values runs on the server', async () => {
    const [onFile, onServer] = await both(async (host) => expectOk(await host.call('privacy:applyRetention', {})));
    expect(onServer).toEqual(onFile);
  });

  it('the summary of the open database is the server data\'s, as a file\'s', async () => {
    const [onFile, onServer] = await both((host) => host.services.backup.currentSummary());
    expect(onServer.employees).toBe(300);
    // The same district; the latest audit entry is each host's own first start and demo load (same clock).
    expect(onServer).toEqual(onFile);
  });
  it('a dashboard filter whose levels and kinds share nothing answers an empty dashboard on both (no `IN ()`)', async () => {
    const noLevel = { levels: ['jpt_pratama'], kinds: ['fungsional'] };
    for (const [channel, request] of [['competency:heatmap', noLevel], ['performance:distribution', noLevel], ['talent:ninebox', { ...noLevel, year: 2025, peoplePerBox: 6 }]] as const) {
      const [onFile, onServer] = await both(async (host) => normalised(expectOk(await host.call(channel, request as never))));
      expect(onServer).toEqual(onFile);
    }
    // The same dashboards with the level alone do hold people, so the empty answer above is the filter's.
    const heatmap = expectOk(await hosts.server.call('competency:heatmap', { levels: ['jpt_pratama'] }));
    expect(JSON.stringify(heatmap)).not.toEqual(JSON.stringify(expectOk(await hosts.server.call('competency:heatmap', noLevel as never))));
  });
});
