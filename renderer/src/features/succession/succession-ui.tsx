import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHECK_STATUS_LABELS, riskLabel, type CheckStatus, type RiskLevel } from '../../../../shared/domain/succession';
import { formatNumberId } from '../../../../shared/format/id-format';
import './suksesi.css';

export const RISK_COLORS: Record<RiskLevel, string> = { tinggi: '#c0392b', sedang: '#d99a1e', rendah: '#3f8f5b' };

export function RiskBadge({ level, title }: { level: RiskLevel; title?: string }) {
  return <span className={`risk risk-${level}`} title={title}>{riskLabel(level)}</span>;
}

const CHECK_SYMBOL: Record<CheckStatus, string> = { ok: '✓', warn: '!', fail: '✗', unknown: '?' };

export function CheckMark({ status }: { status: CheckStatus }) {
  return <span className={`check check-${status}`} title={CHECK_STATUS_LABELS[status]} aria-label={CHECK_STATUS_LABELS[status]}>{CHECK_SYMBOL[status]}</span>;
}

/** Counts of checklist statuses, e.g. "✓ 8  ! 1  ? 2". */
export function ChecklistSummary({ checklist }: { checklist: Array<{ status: CheckStatus }> }) {
  const counts = (['ok', 'warn', 'fail', 'unknown'] as const).map((s) => [s, checklist.filter((i) => i.status === s).length] as const).filter(([, n]) => n > 0);
  return <span className="nowrap">{counts.map(([s, n]) => <span key={s} style={{ marginRight: 8 }}><CheckMark status={s} /> {n}</span>)}</span>;
}

/** Bars stacked by series (risk levels, readiness), no animation (prints and screenshots whole). */
export function StackedBarChart({ data, categoryKey, series, height = 260, vertical = false, onSelect }: {
  data: Array<Record<string, string | number>>;
  categoryKey: string;
  series: Array<{ key: string; label: string; color: string }>;
  height?: number;
  /** Horizontal bars with the categories down the side (long names such as perangkat daerah). */
  vertical?: boolean;
  onSelect?: (category: string) => void;
}) {
  return (
    <div className="chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout={vertical ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={vertical} horizontal={!vertical} />
          {vertical ? (
            <>
              <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => formatNumberId(v)} />
              <YAxis type="category" dataKey={categoryKey} width={230} interval={0} fontSize={11} />
            </>
          ) : (
            <>
              <XAxis dataKey={categoryKey} interval={0} />
              <YAxis allowDecimals={false} tickFormatter={(v: number) => formatNumberId(v)} />
            </>
          )}
          <Tooltip formatter={(v, name) => [formatNumberId(Number(v)), String(name)]} />
          <Legend />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="stack" fill={s.color} isAnimationActive={false}
              cursor={onSelect ? 'pointer' : undefined}
              onClick={onSelect ? (entry: { payload?: Record<string, unknown> }) => { if (entry.payload) onSelect(String(entry.payload[categoryKey])); } : undefined} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
