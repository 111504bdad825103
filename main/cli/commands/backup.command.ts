import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import { formatNumberId } from '../../../shared/format/id-format';
import { backupOpenDatabase, replaceDatabaseFile } from '../../db/backup';
import { inspectDatabaseFile, openDatabase } from '../../db/open-database';
import { JENJANG_APPLICATION_ID } from '../../db/database-identity';
import { MIGRATION_NAMES } from '../../db/migrations';
import type { Command } from '../command';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --db PATH --out FILE [--force] [--json]',
  summary: 'Mencadangkan database (SQLite online backup; aman saat aplikasi berjalan).',
  async run(args, io) {
    args.rejectUnknown(['db', 'out', 'force', 'json']);
    const dbPath = args.required('db');
    const out = args.required('out');
    if (fs.existsSync(out) && !args.flag('force')) {
      throw new AppError('conflict', `Berkas tujuan ${out} sudah ada; pakai --force untuk menimpanya.`);
    }
    const opened = await openDatabase(dbPath, { create: false });
    try {
      if (fs.existsSync(out)) fs.rmSync(out);
      await backupOpenDatabase(opened.dataSource, out);
    } finally {
      await opened.dataSource.destroy();
    }
    const size = fs.statSync(out).size;
    if (args.flag('json')) io.out(JSON.stringify({ db: dbPath, out, bytes: size }));
    else io.out(`Cadangan dibuat: ${out} (${formatNumberId(size / 1024 / 1024, 1)} MB).`);
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore --db PATH --from FILE [--json]',
  summary: 'Memulihkan database dari cadangan; database yang diganti disimpan di sebelahnya.',
  async run(args, io) {
    args.rejectUnknown(['db', 'from', 'json']);
    const dbPath = args.required('db');
    const from = args.required('from');
    if (!fs.existsSync(from)) throw new AppError('db_not_found', `Berkas cadangan tidak ditemukan: ${from}`);
    const inspection = inspectDatabaseFile(from);
    if (inspection.applicationId !== JENJANG_APPLICATION_ID) {
      throw new AppError('db_not_jenjang', `Berkas ${from} bukan cadangan database Jenjang; database tidak diubah.`);
    }
    const unknown = inspection.appliedMigrations.filter((m) => !MIGRATION_NAMES.includes(m));
    if (unknown.length > 0) {
      throw new AppError('db_schema_newer', `Cadangan ${from} berasal dari versi Jenjang yang lebih baru; perbarui aplikasi dulu. Database tidak diubah.`);
    }
    const keptCopy = await replaceDatabaseFile(dbPath, from);
    // Opening once applies any migrations the backup is missing, so the restored file is ready to use.
    const opened = await openDatabase(dbPath, { create: false });
    await opened.dataSource.destroy();
    if (args.flag('json')) io.out(JSON.stringify({ db: dbPath, from, previousCopy: keptCopy }));
    else io.out(`Database ${dbPath} dipulihkan dari ${from}.${keptCopy ? ` Database sebelumnya disimpan di ${keptCopy}.` : ''}`);
    return 0;
  },
};
