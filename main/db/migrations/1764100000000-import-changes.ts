import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// Snapshot import: what each import changed, so the last snapshot can be undone while the app runs
// (entities/import.entity.ts, ImportChangeEntity). The statement is what TypeORM derives from the entity.

export class ImportChanges1764100000000 implements MigrationInterface {
  name = 'ImportChanges1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `CREATE TABLE "import_change" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "snapshot_id" integer NOT NULL, "table_name" text NOT NULL, "row_id" integer NOT NULL, "action" text NOT NULL, "before" text, "after" text, CONSTRAINT "FK_1913c610b9c65188d0dab67cab6" FOREIGN KEY ("snapshot_id") REFERENCES "import_snapshot" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await query(queryRunner, `CREATE INDEX "idx_import_change_snapshot" ON "import_change" ("snapshot_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP TABLE "import_change"`);
  }
}
