import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres, query } from './dialect';

// Every printed report of one unit carries the data-quality index of its people, and the duplicate check counts a
// person whose name and birth date another active person shares anywhere in the district. Without an index the
// only way to know was one GROUP BY over the whole employee_quality table (42 ms of a 60 ms report at 50,000
// employees); with this one each of the unit's people looks up their own key
// (main/db/sql/quality.sql.ts populationInSubtree). On a server the index carries the employee id as an INCLUDE
// column, as SQLite's carries the rowid, so the lookup reads the index alone. The SQLite statement is what TypeORM
// derives from main/db/entities/quality.entity.ts (the drift test compares them).

export class EmployeeQualityDuplicateKeyIndex1765900003000 implements MigrationInterface {
  name = 'EmployeeQualityDuplicateKeyIndex1765900003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isPostgres(queryRunner)) {
      await queryRunner.query(`CREATE INDEX "idx_employee_quality_duplicate_key" ON "employee_quality" ("duplicate_key") INCLUDE ("employee_id")`);
      return;
    }
    await query(queryRunner, `CREATE INDEX "idx_employee_quality_duplicate_key" ON "employee_quality" ("duplicate_key") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP INDEX "idx_employee_quality_duplicate_key"`);
  }
}
