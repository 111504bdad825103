// Writing commands act as an account: `--user NAME`, the password from JENJANG_PASSWORD or, on a terminal, asked
// for without echo. Reading commands (stats, report, backup) need none: a machine that holds the database holds
// its data anyway.

import { roleAllows, ROLE_LABELS, type Permission } from '../../shared/auth/roles';
import type { ActingAccount } from '../../shared/auth/acting';
import { AppError } from '../../shared/errors';
import type { JenjangHost } from '../host';
import type { Args } from './args';

export const PASSWORD_ENV = 'JENJANG_PASSWORD';

/** The password for `who`: JENJANG_PASSWORD, else a prompt on a terminal, else a clear refusal. */
export async function cliPassword(who: string): Promise<string> {
  const fromEnv = process.env[PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new AppError('validation', `Kata sandi untuk ${who} tidak diberikan: setel ${PASSWORD_ENV}, atau jalankan perintah di terminal agar kata sandi ditanyakan.`);
  }
  return promptHidden(`Kata sandi ${who}: `);
}

/**
 * Logs the `--user` account in (a wrong password counts towards its lockout like any login), checks that its role
 * may do what the command does, and makes it the host's local actor: the audit log and the import history name it.
 */
export async function actAsUser(host: JenjangHost, args: Args, permission: Permission): Promise<ActingAccount> {
  const username = args.string('user')?.trim().toLowerCase();
  if (!username) {
    throw new AppError('validation', 'Perintah ini mengubah data dan berjalan atas nama sebuah akun: tambahkan --user NAMA (kata sandi dari JENJANG_PASSWORD atau ditanyakan di terminal).');
  }
  const acting = await host.services.accounts.login(username, await cliPassword(username));
  if (acting.mustChangePassword) {
    throw new AppError('password_change_required', `Akun ${username} wajib mengganti kata sandinya lebih dahulu: masuk ke Jenjang dan ganti kata sandi, lalu ulangi perintah ini.`);
  }
  if (!roleAllows(acting.role, permission)) {
    throw new AppError('forbidden', `Akun ${username} (${ROLE_LABELS[acting.role]}) tidak berwenang menjalankan perintah ini.`);
  }
  host.setLocalActor(acting);
  return acting;
}

/** Asks on the terminal without echoing what is typed (stderr carries the question). */
export function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stderr.write(question);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    let typed = '';
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new AppError('cancelled', 'Dibatalkan.'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}
