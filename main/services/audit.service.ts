import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry } from '../../shared/schemas/audit';
import type { AuditChange, AuditSql, NewAuditEntry } from '../db/sql/audit.sql';
import { managerRun } from '../db/sql/run';
import type { Clock } from './clock';

export type { AuditChange };

/** An audit entry as services give it: the time comes from the clock. */
export type AuditRecord = Omit<NewAuditEntry, 'at'>;

/** The audit log. Writes always go through the caller's transaction manager, so a change and its log entry
 *  are committed together or not at all. */
export class AuditService {
  constructor(private readonly dataSource: DataSource, private readonly clock: Clock, private readonly sql: AuditSql) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await this.sql.write(managerRun(manager), { ...entry, at: this.clock.now() });
  }

  async list(filter: { employeeId?: number; entity?: string; offset: number; limit: number }): Promise<{ total: number; rows: AuditEntry[] }> {
    const { total, rows } = await this.sql.page(managerRun(this.dataSource), { employeeId: filter.employeeId, entity: filter.entity }, filter.offset, filter.limit);
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id ?? null,
        employeeId: r.employee_id ?? null,
        summary: r.summary,
        changes: r.changes ? (JSON.parse(r.changes) as AuditChange[]) : [],
      })),
    };
  }
}
