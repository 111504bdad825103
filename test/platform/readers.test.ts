// The readers beside the one writer: a read sees the writer's last commit and the writer's clock, never waits
// behind a write, is validated before it leaves the dispatcher, and is shared fairly between clients.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type JenjangHost } from '../../main/host';
import { createDispatcher } from '../../main/ipc/dispatcher';
import { FairQueue } from '../../main/ipc/reader-pool';
import { handlers } from '../../main/ipc/registry';
import type { HandlerContext } from '../../main/ipc/handler-types';
import { rawConnection } from '../../main/db/raw-connection';
import { fixedClock } from '../../main/services/clock';
import { inputFromProfile } from '../helpers/employee-input';
import { expectOk, openTestHost, tempDir, TEST_TODAY } from '../helpers/temp-db';

describe('fair queue between clients', () => {
  it('serves a client that used little before a backlog of busy clients, and keeps each client in order', () => {
    const queue = new FairQueue<string>();
    // Ten clients have been loading 40 ms pages for a while.
    for (let round = 0; round < 5; round++) {
      for (let c = 0; c < 10; c++) queue.push(`tab${c}`, `tab${c}-page${round}`);
      for (let c = 0; c < 10; c++) {
        const next = queue.shift()!;
        queue.complete(next.split('-')[0], 40);
      }
    }
    for (let c = 0; c < 10; c++) queue.push(`tab${c}`, `tab${c}-next`);
    queue.push('typist', 'search-1');
    expect(queue.shift()).toBe('search-1');
    queue.complete('typist', 2);
    queue.push('typist', 'search-2');
    queue.push('typist', 'search-3');
    const order = Array.from({ length: 12 }, () => queue.shift());
    expect(order.indexOf('search-2')).toBeLessThan(order.indexOf('search-3'));
    expect(order.indexOf('search-2')).toBeLessThanOrEqual(1);
    // Nobody is starved: every page that waited is served.
    expect(order.filter((item) => item?.endsWith('-next'))).toHaveLength(10);
    expect(queue.size).toBe(0);
  });

  it('gives an idle client no banked credit over clients that kept waiting', () => {
    const queue = new FairQueue<string>();
    for (let i = 0; i < 20; i++) {
      queue.push('busy', `busy-${i}`);
      queue.complete('busy', Number(queue.shift() && 10));
    }
    queue.push('busy', 'busy-last');
    queue.push('late', 'late-1');
    queue.push('late', 'late-2');
    queue.push('late', 'late-3');
    const order = [queue.shift(), queue.shift(), queue.shift(), queue.shift()];
    // The newcomer starts at the current virtual time: it does not get all of its three before busy-last.
    expect(order.indexOf('busy-last')).toBeLessThan(3);
  });
});

describe('readers beside the writer', () => {
  const dir = tempDir();
  let host: JenjangHost;
  // Another day than the demo's: a reader must live on the writer's day, whatever it is.
  const WRITER_DAY = '2031-01-15';

  beforeAll(async () => {
    const seeded = await openTestHost(dir, { demoEmployees: 120, recordsOnly: true });
    const dbPath = seeded.runtime.dbPath;
    await seeded.close();
    host = await startHost({ dbPath, transport: 'test', clock: fixedClock(WRITER_DAY), validateResponses: true, readers: 1, log: () => undefined });
    expect(await host.readersReady()).toBe(1);
  }, 120_000);
  afterAll(() => host?.close());

  it("reads the writer's last commit as soon as the write has answered", async () => {
    for (let i = 0; i < 15; i++) {
      const id = 10 + i;
      const profile = expectOk(await host.call('employees:get', { id }));
      const saved = await host.call('employees:update', { id, version: profile.version, input: { ...inputFromProfile(profile), notes: `dibaca setelah ditulis ${i}` } });
      expect(saved.ok).toBe(true);
      const served = host.readerStats()!.served;
      const reread = expectOk(await host.call('employees:get', { id }));
      expect(host.readerStats()!.served).toBe(served + 1);
      expect(reread.notes).toBe(`dibaca setelah ditulis ${i}`);
      expect(reread.version).toBe(profile.version + 1);
    }
  });

  it("uses the writer's clock", async () => {
    const served = host.readerStats()!.served;
    const stats = expectOk(await host.call('stats:overview', {}));
    expect(host.readerStats()!.served).toBe(served + 1);
    expect(stats.asOf).toBe(WRITER_DAY);
    // Retirements are counted for the five years after the writer's year, not the machine's.
    expect(Object.keys(stats.retirements)).toEqual(['2032', '2033', '2034', '2035', '2036']);
  });

  it('validates before a request reaches a reader', async () => {
    const served = host.readerStats()!.served;
    const refused = await host.dispatch('employees:list', { limit: 'semua' });
    expect(!refused.ok && refused.error.code).toBe('validation');
    expect(host.readerStats()!.served).toBe(served);
  });

  it('answers every read still waiting when the host closes', async () => {
    const pending = Array.from({ length: 30 }, (_, i) => host.dispatch('employees:list', { offset: i, limit: 50 }, { client: `tab${i % 3}` }));
    await host.close();
    const results = await Promise.all(pending);
    for (const result of results) expect(result.ok || result.error.code === 'busy').toBe(true);
    expect(results.some((result) => !result.ok)).toBe(true);
  });
});

describe('closing a host with readers', () => {
  it('finishes close() in a process that has nothing else to wait for (the readers do not let it exit halfway)', async () => {
    const dir = tempDir();
    const seeded = await openTestHost(dir, { demoEmployees: 20, recordsOnly: true });
    const dbPath = seeded.runtime.dbPath;
    await seeded.close();
    // A process of its own: in this one vitest's handles keep the event loop alive whatever the pool does.
    const script = path.join(dir, 'close-with-readers.mts');
    fs.writeFileSync(script, [
      `import { startHost } from ${JSON.stringify(path.resolve('main/host'))};`,
      `import { fixedClock } from ${JSON.stringify(path.resolve('main/services/clock'))};`,
      `const host = await startHost({ dbPath: ${JSON.stringify(dbPath)}, transport: 'test', create: false, clock: fixedClock('${TEST_TODAY}'), readers: 2, log: () => undefined });`,
      `if (await host.readersReady() !== 2) throw new Error('the two readers did not start');`,
      `const listed = await host.dispatch('employees:list', { search: 'a', limit: 5 }, { client: 'typist' });`,
      `if (!listed.ok) throw new Error(listed.error.message);`,
      `await host.close();`,
      `process.stdout.write('closed');`,
    ].join('\n'));
    const child = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), script], { encoding: 'utf8', env: process.env, timeout: 150_000 });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe('closed');
    expect(child.status).toBe(0);
  }, 180_000);
});

describe('a read never waits behind the writer', () => {
  const dir = tempDir();

  it('answers from the last commit while a demo load holds the writer', async () => {
    const empty = await openTestHost(dir);
    const dbPath = empty.runtime.dbPath;
    await empty.close();
    const host = await startHost({ dbPath, transport: 'test', clock: fixedClock(TEST_TODAY), validateResponses: true, readers: 1, log: () => undefined });
    try {
      expect(await host.readersReady()).toBe(1);
      let progress = 0;
      host.onEvent((event) => {
        if (event.type === 'job:progress') progress++;
      });
      let loaded = false;
      const loading = host.call('demo:load', { jobId: 'job-readers-test', employees: 2000, seed: 3 }).then((result) => {
        loaded = true;
        return result;
      });
      while (progress === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const status = expectOk(await host.call('app:status', {}));
      expect(loaded).toBe(false);
      // The load is one transaction: until it commits a reader sees the empty database, never half of it.
      expect(status.employeeCount).toBe(0);
      expect(expectOk(await loading).employees).toBe(2000);
      expect(expectOk(await host.call('app:status', {})).employeeCount).toBe(2000);
    } finally {
      await host.close();
    }
  });
});

describe('without readers', () => {
  const dir = tempDir();
  let host: JenjangHost;
  beforeAll(async () => {
    host = await openTestHost(dir);
  });
  afterAll(() => host.close());

  it('serves reads from the writer queue, and in checking mode refuses a read that changed rows', async () => {
    expect(host.readerStats()).toBeNull();
    expect(expectOk(await host.call('privacy:settings', {}))).toBeDefined();
    const db = rawConnection(host.services.dataSource);
    const writingRead = {
      ...handlers,
      'privacy:settings': async (_request: unknown, context: HandlerContext) => {
        await context.services.settings.setValue('test.readThatWrites', true);
        return context.services.privacySettings.read();
      },
    } as typeof handlers;
    const context = { services: host.services, runtime: host.runtime } as HandlerContext;
    const dispatch = createDispatcher(writingRead, context, {
      validateResponses: true, log: () => undefined, writerChanges: () => db.prepare('SELECT total_changes()').pluck().get() as number,
    });
    const result = await dispatch('privacy:settings', {});
    expect(!result.ok && result.error.code).toBe('internal');
    expect(!result.ok && result.error.message).toMatch(/permintaan baca mengubah data/);
  });
});

describe('a quick read while every reader is busy', () => {
  const dir = tempDir();
  let host: JenjangHost;
  beforeAll(async () => { host = await openTestHost(dir, { demoEmployees: 20, recordsOnly: true }); });
  afterAll(() => host.close());

  it('is answered by the idle writer when the readers say so, never while the writer runs a request', async () => {
    let releaseWrite!: () => void;
    const writeGate = new Promise<void>((resolve) => (releaseWrite = resolve));
    const gated = {
      ...handlers,
      // An exclusive request that holds the writer until the test lets it go.
      'privacy:updateSettings': async () => {
        await writeGate;
        return host.services.privacySettings.read();
      },
    } as typeof handlers;
    const routed: string[] = [];
    const onWriter: Array<[string, number]> = [];
    const context = { services: host.services, runtime: host.runtime } as HandlerContext;
    const dispatch = createDispatcher(gated, context, {
      log: () => undefined,
      readers: {
        // Stands in for the pool's answer (every reader busy): 'typist' is quick, 'tab' is not.
        preferWriter: (client) => client === 'typist',
        servedOnWriter: (client, ms) => onWriter.push([client, ms]),
        tryRun: (channel, _request, client) => {
          routed.push(`${client}:${channel}`);
          return Promise.resolve({ ok: true, data: { total: 0, rows: [] } });
        },
      },
    });
    const search = { search: 'Sri', status: ['active'], limit: 10 };
    expect(await dispatch('employees:list', search, { client: 'typist' })).toMatchObject({ ok: true, data: { total: expect.any(Number) } });
    expect(routed).toEqual([]);
    expect(onWriter.map(([client]) => client)).toEqual(['typist']);
    await dispatch('employees:list', search, { client: 'tab' });
    expect(routed).toEqual(['tab:employees:list']);

    // While a write runs (a transaction may be open on the writer's connection) even the quick client goes to a reader.
    const writing = dispatch('privacy:updateSettings', { importValueRetentionDays: 40, version: 0 });
    await dispatch('employees:list', search, { client: 'typist' });
    expect(routed).toEqual(['tab:employees:list', 'typist:employees:list']);
    releaseWrite();
    await writing;
  });
});
