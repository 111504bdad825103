// Proyeksi Pensiun: active employees whose TMT pensiun (employee.retirement_date, kept on write by the
// foundation; DOMAIN.md §6/§13) falls in each of the next N calendar years, per position kind and per OPD
// (or per sub-unit of a chosen unit), with their names. The same population and years as `stats --json`
// "retirements" when no unit is chosen.

import { fullName } from '../../../shared/domain/employee-status';
import { golonganLabel } from '../../../shared/domain/golongan';
import { POSITION_KINDS } from '../../../shared/domain/position';
import { formatNumberId } from '../../../shared/format/id-format';
import { formatDateId } from '../../../shared/format/id-format';
import { RETIREMENT_YEARS_DEFAULT, type ProyeksiPensiunData, type Retiree } from '../../../shared/reports/proyeksi-pensiun.report';
import { bupSql } from '../../db/sql/retirement.sql';
import { NO_POSITION, NO_UNIT } from '../../services/stats.service';
import { unitPathName, unitScope, type UnitScope } from './describe';
import type { ReportLoader } from './types';

interface Row {
  nip: string;
  name: string;
  front_title: string | null;
  back_title: string | null;
  birth_date: string;
  retirement_date: string;
  golongan: number | null;
  position_name: string | null;
  position_kind: string | null;
  bup: number;
  unit_id: number | null;
  unit_name: string | null;
  unit_path: string | null;
  opd_name: string | null;
}

export const proyeksiPensiunLoader: ReportLoader<'proyeksi-pensiun'> = async (params, { services, today }) => {
  const fromYear = params.fromYear ?? Number(today.slice(0, 4)) + 1;
  const count = params.years ?? RETIREMENT_YEARS_DEFAULT;
  const years = Array.from({ length: count }, (_, i) => fromYear + i);
  const toYear = years[years.length - 1];
  const scope = params.unit !== undefined ? await unitScope(services, params.unit) : null;
  const scopeName = scope ? await unitPathName(services, scope) : null;

  // A unit's subtree: its materialised path is a prefix of every descendant's path.
  const inScope = scope ? 'AND e.unit_id IN (SELECT d.id FROM unit d WHERE substr(d.path, 1, ?) = ?)' : '';
  const scopeParams = scope ? [scope.path.length, scope.path] : [];
  const [{ n: activeEmployees }]: Array<{ n: number }> = await services.dataSource.query(
    `SELECT COUNT(*) AS n FROM employee e WHERE e.status = 'active' ${inScope}`, scopeParams);
  const rows: Row[] = await services.dataSource.query(
    `SELECT e.nip, e.name, e.front_title, e.back_title, e.birth_date, e.retirement_date, e.golongan,
            p.name AS position_name, p.kind AS position_kind, ${bupSql('p')} AS bup,
            u.id AS unit_id, u.name AS unit_name, u.path AS unit_path, r.name AS opd_name
       FROM employee e
       LEFT JOIN position p ON p.id = e.position_id
       LEFT JOIN unit u ON u.id = e.unit_id
       LEFT JOIN unit r ON r.id = u.root_id
      WHERE e.status = 'active' AND e.retirement_date >= ? AND e.retirement_date < ? ${inScope}
      ORDER BY e.retirement_date, e.name, e.nip`,
    [`${fromYear}-01-01`, `${toYear + 1}-01-01`, ...scopeParams],
  );

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

  const groupNames = scope ? await subUnitNames(services, scope) : null;
  const kindLabel = (code: string | null) => POSITION_KINDS.find((k) => k.code === code)?.label ?? NO_POSITION;
  const retirees: Retiree[] = rows.map((r) => ({
    year: Number(r.retirement_date.slice(0, 4)),
    nip: r.nip,
    fullName: fullName(r.name, r.front_title, r.back_title),
    positionName: r.position_name,
    positionKind: kindLabel(r.position_kind),
    golongan: golonganLabel(r.golongan) || null,
    unitName: r.unit_name,
    groupName: groupOf(r, scope, groupNames),
    birthDate: r.birth_date,
    retirementDate: r.retirement_date,
    bup: r.bup,
  }));

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

/** Names of the chosen unit's direct sub-units, by id. */
async function subUnitNames(services: Parameters<ReportLoader<'proyeksi-pensiun'>>[1]['services'], scope: UnitScope): Promise<Map<number, string>> {
  const rows: Array<{ id: number; name: string }> = await services.dataSource.query('SELECT id, name FROM unit WHERE parent_id = ?', [scope.id]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Whole district: the OPD. A chosen unit: its direct sub-unit the employee sits in, or the unit itself. */
function groupOf(row: Row, scope: UnitScope | null, subUnits: Map<number, string> | null): string {
  if (!scope) return row.opd_name ?? NO_UNIT;
  const below = (row.unit_path ?? '').slice(scope.path.length).split('/').filter(Boolean);
  if (below.length === 0) return `${scope.name} (langsung)`;
  return subUnits?.get(Number(below[0])) ?? NO_UNIT;
}
