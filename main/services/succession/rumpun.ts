// The rumpun of positions: the office sets one (or gives it back to Jenjang's proposal), and the settings screen
// gets the rumpun in use and related pairs proposed from where the holders of each JF family work.

import type { DataSource } from 'typeorm';
import { normaliseRumpun, proposeRelations } from '../../../shared/domain/succession';
import { AppError } from '../../../shared/errors';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { SqlDialect } from '../../db/sql';
import { managerRun } from '../../db/sql/run';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import { claimEditVersion } from '../versions/edit-version';

export class PositionRumpun {
  constructor(private readonly dataSource: DataSource, private readonly sql: SqlDialect, private readonly audit: AuditService, private readonly clock: Clock) {}

  /** From the position's version the screen read (the position's own version, shared with its key mark and
   *  competency standard): a stale save is refused with who changed the position and when, and writes nothing. */
  async set(positionId: number, expectedVersion: number, requested: string | null, actor: string): Promise<ResponseOf<'succession:setRumpun'>> {
    const read = managerRun(this.dataSource);
    const position = await this.sql.succession.positions.position(read, positionId);
    if (!position) throw new AppError('not_found', `Jabatan dengan ID ${positionId} tidak ditemukan.`);
    const setByOffice = requested !== null;
    const rumpun = setByOffice ? normaliseRumpun(requested) : await this.sql.succession.rumpun.proposalFor(read, positionId);
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const current = (await this.sql.succession.positions.position(run, positionId)) ?? position;
      const before = current.rumpun;
      if (before === rumpun && (current.rumpun_set_by_office === 1) === setByOffice && Number(current.version) === expectedVersion) {
        return { positionId, rumpun, rumpunSetByOffice: setByOffice, version: expectedVersion };
      }
      const version = await claimEditVersion(run, { table: 'position', key: positionId }, expectedVersion, { subject: 'Jabatan ini', actor, at: this.clock.now() });
      await this.sql.succession.rumpun.setRumpun(run, positionId, rumpun, setByOffice);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'position', entityId: positionId,
        summary: setByOffice ? `Menetapkan rumpun ${position.name}: ${rumpun}` : `Mengembalikan rumpun ${position.name} ke usulan Jenjang (${rumpun ?? 'tidak ada'})`,
        changes: [{ field: 'rumpun', label: 'Rumpun jabatan', before: before, after: rumpun }],
        before: { rumpun: before, setByOffice: current.rumpun_set_by_office === 1 }, after: { rumpun, setByOffice },
      });
      return { positionId, rumpun, rumpunSetByOffice: setByOffice, version };
    });
  }

  async options(): Promise<ResponseOf<'succession:rumpunOptions'>> {
    const read = managerRun(this.dataSource);
    const rumpun = await this.sql.succession.rumpun.inUse(read);
    const holders = await this.sql.succession.rumpun.familyHolders(read);
    return { rumpun, proposedRelations: proposeRelations(holders.map((h) => ({ family: h.family, opdName: h.opd_name, holders: h.holders }))) };
  }
}
