// Tab Mentoring: mentor–mentee pairs (the mentor should be more senior; a warning otherwise), goals, sessions,
// and each mentor's load against the limit set in Pengaturan.

import { useEffect, useState } from 'react';
import { golonganLabel } from '../../../../shared/domain/golongan';
import { positionLevelLabel } from '../../../../shared/domain/position';
import { formatDateId } from '../../../../shared/format/id-format';
import type { MentoringRow } from '../../../../shared/schemas/mentoring';
import { call } from '../../api/client';
import { useApi, useDebounced } from '../../api/hooks';
import { href, navigate } from '../../app/router';
import { ChartCard } from '../../components/data-view';
import { Dialog, EmptyState, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { BarChart } from '../../components/charts';
import { DateInput } from '../../components/date-input';
import { EmployeePicker, type PersonRef } from '../../components/employee-picker';
import { Pager } from '../../components/pager';
import { UnitPicker } from '../../components/unit-picker';
import { useToday } from '../../app/today';
import { isIsoDate } from '../../../../shared/domain/dates';
import { errorText, Field, useAction } from './common';
import { useCan } from '../../app/session';

const STATUS_LABEL: Record<string, string> = { aktif: 'Aktif', selesai: 'Selesai', batal: 'Batal' };

export function MentoringTab({ employee }: { employee?: PersonRef }) {
  const canWrite = useCan('data:write');
  const [status, setStatus] = useState<'' | 'aktif' | 'selesai' | 'batal'>(employee ? '' : 'aktif');
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const debounced = useDebounced(search, 200);
  const list = useApi('mentoring:list', { status: status || undefined, unitId, employeeId: employee?.id, search: debounced.trim() || undefined, offset, limit: 50 }, ['development']);
  const [editing, setEditing] = useState<MentoringRow | 'new' | null>(null);
  const [sessionsOf, setSessionsOf] = useState<MentoringRow | null>(null);

  return (
    <div className="dev-stack">
      <div className="toolbar" role="group" aria-label="Filter mentoring">
        <select aria-label="Status mentoring" value={status} onChange={(e) => { setStatus(e.target.value as typeof status); setOffset(0); }}>
          <option value="">Semua status</option><option value="aktif">Aktif</option><option value="selesai">Selesai</option><option value="batal">Batal</option>
        </select>
        {!employee && <UnitPicker ariaLabel="Unit kerja mentee" value={unitId ?? null} onChange={(v) => { setUnitId(v ?? undefined); setOffset(0); }} allLabel="Semua unit (unit mentee)" />}
        {!employee && <input type="search" aria-label="Cari mentor atau mentee" placeholder="Cari mentor atau mentee" value={search} onChange={(e) => { setSearch(e.target.value); setOffset(0); }} />}
        {canWrite && <button type="button" className="button button-primary" onClick={() => setEditing('new')}>Tambah mentoring…</button>}
      </div>
      {list.error && <ErrorBanner error={list.error} onRetry={list.reload} />}
      {!list.data ? <Loading /> : list.data.rows.length === 0 ? <EmptyState title="Belum ada mentoring">Pasangkan mentor yang lebih senior dengan mentee untuk tujuan pengembangan tertentu.</EmptyState> : (
        <section className="card" aria-label="Pasangan mentoring">
          <div className="table-scroll">
            <table className="table table-compact" aria-label="Daftar pasangan mentoring">
              <thead><tr><th>Mentor</th><th>Mentee</th><th>Tujuan</th><th>Periode</th><th>Status</th><th className="num">Sesi</th><th /></tr></thead>
              <tbody>
                {list.data.rows.map((r) => (
                  <tr key={r.id}>
                    <td><a href={href(`/pegawai/${r.mentor.id}?tab=mentoring`)}>{r.mentor.name}</a><div className="dev-subtle">{positionLevelLabel(r.mentor.positionLevel)} · {golonganLabel(r.mentor.golongan)}</div></td>
                    <td><a href={href(`/pegawai/${r.mentee.id}?tab=mentoring`)}>{r.mentee.name}</a><div className="dev-subtle">{positionLevelLabel(r.mentee.positionLevel)} · {golonganLabel(r.mentee.golongan)}</div>
                      {r.seniorityWarning && <span className="badge dev-badge-warn" title={r.seniorityWarning}>mentor tidak lebih senior</span>}</td>
                    <td>{r.goals ?? '—'}</td>
                    <td>{formatDateId(r.startDate)}{r.endDate ? ` – ${formatDateId(r.endDate)}` : ' – sekarang'}</td>
                    <td><span className={`badge ${r.status === 'aktif' ? 'dev-badge-ok' : ''}`}>{STATUS_LABEL[r.status]}</span></td>
                    <td className="num">{r.sessions}{r.lastSession && <div className="dev-subtle">terakhir {formatDateId(r.lastSession)}</div>}</td>
                    <td className="dev-actions">
                      <button type="button" className="button button-small" onClick={() => setSessionsOf(r)}>Sesi</button>
                      <button type="button" className="button button-small" onClick={() => setEditing(r)}>Ubah</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager offset={offset} limit={50} total={list.data.total} onChange={setOffset} />
        </section>
      )}
      {!employee && <MentorLoad unitId={unitId} />}
      {editing && <MentoringDialog relation={editing === 'new' ? null : editing} fixed={employee} onClose={() => setEditing(null)} />}
      {sessionsOf && <SessionsDialog relation={sessionsOf} onClose={() => setSessionsOf(null)} />}
    </div>
  );
}

function MentorLoad({ unitId }: { unitId?: number }) {
  const load = useApi('mentoring:mentorLoad', { unitId }, ['development', 'settings']);
  if (load.error) return <ErrorBanner error={load.error} onRetry={load.reload} />;
  if (!load.data) return <Loading />;
  const rows = load.data.rows.map((r) => ({ mentor: r.mentor.name, active: r.activeMentees, total: r.totalPairs, over: r.overLimit ? 'ya' : '', id: r.mentor.id }));
  const over = load.data.rows.filter((r) => r.overLimit);
  return (
    <ChartCard
      title={`Beban mentor (batas ${load.data.limit} mentee aktif)`}
      empty={<EmptyState title="Belum ada mentor aktif" />}
      table={{
        title: 'Beban mentor', subtitle: [`Batas ${load.data.limit} mentee aktif per mentor (Pengaturan)`],
        columns: [{ key: 'mentor', header: 'Mentor', type: 'text', width: 36 }, { key: 'active', header: 'Mentee aktif', type: 'integer' }, { key: 'total', header: 'Semua pasangan', type: 'integer' }, { key: 'over', header: 'Di atas batas', type: 'text' }],
        rows: rows.map(({ mentor, active, total, over: o }) => ({ mentor, active, total, over: o })),
      }}
      chart={
        <>
          {over.length > 0 && <div className="banner banner-warning" role="status">Di atas batas {load.data.limit} mentee: {over.map((o) => `${o.mentor.name} (${o.activeMentees})`).join(', ')}.</div>}
          <BarChart layout="rows" legend={false} ariaLabel="Mentee aktif per mentor" categoryKey="mentor"
            data={load.data.rows.slice(0, 30).map((r) => ({ mentor: r.mentor.name, active: r.activeMentees, id: r.mentor.id, over: r.overLimit }))}
            series={[{ key: 'active', label: 'Mentee aktif', color: '#1d6f8c' }]} barColor={(row) => (row.over ? '#b42318' : undefined)}
            onSelect={(row) => navigate(`/pegawai/${row.id}?tab=mentoring`)} />
          <p className="dev-subtle">Merah: di atas batas. Klik batang mentor untuk membuka profilnya.</p>
        </>
      }
    />
  );
}

function MentoringDialog({ relation, fixed, onClose }: { relation: MentoringRow | null; fixed?: PersonRef; onClose(): void }) {
  const today = useToday();
  const [mentor, setMentor] = useState<PersonRef | null>(relation ? { id: relation.mentor.id, name: relation.mentor.name, nip: relation.mentor.nip } : null);
  const [mentee, setMentee] = useState<PersonRef | null>(relation ? { id: relation.mentee.id, name: relation.mentee.name, nip: relation.mentee.nip } : fixed ?? null);
  const [goals, setGoals] = useState(relation?.goals ?? '');
  const [startDate, setStartDate] = useState(relation?.startDate ?? today);
  const [endDate, setEndDate] = useState(relation?.endDate ?? '');
  const [status, setStatus] = useState<'aktif' | 'selesai' | 'batal'>(relation?.status ?? 'aktif');
  const [warnings, setWarnings] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();

  useEffect(() => {
    setWarnings([]);
    if (!mentor || !mentee || mentor.id === mentee.id) return;
    let current = true;
    call('mentoring:check', { id: relation?.id, mentorId: mentor.id, menteeId: mentee.id })
      .then((r) => current && setWarnings(r.warnings)).catch(() => undefined);
    return () => { current = false; };
  }, [mentor?.id, mentee?.id, relation?.id]);

  const save = async () => {
    setError(null);
    if (!mentor || !mentee) { setError('Pilih mentor dan mentee.'); return; }
    if (!isIsoDate(startDate) || (endDate !== '' && !isIsoDate(endDate))) { setError('Periksa tanggal mulai dan selesai (HH-BB-TTTT).'); return; }
    if (warnings.length > 0 && !window.confirm(`Simpan dengan peringatan?\n\n${warnings.join('\n')}`)) return;
    try {
      await call('mentoring:save', { id: relation?.id, input: { mentorId: mentor.id, menteeId: mentee.id, goals: goals.trim() || null, startDate, endDate: endDate || null, status } });
      toast('success', relation ? 'Mentoring diperbarui.' : 'Mentoring dicatat.');
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Dialog title={relation ? 'Ubah mentoring' : 'Tambah mentoring'} onClose={onClose} wide footer={
      <><button type="button" className="button" onClick={onClose}>Batal</button><button type="button" className="button button-primary" onClick={() => void save()}>Simpan</button></>
    }>
      <div className="dev-form-grid">
        <Field label="Mentor" hint={mentor?.detail}><EmployeePicker id="mentor" ariaLabel="Mentor" activeOnly value={mentor} onChange={setMentor} /></Field>
        <Field label="Mentee" hint={mentee?.detail}><EmployeePicker id="mentee" ariaLabel="Mentee" activeOnly value={mentee} onChange={setMentee} /></Field>
        <Field label="Tujuan" wide><textarea aria-label="Tujuan mentoring" rows={2} maxLength={2000} value={goals} onChange={(e) => setGoals(e.target.value)} /></Field>
        <Field label="Mulai"><DateInput ariaLabel="Tanggal mulai mentoring" value={startDate} onChange={setStartDate} /></Field>
        <Field label="Selesai (opsional)"><DateInput ariaLabel="Tanggal selesai mentoring" value={endDate} onChange={setEndDate} /></Field>
        <Field label="Status">
          <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="aktif">Aktif</option><option value="selesai">Selesai</option><option value="batal">Batal</option>
          </select>
        </Field>
      </div>
      {warnings.length > 0 && <div className="banner banner-warning" role="status" data-testid="mentoring-warnings"><strong>Peringatan:</strong><ul className="dev-warning-list">{warnings.map((w) => <li key={w}>{w}</li>)}</ul></div>}
      {error && <div className="banner banner-error" role="alert">{error}</div>}
    </Dialog>
  );
}

function SessionsDialog({ relation, onClose }: { relation: MentoringRow; onClose(): void }) {
  const sessions = useApi('mentoring:sessions', { relationId: relation.id }, ['development']);
  const today = useToday();
  const [date, setDate] = useState(today);
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = useAction();
  const add = async () => {
    setError(null);
    if (!isIsoDate(date)) { setError('Tanggal sesi tidak valid (HH-BB-TTTT).'); return; }
    try {
      await call('mentoring:addSession', { relationId: relation.id, sessionDate: date, notes: notes.trim() || null });
      setNotes('');
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Dialog title={`Sesi mentoring: ${relation.mentor.name} → ${relation.mentee.name}`} onClose={onClose} wide footer={<button type="button" className="button button-primary" onClick={onClose}>Tutup</button>}>
      {relation.goals && <p className="muted">Tujuan: {relation.goals}</p>}
      {relation.status !== 'batal' && (
        <div className="dev-form-grid">
          <Field label="Tanggal sesi"><DateInput ariaLabel="Tanggal sesi" value={date} onChange={setDate} /></Field>
          <Field label="Catatan" wide><textarea aria-label="Catatan sesi" rows={2} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} /></Field>
          <div><button type="button" className="button button-primary" onClick={() => void add()}>Catat sesi</button></div>
        </div>
      )}
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      {!sessions.data ? <Loading /> : sessions.data.rows.length === 0 ? <EmptyState title="Belum ada sesi tercatat" /> : (
        <table className="table table-compact" aria-label="Sesi mentoring">
          <thead><tr><th>Tanggal</th><th>Catatan</th><th /></tr></thead>
          <tbody>
            {sessions.data.rows.map((s) => (
              <tr key={s.id}>
                <td>{formatDateId(s.sessionDate)}</td><td className="pre-wrap">{s.notes ?? '—'}</td>
                <td><button type="button" className="button button-small" onClick={() => { if (window.confirm('Hapus sesi ini?')) void run(() => call('mentoring:deleteSession', { id: s.id }), 'Sesi dihapus.'); }}>Hapus</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
