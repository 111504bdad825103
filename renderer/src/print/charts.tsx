// Charts for printed reports: recharts SVG (vectors in the PDF) with FIXED sizes and no animation. A
// ResponsiveContainer measures the screen, not the paper, and an animation is printed half-drawn
// (RECIPE.md §3), so neither is used here. Content width of an A4 page with our margins is 167 mm ≈ 630 px.

import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';
import { formatNumberId } from '../../../shared/format/id-format';

export const REPORT_CHART_WIDTH = 620;

const axisFont = { fontSize: 10, fill: '#222' };
const formatTick = (v: number) => formatNumberId(v);

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/** Bars stacked per category, with the category total printed above each bar. */
export function PrintStackedBarChart({ data, categoryKey, series, totalKey, height = 230, ariaLabel }: {
  data: Array<Record<string, string | number>>;
  categoryKey: string;
  series: ChartSeries[];
  totalKey: string;
  height?: number;
  ariaLabel: string;
}) {
  return (
    <div className="report-chart" role="img" aria-label={ariaLabel}>
      <BarChart width={REPORT_CHART_WIDTH} height={height} data={data} margin={{ top: 18, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#ccd3d8" />
        <XAxis dataKey={categoryKey} tick={axisFont} tickLine={false} />
        <YAxis allowDecimals={false} tick={axisFont} tickFormatter={formatTick} width={40} />
        <Legend wrapperStyle={{ fontSize: 10 }} iconSize={9} itemSorter={null} />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="stack" fill={s.color} isAnimationActive={false}>
            {i === series.length - 1 && <LabelList dataKey={totalKey} position="top" fontSize={10} fill="#111" formatter={(v: unknown) => formatNumberId(Number(v))} />}
          </Bar>
        ))}
      </BarChart>
    </div>
  );
}

/** Horizontal bars, one per row (e.g. the OPDs with the most retirements), value printed at the bar's end. */
export function PrintHorizontalBarChart({ data, labelKey, valueKey, color = '#1d6f8c', ariaLabel, rowHeight = 20 }: {
  data: Array<Record<string, string | number>>;
  labelKey: string;
  valueKey: string;
  color?: string;
  ariaLabel: string;
  rowHeight?: number;
}) {
  const height = 30 + data.length * rowHeight;
  return (
    <div className="report-chart" role="img" aria-label={ariaLabel}>
      <BarChart layout="vertical" width={REPORT_CHART_WIDTH} height={height} data={data} margin={{ top: 4, right: 36, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#ccd3d8" />
        <XAxis type="number" allowDecimals={false} tick={axisFont} tickFormatter={formatTick} />
        <YAxis type="category" dataKey={labelKey} width={250} tick={{ fontSize: 9, fill: '#222' }} interval={0} />
        <Bar dataKey={valueKey} fill={color} isAnimationActive={false} barSize={Math.max(8, rowHeight - 8)}>
          <LabelList dataKey={valueKey} position="right" fontSize={9} fill="#111" formatter={(v: unknown) => formatNumberId(Number(v))} />
        </Bar>
      </BarChart>
    </div>
  );
}

/** A step line over time (rank progression): y values are positions on an ordinal scale with labels. */
export function PrintStepChart({ data, xKey, yKey, yLabels, height = 190, ariaLabel, color = '#1d6f8c' }: {
  data: Array<Record<string, string | number>>;
  xKey: string;
  yKey: string;
  yLabels: Record<number, string>;
  height?: number;
  ariaLabel: string;
  color?: string;
}) {
  const ticks = Object.keys(yLabels).map(Number).sort((a, b) => a - b);
  return (
    <div className="report-chart" role="img" aria-label={ariaLabel}>
      <LineChart width={REPORT_CHART_WIDTH} height={height} data={data} margin={{ top: 10, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#ccd3d8" />
        <XAxis dataKey={xKey} type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} tick={axisFont} tickCount={8} />
        <YAxis dataKey={yKey} type="number" ticks={ticks} domain={[ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1]} tickFormatter={(v: number) => yLabels[v] ?? ''} tick={axisFont} width={44} />
        <Line type="stepAfter" dataKey={yKey} stroke={color} strokeWidth={2} dot={{ r: 3, fill: color }} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
