// talent: channel → request/response. The schemas are in shared/schemas/talent.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { empty, id, optionalText } from '../../schemas/common';
import { labelled } from '../../schemas/field-label';
import { population } from '../../schemas/performance';
import { box, boxSummary, kinerjaAxis, placedPerson, potensiAxis, sessionDetails, sessionRow, talentSettings, year } from '../../schemas/talent';
import { editVersion, withVersion, versionedWhole } from '../../schemas/edit-version';

export const talentChannels = defineChannels({
  'talent:settings': { permission: 'talent:read', mode: 'read', request: empty, response: withVersion(talentSettings) },
  'talent:updateSettings': { permission: 'settings', request: versionedWhole(talentSettings), response: withVersion(talentSettings) },
  'talent:ninebox': { permission: 'talent:read', mode: 'read',
    request: z.object({ ...population, year, peoplePerBox: z.number().int().min(0).max(200).default(30) }).strict(),
    response: z.object({
      year: z.number().int(),
      numbering: z.enum(['permenpanrb', 'kemenkeu']),
      population: z.number().int(),
      placed: z.number().int(),
      boxes: z.array(boxSummary),
      unplaced: z.object({
        count: z.number().int(),
        missingKinerja: z.number().int(),
        missingPotensi: z.number().int(),
        people: z.array(z.object({ employeeId: id, nip: z.string(), fullName: z.string(), positionName: z.string().nullable(), unitName: z.string().nullable(), missing: z.array(z.enum(['kinerja', 'potensi'])) })),
      }),
    }),
  },
  'talent:boxPeople': { permission: 'talent:read', mode: 'read',
    request: z.object({ ...population, year, box, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(placedPerson) }),
  },
  /** Why someone sits where they sit: the axis values and the records behind them. */
  'talent:explain': { permission: 'talent:read', mode: 'read',
    /** With a session: also the person's placement in it, whose version a calibration sends back. */
    request: z.object({ employeeId: id, year, sessionId: id.optional() }).strict(),
    response: z.object({
      employee: z.object({ id, nip: z.string(), fullName: z.string(), positionName: z.string().nullable(), unitName: z.string().nullable() }),
      year: z.number().int(),
      kinerja: z.object({ axis: kinerjaAxis, evaluationId: id, evaluationYear: z.number().int(), basis: z.string() }).nullable(),
      potensi: z.object({ axis: potensiAxis, potentialId: id, assessedOn: z.string(), basis: z.string() }).nullable(),
      computedBox: box.nullable(),
      boxName: z.string().nullable(),
      recommendation: z.string().nullable(),
      calibrations: z.array(z.object({ sessionId: id, sessionName: z.string(), sessionStatus: z.string(), fromBox: box, toBox: box, reason: z.string(), by: z.string(), at: z.string() })),
      /** The person's placement in the session asked for; null without one or when the person is not placed in it. */
      placement: z.object({ placementId: id, version: editVersion }).nullable(),
    }),
  },
  /** The talent pool (Kelompok Rencana Suksesi): final boxes in the pool setting; succession planning reads it. */
  'talent:pool': { permission: 'talent:read', mode: 'read',
    request: z.object({ ...population, year }).strict(),
    response: z.object({ boxes: z.array(box), rows: z.array(placedPerson) }),
  },
  'talent:movement': { permission: 'talent:read', mode: 'read',
    request: z.object({ ...population, fromYear: year, toYear: year }).strict(),
    response: z.object({
      matrix: z.array(z.object({ fromBox: box, toBox: box, count: z.number().int() })),
      up: z.number().int(),
      down: z.number().int(),
      same: z.number().int(),
      movers: z.array(z.object({ employeeId: id, nip: z.string(), fullName: z.string(), unitName: z.string().nullable(), fromBox: box, toBox: box, direction: z.enum(['naik', 'turun']) })),
    }),
  },
  'talent:sessions': { permission: 'talent:read', mode: 'read',
    request: z.object({ year: year.optional() }).strict(),
    response: z.object({ sessions: z.array(sessionRow) }),
  },
  /** Opens a Komite Talenta session: the placements of its population are recorded as they are computed now. */
  'talent:createSession': { permission: 'talent:draft',
    request: z.object({
      year,
      populationUnitId: id.nullish().transform((v) => v ?? null),
      populationLevels: z.array(z.string()).max(20).nullish().transform((v) => (v && v.length ? v : null)),
      ...sessionDetails,
      members: sessionDetails.members.default([]),
    }).strict(),
    response: sessionRow,
  },
  /** Replaces a session's details (not its year, population or placements); a fixed session refuses. */
  'talent:updateSession': { permission: 'talent:draft',
    request: z.object({ sessionId: id, version: editVersion, ...sessionDetails }).strict(),
    response: sessionRow,
  },
  /** A session with its recorded placements per box and every calibration (the berita acara's content). */
  'talent:session': { permission: 'talent:read', mode: 'read',
    request: z.object({ sessionId: id }).strict(),
    response: z.object({
      session: sessionRow,
      boxes: z.array(z.object({ box, computed: z.number().int(), final: z.number().int() })),
      moves: z.array(placedPerson.extend({ placementId: id, calibrationReason: z.string().nullable(), calibratedBy: z.string().nullable(), calibratedAt: z.string().nullable() })),
    }),
  },
  /** Moves a person to another box (or back to the computed one with box = null) with a mandatory reason. */
  'talent:calibrate': { permission: 'talent:decide',
    request: z.object({
      sessionId: id, employeeId: id, box: box.nullable(),
      /** The placement's version the dialog read (talent:explain with the session). */
      version: editVersion,
      reason: labelled(z.string().trim().min(10, { message: 'Alasan kalibrasi wajib diisi (minimal 10 huruf).' }).max(1000, { message: 'Alasan kalibrasi paling banyak 1.000 huruf.' }), 'Alasan kalibrasi'),
    }).strict(),
    response: placedPerson.extend({ placementId: id, calibrationReason: z.string().nullable(), version: editVersion }),
  },
  /** Draft → Ditinjau Komite → Ditetapkan (by the PPK); a fixed session is locked. */
  /** Submitting a Draft to the committee (or taking it back) needs talent:draft or talent:decide; fixing it
   *  (ditetapkan) needs talent:decide: the handler checks the step, the channel admits whoever reads talent data. */
  'talent:setSessionStatus': { permission: 'talent:read',
    request: z.object({ sessionId: id, version: editVersion, status: z.enum(['draft', 'ditinjau', 'ditetapkan']), fixedBy: labelled(optionalText(160), 'Ditetapkan oleh') }).strict(),
    response: sessionRow,
  },
});
