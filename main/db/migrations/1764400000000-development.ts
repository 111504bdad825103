import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// Competency development and career moves: the derived JP per employee and year that the 20 JP
// compliance dashboard reads (dashboards read derived tables kept on write, never a scan of the records), and the development
// budget ceiling per perangkat daerah and year. The table statements are what TypeORM derives from the
// entities (the drift test compares them), plus WITHOUT ROWID and the partial index's WHERE (both declared on
// the entities; TypeORM does not diff them, a test checks them) for the per-unit dashboards. Existing training records get their JP rows.

const UP = [
  `CREATE TABLE "employee_training_year" ("employee_id" integer NOT NULL, "year" integer NOT NULL, "jp" real NOT NULL, "trainings" integer NOT NULL, CONSTRAINT "FK_82a09cbbf4d7de8a7fe057ae97f" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("employee_id", "year")) WITHOUT ROWID`,
  `CREATE INDEX "idx_training_year_year" ON "employee_training_year" ("year", "jp") `,
  `CREATE TABLE "development_budget" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "unit_id" integer NOT NULL, "year" integer NOT NULL, "ceiling" integer NOT NULL, "updated_at" text NOT NULL, CONSTRAINT "uq_development_budget_unit_year" UNIQUE ("unit_id", "year"), CONSTRAINT "FK_8eaf097978d98d9d834376417e0" FOREIGN KEY ("unit_id") REFERENCES "unit" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
  // Partial: only the development queries (which say employment_type IN ('PNS', 'CPNS')) can use it; an index
  // holding `status` that every query could use made the Pegawai list's planner choose worse plans (bench).
  `CREATE INDEX "idx_employee_development" ON "employee" ("unit_id", "employment_type", "status", "cpns_tmt", "status_date", "position_tmt") WHERE employment_type IN ('PNS', 'CPNS')`,
  // Training records written before this migration count in the year they end (the default rule).
  `INSERT INTO "employee_training_year" ("employee_id", "year", "jp", "trainings")
   SELECT "employee_id", CAST(substr("end_date", 1, 4) AS INTEGER), SUM("jp"), COUNT(*) FROM "training_record" GROUP BY 1, 2`,
];

export class Development1764400000000 implements MigrationInterface {
  name = 'Development1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await query(queryRunner, sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP INDEX "idx_employee_development"`);
    await query(queryRunner, `DROP TABLE "development_budget"`);
    await query(queryRunner, `DROP INDEX "idx_training_year_year"`);
    await query(queryRunner, `DROP TABLE "employee_training_year"`);
  }
}
