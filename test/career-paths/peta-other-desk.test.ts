// Peta Karier keeps the pola karier and its target standards between answers until the next write (the data
// version: on a server any desk's write moves it). Two desks on one database (a SQLite file, or with
// JENJANG_TEST_HOST_DB=postgres one server database): what desk B writes shows in desk A's next Peta Karier, whether
// it changes the default set (a post of a new level), a step's requirement, or a target's competency standard.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverConnectionOf } from '../../main/db/data-source';
import { startHost, type JenjangHost } from '../../main/host';
import { fixedClock } from '../../main/services/clock';
import { stepInput, type Peta } from '../../shared/schemas/career-paths';
import { openTestHost, queryOn, tempDir, TEST_TODAY } from '../helpers/temp-db';

const NOW = `${TEST_TODAY}T08:00:00.000Z`;
const UP = 'Pengawas → Administrator';

/** The same database for a second desk: the file, or the server database with its password. */
function databaseOf(host: JenjangHost): string {
  const server = serverConnectionOf(host.services.dataSource);
  if (!server) return host.runtime.dbPath;
  const password = server.password === undefined ? '' : `:${encodeURIComponent(server.password)}`;
  return `postgres://${encodeURIComponent(server.user)}${password}@${server.host}:${server.port}/${server.database}`;
}

describe('Peta Karier follows another desk\'s writes', () => {
  let deskA: JenjangHost;
  let deskB: JenjangHost;
  let employeeId: number;
  let administratorPost: number;
  const onA = (sql: string, params: unknown[] = []) => queryOn(deskA, sql, params);
  const onB = (sql: string, params: unknown[] = []) => queryOn(deskB, sql, params);
  const peta = async (): Promise<Peta> => {
    const result = await deskA.call('paths:employee', { employeeId });
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  };
  const up = async () => (await peta()).steps.find((s) => s.label === UP)!;

  beforeAll(async () => {
    deskA = await openTestHost(tempDir());
    deskB = await startHost({ dbPath: databaseOf(deskA), transport: 'test', create: false, clock: fixedClock(TEST_TODAY), validateResponses: true });
    const post = async (name: string, kind: string, level: string, eselon: string | null) =>
      (await onA('INSERT INTO position (name, kind, level, eselon, active) VALUES (?, ?, ?, ?, TRUE) RETURNING id', [name, kind, level, eselon]))[0].id as number;
    await post('Pengadministrasi Umum', 'pelaksana', 'pelaksana', null);
    const kasubag = await post('Kepala Subbagian Umum', 'pengawas', 'pengawas', 'IV.a');
    administratorPost = await post('Sekretaris Dinas', 'administrator', 'administrator', 'III.a');
    const [competency] = await onA('SELECT id FROM competency_definition ORDER BY id LIMIT 1');
    await onA('INSERT INTO position_competency_standard (position_id, competency_id, required_level) VALUES (?, ?, 2)', [administratorPost, competency.id]);
    employeeId = (await onA(`INSERT INTO employee (nip, name, birth_date, gender, employment_type, golongan, golongan_tmt, position_id, position_tmt, education_level, retirement_date, status, created_at, updated_at)
      VALUES ('198001012005011001', 'Pegawai Uji', '1980-01-01', 'L', 'PNS', 34, '2020-04-01', ?, '2020-01-01', 'S1', '2040-02-01', 'active', ?, ?) RETURNING id`, [kasubag, NOW, NOW]))[0].id as number;
    await onA(`INSERT INTO employee_competency_current (employee_id, competency_id, level, assessed_on, assessment_id) VALUES (?, ?, 3, '2026-02-01', 0)`, [employeeId, competency.id]);
  }, 120_000);
  afterAll(async () => {
    await deskB?.close();
    await deskA?.close();
  });

  it('runs both desks on one database', async () => {
    expect(deskB.services.dataSource.options.type).toBe(deskA.services.dataSource.options.type);
    expect((await onB('SELECT name FROM employee WHERE id = ?', [employeeId]))[0].name).toBe('Pegawai Uji');
  });

  it('shows a step of the default set that a post written at desk B opens', async () => {
    expect((await peta()).steps.map((s) => s.label)).toEqual([UP]);
    await onB(`INSERT INTO position (name, kind, level, family, active) VALUES ('Analis Kebijakan Ahli Muda', 'fungsional', 'ahli_muda', 'Analis Kebijakan', TRUE)`);
    expect((await peta()).steps.map((s) => s.label).sort()).toEqual([UP, 'Pengawas → JF Ahli Muda'].sort());
  });

  it('shows a target standard raised at desk B in the JPM check', async () => {
    expect((await up()).checks.find((c) => c.key === 'jpm')!.met).toBe(true);
    await onB('UPDATE position_competency_standard SET required_level = 5 WHERE position_id = ?', [administratorPost]);
    expect((await up()).checks.find((c) => c.key === 'jpm')!.met).toBe(false);
  });

  it('shows a step requirement edited at desk B', async () => {
    const before = await up();
    expect(before.checks.find((c) => c.key === 'pangkat')!.met).toBe(true);
    const graph = await deskB.services.careerPaths.graph();
    const step = graph.paths.flatMap((p) => p.steps).find((s) => s.label === UP)!;
    await deskB.services.careerPaths.saveStep('tester', {
      id: step.id, version: step.version,
      input: stepInput.parse({ pathId: step.pathId, fromLevel: step.fromLevel, fromFamily: step.fromFamily, toLevel: step.toLevel, toFamily: step.toFamily, requirements: { ...step.requirements, minGolongan: 41 } }),
    });
    const after = await up();
    expect(after.checks.find((c) => c.key === 'pangkat')!.met).toBe(false);
    expect(after.ready).toBe(false);
  });
});
