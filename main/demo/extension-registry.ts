// Every capability's demo data, in the order the demo writes it (interface: extensions.ts).

import { agencyDemo } from './agency.demo';
import { careersDemo } from './careers.demo';
import { competencyDemo } from './competency.demo';
import { developmentDemo } from './development.demo';
import type { DemoExtension } from './extensions';
import { performanceDemo } from './performance.demo';
import { planningDemo } from './planning.demo';
import { successionDemoExtension } from './succession.demo';

/** Run in this order: development reads the competency gaps and SKP written before it; the career records come
 *  before development, whose training refresh judges the pola karier again with them; succession stays last,
 *  it plans from everything the others wrote (and refreshes its facts from it). */
export const DEMO_EXTENSIONS: DemoExtension[] = [agencyDemo, competencyDemo, performanceDemo, careersDemo, developmentDemo, planningDemo, successionDemoExtension];
