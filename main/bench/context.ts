import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JenjangHost } from '../host';

/**
 * What every bench suite receives, in a process that does only what the app's main process does (so its
 * memory figure is honest): a host over the 50,000-employee database, and a scratch folder.
 * Suites read their samples from the database.
 */
export interface BenchContext {
  dir: string;
  asOf: string;
  employees: number;
  host: JenjangHost;
  dbPath: string;
  record(suite: string, figures: Record<string, unknown>): void;
}

export interface BenchSuite {
  name: string;
  run(context: BenchContext): Promise<void>;
}

export function scratchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-bench-'));
}
