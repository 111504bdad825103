// succession: channel → request/response. The schemas are in shared/schemas/succession.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { empty, id, isoDate } from '../../schemas/common';
import { bench, candidateDetail, incumbent, positionDetail, rankRequest, rankResult, readiness, requirements, rumpunName, savePlanRequest, structuralPositionRow, successionOverview, successionSettings } from '../../schemas/succession';
import { editVersion, withVersion, versionedPatch } from '../../schemas/edit-version';

export const successionChannels = defineChannels({
  /** The Suksesi page: key positions with risk, the vacancy timeline, bench strength, per-OPD summary. */
  'succession:overview': { permission: 'data:read', mode: 'read', request: z.object({ asOf: isoDate.optional() }).strict(), response: successionOverview },
  /** One position: incumbent, risk, requirements, the saved plan with each candidate's checklist, history, chain. */
  'succession:position': { permission: 'data:read', mode: 'read', request: z.object({ positionId: id }).strict(), response: positionDetail },
  /** Candidates ranked over the whole district, each with an explained score and a checklist. */
  'succession:rank': { permission: 'data:read', mode: 'read', request: rankRequest, response: rankResult },
  /** One person against one position: checklist, score, development needs, competency levels. */
  'succession:candidate': { permission: 'data:read', mode: 'read', request: z.object({ positionId: id, employeeId: id }).strict(), response: candidateDetail },
  /** Saves the whole plan (candidates in order, readiness, notes) as a new revision; audited. */
  'succession:savePlan': { permission: 'data:write', request: savePlanRequest, response: z.object({ planId: id, revision: z.number().int(), changed: z.boolean() }) },
  /** Structural posts, to mark key positions. */
  'succession:positions': { permission: 'data:read', mode: 'read',
    request: z.object({ search: z.string().trim().max(100).optional(), level: z.string().max(40).optional(), keyOnly: z.boolean().optional() }).strict(),
    response: z.object({ rows: z.array(structuralPositionRow) }),
  },
  /** Marks or unmarks a key position (jabatan kritikal); audited. */
  /** `version` is the position's as the screen read it (the position's own version: its competency standard shares it). */
  'succession:setKey': { permission: 'data:write',
    request: z.object({ positionId: id, version: editVersion, isKey: z.boolean() }).strict(),
    response: z.object({ positionId: id, isKey: z.boolean(), version: editVersion }),
  },
  /** Sets a position's rumpun (null: back to Jenjang's proposal); audited. `version` is the position's as the screen
   *  read it: a stale save is refused with who changed the position and when. */
  'succession:setRumpun': { permission: 'data:write',
    request: z.object({ positionId: id, version: editVersion, rumpun: rumpunName.nullable() }).strict(),
    response: z.object({ positionId: id, rumpun: z.string().nullable(), rumpunSetByOffice: z.boolean(), version: editVersion }),
  },
  /** The rumpun in use (with how many positions carry each) and related pairs proposed from the data: the JF
   *  families and the field where most of their holders work. */
  'succession:rumpunOptions': { permission: 'data:read',
    mode: 'read',
    request: empty,
    response: z.object({
      rumpun: z.array(z.object({ name: z.string(), positions: z.number().int() })),
      proposedRelations: z.array(z.object({ a: z.string(), b: z.string(), holders: z.number().int() })),
    }),
  },
  'succession:getSettings': { permission: 'data:read', mode: 'read', request: empty, response: withVersion(successionSettings) },
  'succession:updateSettings': { permission: 'settings', request: versionedPatch(successionSettings), response: withVersion(successionSettings) },
});
