// Employment types and record statuses. Codes are stored; labels are what users read.

export const EMPLOYMENT_TYPES = [
  { code: 'PNS', label: 'PNS' },
  { code: 'CPNS', label: 'CPNS' },
  { code: 'PPPK', label: 'PPPK' },
] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number]['code'];
export const EMPLOYMENT_TYPE_CODES = EMPLOYMENT_TYPES.map((t) => t.code) as [EmploymentType, ...EmploymentType[]];

export const EMPLOYEE_STATUSES = [
  { code: 'active', label: 'Aktif' },
  { code: 'retired', label: 'Pensiun' },
  { code: 'moved', label: 'Pindah' },
  { code: 'deceased', label: 'Meninggal' },
  { code: 'dismissed', label: 'Diberhentikan' },
] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number]['code'];
export const EMPLOYEE_STATUS_CODES = EMPLOYEE_STATUSES.map((s) => s.code) as [EmployeeStatus, ...EmployeeStatus[]];

export function employeeStatusLabel(code: string): string {
  return EMPLOYEE_STATUSES.find((s) => s.code === code)?.label ?? code;
}

export const GENDERS = [
  { code: 'L', label: 'Laki-laki' },
  { code: 'P', label: 'Perempuan' },
] as const;

export function genderLabel(code: string | null | undefined): string {
  return GENDERS.find((g) => g.code === code)?.label ?? '';
}

/** "dr. Siti Aminah, M.Kes." */
export function fullName(name: string, frontTitle?: string | null, backTitle?: string | null): string {
  const front = frontTitle?.trim();
  const back = backTitle?.trim();
  return `${front ? `${front} ` : ''}${name.trim()}${back ? `, ${back}` : ''}`;
}
