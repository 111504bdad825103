// Kualitas Data: the index per perangkat daerah and the people each check finds. Schemas in shared/schemas/quality.ts.

import { defineChannels } from '../define';
import { qualityFindings, qualityFindingsRequest, qualityOverview, qualityOverviewRequest } from '../../schemas/quality';

export const qualityChannels = defineChannels({
  'quality:overview': { mode: 'read', permission: 'data:read', request: qualityOverviewRequest, response: qualityOverview },
  'quality:findings': { mode: 'read', permission: 'data:read', request: qualityFindingsRequest, response: qualityFindings },
});
