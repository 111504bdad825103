import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// The candidate ranking reads the record of everyone who passes a post's basic requirements (thousands of people
// for an administrator post at 50,000 employees). With the unit in idx_employee_succession_basic, that record (and
// the unit the perangkat daerah is found by) comes from the index the pool is found in, so the ranking no longer
// visits the wide employee rows at all: on the bench's 50,000-employee district the facts of an administrator
// post's 9,660 candidates took about 15 % less CPU. The statement is what TypeORM derives from
// main/db/entities/employee.entity.ts (the drift test compares them).

const BEFORE = `CREATE INDEX "idx_employee_succession_basic" ON "employee" ("position_id", "employment_type", "golongan", "golongan_tmt", "education_level", "position_tmt", "birth_date", "retirement_date") WHERE status = 'active'`;

export class SuccessionBasicIndexUnit1765900000400 implements MigrationInterface {
  name = 'SuccessionBasicIndexUnit1765900000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP INDEX "idx_employee_succession_basic"`);
    await query(queryRunner, `CREATE INDEX "idx_employee_succession_basic" ON "employee" ("position_id", "employment_type", "golongan", "golongan_tmt", "education_level", "position_tmt", "birth_date", "retirement_date", "unit_id") WHERE status = 'active'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP INDEX "idx_employee_succession_basic"`);
    await query(queryRunner, BEFORE);
  }
}
