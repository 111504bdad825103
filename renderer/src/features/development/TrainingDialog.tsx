// Record (or edit) a training of one employee. Also used to complete an IDP item: the training is recorded and
// linked to the item in one transaction (plans:completeItem).

import { useEffect, useState, type FormEvent } from 'react';
import { trainingInput, type TrainingInput, type TrainingRow } from '../../../../shared/schemas/training';
import { formatNumberId, formatRupiah } from '../../../../shared/format/id-format';
import type { FieldIssue } from '../../../../shared/errors';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { Dialog, ErrorBanner, useToast } from '../../components/feedback';
import { DateInput, explainDateIssue } from '../../components/date-input';
import { Field, TrainingTypeSelect } from './common';

interface Values {
  title: string; type: string; provider: string; startDate: string; endDate: string; jp: string; cost: string; certificateNumber: string; catalogId: string;
}

export interface TrainingPrefill {
  title?: string; type?: string; provider?: string | null; jp?: number; cost?: number | null; catalogId?: number | null;
  startDate?: string; endDate?: string; certificateNumber?: string | null;
}

function toValues(p: TrainingPrefill | TrainingRow | undefined): Values {
  const t = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return {
    title: t(p?.title), type: t(p?.type), provider: t(p?.provider), startDate: t(p?.startDate), endDate: t(p?.endDate), jp: t(p?.jp),
    cost: t(p && 'cost' in p ? p.cost : ''), certificateNumber: t(p?.certificateNumber), catalogId: t(p?.catalogId),
  };
}

function toInput(v: Values): TrainingInput {
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  const number = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));
  return {
    title: v.title, type: v.type as TrainingInput['type'], provider: orNull(v.provider), startDate: v.startDate, endDate: v.endDate,
    jp: v.jp.trim() === '' ? (undefined as unknown as number) : number(v.jp), cost: v.cost.trim() === '' ? null : number(v.cost),
    certificateNumber: orNull(v.certificateNumber), catalogId: v.catalogId ? Number(v.catalogId) : null,
  };
}

export function TrainingDialog({ employeeId, employeeName, record, prefill, completeItem, onClose, onSaved }: {
  employeeId: number;
  employeeName: string;
  /** Edit this record (otherwise a new one). */
  record?: TrainingRow;
  prefill?: TrainingPrefill;
  /** Complete this IDP item with the recorded training: its id and the version the list showed, always together (an
   *  edit from another desk since then refuses the completion). */
  completeItem?: { id: number; version: number };
  onClose(): void;
  onSaved(): void;
}) {
  const [values, setValues] = useState<Values>(() => toValues(record ?? prefill));
  const [issues, setIssues] = useState<{ errors: FieldIssue[]; warnings: FieldIssue[] }>({ errors: [], warnings: [] });
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const catalog = useApi('plans:catalog', { includeInactive: false });
  const toast = useToast();
  const set = (key: keyof Values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  // A prefill from an IDP item names its catalogue activity: take the type and provider from there.
  useEffect(() => {
    const entry = catalog.data?.rows.find((c) => String(c.id) === values.catalogId);
    if (entry && !values.type) setValues((v) => ({ ...v, type: entry.type, provider: v.provider || entry.provider || '' }));
  }, [catalog.data, values.catalogId, values.type]);
  const fieldError = (path: string) => issues.errors.find((i) => i.path === path || i.path.endsWith(`.${path}`))?.message;

  const pickCatalog = (id: string) => {
    const entry = catalog.data?.rows.find((c) => String(c.id) === id);
    setValues((v) => (entry ? { ...v, catalogId: id, title: entry.title, type: entry.type, jp: String(entry.jp), provider: entry.provider ?? v.provider, cost: String(entry.estimatedCost) } : { ...v, catalogId: '' }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const input = toInput(values);
    const parsed = trainingInput.safeParse(input);
    if (!parsed.success) {
      const dateLabels: Record<string, string> = { startDate: 'Tanggal mulai', endDate: 'Tanggal selesai' };
      setIssues({
        errors: parsed.error.issues.map((i) => {
          const path = i.path.join('.');
          const message = path in dateLabels ? explainDateIssue(values[path as 'startDate' | 'endDate'], i.message, dateLabels[path]) : i.message;
          return { path, message };
        }),
        warnings: [],
      });
      return;
    }
    setSaving(true);
    try {
      const check = await call('training:validate', { id: record?.id, employeeId, input });
      setIssues(check);
      if (check.errors.length > 0) return;
      const result = completeItem
        ? await call('plans:completeItem', { id: completeItem.id, version: completeItem.version, training: input })
        : await call('training:save', { id: record?.id, employeeId, input });
      toast('success', completeItem ? 'Kegiatan diselesaikan dan diklatnya dicatat.' : record ? 'Perubahan diklat disimpan.' : 'Diklat dicatat.');
      for (const w of result.warnings) toast('info', w.message);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    } finally {
      setSaving(false);
    }
  };

  const title = completeItem ? 'Selesaikan kegiatan: catat diklat' : record ? 'Ubah catatan diklat' : 'Catat diklat';
  return (
    <Dialog title={title} onClose={onClose} wide footer={
      <>
        <button type="button" className="button" onClick={onClose}>Batal</button>
        <button type="submit" form="training-form" className="button button-primary" disabled={saving}>{saving ? 'Menyimpan…' : completeItem ? 'Simpan dan selesaikan' : 'Simpan'}</button>
      </>
    }>
      <form id="training-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">Pegawai: <strong>{employeeName}</strong>. Isi sesuai sertifikat (STTPP); JP dicatat per sertifikat.</p>
        <div className="dev-form-grid">
          <Field label="Dari katalog (opsional)" wide>
            <select aria-label="Dari katalog" value={values.catalogId} onChange={(e) => pickCatalog(e.target.value)}>
              <option value="">— tanpa katalog —</option>
              {catalog.data?.rows.map((c) => <option key={c.id} value={c.id}>{c.title} · {formatNumberId(c.jp)} JP · {formatRupiah(c.estimatedCost)}</option>)}
            </select>
          </Field>
          <Field label="Nama diklat" error={fieldError('title')} wide>
            <input aria-label="Nama diklat" value={values.title} maxLength={200} onChange={(e) => set('title')(e.target.value)} aria-invalid={!!fieldError('title') || undefined} />
          </Field>
          <TrainingTypeSelect id="training-type" value={values.type} onChange={set('type')} />
          <Field label="Penyelenggara"><input aria-label="Penyelenggara" value={values.provider} maxLength={200} onChange={(e) => set('provider')(e.target.value)} /></Field>
          <Field label="Tanggal mulai" error={fieldError('startDate')}>
            <DateInput ariaLabel="Tanggal mulai" value={values.startDate} onChange={set('startDate')} invalid={!!fieldError('startDate')} showError={!fieldError('startDate')} />
          </Field>
          <Field label="Tanggal selesai" error={fieldError('endDate')}>
            <DateInput ariaLabel="Tanggal selesai" value={values.endDate} onChange={set('endDate')} invalid={!!fieldError('endDate')} showError={!fieldError('endDate')} />
          </Field>
          <Field label="Jam pelajaran (JP)" error={fieldError('jp')}>
            <input inputMode="decimal" aria-label="Jam pelajaran (JP)" value={values.jp} onChange={(e) => set('jp')(e.target.value)} aria-invalid={!!fieldError('jp') || undefined} />
          </Field>
          <Field label="Biaya (Rp)" error={fieldError('cost')}><input inputMode="numeric" aria-label="Biaya (Rp)" value={values.cost} onChange={(e) => set('cost')(e.target.value)} /></Field>
          <Field label="Nomor sertifikat"><input aria-label="Nomor sertifikat" value={values.certificateNumber} maxLength={100} onChange={(e) => set('certificateNumber')(e.target.value)} /></Field>
        </div>
        {fieldError('type') && <p className="field-error">{fieldError('type')}</p>}
        {issues.errors.filter((i) => !['title', 'startDate', 'endDate', 'jp', 'cost', 'type'].some((k) => i.path.endsWith(k))).map((i) => <p key={i.message} className="field-error">{i.message}</p>)}
        {issues.warnings.length > 0 && (
          <div className="banner banner-warning" role="status"><strong>Perhatian:</strong><ul>{issues.warnings.map((w) => <li key={w.message}>{w.message}</li>)}</ul></div>
        )}
        <ErrorBanner error={error} />
      </form>
    </Dialog>
  );
}
