import { z } from 'zod';
import { EDUCATION_CODES } from '../domain/education';
import { EMPLOYEE_STATUS_CODES, EMPLOYMENT_TYPE_CODES } from '../domain/employee-status';
import { ALL_GOLONGAN } from '../domain/golongan';
import { POSITION_KIND_CODES, POSITION_LEVEL_CODES } from '../domain/position';
import { RETIREMENT_WATCH_CODES } from '../domain/retirement-watch';
import { id, fieldIssue, isoDate, optionalText, requiredIsoDate, sortDirection } from './common';

const golonganCode = z.number().int().refine((code) => ALL_GOLONGAN.some((g) => g.code === code), { message: 'Golongan tidak dikenal.' });

/** What the add/edit form sends. Cross-field rules live in shared/domain/employee-rules.ts. */
export const employeeInput = z.object({
  nip: z.string().trim().min(1, { message: 'NIP wajib diisi.' }).max(40),
  nipLama: optionalText(20),
  name: z.string().trim().min(2, { message: 'Nama minimal 2 huruf.' }).max(120, { message: 'Nama paling banyak 120 huruf.' }),
  frontTitle: optionalText(40),
  backTitle: optionalText(60),
  birthPlace: optionalText(80),
  birthDate: requiredIsoDate('Tanggal lahir wajib diisi.'),
  gender: z.enum(['L', 'P'], { message: 'Pilih jenis kelamin.' }),
  employmentType: z.enum(EMPLOYMENT_TYPE_CODES),
  cpnsTmt: isoDate.nullish().transform((v) => v ?? null),
  pnsTmt: isoDate.nullish().transform((v) => v ?? null),
  golongan: golonganCode.nullish().transform((v) => v ?? null),
  golonganTmt: isoDate.nullish().transform((v) => v ?? null),
  positionId: id.nullish().transform((v) => v ?? null),
  positionTmt: isoDate.nullish().transform((v) => v ?? null),
  unitId: id.nullish().transform((v) => v ?? null),
  educationLevel: z.enum(EDUCATION_CODES).nullish().transform((v) => v ?? null),
  educationMajor: optionalText(120),
  educationInstitution: optionalText(120),
  educationYear: z.number().int().min(1940).max(2100).nullish().transform((v) => v ?? null),
  status: z.enum(EMPLOYEE_STATUS_CODES).default('active'),
  statusDate: isoDate.nullish().transform((v) => v ?? null),
  email: optionalText(120).refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: 'Alamat email tidak valid.' }),
  phone: optionalText(30).refine((v) => v === null || /^[+0-9 ()-]{6,30}$/.test(v), { message: 'Nomor telepon hanya boleh berisi angka, spasi, +, -, ( ).' }),
  notes: optionalText(2000),
}).strict();

export type EmployeeInput = z.input<typeof employeeInput>;

export type EmployeeInputParsed = z.output<typeof employeeInput>;

export const EMPLOYEE_SORT_FIELDS = ['name', 'nip', 'golongan', 'unit', 'position', 'birthDate', 'retirementDate'] as const;

export const employeeListRequest = z.object({
  search: z.string().max(100).optional(),
  unitId: id.optional(),
  golongan: z.array(z.number().int()).max(40).optional(),
  positionKind: z.array(z.enum(POSITION_KIND_CODES)).max(10).optional(),
  status: z.array(z.enum(EMPLOYEE_STATUS_CODES)).max(10).optional(),
  employmentType: z.array(z.enum(EMPLOYMENT_TYPE_CODES)).max(5).optional(),
  /** TMT pensiun already reached, or reached within the next 12 months (shared/domain/retirement-watch.ts). */
  retirement: z.enum(RETIREMENT_WATCH_CODES).optional(),
  sort: z.object({ field: z.enum(EMPLOYEE_SORT_FIELDS), direction: sortDirection }).default({ field: 'name', direction: 'asc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
}).strict();

export type EmployeeListRequest = z.input<typeof employeeListRequest>;

export const employeeRow = z.object({
  id,
  nip: z.string(),
  fullName: z.string(),
  unitName: z.string().nullable(),
  opdName: z.string().nullable(),
  positionName: z.string().nullable(),
  positionKind: z.string().nullable(),
  positionLevel: z.string().nullable(),
  golongan: z.number().nullable(),
  status: z.string(),
  employmentType: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  retirementDate: z.string(),
});

export type EmployeeRow = z.infer<typeof employeeRow>;

const positionRef = z.object({
  id,
  name: z.string(),
  kind: z.enum(POSITION_KIND_CODES),
  level: z.enum(POSITION_LEVEL_CODES),
  eselon: z.string().nullable(),
  bupOverride: z.number().nullable(),
  isKey: z.boolean(),
});

export const employeeProfile = z.object({
  id,
  version: z.number().int(),
  nip: z.string(),
  nipLama: z.string().nullable(),
  name: z.string(),
  frontTitle: z.string().nullable(),
  backTitle: z.string().nullable(),
  fullName: z.string(),
  birthPlace: z.string().nullable(),
  birthDate: z.string(),
  gender: z.enum(['L', 'P']),
  employmentType: z.enum(EMPLOYMENT_TYPE_CODES),
  cpnsTmt: z.string().nullable(),
  pnsTmt: z.string().nullable(),
  golongan: z.number().nullable(),
  golonganTmt: z.string().nullable(),
  position: positionRef.nullable(),
  positionTmt: z.string().nullable(),
  unit: z.object({ id, name: z.string(), path: z.array(z.object({ id, name: z.string() })) }).nullable(),
  educationLevel: z.string().nullable(),
  educationMajor: z.string().nullable(),
  educationInstitution: z.string().nullable(),
  educationYear: z.number().nullable(),
  status: z.enum(EMPLOYEE_STATUS_CODES),
  statusDate: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  nipCheck: z.object({
    valid: z.boolean(),
    birthDate: z.string().nullable(),
    cpnsYearMonth: z.string().nullable(),
    gender: z.string().nullable(),
    problems: z.array(z.string()),
    mismatches: z.array(z.object({ field: z.string(), fromNip: z.string(), stored: z.string(), message: z.string() })),
  }),
  retirement: z.object({ bup: z.number(), date: z.string(), monthsLeft: z.number(), basis: z.string() }),
  ageYears: z.number(),
  serviceMonths: z.number().nullable(),
  monthsInRank: z.number().nullable(),
  monthsInPosition: z.number().nullable(),
  warnings: z.array(fieldIssue),
});

export type EmployeeProfile = z.infer<typeof employeeProfile>;

/** The edit form's payload for a stored profile, unchanged: what a save sends when only some fields are edited. */
export function employeeInputFromProfile(p: EmployeeProfile): EmployeeInput {
  return {
    nip: p.nip, nipLama: p.nipLama, name: p.name, frontTitle: p.frontTitle, backTitle: p.backTitle, birthPlace: p.birthPlace,
    birthDate: p.birthDate, gender: p.gender, employmentType: p.employmentType, cpnsTmt: p.cpnsTmt, pnsTmt: p.pnsTmt,
    golongan: p.golongan, golonganTmt: p.golonganTmt, positionId: p.position?.id ?? null, positionTmt: p.positionTmt,
    unitId: p.unit?.id ?? null, educationLevel: p.educationLevel as EmployeeInput['educationLevel'], educationMajor: p.educationMajor,
    educationInstitution: p.educationInstitution, educationYear: p.educationYear, status: p.status, statusDate: p.statusDate,
    email: p.email, phone: p.phone, notes: p.notes,
  };
}

export const positionHistoryRow = z.object({
  id,
  tmt: z.string(),
  endDate: z.string().nullable(),
  positionName: z.string(),
  positionLevel: z.string().nullable(),
  unitName: z.string().nullable(),
  skNumber: z.string().nullable(),
  source: z.string(),
});

export const rankHistoryRow = z.object({
  id,
  tmt: z.string(),
  golongan: z.number(),
  kind: z.string().nullable(),
  skNumber: z.string().nullable(),
  source: z.string(),
});

export const saveResult = z.object({ id, version: z.number().int(), warnings: z.array(fieldIssue) });
