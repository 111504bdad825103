// The annual plan on a real demo database (TEST_TODAY = 2026-11-24, plan year 2027): the needs gathered from
// each source checked against what the other capabilities say about the same people, a plan for one OPD under a
// tight budget through the dispatcher, pins and excludes, acceptance into IDP items, and the catalogue's
// planning fields.

import ExcelJS from 'exceljs';
import loadHighs from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { solveWithHighs } from '../../main/services/planning/highs-run';
import { roleMayPrint } from '../../shared/auth/report-access';
import { buildPlanModel, COVERAGE_PROVEN_GAP } from '../../shared/domain/planning/model';
import { groupNeeds, mergeNeeds } from '../../shared/domain/planning/needs';
import { ROLES, roleAllows } from '../../shared/auth/roles';
import { REPORTS, type ReportDocumentOf } from '../../shared/reports/catalogue';
import { sessionAs } from '../helpers/auth';
import { expectOk, openTestHost, tempDir, queryOn } from '../helpers/temp-db';

const YEAR = 2027;

describe('Rencana Anggaran on a demo district', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryOn<T>(host, sql, params);

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 400, seed: 11 });
  });
  afterAll(() => host.close());

  describe('Kebutuhan: the needs of the coming year, from each source', () => {
    it('finds needs of every source, each with a person, an OPD and a reason', async () => {
      const gathered = await host.services.planning.gather(YEAR, undefined);
      for (const source of ['gap', 'idp', 'jp', 'leadership', 'succession', 'career'] as const) {
        const list = gathered.needs.filter((n) => n.source === source);
        expect(list.length, source).toBeGreaterThan(0);
        for (const need of list) {
          expect(gathered.people.has(need.employeeId)).toBe(true);
          expect(gathered.opds.has(need.opdId)).toBe(true);
          expect(need.reason.length).toBeGreaterThan(5);
        }
      }
      const summary = expectOk(await host.call('planning:needs', { year: YEAR }));
      expect(summary.needsTotal).toBeGreaterThan(0);
      expect(summary.bySource.map((s) => s.source)).toEqual(['gap', 'idp', 'jp', 'leadership', 'succession', 'career']);
      expect(summary.byOpd.reduce((s, o) => s + o.needs, 0)).toBe(summary.needsTotal);
    });

    it('gap: the same gaps as the IDP proposal of the person\'s own position', async () => {
      const gathered = await host.services.planning.gather(YEAR, undefined);
      const people = [...new Set(gathered.needs.filter((n) => n.source === 'gap').map((n) => n.employeeId))].slice(0, 5);
      for (const employeeId of people) {
        const proposal = expectOk(await host.call('plans:propose', { employeeId, year: YEAR }));
        const expected = proposal.items.filter((i) => i.kind === 'gap').map((i) => `${i.competencyId}:${i.targetLevel! - i.currentLevel!}`).sort();
        const found = gathered.needs.filter((n) => n.source === 'gap' && n.employeeId === employeeId)
          .map((n) => (n.target.kind === 'competency' ? `${n.target.competencyId}:${n.target.levels}` : '')).sort();
        expect(found).toEqual(expected);
      }
    });

    it('jp: exactly the people below the JP target in 2026 by their own training record', async () => {
      const gathered = await host.services.planning.gather(YEAR, undefined);
      const below = new Set(gathered.needs.filter((n) => n.source === 'jp').map((n) => n.employeeId));
      const sample = [...gathered.people.keys()].slice(0, 40);
      for (const employeeId of sample) {
        const training = expectOk(await host.call('training:ofEmployee', { employeeId }));
        const jp2026 = training.years.find((y) => y.year === 2026)?.jp ?? 0;
        expect(below.has(employeeId), `employee ${employeeId} with ${jp2026} JP`).toBe(jp2026 < training.target);
      }
    });

    it('leadership: people whose position requires a leadership training they never followed', async () => {
      const gathered = await host.services.planning.gather(YEAR, undefined);
      const list = gathered.needs.filter((n) => n.source === 'leadership').slice(0, 10);
      for (const need of list) {
        const type = need.target.kind === 'training' ? need.target.trainingType : '';
        const training = expectOk(await host.call('training:ofEmployee', { employeeId: need.employeeId }));
        expect(training.records.some((r) => r.type === type)).toBe(false);
        const proposal = expectOk(await host.call('plans:propose', { employeeId: need.employeeId, year: YEAR }));
        expect(proposal.items.some((i) => i.kind === 'requirement' && i.requirement?.includes(need.reason.split(' ')[0]))).toBe(true);
      }
    });

    it('succession: named successors, against the standard of the position they are named for', async () => {
      const gathered = await host.services.planning.gather(YEAR, undefined);
      const list = gathered.needs.filter((n) => n.source === 'succession');
      const candidates = new Set((await q<{ employee_id: number }>('SELECT employee_id FROM succession_candidate')).map((r) => r.employee_id));
      for (const need of list) {
        expect(candidates.has(need.employeeId)).toBe(true);
        expect(need.reason).toMatch(/^kandidat suksesi .+: kesenjangan \d level /);
      }
    });

    it('career: only the trainable requirements Peta Karier shows unmet on a step the person stands at', async () => {
      const gathered = await host.services.planning.gather(YEAR, undefined);
      const list = gathered.needs.filter((n) => n.source === 'career');
      expect(list.some((n) => n.target.kind === 'training')).toBe(true);
      expect(list.some((n) => n.target.kind === 'competency')).toBe(true);
      const people = [...new Set(list.filter((n) => n.target.kind === 'training').map((n) => n.employeeId))].slice(0, 4)
        .concat([...new Set(list.filter((n) => n.target.kind === 'competency').map((n) => n.employeeId))].slice(0, 4));
      for (const employeeId of people) {
        const peta = expectOk(await host.call('paths:employee', { employeeId }));
        for (const need of list.filter((n) => n.employeeId === employeeId)) {
          const key = need.target.kind === 'training' ? 'pelatihan' : 'jpm';
          const steps = peta.steps.filter((s) => need.reason.startsWith(`syarat jalur karier ${s.label}: `));
          expect(steps.length, need.reason).toBeGreaterThan(0);
          // Not ready, not met by time alone, and the requirement this need answers is not met.
          expect(steps.some((s) => !s.ready && s.metOn === null && s.checks.some((c) => c.key === key && c.met !== true)), need.reason).toBe(true);
        }
        // Near-miss: a step missing only time (met on a later day) or ready gives no need.
        for (const step of peta.steps.filter((s) => s.ready || s.metOn !== null)) {
          const others = peta.steps.filter((s) => s.label === step.label && s !== step && !s.ready && s.metOn === null);
          if (others.length > 0) continue;
          expect(list.some((n) => n.employeeId === employeeId && n.reason.startsWith(`syarat jalur karier ${step.label}: `))).toBe(false);
        }
      }
      // Near-miss across the district: nobody whose readiness rows are all ready or missing only time has a need.
      const rows = await q<{ employee_id: number; ready: number; ready_on: string | null }>('SELECT employee_id, ready, ready_on FROM career_step_readiness');
      const open = new Set(rows.filter((r) => r.ready === 0 && r.ready_on === null).map((r) => r.employee_id));
      const closed = rows.filter((r) => !open.has(r.employee_id));
      expect(closed.length).toBeGreaterThan(0);
      for (const need of list) expect(open.has(need.employeeId), need.reason).toBe(true);
    });

    it('career: a leadership training below the one a step asks leaves the need, the one asked or higher ends it', async () => {
      const gathered = await host.services.planning.gather(YEAR, undefined);
      const order = ['pkp', 'pka', 'pkn_2', 'pkn_1'];
      const needs = gathered.needs.filter((n) => n.source === 'career' && n.target.kind === 'training');
      // A need above PKP when there is one, so a lower training can be recorded first.
      const need = needs.find((n) => n.target.kind === 'training' && n.target.trainingType !== 'pkp') ?? needs[0];
      expect(need).toBeDefined();
      const type = need.target.kind === 'training' ? need.target.trainingType : '';
      const careerNeed = async () => (await host.services.planning.gather(YEAR, undefined)).needs
        .some((n) => n.source === 'career' && n.employeeId === need.employeeId && n.target.kind === 'training' && n.target.trainingType === type);
      const record = (t: string, start: string, end: string) => host.call('training:save', {
        employeeId: need.employeeId, input: { title: `Pelatihan kepemimpinan uji ${t}`, type: t as 'pkp', startDate: start, endDate: end, jp: 40 },
      });
      const lower = order[order.indexOf(type) - 1];
      if (lower) {
        expectOk(await record(lower, '2026-09-01', '2026-09-10'));
        expect(await careerNeed()).toBe(true);
      }
      const higher = order[Math.min(order.length - 1, order.indexOf(type) + 1)];
      expectOk(await record(higher, '2026-10-01', '2026-10-20'));
      expect(await careerNeed()).toBe(false);
    });

    it('idp: an item of this year\'s plan not yet done is a need of next year, and a cancelled one is not', async () => {
      const [person] = await q<{ id: number }>(`SELECT e.id FROM employee e WHERE e.status = 'active' AND e.employment_type = 'PNS'
        AND NOT EXISTS (SELECT 1 FROM development_plan p WHERE p.employee_id = e.id AND p.year = 2026) ORDER BY e.id LIMIT 1`);
      const competencies = expectOk(await host.call('plans:competencies', {}));
      const competencyId = competencies.rows[0].id;
      const planId = expectOk(await host.call('plans:create', {
        employeeId: person.id, year: 2026, targetPositionId: null, notes: null,
        items: [{ competencyId, activity: 'Membaca pedoman etika ASN', jp: 4, estimatedCost: 0, currentLevel: 2, targetLevel: 4 }],
      })).id;
      const needs = (await host.services.planning.gather(YEAR, undefined)).needs.filter((n) => n.source === 'idp' && n.employeeId === person.id);
      expect(needs).toHaveLength(1);
      expect(needs[0].target).toEqual({ kind: 'competency', competencyId, levels: 2 });
      expect(needs[0].reason).toContain('Membaca pedoman etika ASN');
      const plan = expectOk(await host.call('plans:get', { id: planId }));
      expectOk(await host.call('plans:updateItem', { id: plan.items[0].id, version: plan.items[0].version, status: 'batal' }));
      expect((await host.services.planning.gather(YEAR, undefined)).needs.some((n) => n.source === 'idp' && n.employeeId === person.id)).toBe(false);
    });
  });

  describe('Rencana: a plan for one OPD under a tight budget', () => {
    async function busiestOpd(): Promise<number> {
      const summary = expectOk(await host.call('planning:needs', { year: YEAR }));
      return summary.byOpd[0].opdId;
    }

    it('keeps within the budget, says what each item covers and costs, and closes more with more money', async () => {
      const unitId = await busiestOpd();
      const tight = expectOk(await host.call('planning:propose', { year: YEAR, budget: 15_000_000, unitId, timeLimitSeconds: 10, useUnitCeilings: false }));
      expect(tight.cost).toBeLessThanOrEqual(15_000_000);
      expect(tight.items.length).toBeGreaterThan(0);
      expect(tight.items.reduce((s, i) => s + i.cost, 0)).toBe(tight.cost);
      for (const item of tight.items) {
        expect(item.participants.length).toBeGreaterThan(0);
        expect(item.needLabel).not.toMatch(/undefined|null/);
        expect(item.cost).toBe(item.classes * item.classCost + item.participants.length * item.participantCost);
        for (const p of item.participants) expect(p.reason.length).toBeGreaterThan(5);
      }
      expect(tight.needsCovered).toBe(tight.items.reduce((s, i) => s + i.participants.length, 0));
      expect(tight.optimalityGap).not.toBeNull();
      expect(tight.unitId).toBe(unitId);
      const wider = expectOk(await host.call('planning:propose', { year: YEAR, budget: 60_000_000, unitId, timeLimitSeconds: 10, useUnitCeilings: false }));
      expect(wider.cost).toBeLessThanOrEqual(60_000_000);
      if (tight.provenOptimal && wider.provenOptimal) expect(wider.weightedCovered).toBeGreaterThanOrEqual(tight.weightedCovered);
    });

    it('the pruned model covers as much weighted need as the full one on the district, under OPD ceilings', async () => {
      const gathered = await host.services.planning.gather(YEAR, undefined);
      const weights = await host.services.planning.weights.get();
      const groups = groupNeeds(mergeNeeds(gathered.needs, weights), weights);
      const offerings = await host.services.planning.offerings();
      // Tight ceilings for every OPD, so the money prunes offerings as well as dominance.
      const opdCeilings = new Map([...gathered.opds.keys()].map((id, i) => [id, 1_500_000 + 700_000 * (i % 4)]));
      const input = { groups, offerings, budget: 12_000_000, opdCeilings, pins: [], excludes: [], jpTarget: gathered.jpTarget };
      const pruned = buildPlanModel(input);
      const full = buildPlanModel({ ...input, prune: false });
      expect(pruned.variables).toBeLessThan(full.variables);
      const highs = await loadHighs();
      const covered = (model: typeof full) => {
        const result = solveWithHighs(highs, model.lp, { timeLimitSeconds: 30, mipRelGap: 0, mipAbsGap: COVERAGE_PROVEN_GAP, start: model.start });
        expect(result.outcome).toBe('optimal');
        return model.pairs.reduce((sum, p) => sum + Math.round(result.values[p.y] ?? 0) * p.group.weight, 0);
      };
      const best = covered(full);
      expect(best).toBeGreaterThan(0);
      expect(covered(pruned)).toBe(best);
    });

    it('honours an exclude and a pin, and refuses a pin beyond the budget in Indonesian', async () => {
      const unitId = await busiestOpd();
      const base = expectOk(await host.call('planning:propose', { year: YEAR, budget: 15_000_000, unitId, useUnitCeilings: false }));
      const used = base.items[0].catalogId;
      const without = expectOk(await host.call('planning:propose', { year: YEAR, budget: 15_000_000, unitId, excludes: [used], useUnitCeilings: false }));
      expect(without.items.some((i) => i.catalogId === used)).toBe(false);

      const [pka] = await q<{ id: number }>(`SELECT id FROM training_catalog WHERE type = 'pka'`);
      const refused = await host.call('planning:propose', { year: YEAR, budget: 1_000_000, unitId, pins: [{ catalogId: pka.id }], useUnitCeilings: false });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.message).toMatch(/melebihi anggaran|tidak menjawab kebutuhan/);

      const cheapest = base.items.reduce((a, b) => (a.cost <= b.cost ? a : b));
      const pinned = expectOk(await host.call('planning:propose', { year: YEAR, budget: 15_000_000, unitId, pins: [{ catalogId: cheapest.catalogId, unitId }], useUnitCeilings: false }));
      expect(pinned.items.some((i) => i.catalogId === cheapest.catalogId)).toBe(true);
    });

    it('accepting a plan writes its IDP items (once), visible on each person\'s profile', async () => {
      const unitId = await busiestOpd();
      const plan = expectOk(await host.call('planning:propose', { year: YEAR, budget: 10_000_000, unitId, useUnitCeilings: false }));
      const items = plan.items.map((i) => ({ catalogId: i.catalogId, classes: i.classes, participants: i.participants.map((p) => ({ employeeId: p.employeeId, competencyId: p.competencyId, levels: p.levels, reason: p.reason })) }));
      const accepted = expectOk(await host.call('planning:accept', { year: YEAR, items }));
      expect(accepted.itemsAdded).toBe(plan.needsCovered - accepted.skipped);
      expect(accepted.itemsAdded).toBeGreaterThan(0);
      const first = plan.items[0];
      const profile = expectOk(await host.call('plans:ofEmployee', { employeeId: first.participants[0].employeeId }));
      const year = profile.plans.find((p) => p.year === YEAR)!;
      expect(year.items.some((i) => i.catalogId === first.catalogId && i.activity === first.title && i.status === 'direncanakan')).toBe(true);
      const again = expectOk(await host.call('planning:accept', { year: YEAR, items }));
      expect(again.itemsAdded).toBe(0);

      // Realisation: the accepted items are planned in their OPD; one done with its training moves done, spent and JP.
      const before = expectOk(await host.call('planning:realisation', { year: YEAR })).rows.find((r) => r.opdId === unitId)!;
      expect(before.items).toBeGreaterThanOrEqual(accepted.itemsAdded);
      const item = year.items.find((i) => i.catalogId === first.catalogId)!;
      expectOk(await host.call('plans:completeItem', {
        id: item.id, version: item.version, training: { title: first.title, type: 'teknis', startDate: '2026-11-20', endDate: '2026-11-22', jp: 24, cost: 1_234_000 },
      }));
      const after = expectOk(await host.call('planning:realisation', { year: YEAR })).rows.find((r) => r.opdId === unitId)!;
      expect(after.done).toBe(before.done + 1);
      expect(after.spent).toBe(before.spent + 1_234_000);
      expect(after.deliveredJp).toBe(before.deliveredJp + 24);
    });
  });

  describe('Usulan anggaran: the XLSX of a scenario per perangkat daerah', () => {
    it('writes the OPD sheet and the activity sheet, and logs the export', async () => {
      const summary = expectOk(await host.call('planning:needs', { year: YEAR }));
      const plan = expectOk(await host.call('planning:propose', { year: YEAR, budget: 20_000_000, unitId: summary.byOpd[0].opdId, useUnitCeilings: false }));
      const file = expectOk(await host.call('planning:exportXlsx', {
        year: YEAR, budget: plan.budget, scopeName: plan.unitName, scenarioName: 'Skenario 1',
        opds: plan.opds.map((o) => ({ opdName: o.opdName, ceiling: o.ceiling, cost: o.cost, needsTotal: o.needsTotal, needsCovered: o.needsCovered })),
        items: plan.items.map((i) => ({ opdName: i.opdName, title: i.title, modeLabel: i.modeLabel, needLabel: i.needLabel, classes: i.classes, participants: i.participants.length, jp: i.jp, cost: i.cost })),
      }));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
      const opds = workbook.getWorksheet('Usulan per perangkat daerah')!;
      expect(String(opds.getCell(1, 1).value)).toBe(`USULAN ANGGARAN PENGEMBANGAN KOMPETENSI TAHUN ${YEAR}`);
      expect(opds.getCell(5, 2).value).toBe(plan.opds[0].opdName);
      expect(opds.getCell(5, 4).value).toBe(plan.opds[0].cost);
      const items = workbook.getWorksheet('Rincian kegiatan')!;
      expect(items.rowCount).toBe(plan.items.length + 1);
      expect(items.getCell(2, 2).value).toBe(plan.items[0].title);
      const log = expectOk(await host.call('exports:log', { offset: 0, limit: 5 }));
      expect(log.rows[0]).toMatchObject({ kind: 'usulan-anggaran-pengembangan', format: 'xlsx', rowCount: plan.items.length });
    });
  });

  describe('Usulan anggaran: the PDF report of the plan through the report loader', () => {
    it('prints the plan the tab proposes for the same year, budget and unit, per OPD and per activity', async () => {
      const summary = expectOk(await host.call('planning:needs', { year: YEAR }));
      const unitId = summary.byOpd[0].opdId;
      const plan = expectOk(await host.call('planning:propose', { year: YEAR, budget: 25_000_000, unitId, timeLimitSeconds: 10, useUnitCeilings: true }));
      const document = expectOk(await host.call('reports:render', { reportId: 'usulan-anggaran-pengembangan', params: { unit: String(unitId), year: String(YEAR), budget: '25000000' } })) as ReportDocumentOf<'usulan-anggaran-pengembangan'>;
      expect(document.title).toBe(`Usulan Anggaran Pengembangan Kompetensi Tahun ${YEAR}`);
      expect(document.parameters).toContainEqual({ label: 'Anggaran', value: 'Rp25.000.000' });
      if (document.content.status !== 'ready') throw new Error(document.content.message);
      const data = document.content.data;
      expect(data.cost).toBe(plan.cost);
      expect(data.cost).toBeLessThanOrEqual(25_000_000);
      expect(data.needsCovered).toBe(plan.needsCovered);
      expect(data.needsTotal).toBe(plan.needsTotal);
      expect(data.opds).toEqual(plan.opds.map((o) => ({ opdName: o.opdName, ceiling: o.ceiling, cost: o.cost, needsTotal: o.needsTotal, needsCovered: o.needsCovered })));
      expect(data.items.map((i) => [i.title, i.classes, i.participants, i.cost])).toEqual(plan.items.map((i) => [i.title, i.classes, i.participants.length, i.cost]));
      expect(data.items.reduce((s, i) => s + i.cost, 0)).toBe(data.cost);
      expect(data.weights.map((w) => w.weight)).toEqual([plan.weights.jp, plan.weights.leadership, plan.weights.keyPosition, plan.weights.talentPool, plan.weights.competency]);
      expect(data.optimality).toMatch(/^Terbukti optimal|^Batas waktu tercapai/);
      // The XLSX of the same report: the OPD sheet and the activity sheet.
      const tables = REPORTS['usulan-anggaran-pengembangan'].tables(data);
      expect(tables.map((t) => t.title)).toEqual(['Usulan per perangkat daerah', 'Rincian kegiatan']);
      expect(tables[1].rows).toHaveLength(plan.items.length);
    });

    it('says so when no budget is given and no ceiling is set for the year, and refuses a budget with dots', async () => {
      const empty = expectOk(await host.call('reports:render', { reportId: 'usulan-anggaran-pengembangan', params: { year: String(YEAR) } }));
      expect(empty.content.status).toBe('empty');
      if (empty.content.status === 'empty') expect(empty.content.message).toContain(`Belum ada pagu anggaran pengembangan ${YEAR}`);
      const refused = await host.call('reports:render', { reportId: 'usulan-anggaran-pengembangan', params: { budget: '25.000.000' } });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.message).toContain('Anggaran harus rupiah tanpa titik');
    });
  });

  describe('Katalog: the planning fields of an offering', () => {
    it('saves mode, provider, partner share, class cost and size, and the competencies developed', async () => {
      const before = expectOk(await host.call('planning:offerings', {}));
      expect(before.rows.some((r) => r.mode === 'e_learning' && r.classSize >= 100)).toBe(true);
      expect(before.rows.some((r) => r.partnerCostShare > 0 && r.providerKind === 'mitra')).toBe(true);
      const target = before.rows[0];
      const competencies = expectOk(await host.call('plans:competencies', {}));
      expectOk(await host.call('planning:saveOffering', {
        catalogId: target.catalogId,
        input: { mode: 'mentoring', providerKind: 'mitra', partnerCostShare: 0.25, costPerClass: 1_500_000, classSize: 6, minClasses: 2, competencies: [{ competencyId: competencies.rows[1].id, levels: 2 }] },
      }));
      const after = expectOk(await host.call('planning:offerings', {})).rows.find((r) => r.catalogId === target.catalogId)!;
      expect(after).toMatchObject({ mode: 'mentoring', modeLabel: 'Mentoring', providerKind: 'mitra', partnerCostShare: 0.25, costPerClass: 1_500_000, classSize: 6, minClasses: 2 });
      expect(after.competencies.map((c) => [c.competencyId, c.levels])).toEqual([[competencies.rows[1].id, 2]]);
      const bad = await host.call('planning:saveOffering', {
        catalogId: target.catalogId, input: { mode: 'klasikal', providerKind: 'internal', partnerCostShare: 0, costPerClass: 0, classSize: 0, minClasses: 1, competencies: [] },
      });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.message).toMatch(/Kapasitas kelas/);
    });
  });

  describe('Usulan anggaran: printed only by the roles that may propose the plan', () => {
    it('agrees with planning:propose for every role, and refuses a Pimpinan account in Indonesian', async () => {
      for (const role of ROLES) {
        expect(roleMayPrint(role, 'usulan-anggaran-pengembangan'), role).toBe(roleAllows(role, 'data:write') && roleAllows(role, 'reports'));
      }
      // Near-miss: the same role still prints the other reports of its permission.
      expect(roleMayPrint('pimpinan', 'rekap-kinerja')).toBe(true);
      const web = (session: string) => ({ transport: 'web' as const, client: 'uji-usulan', session });
      const params = { unit: String((await host.services.planning.gather(YEAR, undefined)).opds.keys().next().value), year: String(YEAR), budget: '5000000' };
      const pimpinan = (await sessionAs(host, 'pimpinan')).token;
      const proposed = await host.dispatch('planning:propose', { year: YEAR, budget: 5_000_000 }, web(pimpinan));
      expect(proposed).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      for (const channel of ['reports:render', 'reports:exportXlsx'] as const) {
        const printed = await host.dispatch(channel, { reportId: 'usulan-anggaran-pengembangan', params }, web(pimpinan));
        expect(printed, channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        if (!printed.ok) expect(printed.error.message).toContain('Pimpinan');
      }
      expect(await host.dispatch('reports:render', { reportId: 'rekap-kinerja', params: {} }, web(pimpinan))).toMatchObject({ ok: true });
      const pengelola = (await sessionAs(host, 'pengelola')).token;
      expect(await host.dispatch('reports:render', { reportId: 'usulan-anggaran-pengembangan', params }, web(pengelola))).toMatchObject({ ok: true });
    });
  });
});
