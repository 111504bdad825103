import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// The career records say where each row came from, as the history tables do: `source` (manual, import, demo) on
// every career table, and `created_at` on the three that lacked it (null only for rows written before this
// migration). The import writer of the history kinds (main/db/sql/imports/commit.sql.ts) fills both. The column
// statements are what TypeORM derives from main/db/entities/career.entity.ts (the drift test compares them).

const CAREER_TABLES = ['discipline_record', 'cltn_period', 'honor_award', 'kgb_record', 'study_record'];
const WITHOUT_CREATED_AT = ['cltn_period', 'honor_award', 'kgb_record'];

export class CareerRecordProvenance1765500000002 implements MigrationInterface {
  name = 'CareerRecordProvenance1765500000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of CAREER_TABLES) await query(queryRunner, `ALTER TABLE "${table}" ADD COLUMN "source" text NOT NULL DEFAULT ('manual')`);
    for (const table of WITHOUT_CREATED_AT) await query(queryRunner, `ALTER TABLE "${table}" ADD COLUMN "created_at" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of WITHOUT_CREATED_AT) await query(queryRunner, `ALTER TABLE "${table}" DROP COLUMN "created_at"`);
    for (const table of CAREER_TABLES) await query(queryRunner, `ALTER TABLE "${table}" DROP COLUMN "source"`);
  }
}
