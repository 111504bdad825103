import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { MIGRATION_NAMES } from '../../db/migrations';
import { openDatabase } from '../../db/open-database';
import { setupAdministratorRequest } from '../../../shared/schemas/auth';
import { createServices } from '../../services';
import { clockFromEnvironment } from '../../services/clock';
import { cliPassword } from '../authenticate';
import type { Command } from '../command';
import { keyNotice, keyNoticeLines, type KeyNotice } from '../key-notice';

/** What `init --json` prints. */
export interface InitJson {
  db: string;
  schemaVersion: string;
  migrations: number;
  /** Where the database key lives, and the recovery key until someone confirmed having stored it (key-notice.ts). */
  keyStore: KeyNotice['keyStore'];
  keyLocation: string;
  recoveryKey: string | null;
}

export const initCommand: Command = {
  name: 'init',
  usage: 'init --db PATH --admin NAMA [--full-name "NAMA LENGKAP"] [--json]',
  summary: 'Membuat database Jenjang baru yang kosong (sudah dimigrasi) beserta akun Administratornya (kata sandi dari JENJANG_PASSWORD atau ditanyakan), misalnya sebelum impor pertama. Berkas yang sudah ada tidak disentuh.',
  async run(args, io) {
    args.rejectUnknown(['db', 'admin', 'full-name', 'json']);
    const dbPath = args.required('db');
    // Checked before the file exists: a refused name or password leaves nothing behind.
    const admin = setupAdministratorRequest.safeParse({
      username: args.required('admin'), fullName: args.string('full-name') ?? 'Administrator', nip: null,
      password: await cliPassword(args.required('admin')),
    });
    if (!admin.success) throw new AppError('validation', `Akun Administrator belum dapat dibuat: ${admin.error.issues.map((i) => i.message).join(' ')}`);
    const resolved = path.resolve(dbPath);
    fs.mkdirSync(path.dirname(resolved), { recursive: true });
    // Created exclusively: an existing file (a database, or anything else) is never opened, let alone migrated.
    let fd: number;
    try {
      fd = fs.openSync(resolved, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new AppError('conflict', `Berkas "${dbPath}" sudah ada; init hanya membuat database baru dan tidak menyentuh berkas yang ada. Pilih nama berkas lain, atau pakai berkas itu langsung dengan --db.`);
      }
      throw new AppError('io', `Berkas "${dbPath}" tidak dapat dibuat: ${(error as Error).message}`);
    }
    fs.closeSync(fd);
    try {
      const { dataSource, migrated } = await openDatabase(resolved, { create: true });
      try {
        // The Administrator of a script keeps the password it was given (no forced change), so scripts keep working.
        await createServices(dataSource, clockFromEnvironment(), resolved).accounts.setupAdministrator(admin.data);
      } finally {
        await dataSource.destroy();
      }
      const notice = keyNotice()!;
      const output: InitJson = { db: resolved, schemaVersion: MIGRATION_NAMES[MIGRATION_NAMES.length - 1], migrations: migrated.length, ...notice };
      if (args.flag('json')) io.out(JSON.stringify(output));
      else io.out([`Database Jenjang baru dibuat: ${resolved} (skema ${output.schemaVersion}) dengan Administrator ${admin.data.username}. Berikutnya: npm run cli -- import BERKAS --db ${dbPath} --user ${admin.data.username}`, ...keyNoticeLines(notice)].join('\n'));
      return 0;
    } catch (error) {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(resolved + suffix, { force: true });
      throw error;
    }
  },
};
