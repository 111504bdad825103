// The SQL dialect the services run on: one module per capability (README.md). Team mode adds a PostgreSQL object
// of the same type beside this one.

import { performanceSql } from './performance.sql';
import { talentSql } from './talent.sql';

export const sqlite = {
  performance: performanceSql,
  talent: talentSql,
};

export type SqlDialect = typeof sqlite;
