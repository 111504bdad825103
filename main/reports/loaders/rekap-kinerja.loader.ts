// Rekap Kinerja: the Kinerja page's figures for one year (and the four before it), from the same service calls,
// so paper and screen agree: predikat distribution (or PP 46/2011 sebutan before 2022), per sub-unit, the people
// with Butuh Perbaikan or worse and their follow-up, and how many active employees have no annual SKP.

import { formatNumberId } from '../../../shared/format/id-format';
import type { RekapKinerjaData } from '../../../shared/reports/rekap-kinerja.report';
import { unitPathName, unitScope } from './describe';
import type { ReportLoader } from './types';

const TREND_YEARS = 5;
const FOLLOW_UP_ROWS = 500;

export const rekapKinerjaLoader: ReportLoader<'rekap-kinerja'> = async (params, { services }) => {
  const { latest } = await services.performance.years();
  const year = params.year ?? latest;
  const scope = params.unit !== undefined ? await unitScope(services, params.unit) : null;
  const unitName = scope ? await unitPathName(services, scope) : null;
  const title = `Rekap Kinerja Pegawai ASN${year ? ` Tahun ${year}` : ''}`;
  const parameters = [
    { label: 'Unit kerja', value: unitName ?? 'Semua perangkat daerah' },
    { label: 'Tahun penilaian', value: year ? String(year) : '—' },
    { label: 'Dasar', value: year && year < 2022 ? 'Nilai prestasi kerja PP 46/2011 dengan sebutannya' : 'Predikat kinerja SKP tahunan (PermenPANRB 6/2022)' },
  ];
  if (year === null) {
    return { title, parameters, content: { status: 'empty', message: 'Belum ada SKP tahunan di database ini: catat SKP di profil pegawai atau impor hasil SKP. Tidak ada angka yang dicetak.' } };
  }
  const population = { parentUnitId: scope?.id };
  const distribution = await services.performance.distribution({ ...population, fromYear: year - TREND_YEARS + 1, toYear: year });
  const current = distribution.years.find((y) => y.year === year);
  if (!current || current.total === 0) {
    return { title, parameters, content: { status: 'empty', message: `Tidak ada SKP tahunan pegawai aktif untuk tahun ${year} di ${unitName ?? 'seluruh perangkat daerah'}.` } };
  }
  const followUps = await services.performance.followUps({ ...population, year, offset: 0, limit: FOLLOW_UP_ROWS });
  const withoutSkp = await services.performance.withoutSkp({ ...population, year, offset: 0, limit: 1 });
  parameters.push({ label: 'Pegawai dinilai', value: `${formatNumberId(current.total)} orang dengan SKP tahunan ${year}` });

  const data: RekapKinerjaData = {
    year,
    unitName,
    legacy: current.legacy,
    counts: current.counts,
    total: current.total,
    trend: distribution.years.map((y) => ({ year: y.year, legacy: y.legacy, counts: y.counts, total: y.total })),
    units: distribution.units
      .map((u) => ({ name: u.direct ? `${u.unitName} (langsung)` : u.unitName, year: u.years.find((y) => y.year === year) }))
      .filter((u) => u.year && u.year.total > 0)
      .map((u) => ({ name: u.name, counts: u.year!.counts, total: u.year!.total })),
    followUps: {
      total: followUps.total,
      rows: followUps.rows.map((r) => ({ nip: r.nip, fullName: r.fullName, positionName: r.positionName, unitName: r.unitName, predikat: r.predikat, followUpStatus: r.followUpStatus })),
    },
    withoutSkp: { total: withoutSkp.total, active: withoutSkp.active },
  };
  return { title, parameters, content: { status: 'ready', data } };
};
