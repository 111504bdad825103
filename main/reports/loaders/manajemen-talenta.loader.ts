// Manajemen Talenta: the 9-box of the Manajemen Talenta page for a year and unit (counts as computed and after
// the Komite Talenta's calibrations, the first names per box), who could not be placed and why, the year's
// sessions, and the talent pool (kelompok rencana suksesi). Same service calls as the screen.

import { formatNumberId } from '../../../shared/format/id-format';
import type { ManajemenTalentaData } from '../../../shared/reports/manajemen-talenta.report';
import { unitPathName, unitScope } from './describe';
import type { ReportLoader } from './types';

const NAMES_PER_BOX = 12;
const POOL_ROWS = 400;

export const manajemenTalentaLoader: ReportLoader<'manajemen-talenta'> = async (params, { services }) => {
  const { latest } = await services.performance.years();
  const year = params.year ?? latest;
  const scope = params.unit !== undefined ? await unitScope(services, params.unit) : null;
  const unitName = scope ? await unitPathName(services, scope) : null;
  const title = `Pemetaan Talenta (Kotak 9) Pegawai ASN${year ? ` Tahun ${year}` : ''}`;
  const parameters = [
    { label: 'Unit kerja', value: unitName ?? 'Semua perangkat daerah' },
    { label: 'Tahun', value: year ? String(year) : '—' },
    { label: 'Dasar', value: 'Sumbu kinerja: predikat SKP tahunan terakhir; sumbu potensial: asesmen potensi terakhir (PermenPANRB 3/2020)' },
  ];
  if (year === null) {
    return { title, parameters, content: { status: 'empty', message: 'Belum ada SKP tahunan di database ini, sehingga belum ada pegawai yang dapat dipetakan. Tidak ada angka yang dicetak.' } };
  }
  const population = { parentUnitId: scope?.id };
  const ninebox = await services.talent.ninebox({ ...population, year, peoplePerBox: 0 });
  if (ninebox.placed === 0) {
    return { title, parameters, content: { status: 'empty', message: `Belum ada pegawai aktif di ${unitName ?? 'seluruh perangkat daerah'} yang memiliki SKP tahunan dan asesmen potensi sampai ${year}; tidak ada yang dipetakan.` } };
  }
  parameters.push({ label: 'Populasi', value: `${formatNumberId(ninebox.population)} pegawai aktif; ${formatNumberId(ninebox.placed)} terpetakan` });
  const boxes = [];
  for (const b of ninebox.boxes) {
    const people = b.final > 0 ? await services.talent.boxPeople({ ...population, year, box: b.box, offset: 0, limit: NAMES_PER_BOX }) : { rows: [] };
    boxes.push({ box: b.box, kinerja: b.kinerja, potensi: b.potensi, name: b.name, recommendation: b.recommendation, inPool: b.inPool, computed: b.computed, final: b.final, people: people.rows.map((p) => p.fullName) });
  }
  const sessions = (await services.talentSessions.sessions(year))
    .filter((s) => s.populationUnitId === null || !scope || s.populationUnitId === scope.id)
    .map((s) => ({ name: s.name, status: s.status, fixedBy: s.fixedBy, fixedAt: s.fixedAt, calibrations: s.calibrations }));
  const pool = await services.talent.pool({ ...population, year });
  const data: ManajemenTalentaData = {
    year, unitName, numbering: ninebox.numbering, population: ninebox.population, placed: ninebox.placed,
    unplaced: { count: ninebox.unplaced.count, missingKinerja: ninebox.unplaced.missingKinerja, missingPotensi: ninebox.unplaced.missingPotensi },
    boxes, sessions,
    pool: {
      total: pool.rows.length,
      rows: pool.rows.slice(0, POOL_ROWS).map((r) => ({ nip: r.nip, fullName: r.fullName, positionName: r.positionName, unitName: r.unitName, box: r.finalBox, calibrated: r.calibratedBox !== null })),
    },
  };
  return { title, parameters, content: { status: 'ready', data } };
};
