import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { normaliseNipInput } from '../domain/nip';
import { empty, id, optionalText } from './common';
import { labelled } from './field-label';
import { editVersion } from './edit-version';

export const year = z.number().int().min(1990).max(2100);

export const box = labelled(z.number().int().min(1, { message: 'Kotak 1–9.' }).max(9, { message: 'Kotak 1–9.' }), 'Kotak');

export const kinerjaAxis = z.enum(['di_bawah', 'sesuai', 'di_atas']);

export const potensiAxis = z.enum(['rendah', 'menengah', 'tinggi']);

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

export const boxSummary = z.object({
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

export const sessionRow = z.object({
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
  /** The version of the session's details, sent back with an edit of them. */
  version: editVersion,
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
export const sessionDetails = {
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
