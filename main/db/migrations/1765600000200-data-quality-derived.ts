import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres, query } from './dialect';
import { refreshQualityChecks } from '../sql/quality.sql';

// Kualitas Data kept on write: employee_quality holds each active employee's answers to the stable checks (the
// index is a sum over it), quality_index_history the index after each import and once a day. The statements are
// what TypeORM derives from the entities (the drift test compares them); the derived rows are built once here.

export class DataQualityDerived1765600000200 implements MigrationInterface {
  name = 'DataQualityDerived1765600000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `CREATE TABLE "employee_quality" ("employee_id" integer PRIMARY KEY NOT NULL, "applicable_mask" integer NOT NULL, "found_mask" integer NOT NULL, "duplicate_key" text, CONSTRAINT "FK_4fffc2d94c0dc5c1ffdcb139dc0" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await query(queryRunner, `CREATE TABLE "quality_index_history" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "taken_on" text NOT NULL, "taken_at" text NOT NULL, "reason" text NOT NULL, "snapshot_id" integer, "unit_id" integer, "population" integer NOT NULL, "quality_index" real)`);
    await query(queryRunner, `CREATE INDEX "idx_quality_index_history_taken" ON "quality_index_history" ("taken_on", "unit_id") `);
    if (isPostgres(queryRunner)) {
      // The rebuild reads with SQLite SQL (main/db/sql/quality.sql.ts). A PostgreSQL database is only ever migrated
      // empty (a new team database, or the target of migrate-db, which copies the derived tables as they are).
      const [{ employees }] = await queryRunner.query(`SELECT count(*)::int AS employees FROM "employee"`);
      if (employees > 0) throw new Error('DataQualityDerived1765600000200: rebuilding employee_quality on PostgreSQL needs the PostgreSQL dialect of main/db/sql/quality.sql.ts');
      return;
    }
    await refreshQualityChecks((sql, params) => queryRunner.query(sql, params), 'all');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP INDEX "idx_quality_index_history_taken"`);
    await query(queryRunner, `DROP TABLE "quality_index_history"`);
    await query(queryRunner, `DROP TABLE "employee_quality"`);
  }
}
