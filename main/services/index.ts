import type { DataSource } from 'typeorm';
import { sqlite, type SqlDialect } from '../db/sql';
import { AgencyService } from './agency.service';
import { AuditService } from './audit.service';
import { BackupService } from './backup/backup.service';
import type { Clock } from './clock';
import { CompetencyService } from './competency.service';
import { PerformanceService } from './performance.service';
import { TalentService } from './talent.service';
import { DemoService } from './demo.service';
import { DevelopmentService } from './development/development.service';
import { EmployeeQueryService } from './employee-query.service';
import { EmployeeService } from './employee.service';
import { FileStore } from '../import/file-store';
import { ImportService } from './import.service';
import { ReferenceService } from './reference.service';
import { SettingsService } from './settings/settings.service';
import { StatsService } from './stats.service';
import { SuccessionService } from './succession/succession.service';

/** Every service, wired to one DataSource and one clock. Plain objects: no Electron, no transport. */
export interface Services {
  dataSource: DataSource;
  /** Every raw SQL statement, one module per capability (main/db/sql/README.md). */
  sql: SqlDialect;
  clock: Clock;
  audit: AuditService;
  settings: SettingsService;
  employees: EmployeeService;
  employeeQuery: EmployeeQueryService;
  reference: ReferenceService;
  stats: StatsService;
  demo: DemoService;
  competency: CompetencyService;
  performance: PerformanceService;
  talent: TalentService;
  files: FileStore;
  imports: ImportService;
  development: DevelopmentService;
  succession: SuccessionService;
  agency: AgencyService;
  backup: BackupService;
}

export function createServices(dataSource: DataSource, clock: Clock, dbPath = ':memory:'): Services {
  const sql = sqlite;
  const audit = new AuditService(dataSource, clock);
  const stats = new StatsService(dataSource);
  const settings = new SettingsService(dataSource, clock, audit);
  const competency = new CompetencyService(dataSource, audit, clock);
  const performance = new PerformanceService(dataSource, audit, clock);
  const talent = new TalentService(dataSource, settings, audit, clock);
  stats.registerSection('competency', () => competency.stats());
  // --year selects the year of both; the default is the latest year with annual SKP.
  stats.registerSection('performance', (_ds, options) => performance.stats(options.year));
  stats.registerSection('talent', async (_ds, options) => talent.stats(options.year ?? (await performance.years()).latest));
  const files = new FileStore();
  const imports = new ImportService(dataSource, audit, clock, files, dbPath);
  stats.registerSection('imports', async () => imports.stats());
  const development = new DevelopmentService(dataSource, audit, clock, settings);
  stats.registerSection('development', (_dataSource, options) => development.stats(options));
  const succession = new SuccessionService(dataSource, audit, settings, clock);
  stats.registerSection('succession', (_dataSource, options) => succession.statsSection(options.asOf));
  return {
    dataSource,
    sql,
    clock,
    audit,
    settings,
    employees: new EmployeeService(dataSource, audit, clock),
    employeeQuery: new EmployeeQueryService(dataSource),
    reference: new ReferenceService(dataSource),
    stats,
    demo: new DemoService(dataSource, audit, clock),
    competency,
    performance,
    talent,
    files,
    imports,
    development,
    succession,
    agency: new AgencyService(dataSource, settings, audit),
    backup: new BackupService(dataSource, clock, dbPath, settings, audit, files),
  };
}
