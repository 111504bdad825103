import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres, query } from './dialect';
import { refreshSuccessionFacts } from '../sql/succession/facts.sql';

// The candidate ranking reads the talent box computed from the latest SKP and potential (the talent capability's
// talent_axis_year) for people the Komite Talenta has not placed yet, flagged as computed. The column statement is
// what TypeORM derives from the entity (the drift test compares it); the derived facts are rebuilt once here.

export class SuccessionTalentComputed1765100000001 implements MigrationInterface {
  name = 'SuccessionTalentComputed1765100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `ALTER TABLE "succession_employee_facts" ADD COLUMN "talent_computed" boolean NOT NULL DEFAULT (0)`);
    if (isPostgres(queryRunner)) {
      // The rebuild is SQLite SQL (main/db/sql/succession/facts.sql.ts). A PostgreSQL database is only ever
      // migrated empty (a new team database, or the target of migrate-db, which copies the derived tables as
      // they are), so there is nothing to rebuild; a non-empty one stops here rather than keep stale facts.
      const [{ employees }] = await queryRunner.query(`SELECT count(*)::int AS employees FROM "employee"`);
      if (employees > 0) throw new Error('SuccessionTalentComputed1765100000001: rebuilding succession_employee_facts on PostgreSQL needs the PostgreSQL dialect of main/db/sql/succession/facts.sql.ts');
      return;
    }
    await refreshSuccessionFacts((sql, params) => queryRunner.query(sql, params), 'all');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `ALTER TABLE "succession_employee_facts" DROP COLUMN "talent_computed"`);
  }
}
