// The SQL dialect the services run on: one module per capability (README.md). Team mode adds a PostgreSQL object
// of the same type beside this one.

import { employeesSql } from './employees';

export const sqlite = {
  employees: employeesSql,
};

export type SqlDialect = typeof sqlite;
