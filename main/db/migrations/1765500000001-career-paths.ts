import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// Pola karier: the office's career paths and their steps between position levels (shared/domain/careers/moves.ts),
// each step's requirements as columns mirroring StepRequirements. Empty until the office first edits: until then
// Jenjang serves its default set, built from the positions in the database (main/services/careers/default-paths.ts).
// The statements are what TypeORM derives from the entities (the drift test compares them).

export class CareerPaths1765500000001 implements MigrationInterface {
  name = 'CareerPaths1765500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `CREATE TABLE "career_path" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" text NOT NULL, "description" text, "sort" integer NOT NULL DEFAULT (0), "version" integer NOT NULL DEFAULT (1), "updated_at" text NOT NULL, "updated_by" text NOT NULL)`);
    await query(queryRunner, `CREATE TABLE "career_step" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "path_id" integer NOT NULL, "from_family" text, "from_level" text NOT NULL, "to_family" text, "to_level" text NOT NULL, "min_golongan" integer, "education_rank" integer, "education_label" text, "leadership_training" text, "min_jpm" real, "min_months_in_level" integer, "skp_years" integer NOT NULL DEFAULT (0), "no_running_discipline" boolean NOT NULL DEFAULT (1), "sort" integer NOT NULL DEFAULT (0), "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_816a1743793d7e23adf42822858" FOREIGN KEY ("path_id") REFERENCES "career_path" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await query(queryRunner, `CREATE INDEX "idx_career_step_path" ON "career_step" ("path_id", "sort") `);
    await query(queryRunner, `CREATE INDEX "idx_career_step_from" ON "career_step" ("from_level", "from_family") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP TABLE "career_step"`);
    await query(queryRunner, `DROP TABLE "career_path"`);
  }
}
