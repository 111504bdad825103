// Pengaturan → Pengembangan & karier: JP target and the rule for trainings spanning two years, rotation years,
// mentee limit, the dated calendar of promotion periods with the usulan deadline and the month the annual SKP is
// final, the budget ceilings per perangkat daerah, and the rules of the career administration lists
// (CareerRulesSection).

import { useEffect, useState } from 'react';
import { JP_YEAR_RULES, MIN_ROTATION_YEARS, validatePromotionCalendar } from '../../../../shared/domain/development';
import { MONTHS_ID, formatNumberId, formatRupiah } from '../../../../shared/format/id-format';
import type { DevelopmentSettings } from '../../../../shared/schemas/development';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { Card } from '../../components/layout';
import { ErrorBanner, Loading, useToast } from '../../components/feedback';
import { SaveErrorBanner } from '../../components/save-error';
import { DateInput } from '../../components/date-input';
import { useDraft } from '../../components/use-draft';
import { CareerRulesSection } from './CareerRulesSection';
import { errorText, Field } from './common';
import { useCurrentYear } from '../../app/today';

type Calendar = DevelopmentSettings['promotionCalendar'];

export function DevelopmentSettingsSection() {
  const settings = useApi('development:settings', {}, ['settings', 'development']);
  const { draft, setDraft, markSaved, discard, reset } = useDraft<DevelopmentSettings & { version: number }>(settings.data);
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const toast = useToast();
  if (settings.error) return <ErrorBanner error={settings.error} onRetry={settings.reload} />;
  if (!draft) return <Loading />;
  const calendarProblems = validatePromotionCalendar(draft.promotionCalendar);

  const save = async () => {
    setError(null);
    setSaving(true);
    try {
      markSaved(await call('development:updateSettings', draft));
      toast('success', draft.jpYearRule !== settings.data?.jpYearRule ? 'Pengaturan disimpan; JP per tahun dihitung ulang.' : 'Pengaturan pengembangan disimpan.');
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'conflict' ? e : new Error(errorText(e)));
    } finally {
      setSaving(false);
    }
  };
  const setCalendar = (calendar: Calendar) => setDraft({ ...draft, promotionCalendar: calendar });

  return (
    <div className="dev-stack">
      <div className="dev-stack">
        <Card title="Jam pelajaran dan karier">
          <div className="dev-form-grid">
            <Field label="Target JP per tahun" hint="PP 11/2017 Pasal 203 ayat 4: paling sedikit 20 JP.">
              <input type="number" min={1} max={200} aria-label="Target JP per tahun" value={draft.jpTarget} onChange={(e) => setDraft({ ...draft, jpTarget: Number(e.target.value) })} />
            </Field>
            <Field label="Diklat yang melintasi pergantian tahun">
              <select aria-label="Diklat yang melintasi pergantian tahun" value={draft.jpYearRule} onChange={(e) => setDraft({ ...draft, jpYearRule: e.target.value as DevelopmentSettings['jpYearRule'] })}>
                {JP_YEAR_RULES.map((r) => <option key={r.code} value={r.code}>{r.label}</option>)}
              </select>
            </Field>
            <Field label="Kandidat rotasi setelah (tahun)" hint={`PP 11/2017 Pasal 190: paling singkat ${MIN_ROTATION_YEARS}, paling lama 5 tahun.`}>
              <input type="number" min={MIN_ROTATION_YEARS} max={15} aria-label="Kandidat rotasi setelah (tahun)" value={draft.rotationYears} onChange={(e) => setDraft({ ...draft, rotationYears: Number(e.target.value) })} />
            </Field>
            <Field label="Batas mentee aktif per mentor">
              <input type="number" min={1} max={50} aria-label="Batas mentee aktif per mentor" value={draft.menteeLimit} onChange={(e) => setDraft({ ...draft, menteeLimit: Number(e.target.value) })} />
            </Field>
          </div>
        </Card>
        <Card title="Kalender periode kenaikan pangkat">
          <p className="dev-subtle">TMT kenaikan pangkat jatuh pada tanggal 1 bulan yang dicentang, dalam rentang tanggal tiap aturan (Peraturan BKN 4/2023 dan 4/2025).</p>
          <div className="dev-form-grid">
            <Field label="Batas usulan (bulan sebelum TMT)" hint="SKP tahunan yang diperiksa: dua tahun terakhir yang sudah final pada batas usulan periode.">
              <input type="number" min={0} max={24} aria-label="Batas usulan (bulan sebelum TMT)" value={draft.promotionDeadlineMonths}
                onChange={(e) => setDraft({ ...draft, promotionDeadlineMonths: Number(e.target.value) })} />
            </Field>
            <Field label="SKP tahunan final pada akhir bulan" hint="Bulan pada tahun berikutnya saat SKP tahun sebelumnya sudah final.">
              <select aria-label="SKP tahunan final pada akhir bulan" value={draft.skpFinalMonth} onChange={(e) => setDraft({ ...draft, skpFinalMonth: Number(e.target.value) })}>
                {MONTHS_ID.map((m, i) => <option key={m} value={i + 1}>{m}</option>)}
              </select>
            </Field>
          </div>
          {draft.promotionCalendar.map((rule, index) => (
            <div key={index} className="dev-calendar-row" role="group" aria-label={`Aturan periode ${index + 1}`}>
              <Field label="Berlaku sejak"><DateInput ariaLabel={`Aturan ${index + 1} berlaku sejak`} value={rule.from ?? ''} onChange={(value) => setCalendar(draft.promotionCalendar.map((r, i) => (i === index ? { ...r, from: value || null } : r)))} /></Field>
              <Field label="Sampai"><DateInput ariaLabel={`Aturan ${index + 1} sampai`} value={rule.until ?? ''} onChange={(value) => setCalendar(draft.promotionCalendar.map((r, i) => (i === index ? { ...r, until: value || null } : r)))} /></Field>
              <div>
                <div className="dev-months">
                  {MONTHS_ID.map((m, mi) => (
                    <label key={m}><input type="checkbox" checked={rule.months.includes(mi + 1)} onChange={(e) => setCalendar(draft.promotionCalendar.map((r, i) => (i === index
                      ? { ...r, months: e.target.checked ? [...r.months, mi + 1].sort((a, b) => a - b) : r.months.filter((x) => x !== mi + 1) } : r)))} />{m.slice(0, 3)}</label>
                  ))}
                </div>
                <div className="dev-subtle">{rule.basis}</div>
              </div>
              <button type="button" className="button button-small" onClick={() => setCalendar(draft.promotionCalendar.filter((_, i) => i !== index))} disabled={draft.promotionCalendar.length === 1}>Hapus</button>
            </div>
          ))}
          <button type="button" className="button button-small" onClick={() => setCalendar([...draft.promotionCalendar, { from: null, until: null, months: [1], basis: 'Aturan baru' }])}>Tambah aturan</button>
          {calendarProblems.length > 0 && <ul className="field-error">{calendarProblems.map((p) => <li key={p}>{p}</li>)}</ul>}
        </Card>
      </div>
      <SaveErrorBanner error={error} onReload={() => { setError(null); reset(); settings.reload(); }} />
      <div className="dev-actions">
        <button type="button" className="button button-primary" disabled={saving || calendarProblems.length > 0} onClick={() => void save()}>Simpan pengaturan pengembangan</button>
        <button type="button" className="button" onClick={discard}>Batalkan perubahan</button>
      </div>
      <BudgetCeilings />
      <CareerRulesSection />
    </div>
  );
}

function BudgetCeilings() {
  const thisYear = useCurrentYear();
  const [year, setYear] = useState(thisYear);
  const budgets = useApi('plans:budgets', { year }, ['development']);
  const [values, setValues] = useState<Record<number, string>>({});
  const toast = useToast();
  useEffect(() => {
    if (budgets.data) setValues(Object.fromEntries(budgets.data.rows.map((r) => [r.unitId, r.ceiling === null ? '' : formatNumberId(r.ceiling, 0)])));
  }, [budgets.data]);
  const save = async (unitId: number, unitName: string) => {
    const raw = (values[unitId] ?? '').replace(/\./g, '').trim();
    const ceiling = raw === '' ? null : Number(raw);
    if (ceiling !== null && (!Number.isInteger(ceiling) || ceiling < 0)) { toast('error', 'Pagu harus berupa angka rupiah tanpa desimal.'); return; }
    try {
      await call('plans:setBudget', { unitId, year, ceiling });
      toast('success', `Pagu ${unitName} ${year}: ${ceiling === null ? 'dihapus' : formatRupiah(ceiling)}.`);
    } catch (e) {
      toast('error', errorText(e));
    }
  };
  return (
    <Card title="Pagu pengembangan per perangkat daerah">
      <div className="toolbar">
        <label className="dev-checkbox">Tahun
          <select aria-label="Tahun pagu" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[thisYear - 1, thisYear, thisYear + 1].map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <span className="dev-subtle">Dibandingkan dengan perkiraan biaya rencana pengembangan (IDP) di tab Rencana Pengembangan. Kosongkan untuk menghapus pagu.</span>
      </div>
      {!budgets.data ? <Loading /> : (
        <div className="table-scroll">
          <table className="table table-compact" aria-label="Pagu pengembangan">
            <thead><tr><th>Perangkat daerah</th><th>Pagu (Rp)</th><th /></tr></thead>
            <tbody>
              {budgets.data.rows.map((r) => (
                <tr key={r.unitId}>
                  <td>{r.unitName}</td>
                  <td><input inputMode="numeric" aria-label={`Pagu ${r.unitName}`} value={values[r.unitId] ?? ''} placeholder="belum diatur" onChange={(e) => setValues({ ...values, [r.unitId]: e.target.value })}
                    onKeyDown={(e) => { if (e.key === 'Enter') void save(r.unitId, r.unitName); }} /></td>
                  <td><button type="button" className="button button-small" onClick={() => void save(r.unitId, r.unitName)}>Simpan</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
