import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from './dialect';

// On a server the Pegawai list counts the active people on every page (48,000 of a 50,000-employee district), and
// PostgreSQL never takes idx_employee_status_count for it: it visited the entries of a wider index, 12 ms against
// SQLite's 2 ms for the whole call. A partial index of the active people's ids is about a third of the pages of any
// other employee index and answers that count in 5.7 ms (main/db/sql/employees/list.sql.ts writes the status plainly
// on a server for it). Server only: on SQLite an index on the plain status draws the planner away from better plans
// (see 1765800000500), and SQLite's count has its own index. It is left out of the schema comparison of the two
// databases (SERVER_ONLY_INDEXES in main/db/schema-shape.ts) and declared on the entity with synchronize false.

export class ServerActiveEmployeeIndex1765900001000 implements MigrationInterface {
  name = 'ServerActiveEmployeeIndex1765900001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isPostgres(queryRunner)) return;
    await queryRunner.query(`CREATE INDEX "idx_employee_active" ON "employee" ("id") WHERE status = 'active'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isPostgres(queryRunner)) return;
    await queryRunner.query(`DROP INDEX "idx_employee_active"`);
  }
}
