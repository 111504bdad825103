import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';

// The readiness of every person for the next steps of the pola karier, kept on write (main/db/career-readiness.ts)
// so the Jalur Karier graph reads counts instead of judging 50,000 people on each call. Empty after this
// migration: until the first full evaluation (the first write that touches career facts, a path edit, or the
// demo) the graph evaluates everyone as before. The statements are what TypeORM derives from
// main/db/entities/career-readiness.entity.ts (the drift test compares them).

export class CareerReadiness1765600000100 implements MigrationInterface {
  name = 'CareerReadiness1765600000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `CREATE TABLE "career_step_readiness" ("employee_id" integer NOT NULL, "step_id" integer NOT NULL, "as_of" text NOT NULL, "ready" integer NOT NULL, "ready_on" text, "valid_until" text, CONSTRAINT "FK_7362cec7bcd8d9a24ed3fac0b60" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("employee_id", "step_id"))`);
    await query(queryRunner, `CREATE INDEX "idx_career_step_readiness_step" ON "career_step_readiness" ("step_id") `);
    await query(queryRunner, `CREATE TABLE "career_readiness_state" ("id" integer PRIMARY KEY NOT NULL, "as_of" text NOT NULL, "signature" text NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `DROP TABLE "career_readiness_state"`);
    await query(queryRunner, `DROP TABLE "career_step_readiness"`);
  }
}
