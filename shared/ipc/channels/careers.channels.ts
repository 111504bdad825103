// careers: channel → request/response. The schemas are in shared/schemas/careers.ts.

import { z } from 'zod';
import { POSITION_KIND_CODES } from '../../domain/position';
import { defineChannels } from '../define';
import { empty, id, isoDate } from '../../schemas/common';
import { fileResponse, page, promotionCalendarRule, text } from '../../schemas/development';
import { careerRulesSettings, kgbRequest, kgbRow, promotionRequest, promotionRow, rotationRow, satyalancanaRequest, satyalancanaRow, unitCounts, yearMonth } from '../../schemas/careers';
import { withVersion, versionedPatch } from '../../schemas/edit-version';

export const careersChannels = defineChannels({
  'careers:rotation': { permission: 'data:read',
    mode: 'read',
    request: z.object({ unitId: id.optional(), kind: z.enum(POSITION_KIND_CODES).optional(), search: z.string().max(100).optional(), ...page }).strict(),
    response: z.object({
      years: z.number().int(), cutoff: text, total: z.number().int(), rows: z.array(rotationRow),
      units: z.array(z.object({ unitId: id.nullable(), unitName: text, candidates: z.number().int(), population: z.number().int() })),
    }),
  },
  /** The periods of the calendar the picker offers (past and future), and the next one (the default). */
  'careers:promotionPeriods': { permission: 'data:read',
    mode: 'read',
    request: empty,
    response: z.object({ today: text, next: text.nullable(), periods: z.array(text), calendar: z.array(promotionCalendarRule) }),
  },
  'careers:promotionList': { permission: 'data:read',
    mode: 'read',
    request: promotionRequest,
    response: z.object({
      period: text,
      /** The usulan deadline of the period (TMT minus the months in Pengaturan). */
      deadline: text,
      /** The two annual SKP years checked: the last two due by the deadline, oldest first. */
      skpYears: z.array(z.number().int()),
      counts: z.object({ eligible: z.number().int(), blocked: z.number().int(), missingDataOnly: z.number().int(), byReason: z.record(z.string(), z.number().int()) }),
      total: z.number().int(), rows: z.array(promotionRow),
    }),
  },
  /** The usulan kenaikan pangkat reguler as an XLSX workbook: the nominative list of the eligible, and the
   *  blocked with their reasons on a second sheet. */
  'careers:promotionExport': { permission: 'data:read',
    mode: 'exclusive',
    request: z.object({ period: isoDate.optional(), unitId: id.optional() }).strict(),
    response: fileResponse,
  },
  /** Who falls due for a kenaikan gaji berkala in the chosen months (from the last rank decree or KGB notice),
   *  due or blocked by performance, with the counts per unit for the usulan. */
  'careers:kgbList': { permission: 'data:read',
    mode: 'read',
    request: kgbRequest,
    response: z.object({
      fromMonth: text, toMonth: text,
      counts: z.object({ due: z.number().int(), blocked: z.number().int() }),
      units: z.array(unitCounts),
      total: z.number().int(), rows: z.array(kgbRow),
    }),
  },
  /** The usulan KGB as an XLSX workbook: the due per unit, and the blocked with their reasons on a second sheet. */
  'careers:kgbExport': { permission: 'data:read',
    mode: 'exclusive',
    request: z.object({ fromMonth: yearMonth.optional(), toMonth: yearMonth.optional(), unitId: id.optional() }).strict(),
    response: fileResponse,
  },
  /** Who reaches 10, 20 or 30 years of service in the chosen year (Satyalancana Karya Satya X, XX, XXX),
   *  eligible or blocked by a hukuman disiplin sedang/berat or a CLTN. */
  'careers:satyalancanaList': { permission: 'data:read',
    mode: 'read',
    request: satyalancanaRequest,
    response: z.object({
      year: z.number().int(),
      counts: z.object({ eligible: z.number().int(), blocked: z.number().int(), byClass: z.record(z.string(), z.number().int()) }),
      units: z.array(unitCounts),
      total: z.number().int(), rows: z.array(satyalancanaRow),
    }),
  },
  /** Pengaturan → Pengembangan & karier, "Aturan administrasi karier": the [P]/[U] rules of DOMAIN §14. */
  'careers:rules': { permission: 'data:read', mode: 'read', request: empty, response: withVersion(careerRulesSettings) },
  'careers:updateRules': { permission: 'settings', request: versionedPatch(careerRulesSettings), response: withVersion(careerRulesSettings) },
  /** Beranda "jatuh tempo": what falls due in the next three months, each figure the count of its list. */
  'careers:dueSoon': { permission: 'data:read',
    mode: 'read',
    request: empty,
    response: z.object({
      today: text, until: text,
      promotion: z.object({ period: text, eligible: z.number().int() }),
      kgb: z.object({ fromMonth: text, toMonth: text, due: z.number().int(), blocked: z.number().int() }),
      retirement: z.number().int(),
      satyalancana: z.number().int(),
    }),
  },
  /** The nominative list of the Satyalancana Karya Satya proposal of a year as an XLSX workbook. */
  'careers:satyalancanaExport': { permission: 'data:read',
    mode: 'exclusive',
    request: z.object({ year: z.number().int().min(1950).max(2100).optional(), unitId: id.optional() }).strict(),
    response: fileResponse,
  },
});
