import type { MigrationInterface, QueryRunner } from 'typeorm';
import { refreshSuccessionFacts } from '../sql/succession/facts.sql';

// The candidate ranking reads the talent box computed from the latest SKP and potential (the talent capability's
// talent_axis_year) for people the Komite Talenta has not placed yet, flagged as computed. The column statement is
// what TypeORM derives from the entity (the drift test compares it); the derived facts are rebuilt once here.

export class SuccessionTalentComputed1765100000001 implements MigrationInterface {
  name = 'SuccessionTalentComputed1765100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "succession_employee_facts" ADD COLUMN "talent_computed" boolean NOT NULL DEFAULT (0)`);
    await refreshSuccessionFacts((sql, params) => queryRunner.query(sql, params), 'all');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "succession_employee_facts" DROP COLUMN "talent_computed"`);
  }
}
