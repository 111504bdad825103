// Development and careers (Pengembangan): one object per service (training, plans, mentoring, careers), the unit
// and employee reads they share, and what they read from other capabilities (inputs.sql.ts).

import { careersSql } from './careers.sql';
import { careersListsSql } from './careers-lists.sql';
import { developmentInputsSql } from './inputs.sql';
import { mentoringSql } from './mentoring.sql';
import { plansSql } from './plans.sql';
import { trainingSql } from './training.sql';
import { developmentUnitsSql } from './units.sql';

export const developmentSql = {
  units: developmentUnitsSql,
  inputs: developmentInputsSql,
  training: trainingSql,
  plans: plansSql,
  mentoring: mentoringSql,
  careers: careersSql,
  /** KGB, Satyalancana and the discipline block of the promotion list. */
  careersLists: careersListsSql,
};

export type DevelopmentSql = typeof developmentSql;
