import type { MigrationInterface, QueryRunner } from 'typeorm';

// Career administration (DOMAIN.md §14): masa kerja golongan on the employee snapshot and on each KP decree, the
// UPKP result of the latest education, and the records the entitlement rules read (hukuman disiplin, CLTN, tanda
// kehormatan, KGB notices, tugas/izin belajar). position.eselon exists since the initial schema. The statements
// are what TypeORM derives from the entities (main/db/entities/career.entity.ts), so the drift test can compare
// them; the added columns go in with ALTER TABLE so existing rows stay untouched.

const CREATE = [
  `CREATE TABLE "discipline_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "employee_id" integer NOT NULL, "kind" text NOT NULL, "start_date" text NOT NULL, "end_date" text, "decree_number" text, "decree_date" text, "note" text, "snapshot_id" integer, "created_at" text NOT NULL, CONSTRAINT "FK_9fd60d7b807e77424e4e08d08ac" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_f0637e3856ef8cb6ddf78ad952c" FOREIGN KEY ("snapshot_id") REFERENCES "import_snapshot" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
  `CREATE INDEX "idx_discipline_record_employee" ON "discipline_record" ("employee_id", "start_date") `,
  `CREATE INDEX "idx_discipline_record_snapshot" ON "discipline_record" ("snapshot_id") `,
  `CREATE TABLE "cltn_period" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "employee_id" integer NOT NULL, "start_date" text NOT NULL, "end_date" text, "decree_number" text, "snapshot_id" integer, CONSTRAINT "FK_178f3998736a462fd3350384da2" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_0b002d76b1412ee086582c25954" FOREIGN KEY ("snapshot_id") REFERENCES "import_snapshot" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
  `CREATE INDEX "idx_cltn_period_employee" ON "cltn_period" ("employee_id") `,
  `CREATE INDEX "idx_cltn_period_snapshot" ON "cltn_period" ("snapshot_id") `,
  `CREATE TABLE "honor_award" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "employee_id" integer NOT NULL, "kind" text NOT NULL, "class" text NOT NULL, "decree_number" text, "decree_date" text, "snapshot_id" integer, CONSTRAINT "FK_bf6a99f03e65c21757ff63e83c0" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_4ce01432abd95e01c4eb1f7719d" FOREIGN KEY ("snapshot_id") REFERENCES "import_snapshot" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
  `CREATE INDEX "idx_honor_award_employee" ON "honor_award" ("employee_id") `,
  `CREATE INDEX "idx_honor_award_snapshot" ON "honor_award" ("snapshot_id") `,
  `CREATE TABLE "kgb_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "employee_id" integer NOT NULL, "tmt" text NOT NULL, "mkg_years" integer NOT NULL, "mkg_months" integer NOT NULL, "golongan" integer, "salary" integer, "decree_number" text, "decree_date" text, "snapshot_id" integer, CONSTRAINT "FK_ce3a6613542bdf15f1f563e5f66" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_11d82f81d1b0da33c645261a06a" FOREIGN KEY ("snapshot_id") REFERENCES "import_snapshot" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
  `CREATE INDEX "idx_kgb_record_employee" ON "kgb_record" ("employee_id", "tmt") `,
  `CREATE INDEX "idx_kgb_record_snapshot" ON "kgb_record" ("snapshot_id") `,
  `CREATE TABLE "study_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "employee_id" integer NOT NULL, "basis" text NOT NULL, "institution" text NOT NULL, "programme" text NOT NULL, "level" text NOT NULL, "start_date" text NOT NULL, "end_date" text, "status" text NOT NULL, "funding" text, "izin_date" text, "graduation_date" text, "upkp_passed" boolean, "needed_by_position" boolean, "snapshot_id" integer, "created_at" text NOT NULL, CONSTRAINT "FK_48a94378e06a95a8fd0a0c46747" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_c95ac0944dbb25ed565a28c5823" FOREIGN KEY ("snapshot_id") REFERENCES "import_snapshot" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
  `CREATE INDEX "idx_study_record_employee" ON "study_record" ("employee_id") `,
  `CREATE INDEX "idx_study_record_snapshot" ON "study_record" ("snapshot_id") `,
];

const ADDED_COLUMNS: Array<[table: string, column: string, type: string]> = [
  ['employee', 'mk_golongan_years', 'integer'],
  ['employee', 'mk_golongan_months', 'integer'],
  ['employee', 'education_upkp_passed', 'boolean'],
  ['rank_history', 'mk_years', 'integer'],
  ['rank_history', 'mk_months', 'integer'],
];

const TABLES = ['discipline_record', 'cltn_period', 'honor_award', 'kgb_record', 'study_record'];

export class CareerAdministration1765500000000 implements MigrationInterface {
  name = 'CareerAdministration1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column, type] of ADDED_COLUMNS) await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "${column}" ${type}`);
    for (const statement of CREATE) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE "${table}"`);
    for (const [table, column] of [...ADDED_COLUMNS].reverse()) await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
  }
}
