// The contract's 'read' channels only read: every one of them runs here on the readers, whose connections are
// opened read-only (and query_only), with requests generated from its schema (biased towards rows the demo
// database has). A read that tried to write would fail there with SQLITE_READONLY and surface as an internal
// error; the writer's total_changes() after each channel and a checksum of every table after all of them prove
// nothing changed either way.

import fc from 'fast-check';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawConnection } from '../../main/db/raw-connection';
import { startHost, type JenjangHost } from '../../main/host';
import { fixedClock } from '../../main/services/clock';
import { ERROR_CODES } from '../../shared/errors';
import { CHANNELS, contract, type Channel } from '../../shared/ipc/contract';
import { schemaArbitrary, validRequest } from '../helpers/channel-payloads';
import { databaseChecksum } from '../helpers/db-checksum';
import { openTestHost, tempDir, TEST_TODAY } from '../helpers/temp-db';

const READ_CHANNELS = CHANNELS.filter((channel) => (contract[channel] as { mode?: string }).mode === 'read');
/** Requests per read channel: the fixed valid one plus schema-shaped ones. */
const SAMPLES = 4;

describe('read channels run on read-only readers and never write', () => {
  const dir = tempDir();
  let seeded: JenjangHost;
  let host: JenjangHost;
  let checksumBefore = '';

  beforeAll(async () => {
    seeded = await openTestHost(dir, { demoEmployees: 150 });
    await seeded.close();
    host = await startHost({
      dbPath: seeded.runtime.dbPath, transport: 'test', clock: fixedClock(TEST_TODAY), validateResponses: true, readers: 2, log: () => undefined,
    });
    expect(await host.readersReady()).toBe(2);
    checksumBefore = databaseChecksum(host.services.dataSource);
  }, 120_000);
  afterAll(() => host?.close());

  it('marks the reads of every domain', () => {
    expect(READ_CHANNELS.length).toBeGreaterThan(60);
    for (const channel of ['employees:list', 'stats:overview', 'reports:render', 'succession:rank', 'competency:heatmap'] as Channel[]) {
      expect(READ_CHANNELS, channel).toContain(channel);
    }
    // Writes, jobs, printing and the import wizard's in-memory previews stay with the writer.
    for (const channel of ['employees:update', 'demo:load', 'reports:exportPdf', 'import:preview', 'import:commit', 'files:finishUpload'] as Channel[]) {
      expect(READ_CHANNELS, channel).not.toContain(channel);
    }
  });

  it.each(READ_CHANNELS)('%s answers from a reader with the database unchanged', async (channel) => {
    const requests = [validRequest(channel), ...fc.sample(schemaArbitrary(contract[channel].request), { seed: 11, numRuns: SAMPLES - 1 })];
    const changes = rawConnection(host.services.dataSource).prepare('SELECT total_changes()').pluck().get();
    const servedBefore = host.readerStats()!.served;
    let answered = 0;
    for (const request of requests) {
      const result = await host.dispatch(channel, request);
      if (!result.ok) {
        if (result.error.code === 'validation' && !contract[channel].request.safeParse(request).success) continue;
        expect(ERROR_CODES).toContain(result.error.code);
        // An internal error is what a write attempt on a read-only connection becomes.
        expect(result.error.code, `${channel} ${JSON.stringify(request)}: ${result.error.message}`).not.toBe('internal');
      }
      answered++;
    }
    expect(answered).toBeGreaterThan(0);
    expect(host.readerStats()!.served - servedBefore).toBe(answered);
    expect(rawConnection(host.services.dataSource).prepare('SELECT total_changes()').pluck().get()).toBe(changes);
  });

  it('leaves every table as it was after all of them', () => {
    expect(databaseChecksum(host.services.dataSource)).toBe(checksumBefore);
  });
});
