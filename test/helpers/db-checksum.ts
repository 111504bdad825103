import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { rawConnection } from '../../main/db/raw-connection';

/**
 * A SHA-256 over every row of every table (in rowid order), read on the host's own connection: two equal
 * checksums mean not one value of the database changed in between.
 */
export function databaseChecksum(dataSource: DataSource): string {
  const db = rawConnection(dataSource);
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string; sql: string }>;
  const hash = crypto.createHash('sha256');
  for (const { name, sql } of tables) {
    hash.update(`\u0000${name}\u0000`);
    // Virtual tables (the FTS5 index) are checked through their shadow tables, which are ordinary tables.
    if (/CREATE VIRTUAL TABLE/i.test(sql)) continue;
    const order = /WITHOUT ROWID/i.test(sql) ? '' : ' ORDER BY rowid';
    for (const row of db.prepare(`SELECT * FROM "${name}"${order}`).raw(true).iterate()) {
      // Blobs serialise through Buffer.toJSON; every value of a row is covered.
      hash.update(JSON.stringify(row));
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}
