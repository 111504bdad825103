import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { SYSTEM_ACTOR } from '../../shared/auth/acting';
import { actAsNewAccount } from '../helpers/auth';
import { expectOk, openTestHost, tempDir } from '../helpers/temp-db';

describe('export:xlsx', () => {
  const dir = tempDir();
  let host: JenjangHost;
  beforeAll(async () => {
    host = await openTestHost(dir);
  });
  afterAll(() => host.close());

  it('writes a workbook with title, header and typed cells', async () => {
    const file = expectOk(await host.call('export:xlsx', {
      title: 'Proyeksi pensiun: uji',
      subtitle: ['Per 24 November 2026'],
      columns: [
        { key: 'name', header: 'Nama' }, { key: 'count', header: 'Jumlah', type: 'integer' },
        { key: 'share', header: 'Persen', type: 'percent' }, { key: 'tmt', header: 'TMT', type: 'date' },
      ],
      rows: [{ name: 'Dinas Kesehatan', count: 423, share: 14.1, tmt: '2027-04-01' }, { name: 'Tanpa data', count: null, share: null, tmt: null }],
    }));
    expect(file.fileName).toBe('proyeksi-pensiun-uji-2026-11-24.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Proyeksi pensiun  uji');
    expect(sheet.getRow(1).getCell(1).value).toBe('Proyeksi pensiun: uji');
    expect(sheet.getRow(4).values).toEqual([undefined, 'Nama', 'Jumlah', 'Persen', 'TMT']);
    const data = sheet.getRow(5);
    expect(data.getCell(1).value).toBe('Dinas Kesehatan');
    expect(data.getCell(2).value).toBe(423);
    expect(data.getCell(4).value).toEqual(new Date(Date.UTC(2027, 3, 1)));
    expect(sheet.getRow(6).getCell(2).value).toBeNull();
  });

  it('writes text that looks like a formula as text behind the OWASP apostrophe, and names the acting account (with its NIP) as author', async () => {
    // A free-text operator name left in an older database is never read.
    await host.services.settings.setValue('operatorName', 'Nama Operator Lama');
    await actAsNewAccount(host, { username: 'budi', fullName: 'Budi Santoso, S.E.', nip: '198503122010011002' });
    try {
      const file = expectOk(await host.call('export:xlsx', {
        title: 'Catatan', columns: [{ key: 'note', header: 'Catatan' }, { key: 'n', header: 'Jumlah', type: 'integer' }],
        rows: [{ note: '=HYPERLINK("http://contoh.invalid","klik")', n: 1 }, { note: '+62 812 3456', n: 2 }, { note: '@SUM(A1:A2)', n: 3 }, { note: '-1', n: 4 }],
      }));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
      expect(workbook.creator).toBe('Budi Santoso, S.E. (NIP 19850312 201001 1 002)');
      const sheet = workbook.worksheets[0];
      const notes = [4, 5, 6, 7].map((r) => sheet.getRow(r).getCell(1));
      expect(notes.map((c) => c.value)).toEqual(["'=HYPERLINK(\"http://contoh.invalid\",\"klik\")", "'+62 812 3456", "'@SUM(A1:A2)", "'-1"]);
      expect(notes.map((c) => c.type)).toEqual(notes.map(() => ExcelJS.ValueType.String));
      expect(String(sheet.getRow(2).getCell(1).value)).toBe('Dibuat dengan Jenjang oleh Budi Santoso, S.E. (NIP 19850312 201001 1 002), 24 November 2026');
    } finally {
      host.setLocalActor(SYSTEM_ACTOR);
    }
  });

  it('names no author when a built-in actor without an account exports (the command line, the system)', async () => {
    const file = expectOk(await host.call('export:xlsx', { title: 'Catatan', columns: [{ key: 'note', header: 'Catatan' }], rows: [{ note: 'satu' }] }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.creator).toBe('Jenjang');
    expect(String(workbook.worksheets[0].getRow(2).getCell(1).value)).toBe('Dibuat dengan Jenjang, 24 November 2026');
  });

  it('rejects a table without columns', async () => {
    const result = await host.dispatch('export:xlsx', { title: 'x', columns: [], rows: [] });
    expect(!result.ok && result.error.code).toBe('validation');
  });
});
