// A horizontal bar chart for many units (names on the left stay readable), clickable to drill down.
// No animation: prints and screenshots capture it whole.

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumberId } from '../../../../shared/format/id-format';

export interface HBarDatum {
  label: string;
  value: number;
  id?: number | null;
  /** Drawn in the alert colour (over budget, above a limit). */
  alert?: boolean;
}

export function HBarChart({ data, valueLabel, onSelect, color = '#1d6f8c', max, suffix = '', ariaLabel }: {
  data: HBarDatum[];
  valueLabel: string;
  onSelect?(id: number): void;
  color?: string;
  max?: number;
  suffix?: string;
  ariaLabel: string;
}) {
  const height = Math.max(120, data.length * 24 + 40);
  const short = (s: string) => (s.length > 38 ? `${s.slice(0, 36)}…` : s);
  return (
    <div className="chart" style={{ height }} role="img" aria-label={ariaLabel}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.map((d) => ({ ...d, name: short(d.label) }))} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, max ?? 'auto']} tickFormatter={(v: number) => `${formatNumberId(v)}${suffix}`} fontSize={11} />
          <YAxis type="category" dataKey="name" width={260} interval={0} fontSize={11} />
          <Tooltip formatter={(v) => [`${formatNumberId(Number(v), 1)}${suffix}`, valueLabel]} labelFormatter={(_l, payload) => (payload?.[0]?.payload as HBarDatum | undefined)?.label ?? ''} />
          <Bar dataKey="value" name={valueLabel} isAnimationActive={false} cursor={onSelect ? 'pointer' : undefined}
            onClick={(entry) => { const id = (entry as unknown as { payload?: HBarDatum }).payload?.id; if (onSelect && typeof id === 'number') onSelect(id); }}>
            {data.map((d, i) => <Cell key={i} fill={d.alert ? '#b42318' : color} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
