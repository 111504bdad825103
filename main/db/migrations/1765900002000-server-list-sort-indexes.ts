import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from './dialect';

// An index of the Pegawai list, on a server only (SQLite's plans do not need it; it is left out of the
// schema comparison of the two databases by SERVER_ONLY_INDEXES in main/db/schema-shape.ts and declared on the
// entity with synchronize false):
// idx_employee_golongan_nulls_first: the list sorted by golongan puts the people without one first, as SQLite
//   does (`golongan NULLS FIRST` on a server). idx_employee_golongan_name is in PostgreSQL's default order (NULLs
//   last), so the server sorted every active person for each page: ~60–90 ms on the 50,000-employee district, 7 ms
//   along this index.
// The list sorted by unit counts its groups from idx_employee_active_unit (migration 1765900003100, both databases).
export class ServerListSortIndexes1765900002000 implements MigrationInterface {
  name = 'ServerListSortIndexes1765900002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isPostgres(queryRunner)) return;
    await queryRunner.query(`CREATE INDEX "idx_employee_golongan_nulls_first" ON "employee" ("golongan" NULLS FIRST, "name" COLLATE nocase, "id", "status")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isPostgres(queryRunner)) return;
    await queryRunner.query(`DROP INDEX "idx_employee_golongan_nulls_first"`);
  }
}
