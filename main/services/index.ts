import type { DataSource } from 'typeorm';
import { AuditService } from './audit.service';
import type { Clock } from './clock';
import { DemoService } from './demo.service';
import { EmployeeQueryService } from './employee-query.service';
import { EmployeeService } from './employee.service';
import { FileStore } from '../import/file-store';
import { ImportService } from './import.service';
import { ReferenceService } from './reference.service';
import { SettingsService } from './settings.service';
import { StatsService } from './stats.service';

/** Every service, wired to one DataSource and one clock. Plain objects: no Electron, no transport. */
export interface Services {
  dataSource: DataSource;
  clock: Clock;
  audit: AuditService;
  settings: SettingsService;
  employees: EmployeeService;
  employeeQuery: EmployeeQueryService;
  reference: ReferenceService;
  stats: StatsService;
  demo: DemoService;
  files: FileStore;
  imports: ImportService;
}

export function createServices(dataSource: DataSource, clock: Clock, dbPath = ':memory:'): Services {
  const audit = new AuditService(dataSource, clock);
  const files = new FileStore();
  const imports = new ImportService(dataSource, audit, clock, files, dbPath);
  const stats = new StatsService(dataSource);
  stats.registerSection('imports', async () => imports.stats());
  return {
    dataSource,
    clock,
    audit,
    settings: new SettingsService(dataSource, clock),
    employees: new EmployeeService(dataSource, audit, clock),
    employeeQuery: new EmployeeQueryService(dataSource),
    reference: new ReferenceService(dataSource),
    stats,
    demo: new DemoService(dataSource, audit, clock),
    files,
    imports,
  };
}
