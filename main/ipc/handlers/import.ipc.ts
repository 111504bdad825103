import { AppError } from '../../../shared/errors';
import { formatPrintedBy } from '../../../shared/format/id-format';
import { IMPORT_KIND_LABELS } from '../../../shared/domain/import-fields';
import type { FileInfo } from '../../../shared/schemas/import';
import type { StoredFile } from '../../import/file-store';
import type { JobHandle } from '../../jobs/job-registry';
import { IMPORT_PREVIEW_LEASE_MS, withJobLock } from '../../services/locks/job-locks';
import type { HandlerContext, HandlerGroup } from '../handler-types';

export function fileInfo(file: StoredFile): FileInfo {
  return { fileId: file.id, name: file.name, size: file.size, sha256: file.sha256, format: file.format };
}

/** Runs `work` as a job when the caller gave a job id (progress events, cancel), plainly otherwise. */
function maybeJob<T>(context: HandlerContext, jobId: string | undefined, work: (job?: JobHandle) => Promise<T>): Promise<T> {
  return jobId ? context.jobs.run(jobId, (job) => work(job)) : work();
}

export const importHandlers: HandlerGroup<
  | 'import:preview' | 'import:replan' | 'import:discard' | 'import:issues' | 'import:diffRows' | 'import:commit' | 'import:rejectedXlsx' | 'import:history'
  | 'import:undo' | 'import:template' | 'import:sampleFile' | 'import:profiles' | 'import:saveProfile' | 'import:deleteProfile'
  | 'files:pick' | 'files:beginUpload' | 'files:appendUpload' | 'files:finishUpload'
> = {
  // An import is one person's from the preview to the commit: the preview takes the import lock for a while (renewed
  // by each step), the commit and the undo hold it for their whole run.
  async 'import:preview'(request, context) {
    const actor = await context.actor();
    await context.services.jobLocks.acquire('impor', actor, { leaseMs: IMPORT_PREVIEW_LEASE_MS });
    try {
      return await maybeJob(context, request.jobId, (job) => context.services.imports.preview(request, job));
    } catch (error) {
      // A preview that failed has nothing to commit: the import is free for others again.
      await context.services.jobLocks.release('impor', actor);
      throw error;
    }
  },
  async 'import:replan'(request, context) {
    await context.services.jobLocks.acquire('impor', await context.actor(), { leaseMs: IMPORT_PREVIEW_LEASE_MS });
    return context.services.imports.replan(request.previewId, request);
  },
  async 'import:discard'(request, context) {
    const actor = await context.actor();
    context.services.imports.discard(request.previewId);
    // Only the caller's own preview lease is released: never someone else's import, never a commit that runs.
    return { released: await context.services.jobLocks.releaseLease('impor', actor) };
  },
  'import:issues': async (request, { services }) => services.imports.issues(request),
  'import:diffRows': async (request, { services }) => services.imports.diffRows(request.previewId, request.category, request),

  async 'import:commit'(request, context) {
    const actor = await context.actor();
    const result = await withJobLock(context.services.jobLocks, 'impor', actor, () => context.jobs.run(request.jobId, (job) =>
      context.services.imports.commit(request.previewId, {
        createMissing: request.createMissing, markAbsent: request.markAbsent, duplicates: request.duplicates, confirmInstansi: request.confirmInstansi, actor, job,
      })));
    context.emit({ type: 'data:changed', scope: 'all' });
    return result;
  },

  async 'import:rejectedXlsx'(request, context) {
    const actor = await context.actor();
    const { logged, ...file } = await context.services.imports.rejectedWorkbook(request.previewId, formatPrintedBy(actor, context.services.clock.now()));
    await context.services.privacy.recordExport({
      actor, kind: 'impor-ditolak', title: 'Baris impor yang ditolak',
      parameters: [{ label: 'Berkas impor', value: logged.sourceFile }, ...(logged.kind ? [{ label: 'Jenis data', value: IMPORT_KIND_LABELS[logged.kind] }] : [])],
      format: 'xlsx', rowCount: logged.rowCount, fileName: file.fileName, via: context.runtime.transport,
    });
    return file;
  },
  'import:history': async (request, { services }) => services.imports.history(request),

  async 'import:undo'(request, context) {
    const actor = await context.actor();
    const result = await withJobLock(context.services.jobLocks, 'impor', actor, () => context.jobs.run(request.jobId, (job) => context.services.imports.undo(request.snapshotId, actor, job)));
    context.emit({ type: 'data:changed', scope: 'all' });
    return result;
  },

  'import:template': (request, { services }) => services.imports.template(request.kind),
  'import:sampleFile': async (_request, { services }) => fileInfo(await services.imports.sampleFile()),
  'import:profiles': async (request, { services }) => services.imports.profiles(request.kind),
  'import:saveProfile': async (request, context) => context.services.imports.saveProfile(request, await context.actor()),
  'import:deleteProfile': async (request, context) => context.services.imports.deleteProfile(request.id, await context.actor()),

  async 'files:pick'(_request, context) {
    if (!context.fileDialog) {
      throw new AppError('validation', 'Dialog berkas hanya ada di aplikasi desktop; di mode web pilih atau seret berkas ke halaman Impor Data.');
    }
    const picked = await context.fileDialog.openFile({
      title: 'Pilih berkas impor (CSV atau XLSX)',
      filters: [{ name: 'CSV atau Excel', extensions: ['csv', 'txt', 'xlsx'] }, { name: 'Semua berkas', extensions: ['*'] }],
    });
    return picked ? fileInfo(await context.services.files.registerPath(picked)) : null;
  },
  'files:beginUpload': async (request, { services }) => ({ uploadId: services.files.beginUpload(request.name, request.size) }),
  async 'files:appendUpload'(request, { services }) {
    const data = Buffer.from(request.base64, 'base64');
    services.files.appendUpload(request.uploadId, request.offset, data);
    return { received: request.offset + data.length };
  },
  'files:finishUpload': async (request, { services }) => fileInfo(await services.files.finishUpload(request.uploadId)),
};
