// Succession planning's SQL, by the seams of the service: the overview and key positions, one target post, the
// candidate ranking, saved plans and the positions' rumpun. The derived per-person facts (facts.sql.ts) and the
// rumpun proposals (rumpun.sql.ts) are kept on write by refreshers registered in db/derived.ts.

import { overviewSql } from './overview.sql';
import { plansSql } from './plans.sql';
import { positionsSql } from './positions.sql';
import { rankingSql } from './ranking.sql';
import { rumpunSql } from './rumpun.sql';

export const successionSql = {
  overview: overviewSql,
  positions: positionsSql,
  ranking: rankingSql,
  plans: plansSql,
  rumpun: rumpunSql,
};

export type SuccessionSql = typeof successionSql;
