import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresDatabase, serverStartMs, usePostgresDatabase } from '../helpers/postgres';

describe('the test PostgreSQL from npm', () => {
  it('hands the file a fresh database of its own, with pg_trgm available, and drops a database on request', async () => {
    const started = performance.now();
    const database = await usePostgresDatabase();
    const readyMs = Math.round(performance.now() - started);
    if (serverStartMs !== null) console.log(`PostgreSQL uji: server siap dalam ${serverStartMs} ms; database pertama dalam ${readyMs} ms`);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ db: string; version: string; tables: string }>(
        `SELECT current_database() AS db, current_setting('server_version_num') AS version,
                (SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public') AS tables`);
      expect(rows[0].db).toBe(database.name);
      expect(Number(rows[0].version)).toBeGreaterThanOrEqual(160000);
      expect(Number(rows[0].tables)).toBe(0);
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      const similarity = await client.query<{ s: number }>(`SELECT similarity('Nurhaliza', 'nurh') AS s`);
      expect(similarity.rows[0].s).toBeGreaterThan(0);
    } finally {
      await client.end();
    }

    const other = await createPostgresDatabase();
    expect(other.name).not.toBe(database.name);
    await other.drop();
    const check = new pg.Client({ connectionString: database.url });
    await check.connect();
    try {
      const { rows } = await check.query('SELECT 1 FROM pg_database WHERE datname = $1', [other.name]);
      expect(rows).toHaveLength(0);
    } finally {
      await check.end();
    }
  });
});
