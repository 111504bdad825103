import { AppError } from '../../../shared/errors';
import { DEMO_DEFAULT_EMPLOYEES } from '../../../shared/schemas/app';
import { formatNumberId } from '../../../shared/format/id-format';
import fs from 'node:fs';
import { summariseDatabase, withReadOnlyConnection } from '../../db/database-check';
import { JENJANG_APPLICATION_ID } from '../../db/database-identity';
import { inspectDatabaseFile } from '../../db/open-database';
import { actorLabel, SYSTEM_ACTOR } from '../../../shared/auth/acting';
import { ROLE_LABELS } from '../../../shared/auth/roles';
import { startHost } from '../../host';
import { actAsUser } from '../authenticate';
import type { Command } from '../command';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo --db PATH [--user NAMA] [--employees N] [--seed S] [--json]',
  summary: 'Membuat database demo (kabupaten fiktif Sindangraja) beserta satu akun demo per peran di berkas yang masih kosong. --user hanya bila database itu sudah punya akun.',
  acceptsServer: true,
  async run(args, io) {
    args.rejectUnknown(['db', 'user', 'employees', 'seed', 'json']);
    const dbPath = args.required('db');
    const employees = args.integer('employees', 10, 50_000) ?? DEMO_DEFAULT_EMPLOYEES;
    const seed = args.integer('seed', 0, 2 ** 31 - 1) ?? 2026;
    refuseDatabaseWithData(dbPath);
    const host = await startHost({ dbPath, transport: 'test', create: true });
    try {
      // A database that already has accounts (made by `init --admin`) is written as one of them; a new file has
      // none yet, and the demo creates them.
      const actor = (await host.services.accounts.hasAccounts()) ? actorLabel(await actAsUser(host, args, 'settings')) : SYSTEM_ACTOR.fullName;
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
      if (args.flag('json')) {
        io.out(JSON.stringify({ db: dbPath, seed, ...result, accounts: result.accounts.map(({ username, password, role }) => ({ username, password, role })) }));
      } else {
        io.out(`Data demo dibuat di ${dbPath}: ${formatNumberId(result.employees)} pegawai, ${formatNumberId(result.units)} unit kerja, ${formatNumberId(result.positions)} jabatan (${formatNumberId(result.elapsedMs / 1000, 1)} detik).`);
        if (result.accounts.length > 0) {
          io.out('Akun demo (hanya untuk mencoba; kata sandinya tercantum di README):');
          for (const account of result.accounts) io.out(`  ${account.username.padEnd(10)} ${account.password.padEnd(18)} ${ROLE_LABELS[account.role]}`);
        }
      }
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

/** A database that already holds data is refused before it is opened for writing, so the refusal leaves it
 *  exactly as it was (opening would bring an older schema up to date first). */
function refuseDatabaseWithData(dbPath: string): void {
  const stat = fs.statSync(dbPath, { throwIfNoEntry: false });
  if (!stat?.isFile() || stat.size === 0) return;
  const inspection = inspectDatabaseFile(dbPath);
  if (inspection.applicationId !== JENJANG_APPLICATION_ID || !inspection.tables.includes('employee') || !inspection.tables.includes('audit_log')) return;
  const { employees, units } = withReadOnlyConnection(dbPath, (db) => summariseDatabase(db, inspection.appliedMigrations));
  if (employees > 0 || units > 0) {
    throw new AppError('conflict', 'Data demo hanya dapat dimuat ke database yang masih kosong; database ini sudah berisi data. Pakai --db ke berkas baru.');
  }
}
