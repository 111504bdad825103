// Cross-field rules for an employee record, shared by the form (live feedback) and main (the authority).
// Errors block a save; warnings are shown and saved along (historic data is imperfect).

import type { FieldIssue } from '../errors';
import { fullYearsBetween, isIsoDate, type IsoDate } from './dates';
import { educationLabel, exceedsEducationCeiling, educationInfo } from './education';
import { golonganByCode, golonganLabel } from './golongan';
import { crossCheckNip, parseNip } from './nip';

export interface EmployeeRuleInput {
  nip: string;
  birthDate: string;
  gender: string;
  employmentType: string;
  cpnsTmt?: string | null;
  pnsTmt?: string | null;
  golongan?: number | null;
  golonganTmt?: string | null;
  positionTmt?: string | null;
  educationLevel?: string | null;
  educationYear?: number | null;
  status?: string | null;
  statusDate?: string | null;
}

export interface RuleOutcome {
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

/**
 * Every rule at once. The add/edit form runs this while the officer types, so a rule that needs a field not yet
 * filled in (the birth date) is skipped rather than guessed; main always checks a complete record.
 */
export function checkEmployeeRules(input: EmployeeRuleInput, today: IsoDate): RuleOutcome {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const birthDate = isIsoDate(input.birthDate) ? input.birthDate : null;

  const nip = parseNip(input.nip, today);
  if (!nip.ok) {
    for (const e of nip.errors) errors.push({ path: 'nip', message: e.message });
  } else {
    for (const w of nip.warnings) warnings.push({ path: 'nip', message: w.message });
    const stored = { birthDate, gender: input.gender || null, cpnsTmt: input.employmentType === 'PPPK' ? null : input.cpnsTmt };
    for (const m of crossCheckNip(nip.value, stored)) {
      warnings.push({ path: m.field, message: `Tidak cocok dengan NIP: ${m.message}` });
    }
  }

  if (birthDate && birthDate > today) errors.push({ path: 'birthDate', message: 'Tanggal lahir tidak boleh di masa depan.' });
  else if (birthDate && fullYearsBetween(birthDate, today) > 80) {
    warnings.push({ path: 'birthDate', message: 'Usia lebih dari 80 tahun; periksa tanggal lahir.' });
  }

  if (input.cpnsTmt) {
    if (birthDate && input.cpnsTmt <= birthDate) {
      errors.push({ path: 'cpnsTmt', message: 'TMT CPNS/PPPK harus setelah tanggal lahir.' });
    } else if (birthDate && fullYearsBetween(birthDate, input.cpnsTmt) < 18) {
      warnings.push({ path: 'cpnsTmt', message: 'Usia saat TMT CPNS/PPPK di bawah 18 tahun.' });
    }
    if (input.cpnsTmt > today) warnings.push({ path: 'cpnsTmt', message: 'TMT CPNS/PPPK berada di masa depan.' });
  } else if (input.employmentType !== 'PPPK') {
    errors.push({ path: 'cpnsTmt', message: 'TMT CPNS wajib diisi untuk PNS dan CPNS.' });
  }

  if (input.pnsTmt) {
    if (input.employmentType !== 'PNS') warnings.push({ path: 'pnsTmt', message: 'TMT PNS hanya berlaku untuk pegawai berstatus PNS.' });
    if (input.cpnsTmt && input.pnsTmt < input.cpnsTmt) errors.push({ path: 'pnsTmt', message: 'TMT PNS tidak boleh sebelum TMT CPNS.' });
  }

  if (input.golongan != null) {
    const g = golonganByCode(input.golongan);
    if (!g) errors.push({ path: 'golongan', message: `Golongan ${input.golongan} tidak dikenal.` });
    else if (input.employmentType === 'PPPK' && g.scheme !== 'pppk') {
      errors.push({ path: 'golongan', message: `Pegawai PPPK memakai golongan PPPK (I–XVII), bukan ${g.label}.` });
    } else if (input.employmentType !== 'PPPK' && g.scheme !== 'pns') {
      errors.push({ path: 'golongan', message: `PNS/CPNS memakai golongan ruang (I/a–IV/e), bukan golongan PPPK ${g.label}.` });
    } else if (g.scheme === 'pns' && input.educationLevel && exceedsEducationCeiling(g.code, input.educationLevel)) {
      const ceiling = golonganLabel(educationInfo(input.educationLevel)?.ceiling);
      warnings.push({
        path: 'golongan',
        message: `Golongan ${g.label} di atas batas kenaikan pangkat reguler untuk pendidikan ${educationLabel(input.educationLevel)} (${ceiling}).`,
      });
    }
    if (input.golonganTmt && input.cpnsTmt && input.golonganTmt < input.cpnsTmt) {
      errors.push({ path: 'golonganTmt', message: 'TMT golongan tidak boleh sebelum TMT CPNS/PPPK.' });
    }
  } else if (input.employmentType !== 'PPPK' && input.status === 'active') {
    warnings.push({ path: 'golongan', message: 'Golongan belum diisi.' });
  }
  if (input.golonganTmt && input.golonganTmt > today) warnings.push({ path: 'golonganTmt', message: 'TMT golongan berada di masa depan.' });

  if (input.positionTmt) {
    if (birthDate && input.positionTmt <= birthDate) errors.push({ path: 'positionTmt', message: 'TMT jabatan harus setelah tanggal lahir.' });
    else if (input.cpnsTmt && input.positionTmt < input.cpnsTmt) warnings.push({ path: 'positionTmt', message: 'TMT jabatan sebelum TMT CPNS/PPPK.' });
  }

  if (input.educationYear != null) {
    const thisYear = Number(today.slice(0, 4));
    if (input.educationYear > thisYear) errors.push({ path: 'educationYear', message: 'Tahun lulus tidak boleh di masa depan.' });
    else if (birthDate && input.educationYear < Number(birthDate.slice(0, 4)) + 10) errors.push({ path: 'educationYear', message: 'Tahun lulus terlalu dekat dengan tahun lahir.' });
  }

  if (input.status && input.status !== 'active' && !input.statusDate) {
    warnings.push({ path: 'statusDate', message: 'Tanggal perubahan status sebaiknya diisi.' });
  }
  if (input.statusDate && input.statusDate > today) warnings.push({ path: 'statusDate', message: 'Tanggal status berada di masa depan.' });

  return { errors, warnings };
}
