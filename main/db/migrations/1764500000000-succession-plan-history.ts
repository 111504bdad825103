import type { MigrationInterface, QueryRunner } from 'typeorm';

// Succession planning (issue 6): a revision counter on each plan (optimistic concurrency for the plan editor)
// and the plan's history, one row per save with the whole plan as JSON. The statements are what TypeORM
// derives from the entities, so the drift test can compare them.

export class SuccessionPlanHistory1764500000000 implements MigrationInterface {
  name = 'SuccessionPlanHistory1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "succession_plan" ADD COLUMN "revision" integer NOT NULL DEFAULT (0)`);
    await queryRunner.query(`CREATE TABLE "succession_plan_revision" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "plan_id" integer NOT NULL, "revision" integer NOT NULL, "saved_by" text NOT NULL, "saved_at" text NOT NULL, "summary" text NOT NULL, "snapshot" text NOT NULL, CONSTRAINT "uq_succession_revision_plan_revision" UNIQUE ("plan_id", "revision"), CONSTRAINT "FK_fdc9666a283fd93cfc639fce36e" FOREIGN KEY ("plan_id") REFERENCES "succession_plan" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "succession_plan_revision"`);
    await queryRunner.query(`ALTER TABLE "succession_plan" DROP COLUMN "revision"`);
  }
}
