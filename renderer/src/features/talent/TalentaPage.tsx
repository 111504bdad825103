import { useEffect, useState } from 'react';
import { POSITION_LEVELS, type PositionKind, type PositionLevel } from '../../../../shared/domain/position';
import { sessionStatusLabel } from '../../../../shared/domain/talent';
import { formatDateId, formatNumberId } from '../../../../shared/format/id-format';
import type { TalentSessionRow } from '../../../../shared/schemas/talent';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { href, navigate, type Route } from '../../app/router';
import { useCan } from '../../app/session';
import { ChartCard, DataTable, ExportXlsxButton } from '../../components/data-view';
import { Dialog, EmptyState, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { Pager } from '../../components/pager';
import { SaveErrorBanner } from '../../components/save-error';
import { PopulationFilter, usePopulation, type Population } from '../../components/population-filter';
import { TalentPlacementDialog } from '../../components/talent-placement-dialog';
import { NineBox } from './NineBox';
import { FixDialog, SessionDialog } from './SessionDialogs';

type NineBoxData = ResponseOf<'talent:ninebox'>;

/** Manajemen Talenta: the 9-box of a year and population, Komite Talenta sessions, movement and the pool. */
export function TalentaPage(_props: { route: Route }) {
  const years = useApi('performance:years', {}, ['performance']);
  const [year, setYear] = useState<number | null>(null);
  const filter = usePopulation();
  const population = filter.population;
  const [sessionId, setSessionId] = useState<number | null>(null);
  useEffect(() => {
    if (year === null && years.data?.latest) setYear(years.data.latest);
  }, [years.data, year]);

  if (years.error) return <div className="page"><ErrorBanner error={years.error} onRetry={years.reload} /></div>;
  if (!years.data) return <div className="page"><Loading /></div>;
  if (years.data.years.length === 0) {
    return <div className="page"><h1>Manajemen Talenta</h1><EmptyState title="Belum ada data SKP">Kotak 9 memerlukan SKP tahunan dan asesmen potensi. Catat atau impor datanya terlebih dahulu.</EmptyState></div>;
  }
  return (
    <div className="page">
      <h1>Manajemen Talenta</h1>
      <p className="muted">Kotak 9 PermenPANRB 3/2020: sumbu kinerja dari predikat SKP tahunan terakhir, sumbu potensial dari asesmen potensi terakhir. Pegawai yang belum lengkap datanya dicantumkan terpisah, tidak ditebak.</p>
      <PopulationFilter state={filter} years={years.data.years} year={year} onYear={(y) => { setYear(y); setSessionId(null); }} />
      {year !== null && (
        <>
          <Sessions year={year} population={population} sessionId={sessionId} onSelect={setSessionId} />
          <Grid year={year} population={population} sessionId={sessionId} />
          <div className="cards cards-2">
            <Movement year={year} population={population} years={years.data.years} />
            <Pool year={year} population={population} />
          </div>
        </>
      )}
    </div>
  );
}

function Grid({ year, population, sessionId }: { year: number; population: Population; sessionId: number | null }) {
  const ninebox = useApi('talent:ninebox', { ...population, year, peoplePerBox: 6 }, ['performance', 'employees']);
  const [openBox, setOpenBox] = useState<number | null>(null);
  const [explain, setExplain] = useState<number | null>(null);
  const [showUnplaced, setShowUnplaced] = useState(false);
  if (ninebox.error) return <ErrorBanner error={ninebox.error} onRetry={ninebox.reload} />;
  if (!ninebox.data) return <Loading />;
  const data = ninebox.data;
  const table = {
    title: `Kotak 9 talenta ${year}`, subtitle: [`Penomoran ${data.numbering === 'permenpanrb' ? 'PermenPANRB 3/2020' : 'Kemenkeu'}; ${data.placed} dari ${data.population} pegawai aktif dapat ditempatkan`],
    columns: [{ key: 'box', header: 'Kotak', type: 'integer' as const }, { key: 'name', header: 'Nama kotak' }, { key: 'computed', header: 'Hasil perhitungan', type: 'integer' as const },
      { key: 'final', header: 'Setelah kalibrasi', type: 'integer' as const }, { key: 'pool', header: 'Kelompok rencana suksesi' }, { key: 'recommendation', header: 'Rekomendasi' }],
    rows: [...data.boxes].sort((a, b) => b.box - a.box).map((b) => ({ box: b.box, name: b.name, computed: b.computed, final: b.final, pool: b.inPool ? 'Ya' : '', recommendation: b.recommendation })),
  };
  return (
    <>
      <DataGapWarning year={year} population={data.population} unplaced={data.unplaced} testId="ninebox-data-gaps" />
      <ChartCard
        title={`Kotak 9, ${year}`}
        table={table}
        chart={
          <NineBox boxes={data.boxes} label="Kotak 9 talenta" variant="screen">
            {(b) => (
              <>
                <button type="button" className="ninebox-head" onClick={() => setOpenBox(b.box)} aria-label={`Kotak ${b.box}: ${b.name}, ${b.final} pegawai`}>
                  <span className="ninebox-number">{b.box}</span>
                  <span className="ninebox-count">{formatNumberId(b.final)}</span>
                </button>
                <div className="ninebox-name" title={b.recommendation}>{b.name}</div>
                {b.final !== b.computed && <div className="muted small">hasil perhitungan {formatNumberId(b.computed)}</div>}
                <ul className="ninebox-people">
                  {b.people.map((person) => (
                    <li key={person.employeeId}>
                      <button type="button" className="link-button" onClick={() => setExplain(person.employeeId)}>{person.fullName}</button>
                      {person.calibratedBox !== null && <span className="badge badge-key" title={`Hasil perhitungan kotak ${person.computedBox}`}>kalibrasi</span>}
                    </li>
                  ))}
                  {b.final > b.people.length && (
                    <li><button type="button" className="link-button muted" onClick={() => setOpenBox(b.box)}>
                      {b.people.length ? `+${formatNumberId(b.final - b.people.length)} lainnya` : `Lihat daftar (${formatNumberId(b.final)})`}
                    </button></li>
                  )}
                </ul>
              </>
            )}
          </NineBox>
        }
      />
      <section className="card" aria-label="Belum dapat ditempatkan">
        <header className="card-header">
          <h2 className="card-title">Belum dapat ditempatkan: {formatNumberId(data.unplaced.count)} pegawai</h2>
          <button type="button" className="button button-small" onClick={() => setShowUnplaced(!showUnplaced)}>{showUnplaced ? 'Sembunyikan' : 'Tampilkan'}</button>
        </header>
        <p className="muted">Tanpa SKP tahunan: {formatNumberId(data.unplaced.missingKinerja)} · tanpa asesmen potensi: {formatNumberId(data.unplaced.missingPotensi)}. Mereka tidak ditebak ke kotak mana pun.</p>
        {showUnplaced && (
          <table className="table table-compact" aria-label="Pegawai belum ditempatkan">
            <thead><tr><th>Nama</th><th>Jabatan</th><th>Data yang belum ada</th></tr></thead>
            <tbody>
              {data.unplaced.people.map((p) => (
                <tr key={p.employeeId}><td><a href={href(`/pegawai/${p.employeeId}?tab=kinerja`)}>{p.fullName}</a></td><td>{p.positionName}<div className="muted">{p.unitName}</div></td>
                  <td>{p.missing.map((m) => (m === 'kinerja' ? 'SKP tahunan' : 'asesmen potensi')).join(', ')}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {openBox !== null && <BoxDialog box={openBox} data={data} population={population} onExplain={setExplain} onClose={() => setOpenBox(null)} />}
      {explain !== null && <TalentPlacementDialog employeeId={explain} year={year} sessionId={sessionId} numbering={data.numbering} onClose={() => setExplain(null)} />}
    </>
  );
}

function BoxDialog({ box, data, population, onExplain, onClose }: { box: number; data: NineBoxData; population: Population; onExplain(id: number): void; onClose(): void }) {
  const [offset, setOffset] = useState(0);
  const people = useApi('talent:boxPeople', { ...population, year: data.year, box, offset, limit: 100 }, ['performance']);
  const info = data.boxes.find((b) => b.box === box)!;
  return (
    <Dialog title={`Kotak ${box}: ${info.name}`} onClose={onClose} wide footer={<button type="button" className="button" onClick={onClose}>Tutup</button>}>
      <p className="muted">Rekomendasi: {info.recommendation}</p>
      <ErrorBanner error={people.error} />
      {!people.data ? <Loading /> : (
        <>
          <table className="table table-compact" aria-label={`Pegawai kotak ${box}`}>
            <thead><tr><th>Nama</th><th>Jabatan</th><th>Hasil perhitungan</th><th /></tr></thead>
            <tbody>
              {people.data.rows.map((p) => (
                <tr key={p.employeeId}>
                  <td><a href={href(`/pegawai/${p.employeeId}?tab=kinerja`)}>{p.fullName}</a></td><td>{p.positionName}<div className="muted">{p.unitName}</div></td>
                  <td>{p.computedBox}{p.calibratedBox !== null && ' (dikalibrasi)'}</td>
                  <td><button type="button" className="button button-small" onClick={() => onExplain(p.employeeId)}>Penjelasan</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} total={people.data.total} limit={100} onChange={setOffset} />
        </>
      )}
    </Dialog>
  );
}

function Sessions({ year, population, sessionId, onSelect }: { year: number; population: Population; sessionId: number | null; onSelect(id: number | null): void }) {
  const sessions = useApi('talent:sessions', { year }, ['performance']);
  const [editing, setEditing] = useState<TalentSessionRow | 'new' | null>(null);
  const [fixing, setFixing] = useState<TalentSessionRow | null>(null);
  const toast = useToast();
  // A step taken from a stale list (another desk changed the session since) is refused with who and when.
  const [stale, setStale] = useState<ApiError | null>(null);
  const setStatus = async (session: TalentSessionRow, status: 'draft' | 'ditinjau' | 'ditetapkan', fixedBy?: string) => {
    setStale(null);
    try {
      await call('talent:setSessionStatus', { sessionId: session.id, version: session.version, status, fixedBy: fixedBy ?? null });
      toast('success', `Status sidang: ${sessionStatusLabel(status)}.`);
      if (status === 'ditetapkan' && sessionId === session.id) onSelect(null);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict') {
        setStale(e);
        setFixing(null);
      } else {
        toast('error', e instanceof ApiError ? e.message : String(e));
      }
      return false;
    }
  };
  // The berita acara names the officer who recorded the session: ask for the operator's name first when none is set.
  // The berita acara names the logged-in account as the officer who recorded the session.
  const openBeritaAcara = (session: TalentSessionRow) => navigate(beritaAcaraPath(session.id));
  const list = sessions.data?.sessions ?? [];
  // Pengelola Kepegawaian prepares sessions (opens and edits them in Draft) and submits them to the committee; the
  // Komite Talenta calibrates and fixes them.
  const canDraft = useCan('talent:draft');
  const canDecide = useCan('talent:decide');
  return (
    <section className="card" aria-label="Sidang Komite Talenta">
      <header className="card-header">
        <h2 className="card-title">Sidang Komite Talenta {year}</h2>
        {canDraft && <button type="button" className="button button-small" onClick={() => setEditing('new')}>+ Buka sidang</button>}
      </header>
      {list.length === 0 ? <p className="muted">Belum ada sidang tahun ini. Kalibrasi penempatan dilakukan dalam sidang Komite Talenta.</p> : (
        <table className="table table-compact" aria-label="Daftar sidang">
          <thead><tr><th>Sidang</th><th>Populasi</th><th>Status</th><th className="num">Ditempatkan</th><th className="num">Kalibrasi</th><th /></tr></thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id} className={s.id === sessionId ? 'is-selected' : undefined}>
                <td>{s.name}<div className="muted">{[s.heldOn ? formatDateId(s.heldOn) : 'tanggal belum diisi', s.documentNumber ? `Nomor ${s.documentNumber}` : null].filter(Boolean).join(' · ')}</div></td>
                <td>{s.populationUnitName ?? 'Semua unit'}{s.populationLevels ? <div className="muted">{levelLabels(s.populationLevels)}</div> : null}</td>
                <td><span className={`badge badge-session-${s.status}`}>{sessionStatusLabel(s.status)}</span>{s.fixedBy && <div className="muted">oleh {s.fixedBy}</div>}</td>
                <td className="num">{formatNumberId(s.placements)}</td><td className="num">{formatNumberId(s.calibrations)}</td>
                <td className="row-actions">
                  {canDecide && s.status !== 'ditetapkan' && (s.id === sessionId
                    ? <button type="button" className="button button-small" onClick={() => onSelect(null)}>Selesai kalibrasi</button>
                    : <button type="button" className="button button-small button-primary" onClick={() => onSelect(s.id)}>Kalibrasi di sidang ini</button>)}
                  {canDraft && s.status !== 'ditetapkan' && <button type="button" className="button button-small" onClick={() => setEditing(s)} aria-label={`Ubah ${s.name}`}>Ubah</button>}
                  {(canDraft || canDecide) && s.status === 'draft' && <button type="button" className="button button-small" onClick={() => void setStatus(s, 'ditinjau')}>Ajukan ke komite</button>}
                  {canDecide && s.status === 'ditinjau' && <button type="button" className="button button-small" onClick={() => setFixing(s)}>Tetapkan</button>}
                  <button type="button" className="button button-small" onClick={() => openBeritaAcara(s)} aria-label={`Berita acara ${s.name}`}>Berita acara</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SaveErrorBanner error={stale} onReload={() => { setStale(null); sessions.reload(); }} />
      {sessionId && <p className="banner banner-warning" role="status">Mode kalibrasi: buka penjelasan seorang pegawai (klik namanya di kotak) untuk memindahkannya dengan alasan.</p>}
      {sessionId && list.some((s) => s.id === sessionId) && <SessionDataGaps session={list.find((s) => s.id === sessionId)!} />}
      {editing && (
        <SessionDialog year={year} population={population} session={editing === 'new' ? null : editing}
          onClose={(saved) => { setEditing(null); if (saved && editing === 'new') onSelect(saved.id); }} />
      )}
      {fixing && (
        <FixDialog session={fixing} onClose={() => setFixing(null)} onFix={async (by) => { if (await setStatus(fixing, 'ditetapkan', by)) setFixing(null); }} />
      )}
    </section>
  );
}

/** How many of a population the 9-box cannot show because a record lacks SKP or potential (a decision on the
 *  9-box rests on the others only). */
function DataGapWarning({ year, population, unplaced, testId }: { year: number; population: number; unplaced: NineBoxData['unplaced']; testId: string }) {
  if (unplaced.count === 0) return null;
  const parts = [
    unplaced.missingKinerja > 0 ? `${formatNumberId(unplaced.missingKinerja)} tanpa SKP tahunan ${year} atau sebelumnya` : null,
    unplaced.missingPotensi > 0 ? `${formatNumberId(unplaced.missingPotensi)} tanpa asesmen potensi` : null,
  ].filter(Boolean);
  return (
    <p className="banner banner-warning" role="note" data-testid={testId}>
      {formatNumberId(unplaced.count)} dari {formatNumberId(population)} pegawai tidak tampil di kotak 9 karena datanya belum lengkap: {parts.join(', ')}.
      Lengkapi melalui <a href={href('/kualitas-data')}>Kualitas Data</a>.
    </p>
  );
}

/** The same warning for the population of a Komite Talenta session. */
function SessionDataGaps({ session }: { session: TalentSessionRow }) {
  const ninebox = useApi('talent:ninebox', {
    year: session.year, peoplePerBox: 0,
    ...(session.populationUnitId !== null ? { parentUnitId: session.populationUnitId } : {}),
    ...(session.populationLevels ? { levels: session.populationLevels as NonNullable<Population['levels']> } : {}),
  }, ['performance', 'employees']);
  if (!ninebox.data) return null;
  return <DataGapWarning year={session.year} population={ninebox.data.population} unplaced={ninebox.data.unplaced} testId="session-data-gaps" />;
}

/** The berita acara is a report: previewed and exported on the Laporan page. */
const beritaAcaraPath = (sessionId: number) => `/laporan/berita-acara-talenta?sidang=${sessionId}`;

const levelLabels = (levels: string[]) => levels.map((code) => POSITION_LEVELS.find((l) => l.code === code)?.label ?? code).join(', ');

function Movement({ year, population, years }: { year: number; population: Population; years: number[] }) {
  const previous = years.filter((y) => y < year).at(-1);
  const movement = useApi('talent:movement', previous ? { ...population, fromYear: previous, toYear: year } : null, ['performance']);
  if (!previous) return <section className="card"><h2 className="card-title">Perpindahan kotak</h2><p className="muted">Belum ada tahun sebelumnya untuk dibandingkan.</p></section>;
  if (movement.error) return <ErrorBanner error={movement.error} onRetry={movement.reload} />;
  if (!movement.data) return <Loading />;
  const m = movement.data;
  const matrixTable = {
    title: `Perpindahan kotak ${previous} → ${year}`, subtitle: ['Baris: kotak tahun awal; kolom: kotak tahun akhir'],
    columns: [{ key: 'from', header: `Kotak ${previous}`, type: 'integer' as const }, ...Array.from({ length: 9 }, (_, i) => ({ key: String(i + 1), header: `→ ${i + 1}`, type: 'integer' as const }))],
    rows: Array.from({ length: 9 }, (_, i) => ({ from: i + 1, ...Object.fromEntries(Array.from({ length: 9 }, (_, j) => [String(j + 1), m.matrix.find((x) => x.fromBox === i + 1 && x.toBox === j + 1)?.count ?? 0])) })),
  };
  return (
    <ChartCard
      title={`Perpindahan kotak ${previous} → ${year}`}
      table={{ title: `Pegawai yang berpindah kotak ${previous} → ${year}`, columns: [{ key: 'nip', header: 'NIP' }, { key: 'name', header: 'Nama' }, { key: 'unit', header: 'Unit kerja' }, { key: 'from', header: 'Dari', type: 'integer' }, { key: 'to', header: 'Ke', type: 'integer' }, { key: 'dir', header: 'Arah' }],
        rows: m.movers.map((x) => ({ nip: x.nip, name: x.fullName, unit: x.unitName, from: x.fromBox, to: x.toBox, dir: x.direction })) }}
      chart={
        <div>
          <p><strong className="text-ok">{formatNumberId(m.up)} naik</strong> · <strong className="text-warning">{formatNumberId(m.down)} turun</strong> · {formatNumberId(m.same)} tetap (nomor kotak lebih tinggi = lebih baik)</p>
          <DataTable table={matrixTable} />
          <ExportXlsxButton table={matrixTable} label="Ekspor matriks" />
        </div>
      }
    />
  );
}

function Pool({ year, population }: { year: number; population: Population }) {
  const pool = useApi('talent:pool', { ...population, year }, ['performance']);
  if (pool.error) return <ErrorBanner error={pool.error} onRetry={pool.reload} />;
  if (!pool.data) return <Loading />;
  const rows = pool.data.rows;
  return (
    <section className="card" aria-label="Kelompok rencana suksesi">
      <header className="card-header">
        <h2 className="card-title">Kelompok rencana suksesi (kotak {pool.data.boxes.join(', ')}): {formatNumberId(rows.length)}</h2>
        <ExportXlsxButton table={{
          title: `Kelompok rencana suksesi ${year}`, columns: [{ key: 'box', header: 'Kotak', type: 'integer' }, { key: 'nip', header: 'NIP' }, { key: 'name', header: 'Nama' }, { key: 'position', header: 'Jabatan' }, { key: 'unit', header: 'Unit kerja' }],
          rows: rows.map((r) => ({ box: r.finalBox, nip: r.nip, name: r.fullName, position: r.positionName, unit: r.unitName })),
        }} />
      </header>
      <div className="table-scroll">
        <table className="table table-compact" aria-label="Talent pool">
          <thead><tr><th>Kotak</th><th>Nama</th><th>Jabatan</th></tr></thead>
          <tbody>
            {rows.slice(0, 200).map((r) => (
              <tr key={r.employeeId}><td>{r.finalBox}</td><td><a href={href(`/pegawai/${r.employeeId}?tab=kinerja`)}>{r.fullName}</a></td><td>{r.positionName}<div className="muted">{r.unitName}</div></td></tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > 200 && <p className="muted">Menampilkan 200 dari {formatNumberId(rows.length)}; ekspor XLSX memuat semuanya.</p>}
    </section>
  );
}

