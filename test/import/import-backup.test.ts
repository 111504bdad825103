// An import takes no copy of the whole database: its undo comes from the change log written in the same
// transaction, and the net under that log is the daily copy, which the import writes first only when today's is
// due (the daily setting on and no copy of the day yet). Real SQLite files, real migrations.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited, type Row } from '../../main/demo/import-files';
import type { JenjangHost } from '../../main/host';
import { commitPreview, dumpEmployeeTables, nextJobId, previewFile } from '../helpers/import';
import { atCurrentVersion } from '../helpers/settings-version';
import { expectOk, openTestHost, tempDir, TEST_TODAY } from '../helpers/temp-db';

describe('an import with the daily backup off', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let first: string;
  let second: string;

  beforeAll(async () => {
    host = await openTestHost(dir);
    expectOk(await host.call('backup:updateSettings', await atCurrentVersion(host, 'backup:updateSettings', { daily: false })));
    const district = generateDemoDistrict({ employees: 150, seed: 21, asOf: TEST_TODAY });
    const rows = siasnRows(district) as Row[];
    first = path.join(dir, 'siasn-1.csv');
    writeDelimited(first, SIASN_HEADER, rows, { delimiter: '|' });
    // The next month: a tenth of the rows with a new TMT golongan, and every twentieth moved to another unit.
    const units = district.units.filter((u) => u.depth === 1);
    second = path.join(dir, 'siasn-2.csv');
    writeDelimited(second, SIASN_HEADER, rows.map((r, i) => {
      const unit = units[i % units.length];
      if (i % 20 === 3) return { ...r, unor_id: unit.code, unor_nama: unit.name, satuan_kerja_kerja_id: unit.code, satuan_kerja_kerja_nama: unit.name, tmt_jabatan: '01-11-2026' };
      if (i % 10 === 5) return { ...r, tmt_golongan: '01-10-2026' };
      return r;
    }), { delimiter: '|' });
  });
  afterAll(() => host.close());

  const copies = () => ['cadangan', 'cadangan-impor'].flatMap((folder) => (fs.existsSync(path.join(dir, folder)) ? fs.readdirSync(path.join(dir, folder)) : []));

  it('copies nothing, records no copy, and is undone from its change log', async () => {
    const firstResult = await commitPreview(host, (await previewFile(host, first)).previewId);
    expect(firstResult.backupPath).toBeNull();
    const before = await dumpEmployeeTables(host);

    const preview = await previewFile(host, second);
    expect(preview.diff.changed).toBeGreaterThan(10);
    const result = await commitPreview(host, preview.previewId);
    expect(result.backupPath).toBeNull();
    expect(copies()).toEqual([]);
    const history = expectOk(await host.call('import:history', {}));
    expect(history.rows.map((r) => r.backupPath)).toEqual([null, null]);
    expect(await dumpEmployeeTables(host)).not.toEqual(before);

    const undone = expectOk(await host.call('import:undo', { snapshotId: result.snapshotId, jobId: nextJobId() }));
    expect(undone.restored).toBeGreaterThan(0);
    expect(await dumpEmployeeTables(host)).toEqual(before);
    expect(copies()).toEqual([]);
  });
});

describe('the daily copy an import writes first', () => {
  const dir = tempDir();
  let host: JenjangHost;
  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 40, seed: 3, recordsOnly: true });
  });
  afterAll(() => host.close());

  it('is written once when the import and the daily check ask for it at the same time', async () => {
    const [a, b] = await Promise.all([host.services.backup.dailyIfDue(), host.services.backup.dailyIfDue()]);
    expect(a).not.toBeNull();
    expect(b?.path).toBe(a!.path);
    expect(fs.readdirSync(path.join(dir, 'cadangan'))).toEqual([path.basename(a!.path)]);
    // Written: the next call of the day finds it and writes nothing.
    expect(await host.services.backup.dailyIfDue()).toBeNull();
  });
});
