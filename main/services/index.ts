import type { DataSource } from 'typeorm';
import { AuditService } from './audit.service';
import type { Clock } from './clock';
import { DemoService } from './demo.service';
import { EmployeeQueryService } from './employee-query.service';
import { EmployeeService } from './employee.service';
import { ReferenceService } from './reference.service';
import { SettingsService } from './settings.service';
import { StatsService } from './stats.service';
import { SuccessionService } from './succession/succession.service';

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
  succession: SuccessionService;
}

export function createServices(dataSource: DataSource, clock: Clock): Services {
  const audit = new AuditService(dataSource, clock);
  const settings = new SettingsService(dataSource, clock);
  const stats = new StatsService(dataSource);
  const succession = new SuccessionService(dataSource, audit, settings, clock);
  stats.registerSection('succession', (_dataSource, options) => succession.statsSection(options.asOf));
  return {
    dataSource,
    clock,
    audit,
    settings,
    employees: new EmployeeService(dataSource, audit, clock),
    employeeQuery: new EmployeeQueryService(dataSource),
    reference: new ReferenceService(dataSource),
    stats,
    demo: new DemoService(dataSource, audit, clock),
    succession,
  };
}
