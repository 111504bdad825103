// `npm run cli -- <command>`: the same services as the app, for automation and headless checks.
// stdout carries the result (JSON with --json, nothing else); stderr carries notes and the one-line error.
// Exit codes: 0 success, 1 error, 2 input rejected as a whole (import).

import { AppError } from '../../shared/errors';
import { isPostgresUrl } from '../db/connection';
import { teamModeRefusal } from '../db/open-database';
import { Args } from './args';
import type { Command, CliIo } from './command';
import { backupCommand, restoreCommand } from './commands/backup.command';
import { dbLoginCommand } from './commands/db-login.command';
import { demoCommand } from './commands/demo.command';
import { importCommand } from './commands/import.command';
import { migrateDbCommand } from './commands/migrate-db.command';
import { initCommand } from './commands/init.command';
import { recoverKeyCommand } from './commands/recover-key.command';
import { planCommand } from './commands/plan.command';
import { reportCommand } from './commands/report.command';
import { statsCommand } from './commands/stats.command';

export const COMMANDS: Command[] = [initCommand, demoCommand, statsCommand, backupCommand, restoreCommand, importCommand, reportCommand, planCommand, recoverKeyCommand, migrateDbCommand, dbLoginCommand];

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    io.out('Pemakaian: npm run cli -- <perintah> [opsi]\n');
    for (const command of COMMANDS) io.out(`  ${command.usage}\n      ${command.summary}`);
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.note(`jenjang: perintah tidak dikenal "${name}"; lihat \`npm run cli -- help\`.`);
    return 1;
  }
  try {
    const args = new Args(rest);
    // `--db postgres://…` names a team database; only the commands that work with one take it, the rest (those that
    // work on the SQLite file itself) refuse clearly.
    const db = args.flag('db') ? args.string('db') : undefined;
    if (db && isPostgresUrl(db) && !command.acceptsServer) throw new AppError('validation', teamModeRefusal(`Perintah ${command.name}`));
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof AppError) {
      io.note(`jenjang: ${error.message}`);
      return error.details?.rejectedFile ? 2 : 1;
    }
    io.note(`jenjang: kesalahan tak terduga: ${(error as Error)?.message ?? String(error)}`);
    if (process.env.JENJANG_DEBUG) console.error(error);
    return 1;
  }
}

const io: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  note: (text) => process.stderr.write(`${text}\n`),
};

runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
