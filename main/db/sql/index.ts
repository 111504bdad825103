// The SQL dialect the services run on: one module per capability (README.md). Team mode adds a PostgreSQL object
// of the same type beside this one.

import { accountsSql } from './accounts.sql';
import { auditSql } from './audit.sql';
import { careerPathsSql } from './career-paths.sql';
import { careerReadinessSql } from './career-readiness.sql';
import { careerRecordsSql } from './career-records.sql';
import { competencySql } from './competency.sql';
import { demoSql } from './demo.sql';
import { developmentSql } from './development';
import { employeesSql } from './employees';
import { importCommitSql } from './imports/commit.sql';
import { importSnapshotsSql } from './imports/snapshots.sql';
import { importUndoSql } from './imports/undo.sql';
import { jpmSql } from './jpm.sql';
import { maintenanceSql } from './maintenance.sql';
import { performanceSql } from './performance.sql';
import { planningSql } from './planning.sql';
import { privacySql } from './privacy.sql';
import { qualitySql } from './quality.sql';
import { scopeSql } from './scope.sql';
import { successionSql } from './succession';
import { talentSql } from './talent.sql';

export const sqlite = {
  /** Accounts, their login bookkeeping and the reads of the account rules. */
  accounts: accountsSql,
  /** The one writer of audit_log, and its reader. */
  audit: auditSql,
  /** Pola karier: paths, steps, the facts their requirements are judged on, vacancies. */
  careerPaths: careerPathsSql,
  /** The derived readiness of the pola karier (main/db/career-readiness.ts). */
  careerReadiness: careerReadinessSql,
  /** The demo district's career administration records. */
  careerRecords: careerRecordsSql,
  competency: competencySql,
  /** The demo district's bulk writes and the sample SIASN file's reads. */
  demo: demoSql,
  development: developmentSql,
  employees: employeesSql,
  /** The JPM rule's SQL mirror, shared by competency and succession. */
  /** The import: commit and undo (bulk, on prepared statements), snapshots, issues and mapping profiles. */
  imports: { commit: importCommitSql, undo: importUndoSql, snapshots: importSnapshotsSql },
  jpm: jpmSql,
  /** What a database holds at a glance; planner statistics after a bulk write. */
  maintenance: maintenanceSql,
  performance: performanceSql,
  /** The annual development plan under a budget: the catalogue's planning fields and the needs of a year. */
  planning: planningSql,
  privacy: privacySql,
  /** The facts the data-quality checks read. */
  quality: qualitySql,
  /** The unit subtree an Operator OPD reaches. */
  scope: scopeSql,
  succession: successionSql,
  talent: talentSql,
};

export type SqlDialect = typeof sqlite;
