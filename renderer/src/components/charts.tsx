import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumberId } from '../../../shared/format/id-format';

/** A single-series bar chart with Indonesian number formatting; no animation (prints and screenshots whole). */
export function SimpleBarChart({ data, xKey, yKey, label, color = '#1d6f8c', height = 240, tickFontSize }: {
  data: Array<Record<string, string | number>>;
  xKey: string;
  yKey: string;
  /** Name of the measure in the tooltip ("Pegawai"). */
  label: string;
  color?: string;
  height?: number;
  tickFontSize?: number;
}) {
  return (
    <div className="chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={xKey} interval={0} fontSize={tickFontSize} />
          <YAxis allowDecimals={false} tickFormatter={(v: number) => formatNumberId(v)} />
          <Tooltip formatter={(v) => [formatNumberId(Number(v)), label]} />
          <Bar dataKey={yKey} name={label} fill={color} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
