import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpByYear, meetsJpTarget, type JpYearRule } from '../../shared/domain/development';
import { runBulkTransaction } from '../../main/db/bulk-transaction';
import { refreshDerived } from '../../main/db/derived';
import { bulkRun } from '../../main/db/sql/run';
import type { JenjangHost } from '../../main/host';
import { developerNotes } from '../helpers/developer-notes';
import { expectOk, openTestHost, tempDir, TEST_TODAY, TEST_HOSTS_ON_SERVER, queryOn } from '../helpers/temp-db';
import { atCurrentVersion } from '../helpers/settings-version';

// Competency development and career moves on a real demo database (TEST_TODAY = 2026-11-24).

describe('development on a demo district', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryOn<T>(host, sql, params);

  /** employee_training_year recomputed in TypeScript from training_record by the shared rule. */
  async function recompute(rule: JpYearRule) {
    const records = await q<{ employee_id: number; start_date: string; end_date: string; jp: number }>('SELECT employee_id, start_date, end_date, jp FROM training_record');
    const byEmployee = new Map<number, Array<{ startDate: string; endDate: string; jp: number }>>();
    for (const r of records) byEmployee.set(r.employee_id, [...(byEmployee.get(r.employee_id) ?? []), { startDate: r.start_date, endDate: r.end_date, jp: r.jp }]);
    const out: string[] = [];
    for (const [employeeId, list] of byEmployee) for (const [year, jp] of jpByYear(list, rule)) out.push(`${employeeId}:${year}:${jp.toFixed(6)}`);
    return out.sort();
  }
  async function stored() {
    return (await q<{ employee_id: number; year: number; jp: number }>('SELECT employee_id, year, jp FROM employee_training_year'))
      .map((r) => `${r.employee_id}:${r.year}:${r.jp.toFixed(6)}`).sort();
  }
  /** An active PNS of the demo, for hand-made cases. */
  async function somePns(offset = 0): Promise<{ id: number; nip: string }> {
    const [row] = await q<{ id: number; nip: string }>(`SELECT id, nip FROM employee WHERE status = 'active' AND employment_type = 'PNS' ORDER BY id LIMIT 1 OFFSET ?`, [offset]);
    return row;
  }

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 400, seed: 11 });
  });
  afterAll(() => host.close());

  // SQLite's own storage (WITHOUT ROWID, read back from sqlite_master): on a file only.
  it.skipIf(TEST_HOSTS_ON_SERVER)('creates what TypeORM cannot diff: the JP table WITHOUT ROWID and the partial covering index on employee', async () => {
    const rows = await q<{ name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE name IN ('employee_training_year', 'idx_employee_development') ORDER BY name`);
    expect(rows[0].sql).toMatch(/WITHOUT ROWID$/);
    expect(rows[1].sql).toMatch(/WHERE employment_type IN \('PNS', 'CPNS'\)$/);
    const plan = await q<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT e.unit_id, COUNT(*) FROM employee e WHERE e.employment_type IN ('PNS', 'CPNS') AND e.status = 'active' GROUP BY e.unit_id`);
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX idx_employee_development/);
  });

  describe('JP per employee and year (derived, kept on write)', () => {
    it('matches a full recompute after the demo load', async () => {
      expect((await stored()).length).toBeGreaterThan(1000);
      expect(await stored()).toEqual(await recompute('end'));
    });

    it('stays right after manual saves, edits and deletions, including a training across the year end', async () => {
      const person = await somePns(3);
      const saved = expectOk(await host.call('training:save', {
        employeeId: person.id, input: { title: 'Bimtek Arsip Dinamis', type: 'bimtek', startDate: '2025-12-29', endDate: '2026-01-02', jp: 24, cost: 1_000_000 },
      }));
      expect(await stored()).toEqual(await recompute('end'));
      expectOk(await host.call('training:save', {
        id: saved.id, employeeId: person.id, input: { title: 'Bimtek Arsip Dinamis', type: 'bimtek', startDate: '2025-12-20', endDate: '2025-12-31', jp: 30 },
      }));
      expect(await stored()).toEqual(await recompute('end'));
      expectOk(await host.call('training:delete', { id: saved.id }));
      expect(await stored()).toEqual(await recompute('end'));
    });

    // The bulk writers run on SQLite's prepared statements: on a file only.
    it.skipIf(TEST_HOSTS_ON_SERVER)('is refreshed by a bulk writer the way the import calls it (prepared statements, source training_record)', async () => {
      const people = await q<{ id: number }>(`SELECT id FROM employee WHERE status = 'active' ORDER BY id DESC LIMIT 3`);
      await runBulkTransaction(host.services.dataSource, async (tx) => {
        const insert = tx.statement(`INSERT INTO training_record (employee_id, title, type, provider, start_date, end_date, jp, cost, certificate_number, catalog_id, source, snapshot_id, created_at)
          VALUES (?, 'Diklat impor', 'teknis', NULL, ?, ?, ?, NULL, NULL, NULL, 'import', NULL, 'now')`);
        for (const [i, p] of people.entries()) insert.run(p.id, '2025-12-20', i === 0 ? '2026-01-05' : '2025-12-22', 17 + i);
        await refreshDerived(bulkRun(tx), 'training_record', people.map((p) => p.id));
      });
      expect(await stored()).toEqual(await recompute('end'));
      await q(`DELETE FROM training_record WHERE title = 'Diklat impor'`);
      await host.services.dataSource.transaction((m) => refreshDerived((sql, params) => m.query(sql, params), 'training_record', people.map((p) => p.id)));
      expect(await stored()).toEqual(await recompute('end'));
    });

    it('recomputes everything when the year rule changes, and keeps each rule on later writes', async () => {
      for (const rule of ['prorate', 'start', 'end'] as const) {
        expectOk(await host.call('development:updateSettings', await atCurrentVersion(host, 'development:updateSettings', { jpYearRule: rule })));
        expect(await stored()).toEqual(await recompute(rule));
        const person = await somePns(5);
        const saved = expectOk(await host.call('training:save', {
          employeeId: person.id, input: { title: `Kursus lintas tahun ${rule}`, type: 'kursus', startDate: '2024-12-01', endDate: '2025-01-30', jp: 60 },
        }));
        expect(await stored()).toEqual(await recompute(rule));
        expectOk(await host.call('training:delete', { id: saved.id }));
      }
      const [audit] = await q<{ summary: string }>(`SELECT summary FROM audit_log WHERE entity = 'settings' ORDER BY id DESC LIMIT 1`);
      expect(audit.summary).toBe('Mengubah pengaturan pengembangan: diklat lintas tahun');
    });
  });

  describe('training records', () => {
    it('rejects impossible records with Indonesian messages and writes nothing', async () => {
      const person = await somePns(7);
      const [{ n: before }] = await q<{ n: number }>('SELECT COUNT(*) n FROM training_record');
      const [{ n: auditBefore }] = await q<{ n: number }>('SELECT COUNT(*) n FROM audit_log');
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ title: 'Diklat A', type: 'teknis', startDate: '2026-03-05', endDate: '2026-03-01', jp: 10 }, /Tanggal selesai tidak boleh sebelum tanggal mulai/],
        [{ title: 'Diklat B', type: 'teknis', startDate: '2026-11-20', endDate: '2026-12-10', jp: 10 }, /belum lewat; diklat yang belum selesai dicatat sebagai rencana/],
        [{ title: 'Diklat C', type: 'teknis', startDate: '2026-03-01', endDate: '2026-03-02', jp: 0 }, /JP harus lebih dari 0/],
        [{ title: 'Diklat D', type: 'rapat', startDate: '2026-03-01', endDate: '2026-03-02', jp: 8 }, /Pilih jenis diklat/],
      ];
      for (const [input, message] of cases) {
        const result = await host.call('training:save', { employeeId: person.id, input: input as never });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.message).toMatch(message);
      }
      const first = expectOk(await host.call('training:save', { employeeId: person.id, input: { title: 'Webinar SPBE', type: 'seminar', startDate: '2026-02-02', endDate: '2026-02-02', jp: 4 } }));
      const duplicate = await host.call('training:save', { employeeId: person.id, input: { title: 'webinar spbe', type: 'seminar', startDate: '2026-02-02', endDate: '2026-02-02', jp: 4 } });
      expect(duplicate.ok).toBe(false);
      if (!duplicate.ok) expect(duplicate.error.message).toMatch(/sudah tercatat/);
      const [{ n: after }] = await q<{ n: number }>('SELECT COUNT(*) n FROM training_record');
      const [{ n: auditAfter }] = await q<{ n: number }>('SELECT COUNT(*) n FROM audit_log');
      expect(after).toBe(before + 1);
      expect(auditAfter).toBe(auditBefore + 1);
      expectOk(await host.call('training:delete', { id: first.id }));
    });

    it('warns about more than 12 JP a day without refusing', async () => {
      const person = await somePns(8);
      const result = expectOk(await host.call('training:validate', {
        employeeId: person.id, input: { title: 'Bimtek padat', type: 'bimtek', startDate: '2026-05-04', endDate: '2026-05-05', jp: 40 },
      }));
      expect(result.errors).toEqual([]);
      expect(result.warnings.map((w) => w.message)).toEqual(['40 JP dalam 2 hari berarti lebih dari 12 JP per hari; periksa kembali sertifikatnya.']);
    });
  });

  describe('JP compliance', () => {
    it('adds up: units sum to the district, the list of those below has exactly the "below" count', async () => {
      for (const year of [2024, 2025, 2026]) {
        const c = expectOk(await host.call('training:compliance', { year }));
        expect(c.units.reduce((s, u) => s + u.population, 0)).toBe(c.population);
        expect(c.units.reduce((s, u) => s + u.compliant, 0)).toBe(c.compliant);
        expect(c.population).toBeGreaterThan(200);
        expect(c.percent).toBeGreaterThan(30);
        expect(c.percent).toBeLessThan(90);
        const below = expectOk(await host.call('training:below', { year, limit: 500 }));
        expect(below.total).toBe(c.below);
        expect(below.rows.every((r) => !meetsJpTarget(r.jp, 20))).toBe(true);
        expect(below.rows.map((r) => r.jp)).toEqual([...below.rows.map((r) => r.jp)].sort((a, b) => a - b));
      }
    });

    it('counts the population of a past year on 31 December (left later: counted; joined later: not)', async () => {
      const c = expectOk(await host.call('training:compliance', { year: 2024 }));
      const [{ n }] = await q<{ n: number }>(`SELECT COUNT(*) n FROM employee WHERE employment_type IN ('PNS', 'CPNS') AND (cpns_tmt IS NULL OR cpns_tmt <= '2024-12-31')
        AND (status = 'active' OR status_date > '2024-12-31')`);
      expect(c.population).toBe(n);
      expect(c.referenceDate).toBe('2024-12-31');
      expect(expectOk(await host.call('training:compliance', { year: 2026 })).referenceDate).toBe(TEST_TODAY);
    });

    it('moves an employee across the target by the year boundary of a training', async () => {
      const below = expectOk(await host.call('training:below', { year: 2025, limit: 1 })).rows[0];
      const need = Math.ceil(20 - below.jp);
      const before = expectOk(await host.call('training:compliance', { year: 2025 }));
      // Ends on 1 January 2026: counts in 2026 under the default rule, so 2025 does not change.
      const late = expectOk(await host.call('training:save', {
        employeeId: below.employeeId, input: { title: 'Pelatihan akhir tahun', type: 'teknis', startDate: '2025-12-29', endDate: '2026-01-01', jp: need },
      }));
      expect(expectOk(await host.call('training:compliance', { year: 2025 })).compliant).toBe(before.compliant);
      // Ends on 31 December 2025: counts in 2025.
      expectOk(await host.call('training:save', {
        id: late.id, employeeId: below.employeeId, input: { title: 'Pelatihan akhir tahun', type: 'teknis', startDate: '2025-12-29', endDate: '2025-12-31', jp: need },
      }));
      expect(expectOk(await host.call('training:compliance', { year: 2025 })).compliant).toBe(before.compliant + 1);
      expectOk(await host.call('training:delete', { id: late.id }));
    });

    // Written through a bulk transaction, as the import writes it: on a file only.
    it.skipIf(TEST_HOSTS_ON_SERVER)('counts a training only once it has ended: on screen as of today, in stats as of --as-of', async () => {
      const person = expectOk(await host.call('training:below', { year: 2026, limit: 1 })).rows[0];
      const before = expectOk(await host.call('training:compliance', { year: 2026 }));
      const profileBefore = expectOk(await host.call('training:ofEmployee', { employeeId: person.employeeId })).years.find((y) => y.year === 2026)!;
      const statsBefore = (await host.services.stats.collect({ asOf: TEST_TODAY, year: 2026, scope: 'all' })).development as Record<string, number>;
      // An import may carry a training that ends after today (24 November 2026): it delivers no JP yet.
      await runBulkTransaction(host.services.dataSource, async (tx) => {
        tx.statement(`INSERT INTO training_record (employee_id, title, type, provider, start_date, end_date, jp, cost, certificate_number, catalog_id, source, snapshot_id, created_at)
          VALUES (?, 'Diklat yang belum selesai', 'teknis', NULL, '2026-11-23', '2026-12-04', ?, NULL, NULL, NULL, 'import', NULL, 'now')`).run(person.employeeId, Math.ceil(person.shortfall) + 10);
        await refreshDerived(bulkRun(tx), 'training_record', [person.employeeId]);
      });
      const after = expectOk(await host.call('training:compliance', { year: 2026 }));
      expect([after.compliant, after.below]).toEqual([before.compliant, before.below]);
      const still = expectOk(await host.call('training:below', { year: 2026, search: person.nip, limit: 5 })).rows;
      expect(still.map((r) => [r.employeeId, r.jp, r.trainings])).toEqual([[person.employeeId, person.jp, person.trainings]]);
      expect(expectOk(await host.call('training:ofEmployee', { employeeId: person.employeeId })).years.find((y) => y.year === 2026)).toEqual(profileBefore);
      const statsNow = (await host.services.stats.collect({ asOf: TEST_TODAY, year: 2026, scope: 'all' })).development as Record<string, number>;
      expect([statsNow.jpCompliant, statsNow.jpBelow]).toEqual([statsBefore.jpCompliant, statsBefore.jpBelow]);
      // Once it has ended, it counts.
      const ended = (await host.services.stats.collect({ asOf: '2026-12-04', year: 2026, scope: 'all' })).development as Record<string, number>;
      expect(ended.jpCompliant).toBe(statsBefore.jpCompliant + 1);
      await q(`DELETE FROM training_record WHERE title = 'Diklat yang belum selesai'`);
      await host.services.dataSource.transaction((m) => refreshDerived((sql, params) => m.query(sql, params), 'training_record', [person.employeeId]));
    });

    it('stats --as-of a day in the year counts only the trainings ended by then (a recompute in TypeScript agrees)', async () => {
      const asOf = '2026-06-30';
      const population = await q<{ id: number }>(`SELECT id FROM employee WHERE employment_type IN ('PNS', 'CPNS') AND (cpns_tmt IS NULL OR cpns_tmt <= ?)
        AND (status = 'active' OR status_date > ?)`, [asOf, asOf]);
      const ended = await q<{ employee_id: number; start_date: string; end_date: string; jp: number }>(
        'SELECT employee_id, start_date, end_date, jp FROM training_record WHERE end_date <= ?', [asOf]);
      const later = await q<{ n: number }>(`SELECT COUNT(*) AS n FROM training_record WHERE end_date > ? AND end_date <= '2026-12-31'`, [asOf]);
      expect(later[0].n, 'the demo has trainings ending in the second half of 2026').toBeGreaterThan(50);
      const byEmployee = new Map<number, Array<{ startDate: string; endDate: string; jp: number }>>();
      for (const t of ended) byEmployee.set(t.employee_id, [...(byEmployee.get(t.employee_id) ?? []), { startDate: t.start_date, endDate: t.end_date, jp: t.jp }]);
      const compliant = population.filter((p) => meetsJpTarget(jpByYear(byEmployee.get(p.id) ?? [], 'end').get(2026) ?? 0, 20)).length;
      const stats = (await host.services.stats.collect({ asOf, year: 2026, scope: 'all' })).development as Record<string, number>;
      expect([stats.jpCompliant, stats.jpBelow]).toEqual([compliant, population.length - compliant]);
    });

    it('drills down into a perangkat daerah', async () => {
      const top = expectOk(await host.call('training:compliance', { year: 2025 }));
      const unit = top.units.find((u) => u.hasChildren && u.population > 20)!;
      const inside = expectOk(await host.call('training:compliance', { year: 2025, unitId: unit.unitId! }));
      expect(inside.unit?.id).toBe(unit.unitId);
      expect(inside.population).toBe(unit.population);
      expect(inside.units.reduce((s, u) => s + u.compliant, 0)).toBe(unit.compliant);
    });
  });

  describe('individual development plans', () => {
    it('proposes items from the gaps of the current position, never for competencies not assessed', async () => {
      const person = await somePns(10);
      const [{ position_id: positionId }] = await q<{ position_id: number }>('SELECT position_id FROM employee WHERE id = ?', [person.id]);
      const standard = await q<{ competency_id: number; required_level: number }>('SELECT competency_id, required_level FROM position_competency_standard WHERE position_id = ? ORDER BY competency_id', [positionId]);
      expect(standard.length).toBe(9);
      await q('DELETE FROM development_plan WHERE employee_id = ?', [person.id]);
      await q('DELETE FROM competency_assessment WHERE employee_id = ?', [person.id]);
      await q('DELETE FROM employee_competency_current WHERE employee_id = ?', [person.id]);
      // Two below standard, one at standard, the other six never assessed.
      const levels = [standard[0].required_level - 1, standard[1].required_level, Math.max(1, standard[2].required_level - 2)];
      for (const [i, level] of levels.entries()) {
        await q(`INSERT INTO employee_competency_current (employee_id, competency_id, level, assessed_on, assessment_id) VALUES (?, ?, ?, '2026-02-01', 0)`, [person.id, standard[i].competency_id, level]);
      }
      const proposal = expectOk(await host.call('plans:propose', { employeeId: person.id, year: 2027 }));
      const gaps = proposal.items.filter((i) => i.kind === 'gap');
      expect(gaps.map((g) => g.competencyId).sort()).toEqual([standard[0], standard[2]].filter((s, i) => levels[i === 0 ? 0 : 2] < s.required_level).map((s) => s.competency_id).sort());
      expect(proposal.notAssessed).toHaveLength(6);
      expect(proposal.notes.some((n) => n.startsWith('6 kompetensi belum diasesmen'))).toBe(true);
      expect(proposal.met.map((m) => m.competencyId)).toEqual([standard[1].competency_id]);
      expect(gaps.every((g) => g.catalogId !== null)).toBe(true); // the demo catalogue has an activity per competency
    });

    it('names the managerial competencies as Bahasa Indonesia writes them (M.02 Kerja Sama)', async () => {
      const { rows } = expectOk(await host.call('plans:competencies', {}));
      expect(rows.find((c) => c.code === 'M.02')?.name).toBe('Kerja Sama');
      const catalog = expectOk(await host.call('plans:catalog', {})).rows.filter((c) => c.competencyCode === 'M.02');
      expect(catalog.length).toBeGreaterThan(0);
      expect(catalog.every((c) => c.competencyName === 'Kerja Sama')).toBe(true);
    });

    it('offers the positions a person is named successor for as targets, and proposes against the target\'s standard', async () => {
      const person = await somePns(30);
      const [key] = await q<{ id: number; name: string }>(`SELECT id, name FROM position WHERE level = 'administrator' LIMIT 1`);
      const [{ id: planId }] = await q<{ id: number }>(`INSERT INTO succession_plan (position_id, notes, updated_by, updated_at, created_at) VALUES (?, NULL, 'tester', 'now', 'now') RETURNING id`, [key.id]);
      await q(`INSERT INTO succession_candidate (plan_id, employee_id, readiness, rank, notes, added_by, added_at) VALUES (?, ?, 'siap_1_2_tahun', 1, NULL, 'tester', 'now')`, [planId, person.id]);
      const targets = expectOk(await host.call('plans:successionTargets', { employeeId: person.id }));
      // The readiness is shown by its label (as Pengaturan › Suksesi names it), never by its code.
      expect(targets.rows).toEqual([{ positionId: key.id, positionName: key.name, level: 'administrator', readiness: 'siap_1_2_tahun', readinessLabel: 'Siap 1–2 tahun' }]);
      expectOk(await host.call('succession:updateSettings', await atCurrentVersion(host, 'succession:updateSettings', { readinessLabels: { siap_sekarang: 'Siap sekarang', siap_1_2_tahun: 'Siap dalam 1–2 tahun', siap_lebih_2_tahun: 'Siap > 2 tahun' } })));
      expect(expectOk(await host.call('plans:successionTargets', { employeeId: person.id })).rows[0].readinessLabel).toBe('Siap dalam 1–2 tahun');
      const proposal = expectOk(await host.call('plans:propose', { employeeId: person.id, year: 2027, targetPositionId: key.id }));
      expect(proposal.basis).toMatchObject({ positionId: key.id, isTarget: true });
      const required = await q<{ competency_id: number }>('SELECT competency_id FROM position_competency_standard WHERE position_id = ?', [key.id]);
      expect(proposal.items.filter((i) => i.kind === 'gap').length + proposal.notAssessed.length + proposal.met.length).toBe(required.length);
    });

    it('proposes the missing leadership training with a note for the officer, never a note for developers', async () => {
      const person = await somePns(33);
      const [administrator] = await q<{ id: number; name: string }>(`SELECT id, name FROM position WHERE level = 'administrator' ORDER BY id LIMIT 1`);
      await q(`DELETE FROM training_record WHERE employee_id = ? AND type IN ('pka', 'pkn_2', 'pkn_1')`, [person.id]);
      const proposal = expectOk(await host.call('plans:propose', { employeeId: person.id, year: 2027, targetPositionId: administrator.id }));
      expect(proposal.items.map((i) => i.requirement)).toContain('PKA belum diikuti (wajib bagi Administrator)');
      expect(proposal.notes).toContain('PKA wajib bagi Administrator menurut ketentuan pelatihan kepemimpinan yang lazim berlaku; sesuaikan usulan dengan kebijakan instansi.');
      expect(proposal.notes.flatMap(developerNotes)).toEqual([]);
    });

    it('says so when the position has no standard, and invents no gaps', async () => {
      const person = await somePns(12);
      const [{ position_id: positionId }] = await q<{ position_id: number }>('SELECT position_id FROM employee WHERE id = ?', [person.id]);
      const [{ id: bare }] = await q<{ id: number }>(`INSERT INTO position (name, kind, level, active) VALUES ('Analis Tanpa Standar', 'fungsional', 'ahli_pertama', TRUE) RETURNING id`);
      const proposal = expectOk(await host.call('plans:propose', { employeeId: person.id, year: 2027, targetPositionId: bare }));
      expect(proposal.basis).toMatchObject({ positionId: bare, isTarget: true });
      expect(proposal.standardMissing).toBe(true);
      expect(proposal.items.filter((i) => i.kind === 'gap')).toEqual([]);
      expect(proposal.notes[0]).toBe('Standar kompetensi jabatan belum ditetapkan untuk Analis Tanpa Standar; kesenjangan kompetensi tidak dapat dihitung.');
      expect(positionId).not.toBe(bare);
    });

    it('creates a plan, refuses a second one for the same year, completes an item by recording the training, and reopens it when the training is deleted', async () => {
      const person = await somePns(10);
      const proposal = expectOk(await host.call('plans:propose', { employeeId: person.id, year: 2026 }));
      const items = proposal.items.map((i) => ({
        competencyId: i.competencyId, requirement: i.requirement, currentLevel: i.currentLevel, targetLevel: i.targetLevel, activity: i.activity,
        catalogId: i.catalogId, jp: i.jp, estimatedCost: i.estimatedCost, targetDate: i.targetDate,
      }));
      const { id } = expectOk(await host.call('plans:create', { employeeId: person.id, year: 2026, items }));
      const again = await host.call('plans:create', { employeeId: person.id, year: 2026, items: [] });
      expect(again.ok).toBe(false);
      if (!again.ok) expect(again.error.code).toBe('conflict');

      const plan = expectOk(await host.call('plans:get', { id }));
      expect(plan.items).toHaveLength(items.length);
      const item = plan.items[0];
      const jpBefore = (await q<{ jp: number }>('SELECT jp FROM employee_training_year WHERE employee_id = ? AND year = 2026', [person.id]))[0]?.jp ?? 0;
      const done = expectOk(await host.call('plans:completeItem', {
        id: item.id, version: item.version, training: { title: item.activity, type: 'teknis', startDate: '2026-10-05', endDate: '2026-10-07', jp: 24, cost: 2_500_000, certificateNumber: '001/STTPP/2026' },
      }));
      const after = expectOk(await host.call('plans:get', { id })).items.find((i) => i.id === item.id)!;
      expect(after).toMatchObject({ status: 'selesai', trainingRecordId: done.trainingRecordId, trainingTitle: item.activity });
      const [{ jp: jpAfter }] = await q<{ jp: number }>('SELECT jp FROM employee_training_year WHERE employee_id = ? AND year = 2026', [person.id]);
      expect(jpAfter).toBe(jpBefore + 24);
      const [record] = await q<{ catalog_id: number | null }>('SELECT catalog_id FROM training_record WHERE id = ?', [done.trainingRecordId]);
      expect(record.catalog_id).toBe(item.catalogId);

      const removed = expectOk(await host.call('training:delete', { id: done.trainingRecordId! }));
      expect(removed.reopenedItems).toBe(1);
      expect(expectOk(await host.call('plans:get', { id })).items.find((i) => i.id === item.id)).toMatchObject({ status: 'berjalan', trainingRecordId: null });
      const log = await q<{ summary: string }>('SELECT summary FROM audit_log WHERE employee_id = ? ORDER BY id', [person.id]);
      expect(log.map((l) => l.summary).join('\n')).toMatch(/Menyusun rencana pengembangan 2026[\s\S]*Menyelesaikan kegiatan[\s\S]*Menghapus diklat/);
    });

    it('refuses items that do not fit the plan, writing nothing', async () => {
      const [person] = await q<{ id: number }>(`SELECT id FROM employee WHERE status = 'active' AND id NOT IN (SELECT employee_id FROM development_plan WHERE year = 2026) LIMIT 1 OFFSET 3`);
      const [{ n: before }] = await q<{ n: number }>('SELECT COUNT(*) n FROM development_plan');
      const result = await host.call('plans:create', {
        employeeId: person.id, year: 2026,
        items: [
          { requirement: 'Penguatan pengelolaan arsip', activity: 'Bimtek Kearsipan', jp: 16, estimatedCost: 0, targetDate: '2027-03-01' },
          { activity: 'Tanpa kebutuhan', jp: 8, estimatedCost: 0 },
        ],
      });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.message).toMatch(/Kegiatan 1: tanggal target harus di tahun rencana 2026/);
        expect(result.error.message).toMatch(/Kegiatan 2: isi kompetensi atau kebutuhan/);
      }
      const [{ n: after }] = await q<{ n: number }>('SELECT COUNT(*) n FROM development_plan');
      expect(after).toBe(before);
    });

    it('sums planned JP and cost per perangkat daerah against the ceiling', async () => {
      const overview = expectOk(await host.call('plans:budgetOverview', { year: 2026 }));
      const [{ cost }] = await q<{ cost: number }>(`SELECT SUM(i.estimated_cost) cost FROM development_plan_item i JOIN development_plan p ON p.id = i.plan_id WHERE p.year = 2026 AND i.status <> 'batal'`);
      expect(overview.totalPlannedCost).toBe(Number(cost));
      for (const row of overview.rows) if (row.ceiling !== null) expect(row.overBy).toBe(Math.max(0, row.plannedCost - row.ceiling));
      const unit = overview.rows.find((r) => r.unitId !== null && r.plannedCost > 0)!;
      expectOk(await host.call('plans:setBudget', { unitId: unit.unitId!, year: 2026, ceiling: 1_000_000 }));
      const updated = expectOk(await host.call('plans:budgetOverview', { year: 2026 })).rows.find((r) => r.unitId === unit.unitId)!;
      expect(updated.overBy).toBe(unit.plannedCost - 1_000_000);
      const [child] = await q<{ id: number }>('SELECT id FROM unit WHERE parent_id IS NOT NULL LIMIT 1');
      const refused = await host.call('plans:setBudget', { unitId: child.id, year: 2026, ceiling: 5 });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.message).toMatch(/per perangkat daerah/);
    });
  });

  describe('mentoring', () => {
    it('warns when the mentor is not more senior and when the mentor has too many mentees, and refuses a self-pairing', async () => {
      const [junior] = await q<{ id: number }>(`SELECT e.id FROM employee e JOIN position p ON p.id = e.position_id WHERE e.status = 'active' AND p.level = 'pelaksana' AND e.golongan = 31 LIMIT 1`);
      const [senior] = await q<{ id: number }>(`SELECT e.id FROM employee e JOIN position p ON p.id = e.position_id WHERE e.status = 'active' AND p.level = 'administrator' LIMIT 1`);
      const reversed = expectOk(await host.call('mentoring:check', { mentorId: junior.id, menteeId: senior.id }));
      expect(reversed.warnings[0]).toMatch(/^Mentor tidak lebih senior dari mentee/);
      const fine = expectOk(await host.call('mentoring:check', { mentorId: senior.id, menteeId: junior.id }));
      expect(fine.warnings.filter((w) => w.startsWith('Mentor tidak lebih senior'))).toEqual([]);

      expectOk(await host.call('development:updateSettings', await atCurrentVersion(host, 'development:updateSettings', { menteeLimit: 1 })));
      const mentees = await q<{ id: number }>(`SELECT e.id FROM employee e JOIN position p ON p.id = e.position_id WHERE e.status = 'active' AND p.level = 'pelaksana' AND e.id <> ? LIMIT 2`, [junior.id]);
      const first = expectOk(await host.call('mentoring:save', { input: { mentorId: senior.id, menteeId: mentees[0].id, startDate: '2026-06-01' } }));
      const second = expectOk(await host.call('mentoring:save', { input: { mentorId: senior.id, menteeId: mentees[1].id, startDate: '2026-06-01' } }));
      expect(second.warnings.some((w) => /di atas batas 1 mentee per mentor/.test(w))).toBe(true);
      const load = expectOk(await host.call('mentoring:mentorLoad', {}));
      expect(load.rows.find((r) => r.mentor.id === senior.id)).toMatchObject({ overLimit: true });
      expectOk(await host.call('development:updateSettings', await atCurrentVersion(host, 'development:updateSettings', { menteeLimit: 5 })));

      const self = await host.call('mentoring:save', { input: { mentorId: senior.id, menteeId: senior.id, startDate: '2026-06-01' } });
      expect(self.ok).toBe(false);
      const duplicate = await host.call('mentoring:save', { input: { mentorId: senior.id, menteeId: mentees[0].id, startDate: '2026-07-01' } });
      expect(duplicate.ok).toBe(false);

      const early = await host.call('mentoring:addSession', { relationId: first.id, sessionDate: '2026-05-01' });
      expect(early.ok).toBe(false);
      const future = await host.call('mentoring:addSession', { relationId: first.id, sessionDate: '2026-12-01' });
      expect(future.ok).toBe(false);
      expectOk(await host.call('mentoring:addSession', { relationId: first.id, sessionDate: '2026-07-01', notes: 'Sesi pertama' }));
      const list = expectOk(await host.call('mentoring:list', { employeeId: mentees[0].id }));
      expect(list.rows.find((r) => r.id === first.id)).toMatchObject({ sessions: 1, lastSession: '2026-07-01' });
    });
  });

  describe('rotation and promotion', () => {
    it('lists rotation candidates after the configured years, per unit adding up', async () => {
      const rotation = expectOk(await host.call('careers:rotation', { limit: 500 }));
      expect(rotation.years).toBe(5);
      expect(rotation.cutoff).toBe('2021-11-24');
      const [{ n }] = await q<{ n: number }>(`SELECT COUNT(*) n FROM employee WHERE status = 'active' AND employment_type = 'PNS' AND position_tmt IS NOT NULL AND position_tmt <= '2021-11-24'`);
      expect(rotation.total).toBe(n);
      expect(rotation.units.reduce((s, u) => s + u.candidates, 0)).toBe(n);
      expect(rotation.rows.every((r) => r.monthsInPosition >= 60)).toBe(true);
      const tooShort = await host.call('development:updateSettings', await atCurrentVersion(host, 'development:updateSettings', { rotationYears: 1 }));
      expect(tooShort.ok).toBe(false);
      if (!tooShort.ok) expect(tooShort.error.message).toMatch(/Minimal 2 tahun/);
    });

    it('judges hand-made cases for the next period (1 Desember 2026, SKP 2024 and 2025)', async () => {
      const setup = async (offset: number, golongan: number, tmt: string, education: string, skp: Array<[number, string]>) => {
        const person = await somePns(offset);
        await q('UPDATE employee SET golongan = ?, golongan_tmt = ?, education_level = ? WHERE id = ?', [golongan, tmt, education, person.id]);
        await q(`DELETE FROM performance_evaluation WHERE employee_id = ?`, [person.id]);
        for (const [year, predikat] of skp) {
          await q(`INSERT INTO performance_evaluation (employee_id, year, period, regime, predikat, source, created_at) VALUES (?, ?, 'tahunan', 'PMPANRB6_2022', ?, 'manual', 'now')`, [person.id, year, predikat]);
        }
        return person;
      };
      const eligible = await setup(20, 33, '2022-10-01', 'S1', [[2024, 'baik'], [2025, 'sangat_baik']]);
      const ceiling = await setup(21, 34, '2019-04-01', 'S1', [[2024, 'baik'], [2025, 'baik']]);
      const missing = await setup(22, 32, '2021-04-01', 'S1', [[2024, 'baik']]);
      const low = await setup(23, 24, '2020-10-01', 'SLTA', [[2024, 'butuh_perbaikan'], [2025, 'baik']]);
      const notDue = await setup(24, 33, '2023-01-01', 'S1', [[2024, 'baik'], [2025, 'baik']]);
      const find = async (nip: string) => expectOk(await host.call('careers:promotionList', { search: nip })).rows[0];
      const list = expectOk(await host.call('careers:promotionList', { limit: 1 }));
      expect(list.period).toBe('2026-12-01');
      expect(list.skpYears).toEqual([2024, 2025]);
      expect(await find(eligible.nip)).toMatchObject({ status: 'eligible', golongan: 33, targetGolongan: 34, reasons: [] });
      expect((await find(ceiling.nip)).reasons.map((r) => r.code)).toEqual(['education_ceiling']);
      expect((await find(missing.nip)).reasons).toEqual([{ code: 'skp_missing', message: 'SKP tahun 2025 belum ada' }]);
      expect((await find(low.nip)).reasons).toEqual([{ code: 'skp_below', message: 'Predikat SKP 2024: Butuh Perbaikan (minimal Baik)' }]);
      expect(await find(notDue.nip)).toBeUndefined();
      // Counts agree with the rows.
      const all = expectOk(await host.call('careers:promotionList', { limit: 500 }));
      expect(all.total).toBe(all.counts.eligible + all.counts.blocked);
      expect(all.rows.filter((r) => r.status === 'eligible')).toHaveLength(all.counts.eligible);
      const wrong = await host.call('careers:promotionList', { period: '2026-12-15' });
      expect(wrong.ok).toBe(false);
      // The list is cached between calls; any write refreshes it: the missing SKP arrives, one more is eligible.
      await q(`INSERT INTO performance_evaluation (employee_id, year, period, regime, predikat, source, created_at) VALUES (?, 2025, 'tahunan', 'PMPANRB6_2022', 'baik', 'manual', 'now')`, [missing.id]);
      const again = expectOk(await host.call('careers:promotionList', { limit: 1 }));
      expect(again.counts.eligible).toBe(all.counts.eligible + 1);
      expect((await find(missing.nip)).status).toBe('eligible');
    });

    it('exports the usulan in the proposal layout, eligible on the first sheet and the blocked with reasons on the second', async () => {
      const list = expectOk(await host.call('careers:promotionList', { limit: 500 }));
      const file = expectOk(await host.call('careers:promotionExport', {}));
      expect(file.fileName).toBe('usulan-kp-reguler-2026-12-01.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
      const [usulan, blocked] = workbook.worksheets;
      expect(usulan.name).toBe('Usulan KP Reguler');
      expect(usulan.getCell('A1').value).toBe('DAFTAR NOMINATIF PNS YANG DIUSULKAN KENAIKAN PANGKAT REGULER');
      expect(usulan.getCell('A2').value).toBe('PERIODE 1 DESEMBER 2026');
      expect(usulan.getCell('E6').value).toBe('Pangkat/Gol. Ruang Lama');
      expect(usulan.getCell('P7').value).toBe('2024');
      // The first sheet is the regular KP; KP pilihan and penyesuaian ijazah have a sheet of their own.
      const eligibleRows = list.rows.filter((r) => r.status === 'eligible' && r.kind === 'reguler');
      expect(usulan.getCell('B9').value).toBe(eligibleRows[0].nip);
      expect(usulan.getCell(`B${8 + eligibleRows.length}`).value).toBe(eligibleRows.at(-1)!.nip);
      expect(usulan.getCell(`A${9 + eligibleRows.length}`).value).toBeNull();
      expect(blocked.name).toBe('Belum memenuhi syarat');
      expect(blocked.rowCount).toBe(4 + list.counts.blocked);
      expect(String(blocked.getCell('K5').value)).toMatch(/belum ada|Baik|pangkat tertinggi|belum diisi/);
    });
  });

  describe('stats --json "development"', () => {
    it('has exactly the keys of the issue, consistent with the screens', async () => {
      const stats = await host.services.stats.collect({ asOf: TEST_TODAY, scope: 'all' });
      const development = stats.development as Record<string, unknown>;
      expect(Object.keys(development)).toEqual(['year', 'jpCompliant', 'jpBelow', 'idpByStatus', 'mentoringPairs', 'promotionEligibleNextPeriod', 'rotationCandidates']);
      expect(development.year).toBe(2026);
      const compliance = expectOk(await host.call('training:compliance', { year: 2026 }));
      expect(development.jpCompliant).toBe(compliance.compliant);
      expect(development.jpBelow).toBe(compliance.below);
      expect(Object.keys(development.idpByStatus as object)).toEqual(['direncanakan', 'berjalan', 'selesai', 'batal']);
      const plans = expectOk(await host.call('plans:list', { year: 2026, limit: 1 }));
      expect(development.idpByStatus).toEqual(plans.summary.items);
      expect(development.promotionEligibleNextPeriod).toBe(expectOk(await host.call('careers:promotionList', { limit: 1 })).counts.eligible);
      expect(development.rotationCandidates).toBe(expectOk(await host.call('careers:rotation', { limit: 1 })).total);
      const [{ n }] = await q<{ n: number }>(`SELECT COUNT(*) n FROM mentoring_relation WHERE status <> 'batal' AND start_date <= '2026-12-31' AND (end_date IS NULL OR end_date >= '2026-01-01')`);
      expect(development.mentoringPairs).toBe(n);
      const older = (await host.services.stats.collect({ asOf: TEST_TODAY, year: 2024, scope: 'all' })).development as Record<string, unknown>;
      expect(older.year).toBe(2024);
      expect(older.jpCompliant).toBe(expectOk(await host.call('training:compliance', { year: 2024 })).compliant);
    });
  });
});
