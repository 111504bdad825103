import { formatNip } from '../../../../shared/domain/nip';
import { sessionStatusLabel } from '../../../../shared/domain/talent';
import type { ManajemenTalentaData } from '../../../../shared/reports/manajemen-talenta.report';
import { NineBox } from '../../features/talent/NineBox';
import { dateId, n, NoData, ReportSection, ReportTable } from '../parts';

type Box = ManajemenTalentaData['boxes'][number];

export function ManajemenTalentaReport({ data }: { data: ManajemenTalentaData }) {
  const fixed = data.sessions.find((s) => s.status === 'ditetapkan');

  return (
    <>
      <ReportSection title="Ringkasan">
        <p>
          Dari <strong>{n(data.population)}</strong> pegawai aktif{data.unitName ? ` di ${data.unitName}` : ''}, <strong>{n(data.placed)}</strong> dapat
          dipetakan pada {data.year}. {n(data.unplaced.count)} orang belum dipetakan karena datanya belum lengkap
          ({n(data.unplaced.missingKinerja)} tanpa SKP tahunan, {n(data.unplaced.missingPotensi)} tanpa asesmen potensi); mereka tidak ditebak.
          {' '}Penomoran kotak: {data.numbering === 'kemenkeu' ? 'Kemenkeu' : 'PermenPANRB 3/2020'}.
        </p>
        <p>
          {fixed
            ? <>Penempatan akhir memuat hasil sidang Komite Talenta <strong>{fixed.name}</strong> yang ditetapkan oleh {fixed.fixedBy ?? '—'}{fixed.fixedAt ? ` pada ${dateId(fixed.fixedAt.slice(0, 10))}` : ''} ({n(fixed.calibrations)} kalibrasi).</>
            : data.sessions.length > 0
              ? <>Sidang Komite Talenta tahun ini belum ditetapkan; penempatan akhir memuat kalibrasi sementara ({data.sessions.map((s) => `${s.name}: ${sessionStatusLabel(s.status)}`).join('; ')}).</>
              : <>Belum ada sidang Komite Talenta untuk tahun ini: penempatan adalah hasil perhitungan dan belum dikalibrasi komite.</>}
        </p>
      </ReportSection>

      <ReportSection title="Kotak 9: kinerja × potensial">
        <NineBox boxes={data.boxes} label="Kotak 9" variant="print">{(box) => <NineboxCell box={box} />}</NineBox>
        <p className="report-figure-caption">Baris: kinerja (atas = di atas ekspektasi). Kolom: potensial (kiri = rendah). Angka besar: jumlah setelah kalibrasi; nama: paling banyak 12 per kotak, menurut abjad.</p>
        <ReportTable
          label="Jumlah pegawai per kotak"
          columns={[
            { header: 'Kotak', cell: (b: Box) => String(b.box), className: 'num', width: '14mm' },
            { header: 'Nama kotak', cell: (b) => <>{b.name}{b.inPool ? ' *' : ''}</>, width: '40mm' },
            { header: 'Dihitung', cell: (b) => n(b.computed), className: 'num', width: '18mm' },
            { header: 'Akhir', cell: (b) => n(b.final), className: 'num', width: '16mm' },
            { header: 'Rekomendasi', cell: (b) => b.recommendation },
          ]}
          rows={[...data.boxes].sort((a, b) => b.box - a.box)}
        />
        <p className="report-figure-caption">* kotak kelompok rencana suksesi (Pengaturan › Manajemen talenta).</p>
      </ReportSection>

      <ReportSection title="Kelompok rencana suksesi">
        {data.pool.total === 0 ? <NoData title="Belum ada." message="Tidak ada pegawai di kotak kelompok rencana suksesi untuk populasi dan tahun ini." /> : (
          <>
            <ReportTable
              label="Kelompok rencana suksesi"
              columns={[
                { header: 'No.', cell: (_r: ManajemenTalentaData['pool']['rows'][number], i) => i + 1, className: 'num', width: '9mm' },
                { header: 'NIP', cell: (r) => formatNip(r.nip), width: '38mm' },
                { header: 'Nama', cell: (r) => r.fullName },
                { header: 'Jabatan / unit', cell: (r) => <>{r.positionName ?? '—'}<br /><span className="muted">{r.unitName ?? ''}</span></> },
                { header: 'Kotak', cell: (r) => `${r.box}${r.calibrated ? ' (k)' : ''}`, className: 'num', width: '14mm' },
              ]}
              rows={data.pool.rows}
            />
            <p className="report-figure-caption">(k) = kotak hasil kalibrasi Komite Talenta.{data.pool.total > data.pool.rows.length ? ` Dicetak ${n(data.pool.rows.length)} dari ${n(data.pool.total)} orang; daftar lengkap ada di halaman Manajemen Talenta.` : ''}</p>
          </>
        )}
      </ReportSection>
    </>
  );
}

function NineboxCell({ box }: { box: Box }) {
  const more = box.final - box.people.length;
  return (
    <>
      <div className="ninebox-print-head"><span>Kotak {box.box}</span><strong>{n(box.final)}</strong></div>
      <div className="ninebox-print-name">{box.name}</div>
      <div className="ninebox-print-people">{box.people.join(', ')}{more > 0 ? ` dan ${n(more)} lainnya` : ''}</div>
    </>
  );
}
