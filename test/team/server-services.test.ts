// The services that used to read through SQLite's own connection, on a team database (PostgreSQL): the Beranda's
// overview and "jatuh tempo" panel, the promotion, KGB and Satyalancana lists with their usulan workbooks, the
// export log and the retention of imported cell values, and the summary of the open database a restore shows.
// The same demo district is loaded on a SQLite file and on a server (main/demo/demo-on-server.ts), and each
// channel answers the same on both.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/ipc/contract';
import type { JenjangHost } from '../../main/host';
import { normalised } from './sql-parity-compare';
import { expectOk, openTestHost, tempDir } from '../helpers/temp-db';

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
  let lite: JenjangHost;
  let server: JenjangHost;
  const both = async <T>(ask: (host: JenjangHost) => Promise<T>): Promise<[T, T]> => [await ask(lite), await ask(server)];

  beforeAll(async () => {
    lite = await openTestHost(dir, { server: false, demoEmployees: 300, seed: 11 });
    server = await openTestHost(dir, { server: true, demoEmployees: 300, seed: 11 });
  }, 300_000);

  afterAll(async () => {
    await lite?.close();
    await server?.close();
  });

  it('runs one host on each database', () => {
    expect(lite.services.dataSource.options.type).toBe('better-sqlite3');
    expect(server.services.dataSource.options.type).toBe('postgres');
  });

  it.each(READS)('%s %j answers the same', async (channel, request) => {
    const [onFile, onServer] = await both(async (host) => normalised(expectOk(await host.call(channel, request as never))));
    if (channel === 'stats:overview') {
      // The import history's section is a desk's file's alone: the import is refused in team mode.
      expect(onFile).toHaveProperty('imports');
      expect(onServer).not.toHaveProperty('imports');
      delete (onFile as { imports?: unknown }).imports;
    }
    expect(onServer).toEqual(onFile);
  });

  it('the lists hold people, so the comparison above compares something', async () => {
    const promotion = expectOk(await server.call('careers:promotionList', { status: 'all', offset: 0, limit: 1 }));
    const kgb = expectOk(await server.call('careers:kgbList', { fromMonth: '2026-01', toMonth: '2027-12', status: 'all', offset: 0, limit: 1 }));
    const satyalancana = expectOk(await server.call('careers:satyalancanaList', { year: 2027, status: 'all', offset: 0, limit: 1 }));
    expect(promotion.total).toBeGreaterThan(0);
    expect(kgb.total).toBeGreaterThan(0);
    expect(satyalancana.total).toBeGreaterThan(0);
  });

  it('a write on the server is seen by the next list (the cache follows the server)', async () => {
    const before = expectOk(await server.call('careers:kgbList', { fromMonth: '2026-01', toMonth: '2027-12', status: 'all', offset: 0, limit: 1 }));
    const id = before.rows[0].employeeId;
    // Another desk retires the first person of the list: written straight on the server, past this host's services.
    await server.services.dataSource.query(`UPDATE employee SET status = 'retired' WHERE id = $1`, [id]);
    const after = expectOk(await server.call('careers:kgbList', { fromMonth: '2026-01', toMonth: '2027-12', status: 'all', offset: 0, limit: 1 }));
    expect(after.total).toBe(before.total - 1);
    expect(after.rows[0].employeeId).not.toBe(id);
    await server.services.dataSource.query(`UPDATE employee SET status = 'active' WHERE id = $1`, [id]);
    expect(expectOk(await server.call('careers:kgbList', { fromMonth: '2026-01', toMonth: '2027-12', status: 'all', offset: 0, limit: 1 })).total).toBe(before.total);
  });

  it('the usulan workbooks are made and logged, and the export log reads the same', async () => {
    for (const host of [lite, server]) {
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
    const heatmap = expectOk(await server.call('competency:heatmap', { levels: ['jpt_pratama'] }));
    expect(JSON.stringify(heatmap)).not.toEqual(JSON.stringify(expectOk(await server.call('competency:heatmap', noLevel as never))));
  });
});
