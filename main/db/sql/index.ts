// The SQL dialect the services run on: one module per capability (README.md). Team mode adds a PostgreSQL object
// of the same type beside this one.

import { competencySql } from './competency.sql';
import { developmentSql } from './development';
import { employeesSql } from './employees';
import { jpmSql } from './jpm.sql';
import { performanceSql } from './performance.sql';
import { privacySql } from './privacy.sql';
import { successionSql } from './succession';
import { talentSql } from './talent.sql';

export const sqlite = {
  competency: competencySql,
  development: developmentSql,
  employees: employeesSql,
  /** The JPM rule's SQL mirror, shared by competency and succession. */
  jpm: jpmSql,
  performance: performanceSql,
  privacy: privacySql,
  succession: successionSql,
  talent: talentSql,
};

export type SqlDialect = typeof sqlite;
