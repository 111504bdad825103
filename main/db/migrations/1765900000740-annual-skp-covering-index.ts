import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// The regular-promotion list (and every other reader of "the annual SKP of year Y") looks up two annual SKP rows
// per candidate: about 13,000 candidates at 50,000 employees. Through the unique key each lookup then read the
// wide evaluation row for its predikat, scattered over the table; the first list of a session paid for decrypting
// those pages (on the bench database 0.8 s of its 1.3 s). This partial index holds what those readers take, in
// the order they look it up, so they stay inside the index: the candidate query's cold read went from about 0.7
// to 0.3 s and its warm one from about 190 to 120 ms. The statement is what TypeORM derives from
// main/db/entities/performance.entity.ts (the drift test compares them).

export class AnnualSkpCoveringIndex1765900000740 implements MigrationInterface {
  name = 'AnnualSkpCoveringIndex1765900000740';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `CREATE INDEX "idx_performance_annual" ON "performance_evaluation" ("employee_id", "year", "regime", "predikat", "legacy_score", "legacy_label") WHERE period = 'tahunan'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP INDEX "idx_performance_annual"`);
  }
}
