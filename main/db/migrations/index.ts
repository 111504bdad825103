import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { SuccessionPlanHistory1764500000000 } from './1764500000000-succession-plan-history';

/** Every migration this build knows, oldest first. A database that has applied one not listed here was
 *  written by a newer Jenjang and is refused (see open-database.ts). */
export const MIGRATIONS = [InitialSchema1764000000000, SuccessionPlanHistory1764500000000];

export const MIGRATION_NAMES: readonly string[] = MIGRATIONS.map((m) => new m().name!);
