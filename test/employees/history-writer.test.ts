// Position and rank history have one writer (main/db/sql/history.sql.ts) for the forms and the import. Tested once
// here, through both ways of running SQL: a TypeORM transaction and a bulk transaction's prepared statements.

import { afterAll, describe, expect, it } from 'vitest';
import { runBulkTransaction } from '../../main/db/bulk-transaction';
import { recordPositionMove, recordRankStep } from '../../main/db/sql/history.sql';
import { bulkRun, managerRun, type Run } from '../../main/db/sql/run';
import { openTestHost, tempDir } from '../helpers/temp-db';

describe('the history writer', async () => {
  const host = await openTestHost(tempDir(), { demoEmployees: 30, recordsOnly: true });
  afterAll(() => host.close());
  const ds = host.services.dataSource;
  const [person] = await ds.query(`SELECT e.id FROM employee e WHERE e.position_id IS NOT NULL AND e.status = 'active' ORDER BY e.id LIMIT 1`);
  const positions: Array<{ id: number; name: string; level: string }> = await ds.query('SELECT id, name, level FROM position ORDER BY id LIMIT 2');
  const historyOf = (employeeId: number) => ds.query('SELECT position_id, tmt, end_date, source, snapshot_id FROM position_history WHERE employee_id = ? ORDER BY tmt, id', [employeeId]);

  const viaTypeorm = (work: (run: Run) => Promise<unknown>) => ds.transaction((manager) => work(managerRun(manager)));
  const viaBulk = (work: (run: Run) => Promise<unknown>) => runBulkTransaction(ds, (tx) => work(bulkRun(tx)));

  for (const [label, within] of [['TypeORM transaction', viaTypeorm], ['bulk transaction', viaBulk]] as const) {
    it(`closes the open rows the day before the new TMT and opens one (${label})`, async () => {
      const before = await historyOf(person.id);
      const tmt = label === 'bulk transaction' ? '2026-09-01' : '2026-06-01';
      const closed = await within((run) => recordPositionMove(run, {
        employeeId: person.id, positionId: positions[1].id, positionName: positions[1].name, positionLevel: positions[1].level,
        unitId: null, unitName: null, tmt, source: label === 'bulk transaction' ? 'import' : 'manual', snapshotId: null, now: '2026-11-24T08:00:00.000Z',
      })) as Array<{ endDateAfter: string }>;
      const after = await historyOf(person.id);
      expect(after).toHaveLength(before.length + 1);
      expect(closed.length).toBeGreaterThan(0);
      expect(closed.every((c) => c.endDateAfter === (tmt === '2026-06-01' ? '2026-05-31' : '2026-08-31'))).toBe(true);
      expect(after.filter((r: { end_date: string | null }) => r.end_date === null)).toEqual([
        expect.objectContaining({ position_id: positions[1].id, tmt }),
      ]);
    });
  }

  it('appends only when asked not to close (a first row), and appends rank steps', async () => {
    const before = await historyOf(person.id);
    await viaBulk(async (run) => {
      await recordPositionMove(run, {
        employeeId: person.id, positionId: positions[0].id, positionName: positions[0].name, positionLevel: positions[0].level,
        unitId: null, unitName: null, tmt: '2030-01-01', source: 'import', snapshotId: null, now: '2026-11-24T08:00:00.000Z',
      }, { closeOpen: false });
      await recordRankStep(run, { employeeId: person.id, golongan: 33, tmt: '2026-10-01', source: 'manual', snapshotId: null, now: '2026-11-24T08:00:00.000Z' });
    });
    const after = await historyOf(person.id);
    expect(after.filter((r: { end_date: string | null }) => r.end_date === null)).toHaveLength(2);
    expect(after.length).toBe(before.length + 1);
    const [rank] = await ds.query('SELECT golongan, tmt, source FROM rank_history WHERE employee_id = ? ORDER BY id DESC LIMIT 1', [person.id]);
    expect(rank).toEqual({ golongan: 33, tmt: '2026-10-01', source: 'manual' });
  });
});
