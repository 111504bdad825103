// Tests open database files the way the app does (main/db/sqlite-connection.ts): a Jenjang database of this
// version with its key, a plain file as it is. A file the test is about to create (another program's database, a
// damaged copy) is created plain, as that program would.

import fs from 'node:fs';
import { keyForFile, openSqlite, type SqliteDatabase } from '../../main/db/sqlite-connection';

export type { SqliteDatabase };

export function openDatabaseFile(file: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): SqliteDatabase {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  const key = !stat || stat.size === 0 ? null : keyForFile(file);
  return openSqlite(file, { ...options, key }).db;
}

/** The bytes of a database file and of its WAL, to look for plaintext in. */
export function fileBytes(file: string): Buffer {
  return Buffer.concat(['', '-wal'].filter((suffix) => fs.existsSync(file + suffix)).map((suffix) => fs.readFileSync(file + suffix)));
}
