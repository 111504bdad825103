// Every channel of the contract, fuzzed through the real dispatcher on a demo database: schema-shaped requests,
// near-valid mutations of a valid request, and values of every kind a transport can deliver. Each answer must
// be a structured Result (a known error code with a message, never an internal error, which is what an
// unexpected exception becomes), arrive within the time limit, survive both transports' encodings (JSON and
// structured clone), and a refused request must leave every table exactly as it was.
//
// `npm test` runs a few cases per channel with a fixed seed; `npm run fuzz` (vitest.fuzz.config.ts) runs many
// thousands with a fresh seed, printed so a failure can be replayed with JENJANG_FUZZ_SEED=<seed>.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawConnection } from '../../main/db/raw-connection';
import { startHost, type JenjangHost } from '../../main/host';
import { fixedClock } from '../../main/services/clock';
import { ERROR_CODES } from '../../shared/errors';
import { CHANNELS, contract, type Channel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { nearValidArbitrary, schemaArbitrary, strangeValue, validRequest } from '../helpers/channel-payloads';
import { databaseChecksum } from '../helpers/db-checksum';
import { openTestHost, tempDir, TEST_TODAY } from '../helpers/temp-db';

const FULL = process.env.JENJANG_FUZZ === 'full';
const SEED = Number(process.env.JENJANG_FUZZ_SEED ?? (FULL ? Date.now() % 2 ** 31 : 2026));
/** Generated cases per channel, besides its valid request. */
const RUNS = FULL ? 80 : 4;
/** Every answer must come within this (a loaded 2-core machine; the slowest channel takes ~1 s on this database). */
const TIME_LIMIT_MS = 15_000;

/** Channels left out, and why. */
const SKIPPED: Partial<Record<Channel, string>> = {
  'reports:exportPdf': 'prints through a Chromium or Electron window, which an in-process host has not; its parameters are the ones reports:render and reports:exportXlsx are fuzzed with, and test/reports prints for real',
};

describe(`every channel, fuzzed (seed ${SEED}, ${RUNS + 1} cases each)`, () => {
  const dir = tempDir();
  let host: JenjangHost;
  let checksum = { changes: -1, value: '' };
  /** How the cases ended: ok, or the error code. */
  const outcomes = new Map<string, number>();

  /** The database's checksum, recomputed only when the writer's connection changed rows since the last one. */
  const currentChecksum = (): string => {
    const changes = rawConnection(host.services.dataSource).prepare('SELECT total_changes()').pluck().get() as number;
    if (changes !== checksum.changes) checksum = { changes, value: databaseChecksum(host.services.dataSource) };
    return checksum.value;
  };

  beforeAll(async () => {
    if (FULL) console.log(`channel fuzz: seed ${SEED} (replay with JENJANG_FUZZ_SEED=${SEED})`);
    const seeded = await openTestHost(dir, { demoEmployees: 120 });
    const dbPath = seeded.runtime.dbPath;
    await seeded.close();
    // The full run sends reads through a reader thread as the app does; the quick one keeps them on the writer.
    host = await startHost({ dbPath, transport: 'test', clock: fixedClock(TEST_TODAY), validateResponses: true, readers: FULL ? 1 : 0, log: () => undefined });
    await host.readersReady();
  }, 120_000);
  afterAll(() => host?.close());

  async function oneCase(channel: Channel, payload: unknown): Promise<void> {
    const before = currentChecksum();
    let timer: NodeJS.Timeout | undefined;
    const answer = await Promise.race([
      host.dispatch(channel, payload),
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), TIME_LIMIT_MS))),
    ]);
    clearTimeout(timer);
    const shown = () => `${channel} ${describePayload(payload)}`;
    expect(answer, `no answer within ${TIME_LIMIT_MS} ms: ${shown()}`).not.toBe('timeout');
    const result = answer as Result<unknown>;
    expect(typeof result.ok, shown()).toBe('boolean');
    const outcome = result.ok ? 'ok' : String(result.error?.code);
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    // Both transports must be able to carry the answer: JSON (web host) and structured clone (Electron IPC).
    expect(() => JSON.stringify(result), shown()).not.toThrow();
    expect(() => structuredClone(result), shown()).not.toThrow();
    if (result.ok) return;
    expect(ERROR_CODES, shown()).toContain(result.error.code);
    expect(result.error.code, `${shown()}: ${result.error.message}`).not.toBe('internal');
    expect(typeof result.error.message).toBe('string');
    expect(result.error.message.trim().length, shown()).toBeGreaterThan(0);
    expect(result.error.message, shown()).not.toMatch(/SQLITE_|TypeError|ReferenceError|RangeError|\bat \S+:\d+/);
    expect(currentChecksum(), `refused, yet the database changed: ${shown()}`).toBe(before);
  }

  const channels = CHANNELS.filter((channel) => !SKIPPED[channel]);

  it('skips only what it names, with the reason', () => {
    for (const [channel, reason] of Object.entries(SKIPPED)) {
      expect(CHANNELS).toContain(channel);
      expect(reason!.length).toBeGreaterThan(20);
    }
    expect(channels.length).toBeGreaterThan(100);
  });

  it('answers an unknown channel and a channel name of every kind with a structured error', async () => {
    for (const name of ['employees:drop', '', '__proto__', 'constructor', 'toString', 'employees:list ', 'EMPLOYEES:LIST', 'x'.repeat(10_000)]) {
      const result = await host.dispatch(name, {});
      expect(!result.ok && result.error.code, name.slice(0, 40)).toBe('unknown_channel');
    }
  });

  it.each(channels)('%s', async (channel) => {
    const valid = validRequest(channel, SEED % 1000);
    expect(valid, `no valid request could be generated for ${channel}`).not.toBeNull();
    const schema = contract[channel].request;
    const cases = fc.oneof(
      { weight: 3, arbitrary: schemaArbitrary(schema) },
      { weight: 4, arbitrary: nearValidArbitrary(valid) },
      { weight: 2, arbitrary: strangeValue },
    );
    await fc.assert(fc.asyncProperty(cases, (payload) => oneCase(channel, payload)), {
      seed: SEED, numRuns: RUNS + 1, examples: [[valid]], endOnFailure: !FULL,
    });
  });

  it('reached the handlers, not only the validation in front of them', () => {
    const count = (outcome: string) => outcomes.get(outcome) ?? 0;
    const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
    if (FULL) console.log(`channel fuzz: ${total} cases`, Object.fromEntries(outcomes));
    expect(total).toBeGreaterThanOrEqual(channels.length * (RUNS + 1));
    // Accepted requests on most channels, and refusals that came from the handlers (missing rows, conflicts).
    expect(count('ok')).toBeGreaterThan(channels.length / 2);
    expect(count('not_found') + count('conflict')).toBeGreaterThan(10);
    expect(count('validation')).toBeGreaterThan(channels.length);
  });
});

function describePayload(payload: unknown): string {
  try {
    const text = JSON.stringify(payload, (_key, value) => (typeof value === 'bigint' ? `${value}n` : value));
    return (text ?? String(payload)).slice(0, 300);
  } catch {
    return String(payload).slice(0, 300);
  }
}
