// Demo data of later capabilities (competency assessments, SKP history, trainings, …). Each extension writes
// its rows inside the same transaction as the base district, after it, deterministically from the seed.

import type { BulkTransaction } from '../db/bulk-transaction';
import type { JobHandle } from '../jobs/job-registry';
import { agencyDemo } from './agency.demo';
import { competencyDemo } from './competency.demo';
import { performanceDemo } from './performance.demo';
import { developmentDemo } from './development.demo';
import type { DemoDistrict } from './generate';
import { successionDemoExtension } from './succession.demo';

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

/** Registered extensions, run in this order: development reads the competency gaps and SKP written before it;
 *  succession stays last, it plans from everything the others wrote (and refreshes its facts from it). */
export const DEMO_EXTENSIONS: DemoExtension[] = [agencyDemo, competencyDemo, performanceDemo, developmentDemo, successionDemoExtension];
