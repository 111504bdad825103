// Succession planning's SQL, by the seams of the service: the overview and key positions, one target post, the
// candidate ranking, and saved plans. The derived per-person facts are facts.sql.ts (registered in db/derived.ts).

import { overviewSql } from './overview.sql';
import { plansSql } from './plans.sql';
import { positionsSql } from './positions.sql';
import { rankingSql } from './ranking.sql';

export const successionSql = {
  overview: overviewSql,
  positions: positionsSql,
  ranking: rankingSql,
  plans: plansSql,
};

export type SuccessionSql = typeof successionSql;
