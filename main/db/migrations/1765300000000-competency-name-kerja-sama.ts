import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// The managerial competency M.02 is "Kerja Sama" (two words, as Bahasa Indonesia writes it and as the IDP, the
// catalogue and the competency screens show it). The dictionary seeded it as "Kerjasama"; a name the office has
// changed since is left as it is. No schema change.

export class CompetencyNameKerjaSama1765300000000 implements MigrationInterface {
  name = 'CompetencyNameKerjaSama1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `UPDATE "competency_definition" SET "name" = 'Kerja Sama' WHERE "code" = 'M.02' AND "name" = 'Kerjasama'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `UPDATE "competency_definition" SET "name" = 'Kerjasama' WHERE "code" = 'M.02' AND "name" = 'Kerja Sama'`);
  }
}
