// Berita acara of a Komite Talenta session, between the kop surat and the end of the page: the opening sentence
// with the date in words, the members, the result of the mapping (the same 9-box drawing as the screen), every
// calibration with its reason, and the signatures of the members, the officer who recorded it and the PPK.

import { formatNip } from '../../../../shared/domain/nip';
import type { BeritaAcaraTalentaData } from '../../../../shared/reports/berita-acara-talenta.report';
import { NineBox } from '../../features/talent/NineBox';
import { dateId, n, NoData, ReportSection, ReportTable } from '../parts';
import './berita-acara.css';

type Member = BeritaAcaraTalentaData['members'][number];
type Move = BeritaAcaraTalentaData['moves'][number];
type Box = BeritaAcaraTalentaData['boxes'][number];

export function BeritaAcaraTalentaReport({ data }: { data: BeritaAcaraTalentaData }) {
  const { session } = data;
  return (
    <>
      <p className="ba-paragraph">
        {session.heldOnInWords}, bertempat di {session.place ?? '……………………………'}, telah diselenggarakan
        {' '}{/^sidang/i.test(session.name) ? <strong>{session.name}</strong> : <>sidang Komite Talenta <strong>{session.name}</strong></>}
        {' '}untuk penilaian kinerja dan potensial tahun {session.year} atas pegawai aktif {session.population},
        {' '}dihadiri oleh anggota komite sebagai berikut:
      </p>
      <div className="ba-members">
      {data.members.length === 0 ? <NoData title="Anggota komite belum dicatat." message="Isi anggota komite pada data sidang di halaman Manajemen Talenta, lalu cetak lagi." /> : (
        <ReportTable
          label="Anggota komite"
          columns={[
            { header: 'No.', cell: (_m: Member, i) => i + 1, className: 'num', width: '9mm' },
            { header: 'Nama', cell: (m) => m.name },
            { header: 'NIP', cell: (m) => (m.nip ? formatNip(m.nip) : '—'), width: '40mm' },
            { header: 'Kedudukan dalam komite', cell: (m) => m.role, width: '40mm' },
          ]}
          rows={data.members}
        />
      )}
      </div>

      <ReportSection title="Hasil pemetaan talenta">
        <p className="ba-paragraph">
          Komite membahas penempatan {n(data.placements)} pegawai pada kotak 9 manajemen talenta (PermenPANRB 3/2020) sebagaimana dihitung dari
          predikat SKP tahunan dan asesmen potensi, dan mengubah {n(data.moves.length)} penempatan dengan alasan yang dicatat di bawah.
        </p>
        <NineBox boxes={data.boxes} label="Kotak 9 hasil sidang" variant="print">{(box) => <BoxCell box={box} />}</NineBox>
        <p className="report-figure-caption">Baris: kinerja (atas = di atas ekspektasi). Kolom: potensial (kiri = rendah). Angka besar: jumlah setelah kalibrasi.</p>
      </ReportSection>

      <ReportSection title="Kalibrasi">
        {data.moves.length === 0 ? <p className="ba-paragraph">Tidak ada penempatan yang diubah dalam sidang ini.</p> : (
          <ReportTable
            label="Kalibrasi"
            columns={[
              { header: 'No.', cell: (_m: Move, i) => i + 1, className: 'num', width: '9mm' },
              { header: 'Pegawai', cell: (m) => <>{m.fullName}<br />NIP {formatNip(m.nip)}<br /><span className="muted">{m.positionName ?? ''}</span></>, width: '50mm' },
              { header: 'Dari', cell: (m) => `Kotak ${m.fromBox}`, width: '15mm' },
              { header: 'Menjadi', cell: (m) => <strong>Kotak {m.toBox}</strong>, width: '17mm' },
              { header: 'Alasan', cell: (m) => m.reason },
            ]}
            rows={data.moves}
          />
        )}
      </ReportSection>

      <p className="ba-paragraph">
        {session.fixed
          ? <>Hasil sidang ini ditetapkan oleh Pejabat Pembina Kepegawaian{session.fixedAt ? ` pada ${dateId(session.fixedAt.slice(0, 10))}` : ''}.</>
          : <>Status sidang: {session.statusLabel}; hasilnya berlaku setelah ditetapkan oleh Pejabat Pembina Kepegawaian.</>}
        {' '}Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.
      </p>

      <Signatures data={data} />
    </>
  );
}

function BoxCell({ box }: { box: Box }) {
  return (
    <>
      <div className="ninebox-print-head"><span>Kotak {box.box}</span><strong>{n(box.final)}</strong></div>
      <div className="ninebox-print-name">{box.name}</div>
      {box.final !== box.computed && <div className="ninebox-print-computed">hasil perhitungan {n(box.computed)}</div>}
    </>
  );
}

function Signatures({ data }: { data: BeritaAcaraTalentaData }) {
  const { ppk } = data;
  return (
    <section className="ba-signatures" aria-label="Tanda tangan">
      <div className="ba-date">{data.datePlace ? `${data.datePlace}, ` : ''}{dateId(data.session.heldOn)}</div>
      {data.members.length > 0 && (
        <table className="ba-member-signatures" aria-label="Tanda tangan anggota komite">
          <tbody>
            {data.members.map((m, i) => (
              <tr key={i}><td className="num">{i + 1}.</td><td>{m.name}<div className="muted">{m.role}</div></td><td className="ba-sign-line">{i + 1}. …………………………</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="ba-signature-pair">
        <div className="ba-signature">
          <div>Dicatat oleh,</div>
          <div>Petugas pencatat</div>
          <div className="report-signature-space" />
          <div className="report-signature-name">{data.recorder.name}</div>
          {data.recorder.nip && <div>NIP {formatNip(data.recorder.nip)}</div>}
        </div>
        <div className="ba-signature">
          <div>Menetapkan,</div>
          <div>Pejabat Pembina Kepegawaian{ppk.position ? `,` : ''}</div>
          {ppk.position && <div>{ppk.position}</div>}
          <div className="report-signature-space" />
          <div className="report-signature-name">{ppk.name ?? <span className="report-signature-blank">(nama PPK)</span>}</div>
          {ppk.nip && <div>NIP {formatNip(ppk.nip)}</div>}
        </div>
      </div>
    </section>
  );
}
