import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// The export log: every PDF report and XLSX file that leaves the app, with who, when, what and its filters.
// The statements are what TypeORM derives from the entity, so the drift test can compare them.

export class ExportLog1765400000001 implements MigrationInterface {
  name = 'ExportLog1765400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `CREATE TABLE "export_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" text NOT NULL, "actor" text NOT NULL, "account_id" integer, "kind" text NOT NULL, "title" text NOT NULL, "parameters" text NOT NULL, "format" text NOT NULL, "row_count" integer, "page_count" integer, "file_name" text NOT NULL, "for_leadership" boolean NOT NULL DEFAULT (0), "via" text NOT NULL)`);
    await query(queryRunner, `CREATE INDEX "idx_export_log_kind" ON "export_log" ("kind", "at") `);
    await query(queryRunner, `CREATE INDEX "idx_export_log_actor" ON "export_log" ("actor", "at") `);
    await query(queryRunner, `CREATE INDEX "idx_export_log_at" ON "export_log" ("at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP TABLE "export_log"`);
  }
}
