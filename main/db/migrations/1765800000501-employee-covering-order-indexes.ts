import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// The Pegawai list reads a page along the index of its sort (name, birth date, TMT pensiun, golongan) and checks
// each row's status on the way. Those indexes held only the sort key, so every row skipped before a deep page was
// read from the table for its status: page 200 of the active, by name, 39 ms at 50,000 employees (60 ms
// descending). With the id and the status in the index the skip never leaves it: 1–2 ms. The same names, wider
// keys; each still serves what it served (a birthday range, the TMT pensiun of a year).

const WIDENED: Array<[name: string, before: string, after: string]> = [
  ['idx_employee_name', `("name" COLLATE NOCASE)`, `("name" COLLATE NOCASE, "id", "status")`],
  ['idx_employee_golongan_name', `("golongan", "name" COLLATE NOCASE)`, `("golongan", "name" COLLATE NOCASE, "id", "status")`],
  ['idx_employee_birth_date', `("birth_date")`, `("birth_date", "id", "status")`],
  ['idx_employee_retirement', `("retirement_date")`, `("retirement_date", "id", "status")`],
];

export class EmployeeCoveringOrderIndexes1765800000501 implements MigrationInterface {
  name = 'EmployeeCoveringOrderIndexes1765800000501';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, , after] of WIDENED) {
      await query(queryRunner, `DROP INDEX "${name}"`);
      await query(queryRunner, `CREATE INDEX "${name}" ON "employee" ${after}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name, before] of WIDENED) {
      await query(queryRunner, `DROP INDEX "${name}"`);
      await query(queryRunner, `CREATE INDEX "${name}" ON "employee" ${before}`);
    }
  }
}
