// Two desks at once, through the dispatcher as the web host's clients reach it: every record edited from a form
// carries a version, so of two people who opened the same form the second to save is refused with who saved first
// and when, and nothing of the refused change is written; exclusive jobs (an import from preview to commit, the
// fixing of a talent session) refuse a second person with who runs the first and since when.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited } from '../../main/demo/import-files';
import type { JenjangHost, TypedCall } from '../../main/host';
import { InProcessJobLocks, sinceText } from '../../main/services/locks/job-locks';
import { momentId, personOfActor } from '../../main/services/versions/edit-version';
import type { Channel } from '../../shared/ipc/contract';
import { twoDesks } from '../helpers/auth';
import { nextJobId } from '../helpers/import';
import { expectOk, openTestHost, tempDir, TEST_TODAY, queryOn } from '../helpers/temp-db';

const STALE = /sudah diubah oleh (.+) pada \d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2}\. Muat ulang, lalu ulangi perubahan Anda\.$/;


describe('two desks at once', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let sri: TypedCall;
  let budi: TypedCall;
  const q = (sql: string, params: unknown[] = []) => queryOn(host, sql, params);

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 60, recordsOnly: true });
    ({ sri, budi } = await twoDesks(host));
  });
  afterAll(() => host.close());

  const ok = async <T>(result: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> => expectOk(await result);

  // Each section of Pengaturan with a form: its read and update channels, and two different changes made from the
  // version a form read.
  const SECTIONS: Array<{ title: string; read: Channel; update: Channel; first(read: any): object; second(read: any): object }> = [
    { title: 'data pribadi', read: 'privacy:settings', update: 'privacy:updateSettings', first: () => ({ importValueRetentionDays: 45 }), second: () => ({ importValueRetentionDays: 60 }) },
    { title: 'pengembangan', read: 'development:settings', update: 'development:updateSettings', first: () => ({ jpTarget: 27 }), second: () => ({ jpTarget: 33 }) },
    {
      title: 'aturan administrasi karier', read: 'careers:rules', update: 'careers:updateRules',
      first: (r) => ({ satyalancanaInterruption: r.satyalancanaInterruption === 'block' ? 'restart' : 'block' }), second: (r) => ({ satyalancanaInterruption: r.satyalancanaInterruption }),
    },
    {
      title: 'keamanan', read: 'accounts:securitySettings', update: 'accounts:saveSecuritySettings',
      first: (r) => ({ idleLockMinutes: 17, maxFailedLogins: r.maxFailedLogins, lockoutMinutes: r.lockoutMinutes }),
      second: (r) => ({ idleLockMinutes: 23, maxFailedLogins: r.maxFailedLogins, lockoutMinutes: r.lockoutMinutes }),
    },
    { title: 'cadangan', read: 'backup:settings', update: 'backup:updateSettings', first: () => ({ keep: 11 }), second: () => ({ keep: 13 }) },
    {
      title: 'manajemen talenta', read: 'talent:settings', update: 'talent:updateSettings',
      first: (r) => ({ numbering: r.numbering, poolBoxes: r.poolBoxes, thresholds: { tinggi: 83, menengah: 61 } }),
      second: (r) => ({ numbering: r.numbering, poolBoxes: r.poolBoxes, thresholds: { tinggi: 88, menengah: 66 } }),
    },
    {
      title: 'suksesi', read: 'succession:getSettings', update: 'succession:updateSettings',
      first: (r) => ({ readinessLabels: { ...r.readinessLabels, siap_sekarang: 'Siap kini' } }), second: (r) => ({ readinessLabels: { ...r.readinessLabels, siap_sekarang: 'Siap segera' } }),
    },
  ];

  for (const section of SECTIONS) {
    it(`Pengaturan ${section.title}: the second save from the same version is refused with who and when, and writes nothing`, async () => {
      const readBySri: any = await ok(sri(section.read, {} as never));
      const readByBudi: any = await ok(budi(section.read, {} as never));
      expect(readByBudi.version).toBe(readBySri.version);

      const saved: any = await ok(sri(section.update, { ...section.first(readBySri), version: readBySri.version } as never));
      expect(saved.version).toBe(readBySri.version + 1);
      const auditBefore = await q(`SELECT COUNT(*) AS n FROM audit_log`);

      const refused = await budi(section.update, { ...section.second(readByBudi), version: readByBudi.version } as never);
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: saved.version, changedBy: 'Sri Wahyuni', changedByLabel: 'Sri Wahyuni (sri)', changedAt: host.services.clock.now() } } });
      const message = !refused.ok ? refused.error.message : '';
      expect(message.startsWith(`Pengaturan ${section.title} ini sudah diubah oleh Sri Wahyuni pada `)).toBe(true);
      expect(message).toMatch(STALE);
      // Nothing of Budi's change: the section reads as Sri saved it, and the audit log has no entry more.
      expect(await ok(budi(section.read, {} as never))).toEqual(saved);
      expect(await q(`SELECT COUNT(*) AS n FROM audit_log`)).toEqual(auditBefore);

      // From the current version the same change passes, and now Sri's old form is the stale one.
      const reread: any = await ok(budi(section.read, {} as never));
      const second: any = await ok(budi(section.update, { ...section.second(readByBudi), version: reread.version } as never));
      expect(second.version).toBe(saved.version + 1);
      const again = await sri(section.update, { ...section.first(readBySri), version: saved.version } as never);
      expect(again).toMatchObject({ ok: false, error: { code: 'conflict', details: { changedBy: 'Budi Santoso' } } });
    });
  }

  it('a stale form is refused even when its change is what is stored already', async () => {
    const before: any = await ok(sri('privacy:settings', {}));
    await ok(sri('privacy:updateSettings', { importValueRetentionDays: 100, version: before.version }));
    const refused = await budi('privacy:updateSettings', { importValueRetentionDays: 100, version: before.version });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { changedBy: 'Sri Wahyuni' } } });
  });

  it('the succession plan of a key position: the second save from the same revision is refused with who and when', async () => {
    const [post] = (await ok(sri('succession:positions', {}))).rows;
    expect(post).toBeDefined();
    if (!post.isKey) await ok(sri('succession:setKey', { positionId: post.positionId, version: post.version, isKey: true }));
    const seen = (await ok(budi('succession:position', { positionId: post.positionId }))).plan?.revision ?? 0;
    await ok(sri('succession:savePlan', { positionId: post.positionId, expectedRevision: seen, notes: 'Catatan Sri', candidates: [] }));
    const refused = await budi('succession:savePlan', { positionId: post.positionId, expectedRevision: seen, notes: 'Catatan Budi', candidates: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: seen + 1, changedBy: 'Sri Wahyuni' } } });
    expect(!refused.ok && refused.error.message).toMatch(/^Rencana suksesi jabatan ini sudah diubah oleh Sri Wahyuni pada /);
    const plan = (await ok(budi('succession:position', { positionId: post.positionId }))).plan;
    expect(plan).toMatchObject({ revision: seen + 1, notes: 'Catatan Sri' });
    await ok(budi('succession:savePlan', { positionId: post.positionId, expectedRevision: seen + 1, notes: 'Catatan Budi', candidates: [] }));
  });

  it('a development plan and its items: the second edit from the same version is refused with who and when, and writes nothing', async () => {
    const [person] = (await ok(sri('employees:list', { limit: 1 }))).rows;
    const { id } = await ok(sri('plans:create', {
      employeeId: person.id, year: 2026, notes: null,
      items: [{ requirement: 'Pelayanan publik', activity: 'Pelatihan pelayanan publik', jp: 24, estimatedCost: 1_500_000, targetDate: '2026-12-20' }],
    } as never));
    const seen = await ok(budi('plans:get', { id }));
    await ok(sri('plans:update', { id, version: seen.version, notes: 'Prioritas Sri' }));
    const refused = await budi('plans:update', { id, version: seen.version, notes: 'Prioritas Budi' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: seen.version + 1, changedBy: 'Sri Wahyuni' } } });
    expect(!refused.ok && refused.error.message).toMatch(/^Rencana ini sudah diubah oleh Sri Wahyuni pada .+\. Muat ulang, lalu ulangi perubahan Anda\.$/);
    expect((await ok(budi('plans:get', { id }))).notes).toBe('Prioritas Sri');
    await ok(budi('plans:update', { id, version: seen.version + 1, notes: 'Prioritas Budi' }));

    const [item] = seen.items;
    await ok(sri('plans:updateItem', { id: item.id, version: item.version, status: 'berjalan' }));
    const stale = await budi('plans:updateItem', { id: item.id, version: item.version, status: 'batal' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', details: { changedBy: 'Sri Wahyuni' } } });
    const completing = await budi('plans:completeItem', { id: item.id, version: item.version });
    expect(completing).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const now = (await ok(budi('plans:get', { id }))).items[0];
    expect(now).toMatchObject({ status: 'berjalan', version: item.version + 1 });
    await ok(budi('plans:updateItem', { id: item.id, version: now.version, status: 'batal' }));
  });

  it('a talent session\'s details: the second edit from the same version is refused with who and when', async () => {
    const session = await ok(sri('talent:createSession', { year: 2025, name: 'Sidang bersama', heldOn: '2026-11-24' } as never)) as { id: number; version: number };
    const details = { name: 'Sidang bersama', heldOn: '2026-11-24', documentNumber: null, place: null, members: [], ppkName: null, ppkPosition: null, ppkNip: null, notes: null };
    await ok(sri('talent:updateSession', { sessionId: session.id, version: session.version, ...details, place: 'Ruang Rapat A' }));
    const refused = await budi('talent:updateSession', { sessionId: session.id, version: session.version, ...details, place: 'Ruang Rapat B' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { changedBy: 'Sri Wahyuni' } } });
    expect(!refused.ok && refused.error.message).toMatch(/^Data sidang ini sudah diubah oleh Sri Wahyuni pada /);
    expect((await q(`SELECT place, version, updated_by FROM talent_session WHERE id = ?`, [session.id]))[0]).toEqual({ place: 'Ruang Rapat A', version: session.version + 1, updated_by: 'Sri Wahyuni (sri)' });
  });

  it('a position\'s competency standard: the second save from the same version is refused with who and when', async () => {
    const [{ id: positionId }] = await q(`SELECT id FROM position ORDER BY id LIMIT 1`);
    const [competency] = (await ok(sri('competency:dictionary', {}))).competencies;
    const seen = await ok(budi('competency:standard', { positionId }));
    await ok(sri('competency:saveStandard', { positionId, version: seen.position.version, items: [{ competencyId: competency.id, requiredLevel: 3 }] }));
    const refused = await budi('competency:saveStandard', { positionId, version: seen.position.version, items: [{ competencyId: competency.id, requiredLevel: 4 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { changedBy: 'Sri Wahyuni' } } });
    expect(!refused.ok && refused.error.message).toMatch(/^Standar kompetensi jabatan ini sudah diubah oleh Sri Wahyuni pada /);
    expect((await ok(budi('competency:standard', { positionId }))).items.map((i) => i.requiredLevel)).toEqual([3]);
  });

  it('a calibration: the second from the same placement version is refused with who and when, and writes nothing', async () => {
    // One person with what the 9-box needs for 2025 (the records-only district has no SKP or potential yet).
    const [{ id: employeeId }] = await q(`SELECT id FROM employee WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 2`);
    await ok(sri('performance:saveEvaluation', { employeeId, year: 2025, period: 'tahunan', regime: 'PMPANRB6_2022', hasilKerja: 'sesuai', perilakuKerja: 'sesuai' } as never));
    await ok(sri('performance:savePotential', { employeeId, assessedOn: '2025-06-02', level: 'menengah' } as never));
    const session = await ok(sri('talent:createSession', { year: 2025, name: 'Sidang kalibrasi bersama', heldOn: '2026-11-24' } as never)) as { id: number };
    const [{ computed_box: computed }] = await q(`SELECT computed_box FROM talent_placement WHERE session_id = ? AND employee_id = ?`, [session.id, employeeId]);
    expect([7, 8]).not.toContain(computed);
    const readBySri = (await ok(sri('talent:explain', { employeeId, year: 2025, sessionId: session.id }))).placement!;
    const readByBudi = (await ok(budi('talent:explain', { employeeId, year: 2025, sessionId: session.id }))).placement!;
    expect(readByBudi).toEqual(readBySri);

    const calibrated = await ok(sri('talent:calibrate', { sessionId: session.id, employeeId, box: 8, version: readBySri.version, reason: 'Capaian inovasi layanan menonjol menurut komite' }));
    expect(calibrated).toMatchObject({ computedBox: computed, finalBox: 8, version: readBySri.version + 1 });
    const auditBefore = await q(`SELECT COUNT(*) AS n FROM audit_log`);
    const refused = await budi('talent:calibrate', { sessionId: session.id, employeeId, box: 7, version: readByBudi.version, reason: 'Kinerja tahun berjalan menurun menurut atasan' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: calibrated.version, changedBy: 'Sri Wahyuni', changedAt: host.services.clock.now() } } });
    expect(!refused.ok && refused.error.message).toMatch(/^Penempatan pegawai ini dalam sidang sudah diubah oleh Sri Wahyuni pada /);
    expect(!refused.ok && refused.error.message).toMatch(STALE);
    expect((await q(`SELECT calibrated_box, calibrated_by, version FROM talent_placement WHERE id = ?`, [readBySri.placementId]))[0])
      .toEqual({ calibrated_box: 8, calibrated_by: 'Sri Wahyuni (sri)', version: calibrated.version });
    expect(await q(`SELECT COUNT(*) AS n FROM audit_log`)).toEqual(auditBefore);

    // Muat ulang: the dialog reads the current version and Budi's calibration passes.
    const reread = (await ok(budi('talent:explain', { employeeId, year: 2025, sessionId: session.id }))).placement!;
    expect(reread.version).toBe(calibrated.version);
    expect(await ok(budi('talent:calibrate', { sessionId: session.id, employeeId, box: 7, version: reread.version, reason: 'Kinerja tahun berjalan menurun menurut atasan' }))).toMatchObject({ finalBox: 7 });
  });

  it('a talent session\'s status step from a stale list is refused with who changed the session and when', async () => {
    const session = await ok(sri('talent:createSession', { year: 2025, name: 'Sidang langkah bersama', heldOn: '2026-11-24' } as never)) as { id: number; version: number; name: string };
    const listedByBudi = (await ok(budi('talent:sessions', { year: 2025 }))).sessions.find((s) => s.id === session.id)!;
    const details = { name: session.name, heldOn: '2026-11-24', documentNumber: null, place: 'Ruang Rapat A', members: [], ppkName: null, ppkPosition: null, ppkNip: null, notes: null };
    const edited = await ok(sri('talent:updateSession', { sessionId: session.id, version: session.version, ...details }));

    const refused = await budi('talent:setSessionStatus', { sessionId: session.id, version: listedByBudi.version, status: 'ditinjau' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: edited.version, changedBy: 'Sri Wahyuni' } } });
    expect(!refused.ok && refused.error.message).toMatch(/^Sidang ini sudah diubah oleh Sri Wahyuni pada /);
    expect((await q(`SELECT status, version FROM talent_session WHERE id = ?`, [session.id]))[0]).toEqual({ status: 'draft', version: edited.version });

    // Sri submits it; Budi's screen still offers the step he read: refused again, naming Sri, nothing written.
    const reviewed = await ok(sri('talent:setSessionStatus', { sessionId: session.id, version: edited.version, status: 'ditinjau' }));
    expect(reviewed).toMatchObject({ status: 'ditinjau', version: edited.version + 1 });
    const stale = await budi('talent:setSessionStatus', { sessionId: session.id, version: edited.version, status: 'ditinjau' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: reviewed.version, changedBy: 'Sri Wahyuni' } } });
    expect(await ok(budi('talent:setSessionStatus', { sessionId: session.id, version: reviewed.version, status: 'draft' }))).toMatchObject({ status: 'draft', version: reviewed.version + 1 });
  });

  it('copying a standard onto a position someone saved since is refused with who and when, and copies nothing', async () => {
    const positions = await q(`SELECT id FROM position ORDER BY id LIMIT 3 OFFSET 1`);
    const [source, target, other] = positions.map((r: { id: number }) => r.id);
    const [first, second] = (await ok(sri('competency:dictionary', {}))).competencies;
    const sourceRead = await ok(sri('competency:standard', { positionId: source }));
    await ok(sri('competency:saveStandard', { positionId: source, version: sourceRead.position.version, items: [{ competencyId: first.id, requiredLevel: 4 }, { competencyId: second.id, requiredLevel: 2 }] }));
    const targetByBudi = await ok(budi('competency:standard', { positionId: target }));
    const otherByBudi = await ok(budi('competency:standard', { positionId: other }));
    await ok(sri('competency:saveStandard', { positionId: target, version: targetByBudi.position.version, items: [{ competencyId: first.id, requiredLevel: 1 }] }));

    const refused = await budi('competency:copyStandard', { fromPositionId: source, targets: [{ positionId: target, version: targetByBudi.position.version }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: targetByBudi.position.version + 1, changedBy: 'Sri Wahyuni' } } });
    expect(!refused.ok && refused.error.message).toMatch(/^Standar kompetensi jabatan ini sudah diubah oleh Sri Wahyuni pada /);
    expect((await ok(budi('competency:standard', { positionId: target }))).items.map((i) => i.requiredLevel)).toEqual([1]);

    // One stale target among several refuses the whole copy: the fresh one keeps its standard too.
    const several = await budi('competency:copyStandard', { fromPositionId: source, targets: [{ positionId: other, version: otherByBudi.position.version }, { positionId: target, version: targetByBudi.position.version }] });
    expect(several).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await ok(budi('competency:standard', { positionId: other }))).items).toEqual(otherByBudi.items);
    expect((await ok(budi('competency:standard', { positionId: other }))).position.version).toBe(otherByBudi.position.version);

    const current = await ok(budi('competency:standard', { positionId: target }));
    expect(await ok(budi('competency:copyStandard', { fromPositionId: source, targets: [{ positionId: target, version: current.position.version }] }))).toMatchObject({ copiedTo: 1 });
    expect((await ok(budi('competency:standard', { positionId: target }))).items.map((i) => i.requiredLevel)).toEqual([4, 2]);
  });

  it('the key-position mark from a stale list is refused with who and when, and changes nothing', async () => {
    const rows = (await ok(sri('succession:positions', {}))).rows;
    const post = rows[rows.length - 1];
    const seenByBudi = (await ok(budi('succession:positions', {}))).rows.find((r) => r.positionId === post.positionId)!;
    expect(seenByBudi.version).toBe(post.version);
    const marked = await ok(sri('succession:setKey', { positionId: post.positionId, version: post.version, isKey: !post.isKey }));
    expect(marked).toEqual({ positionId: post.positionId, isKey: !post.isKey, version: post.version + 1 });
    const auditBefore = await q(`SELECT COUNT(*) AS n FROM audit_log`);

    const refused = await budi('succession:setKey', { positionId: post.positionId, version: seenByBudi.version, isKey: post.isKey });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: marked.version, changedBy: 'Sri Wahyuni' } } });
    expect(!refused.ok && refused.error.message).toMatch(/^Jabatan ini sudah diubah oleh Sri Wahyuni pada /);
    expect(!refused.ok && refused.error.message).toMatch(STALE);
    expect((await ok(budi('succession:position', { positionId: post.positionId }))).position).toMatchObject({ isKey: !post.isKey, version: marked.version });
    expect(await q(`SELECT COUNT(*) AS n FROM audit_log`)).toEqual(auditBefore);

    // From the page's current version the mark passes; asking for what is stored already writes nothing.
    const unmarked = await ok(budi('succession:setKey', { positionId: post.positionId, version: marked.version, isKey: post.isKey }));
    expect(unmarked.version).toBe(marked.version + 1);
    expect(await ok(budi('succession:setKey', { positionId: post.positionId, version: unmarked.version, isKey: post.isKey }))).toEqual(unmarked);
  });

  it('adding or removing a development plan\'s item from a stale plan is refused with who and when, and writes nothing', async () => {
    const [person] = await q(`SELECT id FROM employee e WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM development_plan p WHERE p.employee_id = e.id) ORDER BY id DESC LIMIT 1`);
    const item = (activity: string) => ({ requirement: 'Pelayanan publik', activity, jp: 12, estimatedCost: 750_000, targetDate: '2026-12-15' });
    const { id } = await ok(sri('plans:create', { employeeId: person.id, year: 2026, notes: null, items: [item('Pelatihan pelayanan prima')] } as never));
    const seenByBudi = await ok(budi('plans:get', { id }));
    const seenBySri = await ok(sri('plans:get', { id }));

    await ok(sri('plans:addItem', { planId: id, version: seenBySri.version, input: item('Bimbingan teknis pengaduan') as never }));
    const addRefused = await budi('plans:addItem', { planId: id, version: seenByBudi.version, input: item('Seminar layanan digital') as never });
    expect(addRefused).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: seenByBudi.version + 1, changedBy: 'Sri Wahyuni' } } });
    expect(!addRefused.ok && addRefused.error.message).toMatch(/^Rencana ini sudah diubah oleh Sri Wahyuni pada /);
    const [existing] = seenByBudi.items;
    const removeRefused = await budi('plans:deleteItem', { id: existing.id, version: existing.version, planVersion: seenByBudi.version });
    expect(removeRefused).toMatchObject({ ok: false, error: { code: 'conflict', details: { changedBy: 'Sri Wahyuni' } } });
    expect((await ok(budi('plans:get', { id }))).items.map((i) => i.activity)).toEqual(['Pelatihan pelayanan prima', 'Bimbingan teknis pengaduan']);

    // The plan read afresh, but the item changed by Sri since: the removal names Sri too.
    const current = await ok(budi('plans:get', { id }));
    await ok(sri('plans:updateItem', { id: existing.id, version: existing.version, status: 'berjalan' }));
    const itemRefused = await budi('plans:deleteItem', { id: existing.id, version: existing.version, planVersion: current.version });
    expect(itemRefused).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: existing.version + 1, changedBy: 'Sri Wahyuni' } } });
    expect(!itemRefused.ok && itemRefused.error.message).toMatch(/^Kegiatan rencana ini sudah diubah oleh Sri Wahyuni pada /);
    const after = await ok(budi('plans:get', { id }));
    expect(after.version).toBe(current.version);
    expect(after.items).toHaveLength(2);

    // From what is stored now both pass, and each moves the plan's version on.
    const removed = after.items.find((i) => i.id === existing.id)!;
    await ok(budi('plans:deleteItem', { id: removed.id, version: removed.version, planVersion: after.version }));
    await ok(budi('plans:addItem', { planId: id, version: after.version + 1, input: item('Seminar layanan digital') as never }));
    const last = await ok(budi('plans:get', { id }));
    expect(last.version).toBe(after.version + 2);
    expect(last.items.map((i) => i.activity)).toEqual(['Bimbingan teknis pengaduan', 'Seminar layanan digital']);
  });

  /** A 2026 plan of one item, made by Sri for an active employee who had none. */
  async function newPlanOfOneItem(): Promise<{ person: { id: number }; id: number }> {
    const [person] = await q(`SELECT id FROM employee e WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM development_plan p WHERE p.employee_id = e.id) ORDER BY id DESC LIMIT 1`);
    const { id } = await ok(sri('plans:create', {
      employeeId: person.id, year: 2026, notes: null,
      items: [{ requirement: 'Pelayanan publik', activity: 'Pelatihan pelayanan prima', jp: 12, estimatedCost: 750_000, targetDate: '2026-12-15' }],
    } as never));
    return { person, id };
  }

  it('deleting a whole development plan from a stale version is refused with who and when, and deletes nothing', async () => {
    const { person, id } = await newPlanOfOneItem();
    const seenByBudi = await ok(budi('plans:get', { id }));
    await ok(sri('plans:update', { id, version: seenByBudi.version, notes: 'Jangan dihapus: dibahas minggu depan' }));
    const auditBefore = await q(`SELECT COUNT(*) AS n FROM audit_log`);

    const refused = await budi('plans:delete', { id, version: seenByBudi.version });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: seenByBudi.version + 1, changedBy: 'Sri Wahyuni' } } });
    expect(!refused.ok && refused.error.message).toMatch(/^Rencana ini sudah diubah oleh Sri Wahyuni pada /);
    expect(!refused.ok && refused.error.message).toMatch(STALE);
    const kept = await ok(budi('plans:get', { id }));
    expect(kept).toMatchObject({ version: seenByBudi.version + 1, notes: 'Jangan dihapus: dibahas minggu depan' });
    expect(kept.items).toHaveLength(1);
    expect(await q(`SELECT COUNT(*) AS n FROM audit_log`)).toEqual(auditBefore);

    // A request without the version is not a delete at all.
    const unversioned = await budi('plans:delete', { id } as never);
    expect(unversioned).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ path: 'version' }] } } });
    expect((await ok(budi('plans:get', { id }))).items).toHaveLength(1);

    // From the plan as it is now, the delete goes through.
    await ok(budi('plans:delete', { id, version: kept.version }));
    expect(await q(`SELECT COUNT(*) AS n FROM development_plan WHERE id = ?`, [id])).toEqual([{ n: 0 }]);
    expect(await q(`SELECT COUNT(*) AS n FROM development_plan_item WHERE plan_id = ?`, [id])).toEqual([{ n: 0 }]);
  });

  it('completing a plan\'s item through a training names the item\'s version: without it the request is refused and writes nothing', async () => {
    const { person, id } = await newPlanOfOneItem();
    const [item] = (await ok(sri('plans:get', { id }))).items;
    // Version 1 is what a forgotten version used to become: the stored version here, so only the schema stands
    // between this request and a completion nobody checked.
    expect(item.version).toBe(1);
    const training = { title: 'Pelatihan pelayanan prima', type: 'teknis', startDate: '2026-10-05', endDate: '2026-10-07', jp: 12, cost: 750_000 };
    const count = async () => (await q(`SELECT (SELECT COUNT(*) FROM training_record WHERE employee_id = ?) AS training, (SELECT COUNT(*) FROM audit_log) AS audit`, [person.id]))[0];
    const before = await count();

    const refused = await sri('plans:completeItem', { id: item.id, training } as never);
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ path: 'version' }] } } });
    expect(!refused.ok && refused.error.message).toBe('Data tidak valid: Perubahan ini tidak menyebut versi data yang dibaca formulir; muat ulang, lalu ulangi.');
    expect(await count()).toEqual(before);
    expect((await ok(sri('plans:get', { id }))).items[0]).toMatchObject({ status: 'direncanakan', version: 1, trainingRecordId: null });

    const done = await ok(sri('plans:completeItem', { id: item.id, version: item.version, training } as never));
    expect(done.trainingRecordId).not.toBeNull();
    expect((await ok(sri('plans:get', { id }))).items[0]).toMatchObject({ status: 'selesai', version: 2 });
  });

  it('an account: the second edit from the same version is refused naming the first editor', async () => {
    const citra = await host.services.accounts.create({ username: 'citra', fullName: 'Citra Lestari', nip: null, role: 'pengelola', scopeUnitId: null, password: 'kata-sandi-citra' }, 'Sistem', { mustChangePassword: false });
    const edit = { id: citra.id, version: citra.version, nip: null, role: 'pengelola' as const, scopeUnitId: null, disabled: false };
    await ok(sri('accounts:update', { ...edit, fullName: 'Citra Lestari, S.E.' }));
    const refused = await budi('accounts:update', { ...edit, fullName: 'Citra L.' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { changedBy: 'Sri Wahyuni' } } });
    expect(!refused.ok && refused.error.message).toMatch(/^Akun ini sudah diubah oleh Sri Wahyuni pada /);
    expect((await host.services.accounts.get(citra.id)).fullName).toBe('Citra Lestari, S.E.');
  });

  it('an import is one person\'s from preview to commit: a second person is told who runs it and since when, then may import', async () => {
    const district = generateDemoDistrict({ employees: 40, seed: 31, asOf: TEST_TODAY });
    const file = path.join(dir, 'siasn-meja.csv');
    writeDelimited(file, SIASN_HEADER, siasnRows(district), { delimiter: '|' });
    // Budi's file: the same district a month on, one person fewer (another file, so not refused as imported already).
    const copy = path.join(dir, 'siasn-meja-2.csv');
    writeDelimited(copy, SIASN_HEADER, siasnRows(district, (e) => e !== district.employees[0]), { delimiter: '|' });

    const preview = await ok(sri('import:preview', { fileId: (await host.services.files.registerPath(file)).id }));
    const waiting = await budi('import:preview', { fileId: (await host.services.files.registerPath(copy)).id });
    expect(waiting).toMatchObject({ ok: false, error: { code: 'busy', details: { job: 'impor', heldBy: 'Sri Wahyuni' } } });
    expect(!waiting.ok && waiting.error.message).toBe(`Impor sedang dijalankan oleh Sri Wahyuni sejak ${sinceText(host.services.clock.now(), host.services.clock.now())}; tunggu sampai selesai.`);
    // The undo of another import waits the same way.
    expect(await budi('import:undo', { snapshotId: 1, jobId: nextJobId() })).toMatchObject({ ok: false, error: { code: 'busy' } });

    await ok(sri('import:commit', { previewId: preview.previewId, jobId: nextJobId(), confirmInstansi: true }));
    expect(await host.services.jobLocks.holder('impor')).toBeNull();
    // Sri's commit is done: Budi's preview runs now (and plans against what Sri imported).
    const after = await ok(budi('import:preview', { fileId: (await host.services.files.registerPath(copy)).id }));
    expect(after.previewId).toBeTruthy();
    expect(await host.services.jobLocks.holder('impor')).toMatchObject({ holder: 'Budi Santoso (budi)' });
  });

  it('fixing a talent session waits for another desk\'s fix, then runs', async () => {
    const session = await ok(sri('talent:createSession', { year: 2025, name: 'Sidang meja dua', heldOn: '2026-11-24', ppkName: 'H. Ahmad Sutisna', ppkPosition: 'Bupati' } as never)) as { id: number; version: number };
    const reviewed = await ok(sri('talent:setSessionStatus', { sessionId: session.id, version: session.version, status: 'ditinjau' }));
    // Another desk is fixing a session right now (its lock, as its fix holds it).
    await host.services.jobLocks.acquire('penetapan-sidang-talenta', 'Sri Wahyuni (sri)');
    const waiting = await budi('talent:setSessionStatus', { sessionId: session.id, version: reviewed.version, status: 'ditetapkan' });
    expect(waiting).toMatchObject({ ok: false, error: { code: 'busy', details: { heldBy: 'Sri Wahyuni' } } });
    expect(!waiting.ok && waiting.error.message).toMatch(/^Penetapan sidang talenta sedang dijalankan oleh Sri Wahyuni sejak \d{2}\.\d{2}; tunggu sampai selesai\.$/);
    expect((await q(`SELECT status FROM talent_session WHERE id = ?`, [session.id]))[0].status).toBe('ditinjau');
    await host.services.jobLocks.release('penetapan-sidang-talenta', 'Sri Wahyuni (sri)');
    expect(await ok(budi('talent:setSessionStatus', { sessionId: session.id, version: reviewed.version, status: 'ditetapkan' }))).toMatchObject({ status: 'ditetapkan' });
    expect(await host.services.jobLocks.holder('penetapan-sidang-talenta')).toBeNull();
  });
});

describe('the words of the messages', () => {
  it('names the person of an actor label, and a built-in actor by its name', () => {
    expect(personOfActor('Sri Wahyuni, S.E. (sri)')).toBe('Sri Wahyuni, S.E.');
    expect(personOfActor('Sistem')).toBe('Sistem');
  });

  it('says the moment in Indonesian, local time', () => {
    expect(momentId('2026-12-06T20:15:00')).toBe('6 Desember 2026 pukul 20.15');
    expect(sinceText('2026-12-06T20:15:00', '2026-12-06T21:40:00')).toBe('20.15');
    expect(sinceText('2026-12-05T08:05:00', '2026-12-06T21:40:00')).toBe('5 Desember 2026 pukul 08.05');
  });
});

describe('the in-process job lock', () => {
  const clock = { today: () => TEST_TODAY, now: () => `${TEST_TODAY}T08:00:00.000Z` };

  it('is re-entrant for its owner, refuses another, and a lease lapses after its time without a step', async () => {
    let realNow = 1_000;
    const locks = new InProcessJobLocks(clock, () => realNow);
    await locks.acquire('impor', 'Sri Wahyuni (sri)', { leaseMs: 60_000 });
    await locks.acquire('impor', 'Sri Wahyuni (sri)', { leaseMs: 60_000 });
    await expect(locks.acquire('impor', 'Budi Santoso (budi)')).rejects.toMatchObject({ code: 'busy' });
    realNow += 59_000;
    await expect(locks.acquire('impor', 'Budi Santoso (budi)')).rejects.toMatchObject({ code: 'busy' });
    realNow += 2_000;
    await locks.acquire('impor', 'Budi Santoso (budi)');
    expect(await locks.holder('impor')).toEqual({ holder: 'Budi Santoso (budi)', since: clock.now() });
  });

  it('holds a lock taken for a run until it is released, even past a lease taken meanwhile', async () => {
    let realNow = 0;
    const locks = new InProcessJobLocks(clock, () => realNow);
    await locks.acquire('impor', 'Sri Wahyuni (sri)', { leaseMs: 1_000 });
    await locks.acquire('impor', 'Sri Wahyuni (sri)');
    await locks.acquire('impor', 'Sri Wahyuni (sri)', { leaseMs: 1_000 });
    realNow += 10_000;
    expect(await locks.holder('impor')).toMatchObject({ holder: 'Sri Wahyuni (sri)' });
    await locks.release('impor', 'Budi Santoso (budi)');
    expect(await locks.holder('impor')).not.toBeNull();
    await locks.release('impor', 'Sri Wahyuni (sri)');
    expect(await locks.holder('impor')).toBeNull();
  });
});
