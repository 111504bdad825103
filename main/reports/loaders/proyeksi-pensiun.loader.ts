// Proyeksi Pensiun: active employees whose TMT pensiun (employee.retirement_date, kept on write; the rule is in
// shared/domain/retirement.ts) falls in each of the next N calendar years, per position kind and per OPD (or per
// sub-unit of a chosen unit), with their names. The same population and years as `stats --json` "retirements"
// when no unit is chosen.

import { golonganLabel } from '../../../shared/domain/golongan';
import { POSITION_KINDS } from '../../../shared/domain/position';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import { RETIREMENT_YEARS_DEFAULT, type ProyeksiPensiunData, type Retiree } from '../../../shared/reports/proyeksi-pensiun.report';
import { readEmployeeRow } from '../../db/sql/employee-rows.sql';
import { managerRun } from '../../db/sql/run';
import { NO_POSITION, NO_UNIT } from '../../services/stats.service';
import { unitPathName, unitScope, type UnitScope } from './describe';
import type { ReportLoader } from './types';

export const proyeksiPensiunLoader: ReportLoader<'proyeksi-pensiun'> = async (params, { services, today }) => {
  const fromYear = params.fromYear ?? Number(today.slice(0, 4)) + 1;
  const count = params.years ?? RETIREMENT_YEARS_DEFAULT;
  const years = Array.from({ length: count }, (_, i) => fromYear + i);
  const toYear = years[years.length - 1];
  const scope = params.unit !== undefined ? await unitScope(services, params.unit) : null;
  const scopeName = scope ? await unitPathName(services, scope) : null;

  const run = managerRun(services.dataSource);
  const activeEmployees = await services.sql.employees.activeCountInSubtree(run, scope?.path ?? null);
  const rows = await services.sql.employees.activeRetirees(run, scope?.path ?? null, `${fromYear}-01-01`, `${toYear + 1}-01-01`);

  const title = `Proyeksi Pensiun Pegawai ASN ${years.length > 1 ? `${fromYear}–${toYear}` : fromYear}`;
  const parameters = [
    { label: 'Unit kerja', value: scopeName ?? 'Semua perangkat daerah' },
    { label: 'Periode', value: `1 Januari ${fromYear} s.d. 31 Desember ${toYear} (${years.length} tahun)` },
    { label: 'Pegawai aktif', value: `${formatNumberId(activeEmployees)} orang per ${formatDateId(today)}` },
    { label: 'Dasar', value: 'TMT pensiun: hari pertama bulan berikutnya setelah mencapai batas usia pensiun (BUP) jabatan saat ini' },
  ];
  if (rows.length === 0) {
    const message = activeEmployees === 0
      ? 'Belum ada data pegawai aktif di database ini: muat data demo, tambahkan pegawai, atau impor data SIASN. Tidak ada angka yang dicetak.'
      : `Tidak ada pegawai aktif yang mencapai batas usia pensiun pada ${fromYear}–${toYear} di ${scopeName ?? 'seluruh perangkat daerah'}.`;
    return { title, parameters, content: { status: 'empty', message } };
  }

  const groupNames = scope ? new Map((await services.sql.employees.childUnits(run, scope.id)).map((u) => [u.id, u.name])) : null;
  const kindLabel = (code: string | null) => POSITION_KINDS.find((k) => k.code === code)?.label ?? NO_POSITION;
  const retirees: Retiree[] = rows.map((r) => {
    const person = readEmployeeRow(r);
    return {
      year: Number(r.retirement_date.slice(0, 4)),
      nip: person.nip,
      fullName: person.fullName,
      positionName: person.positionName,
      positionKind: kindLabel(person.positionKind),
      golongan: golonganLabel(r.golongan) || null,
      unitName: person.unitName,
      groupName: groupOf(person.opdName, r.unit_path, scope, groupNames),
      birthDate: r.birth_date,
      retirementDate: r.retirement_date,
      bup: r.bup,
    };
  });

  const kinds = [...POSITION_KINDS.map((k) => k.label), NO_POSITION].filter((label) => retirees.some((r) => r.positionKind === label));
  const byYear = years.map((year) => {
    const ofYear = retirees.filter((r) => r.year === year);
    return { year, total: ofYear.length, byKind: Object.fromEntries(kinds.map((k) => [k, ofYear.filter((r) => r.positionKind === k).length])) };
  });
  const groups = new Map<string, number[]>();
  for (const r of retirees) {
    const counts = groups.get(r.groupName) ?? years.map(() => 0);
    counts[r.year - fromYear] += 1;
    groups.set(r.groupName, counts);
  }
  const byGroup = [...groups].map(([name, counts]) => ({ name, counts, total: counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'id'));

  const data: ProyeksiPensiunData = {
    fromYear, toYear, years, unitName: scopeName, activeEmployees, total: retirees.length, kinds, byYear, byGroup,
    groupLabel: scope ? 'Unit kerja' : 'Perangkat daerah', retirees,
  };
  return { title, parameters, content: { status: 'ready', data } };
};

/** Whole district: the OPD. A chosen unit: its direct sub-unit the employee sits in, or the unit itself. */
function groupOf(opdName: string | null, unitPath: string | null, scope: UnitScope | null, subUnits: Map<number, string> | null): string {
  if (!scope) return opdName ?? NO_UNIT;
  const below = (unitPath ?? '').slice(scope.path.length).split('/').filter(Boolean);
  if (below.length === 0) return `${scope.name} (langsung)`;
  return subUnits?.get(Number(below[0])) ?? NO_UNIT;
}
