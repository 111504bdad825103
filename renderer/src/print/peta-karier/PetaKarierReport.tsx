// Peta Karier of one employee on A4: where the person stands, then each next step with its requirements (met or
// not, and the day time alone brings them) and the target positions that are vacant or fall vacant within 2 years.

import { metText, type PetaKarierData } from '../../../../shared/reports/peta-karier.report';
import { dateId, KeyValueTable, ReportSection, ReportTable } from '../parts';

type Step = PetaKarierData['peta']['steps'][number];

export function PetaKarierReport({ data }: { data: PetaKarierData; printedOn: string }) {
  const { peta } = data;
  return (
    <>
      {peta.standing && (
        <ReportSection title="Posisi sekarang">
          <KeyValueTable label="Posisi sekarang" rows={[
            ['Nama', <strong key="n">{peta.name}</strong>],
            ['NIP', data.nip],
            ['Jabatan', peta.standing.positionName ?? '—'],
            ['Jenjang, jalur', `${peta.standing.levelLabel}, jalur ${peta.standing.lane}`],
            ['Dalam jenjang ini sejak', dateId(peta.standing.levelSince)],
          ]} />
        </ReportSection>
      )}
      {peta.steps.map((step) => <StepSection key={step.stepId} step={step} />)}
      <p className="report-note">
        Jabatan yang kosong dihitung dari jabatan tanpa pemangku aktif dan jabatan yang pemangkunya mencapai TMT pensiun dalam 2 tahun.
        Jenjang tidak menyimpan formasi, jadi daftar ini bukan daftar formasi yang tersedia.
      </p>
    </>
  );
}

function StepSection({ step }: { step: Step }) {
  const status = step.ready ? 'Siap' : step.metOn ? `Terpenuhi pada ${dateId(step.metOn)}` : 'Belum siap';
  return (
    <ReportSection title={`${step.label} (${status})`}>
      <p>{step.moveKindLabel} · {step.pathName}</p>
      <ReportTable label={`Syarat ${step.label}`} rows={step.checks} columns={[
        { header: 'Syarat', cell: (c) => c.label, width: '40mm' },
        { header: 'Status', cell: (c) => metText(c.met), width: '30mm' },
        { header: 'Keterangan', cell: (c) => c.detail },
      ]} />
      {step.vacancies.length === 0 ? <p>Tidak ada jabatan tujuan yang kosong atau akan kosong dalam 2 tahun.</p> : (
        <ReportTable label={`Jabatan kosong ${step.label}`} rows={step.vacancies} columns={[
          { header: 'Jabatan', cell: (v) => v.positionName },
          { header: 'Unit kerja', cell: (v) => v.unitName ?? '—' },
          { header: 'Keterangan', cell: (v) => v.reasonText },
        ]} />
      )}
    </ReportSection>
  );
}
