// The PostgreSQL pass of the tests (`npm run test:postgres`, vitest.postgres.config.ts): the test files whose hosts
// open a database through openTestHost (test/helpers/temp-db.ts), run a second time with JENJANG_TEST_HOST_DB=postgres,
// so every host of the file opens a fresh database on the run's embedded PostgreSQL instead of a SQLite file.
//
// Every file that calls openTestHost is in exactly one of the lists below (test/team/postgres-pass.test.ts checks
// it), so a new test file has to say whether it runs on a server. Files that never open a host (pure rules, the
// CLI on SQLite files, the encrypted file) have nothing to gain from the pass and are not listed.

/** Run on a server in the PostgreSQL pass. A few cases inside them that need a feature still refused on a server
 *  skip there with `skipIf(TEST_HOSTS_ON_SERVER)` and say why. */
export const ON_SERVER: readonly string[] = [
  'test/auth/accounts.test.ts',
  'test/auth/role-matrix.test.ts',
  'test/career-paths/career-paths.test.ts',
  'test/career-paths/career-readiness.test.ts',
  'test/career-paths/career-records.test.ts',
  'test/career-paths/peta-other-desk.test.ts',
  'test/careers/career-imports.test.ts',
  'test/careers/choice-promotion-settings.test.ts',
  'test/careers/entitlement-lists.test.ts',
  'test/careers/kgb-due.test.ts',
  'test/careers/list-fast-paths.test.ts',
  'test/careers/siasn-masa-kerja.test.ts',
  'test/careers/succession-discipline.test.ts',
  'test/competency/competency.service.test.ts',
  'test/competency/jpm-sql.test.ts',
  'test/development/development.service.test.ts',
  'test/employees/employee-query.test.ts',
  'test/employees/employee.service.test.ts',
  'test/employees/export.test.ts',
  'test/employees/retirement-stats.test.ts',
  'test/import/data-utama.test.ts',
  'test/import/derived-after-import.test.ts',
  'test/import/formats.test.ts',
  'test/import/formula-injection.test.ts',
  'test/import/import-files.test.ts',
  'test/import/import-lock.test.ts',
  'test/import/import-pegawai.test.ts',
  'test/import/import-records.test.ts',
  'test/import/instansi.test.ts',
  'test/planning/plan-weights-version.test.ts',
  'test/planning/planning.service.test.ts',
  'test/platform/clock.test.ts',
  'test/platform/derived.test.ts',
  'test/platform/dispatcher.test.ts',
  'test/platform/settings-section.test.ts',
  'test/platform/web-host.test.ts',
  'test/privacy/privacy.test.ts',
  'test/quality/corrections.test.ts',
  'test/quality/derived.test.ts',
  'test/quality/service.test.ts',
  'test/quality/warnings.test.ts',
  'test/reports/agency.test.ts',
  'test/reports/chromium-printer.test.ts',
  'test/reports/registers.test.ts',
  'test/reports/reports.test.ts',
  'test/reports/web-host-print-token.test.ts',
  'test/succession/succession-facts.test.ts',
  'test/succession/succession-ranking-reference.test.ts',
  'test/succession/succession-ranking.test.ts',
  'test/succession/succession.service.test.ts',
  'test/talent/komite-talenta.test.ts',
  'test/talent/performance-talent.test.ts',
  'test/team/two-desks-rumpun-idp.test.ts',
  'test/team/two-desks.test.ts',
];

/** Left out of the PostgreSQL pass, each with the reason. */
export const FILE_ONLY: Readonly<Record<string, string>> = {
  // SQLite by nature: what they test is the file itself or SQLite's own machinery.
  'test/platform/backup.test.ts': 'the SQLite file backup and restore (a server is backed up by `cli backup --db postgres://…`, test/team/team-backup.test.ts)',
  'test/platform/backup-service.test.ts': 'Pengaturan › Cadangan copying and restoring the file; on a server Cadangkan and Pulihkan are the server\'s own copy (test/team/server-backup-restore.test.ts)',
  'test/platform/readers.test.ts': 'the reader threads beside the writer: a host on a server starts none (the pg pool reads side by side)',
  'test/platform/read-channels.test.ts': 'read channels on read-only reader threads, checked by total_changes: neither exists on a server',
  'test/planning/plan-reader.test.ts': 'planning:propose on the reader threads, which a host on a server does not start',
  'test/employees/history-writer.test.ts': 'the history writer under a bulk transaction (SQLite prepared statements); its TypeORM side runs on both in test/team/sql-parity.test.ts',
  'test/platform/demo.test.ts': 'the demo load in one SQLite transaction (the FTS table, cancelling half-way); on a server the demo goes through demo-on-server, tested in test/team/server-services.test.ts',
  // Already on a server in the first pass: they open their own PostgreSQL database whatever the environment says.
  'test/team/open-server.test.ts': 'opens the embedded server itself in every pass',
  'test/team/server-services.test.ts': 'compares a file and a server side by side in every pass',
  'test/team/demo-on-server.test.ts': 'opens the embedded server itself in every pass',
  'test/team/import-on-server.test.ts': 'compares a file and a server side by side in every pass',
  // The import's tests of the file itself (its other test files run in this pass; test/team/import-on-server.test.ts
  // compares an import on a file and on a server row by row).
  'test/import/bench-baselines.test.ts': 'the bench\'s raw better-sqlite3 baselines (SQLite by nature)',
  'test/import/hostile-files.test.ts': 'the import\'s sandbox copies the database file',
  'test/import/import-backup.test.ts': 'the import\'s daily file copy (a server takes none)',
};
