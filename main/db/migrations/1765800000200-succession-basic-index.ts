import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// The candidate ranking checks every active employee's record against a post's basic requirements (status PNS,
// golongan, jenjang, years in post, education, age, retirement). With those columns in one index of the active
// people, led by the position, the ranking counts the failures from the index alone (a few hundred pages instead
// of the wide employee rows) and reads the people who can qualify by the positions of the levels that pass,
// without visiting anyone else. Partial (only queries that say `status = 'active'` can use it). The statement is
// what TypeORM derives from main/db/entities/employee.entity.ts (the drift test compares them).

export class SuccessionBasicIndex1765800000200 implements MigrationInterface {
  name = 'SuccessionBasicIndex1765800000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `CREATE INDEX "idx_employee_succession_basic" ON "employee" ("position_id", "employment_type", "golongan", "golongan_tmt", "education_level", "position_tmt", "birth_date", "retirement_date") WHERE status = 'active'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP INDEX "idx_employee_succession_basic"`);
  }
}
