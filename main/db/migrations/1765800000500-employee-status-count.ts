import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// The Pegawai list counts the people its filter matches on every page. By status alone, or by a NIP prefix within a
// status (someone typing "198…"), that count visited every matching row: 20 ms for the active of a 50,000-employee
// district, 32 ms for a three-digit NIP prefix. This index answers both without reading a row. Its key is the
// expression `status || ''`, used only by counts written the same way (main/db/sql/employees/list.sql.ts), because an
// index on plain status draws the planner away from better plans (a unit's subtree, the name order) when the
// statistics do not yet know that most people are active. Declared with synchronize false on the employee entity.

export class EmployeeStatusCount1765800000500 implements MigrationInterface {
  name = 'EmployeeStatusCount1765800000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `CREATE INDEX "idx_employee_status_count" ON "employee" (("status" || ''), "nip")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP INDEX "idx_employee_status_count"`);
  }
}
