import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// Local corrections ("Perbaiki" on Kualitas Data): what Jenjang fixed against SIASN, kept until SIASN agrees. The
// statements are what TypeORM derives from the entity (the drift test compares them).

export class LocalCorrections1765600000201 implements MigrationInterface {
  name = 'LocalCorrections1765600000201';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `CREATE TABLE "local_correction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "employee_id" integer NOT NULL, "field" text NOT NULL, "check_key" text NOT NULL, "siasn_value" text, "corrected_value" text NOT NULL, "corrected_at" text NOT NULL, "corrected_by" text NOT NULL, "status" text NOT NULL DEFAULT ('aktif'), "disagreed_in_snapshot" integer, "disagreed_value" text, "closed_at" text, CONSTRAINT "FK_382d81e4ba9eee22aa5f3087aa3" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await query(queryRunner, `CREATE INDEX "idx_local_correction_employee" ON "local_correction" ("employee_id", "status") `);
    await query(queryRunner, `CREATE INDEX "idx_local_correction_status" ON "local_correction" ("status", "corrected_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP INDEX "idx_local_correction_status"`);
    await query(queryRunner, `DROP INDEX "idx_local_correction_employee"`);
    await query(queryRunner, `DROP TABLE "local_correction"`);
  }
}
