// The IPC contract: every channel, declared once, with its request and response schema. Main validates
// requests against it; the renderer's api client and the preload are typed from it.

import type { z } from 'zod';
import { appChannels } from './channels/app.channels';
import { agencyChannels } from './channels/agency.channels';
import { authChannels } from './channels/auth.channels';
import { auditChannels } from './channels/audit.channels';
import { backupChannels } from './channels/backup.channels';
import { competencyChannels } from './channels/competency.channels';
import { careersChannels } from './channels/careers.channels';
import { careerPathsChannels } from './channels/career-paths.channels';
import { developmentChannels } from './channels/development.channels';
import { employeeChannels } from './channels/employees.channels';
import { performanceChannels } from './channels/performance.channels';
import { talentChannels } from './channels/talent.channels';
import { exportChannels } from './channels/export.channels';
import { importChannels } from './channels/import.channels';
import { mentoringChannels } from './channels/mentoring.channels';
import { plansChannels } from './channels/plans.channels';
import { planningChannels } from './channels/planning.channels';
import { privacyChannels } from './channels/privacy.channels';
import { qualityChannels } from './channels/quality.channels';
import { referenceChannels } from './channels/reference.channels';
import { reportsChannels } from './channels/reports.channels';
import { securityChannels } from './channels/security.channels';
import { statsChannels } from './channels/stats.channels';
import { successionChannels } from './channels/succession.channels';
import { trainingChannels } from './channels/training.channels';

export const contract = {
  ...appChannels,
  ...authChannels,
  ...employeeChannels,
  ...referenceChannels,
  ...auditChannels,
  ...statsChannels,
  ...exportChannels,
  ...competencyChannels,
  ...performanceChannels,
  ...talentChannels,
  ...importChannels,
  ...developmentChannels,
  ...trainingChannels,
  ...plansChannels,
  ...planningChannels,
  ...mentoringChannels,
  ...careersChannels,
  ...careerPathsChannels,
  ...successionChannels,
  ...agencyChannels,
  ...reportsChannels,
  ...backupChannels,
  ...privacyChannels,
  ...qualityChannels,
  ...securityChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller sends (before defaults and transforms). */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What a handler receives (after validation). */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
