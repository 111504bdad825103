// Daftar Urut Kepangkatan: the active PNS and CPNS of a unit (or of the whole district) in the order of PP 15/1979
// (shared/domain/duk.ts), each with what decided their place, and what the data cannot tell counted beside it.

import { fullMonthsBetween, fullYearsBetween } from '../../../shared/domain/dates';
import { DUK_CRITERIA, dukDecidingCriterion, highestLeadershipTraining, sortDuk, type DukEntry } from '../../../shared/domain/duk';
import { trainingTypeLabel } from '../../../shared/domain/development';
import { educationLabel } from '../../../shared/domain/education';
import { golonganByCode } from '../../../shared/domain/golongan';
import { positionLevelLabel } from '../../../shared/domain/position';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import type { DukRow } from '../../../shared/reports/duk.report';
import { readEmployeeRow } from '../../db/sql/employee-rows.sql';
import { managerRun } from '../../db/sql/run';
import { unitPathName, unitScope } from './describe';
import { MAX_PRINTED_ROWS, tooLongToPrint } from './registers';
import type { ReportLoader } from './types';

export const dukLoader: ReportLoader<'duk'> = async (params, { services, today, purpose }) => {
  const scope = params.unit !== null ? await unitScope(services, params.unit) : null;
  const unitName = scope ? await unitPathName(services, scope) : null;
  const run = managerRun(services.dataSource);
  const rows = await services.sql.employees.dukRows(run, scope?.path ?? null);
  const title = 'Daftar Urut Kepangkatan Pegawai Negeri Sipil';
  const parameters = [
    { label: 'Unit kerja', value: unitName ?? 'Semua perangkat daerah' },
    { label: 'Keadaan per', value: formatDateId(today) },
    { label: 'Pegawai', value: `${formatNumberId(rows.length)} PNS dan CPNS aktif (PPPK tidak masuk DUK)` },
    { label: 'Dasar', value: 'PP 15/1979: pangkat, jabatan, masa kerja, latihan jabatan, pendidikan, usia' },
  ];
  if (rows.length === 0) {
    return { title, parameters, content: { status: 'empty', message: `Tidak ada PNS atau CPNS aktif di ${unitName ?? 'seluruh perangkat daerah'}.` } };
  }
  if (purpose === 'document' && rows.length > MAX_PRINTED_ROWS) return { title, parameters, ...tooLongToPrint(rows.length) };

  const trainings = new Map<number, Array<{ type: string; end_date: string }>>();
  for (const t of await services.sql.employees.leadershipTrainings(run, rows.map((r) => r.employee_id as number), today)) {
    trainings.set(t.employee_id, [...(trainings.get(t.employee_id) ?? []), t]);
  }
  const people = rows.map((r) => {
    const own = trainings.get(r.employee_id as number) ?? [];
    const highest = highestLeadershipTraining(own.map((t) => t.type));
    const year = highest ? Math.min(...own.filter((t) => t.type === highest).map((t) => Number(t.end_date.slice(0, 4)))) : null;
    const entry: DukEntry = {
      golongan: r.golongan, golonganTmt: r.golongan_tmt, positionLevel: (r.position_level as string | null) ?? null, positionTmt: r.position_tmt,
      cpnsTmt: r.cpns_tmt, leadershipTraining: highest, educationLevel: r.education_level, educationYear: r.education_year,
      birthDate: r.birth_date, nip: r.nip as string,
    };
    return { ...entry, row: r, leadershipYear: year };
  });
  const sorted = sortDuk(people);
  const label = (code: string) => DUK_CRITERIA.find((c) => c.code === code)?.label ?? code;
  const out: DukRow[] = sorted.map((p, i) => {
    const person = readEmployeeRow(p.row);
    const golongan = golonganByCode(p.golongan);
    const service = p.cpnsTmt && p.cpnsTmt <= today ? fullMonthsBetween(p.cpnsTmt, today) : null;
    const decided = i === 0 ? null : dukDecidingCriterion(sorted[i - 1], p);
    return {
      rank: i + 1, nip: person.nip, fullName: person.fullName, birthPlace: p.row.birth_place, birthDate: p.row.birth_date,
      ageYears: fullYearsBetween(p.row.birth_date, today),
      golongan: golongan?.label ?? null, pangkat: golongan?.pangkat ?? null, golonganTmt: p.golonganTmt,
      positionName: person.positionName, positionLevel: positionLevelLabel(p.positionLevel) || null, positionTmt: p.positionTmt, unitName: person.unitName,
      serviceYears: service === null ? null : Math.floor(service / 12), serviceMonths: service === null ? null : service % 12,
      leadershipTraining: p.leadershipTraining ? trainingTypeLabel(p.leadershipTraining).replace(/ \(.*\)$/, '') : null, leadershipYear: p.leadershipYear,
      education: educationLabel(p.educationLevel) || null, educationYear: p.educationYear,
      decidedBy: decided ? label(decided) : null,
    };
  });
  return {
    title,
    parameters,
    content: {
      status: 'ready',
      data: {
        unitName,
        rows: out,
        missing: {
          leadership: people.filter((p) => !p.leadershipTraining).length,
          golonganTmt: people.filter((p) => !p.golonganTmt).length,
          cpnsTmt: people.filter((p) => !p.cpnsTmt).length,
          education: people.filter((p) => !p.educationLevel).length,
          position: people.filter((p) => !p.positionLevel).length,
        },
      },
    },
  };
};
