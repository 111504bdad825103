// Usulan Kenaikan Gaji Berkala: the KGB list of Pengembangan › KGB (main/services/development/entitlements.ts) for
// the chosen months, the due grouped by perangkat daerah.

import { golonganWithPangkat } from '../../../shared/domain/golongan';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import type { KgbRow } from '../../../shared/schemas/careers';
import { collator } from '../../services/development/common';
import { kgbMonthsText, type UsulanKgbPerson } from '../../../shared/reports/usulan-kgb.report';
import { unitPathName, unitScope } from './describe';
import type { ReportLoader } from './types';

export const usulanKgbLoader: ReportLoader<'usulan-kgb'> = async (params, { services, today }) => {
  const scope = params.unit !== undefined ? await unitScope(services, params.unit) : null;
  const unitName = scope ? await unitPathName(services, scope) : null;
  const { fromMonth, toMonth, rows } = await services.careers.entitlements.kgbRows({ fromMonth: params.fromMonth, toMonth: params.toMonth, unitId: params.unit });
  const months = kgbMonthsText(fromMonth, toMonth);
  const title = 'Usulan Kenaikan Gaji Berkala';
  const parameters = [
    { label: 'Unit kerja', value: unitName ?? 'Semua perangkat daerah' },
    { label: 'TMT KGB', value: months },
    { label: 'Keadaan per', value: formatDateId(today) },
    { label: 'Dasar', value: 'Masa kerja golongan dan TMT SK kenaikan pangkat atau pemberitahuan KGB terakhir; penilaian kinerja menurut Pengaturan' },
  ];
  if (rows.length === 0) {
    return { title, parameters, content: { status: 'empty', message: `Tidak ada PNS di ${unitName ?? 'seluruh perangkat daerah'} yang jatuh tempo KGB pada ${months}.` } };
  }
  const person = (r: KgbRow): UsulanKgbPerson => ({
    nip: r.nip, fullName: r.name, golongan: golonganWithPangkat(r.golongan), positionName: r.positionName, unitName: r.unitName, opdName: r.opdName,
    basis: r.basisText, dueDate: r.dueDate, mkgYearsAtDue: r.mkgYearsAtDue, reasons: r.reasons.join('; '),
  });
  const opd = (p: UsulanKgbPerson) => p.opdName ?? p.unitName ?? '';
  const due = rows.filter((r) => r.status === 'due').map(person)
    .sort((a, b) => collator.compare(opd(a), opd(b)) || (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const blocked = rows.filter((r) => r.status === 'blocked').map(person);
  parameters.push({ label: 'Jumlah', value: `${formatNumberId(due.length)} memenuhi syarat; ${formatNumberId(blocked.length)} belum memenuhi syarat` });
  return { title, parameters, content: { status: 'ready', data: { unitName, fromMonth, toMonth, due, blocked } } };
};
