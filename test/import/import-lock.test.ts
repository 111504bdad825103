// Leaving an import preview frees the import for the other desks at once: the preview's lease would otherwise
// hold it for twenty minutes after the wizard was closed. Only the caller's own lease is released, never a commit
// that runs and never someone else's preview.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited } from '../../main/demo/import-files';
import type { JenjangHost, TypedCall } from '../../main/host';
import { fixedClock } from '../../main/services/clock';
import { InProcessJobLocks } from '../../main/services/locks/job-locks';
import { twoDesks } from '../helpers/auth';
import { expectOk, openTestHost, tempDir, TEST_TODAY } from '../helpers/temp-db';

describe('leaving an import preview', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let sri: TypedCall;
  let budi: TypedCall;

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 30, recordsOnly: true });
    ({ sri, budi } = await twoDesks(host));
  });
  afterAll(() => host.close());

  it('frees the import for another desk at once, and only the leaver\'s own preview', async () => {
    const district = generateDemoDistrict({ employees: 20, seed: 41, asOf: TEST_TODAY });
    const file = path.join(dir, 'siasn-tinggal.csv');
    writeDelimited(file, SIASN_HEADER, siasnRows(district), { delimiter: '|' });
    const fileId = async () => (await host.services.files.registerPath(file)).id;

    const preview = expectOk(await sri('import:preview', { fileId: await fileId() }));
    expect(await budi('import:preview', { fileId: await fileId() })).toMatchObject({ ok: false, error: { code: 'busy' } });
    // Budi leaving Sri's preview (a stale tab, a forged id) frees nothing.
    expect(expectOk(await budi('import:discard', { previewId: preview.previewId }))).toEqual({ released: false });
    expect(await host.services.jobLocks.holder('impor')).toMatchObject({ holder: 'Sri Wahyuni (sri)' });

    expect(expectOk(await sri('import:discard', { previewId: preview.previewId }))).toEqual({ released: true });
    expect(await host.services.jobLocks.holder('impor')).toBeNull();
    // The left preview cannot be saved any more; Budi's preview runs now.
    expect(await sri('import:commit', { previewId: preview.previewId, jobId: 'job-tinggal-1', confirmInstansi: true }))
      .toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(expectOk(await budi('import:preview', { fileId: await fileId() })).previewId).toBeTruthy();
  });

  it('never releases a lock held for a running job, only a lease', async () => {
    const locks = new InProcessJobLocks(fixedClock(TEST_TODAY));
    await locks.acquire('impor', 'Sri Wahyuni (sri)');
    expect(await locks.releaseLease('impor', 'Sri Wahyuni (sri)')).toBe(false);
    expect(await locks.holder('impor')).toMatchObject({ holder: 'Sri Wahyuni (sri)' });
    await locks.release('impor', 'Sri Wahyuni (sri)');
    await locks.acquire('impor', 'Sri Wahyuni (sri)', { leaseMs: 60_000 });
    expect(await locks.releaseLease('impor', 'Budi Santoso (budi)')).toBe(false);
    expect(await locks.releaseLease('impor', 'Sri Wahyuni (sri)')).toBe(true);
    expect(await locks.holder('impor')).toBeNull();
  });
});
