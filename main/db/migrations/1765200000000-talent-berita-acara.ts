import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// Komite Talenta berita acara: the session's nomor, place and the PPK who signs it (name, jabatan, NIP). And an
// index on potential_assessment.assessed_on: the talent refresher reads the latest assessment year on every write.
// The statements are what TypeORM derives from the entities, so the drift test can compare them.

export class TalentBeritaAcara1765200000000 implements MigrationInterface {
  name = 'TalentBeritaAcara1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['document_number', 'place', 'ppk_name', 'ppk_position', 'ppk_nip']) {
      await query(queryRunner, `ALTER TABLE "talent_session" ADD COLUMN "${column}" text`);
    }
    await query(queryRunner, `CREATE INDEX "idx_potential_assessment_assessed_on" ON "potential_assessment" ("assessed_on") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP INDEX "idx_potential_assessment_assessed_on"`);
    for (const column of ['ppk_nip', 'ppk_position', 'ppk_name', 'place', 'document_number']) {
      await query(queryRunner, `ALTER TABLE "talent_session" DROP COLUMN "${column}"`);
    }
  }
}
