// Decisions that rest on gaps say so: the succession ranking counts the eligible candidates without a complete
// competency assessment against the post's standard (their score has no JPM). Real services on the demo district.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDerived } from '../../main/db/derived';
import type { JenjangHost } from '../../main/host';
import { expectOk, openTestHost, tempDir, queryOn, runOn } from '../helpers/temp-db';

describe('succession ranking: candidates without an assessment', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const q = (sql: string, params: unknown[] = []) => queryOn(host, sql, params);

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 600, seed: 21 });
  }, 120_000);
  afterAll(() => host.close());

  it('counts them, and one more when an assessed candidate loses the assessment', async () => {
    const [post] = await q(`SELECT p.id FROM position p WHERE p.is_key = true AND EXISTS (SELECT 1 FROM position_competency_standard s WHERE s.position_id = p.id) ORDER BY p.id LIMIT 1`);
    const rank = async () => {
      const first = expectOk(await host.call('succession:rank', { positionId: post.id, limit: 200 }));
      const rows = [...first.rows];
      while (rows.length < first.total) rows.push(...expectOk(await host.call('succession:rank', { positionId: post.id, offset: rows.length, limit: 200 })).rows);
      return { ...first, rows };
    };
    const before = await rank();
    const eligible = before.rows.filter((r) => r.rank !== null);
    expect(eligible).toHaveLength(before.eligible);
    const jpm = (r: (typeof eligible)[number]) => r.components.find((c) => c.key === 'jpm')!;
    // Every eligible candidate without a JPM against this standard is counted, and nobody with one.
    expect(before.withoutAssessment).toBe(eligible.filter((r) => jpm(r).value === null).length);
    const assessed = eligible.find((r) => jpm(r).value !== null)!;
    expect(assessed).toBeDefined();
    await q('DELETE FROM competency_assessment WHERE employee_id = ?', [assessed.employeeId]);
    await refreshDerived(runOn(host), 'competency_assessment', [assessed.employeeId]);
    const after = await rank();
    expect(after.withoutAssessment).toBe(before.withoutAssessment + 1);
    expect(after.withoutAssessment).toBeLessThanOrEqual(after.eligible);
  });
});
