// Dialogs of the Komite Talenta sessions: opening or editing a session (what its berita acara needs: date, nomor,
// place, members picked from the employees, the PPK), fixing it, and naming the officer who records it.

import { useCallback, useState } from 'react';
import { isIsoDate } from '../../../../shared/domain/dates';
import { formatNip } from '../../../../shared/domain/nip';
import { POSITION_LEVELS, type PositionKind, type PositionLevel } from '../../../../shared/domain/position';
import { formatNumberId } from '../../../../shared/format/id-format';
import type { CommitteeMember, TalentSessionRow } from '../../../../shared/schemas/talent';
import { ApiError, call } from '../../api/client';
import { Dialog, ErrorBanner, useToast } from '../../components/feedback';
import { DateInput, INVALID_DATE_MESSAGE } from '../../components/date-input';
import { EmployeePicker } from '../../components/employee-picker';
import './talent.css';

export type { Population } from '../../components/population-filter';
import type { Population } from '../../components/population-filter';

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));

/** Opens a session for the year and the population on screen, or edits the details of an open one. */
export function SessionDialog({ year, population, session, onClose }: {
  year: number;
  population: Population;
  session: TalentSessionRow | null;
  onClose(saved: TalentSessionRow | null): void;
}) {
  const [name, setName] = useState(session?.name ?? `Sidang Komite Talenta ${year}`);
  const [heldOn, setHeldOn] = useState(session?.heldOn ?? '');
  const [documentNumber, setDocumentNumber] = useState(session?.documentNumber ?? '');
  const [place, setPlace] = useState(session?.place ?? '');
  const [members, setMembers] = useState<CommitteeMember[]>(session?.members.length ? session.members
    : [{ name: '', nip: null, role: 'Ketua' }, { name: '', nip: null, role: 'Sekretaris' }, { name: '', nip: null, role: 'Anggota' }]);
  const [ppkName, setPpkName] = useState(session?.ppkName ?? '');
  const [ppkPosition, setPpkPosition] = useState(session?.ppkPosition ?? '');
  const [ppkNip, setPpkNip] = useState(session?.ppkNip ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const toast = useToast();
  const close = useCallback(() => onClose(null), [onClose]);

  const save = async () => {
    if (heldOn !== '' && !isIsoDate(heldOn)) {
      setError(new ApiError({ code: 'validation', message: `Tanggal sidang: ${INVALID_DATE_MESSAGE}` }));
      return;
    }
    setSaving(true);
    setError(null);
    // Rows left as the dialog offered them (a role, no one named) are not members.
    const named = members.filter((m) => m.name.trim() || m.nip);
    const details = {
      name, heldOn, documentNumber: documentNumber || null, place: place || null, members: named,
      ppkName: ppkName || null, ppkPosition: ppkPosition || null, ppkNip: ppkNip || null, notes: session?.notes ?? null,
    };
    try {
      if (session) {
        const saved = await call('talent:updateSession', { sessionId: session.id, version: session.version, ...details });
        toast('success', 'Data sidang disimpan.');
        onClose(saved);
      } else {
        const levels = population.levels ?? (population.kinds ? POSITION_LEVELS.filter((l) => population.kinds!.includes(l.kind)).map((l) => l.code) : undefined);
        const saved = await call('talent:createSession', { year, populationUnitId: population.parentUnitId ?? null, populationLevels: levels ?? null, ...details });
        toast('success', `Sidang dibuka dengan ${formatNumberId(saved.placements)} penempatan tercatat.`);
        onClose(saved);
      }
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSaving(false);
    }
  };
  const title = session ? `Ubah ${session.name}` : 'Buka sidang Komite Talenta';
  return (
    <Dialog title={title} onClose={close} wide footer={
      <><button type="button" className="button" onClick={close}>Batal</button>
        <button type="button" className="button button-primary" disabled={saving} onClick={() => void save()}>{session ? 'Simpan' : 'Buka sidang'}</button></>
    }>
      {!session && <p className="muted">Populasi sidang = filter yang sedang dipilih. Penempatan hasil perhitungan saat ini dicatat sebagai dasar pembahasan.</p>}
      <label className="field"><span className="field-label">Nama sidang</span><input value={name} onChange={(e) => setName(e.target.value)} /></label>
      <div className="form-grid">
        <label className="field"><span className="field-label">Tanggal sidang (wajib)</span><DateInput ariaLabel="Tanggal sidang (wajib)" value={heldOn} onChange={setHeldOn} /></label>
        <label className="field"><span className="field-label">Nomor berita acara</span><input value={documentNumber} placeholder="misalnya 800/123/BKPSDM/2026" onChange={(e) => setDocumentNumber(e.target.value)} /></label>
        <label className="field"><span className="field-label">Tempat sidang</span><input value={place} placeholder="misalnya Ruang Rapat Sekretariat Daerah" onChange={(e) => setPlace(e.target.value)} /></label>
      </div>
      <MembersEditor members={members} onChange={setMembers} />
      <fieldset className="field-group">
        <legend>Pejabat Pembina Kepegawaian (menandatangani berita acara)</legend>
        <div className="form-grid">
          <label className="field"><span className="field-label">Nama PPK</span><input value={ppkName} onChange={(e) => setPpkName(e.target.value)} /></label>
          <label className="field"><span className="field-label">Jabatan PPK</span><input value={ppkPosition} placeholder="misalnya Bupati Sindangraja" onChange={(e) => setPpkPosition(e.target.value)} /></label>
          <label className="field"><span className="field-label">NIP PPK (bila ada)</span><input value={ppkNip} inputMode="numeric" onChange={(e) => setPpkNip(e.target.value)} /></label>
        </div>
      </fieldset>
      <ErrorBanner error={error} />
    </Dialog>
  );
}

/** Members as a list: pick an employee (name and NIP follow) or type a name, and give each a role in the committee. */
function MembersEditor({ members, onChange }: { members: CommitteeMember[]; onChange(members: CommitteeMember[]): void }) {
  const set = (index: number, patch: Partial<CommitteeMember>) => onChange(members.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  return (
    <fieldset className="field-group" aria-label="Anggota komite">
      <legend>Anggota komite</legend>
      <table className="table table-compact">
        <thead><tr><th>No</th><th>Pegawai (cari NIP atau nama)</th><th>Nama</th><th>Kedudukan dalam komite</th><th /></tr></thead>
        <tbody>
          {members.map((m, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>
                <label className="visually-hidden" htmlFor={`member-${i}-employee`}>Pegawai anggota {i + 1}</label>
                <EmployeePicker id={`member-${i}-employee`} value={m.nip ? { id: 0, name: m.name, nip: m.nip } : null}
                  onChange={(person) => set(i, person ? { nip: person.nip, name: person.name } : { nip: null })} />
              </td>
              <td>
                <input aria-label={`Nama anggota ${i + 1}`} value={m.name} onChange={(e) => set(i, { name: e.target.value })} />
                {m.nip && <div className="muted small">NIP {formatNip(m.nip)}</div>}
              </td>
              <td><input aria-label={`Kedudukan anggota ${i + 1}`} value={m.role} onChange={(e) => set(i, { role: e.target.value })} /></td>
              <td><button type="button" className="button button-small" aria-label={`Hapus anggota ${i + 1}`} onClick={() => onChange(members.filter((_, j) => j !== i))}>Hapus</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button button-small" onClick={() => onChange([...members, { name: '', nip: null, role: 'Anggota' }])}>+ Tambah anggota</button>
    </fieldset>
  );
}

/** Fixing locks the session: the PPK's name (entered with the session, or here) is recorded. */
export function FixDialog({ session, onClose, onFix }: { session: TalentSessionRow; onClose(): void; onFix(by: string): void }) {
  const [by, setBy] = useState(session.ppkName ?? '');
  return (
    <Dialog title={`Tetapkan ${session.name}`} onClose={onClose} footer={
      <><button type="button" className="button" onClick={onClose}>Batal</button><button type="button" className="button button-primary" disabled={by.trim().length < 3} onClick={() => onFix(by.trim())}>Tetapkan dan kunci</button></>
    }>
      <p>Setelah ditetapkan oleh Pejabat Pembina Kepegawaian (PPK), sidang terkunci: penempatan dan kalibrasinya tidak dapat diubah lagi.</p>
      <label className="field"><span className="field-label">Ditetapkan oleh (nama PPK)</span><input value={by} onChange={(e) => setBy(e.target.value)} autoFocus /></label>
    </Dialog>
  );
}
