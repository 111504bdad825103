// Usulan Satyalancana Karya Satya: the list of Pengembangan › Satyalancana (main/services/development/entitlements.ts)
// for the chosen year.

import { golonganWithPangkat } from '../../../shared/domain/golongan';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import type { SatyalancanaRow } from '../../../shared/schemas/careers';
import type { UsulanSatyalancanaPerson } from '../../../shared/reports/usulan-satyalancana.report';
import { unitPathName, unitScope } from './describe';
import type { ReportLoader } from './types';

export const usulanSatyalancanaLoader: ReportLoader<'usulan-satyalancana'> = async (params, { services, today }) => {
  const scope = params.unit !== undefined ? await unitScope(services, params.unit) : null;
  const unitName = scope ? await unitPathName(services, scope) : null;
  const { year, rows } = await services.careers.entitlements.satyalancanaRows({ year: params.year, unitId: params.unit });
  const title = `Usulan Tanda Kehormatan Satyalancana Karya Satya Tahun ${year}`;
  const parameters = [
    { label: 'Unit kerja', value: unitName ?? 'Semua perangkat daerah' },
    { label: 'Keadaan per', value: formatDateId(today) },
    { label: 'Dasar', value: 'Masa kerja 10, 20 atau 30 tahun secara terus-menerus sejak TMT CPNS; cara menghitung hukuman disiplin dan CLTN menurut Pengaturan' },
  ];
  if (rows.length === 0) {
    return { title, parameters, content: { status: 'empty', message: `Tidak ada PNS di ${unitName ?? 'seluruh perangkat daerah'} yang mencapai masa kerja 10, 20 atau 30 tahun pada tahun ${year}.` } };
  }
  const person = (r: SatyalancanaRow): UsulanSatyalancanaPerson => ({
    nip: r.nip, fullName: r.name, golongan: r.golongan === null ? null : golonganWithPangkat(r.golongan), positionName: r.positionName, unitName: r.unitName,
    cpnsTmt: r.cpnsTmt, classLabel: r.classLabel, reachedOn: r.reachedOn, proposeWith: r.proposeWith ? `Satyalancana Karya Satya ${r.proposeWith} Tahun` : '',
    reasons: r.reasons.join('; '),
  });
  const eligible = rows.filter((r) => r.status === 'eligible').map(person);
  const blocked = rows.filter((r) => r.status === 'blocked').map(person);
  parameters.push({ label: 'Jumlah', value: `${formatNumberId(eligible.length)} diusulkan; ${formatNumberId(blocked.length)} terhalang` });
  return { title, parameters, content: { status: 'ready', data: { unitName, year, eligible, blocked } } };
};
