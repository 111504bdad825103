import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ensureNocaseCollation, isPostgres, query } from './dialect';

// Accounts: who logs in, with which role and (Operator OPD) which unit subtree, the Argon2id hash and the
// lockout state. The audit log and the import history keep the readable name they always had and gain the
// account's id beside it (no FK: the log outlives rows). The statements are what TypeORM derives from the
// entities (the drift test compares them).

export class Accounts1765400000000 implements MigrationInterface {
  name = 'Accounts1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The user name is compared without case (COLLATE NOCASE); on PostgreSQL that collation is ours to create.
    if (isPostgres(queryRunner)) await ensureNocaseCollation(queryRunner);
    await query(queryRunner, `CREATE TABLE "account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" text COLLATE NOCASE NOT NULL, "full_name" text NOT NULL, "nip" text, "role" text NOT NULL, "scope_unit_id" integer, "disabled" boolean NOT NULL DEFAULT (0), "password_hash" text NOT NULL, "must_change_password" boolean NOT NULL DEFAULT (0), "failed_logins" integer NOT NULL DEFAULT (0), "locked_until" text, "last_login_at" text, "created_at" text NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_41dfcb70af895ddf9a53094515b" UNIQUE ("username"), CONSTRAINT "FK_0ba4569efe894c0148762047021" FOREIGN KEY ("scope_unit_id") REFERENCES "unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await query(queryRunner, `CREATE INDEX "idx_account_scope_unit" ON "account" ("scope_unit_id") `);
    await query(queryRunner, `ALTER TABLE "audit_log" ADD COLUMN "account_id" integer`);
    await query(queryRunner, `CREATE INDEX "idx_audit_account" ON "audit_log" ("account_id", "at") `);
    await query(queryRunner, `ALTER TABLE "import_snapshot" ADD COLUMN "account_id" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `ALTER TABLE "import_snapshot" DROP COLUMN "account_id"`);
    await query(queryRunner, `DROP INDEX "idx_audit_account"`);
    await query(queryRunner, `ALTER TABLE "audit_log" DROP COLUMN "account_id"`);
    await query(queryRunner, `DROP INDEX "idx_account_scope_unit"`);
    await query(queryRunner, `DROP TABLE "account"`);
  }
}
