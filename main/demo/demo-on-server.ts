// The demo district on a team database (PostgreSQL). The demo writer runs on better-sqlite3's synchronous
// prepared statements (BulkTransaction), so on a server it writes the district into a temporary encrypted SQLite
// file first, with the same writer as a desk's file, and that file's rows are then added into the server in one
// transaction by migrate-db's copy (COPY … FROM STDIN, every table read back and compared before the commit).
// Only the tables the demo filled are copied; each must still be empty on the server (the accounts and audit
// entries a first start made stay as they are), and other desks cannot write to them until the commit.
//
// Settings are the exception: the office may have saved some (Identitas instansi) before loading the demo, and
// the demo never overwrites a setting. The staging file starts with the server's settings, so the demo's writers
// skip the same keys as on a desk's file; the settings the demo added are then taken out of the file and written
// into the server in the copy's own transaction, each only if no desk has set that key meanwhile.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PostgresConnection } from '../db/connection';
import { addFileToServer } from '../db/migrate-db';
import { openDatabase } from '../db/open-database';
import { demoSql, type SettingRow } from '../db/sql/demo.sql';
import { managerRun, postgresRun } from '../db/sql/run';
import type { DemoDistrict } from './generate';
import { writeDemoDistrict, type DemoWriteCounts, type DemoWriteOptions } from './demo-writer';

export interface DemoOnServerOptions extends DemoWriteOptions {
  nativeBinding?: string;
  /** The settings stored on the server now (the demo leaves each of them as it is). */
  serverSettings?: readonly SettingRow[];
}

const COPY_PHASE = 'Menyalin data demo ke server';

export async function writeDemoDistrictOnServer(
  server: PostgresConnection, district: DemoDistrict, now: string, options: DemoOnServerOptions = {},
): Promise<DemoWriteCounts & { copiedRows: number }> {
  const { job, serverSettings = [] } = options;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-demo-'));
  try {
    const file = path.join(folder, 'demo.sqlite');
    const staging = await openDatabase(file, { create: true, nativeBinding: options.nativeBinding });
    let counts: DemoWriteCounts;
    let demoSettings: SettingRow[];
    try {
      const run = managerRun(staging.dataSource);
      await demoSql.addSettingsIfAbsent(run, serverSettings);
      counts = await writeDemoDistrict(staging.dataSource, district, now, options);
      const onServer = new Set(serverSettings.map((s) => s.key));
      demoSettings = (await demoSql.settingRows(run)).filter((s) => !onServer.has(s.key));
      await demoSql.clearSettings(run);
    } finally {
      await staging.close();
    }
    job?.throwIfCancelled();
    job?.progress(COPY_PHASE, 0, 1);
    const copied = await addFileToServer(file, server, {
      nativeBinding: options.nativeBinding,
      // A cancel during the copy rolls the server's transaction back, as one during the writing does.
      onTable: () => job?.throwIfCancelled(),
      beforeCommit: (query) => demoSql.addSettingsIfAbsent(postgresRun(query), demoSettings),
    });
    job?.progress(COPY_PHASE, 1, 1);
    return { ...counts, copiedRows: copied.rows + demoSettings.length };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
