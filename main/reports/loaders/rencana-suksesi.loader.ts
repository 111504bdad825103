// Rencana Suksesi: the Suksesi overview (same service call as the screen) for the key positions of a unit's
// subtree, each with its saved plan's candidates in order, the vacancy timeline, and people named in many plans.

import { managerRun } from '../../db/sql/run';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import type { RencanaSuksesiData } from '../../../shared/reports/rencana-suksesi.report';
import { unitPathName, unitScope } from './describe';
import type { ReportLoader } from './types';

const RISK_ORDER: Record<string, number> = { tinggi: 0, sedang: 1, rendah: 2 };

export const rencanaSuksesiLoader: ReportLoader<'rencana-suksesi'> = async (params, { services, today }) => {
  const scope = params.unit !== undefined ? await unitScope(services, params.unit) : null;
  const unitName = scope ? await unitPathName(services, scope) : null;
  const overview = await services.succession.overview(today);
  const read = managerRun(services.dataSource);
  const inScope = scope ? await services.sql.succession.overview.positionIdsUnder(read, scope.path) : null;
  const keyPositions = overview.positions.filter((p) => !inScope || inScope.has(p.positionId));
  const title = 'Rencana Suksesi Jabatan Kritikal';
  const parameters = [
    { label: 'Unit kerja', value: unitName ?? 'Semua perangkat daerah' },
    { label: 'Keadaan per', value: formatDateId(today) },
    { label: 'Jabatan kritikal', value: `${formatNumberId(keyPositions.length)} jabatan` },
  ];
  if (keyPositions.length === 0) {
    return { title, parameters, content: { status: 'empty', message: `Belum ada jabatan kritikal di ${unitName ?? 'seluruh perangkat daerah'}: tandai jabatan kritikal di halaman Suksesi.` } };
  }
  const planIds = keyPositions.map((p) => p.planId).filter((id): id is number => id !== null);
  const candidateRows = await services.sql.succession.overview.candidatesOfPlans(read, planIds);
  const count = (risk: string) => keyPositions.filter((p) => p.risk === risk).length;
  const years = overview.timeline.map((t) => t.year);
  const data: RencanaSuksesiData = {
    unitName,
    readinessLabels: overview.readinessLabels,
    riskRule: overview.riskRule,
    totals: {
      keyPositions: keyPositions.length, vacantNow: keyPositions.filter((p) => p.vacantNow).length,
      tinggi: count('tinggi'), sedang: count('sedang'), rendah: count('rendah'),
      withReadyNow: keyPositions.filter((p) => p.bench.siap_sekarang > 0).length, withPlan: planIds.length,
    },
    timeline: years.map((year) => {
      const retiring = keyPositions.filter((p) => !p.vacantNow && p.incumbent?.retirementDate?.startsWith(String(year)));
      return { year, count: retiring.length, tinggi: retiring.filter((p) => p.risk === 'tinggi').length, sedang: retiring.filter((p) => p.risk === 'sedang').length, rendah: retiring.filter((p) => p.risk === 'rendah').length };
    }),
    positions: [...keyPositions].sort((a, b) => RISK_ORDER[a.risk] - RISK_ORDER[b.risk] || a.vacancyDate.localeCompare(b.vacancyDate)).map((p) => ({
      positionId: p.positionId, name: p.name, unitName: p.unitName, incumbent: p.incumbent?.fullName ?? null, retirementDate: p.incumbent?.retirementDate ?? null,
      vacantNow: p.vacantNow, risk: p.risk, riskReason: p.riskReason, bench: p.bench,
      candidates: candidateRows.filter((c) => c.planId === p.planId).map((c) => ({
        rank: c.rank, nip: c.person.nip, fullName: c.person.fullName, positionName: c.person.positionName, readiness: c.readiness, notes: c.notes,
      })),
    })),
    overReliance: overview.overReliance
      .filter((o) => !inScope || o.positions.some((name) => keyPositions.some((p) => p.name === name)))
      .map((o) => ({ nip: o.nip, fullName: o.fullName, planCount: o.planCount, positions: o.positions })),
  };
  return { title, parameters, content: { status: 'ready', data } };
};
