// Demo data of later capabilities (competency assessments, SKP history, trainings, …). Each extension writes
// its rows inside the same transaction as the base district, after it, deterministically from the seed.

import type { BulkTransaction } from '../db/bulk-transaction';
import type { JobHandle } from '../jobs/job-registry';
import { developmentDemo } from './development.demo';
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

/** Registered extensions, run in this order. developmentDemo stays last: its fallback for competency and SKP
 *  demo data writes only into tables the extensions before it left empty (development-dependencies.demo.ts). */
export const DEMO_EXTENSIONS: DemoExtension[] = [developmentDemo];
