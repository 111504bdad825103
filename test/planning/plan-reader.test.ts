// A proposal only reads, so it runs on a reader: the writer's queue is not held while HiGHS searches, and a write
// (accepting a plan, saving the weights) goes ahead of a proposal still being solved. Accepting stays a write.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type JenjangHost } from '../../main/host';
import { fixedClock } from '../../main/services/clock';
import { contract } from '../../shared/ipc/contract';
import { expectOk, openTestHost, tempDir, TEST_TODAY } from '../helpers/temp-db';

const YEAR = 2027;

describe('planning:propose on the readers', () => {
  const dir = tempDir();
  let host: JenjangHost;

  beforeAll(async () => {
    const seeded = await openTestHost(dir, { demoEmployees: 200, seed: 5 });
    await seeded.close();
    host = await startHost({ dbPath: seeded.runtime.dbPath, transport: 'test', clock: fixedClock(TEST_TODAY), validateResponses: true, readers: 1, log: () => undefined });
    expect(await host.readersReady()).toBe(1);
  }, 120_000);
  afterAll(() => host?.close());

  it('marks proposing a read and accepting a write', () => {
    expect((contract['planning:propose'] as { mode?: string }).mode).toBe('read');
    expect((contract['planning:accept'] as { mode?: string }).mode).toBeUndefined();
  });

  it('is served by a reader, with its progress and where its time went', async () => {
    const servedBefore = host.readerStats()!.served;
    const plan = expectOk(await host.call('planning:propose', { year: YEAR, budget: 50_000_000, timeLimitSeconds: 10, useUnitCeilings: false }));
    expect(host.readerStats()!.served - servedBefore).toBe(1);
    expect(plan.needsTotal).toBeGreaterThan(0);
    expect(plan.cost).toBeLessThanOrEqual(50_000_000);
    for (const ms of Object.values(plan.timings)) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('lets a write through while a proposal is being solved', async () => {
    // Read first: with one reader, a read asked during the proposal would wait for it.
    const weights = expectOk(await host.call('planning:weights', {}));
    const servedBefore = host.readerStats()!.served;
    const order: string[] = [];
    // The reader is held, so the proposal occupies it for as long as this test needs, however fast it would solve.
    const release = host.holdReads();
    const proposing = host.call('planning:propose', { year: YEAR, budget: 50_000_000, timeLimitSeconds: 10, useUnitCeilings: false })
      .then((r) => { order.push('propose'); return r; });
    try {
      // The writer answers the write while the proposal is still unanswered on the reader.
      expectOk(await host.call('planning:saveWeights', { ...weights, jp: weights.jp === 10 ? 9 : weights.jp + 1 }));
      order.push('write');
      expect(order).toEqual(['write']);
      expect(host.readerStats()!.served).toBe(servedBefore);
    } finally {
      release();
    }
    expectOk(await proposing);
    expect(order).toEqual(['write', 'propose']);
    // And the proposal was the reader's: had it run on the writer, the write queued behind it would have come last.
    expect(host.readerStats()!.served - servedBefore).toBe(1);
  });
});
