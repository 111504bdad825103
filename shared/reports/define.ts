// What a report is, independent of where it is loaded (main) or drawn (renderer): its id, catalogue text,
// parameters (as the Laporan page asks for them and as they travel in the print URL and on the CLI), the
// shape of its data, and its tables for "Ekspor XLSX". See shared/reports/README.md for adding one.

import { z } from 'zod';
import { normaliseNipInput } from '../domain/nip';
import type { ExportTable } from '../schemas/export';

/** How the Laporan page asks for one parameter. Every value travels as a string (URL, CLI `--param k=v`). */
export type ReportField =
  | { key: string; kind: 'employee'; label: string; required: boolean }
  /**
   * `required`: the report is one unit by default (a whole district would run to hundreds of pages): the Laporan
   * page starts on the first perangkat daerah, and the whole district is asked for explicitly (UNIT_ALL).
   */
  | { key: string; kind: 'unit'; label: string; allLabel: string; required?: boolean }
  | { key: string; kind: 'text'; label: string; hint: string }
  | { key: string; kind: 'year'; label: string; hint: string }
  | { key: string; kind: 'integer'; label: string; min: number; max: number; hint: string }
  | { key: string; kind: 'select'; label: string; options: ReadonlyArray<{ value: string; label: string }> };

export interface ReportDefinition<Id extends string = string, P extends z.ZodType = z.ZodType, D extends z.ZodType = z.ZodType> {
  id: Id;
  /** Catalogue name: "Proyeksi Pensiun". */
  title: string;
  /** One line in the catalogue. */
  summary: string;
  /** The screen whose data fills the report ("Kinerja"), for texts like "hadir bersama fitur …". */
  source: string;
  /**
   * Set while the capability that supplies the data has not landed: the PDF and the preview then say so
   * (this text) instead of printing empty charts. Remove it when the report gets its loader and component.
   */
  pending?: string;
  /** Parses the string parameters; unknown keys are refused (a typo must not be silently ignored). */
  params: P;
  fields: readonly ReportField[];
  /** The data the main-side loader returns and the report component draws. */
  data: D;
  /**
   * Who signs: 'agency' (default) prints the agency signatory's block after the content; 'report' leaves the
   * signatures to the report component (a berita acara is signed by its committee and the PPK).
   */
  signature?: 'agency' | 'report';
  /** The same numbers as the PDF, one table per sheet, for "Ekspor XLSX". */
  tables(data: z.output<D>): ExportTable[];
}

export function defineReport<const Id extends string, P extends z.ZodType, D extends z.ZodType>(definition: ReportDefinition<Id, P, D>): ReportDefinition<Id, P, D> {
  return definition;
}

/** Parameter values as they arrive: strings from the URL, the CLI or the Laporan form. */
export const rawReportParams = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,30}$/, { message: 'Nama parameter tidak valid.' }), z.string().max(200));
export type RawReportParams = Record<string, string>;

/**
 * The longest register (daftar nominatif, DUK) drawn as one document, about 100 A4 pages; a longer list still
 * fills "Ekspor XLSX".
 */
export const MAX_PRINTED_ROWS = 3_000;

/**
 * The parameter every report accepts besides its own: "untuk pimpinan" leaves out phone, e-mail, address and the
 * full birth date (the birth year stays, so an age can still be read). It travels like any parameter (print URL,
 * CLI `--untuk-pimpinan`) and is taken out before the report's own schema reads the rest.
 */
export const FOR_LEADERSHIP_PARAM = 'untukPimpinan';
const FOR_LEADERSHIP_VALUES: Record<string, boolean> = { ya: true, '1': true, true: true, tidak: false, '0': false, false: false, '': false };

/** Splits "untuk pimpinan" from a report's own parameters; a value that is not yes or no is refused. */
export function splitLeadershipParam(raw: RawReportParams): { forLeadership: boolean; params: RawReportParams } | { error: string } {
  if (!Object.prototype.hasOwnProperty.call(raw, FOR_LEADERSHIP_PARAM)) return { forLeadership: false, params: raw };
  const { [FOR_LEADERSHIP_PARAM]: value, ...params } = raw;
  const forLeadership = FOR_LEADERSHIP_VALUES[value.trim().toLowerCase()];
  if (forLeadership === undefined) return { error: `Parameter ${FOR_LEADERSHIP_PARAM} harus "ya" atau "tidak", bukan "${value.slice(0, 20)}".` };
  return { forLeadership, params };
}

/** Keys of personal data left out "untuk pimpinan"; a birth date keeps its year. */
const CONTACT_KEYS = new Set(['phone', 'email', 'address']);
const BIRTH_DATE_KEYS = new Set(['birthDate']);

/**
 * A report's data without contact data and with birth years only, whatever the report: every object key named
 * phone, email or address becomes null, every birthDate its year ("1968").
 */
export function withoutPersonalData<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => withoutPersonalData(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (CONTACT_KEYS.has(key)) out[key] = item === undefined ? undefined : null;
    else if (BIRTH_DATE_KEYS.has(key) && typeof item === 'string') out[key] = item.slice(0, 4);
    else out[key] = withoutPersonalData(item);
  }
  return out as T;
}

/** The value of a required unit parameter that asks for every perangkat daerah. */
export const UNIT_ALL = 'semua';

/** String → value parsers with Indonesian messages, for report parameter schemas. */
export const reportParam = {
  /** A unit id, or UNIT_ALL for the whole district (null). */
  unitOrAll: (label: string) =>
    z.string({ message: `${label} wajib diisi: nomor ID unit kerja, atau "${UNIT_ALL}" untuk semua perangkat daerah.` }).trim()
      .refine((v) => v === UNIT_ALL || (/^\d{1,9}$/.test(v) && Number(v) > 0), { message: `${label} harus nomor ID unit kerja, atau "${UNIT_ALL}" untuk semua perangkat daerah.` })
      .transform((v) => (v === UNIT_ALL ? null : Number(v))),
  text: (label: string, max: number) =>
    z.string().trim().max(max, { message: `${label} paling banyak ${max} karakter.` }),
  /** One of `values` (codes), with the labels named in the message. */
  oneOf: <const T extends readonly [string, ...string[]]>(label: string, values: T, labels: readonly string[]) =>
    z.enum(values, { message: `${label} harus salah satu dari: ${labels.join(', ')}.` }),
  id: (label: string) =>
    z.string().trim().regex(/^\d{1,9}$/, { message: `${label} harus nomor ID (angka).` }).transform(Number)
      .refine((n) => n > 0, { message: `${label} harus nomor ID (angka).` }),
  year: (label: string) =>
    z.string().trim().regex(/^\d{4}$/, { message: `${label} harus tahun empat angka, misalnya 2027.` }).transform(Number)
      .refine((y) => y >= 1990 && y <= 2100, { message: `${label} harus antara 1990 dan 2100.` }),
  integer: (label: string, min: number, max: number) =>
    z.string().trim().regex(/^\d{1,4}$/, { message: `${label} harus bilangan bulat ${min}–${max}.` }).transform(Number)
      .refine((n) => n >= min && n <= max, { message: `${label} harus bilangan bulat ${min}–${max}.` }),
  nip: (label: string) =>
    z.string().transform(normaliseNipInput).refine((v) => /^\d{18}$/.test(v), { message: `${label} harus NIP 18 angka.` }),
};

/** What a report (or one section of it) holds: its data, or an honest sentence why there is none. */
export function reportContent<D extends z.ZodType>(data: D) {
  return z.discriminatedUnion('status', [
    z.object({ status: z.literal('ready'), data }),
    /** The capability exists, but this database has nothing for these parameters. */
    z.object({ status: z.literal('empty'), message: z.string() }),
    /** The capability that supplies the data is not built yet. */
    z.object({ status: z.literal('unavailable'), message: z.string() }),
  ]);
}
export type ReportContent<D> =
  | { status: 'ready'; data: D }
  | { status: 'empty'; message: string }
  | { status: 'unavailable'; message: string };
