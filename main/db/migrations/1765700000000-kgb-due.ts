import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres, query } from './dialect';
import { refreshKgbDue } from '../kgb-due';

// The next KGB of each active PNS kept on write (main/db/kgb-due.ts), so the KGB list reads the people due in its
// months through an index instead of judging the whole district on each call. The statements are what TypeORM
// derives from main/db/entities/kgb-due.entity.ts (the drift test compares them); the rows are built once here.

export class KgbDue1765700000000 implements MigrationInterface {
  name = 'KgbDue1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `CREATE TABLE "employee_kgb_due" ("employee_id" integer PRIMARY KEY NOT NULL, "due_date" text NOT NULL, "mkg_years" integer NOT NULL, CONSTRAINT "FK_ecb9127fbc687935b6a0c9b0caa" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await query(queryRunner, `CREATE INDEX "idx_employee_kgb_due_date" ON "employee_kgb_due" ("due_date") `);
    if (isPostgres(queryRunner)) {
      // The rebuild reads with SQLite SQL (json_each). A PostgreSQL database is only ever migrated empty (a new team
      // database, or the target of migrate-db, which copies the derived tables as they are).
      const [{ employees }] = await queryRunner.query(`SELECT count(*)::int AS employees FROM "employee"`);
      if (employees > 0) throw new Error('KgbDue1765700000000: rebuilding employee_kgb_due on PostgreSQL needs the PostgreSQL dialect of main/db/sql/kgb-due.sql.ts');
      return;
    }
    await refreshKgbDue((sql, params) => queryRunner.query(sql, params), 'all');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP INDEX "idx_employee_kgb_due_date"`);
    await query(queryRunner, `DROP TABLE "employee_kgb_due"`);
  }
}
