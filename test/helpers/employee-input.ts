import { employeeInputFromProfile, type EmployeeInput } from '../../shared/schemas/employees';

/** The form payload for an existing profile (what the edit form would send unchanged). */
export const inputFromProfile = employeeInputFromProfile;

export const NEW_EMPLOYEE: EmployeeInput = {
  nip: '19900215 201503 2 001', name: 'Rina Marlina', backTitle: 'S.Kom.', birthPlace: 'Sindangraja', birthDate: '1990-02-15',
  gender: 'P', employmentType: 'PNS', cpnsTmt: '2015-03-01', pnsTmt: '2016-05-01', golongan: 32, golonganTmt: '2019-04-01',
  educationLevel: 'S1', educationMajor: 'Teknik Informatika', educationYear: 2012, status: 'active',
};
