// The office's default priority weights (Rencana Anggaran › "Simpan bobot sebagai bawaan") are a settings section
// like the others: saved from two desks that read the same version, the second save is refused with who saved
// first and when, and nothing of it is written.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { expectOk, openTestHost, tempDir } from '../helpers/temp-db';

describe('planning weights from two desks', () => {
  const dir = tempDir();
  let host: JenjangHost;
  beforeAll(async () => { host = await openTestHost(dir); });
  afterAll(() => host.close());

  it('refuses the later save made from the same version, naming who saved and when', async () => {
    const read = expectOk(await host.call('planning:weights', {}));
    const first = expectOk(await host.call('planning:saveWeights', { ...read, jp: read.jp === 10 ? 9 : read.jp + 1 }));
    expect(first.version).toBe(read.version + 1);
    const stale = await host.call('planning:saveWeights', { ...read, leadership: read.leadership === 0 ? 1 : read.leadership - 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: first.version } } });
    expect(!stale.ok && stale.error.message).toMatch(/ sudah diubah oleh .+ pada \d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2}\. Muat ulang, lalu ulangi perubahan Anda\.$/);
    expect(expectOk(await host.call('planning:weights', {}))).toEqual(first);
  });

  it('refuses a save without the version the form read', async () => {
    const { version: _version, ...weights } = expectOk(await host.call('planning:weights', {}));
    expect(await host.call('planning:saveWeights', weights as never)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
