// Two desks on one PostgreSQL server (the embedded server from npm, or JENJANG_TEST_PG): the version claim refuses
// the second of two editors with who and when, and an exclusive job held by one desk (an advisory lock on its own
// connection) refuses the other with its holder until it is released.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeConnection, type PostgresConnection } from '../../main/db/connection';
import { postgresRun } from '../../main/db/sql/run';
import type { EntityManager } from 'typeorm';
import { openPostgresDatabase, type OpenedPostgresDatabase } from '../../main/db/open-database';
import { PostgresJobLocks } from '../../main/services/locks/job-locks';
import { claimEditVersion } from '../../main/services/versions/edit-version';
import { usePostgresDatabase } from '../helpers/postgres';
import { TEST_TODAY } from '../helpers/temp-db';

const pgRun = (manager: EntityManager) => postgresRun((sql, params) => manager.query(sql, params));
const clock = { today: () => TEST_TODAY, now: () => `${TEST_TODAY}T08:00:00.000Z` };

describe('two desks on PostgreSQL', () => {
  let connection: PostgresConnection;
  let deskA: OpenedPostgresDatabase;
  let deskB: OpenedPostgresDatabase;

  beforeAll(async () => {
    connection = describeConnection((await usePostgresDatabase()).url) as PostgresConnection;
    deskA = await openPostgresDatabase(connection);
    deskB = await openPostgresDatabase(connection, { migrate: false });
  });
  afterAll(async () => {
    await deskA?.close();
    await deskB?.close();
  });

  it('claims a settings section version once: the second editor from the same version is refused with who and when', async () => {
    const section = { table: 'settings_section_version' as const, key: 'privacy' };
    const edit = (actor: string) => ({ subject: 'Pengaturan data pribadi ini', actor, at: clock.now() });
    expect(await deskA.dataSource.transaction((m) => claimEditVersion(pgRun(m), section, 0, edit('Sri Wahyuni (sri)')))).toBe(1);
    await expect(deskB.dataSource.transaction((m) => claimEditVersion(pgRun(m), section, 0, edit('Budi Santoso (budi)'))))
      .rejects.toMatchObject({ code: 'conflict', details: { currentVersion: 1, changedBy: 'Sri Wahyuni', changedAt: clock.now() } });
    expect(await deskB.dataSource.transaction((m) => claimEditVersion(pgRun(m), section, 1, edit('Budi Santoso (budi)')))).toBe(2);
  });

  it('claims a record version with UPDATE … RETURNING, and a refused claim changes nothing', async () => {
    const [{ id }] = await deskA.dataSource.query(`INSERT INTO position (name, kind, level) VALUES ('Kepala Dinas Uji', 'jpt', 'jpt_pratama') RETURNING id`);
    const record = { table: 'position' as const, key: Number(id) };
    expect(await deskA.dataSource.transaction((m) => claimEditVersion(pgRun(m), record, 1, { subject: 'Jabatan ini', actor: 'Sri Wahyuni (sri)', at: clock.now() }))).toBe(2);
    await expect(deskB.dataSource.transaction((m) => claimEditVersion(pgRun(m), record, 1, { subject: 'Jabatan ini', actor: 'Budi Santoso (budi)', at: clock.now() })))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/^Jabatan ini sudah diubah oleh Sri Wahyuni pada /) });
    const [row] = await deskB.dataSource.query(`SELECT version, updated_by FROM position WHERE id = $1`, [id]);
    expect({ version: Number(row.version), updatedBy: row.updated_by }).toEqual({ version: 2, updatedBy: 'Sri Wahyuni (sri)' });
  });

  it('holds an exclusive job on one desk: the other desk is refused with its holder, then runs once it is released', async () => {
    const locksA = new PostgresJobLocks(deskA.dataSource, clock);
    const locksB = new PostgresJobLocks(deskB.dataSource, clock);
    await locksA.acquire('impor', 'Sri Wahyuni (sri)');
    await expect(locksB.acquire('impor', 'Budi Santoso (budi)')).rejects.toMatchObject({
      code: 'busy', message: expect.stringMatching(/^Impor sedang dijalankan oleh Sri Wahyuni sejak \d{2}\.\d{2}; tunggu sampai selesai\.$/),
    });
    expect(await locksB.holder('impor')).toEqual({ holder: 'Sri Wahyuni (sri)', since: clock.now() });
    // Another job name is free meanwhile.
    await locksB.acquire('penetapan-sidang-talenta', 'Budi Santoso (budi)');
    await locksB.release('penetapan-sidang-talenta', 'Budi Santoso (budi)');

    await locksA.release('impor', 'Sri Wahyuni (sri)');
    expect(await locksB.holder('impor')).toBeNull();
    await locksB.acquire('impor', 'Budi Santoso (budi)');
    await expect(locksA.acquire('impor', 'Sri Wahyuni (sri)')).rejects.toMatchObject({ code: 'busy', details: { heldBy: 'Budi Santoso' } });
    await locksB.release('impor', 'Budi Santoso (budi)');
  });
});
