// Which database a TypeORM manager or DataSource talks to: the embedded file or the office's PostgreSQL server.
// Kept apart from run.ts (which re-exports it) so that the raw connection can ask without a cycle.

import type { DataSource, EntityManager } from 'typeorm';

/** The SQL dialect a Run speaks: the embedded file (default) or the office's PostgreSQL server (team mode). */
export type Dialect = 'sqlite' | 'postgres';

/** Whether a TypeORM manager or DataSource talks to PostgreSQL. */
export function isPostgresManager(manager: EntityManager | DataSource): boolean {
  const options = 'options' in manager && !('connection' in manager) ? manager.options : (manager as EntityManager).connection.options;
  return options.type === 'postgres';
}

/** The dialect a TypeORM manager or DataSource speaks (for the SQL text of a module whose spelling differs). */
export const dialectOfManager = (manager: EntityManager | DataSource): Dialect => (isPostgresManager(manager) ? 'postgres' : 'sqlite');
