import type { Handlers } from './handler-types';
import { agencyHandlers } from './handlers/agency.ipc';
import { appHandlers } from './handlers/app.ipc';
import { authHandlers } from './handlers/auth.ipc';
import { backupHandlers } from './handlers/backup.ipc';
import { careersHandlers } from './handlers/careers.ipc';
import { careerPathsHandlers } from './handlers/career-paths.ipc';
import { competencyHandlers } from './handlers/competency.ipc';
import { developmentHandlers } from './handlers/development.ipc';
import { employeeHandlers } from './handlers/employees.ipc';
import { exportHandlers } from './handlers/export.ipc';
import { performanceHandlers, talentHandlers } from './handlers/performance.ipc';
import { importHandlers } from './handlers/import.ipc';
import { mentoringHandlers } from './handlers/mentoring.ipc';
import { plansHandlers } from './handlers/plans.ipc';
import { planningHandlers } from './handlers/planning.ipc';
import { privacyHandlers } from './handlers/privacy.ipc';
import { qualityHandlers } from './handlers/quality.ipc';
import { successionHandlers } from './handlers/succession.ipc';
import { reportsHandlers } from './handlers/reports.ipc';
import { securityHandlers } from './handlers/security.ipc';
import { systemHandlers } from './handlers/system.ipc';
import { trainingHandlers } from './handlers/training.ipc';

/** The one handler registry both transports (ipcMain and the web host) are bound to. `satisfies` makes a
 *  channel without a handler a compile error. */
export const handlers = {
  ...appHandlers,
  ...authHandlers,
  ...employeeHandlers,
  ...systemHandlers,
  ...exportHandlers,
  ...competencyHandlers,
  ...performanceHandlers,
  ...talentHandlers,
  ...importHandlers,
  ...developmentHandlers,
  ...trainingHandlers,
  ...plansHandlers,
  ...planningHandlers,
  ...mentoringHandlers,
  ...careersHandlers,
  ...careerPathsHandlers,
  ...successionHandlers,
  ...agencyHandlers,
  ...reportsHandlers,
  ...backupHandlers,
  ...privacyHandlers,
  ...qualityHandlers,
  ...securityHandlers,
} satisfies Handlers;
