// The demo district on a team database (PostgreSQL). The demo writer runs on better-sqlite3's synchronous
// prepared statements (BulkTransaction), so on a server it writes the district into a temporary encrypted SQLite
// file first, with the same writer as a desk's file, and that file's rows are then added into the server in one
// transaction by migrate-db's copy (COPY … FROM STDIN, every table read back and compared before the commit).
// Only the tables the demo filled are copied; each must still be empty on the server (the accounts, settings and
// audit entries a first start made stay as they are), and other desks cannot write to them until the commit.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PostgresConnection } from '../db/connection';
import { addFileToServer } from '../db/migrate-db';
import { openDatabase } from '../db/open-database';
import type { JobHandle } from '../jobs/job-registry';
import type { DemoDistrict } from './generate';
import { writeDemoDistrict, type DemoWriteCounts, type DemoWriteOptions } from './demo-writer';

export async function writeDemoDistrictOnServer(
  server: PostgresConnection, district: DemoDistrict, now: string, options: DemoWriteOptions & { nativeBinding?: string } = {},
): Promise<DemoWriteCounts & { copiedRows: number }> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-demo-'));
  try {
    const file = path.join(folder, 'demo.sqlite');
    const staging = await openDatabase(file, { create: true, nativeBinding: options.nativeBinding });
    let counts: DemoWriteCounts;
    try {
      counts = await writeDemoDistrict(staging.dataSource, district, now, options);
    } finally {
      await staging.close();
    }
    options.job?.progress('Menyalin data demo ke server', 0, 1);
    const copied = await addFileToServer(file, server, { nativeBinding: options.nativeBinding });
    options.job?.progress('Menyalin data demo ke server', 1, 1);
    return { ...counts, copiedRows: copied.rows };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
