import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// The 9-box reads one year's axes for a population. With (year, employee_id) and both axes in one index, a year's
// axes sit together in a few hundred index pages, and the table itself (every year of everyone, ten years of SKP
// at 50,000 employees) is never read by it. On the encrypted file every page read from disk is also decrypted, so
// the pages a call touches are what it costs against a plain file (main/bench/suites/encryption.bench.ts). The new
// index begins with year, so it replaces the index on year alone. The statement is what TypeORM derives from
// main/db/entities/performance-derived.entity.ts (the drift test compares them).

export class TalentAxisCoveringIndex1765600000000 implements MigrationInterface {
  name = 'TalentAxisCoveringIndex1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `CREATE INDEX "idx_talent_axis_year_axes" ON "talent_axis_year" ("year", "employee_id", "kinerja_axis", "potensi_axis") `);
    await query(queryRunner, `DROP INDEX "idx_talent_axis_year_year"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `CREATE INDEX "idx_talent_axis_year_year" ON "talent_axis_year" ("year") `);
    await query(queryRunner, `DROP INDEX "idx_talent_axis_year_axes"`);
  }
}
