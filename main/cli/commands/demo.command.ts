import { AppError } from '../../../shared/errors';
import { DEMO_DEFAULT_EMPLOYEES } from '../../../shared/ipc/channels/app.channels';
import { formatNumberId } from '../../../shared/format/id-format';
import { startHost } from '../../host';
import type { Command } from '../command';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo --db PATH [--employees N] [--seed S] [--json]',
  summary: 'Membuat database demo (kabupaten fiktif Sindangraja) di berkas yang masih kosong.',
  async run(args, io) {
    args.rejectUnknown(['db', 'employees', 'seed', 'json']);
    const dbPath = args.required('db');
    const employees = args.integer('employees', 10, 50_000) ?? DEMO_DEFAULT_EMPLOYEES;
    const seed = args.integer('seed', 0, 2 ** 31 - 1) ?? 2026;
    const host = await startHost({ dbPath, transport: 'test', create: true });
    try {
      const actor = await host.services.settings.actor();
      let lastPhase = '';
      const result = await host.services.demo.load({
        employees, seed, actor,
        job: {
          jobId: 'cli', cancelled: false, throwIfCancelled() {},
          progress(phase) {
            if (phase !== lastPhase) io.note(`${phase}…`);
            lastPhase = phase;
          },
        },
      });
      if (args.flag('json')) io.out(JSON.stringify({ db: dbPath, seed, ...result }));
      else io.out(`Data demo dibuat di ${dbPath}: ${formatNumberId(result.employees)} pegawai, ${formatNumberId(result.units)} unit kerja, ${formatNumberId(result.positions)} jabatan (${formatNumberId(result.elapsedMs / 1000, 1)} detik).`);
      return 0;
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') {
        throw new AppError('conflict', `${error.message} Pakai --db ke berkas baru.`);
      }
      throw error;
    } finally {
      await host.close();
    }
  },
};
