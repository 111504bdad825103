// Pola karier on real databases: the default set built from the positions held, one person's Peta Karier on
// hand-made facts (boundaries of time in level, training, discipline), "Jadikan IDP" then the training recorded,
// the district aggregate against the one-person evaluation, `stats` careers, and the audited, versioned edits.

import { describe, expect, it } from 'vitest';
import { structuralStepRequirements } from '../../shared/domain/careers';
import { buildDefaultPaths } from '../../main/services/careers/default-paths';
import type { JenjangHost } from '../../main/host';
import { openTestHost, queryOn, tempDir, TEST_TODAY } from '../helpers/temp-db';

const NOW = `${TEST_TODAY}T08:00:00.000Z`;

async function q(host: JenjangHost, sql: string, params: unknown[] = []) {
  return queryOn(host, sql, params);
}

async function position(host: JenjangHost, name: string, kind: string, level: string, options: { eselon?: string; family?: string } = {}): Promise<number> {
  return (await q(host, 'INSERT INTO position (name, kind, level, eselon, family, active) VALUES (?, ?, ?, ?, ?, TRUE) RETURNING id', [name, kind, level, options.eselon ?? null, options.family ?? null]))[0].id;
}

let nipCounter = 0;
async function person(host: JenjangHost, positionId: number | null, facts: { golongan?: number; education?: string; since?: string; retirement?: string } = {}): Promise<number> {
  const nip = `19800101200501${String(1000 + ++nipCounter)}`;
  return (await q(host, `INSERT INTO employee (nip, name, birth_date, gender, employment_type, golongan, golongan_tmt, position_id, position_tmt, education_level, retirement_date, status, created_at, updated_at)
    VALUES (?, ?, '1980-01-01', 'L', 'PNS', ?, '2020-04-01', ?, ?, ?, ?, 'active', ?, ?) RETURNING id`,
  [nip, `Pegawai ${nipCounter}`, facts.golongan ?? 33, positionId, facts.since ?? '2020-01-01', facts.education ?? 'S1', facts.retirement ?? '2040-02-01', NOW, NOW]))[0].id;
}

async function goodSkp(host: JenjangHost, employeeId: number) {
  for (const year of [2024, 2025]) {
    await q(host, `INSERT INTO performance_evaluation (employee_id, year, period, regime, predikat, source, created_at) VALUES (?, ?, 'tahunan', 'PERMENPANRB_6_2022', 'baik', 'manual', ?)`, [employeeId, year, NOW]);
  }
}

async function training(host: JenjangHost, employeeId: number, type: string, endDate: string) {
  await q(host, `INSERT INTO training_record (employee_id, title, type, start_date, end_date, jp, source, created_at) VALUES (?, ?, ?, ?, ?, 100, 'manual', ?)`,
    [employeeId, type.toUpperCase(), type, endDate, endDate, NOW]);
}

/** A small district: the structural ladder up to administrator, a Guru family, and one administrator standard. */
async function district(host: JenjangHost) {
  const pelaksana = await position(host, 'Pengadministrasi Umum', 'pelaksana', 'pelaksana');
  const kasubag = await position(host, 'Kepala Subbagian Umum', 'pengawas', 'pengawas', { eselon: 'IV.a' });
  const kasi = await position(host, 'Kepala Seksi Data', 'pengawas', 'pengawas', { eselon: 'IV.b' });
  const sekretaris = await position(host, 'Sekretaris Dinas', 'administrator', 'administrator', { eselon: 'III.a' });
  const kabid = await position(host, 'Kepala Bidang Mutasi', 'administrator', 'administrator', { eselon: 'III.b' });
  const guru1 = await position(host, 'Guru Ahli Pertama', 'fungsional', 'ahli_pertama', { family: 'Guru' });
  const guru2 = await position(host, 'Guru Ahli Muda', 'fungsional', 'ahli_muda', { family: 'Guru' });
  const competencies: Array<{ id: number }> = await q(host, 'SELECT id FROM competency_definition ORDER BY id LIMIT 2');
  for (const pos of [sekretaris, kabid]) {
    for (const c of competencies) await q(host, 'INSERT INTO position_competency_standard (position_id, competency_id, required_level) VALUES (?, ?, 3)', [pos, c.id]);
  }
  return { pelaksana, kasubag, kasi, sekretaris, kabid, guru1, guru2, competencies: competencies.map((c) => c.id) };
}

async function competent(host: JenjangHost, employeeId: number, competencies: number[], level = 3) {
  for (const c of competencies) {
    await q(host, `INSERT INTO employee_competency_current (employee_id, competency_id, level, assessed_on, assessment_id) VALUES (?, ?, ?, '2026-02-01', 0)`, [employeeId, c, level]);
  }
}

describe('the default pola karier', () => {
  it('offers a step only where positions exist at both ends, with the rules of moves.ts', async () => {
    const host = await openTestHost(tempDir());
    try {
      await district(host);
      const graph = await host.services.careerPaths.graph();
      expect(graph.isDefault).toBe(true);
      const labels = graph.paths.flatMap((p) => p.steps.map((s) => s.label));
      expect(labels).toEqual([
        'Pelaksana → Pengawas', 'Pengawas → Administrator', 'Guru Ahli Pertama → Guru Ahli Muda',
        'Pelaksana → JF Ahli Pertama', 'JF Ahli Muda → Administrator', 'Pengawas → JF Ahli Muda',
      ]);
      const up = graph.paths[0].steps[1];
      // The lower eselon held at the target level (III.b) sets the pangkat: one below its lowest III/d.
      const expected = structuralStepRequirements('pengawas', 'administrator', 'III.b');
      expect(up.requirements).toEqual({
        minGolongan: expected.minGolongan, educationRank: expected.education!.rank, leadershipTraining: expected.leadershipTraining,
        minJpm: expected.minJpm, minMonthsInLevel: expected.minMonthsInLevel, skpYears: expected.skpYears, noRunningDiscipline: true,
      });
      expect(up.requirementTexts).toContain('Pangkat minimal Penata (III/c)');
      const guru = graph.paths[1].steps[0];
      expect(guru.requirements).toMatchObject({ minGolongan: 32, educationRank: 7, minMonthsInLevel: 24, leadershipTraining: null });
      expect(graph.lanes.map((l) => l.label)).toEqual(['Struktural', 'Pelaksana', 'Fungsional (semua rumpun)', 'Fungsional Guru']);
    } finally {
      await host.close();
    }
  });

  it('builds nothing from an empty position table, and a JF family held at one level only gets no ladder', () => {
    expect(buildDefaultPaths([])).toEqual([]);
    const paths = buildDefaultPaths([{ level: 'ahli_muda', family: 'Perawat', kind: 'fungsional', eselon: null, n: 3 }]);
    expect(paths).toEqual([]);
  });
});

describe('Peta Karier of one person', () => {
  it('is ready with exactly 2 years in the level, gives the day when one day is missing, and names the vacancies', async () => {
    const host = await openTestHost(tempDir());
    try {
      const d = await district(host);
      const exact = await person(host, d.kasubag, { since: '2024-11-24' });
      const short = await person(host, d.kasi, { since: '2024-11-25' });
      for (const id of [exact, short]) {
        await goodSkp(host, id);
        await training(host, id, 'pkp', '2023-06-30');
        await competent(host, id, d.competencies);
      }
      // Sekretaris held by someone retiring within 2 years; Kepala Bidang without an incumbent.
      await person(host, d.sekretaris, { golongan: 41, retirement: '2027-06-01' });

      const ready = await host.services.careerPaths.employee(exact);
      const step = ready.steps.find((s) => s.label === 'Pengawas → Administrator')!;
      expect(step.ready).toBe(true);
      expect(step.checks.map((c) => c.key)).toEqual(['pangkat', 'pendidikan', 'pelatihan', 'jpm', 'masa_jenjang', 'skp', 'hukuman_disiplin']);
      expect(step.vacancies.map((v) => [v.positionName, v.reason])).toEqual([['Kepala Bidang Mutasi', 'kosong'], ['Sekretaris Dinas', 'pensiun']]);
      expect(step.vacancies[1].reasonText).toBe('Pemangku mencapai TMT pensiun 1 Juni 2027');

      const waiting = (await host.services.careerPaths.employee(short)).steps.find((s) => s.label === 'Pengawas → Administrator')!;
      expect(waiting.ready).toBe(false);
      expect(waiting.metOn).toBe('2026-11-25');
      expect(waiting.checks.find((c) => c.key === 'masa_jenjang')!.met).toBe(false);
    } finally {
      await host.close();
    }
  });

  it('counts the time in level from the trailing run of history rows at that level', async () => {
    const host = await openTestHost(tempDir());
    try {
      const d = await district(host);
      const id = await person(host, d.kasi, { since: '2025-06-01' });
      // Pelaksana, then one pengawas post from 2023, then this one: the level began in 2023.
      for (const [level, tmt] of [['pelaksana', '2015-01-01'], ['pengawas', '2023-03-01'], ['pengawas', '2025-06-01']]) {
        await q(host, `INSERT INTO position_history (employee_id, position_name, position_level, tmt, source, created_at) VALUES (?, 'x', ?, ?, 'manual', ?)`, [id, level, tmt, NOW]);
      }
      const peta = await host.services.careerPaths.employee(id);
      expect(peta.standing!.levelSince).toBe('2023-03-01');
      expect(peta.steps.find((s) => s.label === 'Pengawas → Administrator')!.checks.find((c) => c.key === 'masa_jenjang')!.met).toBe(true);
    } finally {
      await host.close();
    }
  });

  it('blocks a step while a punishment runs and frees it the day after it ends', async () => {
    const host = await openTestHost(tempDir());
    try {
      const d = await district(host);
      const id = await person(host, d.kasubag, { since: '2020-01-01' });
      await goodSkp(host, id);
      await training(host, id, 'pkp', '2023-06-30');
      await competent(host, id, d.competencies);
      await q(host, `INSERT INTO discipline_record (employee_id, kind, start_date, end_date, created_at) VALUES (?, 'potongan_tukin_6', '2026-06-01', '2026-11-24', ?)`, [id, NOW]);
      const blocked = (await host.services.careerPaths.employee(id)).steps.find((s) => s.label === 'Pengawas → Administrator')!;
      expect(blocked.ready).toBe(false);
      expect(blocked.checks.find((c) => c.key === 'hukuman_disiplin')!.met).toBe(false);
      await q(host, `UPDATE discipline_record SET end_date = '2026-11-23' WHERE employee_id = ?`, [id]);
      expect((await host.services.careerPaths.employee(id)).steps.find((s) => s.label === 'Pengawas → Administrator')!.ready).toBe(true);
    } finally {
      await host.close();
    }
  });

  it('turns the missing training and competency into IDP items; the recorded training makes the step ready', async () => {
    const host = await openTestHost(tempDir());
    try {
      const d = await district(host);
      const id = await person(host, d.kasubag, { since: '2020-01-01' });
      await goodSkp(host, id);
      await competent(host, id, d.competencies);
      const before = (await host.services.careerPaths.employee(id)).steps.find((s) => s.label === 'Pengawas → Administrator')!;
      expect(before.ready).toBe(false);
      expect(before.checks.filter((c) => c.met !== true).map((c) => c.key)).toEqual(['pelatihan']);
      expect(before.developable).toBe(1);

      const made = await host.services.careerPaths.makeIdp('Penguji (penguji)', id, before.stepId, null);
      expect(made).toMatchObject({ added: 1, created: true });
      const plan = await host.services.plans.plan(made.planId);
      expect(plan.year).toBe(2026);
      expect(plan.items.map((i) => i.activity)).toEqual(['PKP (Pelatihan Kepemimpinan Pengawas)']);
      expect(plan.items[0].requirement).toContain('Pengawas → Administrator');
      // Asked again: the item is there already.
      expect(await host.services.careerPaths.makeIdp('Penguji (penguji)', id, before.stepId, plan.version)).toMatchObject({ planId: made.planId, added: 0, created: false });

      await host.services.plans.completeItem('Penguji (penguji)', plan.items[0].id, { version: plan.items[0].version, training: {
        title: 'PKP Angkatan I', type: 'pkp', provider: null, startDate: '2026-08-01', endDate: '2026-10-30', jp: 300, cost: null, certificateNumber: null, catalogId: null,
      } });
      expect((await host.services.careerPaths.employee(id)).steps.find((s) => s.label === 'Pengawas → Administrator')!.ready).toBe(true);
    } finally {
      await host.close();
    }
  });
});

describe('Jadikan IDP with the training catalogue', () => {
  it('links each item to the cheapest matching offering with its JP and cost, and leaves the rest unlinked', async () => {
    const host = await openTestHost(tempDir());
    try {
      const d = await district(host);
      const id = await person(host, d.kasubag, { since: '2020-01-01' });
      await goodSkp(host, id);
      await competent(host, id, d.competencies, 2);
      const offering = async (title: string, type: string, jp: number, cost: number, competencyId: number | null = null) => {
        return (await q(host, 'INSERT INTO training_catalog (title, type, jp, estimated_cost, provider, competency_id, active) VALUES (?, ?, ?, ?, NULL, ?, TRUE) RETURNING id', [title, type, jp, cost, competencyId]))[0].id as number;
      };
      await offering('PKP Reguler', 'pkp', 300, 15_000_000);
      const cheap = await offering('PKP Daring', 'pkp', 280, 12_000_000);
      await offering('PKA Reguler', 'pka', 400, 25_000_000);
      const course = await offering('Bimtek Kompetensi Pertama', 'bimtek', 24, 2_500_000, d.competencies[0]);
      const step = (await host.services.careerPaths.employee(id)).steps.find((s) => s.label === 'Pengawas → Administrator')!;
      expect(step.checks.filter((c) => c.met !== true).map((c) => c.key)).toEqual(['pelatihan', 'jpm']);

      const made = await host.services.careerPaths.makeIdp('Penguji (penguji)', id, step.stepId, null);
      const items = (await host.services.plans.plan(made.planId)).items.map((i) => [i.activity, i.catalogId, i.jp, i.estimatedCost, i.competencyId]);
      expect(items).toEqual([
        ['PKP (Pelatihan Kepemimpinan Pengawas)', cheap, 280, 12_000_000, null],
        [expect.stringContaining('ke level 3'), course, 24, 2_500_000, d.competencies[0]],
        [expect.stringContaining('ke level 3'), null, 0, 0, d.competencies[1]],
      ]);
    } finally {
      await host.close();
    }
  });
});

describe('the district aggregate and stats careers', () => {
  it('counts per step exactly the people whose Peta Karier has it, and stats names steps as the screen does', async () => {
    const host = await openTestHost(tempDir(), { demoEmployees: 300, seed: 5 });
    try {
      const graph = await host.services.careerPaths.graph();
      const people: Array<{ id: number }> = await q(host, `SELECT e.id FROM employee e JOIN position p ON p.id = e.position_id WHERE e.status = 'active'`);
      const standing = new Map<number, number>();
      const ready = new Map<number, number>();
      const readyPeople = new Set<number>();
      for (const p of people) {
        for (const s of (await host.services.careerPaths.employee(p.id)).steps) {
          standing.set(s.stepId, (standing.get(s.stepId) ?? 0) + 1);
          if (s.ready) {
            ready.set(s.stepId, (ready.get(s.stepId) ?? 0) + 1);
            readyPeople.add(p.id);
          }
        }
      }
      const steps = graph.paths.flatMap((p) => p.steps);
      expect(steps.length).toBeGreaterThan(5);
      for (const s of steps) expect([s.label, s.standing, s.ready]).toEqual([s.label, standing.get(s.id) ?? 0, ready.get(s.id) ?? 0]);
      expect(graph.totals.ready).toBe(readyPeople.size);
      expect(readyPeople.size).toBeGreaterThan(0);

      const careers = (await host.services.stats.collect({ asOf: TEST_TODAY })).careers as { readyForNextStep: number; byStep: Record<string, number> };
      expect(careers.readyForNextStep).toBe(readyPeople.size);
      expect(Object.keys(careers.byStep).sort()).toEqual([...new Set(steps.map((s) => s.label))].sort());
      expect(careers.byStep['Administrator → JPT Pratama']).toBe(steps.find((s) => s.label === 'Administrator → JPT Pratama')!.ready);
    } finally {
      await host.close();
    }
  }, 120_000);
});

describe('editing the pola karier', () => {
  it('stores the default set with the ids shown on the first edit, audits it, and refuses a stale version', async () => {
    const host = await openTestHost(tempDir());
    try {
      await district(host);
      const shown = await host.services.careerPaths.graph();
      const step = shown.paths[0].steps[1];
      await host.services.careerPaths.saveStep('Penguji (penguji)', {
        id: step.id, version: step.version,
        input: { pathId: step.pathId, fromLevel: 'pengawas', fromFamily: null, toLevel: 'administrator', toFamily: null, requirements: { ...step.requirements, minJpm: 78 } },
      });
      const after = await host.services.careerPaths.graph();
      expect(after.isDefault).toBe(false);
      expect(after.paths.flatMap((p) => p.steps).map((s) => [s.id, s.label])).toEqual(shown.paths.flatMap((p) => p.steps).map((s) => [s.id, s.label]));
      const edited = after.paths[0].steps[1];
      expect([edited.requirements.minJpm, edited.version]).toEqual([78, 2]);
      const audit: Array<{ entity: string; summary: string }> = await q(host, `SELECT entity, summary FROM audit_log WHERE entity IN ('career_path', 'career_step') ORDER BY id`);
      expect(audit.map((a) => a.entity)).toEqual(['career_path', 'career_step']);
      expect(audit[1].summary).toContain('Mengubah langkah pola karier Pengawas → Administrator');

      await expect(host.services.careerPaths.deleteStep('Penguji (penguji)', step.id, 1)).rejects.toMatchObject({ code: 'conflict' });
      await host.services.careerPaths.deleteStep('Penguji (penguji)', step.id, 2);
      expect((await host.services.careerPaths.graph()).paths[0].steps.map((s) => s.label)).toEqual(['Pelaksana → Pengawas']);
    } finally {
      await host.close();
    }
  });

  it('refuses a step downwards with an Indonesian message and writes nothing', async () => {
    const host = await openTestHost(tempDir());
    try {
      await district(host);
      const pathId = (await host.services.careerPaths.graph()).paths[0].id;
      const result = await host.services.careerPaths.saveStep('Penguji (penguji)', {
        input: { pathId, fromLevel: 'administrator', fromFamily: null, toLevel: 'pengawas', toFamily: null,
          requirements: { minGolongan: null, educationRank: null, leadershipTraining: null, minJpm: null, minMonthsInLevel: null, skpYears: 0, noRunningDiscipline: true } },
      }).then(() => null, (e: { code: string; message: string }) => e);
      expect(result?.code).toBe('validation');
      expect(result?.message).toContain('Jenjang tujuan lebih rendah');
      expect((await q(host, 'SELECT COUNT(*) AS n FROM career_path'))[0].n).toBe(0);
    } finally {
      await host.close();
    }
  });
});
