import { createContext, useContext, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { isIsoDate } from '../../../../shared/domain/dates';
import { EDUCATION_LEVELS } from '../../../../shared/domain/education';
import { EMPLOYEE_FIELD_LABELS } from '../../../../shared/domain/employee-fields';
import { checkEmployeeRules } from '../../../../shared/domain/employee-rules';
import { EMPLOYEE_STATUSES, EMPLOYMENT_TYPES, GENDERS } from '../../../../shared/domain/employee-status';
import { PNS_GOLONGAN, PPPK_GOLONGAN } from '../../../../shared/domain/golongan';
import { normaliseNipInput, parseNip } from '../../../../shared/domain/nip';
import type { FieldIssue } from '../../../../shared/errors';
import { employeeInput, type EmployeeInput, type EmployeeProfile } from '../../../../shared/schemas/employees';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { href, navigateAway, useLeaveGuard } from '../../app/router';
import { useToday } from '../../app/today';
import { DateInput, explainDateIssue } from '../../components/date-input';
import { ErrorBanner, Loading, useToast } from '../../components/feedback';
import { PositionPicker } from '../../components/position-picker';
import { UnitPicker } from '../../components/unit-picker';

type FormValues = Record<keyof typeof EMPLOYEE_FIELD_LABELS, string>;

const EMPTY: FormValues = Object.fromEntries(Object.keys(EMPLOYEE_FIELD_LABELS).map((k) => [k, ''])) as FormValues;

const DATE_FIELDS = ['birthDate', 'cpnsTmt', 'pnsTmt', 'golonganTmt', 'positionTmt', 'statusDate'] as const;
type DateField = (typeof DATE_FIELDS)[number];
const isDateField = (field: string): field is DateField => (DATE_FIELDS as readonly string[]).includes(field);

function fromProfile(p: EmployeeProfile): FormValues {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return {
    ...EMPTY,
    nip: p.nip, nipLama: text(p.nipLama), name: p.name, frontTitle: text(p.frontTitle), backTitle: text(p.backTitle),
    birthPlace: text(p.birthPlace), birthDate: p.birthDate, gender: p.gender, employmentType: p.employmentType,
    cpnsTmt: text(p.cpnsTmt), pnsTmt: text(p.pnsTmt), golongan: text(p.golongan), golonganTmt: text(p.golonganTmt),
    positionId: text(p.position?.id), positionTmt: text(p.positionTmt), unitId: text(p.unit?.id), educationLevel: text(p.educationLevel),
    educationMajor: text(p.educationMajor), educationInstitution: text(p.educationInstitution), educationYear: text(p.educationYear),
    status: p.status, statusDate: text(p.statusDate), email: text(p.email), phone: text(p.phone), notes: text(p.notes),
  };
}

function toInput(v: FormValues): EmployeeInput {
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  const num = (s: string) => (s.trim() === '' ? null : Number(s));
  return {
    nip: v.nip, nipLama: orNull(v.nipLama), name: v.name, frontTitle: orNull(v.frontTitle), backTitle: orNull(v.backTitle),
    birthPlace: orNull(v.birthPlace), birthDate: v.birthDate, gender: v.gender as 'L' | 'P', employmentType: (v.employmentType || 'PNS') as EmployeeInput['employmentType'],
    cpnsTmt: orNull(v.cpnsTmt), pnsTmt: orNull(v.pnsTmt), golongan: num(v.golongan), golonganTmt: orNull(v.golonganTmt),
    positionId: num(v.positionId), positionTmt: orNull(v.positionTmt), unitId: num(v.unitId), educationLevel: (orNull(v.educationLevel) ?? null) as EmployeeInput['educationLevel'],
    educationMajor: orNull(v.educationMajor), educationInstitution: orNull(v.educationInstitution), educationYear: num(v.educationYear),
    status: (v.status || 'active') as EmployeeInput['status'], statusDate: orNull(v.statusDate), email: orNull(v.email), phone: orNull(v.phone), notes: orNull(v.notes),
  };
}

/** Add (id undefined) or edit an employee. Rules run as you type; the database checks (duplicate NIP, …)
 *  run when the NIP field is left and again on save. */
export function EmployeeFormPage({ id }: { id?: number }) {
  const profile = useApi('employees:get', id ? { id } : null);
  if (id && profile.error) return <div className="page"><ErrorBanner error={profile.error} onRetry={profile.reload} /></div>;
  if (id && !profile.data) return <div className="page"><Loading /></div>;
  return <EmployeeForm key={profile.data?.version ?? 'new'} profile={profile.data} />;
}

function EmployeeForm({ profile }: { profile?: EmployeeProfile }) {
  const today = useToday();
  const initial = useMemo(() => (profile ? fromProfile(profile) : { ...EMPTY, employmentType: 'PNS', status: 'active' }), [profile]);
  const [values, setValues] = useState<FormValues>(initial);
  const [serverIssues, setServerIssues] = useState<{ errors: FieldIssue[]; warnings: FieldIssue[] }>({ errors: [], warnings: [] });
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const toast = useToast();
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const back = profile ? `/pegawai/${profile.id}` : '/pegawai';

  const set = (field: keyof FormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const touch = (field: string) => setTouched((t) => new Set(t).add(field));

  // Filling in the NIP fills birth date, gender and CPNS TMT when they are still empty.
  const onNipBlur = async () => {
    touch('nip');
    const parsed = parseNip(values.nip, today);
    if (parsed.ok) {
      setValues((v) => ({
        ...v,
        birthDate: v.birthDate || parsed.value.birthDate,
        gender: v.gender || parsed.value.gender,
        cpnsTmt: v.cpnsTmt || (v.employmentType === 'PPPK' ? '' : `${parsed.value.cpnsYearMonth}-01`),
      }));
    }
    await checkOnServer();
  };

  const checkOnServer = async () => {
    const shape = employeeInput.safeParse(toInput(values));
    if (!shape.success) return;
    try {
      setServerIssues(await call('employees:validate', { id: profile?.id, input: toInput(values) }));
    } catch {
      // the save path reports server problems; a failed live check must not block typing
    }
  };

  // Every problem of every field at once: the schema, the NIP and the cross-field rules each run whatever the
  // others found, so fixing one error never reveals the next.
  const issues = useMemo(() => {
    const errors: FieldIssue[] = [];
    const warnings: FieldIssue[] = [];
    const add = (list: FieldIssue[], issue: FieldIssue) => {
      if (!list.some((x) => x.path === issue.path && x.message === issue.message)) list.push(issue);
    };
    const input = toInput(values);
    const shape = employeeInput.safeParse(input);
    if (!shape.success) {
      for (const i of shape.error.issues) {
        const path = String(i.path[0] ?? '');
        add(errors, { path, message: isDateField(path) ? explainDateIssue(values[path], i.message, EMPLOYEE_FIELD_LABELS[path]) : i.message });
      }
    }
    const dateOrNull = (field: DateField) => (isIsoDate(values[field]) ? values[field] : null);
    const rules = checkEmployeeRules({
      ...input, nip: normaliseNipInput(values.nip), birthDate: values.birthDate, gender: values.gender, employmentType: values.employmentType || 'PNS',
      cpnsTmt: dateOrNull('cpnsTmt'), pnsTmt: dateOrNull('pnsTmt'), golonganTmt: dateOrNull('golonganTmt'), positionTmt: dateOrNull('positionTmt'), statusDate: dateOrNull('statusDate'),
    }, today);
    for (const e of rules.errors) add(errors, e);
    for (const w of rules.warnings) add(warnings, w);
    for (const e of serverIssues.errors) if (e.path === 'nip') add(errors, e);
    for (const w of serverIssues.warnings) if (!warnings.some((x) => x.message === w.message)) warnings.push(w);
    return { errors, warnings };
  }, [values, serverIssues, today]);
  useLeaveGuard(dirty && !saving);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        document.getElementById('employee-form-submit')?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    if (issues.errors.length > 0) {
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setSaving(true);
    try {
      const input = toInput(values);
      const result = profile
        ? await call('employees:update', { id: profile.id, version: profile.version, input })
        : await call('employees:create', { input });
      toast('success', profile ? 'Perubahan data pegawai disimpan.' : 'Pegawai baru disimpan.');
      for (const w of result.warnings) toast('info', w.message);
      navigateAway(`/pegawai/${result.id}`);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) });
      setFailure(error);
      if (error.issues.length) setServerIssues({ errors: error.issues, warnings: [] });
    } finally {
      setSaving(false);
    }
  };

  const cancel = () => {
    if (dirty && !window.confirm('Ada perubahan yang belum disimpan. Tinggalkan halaman ini dan buang perubahannya?')) return;
    navigateAway(back);
  };

  const fieldIssues = (field: string) => ({
    errors: (submitted || touched.has(field)) ? issues.errors.filter((e) => e.path === field) : [],
    warnings: issues.warnings.filter((w) => w.path === field),
  });

  const text = (field: keyof FormValues, type = 'text', extra: Record<string, unknown> = {}) =>
    <F field={field}>{(fid, invalid) => <input id={fid} type={type} value={values[field]} aria-invalid={invalid || undefined} onChange={(e) => set(field)(e.target.value)} {...extra} />}</F>;
  const date = (field: DateField) =>
    <F field={field}>{(fid, invalid) => <DateInput id={fid} value={values[field]} invalid={invalid} showError={false} onChange={set(field)} />}</F>;
  const golonganOptions = values.employmentType === 'PPPK' ? PPPK_GOLONGAN : PNS_GOLONGAN;

  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Jejak"><a href={href('/pegawai')}>Pegawai</a> <span aria-hidden>›</span> {profile ? `Ubah ${profile.fullName}` : 'Pegawai baru'}</nav>
      <h1>{profile ? 'Ubah data pegawai' : 'Tambah pegawai'}</h1>
      <FieldContext.Provider value={{ issuesFor: fieldIssues, touch }}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Formulir pegawai">
        <fieldset>
          <legend>Identitas</legend>
          <F field="nip" hint="18 digit; spasi dan titik boleh. Tanggal lahir, jenis kelamin dan TMT CPNS diisi otomatis dari NIP.">
            {(fid, invalid) => <input id={fid} value={values.nip} autoFocus inputMode="numeric" aria-invalid={invalid || undefined}
              onChange={(e) => set('nip')(e.target.value)} onBlur={() => void onNipBlur()} />}
          </F>
          {text('nipLama')}
          {text('frontTitle')}
          {text('name', 'text', { autoComplete: 'off' })}
          {text('backTitle')}
          {text('birthPlace')}
          {date('birthDate')}
          <F field="gender">{(fid, invalid) => (
            <select id={fid} value={values.gender} aria-invalid={invalid || undefined} onChange={(e) => set('gender')(e.target.value)}>
              <option value="">— pilih —</option>
              {GENDERS.map((g) => <option key={g.code} value={g.code}>{g.label}</option>)}
            </select>)}
          </F>
        </fieldset>
        <fieldset>
          <legend>Kepegawaian</legend>
          <F field="employmentType">{(fid) => (
            <select id={fid} value={values.employmentType} onChange={(e) => set('employmentType')(e.target.value)}>
              {EMPLOYMENT_TYPES.map((t) => <option key={t.code} value={t.code}>{t.label}</option>)}
            </select>)}
          </F>
          {date('cpnsTmt')}
          {date('pnsTmt')}
          <F field="golongan">{(fid, invalid) => (
            <select id={fid} value={values.golongan} aria-invalid={invalid || undefined} onChange={(e) => set('golongan')(e.target.value)}>
              <option value="">— belum diisi —</option>
              {golonganOptions.map((g) => <option key={g.code} value={g.code}>{g.pangkat ? `${g.label} — ${g.pangkat}` : `PPPK ${g.label}`}</option>)}
            </select>)}
          </F>
          {date('golonganTmt')}
          <F field="status">{(fid) => (
            <select id={fid} value={values.status} onChange={(e) => set('status')(e.target.value)}>
              {EMPLOYEE_STATUSES.map((s) => <option key={s.code} value={s.code}>{s.label}</option>)}
            </select>)}
          </F>
          {values.status !== 'active' && date('statusDate')}
        </fieldset>
        <fieldset>
          <legend>Jabatan dan unit kerja</legend>
          <F field="unitId" wide>{(fid, invalid) => <UnitPicker id={fid} ariaLabel={undefined} invalid={invalid} value={values.unitId ? Number(values.unitId) : null} allLabel="— belum diisi —" onChange={(u) => set('unitId')(u === null ? '' : String(u))} />}</F>
          <F field="positionId" wide>{(fid, invalid) => <PositionPicker id={fid} invalid={invalid} value={values.positionId ? Number(values.positionId) : null} unitId={values.unitId ? Number(values.unitId) : null} onChange={(p) => set('positionId')(p === null ? '' : String(p))} />}</F>
          {date('positionTmt')}
        </fieldset>
        <fieldset>
          <legend>Pendidikan</legend>
          <F field="educationLevel">{(fid) => (
            <select id={fid} value={values.educationLevel} onChange={(e) => set('educationLevel')(e.target.value)}>
              <option value="">— belum diisi —</option>
              {EDUCATION_LEVELS.map((l) => <option key={l.code} value={l.code}>{l.label}</option>)}
            </select>)}
          </F>
          {text('educationMajor')}
          {text('educationInstitution')}
          {text('educationYear', 'number', { min: 1940, max: 2100 })}
        </fieldset>
        <fieldset>
          <legend>Kontak dan catatan</legend>
          {text('phone', 'tel')}
          {text('email', 'email')}
          <F field="notes" wide>{(fid) => <textarea id={fid} rows={3} value={values.notes} onChange={(e) => set('notes')(e.target.value)} />}</F>
        </fieldset>

        {failure && <ErrorBanner error={failure} />}
        {submitted && issues.errors.length > 0 && (
          <div className="banner banner-error" role="alert">Periksa {issues.errors.length} isian yang ditandai merah.</div>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={cancel}>Batal</button>
          <button type="submit" id="employee-form-submit" className="button button-primary" disabled={saving}>
            {saving ? 'Menyimpan…' : 'Simpan'} <kbd>Ctrl+S</kbd>
          </button>
        </div>
      </form>
      </FieldContext.Provider>
    </div>
  );
}

interface FieldContextValue {
  issuesFor(field: string): { errors: FieldIssue[]; warnings: FieldIssue[] };
  touch(field: string): void;
}

const FieldContext = createContext<FieldContextValue>({ issuesFor: () => ({ errors: [], warnings: [] }), touch: () => undefined });

/** One labelled field with its errors and warnings. A top-level component, so inputs keep focus while typing. */
function F({ field, children, wide, hint }: { field: keyof FormValues; children: (id: string, invalid: boolean) => ReactNode; wide?: boolean; hint?: string }) {
  const { issuesFor, touch } = useContext(FieldContext);
  const { errors, warnings } = issuesFor(field);
  const fieldId = `f-${field}`;
  return (
    <div className={`field${wide ? ' field-wide' : ''}`} onBlur={() => touch(field)}>
      <label className="field-label" htmlFor={fieldId}>{EMPLOYEE_FIELD_LABELS[field]}</label>
      {children(fieldId, errors.length > 0)}
      {hint && errors.length === 0 && <span className="field-hint">{hint}</span>}
      {errors.map((e) => <span key={e.message} className="field-error" role="alert">{e.message}</span>)}
      {warnings.map((w) => <span key={w.message} className="field-warning">{w.message}</span>)}
    </div>
  );
}
