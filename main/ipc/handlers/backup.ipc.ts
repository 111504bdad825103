import { AppError } from '../../../shared/errors';
import type { JobHandle } from '../../jobs/job-registry';
import type { HandlerContext, HandlerGroup } from '../handler-types';

export const backupHandlers: HandlerGroup<
  'backup:list' | 'backup:create' | 'backup:dailyIfDue' | 'backup:settings' | 'backup:updateSettings' | 'backup:pick' | 'backup:inspect' | 'backup:restore'
> = {
  async 'backup:list'(_request, { services }) {
    return { folder: services.backup.folder(), backups: services.backup.list(), settings: await services.backup.settings.read(), teamMode: services.backup.teamMode };
  },

  async 'backup:create'(request, context) {
    const actor = await context.actor();
    return context.jobs.run(request.jobId, (job) => context.services.backup.create(job, actor));
  },

  'backup:dailyIfDue': (_request, { services }) => services.backup.dailyIfDue(),

  'backup:settings': (_request, { services }) => services.backup.settings.read(),

  async 'backup:updateSettings'(request, context) {
    const result = await context.services.backup.updateSettings(request, await context.actor());
    context.emit({ type: 'data:changed', scope: 'settings' });
    return result;
  },

  async 'backup:pick'(_request, context) {
    if (!context.fileDialog) {
      throw new AppError('validation', 'Dialog berkas hanya ada di aplikasi desktop; di mode web pilih berkas cadangan dengan tombol unggah.');
    }
    const picked = await context.fileDialog.openFile({
      title: 'Pilih berkas cadangan database Jenjang',
      filters: [{ name: 'Database Jenjang (SQLite)', extensions: ['sqlite', 'db', 'sqlite3'] }, { name: 'Semua berkas', extensions: ['*'] }],
    });
    return picked ? context.services.backup.registerPicked(picked) : null;
  },

  'backup:inspect': (request, context) => maybeJob(context, request.jobId, (job) => context.services.backup.inspect(request.source, job, request.recoveryKey)),

  async 'backup:restore'(request, context) {
    const actor = await context.actor();
    const outcome = await context.jobs.run(request.jobId, (job) =>
      context.services.backup.restore(request.source, context.reopenDatabase, job, request.recoveryKey));
    // The services now stand on the restored database: the entry is written there.
    const services = context.services;
    await services.backup.recordRestore(actor, outcome.name, outcome.replaced, outcome.previousCopy);
    context.emit({ type: 'data:changed', scope: 'all' });
    return { restored: outcome.restored, previousCopy: services.backup.entryFor(outcome.previousCopy, 'sebelum-restore'), name: outcome.name };
  },
};

function maybeJob<T>(context: HandlerContext, jobId: string | undefined, work: (job?: JobHandle) => Promise<T>): Promise<T> {
  return jobId ? context.jobs.run(jobId, (job) => work(job)) : work();
}
