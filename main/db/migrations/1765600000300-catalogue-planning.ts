import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// The training catalogue gains what the annual development plan under a budget needs (main/services/planning/):
// the mode of each offering, who provides it and the share of its cost a partner institution bears, the cost
// per class beside the cost per participant (estimated_cost), the class size and the minimum number of classes
// the provider runs, and the competencies it develops with by how many levels (training_catalog_competency).
// The column statements are what TypeORM derives from main/db/entities/training.entity.ts (the drift test
// compares them). Existing offerings keep their meaning: the mode follows a non-classroom type, the single
// competency becomes one developed by one level, self-paced modes take a large class.

const SELF_PACED = `('e_learning', 'pelatihan_jarak_jauh', 'belajar_mandiri')`;
const MODE_TYPES = `('e_learning', 'pelatihan_jarak_jauh', 'coaching', 'mentoring', 'magang', 'patok_banding', 'detasering', 'belajar_mandiri')`;

export class CataloguePlanning1765600000300 implements MigrationInterface {
  name = 'CataloguePlanning1765600000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `ALTER TABLE "training_catalog" ADD COLUMN "mode" text NOT NULL DEFAULT ('klasikal')`);
    await query(queryRunner, `ALTER TABLE "training_catalog" ADD COLUMN "provider_kind" text NOT NULL DEFAULT ('internal')`);
    await query(queryRunner, `ALTER TABLE "training_catalog" ADD COLUMN "partner_cost_share" real NOT NULL DEFAULT (0)`);
    await query(queryRunner, `ALTER TABLE "training_catalog" ADD COLUMN "cost_per_class" integer NOT NULL DEFAULT (0)`);
    await query(queryRunner, `ALTER TABLE "training_catalog" ADD COLUMN "class_size" integer NOT NULL DEFAULT (30)`);
    await query(queryRunner, `ALTER TABLE "training_catalog" ADD COLUMN "min_classes" integer NOT NULL DEFAULT (1)`);
    await query(queryRunner, `CREATE TABLE "training_catalog_competency" ("catalog_id" integer NOT NULL, "competency_id" integer NOT NULL, "levels" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_a2a59ea2396fb94cd2a2c3706a8" FOREIGN KEY ("catalog_id") REFERENCES "training_catalog" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_c3489528580f4060ff4e979765d" FOREIGN KEY ("competency_id") REFERENCES "competency_definition" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("catalog_id", "competency_id"))`);
    await query(queryRunner, `CREATE INDEX "idx_training_catalog_competency_competency" ON "training_catalog_competency" ("competency_id") `);
    await query(queryRunner, `UPDATE "training_catalog" SET "mode" = "type" WHERE "type" IN ${MODE_TYPES}`);
    await query(queryRunner, `UPDATE "training_catalog" SET "class_size" = 1000 WHERE "type" IN ${SELF_PACED}`);
    await query(queryRunner, `UPDATE "training_catalog" SET "class_size" = 5 WHERE "type" IN ('coaching', 'mentoring')`);
    await query(queryRunner, `INSERT INTO "training_catalog_competency" ("catalog_id", "competency_id", "levels") SELECT "id", "competency_id", 1 FROM "training_catalog" WHERE "competency_id" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP INDEX "idx_training_catalog_competency_competency"`);
    await query(queryRunner, `DROP TABLE "training_catalog_competency"`);
    for (const column of ['min_classes', 'class_size', 'cost_per_class', 'partner_cost_share', 'provider_kind', 'mode']) {
      await query(queryRunner, `ALTER TABLE "training_catalog" DROP COLUMN "${column}"`);
    }
  }
}
