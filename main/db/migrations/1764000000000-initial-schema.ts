import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ensureNocaseCollation, isPostgres, query } from './dialect';
import { JENJANG_APPLICATION_ID } from '../database-identity';

// The full data model (main/db/entities/). The table statements are what TypeORM derives from the entities (so the
// schema-drift test can compare them); the search index and its triggers are ours.

const TABLES = [
  `CREATE TABLE "competency_definition" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "group" text NOT NULL, "description" text, "level_descriptors" text, "sort_order" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), CONSTRAINT "UQ_6552cf419cd1b044a48fa0474aa" UNIQUE ("code"))`,
  `CREATE TABLE "import_snapshot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" text NOT NULL, "file_name" text NOT NULL, "sha256" text NOT NULL, "row_count" integer NOT NULL DEFAULT (0), "accepted_count" integer NOT NULL DEFAULT (0), "rejected_count" integer NOT NULL DEFAULT (0), "summary" text, "mapping" text, "status" text NOT NULL, "backup_path" text, "imported_by" text NOT NULL, "imported_at" text NOT NULL, "undone_at" text)`,
  `CREATE TABLE "import_mapping_profile" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "mapping" text NOT NULL, "created_at" text NOT NULL, CONSTRAINT "UQ_516f700128b10bb70207d32be14" UNIQUE ("name"))`,
  `CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" text NOT NULL, "actor" text NOT NULL, "action" text NOT NULL, "entity" text NOT NULL, "entity_id" integer, "employee_id" integer, "summary" text NOT NULL, "changes" text, "before" text, "after" text)`,
  `CREATE TABLE "app_setting" ("key" text PRIMARY KEY NOT NULL, "value" text NOT NULL, "updated_at" text NOT NULL)`,
  `CREATE TABLE "unit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" text, "name" text NOT NULL, "kind" text NOT NULL, "parent_id" integer, "root_id" integer, "path" text NOT NULL, "depth" integer NOT NULL DEFAULT (0), "sort_order" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), CONSTRAINT "UQ_dfb75cdb2a790fb84327e1d1b15" UNIQUE ("code"), CONSTRAINT "FK_33443cd5de3c6b130acfd6aba63" FOREIGN KEY ("parent_id") REFERENCES "unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_f5fe5ee535d384821ac5af5868e" FOREIGN KEY ("root_id") REFERENCES "unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE TABLE "position" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" text, "name" text NOT NULL, "kind" text NOT NULL, "level" text NOT NULL, "eselon" text, "unit_id" integer, "family" text, "min_golongan" integer, "max_golongan" integer, "bup_override" integer, "is_key" boolean NOT NULL DEFAULT (0), "quota" integer, "active" boolean NOT NULL DEFAULT (1), CONSTRAINT "UQ_01e858cf7d6aa6b8f738b149972" UNIQUE ("code"), CONSTRAINT "FK_1341903ee54016fde499b800d96" FOREIGN KEY ("unit_id") REFERENCES "unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE TABLE "position_competency_standard" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "position_id" integer NOT NULL, "competency_id" integer NOT NULL, "required_level" integer NOT NULL, CONSTRAINT "uq_standard_position_competency" UNIQUE ("position_id", "competency_id"), CONSTRAINT "FK_4d829a1fc9905bc8c2c7282ac13" FOREIGN KEY ("position_id") REFERENCES "position" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_7638a9c523a1b3a897d5356f749" FOREIGN KEY ("competency_id") REFERENCES "competency_definition" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE TABLE "employee" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "nip" text NOT NULL, "nip_lama" text, "siasn_id" text, "front_title" text, "name" text NOT NULL, "back_title" text, "birth_place" text, "birth_date" text NOT NULL, "gender" text NOT NULL, "employment_type" text NOT NULL, "cpns_tmt" text, "pns_tmt" text, "golongan" integer, "golongan_tmt" text, "position_id" integer, "position_tmt" text, "unit_id" integer, "education_level" text, "education_major" text, "education_institution" text, "education_year" integer, "retirement_date" text, "status" text NOT NULL DEFAULT ('active'), "status_date" text, "email" text, "phone" text, "notes" text, "version" integer NOT NULL DEFAULT (1), "created_at" text NOT NULL, "updated_at" text NOT NULL, CONSTRAINT "UQ_c55fca410d775d2c1861f910c7e" UNIQUE ("nip"), CONSTRAINT "UQ_7e19283aaabf7f2a2e1efedc04b" UNIQUE ("siasn_id"), CONSTRAINT "FK_6ab3ec557a640017d53ac0e0ab7" FOREIGN KEY ("position_id") REFERENCES "position" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_2ec48bd014dcbea7d0fdcbf29df" FOREIGN KEY ("unit_id") REFERENCES "unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE TABLE "import_issue" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "snapshot_id" integer NOT NULL, "row" integer NOT NULL, "column" text, "value" text, "severity" text NOT NULL, "message" text NOT NULL, CONSTRAINT "FK_dcfaf1948d5703d8d644f8faf0a" FOREIGN KEY ("snapshot_id") REFERENCES "import_snapshot" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
  `CREATE TABLE "competency_assessment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "employee_id" integer NOT NULL, "competency_id" integer NOT NULL, "level" integer NOT NULL, "assessed_on" text NOT NULL, "method" text NOT NULL, "assessor" text, "notes" text, "source" text NOT NULL, "snapshot_id" integer, "created_at" text NOT NULL, CONSTRAINT "FK_47c86fe807009712d8f219e65a3" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_d399a2cd1d98d14ac5c37959c51" FOREIGN KEY ("competency_id") REFERENCES "competency_definition" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5c5b1e1ba8357a4a86fb2265d84" FOREIGN KEY ("snapshot_id") REFERENCES "import_snapshot" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE TABLE "employee_competency_current" ("employee_id" integer NOT NULL, "competency_id" integer NOT NULL, "level" integer NOT NULL, "assessed_on" text NOT NULL, "assessment_id" integer NOT NULL, CONSTRAINT "FK_158b50254a47e9e71cf7b08a71d" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6c010a4ee69f6689c197e214f4a" FOREIGN KEY ("competency_id") REFERENCES "competency_definition" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("employee_id", "competency_id"))`,
  `CREATE TABLE "potential_assessment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "employee_id" integer NOT NULL, "assessed_on" text NOT NULL, "level" text, "score" real, "method" text, "notes" text, "source" text NOT NULL, "snapshot_id" integer, "created_at" text NOT NULL, CONSTRAINT "FK_3dd1fba2e6c393e22b5bcf2cfa1" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_a71b09b5360fa4c1724d6021fc1" FOREIGN KEY ("snapshot_id") REFERENCES "import_snapshot" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE TABLE "training_catalog" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" text NOT NULL, "type" text NOT NULL, "jp" real NOT NULL, "estimated_cost" integer NOT NULL DEFAULT (0), "provider" text, "competency_id" integer, "active" boolean NOT NULL DEFAULT (1), CONSTRAINT "FK_91b09cfd73e465d963384044b6c" FOREIGN KEY ("competency_id") REFERENCES "competency_definition" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
  `CREATE TABLE "training_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "employee_id" integer NOT NULL, "title" text NOT NULL, "type" text NOT NULL, "provider" text, "start_date" text NOT NULL, "end_date" text NOT NULL, "jp" real NOT NULL, "cost" integer, "certificate_number" text, "catalog_id" integer, "source" text NOT NULL, "snapshot_id" integer, "created_at" text NOT NULL, CONSTRAINT "FK_ebd1d9aca999183408c26c72278" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_cdc915c8434dda0bc24b549549d" FOREIGN KEY ("catalog_id") REFERENCES "training_catalog" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_4f8362a22f24c1972ea8400b799" FOREIGN KEY ("snapshot_id") REFERENCES "import_snapshot" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE TABLE "development_plan" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "employee_id" integer NOT NULL, "year" integer NOT NULL, "target_position_id" integer, "notes" text, "created_by" text NOT NULL, "created_at" text NOT NULL, "updated_at" text NOT NULL, CONSTRAINT "FK_fec75892be766752920fabf8015" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_0763afb19e0e1d71d348b45a221" FOREIGN KEY ("target_position_id") REFERENCES "position" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
  `CREATE TABLE "development_plan_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "plan_id" integer NOT NULL, "competency_id" integer, "requirement" text, "current_level" integer, "target_level" integer, "activity" text NOT NULL, "catalog_id" integer, "jp" real NOT NULL DEFAULT (0), "estimated_cost" integer NOT NULL DEFAULT (0), "target_date" text, "status" text NOT NULL DEFAULT ('direncanakan'), "training_record_id" integer, "updated_at" text NOT NULL, CONSTRAINT "FK_aa8bd6ebd38ef320f3d33aac609" FOREIGN KEY ("plan_id") REFERENCES "development_plan" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6fe379620ccac00fe2f8bc35c37" FOREIGN KEY ("competency_id") REFERENCES "competency_definition" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_2dabe8429e615987ebc451ffb56" FOREIGN KEY ("catalog_id") REFERENCES "training_catalog" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_614ac4dac38003c20ffd0857cf4" FOREIGN KEY ("training_record_id") REFERENCES "training_record" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
  `CREATE TABLE "mentoring_relation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "mentor_id" integer NOT NULL, "mentee_id" integer NOT NULL, "goals" text, "start_date" text NOT NULL, "end_date" text, "status" text NOT NULL DEFAULT ('aktif'), "created_at" text NOT NULL, CONSTRAINT "FK_67d16ba9eb4f56b9bf04f679226" FOREIGN KEY ("mentor_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_7d959aea5700d4d8d7df84441c3" FOREIGN KEY ("mentee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
  `CREATE TABLE "mentoring_session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "relation_id" integer NOT NULL, "session_date" text NOT NULL, "notes" text, "created_at" text NOT NULL, CONSTRAINT "FK_b3a513edc79feae886ff8f17791" FOREIGN KEY ("relation_id") REFERENCES "mentoring_relation" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
  `CREATE TABLE "position_history" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "employee_id" integer NOT NULL, "position_id" integer, "position_name" text NOT NULL, "position_level" text, "unit_id" integer, "unit_name" text, "tmt" text NOT NULL, "end_date" text, "sk_number" text, "source" text NOT NULL, "snapshot_id" integer, "created_at" text NOT NULL, CONSTRAINT "FK_a6fd2cf9f5d0e79a05a2ae67c7c" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6a392061d34cc5b1b07e05fd199" FOREIGN KEY ("position_id") REFERENCES "position" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_13b15951786215affec7cf34244" FOREIGN KEY ("unit_id") REFERENCES "unit" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_c80d6fb7cc15992132fa58c7930" FOREIGN KEY ("snapshot_id") REFERENCES "import_snapshot" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE TABLE "rank_history" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "employee_id" integer NOT NULL, "golongan" integer NOT NULL, "tmt" text NOT NULL, "kind" text, "sk_number" text, "source" text NOT NULL, "snapshot_id" integer, "created_at" text NOT NULL, CONSTRAINT "FK_1775bde5da2ba2f281ae0aa70cb" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_0851c158c2d98880a1d099b31f1" FOREIGN KEY ("snapshot_id") REFERENCES "import_snapshot" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE TABLE "performance_evaluation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "employee_id" integer NOT NULL, "year" integer NOT NULL, "period" text NOT NULL, "regime" text NOT NULL, "hasil_kerja" text, "perilaku_kerja" text, "predikat" text, "legacy_score" real, "legacy_label" text, "evaluator_nip" text, "follow_up_status" text, "notes" text, "source" text NOT NULL, "snapshot_id" integer, "created_at" text NOT NULL, CONSTRAINT "uq_performance_employee_period" UNIQUE ("employee_id", "year", "period"), CONSTRAINT "FK_f66e67980f7e80791d556765617" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_0a7357861b50125ee1a844eebb8" FOREIGN KEY ("snapshot_id") REFERENCES "import_snapshot" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE TABLE "succession_plan" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "position_id" integer NOT NULL, "notes" text, "updated_by" text NOT NULL, "updated_at" text NOT NULL, "created_at" text NOT NULL, CONSTRAINT "UQ_3a6bdc6465cc2c710baa308478f" UNIQUE ("position_id"), CONSTRAINT "FK_3a6bdc6465cc2c710baa308478f" FOREIGN KEY ("position_id") REFERENCES "position" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
  `CREATE TABLE "succession_candidate" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "plan_id" integer NOT NULL, "employee_id" integer NOT NULL, "readiness" text NOT NULL, "rank" integer NOT NULL, "notes" text, "added_by" text NOT NULL, "added_at" text NOT NULL, CONSTRAINT "uq_succession_candidate_plan_employee" UNIQUE ("plan_id", "employee_id"), CONSTRAINT "FK_39c10d65c56a2ee20d160cd9485" FOREIGN KEY ("plan_id") REFERENCES "succession_plan" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_2b0c7662aadd2c1691adcbc5a37" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
  `CREATE TABLE "talent_session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "year" integer NOT NULL, "name" text NOT NULL, "population_unit_id" integer, "population_levels" text, "status" text NOT NULL DEFAULT ('draft'), "held_on" text, "members" text, "notes" text, "fixed_by" text, "fixed_at" text, "created_by" text NOT NULL, "created_at" text NOT NULL, CONSTRAINT "FK_6e08c096ffdf6cd4c68f4b9109a" FOREIGN KEY ("population_unit_id") REFERENCES "unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE TABLE "talent_placement" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "session_id" integer NOT NULL, "employee_id" integer NOT NULL, "year" integer NOT NULL, "kinerja_axis" text NOT NULL, "potensi_axis" text NOT NULL, "computed_box" integer NOT NULL, "evaluation_id" integer, "potential_id" integer, "calibrated_box" integer, "calibration_reason" text, "calibrated_by" text, "calibrated_at" text, "created_at" text NOT NULL, CONSTRAINT "uq_talent_placement_session_employee" UNIQUE ("session_id", "employee_id"), CONSTRAINT "FK_ecac8611823c6f2f43fc9fba7dd" FOREIGN KEY ("session_id") REFERENCES "talent_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_beb35e02a9c4cd17a9a333d11bf" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_2094f64fa5ea7d619b871811aeb" FOREIGN KEY ("evaluation_id") REFERENCES "performance_evaluation" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_a766b441276e7523c765b3d39af" FOREIGN KEY ("potential_id") REFERENCES "potential_assessment" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
  `CREATE INDEX "idx_snapshot_imported_at" ON "import_snapshot" ("imported_at") `,
  `CREATE INDEX "idx_snapshot_sha256" ON "import_snapshot" ("sha256") `,
  `CREATE INDEX "idx_audit_at" ON "audit_log" ("at") `,
  `CREATE INDEX "idx_audit_employee" ON "audit_log" ("employee_id", "at") `,
  `CREATE INDEX "idx_audit_entity" ON "audit_log" ("entity", "entity_id") `,
  `CREATE INDEX "idx_unit_path" ON "unit" ("path") `,
  `CREATE INDEX "idx_unit_root" ON "unit" ("root_id") `,
  `CREATE INDEX "idx_unit_parent" ON "unit" ("parent_id") `,
  `CREATE INDEX "idx_position_name" ON "position" ("name") `,
  `CREATE INDEX "idx_position_level" ON "position" ("level") `,
  `CREATE INDEX "idx_position_unit" ON "position" ("unit_id") `,
  `CREATE INDEX "idx_standard_competency" ON "position_competency_standard" ("competency_id") `,
  `CREATE INDEX "idx_employee_birth_date" ON "employee" ("birth_date") `,
  `CREATE INDEX "idx_employee_retirement" ON "employee" ("retirement_date") `,
  `CREATE INDEX "idx_employee_position" ON "employee" ("position_id") `,
  `CREATE INDEX "idx_employee_unit" ON "employee" ("unit_id") `,
  `CREATE INDEX "idx_import_issue_snapshot" ON "import_issue" ("snapshot_id") `,
  `CREATE INDEX "idx_competency_assessment_snapshot" ON "competency_assessment" ("snapshot_id") `,
  `CREATE INDEX "idx_competency_assessment_competency" ON "competency_assessment" ("competency_id") `,
  `CREATE INDEX "idx_competency_assessment_employee" ON "competency_assessment" ("employee_id", "competency_id", "assessed_on") `,
  `CREATE INDEX "idx_competency_current_competency" ON "employee_competency_current" ("competency_id") `,
  `CREATE INDEX "idx_potential_assessment_snapshot" ON "potential_assessment" ("snapshot_id") `,
  `CREATE INDEX "idx_potential_assessment_employee" ON "potential_assessment" ("employee_id", "assessed_on") `,
  `CREATE INDEX "idx_training_catalog_competency" ON "training_catalog" ("competency_id") `,
  `CREATE INDEX "idx_training_record_catalog" ON "training_record" ("catalog_id") `,
  `CREATE INDEX "idx_training_record_snapshot" ON "training_record" ("snapshot_id") `,
  `CREATE INDEX "idx_training_record_end_date" ON "training_record" ("end_date") `,
  `CREATE INDEX "idx_training_record_employee" ON "training_record" ("employee_id", "end_date") `,
  `CREATE INDEX "idx_development_plan_target" ON "development_plan" ("target_position_id") `,
  `CREATE INDEX "idx_development_plan_employee" ON "development_plan" ("employee_id", "year") `,
  `CREATE INDEX "idx_development_item_training" ON "development_plan_item" ("training_record_id") `,
  `CREATE INDEX "idx_development_item_catalog" ON "development_plan_item" ("catalog_id") `,
  `CREATE INDEX "idx_development_item_competency" ON "development_plan_item" ("competency_id") `,
  `CREATE INDEX "idx_development_item_plan" ON "development_plan_item" ("plan_id") `,
  `CREATE INDEX "idx_mentoring_mentee" ON "mentoring_relation" ("mentee_id") `,
  `CREATE INDEX "idx_mentoring_mentor" ON "mentoring_relation" ("mentor_id") `,
  `CREATE INDEX "idx_mentoring_session_relation" ON "mentoring_session" ("relation_id", "session_date") `,
  `CREATE INDEX "idx_position_history_snapshot" ON "position_history" ("snapshot_id") `,
  `CREATE INDEX "idx_position_history_unit" ON "position_history" ("unit_id") `,
  `CREATE INDEX "idx_position_history_position" ON "position_history" ("position_id") `,
  `CREATE INDEX "idx_position_history_employee" ON "position_history" ("employee_id", "tmt") `,
  `CREATE INDEX "idx_rank_history_snapshot" ON "rank_history" ("snapshot_id") `,
  `CREATE INDEX "idx_rank_history_employee" ON "rank_history" ("employee_id", "tmt") `,
  `CREATE INDEX "idx_performance_snapshot" ON "performance_evaluation" ("snapshot_id") `,
  `CREATE INDEX "idx_performance_year_period" ON "performance_evaluation" ("year", "period") `,
  `CREATE INDEX "idx_succession_candidate_employee" ON "succession_candidate" ("employee_id") `,
  `CREATE INDEX "idx_talent_session_unit" ON "talent_session" ("population_unit_id") `,
  `CREATE INDEX "idx_talent_session_year" ON "talent_session" ("year") `,
  `CREATE INDEX "idx_talent_placement_potential" ON "talent_placement" ("potential_id") `,
  `CREATE INDEX "idx_talent_placement_evaluation" ON "talent_placement" ("evaluation_id") `,
  `CREATE INDEX "idx_talent_placement_employee" ON "talent_placement" ("employee_id", "year") `,
];

// Trigram full-text index over names: "as you type" search matches any part of a name ("nurh" finds
// "Siti Nurhaliza") from the third letter on. External content: the text lives once, in employee.
// Case-insensitive name order for the Pegawai list (declared with synchronize: false in the entity).
const NAME_INDEXES = [
  `CREATE INDEX "idx_employee_name" ON "employee" ("name" COLLATE NOCASE)`,
  `CREATE INDEX "idx_employee_golongan_name" ON "employee" ("golongan", "name" COLLATE NOCASE)`,
];

const SEARCH_INDEX = [
  `CREATE VIRTUAL TABLE "employee_fts" USING fts5(name, content='employee', content_rowid='id', tokenize='trigram remove_diacritics 1')`,
  `CREATE TRIGGER "employee_fts_insert" AFTER INSERT ON "employee" BEGIN
     INSERT INTO "employee_fts"(rowid, name) VALUES (new.id, new.name);
   END`,
  `CREATE TRIGGER "employee_fts_delete" AFTER DELETE ON "employee" BEGIN
     INSERT INTO "employee_fts"("employee_fts", rowid, name) VALUES ('delete', old.id, old.name);
   END`,
  `CREATE TRIGGER "employee_fts_update" AFTER UPDATE OF name ON "employee" BEGIN
     INSERT INTO "employee_fts"("employee_fts", rowid, name) VALUES ('delete', old.id, old.name);
     INSERT INTO "employee_fts"(rowid, name) VALUES (new.id, new.name);
   END`,
];

// The same search on PostgreSQL: a pg_trgm GIN index on the same column serves `name ILIKE '%nurh%'` (and
// similarity()) with no second copy of the text and no triggers. pg_trgm is a trusted extension, so the owner of
// the database may create it. Diacritics still count here (SQLite's remove_diacritics has no twin without
// unaccent and an immutable wrapper; the PostgreSQL dialect of the search query decides that).
const POSTGRES_SEARCH_INDEX = [
  `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
  `CREATE INDEX "idx_employee_name_trgm" ON "employee" USING gin ("name" gin_trgm_ops)`,
];

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isPostgres(queryRunner)) {
      await ensureNocaseCollation(queryRunner);
      for (const sql of [...TABLES, ...NAME_INDEXES, ...POSTGRES_SEARCH_INDEX]) await query(queryRunner, sql);
      return; // a PostgreSQL database is recognised by its migrations table; it has no application_id
    }
    for (const sql of [...TABLES, ...NAME_INDEXES, ...SEARCH_INDEX]) await query(queryRunner, sql);
    // Marks the file as a Jenjang database, so a foreign SQLite file is recognised before anything touches it.
    await query(queryRunner, `PRAGMA application_id = ${JENJANG_APPLICATION_ID}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isPostgres(queryRunner)) await query(queryRunner, 'DROP INDEX "idx_employee_name_trgm"');
    else await query(queryRunner, 'DROP TABLE "employee_fts"');
    for (const table of [
      'talent_placement',
      'talent_session',
      'succession_candidate',
      'succession_plan',
      'performance_evaluation',
      'rank_history',
      'position_history',
      'mentoring_session',
      'mentoring_relation',
      'development_plan_item',
      'development_plan',
      'training_record',
      'training_catalog',
      'potential_assessment',
      'employee_competency_current',
      'competency_assessment',
      'import_issue',
      'employee',
      'position_competency_standard',
      'position',
      'unit',
      'app_setting',
      'audit_log',
      'import_mapping_profile',
      'import_snapshot',
      'competency_definition',
    ]) await query(queryRunner, `DROP TABLE "${table}"`);
    if (!isPostgres(queryRunner)) await query(queryRunner, 'PRAGMA application_id = 0');
  }
}
