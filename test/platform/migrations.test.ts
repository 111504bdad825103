import { openDatabaseFile, type SqliteDatabase } from '../helpers/sqlite';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JENJANG_APPLICATION_ID } from '../../main/db/database-identity';
import { MIGRATION_NAMES } from '../../main/db/migrations';
import { openDatabase } from '../../main/db/open-database';
import { tempDir } from '../helpers/temp-db';

describe('migrations on a real SQLite file', () => {
  const dir = tempDir();

  it('creates the full data model with WAL, foreign keys and the Jenjang identity', async () => {
    const file = path.join(dir, 'fresh.sqlite');
    const { dataSource, migrated } = await openDatabase(file, { create: true });
    try {
      expect(migrated).toEqual(MIGRATION_NAMES);
      expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      expect((await dataSource.query('PRAGMA application_id'))[0].application_id).toBe(JENJANG_APPLICATION_ID);
      const tables = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((r: { name: string }) => r.name);
      for (const table of ['unit', 'position', 'employee', 'position_history', 'rank_history', 'competency_definition',
        'position_competency_standard', 'competency_assessment', 'employee_competency_current', 'potential_assessment',
        'performance_evaluation', 'training_record', 'training_catalog', 'talent_session', 'talent_placement', 'succession_plan',
        'succession_candidate', 'development_plan', 'development_plan_item', 'mentoring_relation', 'mentoring_session',
        'import_snapshot', 'import_issue', 'import_mapping_profile', 'audit_log', 'app_setting', 'employee_fts']) {
        expect(tables).toContain(table);
      }
    } finally {
      await dataSource.destroy();
    }
  });

  it('leaves no difference between the entities and the migrated schema (no drift)', async () => {
    const { dataSource } = await openDatabase(path.join(dir, 'drift.sqlite'), { create: true });
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('indexes every foreign-key column (TypeORM does not)', async () => {
    const file = path.join(dir, 'fk.sqlite');
    const { dataSource } = await openDatabase(file, { create: true });
    await dataSource.destroy();
    const db = openDatabaseFile(file, { readonly: true });
    try {
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'employee_fts%'`).all() as Array<{ name: string }>;
      const missing: string[] = [];
      for (const { name } of tables) {
        const fks = db.prepare(`SELECT "from" FROM pragma_foreign_key_list(?)`).all(name) as Array<{ from: string }>;
        const indexes = db.prepare(`SELECT name FROM pragma_index_list(?)`).all(name) as Array<{ name: string }>;
        const leading = new Set(indexes.map((i) => (db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno LIMIT 1`).get(i.name) as { name: string }).name));
        const pk = db.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk = 1`).get(name) as { name: string } | undefined;
        if (pk) leading.add(pk.name);
        for (const fk of fks) if (!leading.has(fk.from)) missing.push(`${name}.${fk.from}`);
      }
      expect(missing, missing.join(', ')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('can undo every migration and apply them again', async () => {
    const file = path.join(dir, 'undo.sqlite');
    const { dataSource } = await openDatabase(file, { create: true });
    try {
      for (let i = 0; i < MIGRATION_NAMES.length; i++) await dataSource.undoLastMigration({ transaction: 'all' });
      const left = await dataSource.query(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'employee'`);
      expect(left[0].n).toBe(0);
      await dataSource.runMigrations({ transaction: 'all' });
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });
});
