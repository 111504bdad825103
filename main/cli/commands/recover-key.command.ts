import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { isPlainDatabaseFile, keyOpens } from '../../db/sqlite-connection';
import { addRecoveredKey, describeKeyStore } from '../../security/database-key';
import { parseRecoveryKey, RecoveryKeyError } from '../../security/recovery-key';
import type { Command } from '../command';

/** "Pulihkan dengan kunci pemulihan": adds the key of another computer, so its database and backups open here. */
export const recoverKeyCommand: Command = {
  name: 'recover-key',
  usage: 'recover-key --recovery-key "XXXX-XXXX-…" [--db PATH] [--json]',
  summary: 'Pulihkan dengan kunci pemulihan: menambahkan kunci database dari komputer lain (kunci pemulihan yang dicetak saat database dibuat), agar database dan cadangannya terbuka di komputer ini. Dengan --db, diperiksa dulu bahwa kunci itu membuka database tersebut.',
  async run(args, io) {
    args.rejectUnknown(['recovery-key', 'db', 'json']);
    let key: Buffer;
    try {
      key = parseRecoveryKey(args.required('recovery-key'));
    } catch (error) {
      if (error instanceof RecoveryKeyError) throw new AppError('validation', `${error.message} Tidak ada yang diubah.`);
      throw error;
    }
    const dbOption = args.string('db');
    if (dbOption) {
      const dbPath = path.resolve(dbOption);
      const stat = fs.statSync(dbPath, { throwIfNoEntry: false });
      if (!stat?.isFile()) throw new AppError('db_not_found', `Berkas database tidak ditemukan: ${dbOption}. Tidak ada yang diubah.`);
      if (isPlainDatabaseFile(dbPath)) throw new AppError('validation', `Database ${dbOption} belum terenkripsi (dibuat versi Jenjang sebelumnya), jadi tidak memerlukan kunci pemulihan. Tidak ada yang diubah.`);
      if (!keyOpens(dbPath, key)) throw new AppError('validation', `Kunci pemulihan ini tidak membuka database ${dbOption}: database itu dienkripsi dengan kunci lain. Tidak ada yang diubah.`);
    }
    const added = addRecoveredKey(key);
    if (args.flag('json')) {
      io.out(JSON.stringify({ role: added.role, keyStore: added.store, keyLocation: added.location }));
      return 0;
    }
    const where = describeKeyStore(added);
    if (added.role === 'known') io.out(`Kunci ini sudah tersimpan di komputer ini (${where}); tidak ada yang diubah.`);
    else if (added.role === 'active') io.out(`Kunci dipulihkan sebagai kunci database komputer ini (${where}). Database dan cadangan dari komputer asal kini dapat dibuka.`);
    else io.out(`Kunci ditambahkan sebagai kunci tambahan (${where}). Database dan cadangan yang dienkripsi dengan kunci itu kini dapat dibuka; database baru tetap memakai kunci komputer ini.`);
    return 0;
  },
};
