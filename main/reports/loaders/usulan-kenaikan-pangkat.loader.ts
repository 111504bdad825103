// Usulan Kenaikan Pangkat: the nominative list of Pengembangan › Mutasi & Promosi for one period
// (main/services/development/career.service.ts), eligible of every kind, then the blocked with their reasons.

import { golonganWithPangkat } from '../../../shared/domain/golongan';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import type { UsulanKenaikanPangkatPerson } from '../../../shared/reports/usulan-kenaikan-pangkat.report';
import { PROMOTION_KIND_LABELS, type PromotionRow } from '../../../shared/schemas/careers';
import { MAX_PRINTED_ROWS, tooLongToPrint } from './registers';
import { unitPathName, unitScope } from './describe';
import type { ReportLoader } from './types';

export const usulanKenaikanPangkatLoader: ReportLoader<'usulan-kenaikan-pangkat'> = async (params, { services, today, purpose }) => {
  const scope = params.unit !== undefined ? await unitScope(services, params.unit) : null;
  const unitName = scope ? await unitPathName(services, scope) : null;
  const { period, deadline, skpYears, rows: judged } = await services.careers.promotionCandidates({ period: params.period, unitId: params.unit, status: 'all' });
  const title = `Usulan Kenaikan Pangkat Periode ${formatDateId(period)}`;
  const parameters = [
    { label: 'Unit kerja', value: unitName ?? 'Semua perangkat daerah' },
    { label: 'Keadaan per', value: formatDateId(today) },
    { label: 'SKP yang diperiksa', value: `${skpYears.join(' dan ')} (final pada batas usulan ${formatDateId(deadline)})` },
    { label: 'Jenis', value: 'KP reguler, KP pilihan pejabat struktural, KP penyesuaian ijazah' },
  ];
  if (judged.length === 0) {
    return { title, parameters, content: { status: 'empty', message: `Tidak ada PNS di ${unitName ?? 'seluruh perangkat daerah'} yang menjadi kandidat kenaikan pangkat periode ${formatDateId(period)}.` } };
  }
  if (purpose === 'document' && judged.length > MAX_PRINTED_ROWS) return { title, parameters, ...tooLongToPrint(judged.length) };
  const rows = await services.careers.promotionDetails(judged, period, skpYears);
  const person = (r: PromotionRow): UsulanKenaikanPangkatPerson => ({
    nip: r.nip, fullName: r.name, golongan: golonganWithPangkat(r.golongan), golonganTmt: r.golonganTmt, targetGolongan: golonganWithPangkat(r.targetGolongan),
    kind: PROMOTION_KIND_LABELS[r.kind], basis: r.basis, skp: r.skp.map((s) => `${s.year}: ${s.label}`).join('; '),
    positionName: r.positionName, unitName: r.unitName,
    reasons: `${r.missingDataOnly ? 'Terhalang data belum lengkap: ' : ''}${r.reasons.map((x) => x.message).join('; ')}`,
  });
  const eligible = rows.filter((r) => r.status === 'eligible').map(person);
  const blocked = rows.filter((r) => r.status === 'blocked').map(person);
  parameters.push({ label: 'Jumlah', value: `${formatNumberId(eligible.length)} memenuhi syarat; ${formatNumberId(blocked.length)} belum memenuhi syarat` });
  return { title, parameters, content: { status: 'ready', data: { unitName, period, eligible, blocked } } };
};
