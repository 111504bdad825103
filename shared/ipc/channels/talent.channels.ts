import { z } from 'zod';
import { isIsoDate } from '../../domain/dates';
import { normaliseNipInput } from '../../domain/nip';
import { defineChannels, empty, id } from '../define';
import { labelled } from '../field-label';
import { optionalText } from './common';
import { population } from './performance.channels';

const year = z.number().int().min(1990).max(2100);
const box = labelled(z.number().int().min(1, { message: 'Kotak 1–9.' }).max(9, { message: 'Kotak 1–9.' }), 'Kotak');
const kinerjaAxis = z.enum(['di_bawah', 'sesuai', 'di_atas']);
const potensiAxis = z.enum(['rendah', 'menengah', 'tinggi']);

export const talentSettings = z.object({
  numbering: labelled(z.enum(['permenpanrb', 'kemenkeu']), 'Penomoran kotak'),
  thresholds: labelled(z.object({ tinggi: labelled(z.number().min(0).max(100), 'Ambang potensi tinggi'), menengah: labelled(z.number().min(0).max(100), 'Ambang potensi menengah') })
    .refine((t) => t.tinggi > t.menengah, { message: 'Ambang tinggi harus di atas ambang menengah.' }), 'Ambang potensi'),
  poolBoxes: labelled(z.array(box).min(1, { message: 'Pilih paling sedikit satu kotak.' }).max(9), 'Kotak kelompok rencana suksesi'),
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

export const committeeMember = z.object({ name: z.string(), nip: z.string().nullable(), role: z.string() });
export type CommitteeMember = z.infer<typeof committeeMember>;

const sessionRow = z.object({
  id,
  year: z.number().int(),
  name: z.string(),
  status: z.enum(['draft', 'ditinjau', 'ditetapkan']),
  populationUnitId: id.nullable(),
  populationUnitName: z.string().nullable(),
  populationLevels: z.array(z.string()).nullable(),
  /** Required for sessions opened since the berita acara; older ones may lack it until edited. */
  heldOn: z.string().nullable(),
  documentNumber: z.string().nullable(),
  place: z.string().nullable(),
  members: z.array(committeeMember),
  notes: z.string().nullable(),
  /** The Pejabat Pembina Kepegawaian who fixes the result and signs the berita acara. */
  ppkName: z.string().nullable(),
  ppkPosition: z.string().nullable(),
  ppkNip: z.string().nullable(),
  fixedBy: z.string().nullable(),
  fixedAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  placements: z.number().int(),
  calibrations: z.number().int(),
});
export type TalentSessionRow = z.infer<typeof sessionRow>;

/** A NIP as typed or picked (spaces and dots allowed); empty = none. */
const optionalNip = (label: string) => labelled(optionalText(40).transform((v) => (v ? normaliseNipInput(v) : null))
  .refine((v) => v === null || /^\d{18}$/.test(v), { message: `${label} harus 18 angka.` }), label);

const memberInput = z.object({
  name: labelled(z.string().trim().min(2, { message: 'Nama anggota wajib diisi.' }).max(120), 'Nama anggota'),
  nip: optionalNip('NIP anggota'),
  role: labelled(z.string().trim().min(2, { message: 'Peran dalam komite wajib diisi (misalnya Ketua, Anggota).' }).max(80), 'Peran dalam komite'),
});

/** What the secretariat fills in for a session: its name, date, nomor, place, members, the PPK, notes. */
const sessionDetails = {
  name: labelled(z.string().trim().min(3, { message: 'Nama sidang wajib diisi (minimal 3 huruf).' }).max(160), 'Nama sidang'),
  // An empty date field of a form arrives as '': that is a missing date, not a malformed one.
  heldOn: labelled(z.string({ error: 'Tanggal sidang wajib diisi.' }).min(1, { message: 'Tanggal sidang wajib diisi.' })
    .refine((v) => v === '' || isIsoDate(v), { message: 'Tanggal sidang harus tanggal yang ada (TTTT-BB-HH).' }), 'Tanggal sidang'),
  documentNumber: labelled(optionalText(80), 'Nomor berita acara'),
  place: labelled(optionalText(160), 'Tempat sidang'),
  members: labelled(z.array(memberInput).max(40), 'Anggota komite'),
  ppkName: labelled(optionalText(120), 'Nama PPK'),
  ppkPosition: labelled(optionalText(160), 'Jabatan PPK'),
  ppkNip: optionalNip('NIP PPK'),
  notes: labelled(optionalText(2000), 'Catatan'),
};

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
      populationUnitId: id.nullish().transform((v) => v ?? null),
      populationLevels: z.array(z.string()).max(20).nullish().transform((v) => (v && v.length ? v : null)),
      ...sessionDetails,
      members: sessionDetails.members.default([]),
    }).strict(),
    response: sessionRow,
  },
  /** Replaces a session's details (not its year, population or placements); a fixed session refuses. */
  'talent:updateSession': {
    request: z.object({ sessionId: id, ...sessionDetails }).strict(),
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
    request: z.object({
      sessionId: id, employeeId: id, box: box.nullable(),
      reason: labelled(z.string().trim().min(10, { message: 'Alasan kalibrasi wajib diisi (minimal 10 huruf).' }).max(1000, { message: 'Alasan kalibrasi paling banyak 1.000 huruf.' }), 'Alasan kalibrasi'),
    }).strict(),
    response: placedPerson.extend({ placementId: id, calibrationReason: z.string().nullable() }),
  },
  /** Draft → Ditinjau Komite → Ditetapkan (by the PPK); a fixed session is locked. */
  'talent:setSessionStatus': {
    request: z.object({ sessionId: id, status: z.enum(['draft', 'ditinjau', 'ditetapkan']), fixedBy: labelled(optionalText(160), 'Ditetapkan oleh') }).strict(),
    response: sessionRow,
  },
});
