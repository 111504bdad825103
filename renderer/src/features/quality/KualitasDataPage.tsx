import { useState } from 'react';
import { formatDateId, formatNumberId } from '../../../../shared/format/id-format';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { href, type Route } from '../../app/router';
import { LineChart } from '../../components/charts';
import { ChartCard, saveBase64File } from '../../components/data-view';
import { Dialog, EmptyState, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { Nip } from '../../components/labels';
import { Pager } from '../../components/pager';

type Overview = ResponseOf<'quality:overview'>;
type Check = Overview['checks'][number];
type Trend = ResponseOf<'quality:trend'>;
type Finding = ResponseOf<'quality:findings'>['rows'][number];
type Correction = ResponseOf<'quality:corrections'>['rows'][number];

const PAGE = 50;
const indexText = (index: number | null) => (index === null ? '–' : formatNumberId(index, 1));
const GROUP_LABELS: Record<Check['group'], string> = { kelengkapan: 'Kelengkapan', konsistensi: 'Konsistensi' };
const REFRESH_ON = ['employees', 'performance', 'competency', 'settings', 'imports'];

/** "+1,2", "−0,5", "0,0" or "–" for a change of the index in points. */
function deltaText(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return '–';
  if (delta > 0) return `+${formatNumberId(delta, 1)}`;
  if (delta < 0) return `−${formatNumberId(-delta, 1)}`;
  return formatNumberId(0, 1);
}

/** Kualitas Data: the index per perangkat daerah, the checks behind it, and the people each check finds. */
export function KualitasDataPage(_props: { route: Route }) {
  const overview = useApi('quality:overview', {}, REFRESH_ON);
  const trend = useApi('quality:trend', {}, REFRESH_ON);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [check, setCheck] = useState<Check | null>(null);

  if (overview.error) return <div className="page"><ErrorBanner error={overview.error} onRetry={overview.reload} /></div>;
  if (!overview.data) return <div className="page"><Loading /></div>;
  const data = overview.data;
  if (data.population === 0) {
    return (
      <div className="page">
        <h1>Kualitas Data</h1>
        <EmptyState title="Belum ada pegawai aktif">Impor snapshot SIASN melalui Impor Data; indeks kualitas data dihitung dari pegawai aktif.</EmptyState>
      </div>
    );
  }
  const unitName = unitId === null ? null : data.units.find((u) => u.unitId === unitId)?.name ?? null;
  return (
    <div className="page">
      <h1>Kualitas Data</h1>
      <p className="muted">
        Indeks 0–100 dari pemeriksaan kelengkapan dan konsistensi data {formatNumberId(data.population)} pegawai aktif:
        rata-rata berbobot, per pemeriksaan, dari bagian pegawai yang lolos. SIASN tetap sumber data induk.
      </p>
      <div className="stat-row">
        <div className="stat"><span className="stat-value">{indexText(data.index)}</span><span className="stat-label">Indeks kabupaten</span></div>
      </div>
      {trend.data && <TrendCard trend={trend.data} />}

      <h2>Pemeriksaan</h2>
      <table className="table" aria-label="Pemeriksaan kualitas data">
        <thead><tr><th>Pemeriksaan</th><th>Jenis</th><th className="num">Bobot</th><th className="num">Diperiksa</th><th className="num">Ditemukan</th><th /></tr></thead>
        <tbody>
          {data.checks.map((c) => (
            <tr key={c.key} className={check?.key === c.key ? 'selected' : undefined}>
              <td>{c.label}</td>
              <td>{GROUP_LABELS[c.group]}</td>
              <td className="num">{formatNumberId(c.weight)}</td>
              <td className="num">{formatNumberId(c.applicable)}</td>
              <td className="num">{formatNumberId(c.found)}</td>
              <td>{c.found > 0 && <button type="button" className="button button-small" onClick={() => setCheck(c)}>Lihat pegawai</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Per perangkat daerah</h2>
      <table className="table" aria-label="Indeks per perangkat daerah">
        <thead><tr><th>Perangkat daerah</th><th className="num">Pegawai aktif</th><th className="num">Indeks</th><th className="num">Sejak impor sebelumnya</th><th /></tr></thead>
        <tbody>
          {[...data.units].sort((a, b) => (a.index ?? 101) - (b.index ?? 101)).map((u) => (
            <tr key={u.unitId ?? 'none'} className={unitId !== null && unitId === u.unitId ? 'selected' : undefined}>
              <td>{u.name}</td>
              <td className="num">{formatNumberId(u.population)}</td>
              <td className="num">{indexText(u.index)}</td>
              <td className="num">{deltaText(trend.data?.units.find((d) => d.unitId === u.unitId)?.delta)}</td>
              <td>{u.unitId !== null && (
                <button type="button" className="button button-small" onClick={() => setUnitId(unitId === u.unitId ? null : u.unitId)}>
                  {unitId === u.unitId ? 'Semua perangkat daerah' : 'Saring daftar'}
                </button>
              )}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {check && <Findings check={check} unitId={unitId} unitName={unitName} onClose={() => setCheck(null)} />}

      <Corrections />
    </div>
  );
}

/** The district's index after each import and once a day, and how it moved since the previous import. */
function TrendCard({ trend }: { trend: Trend }) {
  const since = trend.sinceLastImport;
  const rows = trend.points.map((p) => ({
    tanggal: p.takenOn, sebab: p.reason === 'impor' ? `Impor ${p.fileName ?? ''}`.trim() : 'Catatan harian', pegawai: p.population, indeks: p.index,
  }));
  return (
    <>
      {since && (
        <p className="muted" data-testid="quality-since-import">
          {since.delta === null ? 'Indeks belum dapat dibandingkan dengan impor sebelumnya.'
            : `${since.delta > 0 ? 'Naik' : since.delta < 0 ? 'Turun' : 'Tetap'}${since.delta === 0 ? '' : ` ${formatNumberId(Math.abs(since.delta), 1)} poin`} sejak impor sebelumnya`
              + ` (${indexText(since.previous.index)} setelah impor ${since.previous.fileName ?? ''} pada ${formatDateId(since.previous.takenOn)}, ${indexText(since.latest.index)} setelah impor ${since.latest.fileName ?? ''} pada ${formatDateId(since.latest.takenOn)}).`}
        </p>
      )}
      <ChartCard
        title="Indeks dari waktu ke waktu"
        table={{
          title: 'Indeks kualitas data kabupaten dari waktu ke waktu',
          subtitle: ['Dicatat setiap selesai impor dan paling banyak sekali sehari selain itu'],
          columns: [
            { key: 'tanggal', header: 'Tanggal', type: 'date' }, { key: 'sebab', header: 'Dicatat karena', type: 'text' },
            { key: 'pegawai', header: 'Pegawai aktif', type: 'integer' }, { key: 'indeks', header: 'Indeks', type: 'number' },
          ],
          rows,
        }}
        empty={<EmptyState title="Belum ada catatan indeks">Indeks dicatat setiap selesai impor dan sekali sehari; grafiknya tampil setelah catatan pertama.</EmptyState>}
        chart={
          <LineChart height={240} ariaLabel="Indeks kualitas data kabupaten dari waktu ke waktu" testId="quality-trend-chart"
            data={trend.points.map((p) => ({ tanggal: formatDateId(p.takenOn), Indeks: p.index }))} xKey="tanggal"
            describe={(row) => indexText(row.Indeks as number | null)}
            series={[{ key: 'Indeks', label: 'Indeks', color: '#14303d' }]} />
        }
      />
    </>
  );
}

function Findings({ check, unitId, unitName, onClose }: { check: Check; unitId: number | null; unitName: string | null; onClose(): void }) {
  const [offset, setOffset] = useState(0);
  const list = useApi('quality:findings', { check: check.key, unitId: unitId ?? undefined, offset, limit: PAGE }, ['employees']);
  const [fixing, setFixing] = useState<Finding | null>(null);
  const fixable = !!list.data?.rows.some((r) => r.fix);
  return (
    <section aria-label={`Temuan: ${check.label}`}>
      <h2>{check.label}{unitName ? ` — ${unitName}` : ''}</h2>
      <p className="muted">{check.advice}</p>
      {list.error && <ErrorBanner error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.total === 0 && <EmptyState title="Tidak ada temuan">Pemeriksaan ini tidak menemukan pegawai di sini.</EmptyState>}
      {list.data && list.data.total > 0 && (
        <>
          <table className="table" aria-label="Pegawai yang ditemukan">
            <thead><tr><th>NIP</th><th>Nama</th><th>Unit kerja</th><th>Temuan</th>{fixable && <th />}</tr></thead>
            <tbody>
              {list.data.rows.map((r) => (
                <tr key={r.employeeId}>
                  <td><Nip value={r.nip} /></td>
                  <td><a href={href(`/pegawai/${r.employeeId}`)}>{r.name}</a></td>
                  <td>{r.unitName ?? 'Tanpa unit kerja'}</td>
                  <td>{r.finding}</td>
                  {fixable && <td>{r.fix && <button type="button" className="button button-small" onClick={() => setFixing(r)}>Perbaiki</button>}</td>}
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} limit={PAGE} total={list.data.total} onChange={setOffset} />
        </>
      )}
      <div className="button-row">
        {list.data && list.data.total > 0 && <ExportFindingsButton check={check} unitId={unitId} unitName={unitName} />}
        <button type="button" className="button" onClick={onClose}>Tutup daftar</button>
      </div>
      {fixing && <FixDialog check={check} finding={fixing} onClose={() => setFixing(null)} />}
    </section>
  );
}

/** Every person the check finds (not only the page in view) as an XLSX for the OPD to correct; the export is logged. */
function ExportFindingsButton({ check, unitId, unitName }: { check: Check; unitId: number | null; unitName: string | null }) {
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const run = async () => {
    setBusy(true);
    try {
      const rows: Array<Record<string, string>> = [];
      for (let offset = 0, total = 1; offset < total; offset += 500) {
        const page = await call('quality:findings', { check: check.key, unitId: unitId ?? undefined, offset, limit: 500 });
        total = page.total;
        rows.push(...page.rows.map((r) => ({ nip: r.nip, nama: r.name, unit: r.unitName ?? 'Tanpa unit kerja', temuan: r.finding })));
      }
      const file = await call('export:xlsx', {
        title: `Kualitas data: ${check.label}`.slice(0, 120),
        subtitle: [`Perangkat daerah: ${unitName ?? 'Semua perangkat daerah'}`, `Perbaikan: ${check.advice}`],
        columns: [
          { key: 'nip', header: 'NIP', type: 'text', width: 22 },
          { key: 'nama', header: 'Nama', type: 'text', width: 32 },
          { key: 'unit', header: 'Unit kerja', type: 'text', width: 32 },
          { key: 'temuan', header: 'Temuan', type: 'text', width: 60 },
        ],
        rows,
      });
      saveBase64File(file.fileName, file.mimeType, file.base64);
    } catch (e) {
      toast('error', e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return <button type="button" className="button" onClick={() => void run()} disabled={busy}>{busy ? 'Menyiapkan…' : 'Ekspor XLSX'}</button>;
}

/** "Perbaiki" after the officer confirms: the value the NIP gives, saved as a local correction. */
function FixDialog({ check, finding, onClose }: { check: Check; finding: Finding; onClose(): void }) {
  const fix = finding.fix!;
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const save = async () => {
    setBusy(true);
    try {
      await call('quality:fix', { employeeId: finding.employeeId, check: check.key, value: fix.value });
      toast('success', `${fix.fieldLabel} ${finding.name} diperbaiki menjadi ${fix.display} (koreksi lokal).`);
      onClose();
    } catch (e) {
      toast('error', e instanceof ApiError ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title="Perbaiki data dari NIP" onClose={onClose} footer={(
      <>
        <button type="button" className="button" onClick={onClose} disabled={busy}>Batal</button>
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={busy}>{busy ? 'Menyimpan…' : 'Ya, perbaiki'}</button>
      </>
    )}>
      <p>{finding.finding}</p>
      <p>Ubah data <strong>{fix.fieldLabel}</strong> {finding.name} (NIP <Nip value={finding.nip} />) menjadi <strong>{fix.display}</strong> sesuai NIP?</p>
      <p className="muted small">
        Perubahan ini tercatat di riwayat perubahan pegawai dan disimpan sebagai koreksi lokal: SIASN tetap sumber data induk, impor
        snapshot berikutnya menunjukkan bila SIASN masih berbeda, dan koreksinya dapat diekspor untuk dikirim ke SIASN.
      </p>
    </Dialog>
  );
}

/** The local corrections kept against SIASN: where the latest snapshot still disagrees, the office chooses; the
 *  open ones export in the layout sent to SIASN. */
function Corrections() {
  const [all, setAll] = useState(false);
  const list = useApi('quality:corrections', { openOnly: !all }, ['employees', 'imports']);
  const toast = useToast();
  const [busy, setBusy] = useState<number | null>(null);
  const resolve = async (c: Correction, choice: 'siasn' | 'keep') => {
    setBusy(c.id);
    try {
      await call('quality:resolveCorrection', { id: c.id, choice });
      toast('success', choice === 'siasn' ? `${c.field} ${c.name} kini memakai nilai SIASN.` : `Koreksi lokal ${c.field} ${c.name} dipertahankan.`);
      list.reload();
    } catch (e) {
      toast('error', e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section aria-label="Koreksi lokal">
      <h2>Koreksi lokal</h2>
      <p className="muted">Data yang diperbaiki di Jenjang sementara SIASN berbeda. Kirim daftar ini ke SIASN; koreksi ditutup sendiri bila snapshot berikutnya sudah sama.</p>
      <label className="checkbox"><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Tampilkan juga koreksi yang sudah ditutup</label>
      {list.error && <ErrorBanner error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.rows.length === 0 && <EmptyState title="Belum ada koreksi lokal">Gunakan Perbaiki pada daftar temuan untuk data yang jawabannya pasti dari NIP.</EmptyState>}
      {list.data && list.data.rows.length > 0 && (
        <>
          <table className="table" aria-label="Daftar koreksi lokal">
            <thead><tr><th>NIP</th><th>Nama</th><th>Data</th><th>Nilai SIASN</th><th>Nilai koreksi</th><th>Tanggal</th><th>Oleh</th><th>Keadaan</th><th /></tr></thead>
            <tbody>
              {list.data.rows.map((c) => (
                <tr key={c.id}>
                  <td><Nip value={c.nip} /></td>
                  <td><a href={href(`/pegawai/${c.employeeId}`)}>{c.name}</a></td>
                  <td>{c.field}</td>
                  <td>{c.siasnValue ?? '—'}</td>
                  <td>{c.correctedValue ?? '—'}</td>
                  <td>{formatDateId(c.correctedAt.slice(0, 10))}</td>
                  <td>{c.correctedBy}</td>
                  <td>
                    {c.statusLabel}
                    {c.disagreement && <div className="small warning-text">SIASN masih berbeda ({c.disagreement.value ?? 'kosong'}) pada impor {c.disagreement.fileName ?? ''}</div>}
                  </td>
                  <td>{c.disagreement && c.status === 'aktif' && (
                    <div className="button-row">
                      <button type="button" className="button button-small" disabled={busy === c.id} onClick={() => void resolve(c, 'siasn')}>Pakai nilai SIASN</button>
                      <button type="button" className="button button-small" disabled={busy === c.id} onClick={() => void resolve(c, 'keep')}>Pertahankan koreksi</button>
                    </div>
                  )}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ExportCorrectionsButton rows={list.data.rows.filter((c) => c.status === 'aktif')} />
        </>
      )}
    </section>
  );
}

/** The open corrections as XLSX in the layout the office sends to SIASN; the export is logged. */
function ExportCorrectionsButton({ rows }: { rows: Correction[] }) {
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const run = async () => {
    setBusy(true);
    try {
      const file = await call('export:xlsx', {
        title: 'Koreksi data untuk SIASN',
        subtitle: ['Koreksi lokal yang berlaku (SIASN belum sama)'],
        columns: [
          { key: 'nip', header: 'NIP', type: 'text', width: 22 },
          { key: 'nama', header: 'Nama', type: 'text', width: 32 },
          { key: 'field', header: 'Data', type: 'text', width: 18 },
          { key: 'siasn', header: 'Nilai SIASN', type: 'text', width: 20 },
          { key: 'koreksi', header: 'Nilai koreksi', type: 'text', width: 20 },
          { key: 'tanggal', header: 'Tanggal', type: 'date', width: 18 },
          { key: 'oleh', header: 'Oleh', type: 'text', width: 24 },
        ],
        rows: rows.map((c) => ({ nip: c.nip, nama: c.name, field: c.field, siasn: c.siasnValue ?? '', koreksi: c.correctedValue ?? '', tanggal: c.correctedAt.slice(0, 10), oleh: c.correctedBy })),
      });
      saveBase64File(file.fileName, file.mimeType, file.base64);
    } catch (e) {
      toast('error', e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return <button type="button" className="button" onClick={() => void run()} disabled={busy || rows.length === 0}>{busy ? 'Menyiapkan…' : 'Ekspor untuk SIASN (XLSX)'}</button>;
}
