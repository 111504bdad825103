// Periodic data snapshots: preview (read, check, diff; never writes) → commit (today's daily copy when due, then
// one transaction with its change log) → history with undo of the last snapshot. Previews stay in memory, keyed by
// id, so the wizard can page through issues and the diff, change options, commit, and export the rejected rows.

import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { IMPORT_KIND_LABELS, IMPORT_KINDS, IMPORT_SPECS, type ImportKind } from '../../shared/domain/import-fields';
import { positionLevelLabel } from '../../shared/domain/position';
import { AppError } from '../../shared/errors';
import { formatDateTimeId } from '../../shared/format/id-format';
import type { ImportPreview, SnapshotRow } from '../../shared/schemas/import';
import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { rawConnection } from '../db/raw-connection';
import { importSnapshotsSql as sql } from '../db/sql/imports/snapshots.sql';
import { databaseStampOf } from '../db/sql/imports/plan.sql';
import { isPostgresManager, managerRun, type Run } from '../db/sql/run';
import { sampleSnapshotFile } from '../demo/sample-snapshot';
import { commitImport, type CommitResult } from '../import/commit';
import type { FileStore, StoredFile } from '../import/file-store';
import { buildRejectedWorkbook, buildTemplateWorkbook } from '../import/workbooks';
import { checkInstansi, confirmationMessage, type AgencyInstansi, type InstansiCheck } from '../import/instansi';
import { parseFile, planParsed, RECORD_SPECS, type DuplicatePolicy, type ParsedFile, type PlannedImport } from '../import/pipeline';
import { fileReads, serverReads, type PlanReads } from '../import/plan-reads';
import { undoSnapshot } from '../import/undo';
import type { ImportIssue } from '../import/types';
import type { JobHandle } from '../jobs/job-registry';
import { AGENCY_IDENTITY_KEY } from '../db/agency-settings';
import type { AgencyService } from './agency.service';
import type { AuditService } from './audit.service';
import type { Clock } from './clock';
import { XLSX_MIME } from './xlsx-export.service';

export type PreviewRequest = Omit<ParsedRequestOf<'import:preview'>, 'jobId'>;

export interface PlanChoices {
  createMissing?: boolean;
  markAbsent?: boolean;
  duplicates?: DuplicatePolicy;
}

interface Preview {
  id: string;
  parsed: ParsedFile;
  plan: PlannedImport | null;
  /** Mapping the preview was made with (for the snapshot record). */
  mappingUsed: Record<string, string | null>;
  elapsedMs: number;
}

// One preview at a time: a 50,000-row preview holds ~100 MB; a new preview (other file, mapping, sheet) replaces it.
const KEEP_PREVIEWS = 1;
/** Pre-import copies of the database that imports of earlier versions took, kept on disk (older ones are deleted
 *  after a commit); an import takes none now. */
const KEEP_BACKUPS = 5;

/** The sample snapshot file in team mode (it is written from SQLite's own connection): refused with this sentence. */
export const SAMPLE_FILE_NOT_IN_TEAM_MODE = 'Contoh berkas snapshot belum dapat dibuat di mode tim (server PostgreSQL) pada versi ini; '
  + 'gunakan berkas Data Utama SIASN yang sebenarnya, atau buat contohnya di satu meja dengan berkas SQLite.';

export class ImportService {
  private readonly previews = new Map<string, Preview>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    readonly files: FileStore,
    private readonly agency: AgencyService,
    /** Today's daily copy when due (BackupService.dailyIfDue), taken before an import writes; its path or null. */
    private readonly dailyBackupIfDue?: (job?: JobHandle) => Promise<string | null>,
  ) {}

  /** The database's own SQLite connection (a desk's file only). */
  private get sqliteConnection() {
    if (isPostgresManager(this.dataSource)) throw new AppError('validation', SAMPLE_FILE_NOT_IN_TEAM_MODE);
    return rawConnection(this.dataSource);
  }

  /** The service's own reads and small writes, on either database. */
  private get run(): Run {
    return managerRun(this.dataSource);
  }

  /** What planning reads: SQLite's prepared statements as the plan asks, or on a server everything loaded first. */
  private async planReads(parsed: ParsedFile): Promise<PlanReads> {
    if (!isPostgresManager(this.dataSource)) return fileReads(rawConnection(this.dataSource));
    const kind = parsed.kind!;
    return serverReads(this.run, kind, parsed.drafts, kind === 'pegawai' ? null : RECORD_SPECS[kind]);
  }

  private async plan(parsed: ParsedFile, options: Parameters<typeof planParsed>[2]): Promise<PlannedImport> {
    return planParsed(parsed, await this.planReads(parsed), options);
  }

  /** Whether a plan still matches the database: on a desk's file by its stamp; on a server never (other desks write
   *  without a counter to compare), so a commit there always plans again first. */
  private planIsCurrent(plan: PlannedImport): boolean {
    return plan.stamp !== null && !isPostgresManager(this.dataSource) && plan.stamp === databaseStampOf(rawConnection(this.dataSource));
  }

  // -------------------------------------------------------------------------------------------------------
  // Preview

  async preview(request: PreviewRequest, job?: JobHandle): Promise<ImportPreview> {
    const started = Date.now();
    const file = this.files.get(request.fileId);
    const already = await this.alreadyImported(file.sha256);
    if (already) throw this.alreadyImportedError(file, already);

    let mapping = request.mapping ?? {};
    if (request.profileId !== undefined) {
      const profile = await sql.profile(this.run, request.profileId);
      if (!profile) throw new AppError('not_found', 'Profil pemetaan kolom tidak ditemukan.');
      mapping = { ...(JSON.parse(profile.mapping) as Record<string, string | null>), ...mapping };
    }
    job?.progress('Membaca berkas', 0, 1);
    const parsed = await parseFile(file, { kind: request.kind, sheet: request.sheet, mapping, today: this.clock.today(), job });
    job?.progress('Membandingkan dengan database', 0, 1);
    // Units and positions a file names are created without asking only in an empty database (the first
    // snapshot); where units exist, creating them is the officer's explicit choice.
    const plan = parsed.blocking.length === 0 && parsed.kind
      ? await this.plan(parsed, { createMissing: request.createMissing ?? await this.emptyDatabase(), markAbsent: request.markAbsent, duplicates: request.duplicates, today: this.clock.today() })
      : null;
    const preview: Preview = { id: crypto.randomBytes(12).toString('base64url'), parsed, plan, mappingUsed: mapping, elapsedMs: Date.now() - started };
    this.previews.set(preview.id, preview);
    while (this.previews.size > KEEP_PREVIEWS) this.previews.delete(this.previews.keys().next().value!);
    return this.describe(preview);
  }

  async replan(previewId: string, options: PlanChoices): Promise<ImportPreview> {
    const preview = this.requirePreview(previewId);
    if (!preview.plan) return this.describe(preview);
    const started = Date.now();
    preview.plan = await this.plan(preview.parsed, { ...preview.plan.options, ...definedChoices(options), today: this.clock.today() });
    preview.elapsedMs = Date.now() - started;
    return this.describe(preview);
  }

  private async describe(preview: Preview): Promise<ImportPreview> {
    const { parsed, plan } = preview;
    const counts = plan?.counts ?? { rows: parsed.rows, accepted: 0, rejected: 0, warningRows: 0, errors: 0, warnings: 0 };
    const byColumn = new Map<string | null, { errors: number; warnings: number }>();
    for (const issue of plan?.issues ?? []) {
      const entry = byColumn.get(issue.column) ?? { errors: 0, warnings: 0 };
      if (issue.severity === 'error') entry.errors++;
      else entry.warnings++;
      byColumn.set(issue.column, entry);
    }
    const employeePlan = plan?.writable.kind === 'pegawai' ? plan.writable.plan : null;
    const recordPlan = plan && plan.writable.kind !== 'pegawai' ? plan.writable.plan : null;
    const unitName = (id: number | null) => (id === null ? null : employeePlan?.unitNames.get(id) ?? null);
    const emptyDatabase = await this.emptyDatabase();
    const check = plan ? await this.instansiCheck(plan) : null;
    return {
      previewId: preview.id,
      file: { name: parsed.file.name, size: parsed.file.size, sha256: parsed.file.sha256, format: parsed.format, encoding: parsed.encoding, delimiter: parsed.delimiter },
      sheets: parsed.sheets, sheet: parsed.sheet, headerRow: parsed.headerRow, kind: parsed.kind, detectedKind: parsed.detectedKind,
      mapping: parsed.mapping, blocking: parsed.blocking, counts,
      diff: plan?.diff ?? { new: 0, changed: 0, absent: 0, unchanged: 0 },
      newUnits: (employeePlan?.newUnits ?? []).map((u) => ({ name: u.name, parent: unitName(u.parent), code: u.code, kind: u.kind })),
      newPositions: (employeePlan?.newPositions ?? []).map((p) => ({
        name: p.name, code: p.code, level: p.level, levelLabel: positionLevelLabel(p.level),
        inferred: p.basis === 'eselon' ? 'dari eselon' : p.basis === 'name' ? 'dari nama jabatan' : p.basis === 'golongan' ? 'dari golongan pemegangnya' : 'bawaan (Pelaksana)',
      })),
      newReferences: (recordPlan?.created ?? []).map((c) => c.label),
      issueColumns: [...byColumn].map(([column, n]) => ({ column, ...n })).sort((a, b) => b.errors - a.errors || b.warnings - a.warnings),
      options: { createMissing: plan?.options.createMissing ?? emptyDatabase, markAbsent: plan?.options.markAbsent ?? false, duplicates: plan?.options.duplicates ?? 'keep-first', emptyDatabase },
      duplicateGroups: parsed.duplicates.length,
      localCorrections: {
        agreed: employeePlan?.corrections.agreed.length ?? 0,
        disagreeCount: employeePlan?.corrections.disagree.length ?? 0,
        disagree: (employeePlan?.corrections.disagree ?? []).slice(0, 200).map((c) => ({ nip: c.nip, name: c.name, field: c.label, corrected: c.corrected, siasn: c.siasn })),
      },
      instansi: check && parsed.kind === 'pegawai' ? { status: check.status, file: check.file, agency: check.agency } : null,
      alarms: check?.alarms ?? [],
      confirmationRequired: check?.confirmationRequired ?? false,
      alreadyImported: null,
      elapsedMs: preview.elapsedMs,
    };
  }

  async issues(filter: { previewId?: string; snapshotId?: number; severity?: 'error' | 'warning'; column?: string | null; search?: string; offset: number; limit: number }): Promise<{ total: number; rows: ImportIssue[] }> {
    if (filter.snapshotId !== undefined) {
      return sql.issues(this.run, { ...filter, snapshotId: filter.snapshotId });
    }
    const preview = this.requirePreview(filter.previewId!);
    const search = filter.search?.toLowerCase();
    const all = (preview.plan?.issues ?? []).filter((i) =>
      (!filter.severity || i.severity === filter.severity) &&
      (filter.column === undefined || i.column === filter.column) &&
      (!search || i.message.toLowerCase().includes(search) || (i.value ?? '').toLowerCase().includes(search) || String(i.row) === search));
    return { total: all.length, rows: all.slice(filter.offset, filter.offset + filter.limit) };
  }

  diffRows(previewId: string, category: 'new' | 'changed' | 'absent', paging: { search?: string; offset: number; limit: number }) {
    const plan = this.requirePreview(previewId).plan;
    type Row = { row: number | null; nip: string; name: string; label: string | null; changes: Array<{ field: string; label: string; before: string | null; after: string | null }> };
    let rows: Row[] = [];
    if (plan?.writable.kind === 'pegawai') {
      const p = plan.writable.plan;
      if (category === 'new') {
        rows = p.inserts.map((e) => ({
          row: e.row, nip: e.nip, name: String(e.values.name ?? ''), label: e.positionId !== null ? p.positionInfo.get(e.positionId)?.name ?? null : null,
          changes: e.unitId !== null ? [{ field: 'unitId', label: 'Unit kerja', before: null, after: p.unitNames.get(e.unitId) ?? null }] : [],
        }));
      } else if (category === 'changed') {
        rows = p.updates.map((u) => ({ row: u.row, nip: u.nip, name: u.name, label: null, changes: u.changes }));
      } else {
        rows = p.absent.map((a) => ({
          row: null, nip: a.nip, name: a.name, label: a.unitName,
          changes: [{ field: 'status', label: 'Status (usulan)', before: 'Aktif', after: a.proposedStatus === 'retired' ? 'Pensiun' : 'Pindah' }],
        }));
      }
    } else if (plan) {
      const p = plan.writable.plan;
      if (category === 'new') rows = p.inserts.map((r) => ({ row: r.row, nip: r.nip, name: r.name, label: r.label, changes: [] }));
      else if (category === 'changed') rows = p.updates.map((r) => ({ row: r.row, nip: r.nip, name: r.name, label: r.label, changes: r.changes }));
    }
    const search = paging.search?.trim().toLowerCase();
    if (search) rows = rows.filter((r) => r.nip.includes(search) || r.name.toLowerCase().includes(search));
    return { total: rows.length, rows: rows.slice(paging.offset, paging.offset + paging.limit) };
  }

  // -------------------------------------------------------------------------------------------------------
  // Commit

  async commit(previewId: string, options: PlanChoices & { confirmInstansi?: boolean; actor: string; job?: JobHandle }) {
    const started = Date.now();
    const preview = this.requirePreview(previewId);
    const { parsed } = preview;
    if (!preview.plan) {
      throw new AppError('validation', parsed.blocking[0] ?? 'Berkas belum dapat diimpor.', { rejectedFile: true });
    }
    const already = await this.alreadyImported(parsed.file.sha256);
    if (already) throw this.alreadyImportedError(parsed.file, already);
    // Plan again when the options changed or the database changed since the preview (another edit, import).
    const wanted = { ...preview.plan.options, ...definedChoices(options) };
    const current = preview.plan.options;
    if (!this.planIsCurrent(preview.plan) || wanted.createMissing !== current.createMissing || wanted.markAbsent !== current.markAbsent || wanted.duplicates !== current.duplicates) {
      preview.plan = await this.plan(parsed, { ...wanted, today: this.clock.today() });
    }
    const plan = preview.plan;
    const result = await this.write(plan, preview.mappingUsed, options.actor, options.job, { confirmed: options.confirmInstansi ?? false, how: 'centang konfirmasinya di pratinjau' });
    return { snapshotId: result.snapshotId, counts: plan.counts, diff: plan.diff, backupPath: result.backupPath, elapsedMs: Date.now() - started };
  }

  /**
   * Whose snapshot it is (employee snapshots): the file's instansi against the one recorded with the agency
   * identity, and whether most of its NIPs are unknown to a database that already holds employees.
   */
  async instansiCheck(plan: PlannedImport): Promise<InstansiCheck> {
    if (plan.writable.kind !== 'pegawai') return { status: 'unknown', file: [], agency: null, alarms: [], confirmationRequired: false };
    const employees = plan.writable.plan;
    return checkInstansi({
      fileInstansi: plan.parsed.employees!.presence.instansi.values(), agency: await this.agencyInstansi(),
      storedEmployees: employees.storedEmployees, fileNips: plan.parsed.employees!.presence.nips.size, knownNips: employees.knownNips,
    });
  }

  private async agencyInstansi(): Promise<AgencyInstansi | null> {
    const value = await sql.settingValue(this.run, AGENCY_IDENTITY_KEY);
    if (value === null) return null;
    try {
      const identity = JSON.parse(value) as { instansiIndukId?: string | null; instansiIndukName?: string | null };
      return identity.instansiIndukId || identity.instansiIndukName ? { id: identity.instansiIndukId ?? null, name: identity.instansiIndukName ?? null } : null;
    } catch {
      return null;
    }
  }

  private emptyDatabase(): Promise<boolean> {
    return sql.noUnits(this.run);
  }

  private async write(plan: PlannedImport, mapping: Record<string, string | null>, actor: string, job: JobHandle | undefined, confirmation: { confirmed: boolean; how: string }): Promise<CommitResult> {
    const { parsed } = plan;
    if (plan.counts.accepted === 0) {
      throw new AppError('validation', `Tidak ada baris yang dapat diimpor: semua ${plan.counts.rows} baris berisi kesalahan. Ekspor baris yang ditolak, perbaiki, lalu impor lagi.`, { rejectedFile: true });
    }
    const check = await this.instansiCheck(plan);
    if (check.confirmationRequired && !confirmation.confirmed) {
      throw new AppError('validation', confirmationMessage(check, confirmation.how), { rejectedFile: true, confirmationRequired: true, instansi: check.status });
    }
    const result = await commitImport({
      dataSource: this.dataSource,
      header: {
        kind: parsed.kind!, fileName: parsed.file.name, sha256: parsed.file.sha256, rowCount: plan.counts.rows,
        acceptedCount: plan.counts.accepted, rejectedCount: plan.counts.rejected,
        summary: { diff: plan.diff, warnings: plan.counts.warnings, errors: plan.counts.errors, sheet: parsed.sheet, headerRow: parsed.headerRow, options: plan.options },
        mapping: { ...Object.fromEntries(parsed.mapping.filter((m) => m.normalised).map((m) => [m.normalised, m.field])), ...mapping },
      },
      issues: plan.issues, writable: plan.writable, actor, now: this.clock.now(), today: this.clock.today(), job,
      dailyBackupIfDue: this.dailyBackupIfDue,
    });
    // The first snapshot's instansi, confirmed, becomes the agency's own.
    if (check.status === 'new') await this.agency.recordInstansi({ id: check.file[0].id, name: check.file[0].name }, actor);
    await this.pruneBackups();
    return result;
  }

  /** One pass for the CLI and the bench: read, check and plan a file (never writes). */
  async planFile(file: StoredFile, options: { kind?: ImportKind; sheet?: string; createMissing: boolean; markAbsent: boolean; duplicates?: DuplicatePolicy; job?: JobHandle }): Promise<PlannedImport> {
    const already = await this.alreadyImported(file.sha256);
    if (already) throw this.alreadyImportedError(file, already);
    const parsed = await parseFile(file, { kind: options.kind, sheet: options.sheet, today: this.clock.today(), job: options.job });
    if (parsed.blocking.length > 0 || !parsed.kind) {
      throw new AppError('validation', parsed.blocking.join(' '), { rejectedFile: true, blocking: parsed.blocking });
    }
    return this.plan(parsed, { createMissing: options.createMissing || await this.emptyDatabase(), markAbsent: options.markAbsent, duplicates: options.duplicates ?? 'keep-first', today: this.clock.today() });
  }

  /**
   * Commits a plan from planFile (re-planned when the database changed in between). `confirmed` is the caller's
   * yes to what instansiCheck asks; `how` says, in the refusal, how to give it.
   */
  async commitPlan(plan: PlannedImport, actor: string, job: JobHandle | undefined, confirmation: { confirmed: boolean; how: string }): Promise<CommitResult> {
    const current = this.planIsCurrent(plan) ? plan : await this.plan(plan.parsed, plan.options);
    return this.write(current, {}, actor, job, confirmation);
  }

  /** `stats --json` "imports": committed and undone snapshots, per kind, and the latest commit. */
  async stats() {
    const rows = await sql.countsByKindAndStatus(this.run) as Array<{ kind: ImportKind; status: string; n: number; latest: string }>;
    const byKind = Object.fromEntries(IMPORT_KINDS.map((k) => [k, 0])) as Record<ImportKind, number>;
    let committed = 0;
    let undone = 0;
    let lastImportedAt: string | null = null;
    for (const row of rows) {
      if (row.status === 'committed') {
        committed += Number(row.n);
        byKind[row.kind] = (byKind[row.kind] ?? 0) + Number(row.n);
        if (!lastImportedAt || row.latest > lastImportedAt) lastImportedAt = row.latest;
      } else undone += Number(row.n);
    }
    return { committed, undone, byKind, lastImportedAt };
  }

  // -------------------------------------------------------------------------------------------------------
  // History and undo

  async history(paging: { offset: number; limit: number }): Promise<{ total: number; rows: SnapshotRow[] }> {
    const { total, latestCommitted, rows } = await sql.history(this.run, paging);
    return {
      total,
      rows: rows.map((r) => {
        let diff: SnapshotRow['diff'] = null;
        try {
          diff = (JSON.parse(String(r.summary ?? '{}')) as { diff?: SnapshotRow['diff'] }).diff ?? null;
        } catch {
          diff = null;
        }
        return {
          id: r.id, kind: r.kind, fileName: r.file_name, sha256: r.sha256,
          rowCount: r.row_count, acceptedCount: r.accepted_count, rejectedCount: r.rejected_count, diff,
          status: r.status, importedBy: r.imported_by, importedAt: r.imported_at,
          undoneAt: r.undone_at ?? null, backupPath: r.backup_path ?? null,
          canUndo: r.status === 'committed' && r.id === latestCommitted,
        };
      }),
    };
  }

  undo(snapshotId: number, actor: string, job?: JobHandle) {
    return undoSnapshot(this.dataSource, snapshotId, { actor, now: this.clock.now(), job });
  }

  // -------------------------------------------------------------------------------------------------------
  // Files out: rejected rows, templates, a sample snapshot

  async rejectedWorkbook(previewId: string, printedBy: string | null = null) {
    const preview = this.requirePreview(previewId);
    if (!preview.plan || preview.plan.counts.rejected === 0) throw new AppError('validation', 'Tidak ada baris yang ditolak untuk diekspor.');
    const { buffer, rowCount } = await buildRejectedWorkbook(preview.parsed, preview.plan, printedBy);
    const base = preview.parsed.file.name.replace(/\.[^.]+$/, '').replace(/[^\w\-]+/g, '-').slice(0, 60) || 'impor';
    return {
      fileName: `${base}-baris-ditolak.xlsx`, mimeType: XLSX_MIME, base64: buffer.toString('base64'),
      logged: { sourceFile: preview.parsed.file.name, kind: preview.parsed.kind, rowCount },
    };
  }

  async template(kind: ImportKind) {
    const buffer = await buildTemplateWorkbook(kind);
    return { fileName: `templat-impor-${kind}.xlsx`, mimeType: XLSX_MIME, base64: buffer.toString('base64') };
  }

  /** A SIASN pipe file of the employees in the database, with some realistic changes, registered for preview. */
  async sampleFile(): Promise<StoredFile> {
    const content = sampleSnapshotFile(this.sqliteConnection, this.clock.today());
    return this.files.saveStream(Readable.from([content]), `contoh-siasn-data-utama-${this.clock.today()}.csv`);
  }

  // -------------------------------------------------------------------------------------------------------
  // Mapping profiles

  async profiles(kind?: ImportKind) {
    return (await sql.profiles(this.run, kind)).map((r) => ({ id: r.id, name: r.name, kind: r.kind as ImportKind, mapping: JSON.parse(r.mapping) as Record<string, string | null>, createdAt: r.created_at }));
  }

  async saveProfile(input: { name: string; kind: ImportKind; mapping: Record<string, string | null> }, actor: string) {
    const allowed = new Set(IMPORT_SPECS[input.kind].fields.map((f) => f.key));
    for (const [header, field] of Object.entries(input.mapping)) {
      if (field !== null && !allowed.has(field) && !(input.kind === 'kompetensi' && /^comp:[A-Z]{1,3}\.\d{2}$/.test(field))) {
        throw new AppError('validation', `Kolom "${header}" dipetakan ke isian yang tidak dikenal untuk ${IMPORT_KIND_LABELS[input.kind]}: ${field}.`);
      }
    }
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const existing = await sql.profileIdByName(run, input.name);
      let id: number;
      if (existing !== null) {
        id = existing;
        await sql.updateProfile(run, id, input.kind, JSON.stringify(input.mapping));
      } else {
        id = await sql.insertProfile(run, input.name, input.kind, JSON.stringify(input.mapping), this.clock.now());
      }
      await this.audit.record(manager, { actor, action: existing !== null ? 'update' : 'create', entity: 'import_mapping_profile', entityId: id, summary: `Menyimpan profil pemetaan kolom "${input.name}" (${IMPORT_KIND_LABELS[input.kind]})` });
      return { id };
    });
  }

  async deleteProfile(id: number, actor: string) {
    await this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const name = await sql.profileName(run, id);
      if (name === null) throw new AppError('not_found', 'Profil pemetaan kolom tidak ditemukan.');
      await sql.deleteProfile(run, id);
      await this.audit.record(manager, { actor, action: 'delete', entity: 'import_mapping_profile', entityId: id, summary: `Menghapus profil pemetaan kolom "${name}"` });
    });
    return {};
  }

  /** Drops a preview nobody will commit (an unknown id is already gone: nothing to do). */
  discard(previewId: string): void {
    this.previews.delete(previewId);
  }

  // -------------------------------------------------------------------------------------------------------

  private requirePreview(previewId: string): Preview {
    const preview = this.previews.get(previewId);
    if (!preview) throw new AppError('not_found', 'Pratinjau impor sudah tidak tersedia (mungkin digantikan pratinjau lain); pilih berkasnya sekali lagi.');
    return preview;
  }

  private alreadyImported(sha256: string) {
    return sql.committedWithSha(this.run, sha256);
  }

  private alreadyImportedError(file: StoredFile, previous: { id: number; file_name: string; imported_at: string }): AppError {
    return new AppError('conflict', `Berkas "${file.name}" sudah pernah diimpor pada ${formatDateTimeId(previous.imported_at)} (snapshot #${previous.id}, ${previous.file_name}); isinya sama persis (SHA-256), jadi tidak diimpor lagi. Bila impor itu keliru, batalkan dulu dari Riwayat impor.`,
      { rejectedFile: true, snapshotId: previous.id });
  }

  /** Keeps the pre-import copies of the latest KEEP_BACKUPS snapshots; older copies are deleted. */
  private async pruneBackups(): Promise<void> {
    const old = (await sql.withBackupOn(this.run)).slice(KEEP_BACKUPS);
    for (const row of old) {
      fs.rmSync(row.backup_path, { force: true });
      await sql.clearBackup(this.run, row.id);
    }
  }
}

/** The choices a request actually makes; those it leaves out keep the preview's. */
function definedChoices(choices: PlanChoices): PlanChoices {
  const defined: PlanChoices = {};
  if (choices.createMissing !== undefined) defined.createMissing = choices.createMissing;
  if (choices.markAbsent !== undefined) defined.markAbsent = choices.markAbsent;
  if (choices.duplicates !== undefined) defined.duplicates = choices.duplicates;
  return defined;
}
