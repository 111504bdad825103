import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry } from '../../shared/ipc/channels/audit.channels';
import { AuditLogEntity } from '../db/entities';
import type { Clock } from './clock';

export interface AuditChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

export interface AuditRecord {
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  employeeId?: number | null;
  summary: string;
  changes?: AuditChange[];
  before?: unknown;
  after?: unknown;
}

/** The audit log. Writes always go through the caller's transaction manager, so a change and its log entry
 *  are committed together or not at all. */
export class AuditService {
  constructor(private readonly dataSource: DataSource, private readonly clock: Clock) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await manager.insert(AuditLogEntity, {
      at: this.clock.now(),
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      employeeId: entry.employeeId ?? null,
      summary: entry.summary,
      changes: entry.changes ? JSON.stringify(entry.changes) : null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    });
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
