// Jalur Karier: the pola karier as a graph (families as lanes, levels as columns by seniority) with how many stand
// at each step's start and how many are ready, the steps as a table, and the editor of steps and paths.

import { useMemo, useState, type FormEvent } from 'react';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useCan } from '../../app/session';
import { Dialog, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { FormField } from '../../components/form-field';
import { Card } from '../../components/layout';
import { formatNumberId } from '../../../../shared/format/id-format';
import { PNS_GOLONGAN, golonganWithPangkat } from '../../../../shared/domain/golongan';
import { POSITION_LEVELS, positionLevelInfo, type PositionLevel } from '../../../../shared/domain/position';
import { LEADERSHIP_TRAININGS } from '../../../../shared/domain/succession/requirements';
import { EDUCATION_RANK_LABELS, type CareerStep } from '../../../../shared/schemas/career-paths';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import './karier.css';

type Graph = ResponseOf<'paths:graph'>;

const LANE_HEIGHT = 56;
const LANE_LABEL_WIDTH = 260;
const COLUMN_WIDTH = 150;
const NODE_WIDTH = 118;
const NODE_HEIGHT = 30;

export function JalurKarierPage() {
  const graph = useApi('paths:graph', {}, ['careers', 'employees', 'development', 'performance', 'competency']);
  const canWrite = useCan('data:write');
  const [editing, setEditing] = useState<{ step?: CareerStep; pathId: number } | null>(null);
  const [pathFilter, setPathFilter] = useState<number | 'all'>('all');
  if (graph.error) return <ErrorBanner error={graph.error} onRetry={graph.reload} />;
  if (!graph.data) return <Loading />;
  const data = graph.data;
  const paths = pathFilter === 'all' ? data.paths : data.paths.filter((p) => p.id === pathFilter);
  return (
    <div className="page">
      <header className="page-header"><h1>Jalur Karier</h1></header>
      <p className="muted">
        {data.isDefault ? 'Pola karier bawaan Jenjang, disusun dari jabatan yang ada di database. Perubahan pertama menyimpannya sebagai pola karier instansi.'
          : 'Pola karier instansi.'}
        {' '}{formatNumberId(data.totals.standing)} pegawai berada di awal suatu langkah; {formatNumberId(data.totals.ready)} memenuhi semua syarat langkah berikutnya.
      </p>
      <div className="toolbar">
        <FormField label="Jalur">
          <select value={pathFilter} onChange={(e) => setPathFilter(e.target.value === 'all' ? 'all' : Number(e.target.value))}>
            <option value="all">Semua jalur</option>
            {data.paths.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </FormField>
      </div>
      <Card title="Peta jalur karier" wide>
        <CareerGraph graph={data} steps={paths.flatMap((p) => p.steps)} />
      </Card>
      {paths.map((path) => (
        <section key={path.id} className="card" aria-label={`Jalur ${path.name}`}>
          <h2 className="card-title">{path.name}</h2>
          {path.description && <p className="muted">{path.description}</p>}
          <table className="table table-compact" aria-label={`Langkah jalur ${path.name}`}>
            <thead><tr><th>Langkah</th><th>Jenis</th><th>Syarat</th><th className="num">Berada di awal</th><th className="num">Siap</th>{canWrite && <th>Aksi</th>}</tr></thead>
            <tbody>
              {path.steps.map((s) => (
                <tr key={s.id} data-testid="career-step-row">
                  <td>{s.label}</td>
                  <td>{s.moveKindLabel}</td>
                  <td><ul className="plain-list">{s.requirementTexts.map((t) => <li key={t}>{t}</li>)}</ul></td>
                  <td className="num">{formatNumberId(s.standing)}</td>
                  <td className="num">{formatNumberId(s.ready)}</td>
                  {canWrite && (
                    <td>
                      <button type="button" className="button button-small" onClick={() => setEditing({ step: s, pathId: path.id })}>Ubah</button>{' '}
                      <DeleteStepButton step={s} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {canWrite && <button type="button" className="button button-small" onClick={() => setEditing({ pathId: path.id })}>Tambah langkah</button>}
        </section>
      ))}
      {editing && <StepDialog graph={data} pathId={editing.pathId} step={editing.step} onClose={() => setEditing(null)} />}
    </div>
  );
}

function laneOf(level: string, family: string | null): string {
  const kind = positionLevelInfo(level)?.kind;
  if (kind === 'fungsional') return family ? `jf:${family}` : 'jf';
  return level === 'pelaksana' ? 'pelaksana' : 'struktural';
}

/** Families as lanes, levels as columns (seniority); each level of a lane a node with the people standing there
 *  on the way out, each step an arrow labelled "siap / berada". */
function CareerGraph({ graph, steps }: { graph: Graph; steps: CareerStep[] }) {
  const { lanes, columns } = useMemo(() => {
    const used = new Set(steps.flatMap((s) => [s.fromLane, s.toLane]));
    return { lanes: graph.lanes.filter((l) => used.has(l.key)), columns: graph.columns.map((c) => c.seniority) };
  }, [graph, steps]);
  if (steps.length === 0) return <p className="muted">Jalur ini belum memuat langkah.</p>;
  const laneIndex = new Map(lanes.map((l, i) => [l.key, i]));
  const x = (level: string) => LANE_LABEL_WIDTH + columns.indexOf(positionLevelInfo(level)!.seniority) * COLUMN_WIDTH + (COLUMN_WIDTH - NODE_WIDTH) / 2;
  const y = (lane: string) => 30 + laneIndex.get(lane)! * LANE_HEIGHT + (LANE_HEIGHT - NODE_HEIGHT) / 2;
  const nodes = new Map<string, { lane: string; level: string; label: string }>();
  for (const s of steps) {
    nodes.set(`${s.fromLane}|${s.fromLevel}`, { lane: s.fromLane, level: s.fromLevel, label: positionLevelInfo(s.fromLevel)!.label.replace(/^JF /, '') });
    nodes.set(`${s.toLane}|${s.toLevel}`, { lane: s.toLane, level: s.toLevel, label: positionLevelInfo(s.toLevel)!.label.replace(/^JF /, '') });
  }
  const width = LANE_LABEL_WIDTH + columns.length * COLUMN_WIDTH + 20;
  const height = 40 + lanes.length * LANE_HEIGHT;
  return (
    <div className="career-graph-scroll">
      <svg className="career-graph" width={width} height={height} role="img" aria-label="Peta jalur karier: rumpun jabatan per baris, jenjang per kolom">
        <defs>
          <marker id="career-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#2c5282" /></marker>
        </defs>
        {columns.map((seniority, i) => (
          <text key={seniority} x={LANE_LABEL_WIDTH + i * COLUMN_WIDTH + COLUMN_WIDTH / 2} y={18} textAnchor="middle">
            {graph.columns.find((c) => c.seniority === seniority)!.labels.join(' / ')}
          </text>
        ))}
        {lanes.map((lane, i) => (
          <g key={lane.key}>
            {i % 2 === 0 && <rect className="lane-band" x={0} y={30 + i * LANE_HEIGHT} width={width} height={LANE_HEIGHT} />}
            <text className="lane-label" x={8} y={30 + i * LANE_HEIGHT + LANE_HEIGHT / 2 + 4}>
              {lane.label.length > 38 ? `${lane.label.slice(0, 37)}…` : lane.label}<title>{lane.label}</title>
            </text>
          </g>
        ))}
        {steps.map((s) => {
          const x1 = x(s.fromLevel) + NODE_WIDTH;
          const y1 = y(s.fromLane) + NODE_HEIGHT / 2;
          const sameColumn = x(s.toLevel) <= x(s.fromLevel);
          const x2 = sameColumn ? x(s.toLevel) + NODE_WIDTH / 2 : x(s.toLevel);
          const y2 = sameColumn ? y(s.toLane) + (y(s.toLane) > y(s.fromLane) ? 0 : NODE_HEIGHT) : y(s.toLane) + NODE_HEIGHT / 2;
          const mx = (x1 + x2) / 2;
          return (
            <g key={s.id} data-testid="career-edge">
              <path className={`edge${s.moveKind === 'diagonal' ? ' edge-diagonal' : ''}`} d={`M ${x1} ${y1} C ${mx} ${y1}, ${mx} ${y2}, ${x2} ${y2}`} markerEnd="url(#career-arrow)">
                <title>{`${s.label}: ${formatNumberId(s.ready)} siap dari ${formatNumberId(s.standing)}`}</title>
              </path>
              <text className="edge-count" x={mx} y={(y1 + y2) / 2 - 4} textAnchor="middle">{`${formatNumberId(s.ready)}/${formatNumberId(s.standing)}`}</text>
            </g>
          );
        })}
        {[...nodes.values()].map((n) => (
          <g key={`${n.lane}|${n.level}`}>
            <rect className="node" x={x(n.level)} y={y(n.lane)} width={NODE_WIDTH} height={NODE_HEIGHT} rx={5} />
            <text x={x(n.level) + NODE_WIDTH / 2} y={y(n.lane) + NODE_HEIGHT / 2 + 4} textAnchor="middle">{n.label}</text>
          </g>
        ))}
      </svg>
      <p className="muted">Angka pada panah: siap / berada di awal langkah. Garis putus-putus: perpindahan diagonal.</p>
    </div>
  );
}

function DeleteStepButton({ step }: { step: CareerStep }) {
  const toast = useToast();
  const [asking, setAsking] = useState(false);
  const remove = async () => {
    try {
      await call('paths:deleteStep', { id: step.id, version: step.version });
      toast('success', `Langkah ${step.label} dihapus.`);
    } catch (e) {
      toast('error', e instanceof ApiError ? e.message : 'Langkah gagal dihapus.');
    } finally {
      setAsking(false);
    }
  };
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setAsking(true)}>Hapus</button>
      {asking && (
        <Dialog title="Hapus langkah karier" onClose={() => setAsking(false)}
          footer={<><button type="button" className="button" onClick={() => setAsking(false)}>Batal</button>
            <button type="button" className="button button-danger" onClick={() => void remove()}>Hapus langkah</button></>}>
          <p>Hapus langkah <strong>{step.label}</strong> dari pola karier? Perubahan ini dicatat di log audit.</p>
        </Dialog>
      )}
    </>
  );
}

const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value.replace(',', '.')));

function StepDialog({ graph, pathId, step, onClose }: { graph: Graph; pathId: number; step?: CareerStep; onClose: () => void }) {
  const toast = useToast();
  const r = step?.requirements;
  const [form, setForm] = useState({
    pathId: String(pathId), fromLevel: step?.fromLevel ?? 'pengawas', fromFamily: step?.fromFamily ?? '', toLevel: step?.toLevel ?? 'administrator', toFamily: step?.toFamily ?? '',
    minGolongan: r?.minGolongan == null ? '' : String(r.minGolongan), educationRank: r?.educationRank == null ? '' : String(r.educationRank),
    leadershipTraining: r?.leadershipTraining ?? '', minJpm: r?.minJpm == null ? '' : String(r.minJpm).replace('.', ','),
    minMonthsInLevel: r?.minMonthsInLevel == null ? '' : String(r.minMonthsInLevel), skpYears: String(r?.skpYears ?? 2), noRunningDiscipline: r?.noRunningDiscipline ?? true,
  });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const functional = (level: string) => positionLevelInfo(level)?.kind === 'fungsional';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const minJpm = numberOrNull(form.minJpm);
      const months = numberOrNull(form.minMonthsInLevel);
      if ((minJpm !== null && Number.isNaN(minJpm)) || (months !== null && !Number.isInteger(months))) throw new Error('JPM dan masa dalam jenjang harus berupa angka.');
      await call('paths:saveStep', {
        id: step?.id, version: step?.version,
        input: {
          pathId: Number(form.pathId), fromLevel: form.fromLevel as PositionLevel,
          fromFamily: functional(form.fromLevel) ? form.fromFamily || null : null,
          toLevel: form.toLevel as PositionLevel, toFamily: functional(form.toLevel) ? form.toFamily || null : null,
          requirements: {
            minGolongan: form.minGolongan ? Number(form.minGolongan) : null, educationRank: form.educationRank ? Number(form.educationRank) : null,
            leadershipTraining: form.leadershipTraining || null, minJpm, minMonthsInLevel: months, skpYears: Number(form.skpYears), noRunningDiscipline: form.noRunningDiscipline,
          },
        },
      });
      toast('success', step ? 'Langkah karier disimpan.' : 'Langkah karier ditambahkan.');
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Langkah gagal disimpan.');
    } finally {
      setSaving(false);
    }
  };
  const levelOptions = POSITION_LEVELS.map((l) => <option key={l.code} value={l.code}>{l.label}</option>);
  const familyList = <datalist id="career-families">{graph.families.map((f) => <option key={f} value={f} />)}</datalist>;
  return (
    <Dialog title={step ? `Ubah langkah ${step.label}` : 'Tambah langkah karier'} onClose={onClose} wide>
      <form onSubmit={(e) => void submit(e)} aria-label="Langkah karier">
        {error && <div className="banner banner-error" role="alert">{error}</div>}
        {familyList}
        <div className="career-step-form">
          <FormField label="Jalur"><select value={form.pathId} onChange={set('pathId')}>{graph.paths.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select></FormField>
          <span />
          <FormField label="Jenjang asal"><select value={form.fromLevel} onChange={set('fromLevel')}>{levelOptions}</select></FormField>
          <FormField label="Rumpun jabatan asal" hint="Kosongkan untuk semua rumpun; hanya untuk jabatan fungsional.">
            <input list="career-families" value={form.fromFamily} onChange={set('fromFamily')} disabled={!functional(form.fromLevel)} />
          </FormField>
          <FormField label="Jenjang tujuan"><select value={form.toLevel} onChange={set('toLevel')}>{levelOptions}</select></FormField>
          <FormField label="Rumpun jabatan tujuan" hint="Kosongkan untuk semua rumpun; hanya untuk jabatan fungsional.">
            <input list="career-families" value={form.toFamily} onChange={set('toFamily')} disabled={!functional(form.toLevel)} />
          </FormField>
          <FormField label="Pangkat minimal">
            <select value={form.minGolongan} onChange={set('minGolongan')}><option value="">Tidak disyaratkan</option>
              {PNS_GOLONGAN.map((g) => <option key={g.code} value={g.code}>{golonganWithPangkat(g.code)}</option>)}</select>
          </FormField>
          <FormField label="Pendidikan minimal">
            <select value={form.educationRank} onChange={set('educationRank')}><option value="">Tidak disyaratkan</option>
              {Object.entries(EDUCATION_RANK_LABELS).map(([rank, label]) => <option key={rank} value={rank}>{label}</option>)}</select>
          </FormField>
          <FormField label="Pelatihan kepemimpinan">
            <select value={form.leadershipTraining} onChange={set('leadershipTraining')}><option value="">Tidak disyaratkan</option>
              {LEADERSHIP_TRAININGS.map((t) => <option key={t.code} value={t.code}>{t.label}</option>)}</select>
          </FormField>
          <FormField label="JPM minimal (%)" hint="Kosongkan bila tidak disyaratkan."><input inputMode="decimal" value={form.minJpm} onChange={set('minJpm')} /></FormField>
          <FormField label="Masa dalam jenjang (bulan)" hint="Kosongkan bila tidak disyaratkan."><input inputMode="numeric" value={form.minMonthsInLevel} onChange={set('minMonthsInLevel')} /></FormField>
          <FormField label="SKP minimal Baik (tahun terakhir)">
            <select value={form.skpYears} onChange={set('skpYears')}>{[0, 1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n === 0 ? 'Tidak disyaratkan' : `${n} tahun`}</option>)}</select>
          </FormField>
          <label className="checkbox">
            <input type="checkbox" checked={form.noRunningDiscipline} onChange={(e) => setForm((f) => ({ ...f, noRunningDiscipline: e.target.checked }))} /> Tidak sedang menjalani hukuman disiplin
          </label>
        </div>
        <footer className="dialog-footer">
          <button type="button" className="button" onClick={onClose}>Batal</button>
          <button type="submit" className="button button-primary" disabled={saving}>Simpan</button>
        </footer>
      </form>
    </Dialog>
  );
}
