// Two desks at once on the two forms that carry a version since the rumpun and "Jadikan IDP" were versioned: a
// position's rumpun names the position's version (shared with its key mark and competency standard), and Peta
// Karier's "Jadikan IDP" names the version of this year's development plan as the screen read it (null: it saw
// none). Of two people acting from the same reading the second is refused with who acted first and when, and
// nothing of the refused change is written.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost, TypedCall } from '../../main/host';
import { twoDesks } from '../helpers/auth';
import { expectOk, openTestHost, tempDir, queryOn } from '../helpers/temp-db';

const STALE = /sudah diubah oleh Sri Wahyuni pada \d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2}\. Muat ulang, lalu ulangi perubahan Anda\.$/;

describe('two desks at once: a position\'s rumpun and "Jadikan IDP"', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let sri: TypedCall;
  let budi: TypedCall;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryOn<T>(host, sql, params);
  const auditCount = async () => (await q<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log'))[0].n;

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 200, seed: 11 });
    ({ sri, budi } = await twoDesks(host));
  }, 120_000);
  afterAll(() => host.close());

  describe('a position\'s rumpun', () => {
    it('the second save from the same version is refused with who and when, and writes nothing', async () => {
      const [post] = (expectOk(await sri('succession:positions', {}))).rows;
      const readBySri = expectOk(await sri('succession:position', { positionId: post.positionId })).position;
      const readByBudi = expectOk(await budi('succession:position', { positionId: post.positionId })).position;
      expect(readByBudi.version).toBe(readBySri.version);

      const saved = expectOk(await sri('succession:setRumpun', { positionId: post.positionId, version: readBySri.version, rumpun: 'Rumpun Sri' }));
      expect(saved).toEqual({ positionId: post.positionId, rumpun: 'Rumpun Sri', rumpunSetByOffice: true, version: readBySri.version + 1 });
      const audit = await auditCount();

      const refused = await budi('succession:setRumpun', { positionId: post.positionId, version: readByBudi.version, rumpun: 'Rumpun Budi' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: saved.version, changedBy: 'Sri Wahyuni' } } });
      expect(!refused.ok && refused.error.message).toMatch(/^Jabatan ini sudah diubah oleh Sri Wahyuni pada /);
      expect(!refused.ok && refused.error.message).toMatch(STALE);
      expect(expectOk(await budi('succession:position', { positionId: post.positionId })).position).toMatchObject({ rumpun: 'Rumpun Sri', rumpunSetByOffice: true, version: saved.version });
      expect(await auditCount()).toBe(audit);

      // Giving the rumpun back to Jenjang's proposal from the stale reading is refused too.
      const back = await budi('succession:setRumpun', { positionId: post.positionId, version: readByBudi.version, rumpun: null });
      expect(back).toMatchObject({ ok: false, error: { code: 'conflict' } });

      // From the current version Budi's save passes.
      const reread = expectOk(await budi('succession:position', { positionId: post.positionId })).position;
      expect(expectOk(await budi('succession:setRumpun', { positionId: post.positionId, version: reread.version, rumpun: 'Rumpun Budi' })).version).toBe(saved.version + 1);
    });

    it('shares the position\'s version with its key mark: a mark saved since makes the rumpun form stale', async () => {
      const [post] = (expectOk(await sri('succession:positions', {}))).rows;
      const seen = expectOk(await budi('succession:position', { positionId: post.positionId })).position;
      expectOk(await sri('succession:setKey', { positionId: post.positionId, version: seen.version, isKey: !seen.isKey }));
      const refused = await budi('succession:setRumpun', { positionId: post.positionId, version: seen.version, rumpun: 'Rumpun Lain' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { changedBy: 'Sri Wahyuni' } } });
      expect((await q<{ rumpun: string }>('SELECT rumpun FROM position WHERE id = ?', [post.positionId]))[0].rumpun).toBe(seen.rumpun);
    });

    it('saving what is stored already from the current version changes nothing and keeps the version', async () => {
      const [post] = (expectOk(await sri('succession:positions', {}))).rows;
      const seen = expectOk(await sri('succession:position', { positionId: post.positionId })).position;
      const audit = await auditCount();
      const same = expectOk(await sri('succession:setRumpun', { positionId: post.positionId, version: seen.version, rumpun: seen.rumpunSetByOffice ? seen.rumpun : null }));
      expect(same).toEqual({ positionId: post.positionId, rumpun: seen.rumpun, rumpunSetByOffice: seen.rumpunSetByOffice, version: seen.version });
      expect(await auditCount()).toBe(audit);
    });
  });

  describe('"Jadikan IDP" on Peta Karier', () => {
    const year = () => Number(host.services.clock.today().slice(0, 4));
    /** An active employee with a career step whose missing requirements an IDP answers, and no plan this year. */
    async function someoneWithDevelopableStep(skip: number[] = []) {
      const people = await q<{ id: number }>(`SELECT id FROM employee WHERE status = 'active' AND employment_type = 'PNS' ORDER BY id`);
      for (const { id } of people) {
        if (skip.includes(id)) continue;
        const step = expectOk(await sri('paths:employee', { employeeId: id })).steps.find((s) => s.developable > 0);
        const plans = expectOk(await sri('plans:ofEmployee', { employeeId: id })).plans;
        if (step && !plans.some((p) => p.year === year())) return { employeeId: id, stepId: step.stepId };
      }
      throw new Error('no employee with a developable step in the demo');
    }
    const planOf = async (employeeId: number) => expectOk(await sri('plans:ofEmployee', { employeeId })).plans.find((p) => p.year === year()) ?? null;
    const itemCount = async () => (await q<{ n: number }>('SELECT COUNT(*) AS n FROM development_plan_item'))[0].n;

    it('two desks that saw no plan: the second is refused with who made it and when, and nothing is written', async () => {
      const who = await someoneWithDevelopableStep();
      const made = expectOk(await sri('paths:makeIdp', { ...who, planVersion: null }));
      expect(made.created).toBe(true);
      const plan = (await planOf(who.employeeId))!;
      const items = await itemCount();
      const audit = await auditCount();

      const refused = await budi('paths:makeIdp', { ...who, planVersion: null });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: plan.version, changedBy: 'Sri Wahyuni' } } });
      expect(!refused.ok && refused.error.message).toMatch(new RegExp(`^Rencana pengembangan ${year()} pegawai ini sudah diubah oleh Sri Wahyuni pada `));
      expect(!refused.ok && refused.error.message).toMatch(STALE);
      expect(await itemCount()).toBe(items);
      expect(await auditCount()).toBe(audit);

      // From the plan's version, asked again: every activity is there already.
      expect(expectOk(await budi('paths:makeIdp', { ...who, planVersion: plan.version }))).toMatchObject({ planId: plan.id, added: 0, created: false });
    });

    it('a plan changed by another desk since the screen read it: refused, nothing written; from the new version it passes', async () => {
      const who = await someoneWithDevelopableStep();
      // Sri makes this year's plan by hand without the step's activities.
      const { id: planId } = expectOk(await sri('plans:create', {
        employeeId: who.employeeId, year: year(), targetPositionId: null, notes: null,
        items: [{ competencyId: null, requirement: 'Kebutuhan lain', currentLevel: null, targetLevel: null, activity: 'Kegiatan lain', catalogId: null, jp: 0, estimatedCost: 0, targetDate: null, status: 'direncanakan' }],
      }));
      const seen = (await planOf(who.employeeId))!;
      expect(seen.id).toBe(planId);
      // Budi's screen read `seen`; Sri then adds another item by hand.
      expectOk(await sri('plans:addItem', {
        planId, version: seen.version,
        input: { competencyId: null, requirement: 'Kebutuhan kedua', currentLevel: null, targetLevel: null, activity: 'Kegiatan kedua', catalogId: null, jp: 0, estimatedCost: 0, targetDate: null, status: 'direncanakan' },
      }));
      const items = await itemCount();
      const audit = await auditCount();
      const refused = await budi('paths:makeIdp', { ...who, planVersion: seen.version });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: seen.version + 1, changedBy: 'Sri Wahyuni' } } });
      expect(await itemCount()).toBe(items);
      expect(await auditCount()).toBe(audit);

      const now = (await planOf(who.employeeId))!;
      const made = expectOk(await budi('paths:makeIdp', { ...who, planVersion: now.version }));
      expect(made).toMatchObject({ planId, created: false });
      expect(made.added).toBeGreaterThan(0);
      expect((await planOf(who.employeeId))!.version).toBe(now.version + 1);
    });

    it('a plan removed by another desk since the screen read it: refused, no plan made', async () => {
      const who = await someoneWithDevelopableStep();
      const made = expectOk(await sri('paths:makeIdp', { ...who, planVersion: null }));
      const seen = (await planOf(who.employeeId))!;
      expectOk(await sri('plans:delete', { id: made.planId, version: seen.version }));
      const refused = await budi('paths:makeIdp', { ...who, planVersion: seen.version });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(!refused.ok && refused.error.message).toMatch(/Muat ulang/);
      expect(await planOf(who.employeeId)).toBeNull();
    });
  });
});
