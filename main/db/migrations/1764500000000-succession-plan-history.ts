import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// Succession planning: a revision counter on each plan (optimistic concurrency for the plan editor),
// the plan's history (one row per save with the whole plan as JSON), and the derived per-person facts the
// candidate ranking reads (succession_employee_facts, kept on write by a DerivedRefresher). The statements are
// what TypeORM derives from the entities, so the drift test can compare them.

export class SuccessionPlanHistory1764500000000 implements MigrationInterface {
  name = 'SuccessionPlanHistory1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `ALTER TABLE "succession_plan" ADD COLUMN "revision" integer NOT NULL DEFAULT (0)`);
    await query(queryRunner, `CREATE TABLE "succession_employee_facts" ("employee_id" integer PRIMARY KEY NOT NULL, "skp1_year" integer, "skp1_predikat" text, "skp1_legacy" text, "skp2_year" integer, "skp2_predikat" text, "skp2_legacy" text, "talent_year" integer, "talent_box" integer, "talent_kinerja" integer, "talent_potensi" integer, "talent_calibrated" boolean NOT NULL DEFAULT (0), "talent_provisional" boolean NOT NULL DEFAULT (0), "leadership" text, "has_training" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_4ac7d8014cb163afcb79ca3ad92" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await query(queryRunner, `CREATE TABLE "succession_plan_revision" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "plan_id" integer NOT NULL, "revision" integer NOT NULL, "saved_by" text NOT NULL, "saved_at" text NOT NULL, "summary" text NOT NULL, "snapshot" text NOT NULL, CONSTRAINT "uq_succession_revision_plan_revision" UNIQUE ("plan_id", "revision"), CONSTRAINT "FK_fdc9666a283fd93cfc639fce36e" FOREIGN KEY ("plan_id") REFERENCES "succession_plan" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP TABLE "succession_plan_revision"`);
    await query(queryRunner, `DROP TABLE "succession_employee_facts"`);
    await query(queryRunner, `ALTER TABLE "succession_plan" DROP COLUMN "revision"`);
  }
}
