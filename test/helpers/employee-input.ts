import type { EmployeeInput, EmployeeProfile } from '../../shared/schemas/employees';

/** The form payload for an existing profile (what the edit form would send unchanged). */
export function inputFromProfile(p: EmployeeProfile): EmployeeInput {
  return {
    nip: p.nip, nipLama: p.nipLama, name: p.name, frontTitle: p.frontTitle, backTitle: p.backTitle, birthPlace: p.birthPlace,
    birthDate: p.birthDate, gender: p.gender, employmentType: p.employmentType, cpnsTmt: p.cpnsTmt, pnsTmt: p.pnsTmt,
    golongan: p.golongan, golonganTmt: p.golonganTmt, positionId: p.position?.id ?? null, positionTmt: p.positionTmt,
    unitId: p.unit?.id ?? null, educationLevel: p.educationLevel as EmployeeInput['educationLevel'], educationMajor: p.educationMajor,
    educationInstitution: p.educationInstitution, educationYear: p.educationYear, status: p.status, statusDate: p.statusDate,
    email: p.email, phone: p.phone, notes: p.notes,
  };
}

export const NEW_EMPLOYEE: EmployeeInput = {
  nip: '19900215 201503 2 001', name: 'Rina Marlina', backTitle: 'S.Kom.', birthPlace: 'Sindangraja', birthDate: '1990-02-15',
  gender: 'P', employmentType: 'PNS', cpnsTmt: '2015-03-01', pnsTmt: '2016-05-01', golongan: 32, golonganTmt: '2019-04-01',
  educationLevel: 'S1', educationMajor: 'Teknik Informatika', educationYear: 2012, status: 'active',
};
