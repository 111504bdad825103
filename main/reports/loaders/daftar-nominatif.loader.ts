// Daftar Nominatif Pegawai: the employees a Pegawai list filter selects (the same conditions as employees:list,
// db/sql/employees/list.sql.ts), by perangkat daerah, unit and seniority of position, with the columns of a
// daftar nominatif. The Pegawai page exports its list through this report, so list, XLSX and PDF agree.

import { employeeStatusLabel, EMPLOYEE_STATUSES, EMPLOYMENT_TYPES } from '../../../shared/domain/employee-status';
import { educationLabel } from '../../../shared/domain/education';
import { golonganByCode } from '../../../shared/domain/golongan';
import { POSITION_KINDS, POSITION_LEVELS } from '../../../shared/domain/position';
import { RETIREMENT_WATCH, retirementWindow } from '../../../shared/domain/retirement-watch';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import { ALL_STATUSES, type NominativeRow } from '../../../shared/reports/daftar-nominatif.report';
import { readEmployeeRow } from '../../db/sql/employee-rows.sql';
import type { EmployeeListFilter } from '../../db/sql/employees';
import { managerRun } from '../../db/sql/run';
import { unitPathName, unitScope } from './describe';
import { MAX_PRINTED_ROWS, tooLongToPrint } from './registers';
import type { ReportLoader } from './types';

/** Position levels from the most senior down (JPT first), the order of a daftar nominatif within a unit. */
const LEVELS_BY_SENIORITY = [...POSITION_LEVELS].sort((a, b) => b.seniority - a.seniority).map((l) => l.code as string);

export const daftarNominatifLoader: ReportLoader<'daftar-nominatif'> = async (params, { services, today, purpose }) => {
  const scope = params.unit !== null ? await unitScope(services, params.unit) : null;
  const unitName = scope ? await unitPathName(services, scope) : null;
  const status = params.status === ALL_STATUSES ? undefined : [params.status ?? 'active'];
  const filter: EmployeeListFilter = {
    unitId: scope?.id,
    search: params.cari,
    golongan: params.golongan !== undefined ? [params.golongan] : undefined,
    positionKind: params.jenis ? [params.jenis] : undefined,
    status,
    employmentType: params.jenisPegawai ? [params.jenisPegawai] : undefined,
    ...retirementWindow(params.pensiun, today),
  };
  const filters = [
    `Status: ${status ? employeeStatusLabel(status[0]) : 'semua status'}`,
    ...(params.golongan !== undefined ? [`Golongan: ${golonganByCode(params.golongan)?.label ?? params.golongan}`] : []),
    ...(params.jenis ? [`Jenis jabatan: ${POSITION_KINDS.find((k) => k.code === params.jenis)?.label}`] : []),
    ...(params.jenisPegawai ? [`Jenis pegawai: ${EMPLOYMENT_TYPES.find((t) => t.code === params.jenisPegawai)?.label}`] : []),
    ...(params.pensiun ? [`Pensiun: ${RETIREMENT_WATCH.find((w) => w.code === params.pensiun)?.label}`] : []),
    ...(params.cari ? [`Pencarian: "${params.cari}"`] : []),
  ];
  const run = managerRun(services.dataSource);
  const rows = await services.sql.employees.nominativeRows(run, filter, LEVELS_BY_SENIORITY);
  const title = 'Daftar Nominatif Pegawai';
  const parameters = [
    { label: 'Unit kerja', value: unitName ?? 'Semua perangkat daerah' },
    { label: 'Keadaan per', value: formatDateId(today) },
    ...filters.map((f) => ({ label: f.slice(0, f.indexOf(':')), value: f.slice(f.indexOf(':') + 2) })),
    { label: 'Jumlah', value: `${formatNumberId(rows.length)} pegawai` },
  ];
  if (rows.length === 0) {
    return { title, parameters, content: { status: 'empty', message: `Tidak ada pegawai di ${unitName ?? 'seluruh perangkat daerah'} yang cocok dengan filter ini.` } };
  }
  if (purpose === 'document' && rows.length > MAX_PRINTED_ROWS) return { title, parameters, ...tooLongToPrint(rows.length) };
  const out: NominativeRow[] = rows.map((r) => {
    const person = readEmployeeRow(r);
    const golongan = golonganByCode(r.golongan);
    return {
      nip: person.nip, fullName: person.fullName, birthPlace: r.birth_place, birthDate: r.birth_date, gender: r.gender,
      employmentType: r.employment_type, golongan: golongan?.label ?? null, pangkat: golongan?.pangkat ?? null, golonganTmt: r.golongan_tmt,
      positionName: person.positionName, positionTmt: r.position_tmt, unitName: person.unitName, opdName: person.opdName,
      education: educationLabel(r.education_level) || null, educationMajor: r.education_major, educationYear: r.education_year,
      status: EMPLOYEE_STATUSES.find((s) => s.code === r.status)?.label ?? r.status, retirementDate: r.retirement_date,
    };
  });
  return { title, parameters, content: { status: 'ready', data: { unitName, filters, rows: out } } };
};
