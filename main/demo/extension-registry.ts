// Every capability's demo data, in the order the demo writes it (interface: extensions.ts).

import { agencyDemo } from './agency.demo';
import { competencyDemo } from './competency.demo';
import { developmentDemo } from './development.demo';
import type { DemoExtension } from './extensions';
import { performanceDemo } from './performance.demo';
import { planningDemo } from './planning.demo';
import { successionDemoExtension } from './succession.demo';

/** Run in this order: development reads the competency gaps and SKP written before it; succession stays last,
 *  it plans from everything the others wrote (and refreshes its facts from it). */
export const DEMO_EXTENSIONS: DemoExtension[] = [agencyDemo, competencyDemo, performanceDemo, developmentDemo, planningDemo, successionDemoExtension];
