// The SQL dialect the services run on: one module per capability (README.md). Team mode adds a PostgreSQL object
// of the same type beside this one.

import { developmentSql } from './development';

export const sqlite = {
  development: developmentSql,
};

export type SqlDialect = typeof sqlite;
