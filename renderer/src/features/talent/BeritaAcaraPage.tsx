import { boxCell, boxName, sessionStatusLabel } from '../../../../shared/domain/talent';
import { formatDateId, formatDateTimeId, formatNumberId } from '../../../../shared/format/id-format';
import { useApi } from '../../api/hooks';
import { href } from '../../app/router';
import { ErrorBanner, Loading } from '../../components/feedback';
import { Nip } from '../../components/labels';

/** Berita acara of a Komite Talenta session, laid out for A4: members, date, every move with its reason. */
export function BeritaAcaraPage({ sessionId }: { sessionId: number }) {
  const detail = useApi('talent:session', { sessionId });
  const settings = useApi('talent:settings', {});
  if (detail.error) return <div className="page"><ErrorBanner error={detail.error} /></div>;
  if (!detail.data || !settings.data) return <div className="page"><Loading /></div>;
  const { session, boxes, moves } = detail.data;
  const numbering = settings.data.numbering;
  const describe = (box: number) => {
    const cell = boxCell(box, numbering);
    return `${box} (${boxName(cell.kinerja, cell.potensi)})`;
  };
  return (
    <div className="print-page" data-testid="berita-acara">
      <div className="print-actions no-print">
        <a href={href('/talenta')}>← Kembali</a>
        <button type="button" className="button button-primary" onClick={() => window.print()}>Cetak</button>
      </div>
      <h1 className="print-title">BERITA ACARA SIDANG KOMITE TALENTA</h1>
      <p className="print-subtitle">{session.name}</p>
      <table className="print-meta">
        <tbody>
          <tr><td>Tahun penilaian</td><td>{session.year}</td></tr>
          <tr><td>Tanggal sidang</td><td>{session.heldOn ? formatDateId(session.heldOn) : '—'}</td></tr>
          <tr><td>Populasi</td><td>{session.populationUnitName ?? 'Seluruh perangkat daerah'}{session.populationLevels ? ` · jenjang: ${session.populationLevels.join(', ')}` : ''}</td></tr>
          <tr><td>Status</td><td>{sessionStatusLabel(session.status)}{session.fixedBy ? `, ditetapkan oleh ${session.fixedBy} pada ${formatDateTimeId(session.fixedAt)}` : ''}</td></tr>
          <tr><td>Pegawai ditempatkan</td><td>{formatNumberId(session.placements)}</td></tr>
        </tbody>
      </table>
      <h2>Anggota komite</h2>
      {session.members.length === 0 ? <p>—</p> : (
        <table className="table print-table"><thead><tr><th>No</th><th>Nama</th><th>NIP</th><th>Peran</th></tr></thead>
          <tbody>{session.members.map((m, i) => <tr key={i}><td>{i + 1}</td><td>{m.name}</td><td>{m.nip ? <Nip value={m.nip} /> : '—'}</td><td>{m.role}</td></tr>)}</tbody>
        </table>
      )}
      <h2>Rekapitulasi kotak</h2>
      <table className="table print-table">
        <thead><tr><th>Kotak</th><th className="num">Hasil perhitungan</th><th className="num">Setelah kalibrasi</th></tr></thead>
        <tbody>{[...boxes].reverse().map((b) => <tr key={b.box}><td>{describe(b.box)}</td><td className="num">{formatNumberId(b.computed)}</td><td className="num">{formatNumberId(b.final)}</td></tr>)}</tbody>
      </table>
      <h2>Kalibrasi ({moves.length})</h2>
      {moves.length === 0 ? <p>Tidak ada penempatan yang diubah dalam sidang ini.</p> : (
        <table className="table print-table">
          <thead><tr><th>No</th><th>Pegawai</th><th>Dari kotak</th><th>Ke kotak</th><th>Alasan</th><th>Dicatat oleh</th></tr></thead>
          <tbody>
            {moves.map((m, i) => (
              <tr key={m.placementId}>
                <td>{i + 1}</td><td>{m.fullName}<div><Nip value={m.nip} /></div><div className="muted">{m.positionName}</div></td>
                <td>{describe(m.computedBox)}</td><td><strong>{describe(m.finalBox)}</strong></td><td>{m.calibrationReason}</td>
                <td>{m.calibratedBy}<div className="muted">{formatDateTimeId(m.calibratedAt)}</div></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="signatures">
        {session.members.slice(0, 3).map((m, i) => (
          <div key={i} className="signature"><div>{m.role}</div><div className="signature-space" /><div className="strong">{m.name}</div>{m.nip && <div>NIP <Nip value={m.nip} /></div>}</div>
        ))}
      </div>
    </div>
  );
}
