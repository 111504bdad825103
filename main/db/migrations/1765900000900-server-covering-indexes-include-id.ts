import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from './dialect';

// The partial covering indexes of employee that the dashboards read instead of the wide rows (JP compliance, the
// promotion candidates, the succession basics, each key post's holder) cover those reads on SQLite because an index
// there carries the row's id (the rowid) with every entry. A PostgreSQL index carries only its own columns, so every
// one of those reads, which all join or return e.id, went back to the table: on the 50,000-employee district the
// server read JP compliance by a sequential scan of the whole table (2,648 pages). On a server the same indexes
// carry the id as an INCLUDE column (not part of the key: the schema comparison of the two databases, which reads
// key columns, and SQLite's indexes are unchanged). The same holds for employee_training_year, a WITHOUT ROWID table
// whose index by year carries the primary key (employee_id) on SQLite: on a server it gets it as INCLUDE too, so
// JP compliance reads the year's sums from that index alone. Nothing changes on SQLite.

const INDEXES: Array<{ table?: string; name: string; columns: string; include?: string; where?: string }> = [
  { table: 'employee_training_year', name: 'idx_training_year_year', columns: '"year", "jp"', include: '"employee_id"' },
  { name: 'idx_employee_development', columns: '"unit_id", "employment_type", "status", "cpns_tmt", "status_date", "position_tmt"', where: `employment_type IN ('PNS', 'CPNS')` },
  { name: 'idx_employee_promotion', columns: '"employment_type", "golongan", "golongan_tmt", "education_level", "nip"', where: `status = 'active'` },
  { name: 'idx_employee_succession_basic', columns: '"position_id", "employment_type", "golongan", "golongan_tmt", "education_level", "position_tmt", "birth_date", "retirement_date", "unit_id"', where: `status = 'active'` },
  { name: 'idx_employee_holder', columns: '"position_id", "nip", "name", "front_title", "back_title", "retirement_date", "position_tmt"', where: `status = 'active'` },
];

export class ServerCoveringIndexesIncludeId1765900000900 implements MigrationInterface {
  name = 'ServerCoveringIndexesIncludeId1765900000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isPostgres(queryRunner)) return;
    for (const index of INDEXES) {
      await queryRunner.query(`DROP INDEX "${index.name}"`);
      await queryRunner.query(`CREATE INDEX "${index.name}" ON "${index.table ?? 'employee'}" (${index.columns}) INCLUDE (${index.include ?? '"id"'})${index.where ? ` WHERE ${index.where}` : ''}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isPostgres(queryRunner)) return;
    for (const index of INDEXES) {
      await queryRunner.query(`DROP INDEX "${index.name}"`);
      await queryRunner.query(`CREATE INDEX "${index.name}" ON "${index.table ?? 'employee'}" (${index.columns})${index.where ? ` WHERE ${index.where}` : ''}`);
    }
  }
}
