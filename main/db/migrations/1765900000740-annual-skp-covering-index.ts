import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// The regular-promotion list (and every other reader of "the annual SKP of year Y") looks up two annual SKP rows
// per candidate: about 13,000 candidates at 50,000 employees. Through the unique key each lookup then read the
// wide evaluation row for its predikat, scattered over the table; the first list of a session paid for decrypting
// those pages. This partial index holds what those readers take, year first, so that the lookups of one year stay
// inside one fifth of a small index. On the bench database (quiet machine) the candidate query's first read went
// from 0.8 s (under load) to 73–89 ms, the first list of a session from 466 to 219–243 ms, and a later read from
// about 190 (under load) to 45 ms. The statement is what TypeORM derives from
// main/db/entities/performance.entity.ts (the drift test compares them).

export class AnnualSkpCoveringIndex1765900000740 implements MigrationInterface {
  name = 'AnnualSkpCoveringIndex1765900000740';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `CREATE INDEX "idx_performance_annual" ON "performance_evaluation" ("year", "employee_id", "regime", "predikat", "legacy_score", "legacy_label") WHERE period = 'tahunan'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP INDEX "idx_performance_annual"`);
  }
}
