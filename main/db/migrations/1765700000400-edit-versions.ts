import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// Two desks at once: an optimistic version and its last editor on every record edited from a form that had none
// (development plans and their items, talent sessions and placements, positions for their competency standard), one
// row per saved settings section, and the holder of each exclusive job (import, talent-session fix) for the message
// a second desk reads. Existing records start at version 1; a settings section at 0 until its first save.

const VERSIONED: Array<{ table: string; updatedAt: boolean }> = [
  { table: 'development_plan', updatedAt: false },
  { table: 'development_plan_item', updatedAt: false },
  { table: 'talent_session', updatedAt: true },
  { table: 'talent_placement', updatedAt: true },
  { table: 'position', updatedAt: true },
];

export class EditVersions1765700000400 implements MigrationInterface {
  name = 'EditVersions1765700000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, updatedAt } of VERSIONED) {
      await query(queryRunner, `ALTER TABLE "${table}" ADD COLUMN "version" integer NOT NULL DEFAULT (1)`);
      await query(queryRunner, `ALTER TABLE "${table}" ADD COLUMN "updated_by" text`);
      if (updatedAt) await query(queryRunner, `ALTER TABLE "${table}" ADD COLUMN "updated_at" text`);
    }
    await query(queryRunner, `CREATE TABLE "settings_section_version" ("section" text PRIMARY KEY NOT NULL, "version" integer NOT NULL DEFAULT (0), "updated_by" text, "updated_at" text)`);
    await query(queryRunner, `CREATE TABLE "job_lock" ("name" text PRIMARY KEY NOT NULL, "holder" text NOT NULL, "since" text NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP TABLE "job_lock"`);
    await query(queryRunner, `DROP TABLE "settings_section_version"`);
    for (const { table, updatedAt } of [...VERSIONED].reverse()) {
      if (updatedAt) await query(queryRunner, `ALTER TABLE "${table}" DROP COLUMN "updated_at"`);
      await query(queryRunner, `ALTER TABLE "${table}" DROP COLUMN "updated_by"`);
      await query(queryRunner, `ALTER TABLE "${table}" DROP COLUMN "version"`);
    }
  }
}
