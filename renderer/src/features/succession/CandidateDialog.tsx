import { useState } from 'react';
import { golonganLabel } from '../../../../shared/domain/golongan';
import { formatNip } from '../../../../shared/domain/nip';
import { positionLevelLabel } from '../../../../shared/domain/position';
import { CHECK_STATUS_LABELS, READINESS, type Readiness } from '../../../../shared/domain/succession';
import { formatDateId, formatNumberId } from '../../../../shared/format/id-format';
import type { ExportTable } from '../../../../shared/schemas/export';
import type { RankedCandidate } from '../../../../shared/schemas/succession';
import type { ReadinessLabels } from '../../../../shared/domain/succession';
import { useApi } from '../../api/hooks';
import { href } from '../../app/router';
import { Dialog, ErrorBanner, Loading } from '../../components/feedback';
import { ExportXlsxButton } from '../../components/data-view';
import { Nip } from '../../components/labels';
import { CheckMark } from './succession-ui';

/**
 * One person against the position: why they are (not) eligible, how the score is made up (weights, values,
 * points), the competency levels against the standard, and what they still need (the later IDP).
 */
export function CandidateDialog({ positionId, positionName, employeeId, labels, inDraft, onAdd, onClose }: {
  positionId: number;
  positionName: string;
  employeeId: number;
  labels: ReadinessLabels;
  inDraft: boolean;
  onAdd?: (readiness: Readiness, candidate: RankedCandidate) => void;
  onClose: () => void;
}) {
  const detail = useApi('succession:candidate', { positionId, employeeId }, ['succession', 'employees']);
  const [readiness, setReadiness] = useState<Readiness | null>(null);
  const d = detail.data;
  const c = d?.candidate;
  const chosen = readiness ?? c?.suggestedReadiness ?? 'siap_1_2_tahun';

  const needsTable: ExportTable | null = d && c ? {
    title: `Kebutuhan pengembangan ${c.fullName}`.slice(0, 120),
    subtitle: [`Untuk jabatan ${positionName}`, `NIP ${formatNip(c.nip)}`],
    columns: [
      { key: 'kind', header: 'Jenis', type: 'text' }, { key: 'label', header: 'Kompetensi / syarat', type: 'text', width: 40 },
      { key: 'current', header: 'Level saat ini', type: 'integer' }, { key: 'target', header: 'Level standar', type: 'integer' },
      { key: 'action', header: 'Tindak lanjut', type: 'text', width: 70 },
    ],
    rows: d.developmentNeeds.map((n) => ({ kind: KIND_LABEL[n.kind], label: n.label, current: n.currentLevel, target: n.targetLevel, action: n.action })),
  } : null;

  return (
    <Dialog title={c ? `${c.fullName} untuk ${positionName}` : 'Rincian kandidat'} onClose={onClose} wide
      footer={(
        <>
          {c && onAdd && !inDraft && (
            <>
              <select aria-label="Kesiapan" value={chosen} onChange={(e) => setReadiness(e.target.value as Readiness)}>
                {READINESS.map((r) => <option key={r.code} value={r.code}>{labels[r.code]}</option>)}
              </select>
              <button type="button" className="button button-primary" onClick={() => onAdd(chosen, c)}>Tambah ke rencana</button>
            </>
          )}
          {inDraft && <span className="muted">Sudah ada dalam rencana.</span>}
          <button type="button" className="button" onClick={onClose}>Tutup</button>
        </>
      )}>
      <ErrorBanner error={detail.error} onRetry={detail.reload} />
      {!d || !c ? <Loading /> : (
        <>
          <p className="profile-sub">
            <a href={href(`/pegawai/${c.employeeId}`)}>NIP <Nip value={c.nip} /></a> · {c.positionName ?? 'Jabatan belum diisi'}{c.positionLevel ? ` (${positionLevelLabel(c.positionLevel)})` : ''} · {golonganLabel(c.golongan) || 'golongan —'}
            {c.retirementDate && <> · TMT pensiun {formatDateId(c.retirementDate)}</>}
          </p>
          <p>
            {c.eligible
              ? <><strong>Memenuhi syarat.</strong> Skor <span className="score">{formatNumberId(c.score)}</span> dari 100; data ada untuk {formatNumberId(c.coverage)}% bobot.</>
              : <><strong className="text-warning">Belum memenuhi syarat</strong>: {c.checklist.filter((i) => i.status === 'fail').map((i) => i.label).join('; ')}.</>}
            {c.planCount > 0 && <> Kandidat di {c.planCount} rencana suksesi.</>}
            {' '}Saran kesiapan: {labels[c.suggestedReadiness]}.
          </p>

          <h3 className="dialog-section">Syarat</h3>
          <table className="table table-compact" aria-label="Daftar periksa syarat">
            <thead><tr><th /><th>Syarat</th><th>Keterangan</th></tr></thead>
            <tbody>
              {c.checklist.map((i) => (
                <tr key={i.key} className={i.status === 'fail' ? 'check-row-fail' : undefined}>
                  <td><CheckMark status={i.status} /></td><td>{i.label}<div className="muted" style={{ fontSize: 11 }}>{CHECK_STATUS_LABELS[i.status]}</div></td><td>{i.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h3 className="dialog-section">Skor dan cara menghitungnya</h3>
          <table className="table table-compact" aria-label="Rincian skor">
            <thead><tr><th>Komponen</th><th className="num">Bobot</th><th className="num">Nilai (0–1)</th><th className="num">Poin</th><th>Keterangan</th></tr></thead>
            <tbody>
              {c.components.map((x) => (
                <tr key={x.key}>
                  <td>{x.label}</td><td className="num">{x.weight}</td>
                  <td className="num">{x.value === null ? <span className="muted">—</span> : formatNumberId(x.value, 2)}</td>
                  <td className="num">{formatNumberId(x.points, 1)}{x.value === null && <span className="muted"> (belum ada data)</span>}</td>
                  <td>{x.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            Skor = Σ (bobot × nilai) ÷ Σ seluruh bobot × 100. Komponen tanpa data bernilai nol (belum ada data), sehingga kekurangan data
            tidak pernah menaikkan peringkat; kelengkapan data orang ini {formatNumberId(c.coverage)}% dari seluruh bobot. Bobot dapat diubah di Pengaturan.
          </p>

          <h3 className="dialog-section">Kompetensi terhadap standar jabatan</h3>
          {d.competencies.length === 0
            ? <p className="muted">Belum ada data: jabatan ini belum memiliki standar kompetensi.</p>
            : (
              <table className="table table-compact" aria-label="Kompetensi terhadap standar">
                <thead><tr><th>Kompetensi</th><th className="num">Standar</th><th className="num">Capaian</th><th className="num">Kesenjangan</th></tr></thead>
                <tbody>
                  {d.competencies.map((k) => (
                    <tr key={k.competencyId}>
                      <td>{k.code} {k.name}</td><td className="num">{k.requiredLevel}</td>
                      <td className="num">{k.level ?? <span className="muted">belum diasesmen</span>}</td>
                      <td className="num">{k.level === null ? '—' : Math.max(0, k.requiredLevel - k.level)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}

          <header className="card-header" style={{ marginTop: 14 }}>
            <h3 className="dialog-section" style={{ margin: 0 }}>Kebutuhan pengembangan</h3>
            {needsTable && <ExportXlsxButton table={needsTable} />}
          </header>
          {d.developmentNeeds.length === 0 ? <p className="muted">Tidak ada kebutuhan pengembangan yang tercatat untuk jabatan ini.</p> : (
            <table className="table table-compact" aria-label="Kebutuhan pengembangan">
              <thead><tr><th>Jenis</th><th>Kompetensi / syarat</th><th>Tindak lanjut</th></tr></thead>
              <tbody>
                {d.developmentNeeds.map((n, i) => <tr key={i}><td>{KIND_LABEL[n.kind]}</td><td>{n.label}</td><td>{n.action}</td></tr>)}
              </tbody>
            </table>
          )}
        </>
      )}
    </Dialog>
  );
}

const KIND_LABEL: Record<string, string> = { kompetensi: 'Kesenjangan kompetensi', asesmen: 'Asesmen', diklat: 'Diklat', syarat: 'Syarat' };
