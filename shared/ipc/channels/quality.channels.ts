// Kualitas Data: the index per perangkat daerah, the people each check finds, and the index over time. Schemas in
// shared/schemas/quality.ts.

import { defineChannels } from '../define';
import { empty } from '../../schemas/common';
import {
  qualityCorrections, qualityCorrectionsRequest, qualityFindings, qualityFindingsRequest, qualityFixRequest, qualityFixResult, qualityOverview,
  qualityCorrection, qualityOverviewRequest, qualityRecordResult, qualityResolveRequest, qualityTrend, qualityTrendRequest,
} from '../../schemas/quality';

export const qualityChannels = defineChannels({
  'quality:overview': { mode: 'read', permission: 'data:read', request: qualityOverviewRequest, response: qualityOverview },
  'quality:findings': { mode: 'read', permission: 'data:read', request: qualityFindingsRequest, response: qualityFindings },
  'quality:trend': { mode: 'read', permission: 'data:read', request: qualityTrendRequest, response: qualityTrend },
  /** The daily record of the index (at most one a day; an import's own record counts), run by the host. */
  'quality:recordDaily': { permission: 'data:write', request: empty, response: qualityRecordResult },
  /** "Perbaiki": an audited employee edit from the NIP, kept as a local correction. */
  'quality:fix': { permission: 'data:write', request: qualityFixRequest, response: qualityFixResult },
  'quality:corrections': { mode: 'read', permission: 'data:read', request: qualityCorrectionsRequest, response: qualityCorrections },
  'quality:resolveCorrection': { permission: 'data:write', request: qualityResolveRequest, response: qualityCorrection },
});
