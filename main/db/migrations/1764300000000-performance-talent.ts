import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// Evaluation history and talent management: the derived tables that keep the Kinerja page and the 9-box
// within budget at 50,000 employees with ten years of SKP ("latest per employee" by window
// function alone costs ~0.2 s).

const TABLES = [
  `CREATE TABLE "talent_axis_year" ("employee_id" integer NOT NULL, "year" integer NOT NULL, "evaluation_id" integer, "evaluation_year" integer, "kinerja_axis" text, "potential_id" integer, "potential_level" text, "potential_score" real, "potential_date" text, "potensi_axis" text, CONSTRAINT "FK_eaca8a875c421437369cfd0b166" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("employee_id", "year"))`,
  `CREATE TABLE "performance_member" ("employee_id" integer PRIMARY KEY NOT NULL, "unit_id" integer, "position_level" text NOT NULL DEFAULT (''), "active" integer NOT NULL DEFAULT (0))`,
  `CREATE TABLE "performance_year_summary" ("unit_id" integer NOT NULL, "position_level" text NOT NULL, "year" integer NOT NULL, "category" text NOT NULL, "root_unit_id" integer NOT NULL, "employees" integer NOT NULL, PRIMARY KEY ("unit_id", "position_level", "year", "category"))`,
  `CREATE TABLE "talent_box_summary" ("unit_id" integer NOT NULL, "position_level" text NOT NULL, "year" integer NOT NULL, "kinerja_axis" text NOT NULL, "potensi_axis" text NOT NULL, "root_unit_id" integer NOT NULL, "employees" integer NOT NULL, PRIMARY KEY ("unit_id", "position_level", "year", "kinerja_axis", "potensi_axis"))`,
  `CREATE INDEX "idx_talent_axis_year_year" ON "talent_axis_year" ("year") `,
  `CREATE INDEX "idx_performance_member_unit" ON "performance_member" ("unit_id") `,
  `CREATE INDEX "idx_performance_summary_root" ON "performance_year_summary" ("root_unit_id", "year") `,
  `CREATE INDEX "idx_talent_box_summary_year" ON "talent_box_summary" ("year") `,
  `CREATE INDEX "idx_talent_box_summary_root" ON "talent_box_summary" ("root_unit_id", "year") `,
];

export class PerformanceTalent1764300000000 implements MigrationInterface {
  name = 'PerformanceTalent1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of TABLES) await query(queryRunner, sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['talent_box_summary', 'performance_year_summary', 'performance_member', 'talent_axis_year']) await query(queryRunner, `DROP TABLE "${table}"`);
  }
}
