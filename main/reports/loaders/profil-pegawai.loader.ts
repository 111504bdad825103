// Profil Pegawai: one employee's identity, position and rank history (from the employee service, the same
// data as the profile screen), and the sections later capabilities fill (SKP history, competency, training).

import { normaliseNipInput, formatNip } from '../../../shared/domain/nip';
import { AppError } from '../../../shared/errors';
import type { ReportContent } from '../../../shared/reports/define';
import { managerRun } from '../../db/sql/run';
import type { ProfileSectionData, ProfileSectionKey } from '../../../shared/reports/profil-pegawai.report';
import type { ReportLoader, ReportLoaderContext } from './types';

type SectionLoader<K extends ProfileSectionKey> = (employeeId: number, context: ReportLoaderContext) => Promise<ReportContent<ProfileSectionData<K>>>;

const TRAINING_YEARS = 5;

/** One loader per section of the profile report: the same service calls as the profile's tabs. */
export const PROFILE_SECTION_LOADERS: { [K in ProfileSectionKey]: SectionLoader<K> } = {
  async kinerja(employeeId, { services }) {
    const performance = await services.performance.employee(employeeId);
    if (performance.evaluations.length === 0) return { status: 'empty', message: 'Belum ada SKP yang tercatat untuk pegawai ini.' };
    return {
      status: 'ready',
      data: {
        evaluations: performance.evaluations.map((e) => ({
          year: e.year, period: e.period, hasilKerja: e.hasilKerja, perilakuKerja: e.perilakuKerja, predikat: e.predikat, legacyScore: e.legacyScore, legacyLabel: e.legacyLabel,
        })),
        warnings: performance.warnings,
      },
    };
  },
  async kompetensi(employeeId, { services }) {
    const competency = await services.competency.employee(employeeId);
    if (competency.items.length === 0) return { status: 'empty', message: 'Jabatan pegawai ini belum memiliki standar kompetensi, sehingga kesenjangan dan JPM belum dapat dihitung.' };
    const { jpm } = competency;
    return {
      status: 'ready',
      data: {
        status: jpm.status, jpm: jpm.jpm, category: jpm.category, selection: jpm.selection, assessedCount: jpm.assessedCount, standardCount: jpm.standardCount,
        items: competency.items.map((i) => ({ code: i.code, name: i.name, required: i.required, actual: i.actual, gap: i.gap, assessedOn: i.assessedOn })),
      },
    };
  },
  async diklat(employeeId, { services, today }) {
    const training = await services.training.employeeTraining(employeeId);
    if (training.records.length === 0) return { status: 'empty', message: 'Belum ada diklat atau pengembangan kompetensi yang tercatat untuk pegawai ini.' };
    const fromYear = Number(today.slice(0, 4)) - TRAINING_YEARS + 1;
    return {
      status: 'ready',
      data: {
        target: training.target,
        years: training.years.filter((y) => y.year >= fromYear),
        records: training.records.filter((r) => Number(r.endDate.slice(0, 4)) >= fromYear)
          .map((r) => ({ title: r.title, type: r.type, provider: r.provider, startDate: r.startDate, endDate: r.endDate, jp: r.jp })),
      },
    };
  },
};

export const profilPegawaiLoader: ReportLoader<'profil-pegawai'> = async ({ nip }, context) => {
  const { services } = context;
  const id = await services.sql.employees.employeeIdByNip(managerRun(services.dataSource), normaliseNipInput(nip));
  if (id === null) throw new AppError('not_found', `Pegawai dengan NIP ${formatNip(nip)} tidak ditemukan.`);
  const employee = await services.employees.profile(id);
  const history = await services.employees.history(id);
  return {
    title: 'Profil Pegawai',
    parameters: [{ label: 'Nama', value: employee.fullName }, { label: 'NIP', value: formatNip(employee.nip) }],
    content: {
      status: 'ready',
      data: {
        employee,
        positions: history.positions,
        ranks: history.ranks,
        sections: {
          kinerja: await PROFILE_SECTION_LOADERS.kinerja(id, context),
          kompetensi: await PROFILE_SECTION_LOADERS.kompetensi(id, context),
          diklat: await PROFILE_SECTION_LOADERS.diklat(id, context),
        },
      },
    },
  };
};
