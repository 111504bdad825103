import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managerRun } from '../../main/db/sql/run';
import { refreshDerived } from '../../main/db/derived';
import type { JenjangHost } from '../../main/host';
import { openTestHost, tempDir, queryOn } from '../helpers/temp-db';

describe('derived data refreshed on write', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const q = (sql: string, params: unknown[] = []) => queryOn(host, sql, params);

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 50 });
    // The dictionary is seeded by the migration (M.01 = id 1, M.02 = id 2); start from no assessments.
    await q('DELETE FROM competency_assessment');
    await q('DELETE FROM employee_competency_current');
  });
  afterAll(() => host.close());

  it('keeps the latest assessment per employee and competency, ties broken by the later record', async () => {
    const insert = `INSERT INTO competency_assessment (employee_id, competency_id, level, assessed_on, method, source, created_at) VALUES (?, ?, ?, ?, 'assessment_center', 'manual', 'now')`;
    await q(insert, [1, 1, 2, '2022-05-01']);
    await q(insert, [1, 1, 4, '2025-05-01']);
    await q(insert, [1, 1, 3, '2024-05-01']);
    await q(insert, [1, 2, 3, '2025-01-01']);
    await q(insert, [1, 2, 2, '2025-01-01']); // same day, recorded later: counts
    await q(insert, [2, 1, 5, '2023-01-01']);
    await host.services.dataSource.transaction((manager) => refreshDerived(managerRun(manager), 'competency_assessment', [1, 2]));
    expect(await q('SELECT employee_id, competency_id, level, assessed_on FROM employee_competency_current ORDER BY 1, 2')).toEqual([
      { employee_id: 1, competency_id: 1, level: 4, assessed_on: '2025-05-01' },
      { employee_id: 1, competency_id: 2, level: 2, assessed_on: '2025-01-01' },
      { employee_id: 2, competency_id: 1, level: 5, assessed_on: '2023-01-01' },
    ]);
    // A full recompute gives the same rows.
    const before = await q('SELECT * FROM employee_competency_current ORDER BY 1, 2');
    await host.services.dataSource.transaction((manager) => refreshDerived(managerRun(manager), 'competency_assessment', 'all'));
    expect(await q('SELECT * FROM employee_competency_current ORDER BY 1, 2')).toEqual(before);
  });
});
