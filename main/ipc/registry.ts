import type { Handlers } from './handler-types';
import { agencyHandlers } from './handlers/agency.ipc';
import { appHandlers } from './handlers/app.ipc';
import { backupHandlers } from './handlers/backup.ipc';
import { competencyHandlers } from './handlers/competency.ipc';
import { developmentHandlers } from './handlers/development.ipc';
import { employeeHandlers } from './handlers/employees.ipc';
import { exportHandlers } from './handlers/export.ipc';
import { performanceHandlers, talentHandlers } from './handlers/performance.ipc';
import { importHandlers } from './handlers/import.ipc';
import { successionHandlers } from './handlers/succession.ipc';
import { reportsHandlers } from './handlers/reports.ipc';
import { systemHandlers } from './handlers/system.ipc';

/** The one handler registry both transports (ipcMain and the web host) are bound to. `satisfies` makes a
 *  channel without a handler a compile error. */
export const handlers = {
  ...appHandlers,
  ...employeeHandlers,
  ...systemHandlers,
  ...exportHandlers,
  ...competencyHandlers,
  ...performanceHandlers,
  ...talentHandlers,
  ...importHandlers,
  ...developmentHandlers,
  ...successionHandlers,
  ...agencyHandlers,
  ...reportsHandlers,
  ...backupHandlers,
} satisfies Handlers;
