// Demo data of later capabilities (competency assessments, SKP history, trainings, …). Each extension writes
// its rows inside the same transaction as the base district, after it, deterministically from the seed.
// This file holds only the shape every `*.demo.ts` implements; the list of them is extension-registry.ts, so
// no extension imports the file that imports it.

import type { BulkTransaction } from '../db/bulk-transaction';
import type { JobHandle } from '../jobs/job-registry';
import type { DemoDistrict } from './generate';

export interface DemoExtensionContext {
  tx: BulkTransaction;
  district: DemoDistrict;
  seed: number;
  /** ISO timestamp for created_at columns. */
  now: string;
  job?: JobHandle;
}

export interface DemoExtension {
  name: string;
  /** Writes the extension's rows; returns how many it wrote. */
  write(context: DemoExtensionContext): Promise<number>;
}
