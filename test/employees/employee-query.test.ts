import { nameSearchWords } from '../../main/db/sql/employee-rows.sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { formatNip } from '../../shared/domain/nip';
import { expectOk, openTestHost, tempDir } from '../helpers/temp-db';

describe('Pegawai list: search, filters, sort, paging', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const q = (sql: string, params: unknown[] = []) => host.services.dataSource.query(sql, params);

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 2000, seed: 9 });
  });
  afterAll(() => host.close());

  it('counts every employee without filters', async () => {
    const page = expectOk(await host.call('employees:list', { limit: 10 }));
    expect(page.total).toBe(2000);
    expect(page.rows).toHaveLength(10);
  });

  it('finds an employee by the NIP as printed, with spaces', async () => {
    const [row] = await q('SELECT id, nip FROM employee WHERE id = 1234');
    const page = expectOk(await host.call('employees:list', { search: formatNip(row.nip) }));
    expect(page.rows.map((r) => r.id)).toEqual([1234]);
  });

  it('finds by NIP prefix exactly the employees whose NIP starts with it', async () => {
    const [row] = await q('SELECT nip FROM employee WHERE id = 77');
    const prefix = row.nip.slice(0, 6);
    const [{ n }] = await q('SELECT COUNT(*) n FROM employee WHERE nip LIKE ?', [`${prefix}%`]);
    expect(expectOk(await host.call('employees:list', { search: prefix, limit: 500 })).total).toBe(n);
  });

  it('finds names by any part of a word (trigram index), case-insensitively', async () => {
    const [{ n }] = await q(`SELECT COUNT(*) n FROM employee WHERE name LIKE '%urhay%'`);
    expect(n).toBeGreaterThan(0);
    const page = expectOk(await host.call('employees:list', { search: 'URHAY', limit: 500 }));
    expect(page.total).toBe(n);
    for (const r of page.rows) expect(r.fullName.toLowerCase()).toContain('urhay');
  });

  it('combines words: every word must match', async () => {
    const [sample] = await q(`SELECT name FROM employee WHERE name LIKE '% %' LIMIT 1`);
    const [first, second] = sample.name.split(' ');
    const page = expectOk(await host.call('employees:list', { search: `${first.slice(0, 4)} ${second.slice(0, 4)}`, limit: 500 }));
    expect(page.total).toBeGreaterThan(0);
    for (const r of page.rows) {
      expect(r.fullName.toLowerCase()).toContain(first.slice(0, 4).toLowerCase());
      expect(r.fullName.toLowerCase()).toContain(second.slice(0, 4).toLowerCase());
    }
  });

  it('finds an employee by the full name as lists print it, titles and punctuation included', async () => {
    const [titled] = await q(`SELECT id, name, front_title AS front, back_title AS back FROM employee WHERE back_title IS NOT NULL AND name LIKE '% %' LIMIT 1`);
    expect(titled, 'the demo has employees with gelar belakang').toBeDefined();
    const printed = `${titled.front ? `${titled.front} ` : ''}${titled.name}, ${titled.back}`;
    const page = expectOk(await host.call('employees:list', { search: printed, limit: 50 }));
    expect(page.rows.map((r) => r.id)).toContain(titled.id);
    expect(nameSearchWords('Dr. Nova Endah Wibowo, S.Sos.')).toEqual(['nova', 'endah', 'wibowo']);
    expect(nameSearchWords('H. Moh. Ali')).toEqual(['moh', 'ali']);
    expect(nameSearchWords('Dr.')).toEqual(['dr']);
  });

  it('filters a unit with its whole subtree', async () => {
    const [opd] = await q(`SELECT id, path FROM unit WHERE name = 'Dinas Pendidikan dan Kebudayaan'`);
    const [{ n }] = await q(`SELECT COUNT(*) n FROM employee e JOIN unit u ON u.id = e.unit_id WHERE u.path LIKE ?`, [`${opd.path}%`]);
    const page = expectOk(await host.call('employees:list', { unitId: opd.id, limit: 5 }));
    expect(page.total).toBe(n);
    expect(n).toBeGreaterThan(100);
  });

  it('filters by golongan, position kind, status and employment type together', async () => {
    const [{ n }] = await q(`SELECT COUNT(*) n FROM employee e JOIN position p ON p.id = e.position_id
      WHERE e.golongan IN (33, 34) AND p.kind = 'fungsional' AND e.status = 'active' AND e.employment_type = 'PNS'`);
    const page = expectOk(await host.call('employees:list', { golongan: [33, 34], positionKind: ['fungsional'], status: ['active'], employmentType: ['PNS'], limit: 5 }));
    expect(page.total).toBe(n);
  });

  it('sorts by every sortable column, both ways, and pages without gaps or repeats', async () => {
    for (const field of ['name', 'nip', 'golongan', 'unit', 'position', 'birthDate', 'retirementDate'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const first = expectOk(await host.call('employees:list', { sort: { field, direction }, offset: 0, limit: 150 }));
        const second = expectOk(await host.call('employees:list', { sort: { field, direction }, offset: 150, limit: 150 }));
        const ids = [...first.rows, ...second.rows].map((r) => r.id);
        expect(new Set(ids).size).toBe(300);
      }
    }
    const byBirth = expectOk(await host.call('employees:list', { sort: { field: 'birthDate', direction: 'asc' }, limit: 50 })).rows.map((r) => r.birthDate);
    expect(byBirth).toEqual([...byBirth].sort());
    const byRetirement = expectOk(await host.call('employees:list', { sort: { field: 'retirementDate', direction: 'desc' }, limit: 50 })).rows.map((r) => r.retirementDate);
    expect(byRetirement).toEqual([...byRetirement].sort().reverse());
  });

  it('treats LIKE wildcards in a search as plain characters', async () => {
    expect(expectOk(await host.call('employees:list', { search: '%' })).total).toBe(0);
    expect(expectOk(await host.call('employees:list', { search: '"a" OR "b"' })).total).toBe(0);
  });
});
