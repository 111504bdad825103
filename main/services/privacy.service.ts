// Personal data in use: the export log (who took which data out of the app, when, with which filters) and the
// retention of the raw cell values an import keeps for its issue list.

import type { DataSource } from 'typeorm';
import { formatNumberId } from '../../shared/format/id-format';
import {
  privacySettings, type ExportLogEntry, type ExportParameter, type PrivacySettings,
} from '../../shared/schemas/privacy';
import { isIsoDate } from '../../shared/domain/dates';
import { rawConnection } from '../db/raw-connection';
import type { ExportLogFilter, PrivacySql } from '../db/sql/privacy.sql';
import { connectionRun, isPostgresManager, managerRun } from '../db/sql/run';
import type { Clock } from './clock';
import type { SettingsSectionDefinition } from './settings/settings-section';

export const DEFAULT_IMPORT_VALUE_RETENTION_DAYS = 90;

export const PRIVACY_SETTINGS: SettingsSectionDefinition<PrivacySettings> = {
  prefix: 'privacy',
  title: 'data pribadi',
  schema: privacySettings,
  defaults: { importValueRetentionDays: DEFAULT_IMPORT_VALUE_RETENTION_DAYS },
  labels: { importValueRetentionDays: 'Masa simpan nilai sel impor' },
  display: { importValueRetentionDays: (days) => `${formatNumberId(days)} hari` },
};

/** What the call that produces a file tells the log. */
export interface ExportRecord {
  actor: string;
  accountId?: number | null;
  /** A report id, or 'tabel' (an on-screen table), 'usulan-kp', 'usulan-kgb', 'usulan-satyalancana', 'impor-ditolak'. */
  kind: string;
  title: string;
  parameters: readonly ExportParameter[];
  format: 'pdf' | 'xlsx';
  rowCount?: number | null;
  pageCount?: number | null;
  fileName: string;
  forLeadership?: boolean;
  /** The process that produced it: the app's transport, or 'cli'. */
  via: string;
}

/** How long a log write waits for another request's transaction on the one writer connection to end. */
const TRANSACTION_WAIT_MS = 10 * 60 * 1000;

export class PrivacyService {
  constructor(private readonly dataSource: DataSource, private readonly clock: Clock, private readonly sql: PrivacySql) {}

  /**
   * Logs one produced file. The insert is one autocommit statement on the writer connection, made while no
   * transaction is open on it: exclusive channels call this from the writer's queue (nothing else is open then),
   * and the PDF export, which runs beside the queue because its print page calls reports:render, waits here for
   * a running transaction (an import, say) to end, so its log line never joins, or is rolled back with, someone
   * else's transaction. better-sqlite3 is synchronous, so nothing can open one between the check and the insert.
   * On a server (team mode) every statement outside a transaction takes a pooled connection of its own, so the
   * insert is an autocommit statement there at once.
   */
  async recordExport(record: ExportRecord): Promise<void> {
    const row = {
      at: this.clock.now(),
      actor: record.actor,
      accountId: record.accountId ?? null,
      kind: record.kind,
      title: record.title,
      parameters: JSON.stringify(record.parameters),
      format: record.format,
      rowCount: record.rowCount ?? null,
      pageCount: record.pageCount ?? null,
      fileName: record.fileName,
      forLeadership: record.forLeadership ?? false,
      via: record.via,
    };
    if (isPostgresManager(this.dataSource)) {
      await this.sql.insertExportLog(managerRun(this.dataSource), row);
      return;
    }
    const db = rawConnection(this.dataSource);
    const deadline = Date.now() + TRANSACTION_WAIT_MS;
    while (db.inTransaction && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    await this.sql.insertExportLog(connectionRun(db), row);
  }

  async exportLog(query: { actor?: string; kind?: string; from?: string; to?: string; offset: number; limit: number }): Promise<{
    total: number; rows: ExportLogEntry[]; actors: string[]; kinds: Array<{ kind: string; title: string }>;
  }> {
    const filter: ExportLogFilter = { actor: query.actor, kind: query.kind };
    // Days are the office's days: a log line's local time decides which day it belongs to.
    if (query.from && isIsoDate(query.from)) filter.fromAt = localDayStart(query.from).toISOString();
    if (query.to && isIsoDate(query.to)) {
      const next = localDayStart(query.to);
      next.setDate(next.getDate() + 1);
      filter.beforeAt = next.toISOString();
    }
    const run = managerRun(this.dataSource);
    const [total, rows, actors, kinds] = [
      await this.sql.countExportLog(run, filter),
      await this.sql.exportLogPage(run, filter, query.offset, query.limit),
      await this.sql.exportLogActors(run),
      await this.sql.exportLogKinds(run),
    ];
    return {
      total,
      actors,
      kinds,
      rows: rows.map((r) => ({
        id: r.id, at: r.at, actor: r.actor, accountId: r.account_id, kind: r.kind, title: r.title,
        parameters: parseParameters(r.parameters), format: r.format === 'pdf' ? 'pdf' : 'xlsx',
        rowCount: r.row_count, pageCount: r.page_count, fileName: r.file_name, forLeadership: r.for_leadership === 1, via: r.via,
      })),
    };
  }

  /**
   * Removes the raw cell values of the issue lists of imports older than the retention period. The import history
   * keeps its rows, counts and messages. One UPDATE statement: all or nothing.
   */
  async applyRetention(retentionDays: number): Promise<{ clearedValues: number; cutoff: string }> {
    const cutoff = new Date(Date.parse(this.clock.now()) - retentionDays * 24 * 60 * 60 * 1000).toISOString();
    const clearedValues = await this.sql.clearImportIssueValues(isPostgresManager(this.dataSource) ? managerRun(this.dataSource) : connectionRun(rawConnection(this.dataSource)), cutoff);
    return { clearedValues, cutoff };
  }
}

function localDayStart(isoDay: string): Date {
  const [year, month, day] = isoDay.split('-').map(Number);
  return new Date(year, month - 1, day);
}

function parseParameters(json: string): ExportParameter[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((p): p is ExportParameter => typeof p?.label === 'string' && typeof p?.value === 'string') : [];
  } catch {
    return [];
  }
}
