// Usulan Pensiun: active employees whose TMT pensiun has passed (the pemberhentian is not recorded yet) and those
// reaching it within the next 12 months (shared/domain/retirement-watch.ts), with what an usulan needs. The
// same people as the Beranda's counts and the Pegawai list's "Pensiun" filter.

import { addDays, addMonths, fullMonthsBetween } from '../../../shared/domain/dates';
import { golonganLabel } from '../../../shared/domain/golongan';
import { RETIREMENT_NOTICE_MONTHS } from '../../../shared/domain/retirement-watch';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import type { UsulanPensiunPerson } from '../../../shared/reports/usulan-pensiun.report';
import { readEmployeeRow } from '../../db/sql/employee-rows.sql';
import type { RetireeRow } from '../../db/sql/employees';
import { managerRun } from '../../db/sql/run';
import { unitPathName, unitScope } from './describe';
import type { ReportLoader } from './types';

/** Before any TMT pensiun Jenjang can hold. */
const BEGINNING = '0001-01-01';

export const usulanPensiunLoader: ReportLoader<'usulan-pensiun'> = async (params, { services, today }) => {
  const scope = params.unit !== undefined ? await unitScope(services, params.unit) : null;
  const unitName = scope ? await unitPathName(services, scope) : null;
  const run = managerRun(services.dataSource);
  const until = addMonths(today, RETIREMENT_NOTICE_MONTHS);
  // activeRetirees takes [from, until): "on or before today" ends the day after.
  const overdue = await services.sql.employees.activeRetirees(run, scope?.path ?? null, BEGINNING, addDays(today, 1));
  const upcoming = await services.sql.employees.activeRetirees(run, scope?.path ?? null, addDays(today, 1), addDays(until, 1));
  const title = 'Usulan Pensiun Pegawai ASN';
  const parameters = [
    { label: 'Unit kerja', value: unitName ?? 'Semua perangkat daerah' },
    { label: 'Keadaan per', value: formatDateId(today) },
    { label: 'TMT pensiun', value: `sampai ${formatDateId(until)} (${RETIREMENT_NOTICE_MONTHS} bulan ke depan), dan yang sudah lewat` },
    { label: 'Dasar', value: 'TMT pensiun: hari pertama bulan berikutnya setelah mencapai batas usia pensiun (BUP) jabatan saat ini' },
  ];
  if (overdue.length + upcoming.length === 0) {
    return { title, parameters, content: { status: 'empty', message: `Tidak ada pegawai aktif di ${unitName ?? 'seluruh perangkat daerah'} yang sudah melewati TMT pensiun atau mencapainya sampai ${formatDateId(until)}.` } };
  }
  parameters.push({ label: 'Jumlah', value: `${formatNumberId(upcoming.length)} pegawai pensiun dalam ${RETIREMENT_NOTICE_MONTHS} bulan; ${formatNumberId(overdue.length)} sudah lewat TMT pensiun` });
  const person = (r: RetireeRow, months: number): UsulanPensiunPerson => {
    const row = readEmployeeRow(r);
    return {
      nip: row.nip, fullName: row.fullName, birthDate: r.birth_date, golongan: golonganLabel(r.golongan) || null,
      positionName: row.positionName, unitName: row.unitName, bup: r.bup, retirementDate: r.retirement_date, months,
    };
  };
  return {
    title,
    parameters,
    content: {
      status: 'ready',
      data: {
        unitName,
        until,
        overdue: overdue.map((r) => person(r, fullMonthsBetween(r.retirement_date, today))),
        upcoming: upcoming.map((r) => person(r, fullMonthsBetween(today, r.retirement_date))),
      },
    },
  };
};
