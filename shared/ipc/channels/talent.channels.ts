import { z } from 'zod';
import { defineChannels, empty, id } from '../define';
import { optionalText } from './common';
import { population } from './performance.channels';

const year = z.number().int().min(1990).max(2100);
const box = z.number().int().min(1, { message: 'Kotak 1–9.' }).max(9, { message: 'Kotak 1–9.' });
const kinerjaAxis = z.enum(['di_bawah', 'sesuai', 'di_atas']);
const potensiAxis = z.enum(['rendah', 'menengah', 'tinggi']);

export const talentSettings = z.object({
  numbering: z.enum(['permenpanrb', 'kemenkeu']),
  thresholds: z.object({ tinggi: z.number().min(0).max(100), menengah: z.number().min(0).max(100) })
    .refine((t) => t.tinggi > t.menengah, { message: 'Ambang tinggi harus di atas ambang menengah.' }),
  poolBoxes: z.array(box).min(1).max(9),
});
export type TalentSettings = z.infer<typeof talentSettings>;

export const placedPerson = z.object({
  employeeId: id,
  nip: z.string(),
  fullName: z.string(),
  positionName: z.string().nullable(),
  unitName: z.string().nullable(),
  kinerja: kinerjaAxis,
  potensi: potensiAxis,
  computedBox: box,
  /** After calibration in a Komite Talenta session of that year (the latest calibration counts). */
  calibratedBox: box.nullable(),
  finalBox: box,
});
export type PlacedPerson = z.infer<typeof placedPerson>;

const boxSummary = z.object({
  box,
  kinerja: kinerjaAxis,
  potensi: potensiAxis,
  name: z.string(),
  recommendation: z.string(),
  inPool: z.boolean(),
  computed: z.number().int(),
  final: z.number().int(),
  /** The first people of the box (final placement), by name; all of them via talent:boxPeople. */
  people: z.array(placedPerson),
});

const sessionRow = z.object({
  id,
  year: z.number().int(),
  name: z.string(),
  status: z.enum(['draft', 'ditinjau', 'ditetapkan']),
  populationUnitId: id.nullable(),
  populationUnitName: z.string().nullable(),
  populationLevels: z.array(z.string()).nullable(),
  heldOn: z.string().nullable(),
  members: z.array(z.object({ name: z.string(), nip: z.string().nullable(), role: z.string() })),
  notes: z.string().nullable(),
  fixedBy: z.string().nullable(),
  fixedAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  placements: z.number().int(),
  calibrations: z.number().int(),
});
export type TalentSessionRow = z.infer<typeof sessionRow>;

const memberInput = z.object({ name: z.string().trim().min(2).max(120), nip: optionalText(30), role: z.string().trim().min(2).max(80) });

export const talentChannels = defineChannels({
  'talent:settings': { mode: 'read', request: empty, response: talentSettings },
  'talent:updateSettings': { request: talentSettings, response: talentSettings },
  'talent:ninebox': { mode: 'read',
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
  'talent:boxPeople': { mode: 'read',
    request: z.object({ ...population, year, box, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(placedPerson) }),
  },
  /** Why someone sits where they sit: the axis values and the records behind them. */
  'talent:explain': { mode: 'read',
    request: z.object({ employeeId: id, year }).strict(),
    response: z.object({
      employee: z.object({ id, nip: z.string(), fullName: z.string(), positionName: z.string().nullable(), unitName: z.string().nullable() }),
      year: z.number().int(),
      kinerja: z.object({ axis: kinerjaAxis, evaluationId: id, evaluationYear: z.number().int(), basis: z.string() }).nullable(),
      potensi: z.object({ axis: potensiAxis, potentialId: id, assessedOn: z.string(), basis: z.string() }).nullable(),
      computedBox: box.nullable(),
      boxName: z.string().nullable(),
      recommendation: z.string().nullable(),
      calibrations: z.array(z.object({ sessionId: id, sessionName: z.string(), sessionStatus: z.string(), fromBox: box, toBox: box, reason: z.string(), by: z.string(), at: z.string() })),
    }),
  },
  /** The talent pool (Kelompok Rencana Suksesi): final boxes in the pool setting; succession planning reads it. */
  'talent:pool': { mode: 'read',
    request: z.object({ ...population, year }).strict(),
    response: z.object({ boxes: z.array(box), rows: z.array(placedPerson) }),
  },
  'talent:movement': { mode: 'read',
    request: z.object({ ...population, fromYear: year, toYear: year }).strict(),
    response: z.object({
      matrix: z.array(z.object({ fromBox: box, toBox: box, count: z.number().int() })),
      up: z.number().int(),
      down: z.number().int(),
      same: z.number().int(),
      movers: z.array(z.object({ employeeId: id, nip: z.string(), fullName: z.string(), unitName: z.string().nullable(), fromBox: box, toBox: box, direction: z.enum(['naik', 'turun']) })),
    }),
  },
  'talent:sessions': { mode: 'read',
    request: z.object({ year: year.optional() }).strict(),
    response: z.object({ sessions: z.array(sessionRow) }),
  },
  /** Opens a Komite Talenta session: the placements of its population are recorded as they are computed now. */
  'talent:createSession': {
    request: z.object({
      year,
      name: z.string().trim().min(3).max(160),
      populationUnitId: id.nullish().transform((v) => v ?? null),
      populationLevels: z.array(z.string()).max(20).nullish().transform((v) => (v && v.length ? v : null)),
      heldOn: z.string().nullish().transform((v) => v ?? null),
      members: z.array(memberInput).max(40).default([]),
      notes: optionalText(2000),
    }).strict(),
    response: sessionRow,
  },
  'talent:updateSession': {
    request: z.object({ sessionId: id, name: z.string().trim().min(3).max(160).optional(), heldOn: z.string().nullish(), members: z.array(memberInput).max(40).optional(), notes: optionalText(2000) }).strict(),
    response: sessionRow,
  },
  /** A session with its recorded placements per box and every calibration (the berita acara's content). */
  'talent:session': { mode: 'read',
    request: z.object({ sessionId: id }).strict(),
    response: z.object({
      session: sessionRow,
      boxes: z.array(z.object({ box, computed: z.number().int(), final: z.number().int() })),
      moves: z.array(placedPerson.extend({ placementId: id, calibrationReason: z.string().nullable(), calibratedBy: z.string().nullable(), calibratedAt: z.string().nullable() })),
    }),
  },
  /** Moves a person to another box (or back to the computed one with box = null) with a mandatory reason. */
  'talent:calibrate': {
    request: z.object({ sessionId: id, employeeId: id, box: box.nullable(), reason: z.string().trim().min(10, { message: 'Alasan kalibrasi wajib diisi (minimal 10 huruf).' }).max(1000) }).strict(),
    response: placedPerson.extend({ placementId: id, calibrationReason: z.string().nullable() }),
  },
  /** Draft → Ditinjau Komite → Ditetapkan (by the PPK); a fixed session is locked. */
  'talent:setSessionStatus': {
    request: z.object({ sessionId: id, status: z.enum(['draft', 'ditinjau', 'ditetapkan']), fixedBy: optionalText(160) }).strict(),
    response: sessionRow,
  },
});
