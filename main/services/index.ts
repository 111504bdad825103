import type { DataSource } from 'typeorm';
import { AgencyService } from './agency.service';
import { AuditService } from './audit.service';
import type { Clock } from './clock';
import { DemoService } from './demo.service';
import { EmployeeQueryService } from './employee-query.service';
import { EmployeeService } from './employee.service';
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
  agency: AgencyService;
}

export function createServices(dataSource: DataSource, clock: Clock): Services {
  const audit = new AuditService(dataSource, clock);
  return {
    dataSource,
    clock,
    audit,
    settings: new SettingsService(dataSource, clock),
    employees: new EmployeeService(dataSource, audit, clock),
    employeeQuery: new EmployeeQueryService(dataSource),
    reference: new ReferenceService(dataSource),
    stats: new StatsService(dataSource),
    demo: new DemoService(dataSource, audit, clock),
    agency: new AgencyService(dataSource, new SettingsService(dataSource, clock), audit),
  };
}
