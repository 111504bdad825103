import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { AppError } from '../../../shared/errors';
import { formatDateTimeId, formatNumberId } from '../../../shared/format/id-format';
import { backupDatabaseFile, databaseInUse, timestampForFileName } from '../../db/backup';
import { inspectDatabaseFile, summariseDatabase, summaryOf, withReadOnlyConnection, type DatabaseSummary } from '../../db/database-check';
import { inspectForReading, openPostgresDatabase } from '../../db/open-database';
import { JENJANG_APPLICATION_ID } from '../../db/database-identity';
import { connectionLabel, describeConnection, isPostgresUrl, type PostgresConnection } from '../../db/connection';
import { appliedMigrationsOf, databaseSummaryCountsOf } from '../../db/sql/maintenance.sql';
import { managerRun } from '../../db/sql/run';
import { recoveryKeysFrom } from '../../services/backup/backup.service';
import { backupTeamDatabase, restoreTeamDatabase } from '../../services/backup/team-backup';
import { appliedMigrationNames, checkRestoreSource, restoreDatabase, restoreWarnings } from '../../services/backup/restore';
import type { Command, CliIo } from '../command';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --db PATH|postgres://… --out FILE [--force] [--json]',
  summary: 'Mencadangkan database (salinan terenkripsi dengan kunci database; aman saat aplikasi berjalan; berkas database tidak diubah). '
    + 'Dari server PostgreSQL (mode tim): satu potret yang konsisten ke berkas SQLite terenkripsi, diperiksa per tabel, yang dapat dipulihkan ke kedua mode.',
  acceptsServer: true,
  async run(args, io) {
    args.rejectUnknown(['db', 'out', 'force', 'json']);
    const dbPath = args.required('db');
    if (isPostgresUrl(dbPath)) return backupServer(dbPath, args.required('out'), args.flag('force'), args.flag('json'), io);
    const out = path.resolve(args.required('out'));
    const existing = fs.statSync(out, { throwIfNoEntry: false });
    if (existing?.isDirectory()) throw new AppError('validation', `--out ${out} adalah folder; sebutkan nama berkas cadangan, mis. ${path.join(out, 'jenjang-cadangan.sqlite')}.`);
    if (existing && !args.flag('force')) throw new AppError('conflict', `Berkas tujuan ${out} sudah ada; pakai --force untuk menimpanya.`);
    if (!fs.existsSync(path.dirname(out))) throw new AppError('io', `Folder tujuan ${path.dirname(out)} tidak ada.`);
    inspectForReading(dbPath);
    // Copied as it is, read-only: a backup never migrates or otherwise writes to the database it copies.
    await backupDatabaseFile(path.resolve(dbPath), out);
    const size = fs.statSync(out).size;
    if (args.flag('json')) io.out(JSON.stringify({ db: dbPath, out, bytes: size }));
    else io.out(`Cadangan dibuat: ${out} (${formatNumberId(size / 1024 / 1024, 1)} MB).`);
    return 0;
  },
};

/** `backup --db postgres://…`: the team backup (main/services/backup/team-backup.ts). */
async function backupServer(server: string, out: string, force: boolean, json: boolean, io: CliIo): Promise<number> {
  const started = performance.now();
  const result = await backupTeamDatabase(server, out, {
    force,
    onTable: (copy) => {
      if (!json && copy.rows > 0) io.note(`  ${copy.table}: ${formatNumberId(copy.rows)} baris`);
    },
  });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  if (json) {
    io.out(JSON.stringify({ db: result.server, out: result.out, bytes: result.bytes, rows: result.rows, tables: result.tables, employees: result.summary.employees, seconds }));
  } else {
    io.out(`Cadangan dibuat dari ${result.server}: ${result.out} (${formatNumberId(result.bytes / 1024 / 1024, 1)} MB; ${formatNumberId(result.tables.length)} tabel, `
      + `${formatNumberId(result.rows)} baris, ${formatNumberId(result.summary.employees)} pegawai) dalam ${formatNumberId(seconds)} detik; jumlah baris dan checksum setiap tabel sama dengan server.`);
  }
  return 0;
}

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore --db PATH|postgres://… --from FILE [--recovery-key "XXXX-…"] [--check] [--yes] [--json]',
  summary: 'Memulihkan database dari cadangan setelah memeriksanya utuh; menyebut dulu apa yang diganti. --check hanya memeriksa; --yes tanpa bertanya. Database yang diganti disimpan di sebelahnya. Cadangan dari komputer lain: sertakan --recovery-key komputer itu; hasilnya dienkripsi dengan kunci komputer ini. '
    + 'Ke server PostgreSQL (mode tim): seluruh isi database server diganti dengan isi berkas dalam satu transaksi (gagal: server tetap seperti semula); semua meja melihat data yang dipulihkan.',
  acceptsServer: true,
  async run(args, io) {
    args.rejectUnknown(['db', 'from', 'check', 'yes', 'json', 'recovery-key']);
    const recoveryKeys = recoveryKeysFrom(args.string('recovery-key'));
    if (isPostgresUrl(args.required('db'))) {
      const server = describeConnection(args.required('db'));
      if (server.kind === 'postgres') return restoreServer(server, path.resolve(args.required('from')), recoveryKeys, args.flag('check'), args.flag('yes'), args.flag('json'), io);
    }
    const dbPath = path.resolve(args.required('db'));
    const from = path.resolve(args.required('from'));
    const json = args.flag('json');
    if (from === dbPath) throw new AppError('validation', 'Berkas cadangan dan database adalah berkas yang sama; database tidak diubah.');
    const candidate = await checkRestoreSource(from, from, recoveryKeys);
    const current = currentSummary(dbPath);
    const warnings = current ? restoreWarnings(candidate, current) : [];
    const describe = () => describeRestore(io, from, candidate, dbPath, current, warnings, json);

    if (args.flag('check')) {
      if (json) io.out(JSON.stringify({ db: dbPath, from, restored: false, candidate, current, warnings }));
      else describe();
      return 0;
    }
    if (databaseInUse(dbPath)) {
      throw new AppError('busy', `Database ${dbPath} sedang dibuka oleh proses lain (aplikasi Jenjang atau perintah lain); tutup dulu, atau pulihkan dari Pengaturan › Cadangan di aplikasi. Database tidak diubah.`);
    }
    describe();
    if (!args.flag('yes') && !(await confirm(io, current))) return 1;

    let lastPhase = '';
    const outcome = await restoreDatabase({
      dbPath, source: from, label: from, current: current ? { file: dbPath } : null, stamp: timestampForFileName(),
      whileClosed: (swap) => swap(), recoveryKeys,
      job: {
        jobId: 'cli', cancelled: false, throwIfCancelled() {},
        progress(phase) {
          if (phase !== lastPhase) io.note(`${phase}…`);
          lastPhase = phase;
        },
      },
    });
    if (json) io.out(JSON.stringify({ db: dbPath, from, restored: true, previousCopy: outcome.previousCopy, candidate, current, warnings }));
    else io.out(`Database ${dbPath} dipulihkan dari ${from}: ${formatNumberId(outcome.restored.employees)} pegawai.${outcome.previousCopy ? ` Database sebelumnya disimpan di ${outcome.previousCopy}.` : ''}`);
    return 0;
  },
};

/**
 * `restore --db postgres://…`: the server's whole content replaced by the file's in one server transaction
 * (restoreTeamDatabase). The CLI keeps no copy of the replaced content itself: the server's own backup (pg_dump) and
 * `backup --db postgres://…` beforehand are the way back, and the description says so.
 */
async function restoreServer(server: PostgresConnection, from: string, recoveryKeys: Buffer[] | undefined, checkOnly: boolean, yes: boolean, json: boolean, io: CliIo): Promise<number> {
  const label = connectionLabel(server);
  const candidate = await checkRestoreSource(from, from, recoveryKeys);
  const current = await serverSummary(server);
  const warnings = restoreWarnings(candidate, current);
  if (checkOnly) {
    if (json) io.out(JSON.stringify({ db: label, from, restored: false, candidate, current, warnings }));
    else describeRestore(io, from, candidate, label, current, warnings, false);
    return 0;
  }
  describeRestore(io, from, candidate, label, current, warnings, json);
  (json ? io.note : io.out)('Semua meja yang memakai server ini akan melihat data cadangan. Isi server sekarang tidak disalin oleh perintah ini: '
    + 'buat dulu `backup --db postgres://… --out BERKAS` (atau pg_dump) bila ingin dapat kembali.');
  if (!yes && !(await confirm(io, current))) return 1;
  const started = performance.now();
  let lastPhase = '';
  const result = await restoreTeamDatabase(server, from, {
    label: from, checked: candidate, recoveryKeys,
    job: {
      jobId: 'cli', cancelled: false, throwIfCancelled() {},
      progress(phase) {
        if (phase !== lastPhase) io.note(`${phase}…`);
        lastPhase = phase;
      },
    },
  });
  const restored = await serverSummary(server);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  if (json) io.out(JSON.stringify({ db: label, from, restored: true, candidate, current, warnings, tables: result.tables.length, rows: result.rows, seconds }));
  else {
    io.out(`Database ${label} dipulihkan dari ${from}: ${formatNumberId(restored.employees)} pegawai; ${formatNumberId(result.tables.length)} tabel, `
      + `${formatNumberId(result.rows)} baris dalam ${formatNumberId(seconds)} detik; jumlah baris dan checksum setiap tabel sama dengan berkas.`);
  }
  return 0;
}

/** What the server database holds, in the figures of a restore's description. */
async function serverSummary(server: PostgresConnection): Promise<DatabaseSummary> {
  const opened = await openPostgresDatabase(server, { migrate: false });
  try {
    const run = managerRun(opened.dataSource);
    return summaryOf(await databaseSummaryCountsOf(run), await appliedMigrationsOf(run));
  } finally {
    await opened.close();
  }
}

/** What the database to be replaced holds; null when there is none (a restore into a new file). */
function currentSummary(dbPath: string): DatabaseSummary | null {
  const stat = fs.statSync(dbPath, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw new AppError('validation', `--db ${dbPath} adalah folder, bukan berkas database.`);
  if (!stat || stat.size === 0) return null;
  const inspection = inspectDatabaseFile(dbPath);
  if (inspection.applicationId !== JENJANG_APPLICATION_ID || inspection.appliedMigrations.length === 0) {
    if (inspection.tables.length === 0) return null;
    throw new AppError('db_not_jenjang', `--db ${dbPath} adalah database SQLite milik program lain; restore tidak menimpanya.`);
  }
  return withReadOnlyConnection(dbPath, (db) => summariseDatabase(db, appliedMigrationNames(db)));
}

function describeRestore(io: CliIo, from: string, candidate: DatabaseSummary, dbPath: string, current: DatabaseSummary | null, warnings: string[], json: boolean) {
  // With --json the description goes to stderr, so stdout stays one JSON object.
  const say = json ? io.note : io.out;
  const line = (s: DatabaseSummary) => `${formatNumberId(s.employees)} pegawai (${formatNumberId(s.activeEmployees)} aktif), ${formatNumberId(s.units)} unit kerja, ${formatNumberId(s.positions)} jabatan; perubahan terakhir ${s.lastChangeAt ? formatDateTimeId(s.lastChangeAt) : 'tidak tercatat'}`;
  say(`Cadangan ${from} utuh: ${line(candidate)}.`);
  say(current ? `Akan mengganti database ${dbPath}: ${line(current)}.` : `Database ${dbPath} belum ada atau kosong; cadangan dipasang di sana.`);
  for (const warning of warnings) say(`Perhatian: ${warning}`);
}

async function confirm(io: CliIo, current: DatabaseSummary | null): Promise<boolean> {
  if (!process.stdin.isTTY) {
    throw new AppError('validation', 'Pemulihan mengganti seluruh database: jalankan lagi dengan --yes untuk melanjutkan (atau --check untuk hanya memeriksa). Database tidak diubah.');
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(current ? 'Ganti database dengan cadangan ini? Ketik "ya" untuk melanjutkan: ' : 'Pasang cadangan ini? Ketik "ya" untuk melanjutkan: ');
    if (answer.trim().toLowerCase() === 'ya') return true;
    io.note('Dibatalkan; database tidak diubah.');
    return false;
  } finally {
    prompt.close();
  }
}
