// The demo district generator: a realistic, deterministic kabupaten (units, positions, employees with
// consistent NIPs, golongan progressions and position histories). It is pure (no I/O) so that it also
// serves as the source of test fixtures and of the benchmark's rows. The organisation is built first
// (generate-organisation.ts), then its people (generate-people.ts), from one random sequence.

import type { DemoDistrict, DemoOptions } from './district';
import { buildOrganisation } from './generate-organisation';
import { generatePeople } from './generate-people';
import { DISTRICT } from './organisation';
import { Random } from './random';

export type { DemoDistrict, DemoEmployee, DemoOptions, DemoPosition, DemoPositionHistory, DemoRankHistory, DemoUnit } from './district';

export function generateDemoDistrict(options: DemoOptions): DemoDistrict {
  const rng = new Random(options.seed);
  const org = buildOrganisation(rng, options.employees);
  const people = generatePeople(rng, org, options);
  return { district: DISTRICT, asOf: options.asOf, units: org.units, positions: org.positions, ...people };
}
