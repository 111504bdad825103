import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// The regular-promotion list reads every active PNS in I/a–IV/d with their TMT golongan, education and NIP
// (main/db/sql/development/careers.sql.ts promotionCandidates). With those columns in one index of the active
// people the candidates come from the index instead of a scan of the wide employee rows: on the 50,000-employee
// bench database the candidate query with its two SKP lookups went from about 170 to about 90 ms of CPU. Partial
// (only queries that say `status = 'active'` can use it). The statement is what TypeORM derives from
// main/db/entities/employee.entity.ts (the drift test compares them).

export class EmployeePromotionIndex1765900000300 implements MigrationInterface {
  name = 'EmployeePromotionIndex1765900000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `CREATE INDEX "idx_employee_promotion" ON "employee" ("employment_type", "golongan", "golongan_tmt", "education_level", "nip") WHERE status = 'active'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP INDEX "idx_employee_promotion"`);
  }
}
