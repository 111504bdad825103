import type { MigrationInterface, QueryRunner } from 'typeorm';
import { query } from './dialect';
import { proposeRumpun } from '../../../shared/domain/succession/rumpun';

// Succession ranking by rumpun jabatan: each position carries a rumpun (the JF family for a functional post, the
// field of its perangkat daerah for the others; shared/domain/succession/rumpun.ts), proposed by Jenjang and kept
// up to date by a derived refresher until the office sets it (rumpun_set_by_office). Existing positions get the
// proposal here. The column statements are what TypeORM derives from the entity (the drift test compares them).

export class PositionRumpun1765100000000 implements MigrationInterface {
  name = 'PositionRumpun1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `ALTER TABLE "position" ADD COLUMN "rumpun" text`);
    await query(queryRunner, `ALTER TABLE "position" ADD COLUMN "rumpun_set_by_office" boolean NOT NULL DEFAULT (0)`);
    const positions: Array<{ id: number; kind: string; family: string | null; opd_name: string | null }> = await query(queryRunner, 
      `SELECT p.id, p.kind, p.family, r.name AS opd_name FROM position p LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN unit r ON r.id = u.root_id`);
    for (const p of positions) {
      const rumpun = proposeRumpun({ kind: p.kind, family: p.family, opdName: p.opd_name });
      if (rumpun) await query(queryRunner, `UPDATE "position" SET "rumpun" = ? WHERE "id" = ?`, [rumpun, p.id]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, `ALTER TABLE "position" DROP COLUMN "rumpun_set_by_office"`);
    await query(queryRunner, `ALTER TABLE "position" DROP COLUMN "rumpun"`);
  }
}
