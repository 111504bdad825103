import pg from 'pg';
import { AppError } from '../../../shared/errors';
import { connectionLabel, describeConnection, isPostgresUrl, pgClientConfig, type PostgresConnection } from '../../db/connection';
import { translatePostgresError } from '../../db/open-database';
import { forgetServerPassword, saveServerPassword, serverAccountName } from '../../security/server-password';
import { promptHidden } from '../authenticate';
import type { Command } from '../command';

const PASSWORD_ENV = 'JENJANG_DB_PASSWORD';

/** The password to keep: JENJANG_DB_PASSWORD, else asked on a terminal without echo, else a clear refusal. */
async function passwordFor(account: string): Promise<string> {
  const fromEnv = process.env[PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new AppError('validation', `Kata sandi server untuk ${account} tidak diberikan: setel ${PASSWORD_ENV}, atau jalankan perintah di terminal agar kata sandi ditanyakan. Tidak ada yang disimpan.`);
  }
  const typed = await promptHidden(`Kata sandi PostgreSQL ${account}: `);
  if (!typed) throw new AppError('validation', 'Kata sandi kosong; tidak ada yang disimpan.');
  return typed;
}

/** Connects once with the password, so a typo is refused before it is kept. */
async function checkLogin(connection: PostgresConnection): Promise<void> {
  const client = new pg.Client(pgClientConfig(connection));
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw translatePostgresError(error, connectionLabel(connection));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Keeps a team database's PostgreSQL password in the OS credential store (or the owner-only file without one). */
export const dbLoginCommand: Command = {
  name: 'db-login',
  usage: 'db-login postgres://USER@HOST:5432/DATABASE [--no-check] [--forget] [--json]',
  summary: 'Menyimpan kata sandi PostgreSQL server mode tim di penyimpanan kunci sistem operasi (layanan "Jenjang", akun pengguna@host:port/database; '
    + 'tanpa penyimpanan kunci: berkas yang hanya dapat dibaca pemilik akun). Kata sandi dari JENJANG_DB_PASSWORD atau ditanyakan di terminal; '
    + 'diperiksa dulu dengan masuk ke server (--no-check: tanpa memeriksa). --forget menghapusnya.',
  async run(args, io) {
    args.rejectUnknown(['no-check', 'forget', 'json']);
    const [value, ...extra] = args.positional;
    if (!value || !isPostgresUrl(value) || extra.length > 0) {
      throw new AppError('validation', 'Sebutkan satu alamat server: npm run cli -- db-login postgres://pengguna@host:5432/nama_database.');
    }
    const parsed = new URL(value.trim());
    if (parsed.password) {
      throw new AppError('validation', 'Alamat ini memuat kata sandi; tulis alamat tanpa kata sandi (postgres://pengguna@host/database). Kata sandi diberikan lewat JENJANG_DB_PASSWORD atau ditanyakan. Tidak ada yang disimpan.');
    }
    // Described without what is kept already: the password given now is the one checked and kept.
    const described = describeConnection(value, { ...process.env, JENJANG_DB_PASSWORD: '', JENJANG_KEY_STORE: 'env' });
    if (described.kind !== 'postgres') throw new AppError('validation', 'db-login menyimpan kata sandi server PostgreSQL (postgres://…).');
    const account = serverAccountName(described);
    const label = connectionLabel(described);

    if (args.flag('forget')) {
      const removed = forgetServerPassword(described);
      if (args.flag('json')) io.out(JSON.stringify({ server: label, account, forgotten: removed }));
      else io.out(removed ? `Kata sandi ${account} dihapus dari komputer ini.` : `Tidak ada kata sandi tersimpan untuk ${account}; tidak ada yang diubah.`);
      return 0;
    }

    const password = await passwordFor(account);
    if (!args.flag('no-check')) await checkLogin({ ...described, password });
    const kept = saveServerPassword(described, password);
    if (args.flag('json')) {
      io.out(JSON.stringify({ server: label, account, store: kept.store, location: kept.location, checked: !args.flag('no-check') }));
    } else {
      const where = kept.store === 'keyring' ? `penyimpanan kunci sistem operasi (${kept.location})` : `berkas ${kept.location} (hanya dapat dibaca pemilik akun)`;
      io.out(`Kata sandi ${account} disimpan di ${where}. Jenjang memakainya untuk ${label} bila alamatnya tidak memuat kata sandi dan JENJANG_DB_PASSWORD kosong.`);
    }
    return 0;
  },
};
