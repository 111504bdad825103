// Indonesian labels of the employee fields, used by the form, the audit log and import messages.

export const EMPLOYEE_FIELD_LABELS: Record<string, string> = {
  nip: 'NIP',
  nipLama: 'NIP lama',
  name: 'Nama',
  frontTitle: 'Gelar depan',
  backTitle: 'Gelar belakang',
  birthPlace: 'Tempat lahir',
  birthDate: 'Tanggal lahir',
  gender: 'Jenis kelamin',
  employmentType: 'Jenis pegawai',
  cpnsTmt: 'TMT CPNS/PPPK',
  pnsTmt: 'TMT PNS',
  golongan: 'Golongan',
  golonganTmt: 'TMT golongan',
  positionId: 'Jabatan',
  positionTmt: 'TMT jabatan',
  unitId: 'Unit kerja',
  educationLevel: 'Tingkat pendidikan',
  educationMajor: 'Jurusan',
  educationInstitution: 'Nama sekolah/perguruan tinggi',
  educationYear: 'Tahun lulus',
  status: 'Status',
  statusDate: 'Tanggal status',
  email: 'Email',
  phone: 'Telepon',
  notes: 'Catatan',
};

export function employeeFieldLabel(field: string): string {
  return EMPLOYEE_FIELD_LABELS[field] ?? field;
}
