import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { inputFromProfile, NEW_EMPLOYEE } from '../helpers/employee-input';
import { expectOk, openTestHost, tempDir } from '../helpers/temp-db';

describe('employee records through the dispatcher', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const count = async (table: string) => (await host.services.dataSource.query(`SELECT COUNT(*) n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 700 });
  });
  afterAll(() => host.close());

  it('creates an employee with normalised NIP, history rows and an audit entry', async () => {
    const [{ id: positionId, unit_id: unitId }] = await host.services.dataSource.query(`SELECT id, unit_id FROM position WHERE kind = 'pelaksana' LIMIT 1`);
    const fallbackUnit = (await host.services.dataSource.query('SELECT id FROM unit LIMIT 1'))[0].id;
    const created = expectOk(await host.call('employees:create', { input: { ...NEW_EMPLOYEE, positionId, positionTmt: '2020-01-01', unitId: unitId ?? fallbackUnit } }));
    const profile = expectOk(await host.call('employees:get', { id: created.id }));
    expect(profile.nip).toBe('199002152015032001');
    expect(profile.nipCheck).toMatchObject({ valid: true, mismatches: [] });
    expect(profile.retirement.date).toBe('2048-03-01');
    const history = expectOk(await host.call('employees:history', { employeeId: created.id }));
    expect(history.positions).toHaveLength(1);
    expect(history.ranks.map((r) => r.golongan)).toEqual([32]);
    const audit = expectOk(await host.call('audit:list', { employeeId: created.id }));
    expect(audit.rows[0]).toMatchObject({ action: 'create', entity: 'employee' });
  });

  it('refuses a duplicate NIP and writes nothing', async () => {
    const [existing] = await host.services.dataSource.query('SELECT nip FROM employee LIMIT 1');
    const [employees, audits] = [await count('employee'), await count('audit_log')];
    const result = await host.call('employees:create', { input: { ...NEW_EMPLOYEE, nip: existing.nip } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.details?.issues?.[0]).toMatchObject({ path: 'nip' });
      expect(result.error.message).toMatch(/sudah terdaftar/);
    }
    expect([await count('employee'), await count('audit_log')]).toEqual([employees, audits]);
  });

  it.each([
    ['a NIP of the wrong length', { nip: '1234567' }, 'nip'],
    ['an impossible NIP date', { nip: '199013452015032001' }, 'nip'],
    ['a birth date in the future', { nip: '203001012050012001', birthDate: '2030-01-01', cpnsTmt: '2050-01-01' }, 'birthDate'],
  ])('refuses %s with an Indonesian message and no write', async (_label, patch, path) => {
    const before = await count('employee');
    const result = await host.call('employees:create', { input: { ...NEW_EMPLOYEE, ...patch } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details?.issues?.map((i) => i.path)).toContain(path);
    expect(await count('employee')).toBe(before);
  });

  it('updates a field, bumps the version, and logs before and after', async () => {
    const profile = expectOk(await host.call('employees:get', { id: 5 }));
    const saved = expectOk(await host.call('employees:update', { id: 5, version: profile.version, input: { ...inputFromProfile(profile), phone: '081299990000' } }));
    expect(saved.version).toBe(profile.version + 1);
    const audit = expectOk(await host.call('audit:list', { employeeId: 5 }));
    expect(audit.rows[0].changes).toEqual([{ field: 'phone', label: 'Telepon', before: profile.phone, after: '081299990000' }]);
  });

  it('refuses a stale version (someone else saved first) and keeps their change', async () => {
    const profile = expectOk(await host.call('employees:get', { id: 6 }));
    expectOk(await host.call('employees:update', { id: 6, version: profile.version, input: { ...inputFromProfile(profile), notes: 'pertama' } }));
    const stale = await host.call('employees:update', { id: 6, version: profile.version, input: { ...inputFromProfile(profile), notes: 'kedua' } });
    expect(!stale.ok && stale.error.code).toBe('conflict');
    expect(expectOk(await host.call('employees:get', { id: 6 })).notes).toBe('pertama');
  });

  it('records a move to another position as history, closing the previous row', async () => {
    const profile = expectOk(await host.call('employees:get', { id: 7 }));
    // Chosen here rather than with a bound parameter, so the statement reads the same on SQLite and PostgreSQL.
    const other = ((await host.services.dataSource.query(`SELECT id FROM position WHERE unit_id IS NULL ORDER BY id`)) as Array<{ id: number }>)
      .find((p) => p.id !== profile.position!.id)!;
    expectOk(await host.call('employees:update', { id: 7, version: profile.version, input: { ...inputFromProfile(profile), positionId: other.id, positionTmt: '2026-10-01' } }));
    const history = expectOk(await host.call('employees:history', { employeeId: 7 }));
    expect(history.positions[0]).toMatchObject({ tmt: '2026-10-01', endDate: null, source: 'manual' });
    expect(history.positions[1].endDate).toBe('2026-09-30');
    const audit = expectOk(await host.call('audit:list', { employeeId: 7 }));
    expect(audit.rows[0].changes.map((c) => c.field)).toEqual(['positionId', 'positionTmt']);
    // The stored TMT pensiun follows the new position's BUP.
    const moved = expectOk(await host.call('employees:get', { id: 7 }));
    const [row] = await host.services.dataSource.query('SELECT retirement_date FROM employee WHERE id = 7');
    expect(row.retirement_date).toBe(moved.retirement.date);
  });

  it('answers not_found for an unknown employee', async () => {
    const result = await host.call('employees:get', { id: 999_999 });
    expect(!result.ok && result.error).toMatchObject({ code: 'not_found' });
  });

  it('flags a stored birth date that disagrees with the NIP', async () => {
    const [row] = await host.services.dataSource.query(`SELECT id FROM employee WHERE id % 613 = 0 LIMIT 1`);
    expect(row).toBeDefined();
    const profile = expectOk(await host.call('employees:get', { id: row.id }));
    expect(profile.nipCheck.mismatches.map((m) => m.field)).toEqual(['birthDate']);
  });
});
