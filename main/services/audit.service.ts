import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry } from '../../shared/schemas/audit';
import { writeAudit, type AuditChange, type NewAuditEntry } from '../db/sql/audit.sql';
import { managerRun } from '../db/sql/run';
import type { Clock } from './clock';

export type { AuditChange };

/** An audit entry as services give it: the time comes from the clock. */
export type AuditRecord = Omit<NewAuditEntry, 'at'>;

/** The audit log. Writes always go through the caller's transaction manager, so a change and its log entry
 *  are committed together or not at all. */
export class AuditService {
  constructor(private readonly dataSource: DataSource, private readonly clock: Clock) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await writeAudit(managerRun(manager), { ...entry, at: this.clock.now() });
  }

  async list(filter: { employeeId?: number; entity?: string; offset: number; limit: number }): Promise<{ total: number; rows: AuditEntry[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.employeeId !== undefined) {
      where.push('employee_id = ?');
      params.push(filter.employeeId);
    }
    if (filter.entity !== undefined) {
      where.push('entity = ?');
      params.push(filter.entity);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM audit_log ${clause}`, params);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT id, at, actor, action, entity, entity_id, employee_id, summary, changes FROM audit_log ${clause}
       ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`,
      [...params, filter.limit, filter.offset],
    );
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id as number,
        at: r.at as string,
        actor: r.actor as string,
        action: r.action as string,
        entity: r.entity as string,
        entityId: (r.entity_id as number | null) ?? null,
        employeeId: (r.employee_id as number | null) ?? null,
        summary: r.summary as string,
        changes: r.changes ? (JSON.parse(r.changes as string) as AuditChange[]) : [],
      })),
    };
  }
}
