// Every chart of the app, on screen and on paper: recharts behind a few wrappers that speak Indonesian (axis
// ticks, tooltips and labels through shared/format/id-format: "1.234,5", "25%", "1,5 jt", never "100.1000…%")
// and never animate (printing and screenshots would capture a half-drawn chart).
//
// On screen a chart fills its card (ResponsiveContainer). With `print` it has a fixed size for A4: a
// ResponsiveContainer measures the screen, not the paper. Content width of an A4 page with our margins is
// 167 mm ≈ 630 px.
//
// Long category names (perangkat daerah, units) are cut to the room they have, with "…", and keep their full
// text in an SVG <title>, which the browser shows on hover; they never wrap into their neighbours.

import type { ReactNode } from 'react';
import {
  Bar, BarChart as RechartsBarChart, CartesianGrid, Cell, LabelList, Legend, Line, LineChart as RechartsLineChart,
  PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart as RechartsRadarChart, ReferenceLine, ResponsiveContainer,
  Tooltip, XAxis, YAxis,
} from 'recharts';
import { formatNumberId, formatRupiah } from '../../../shared/format/id-format';

export const REPORT_CHART_WIDTH = 620;

/** How the values of a chart read. */
export type ValueFormat = 'count' | 'number' | 'percent' | 'jp' | 'rupiah';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

type Datum = Record<string, string | number | boolean | null | undefined>;

/** A value as tooltips and labels print it: "1.234", "12,5%", "24 JP", "Rp1.250.000". */
export function formatChartValue(value: unknown, format: ValueFormat): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (value === null || value === undefined || !Number.isFinite(n)) return '–';
  switch (format) {
    case 'count': return formatNumberId(n, 0);
    case 'number': return formatNumberId(n);
    case 'percent': return `${formatNumberId(n, 1).replace(/,0$/, '')}%`;
    case 'jp': return `${formatNumberId(n)} JP`;
    case 'rupiah': return formatRupiah(n);
  }
}

/** A value as an axis tick prints it: shorter than in a tooltip ("25%", "1,5 jt"). */
export function formatAxisTick(value: unknown, format: ValueFormat): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return '';
  switch (format) {
    case 'percent': return `${formatNumberId(n)}%`;
    case 'rupiah': return Math.abs(n) >= 1_000_000 ? `${formatNumberId(n / 1_000_000)} jt` : formatNumberId(n);
    case 'count': return formatNumberId(n, 0);
    default: return formatNumberId(n);
  }
}

/** About how wide a character of the chart font is, relative to its size. */
const CHAR_WIDTH = 0.58;
/** Slant of category names that do not fit side by side under their bars. */
const SLANT = 35;

/** The label cut to `maxWidth` pixels with "…", or unchanged when it fits. */
export function fitLabel(label: string, maxWidth: number, fontSize: number): string {
  const room = Math.max(3, Math.floor(maxWidth / (fontSize * CHAR_WIDTH)));
  return label.length <= room ? label : `${label.slice(0, room - 1).trimEnd()}…`;
}

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  textAnchor?: string;
  width?: number | string;
  visibleTicksCount?: number;
}

/** The height an x axis needs for these names: one line when they fit side by side in `plotWidth`, else room
 *  for slanted names (cut to that room). */
export function categoryAxisHeight(labels: string[], plotWidth: number, fontSize: number): number {
  const widest = Math.max(0, ...labels.map((l) => l.length)) * fontSize * CHAR_WIDTH;
  if (labels.length === 0 || widest <= plotWidth / labels.length - 4) return 24;
  return Math.min(90, Math.ceil(widest * Math.sin((SLANT * Math.PI) / 180)) + 16);
}

/**
 * A category tick, cut to its room, with the whole name on hover. Down the side (y) it is one line as wide as
 * the axis; along the bottom (x) it is centred under its bar when it fits there and slanted when it does not
 * (given an axis `height` to slant into).
 */
function categoryTick(axis: 'x' | 'y', fontSize: number, room: number | null, height = 24) {
  return function CategoryTick(props: TickProps) {
    const full = String(props.payload?.value ?? '');
    const x = Number(props.x ?? 0);
    const y = Number(props.y ?? 0);
    if (axis === 'y') {
      return (
        <text x={x} y={y} dy="0.35em" textAnchor="end" fontSize={fontSize} fill="#333" className="chart-category-tick">
          <title>{full}</title>{fitLabel(full, (room ?? 120) - 8, fontSize)}
        </text>
      );
    }
    const slot = Number(props.width ?? 0) / Math.max(1, props.visibleTicksCount ?? 1);
    const fits = full.length * fontSize * CHAR_WIDTH <= slot - 4;
    if (fits || height <= 24) {
      return (
        <text x={x} y={y} dy="0.9em" textAnchor="middle" fontSize={fontSize} fill="#333" className="chart-category-tick">
          <title>{full}</title>{fitLabel(full, slot - 4, fontSize)}
        </text>
      );
    }
    const along = (height - 12) / Math.sin((SLANT * Math.PI) / 180);
    return (
      <text x={x} y={y} dy="0.9em" textAnchor="end" fontSize={fontSize} fill="#333" className="chart-category-tick"
        transform={`rotate(-${SLANT}, ${x}, ${y + fontSize / 2})`}>
        <title>{full}</title>{fitLabel(full, along, fontSize)}
      </text>
    );
  };
}

/** Screen charts fill their card; printed ones keep their fixed size. */
function Frame({ print, height, ariaLabel, testId, children }: { print?: boolean; height: number; ariaLabel: string; testId?: string; children: ReactNode }) {
  if (print) return <div className="report-chart" role="img" aria-label={ariaLabel} data-testid={testId}>{children}</div>;
  return (
    <div className="chart" style={{ height }} role="img" aria-label={ariaLabel} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">{children as never}</ResponsiveContainer>
    </div>
  );
}

const PERCENT_TICKS = [0, 25, 50, 75, 100];

export interface BarChartProps {
  data: Datum[];
  /** The field naming each bar (year, unit, golongan). */
  categoryKey: string;
  series: ChartSeries[];
  /** 'columns': upright bars, categories along the bottom; 'rows': bars across, categories down the side (long names). */
  layout?: 'columns' | 'rows';
  stacked?: boolean;
  format?: ValueFormat;
  /** Shares of 100: the scale is 0–100 % whatever rounding adds up to. */
  percentScale?: boolean;
  /** The end of the value scale when the data should not set it (e.g. 100 for a share). */
  max?: number;
  /** Colour of one bar (e.g. over a limit); the series colour otherwise. */
  barColor?(row: Datum, seriesKey: string): string | undefined;
  /** A horizontal target line (the 20 JP of a year). */
  target?: { value: number; label: string; color?: string };
  onSelect?(row: Datum, seriesKey: string): void;
  legend?: boolean;
  /** Screen height; rows layout grows with the rows. */
  height?: number;
  /** Room for the category names in rows layout. */
  categoryWidth?: number;
  /** Print: total above each stack / value at the end of each bar. */
  totalKey?: string;
  valueLabels?: boolean;
  print?: boolean;
  ariaLabel: string;
  testId?: string;
}

export function BarChart(props: BarChartProps) {
  const {
    data, categoryKey, series, layout = 'columns', stacked = false, format = 'count', percentScale = false, print = false,
  } = props;
  const rows = layout === 'rows';
  const fontSize = print ? 9 : 11;
  const rowHeight = print ? 20 : (series.length > 1 && !stacked ? 34 : 26);
  const height = rows ? Math.max(print ? 60 : 140, data.length * rowHeight + (props.legend ?? series.length > 1 ? 70 : 40)) : (props.height ?? (print ? 230 : 260));
  const categoryWidth = props.categoryWidth ?? (print ? 250 : 240);
  const highest = props.target ? Math.max(props.target.value, ...data.flatMap((d) => series.map((s) => Number(d[s.key]) || 0))) : undefined;
  const domain: [number, number | 'auto'] = percentScale ? [0, 100] : [0, props.max ?? (highest !== undefined ? niceCeiling(highest) : 'auto')];
  const valueAxis = {
    type: 'number' as const,
    domain,
    allowDataOverflow: percentScale,
    ticks: percentScale ? PERCENT_TICKS : undefined,
    allowDecimals: format !== 'count',
    tickFormatter: (v: number) => formatAxisTick(v, percentScale ? 'percent' : format),
    fontSize,
    tick: print ? { fontSize: 10, fill: '#222' } : undefined,
  };
  const categoryAxis = {
    type: 'category' as const,
    dataKey: categoryKey,
    interval: 0 as const,
    tickLine: false,
  };
  const labelOf = (row: Datum) => String(row[categoryKey] ?? '');
  // The plot is about a card's width on screen (half the page) or the paper's.
  const xAxisHeight = rows ? 0 : categoryAxisHeight(data.map(labelOf), print ? REPORT_CHART_WIDTH - 60 : 420, fontSize);
  const chart = (
    <RechartsBarChart data={data} layout={rows ? 'vertical' : 'horizontal'} width={print ? REPORT_CHART_WIDTH : undefined} height={print ? height : undefined}
      margin={{ top: props.totalKey ? 18 : 8, right: rows ? (props.valueLabels ? 40 : 24) : props.target ? 52 : 12, bottom: 4, left: rows ? 4 : 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={rows} horizontal={!rows} stroke={print ? '#ccd3d8' : undefined} />
      {rows ? (
        <>
          <XAxis {...valueAxis} />
          <YAxis {...categoryAxis} width={categoryWidth} tick={categoryTick('y', fontSize, categoryWidth)} />
        </>
      ) : (
        <>
          <XAxis {...categoryAxis} height={xAxisHeight} tick={categoryTick('x', fontSize, null, xAxisHeight)} />
          <YAxis {...valueAxis} width={format === 'rupiah' ? 64 : 48} />
        </>
      )}
      {!print && (
        <Tooltip labelFormatter={(label) => String(label)}
          formatter={(value, name) => [formatChartValue(value, percentScale ? 'percent' : format), String(name)]} />
      )}
      {(props.legend ?? series.length > 1) && <Legend wrapperStyle={print ? { fontSize: 10 } : { fontSize: 12 }} iconSize={print ? 9 : 12} itemSorter={null} />}
      {props.target && (
        <ReferenceLine y={rows ? undefined : props.target.value} x={rows ? props.target.value : undefined} stroke={props.target.color ?? '#8a5a00'} strokeDasharray="4 3"
          label={{ value: props.target.label, position: rows ? 'top' : 'right', fontSize, fill: props.target.color ?? '#8a5a00', className: 'chart-target-label' }} />
      )}
      {series.map((s, index) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked ? 'stack' : undefined} isAnimationActive={false}
          barSize={print && rows ? Math.max(8, rowHeight - 8) : undefined}
          cursor={props.onSelect ? 'pointer' : undefined}
          onClick={props.onSelect ? (entry: unknown) => {
            const row = ((entry as { payload?: Datum }).payload ?? entry) as Datum;
            props.onSelect!(row, s.key);
          } : undefined}>
          {props.barColor && data.map((row) => <Cell key={labelOf(row)} fill={props.barColor!(row, s.key) ?? s.color} />)}
          {props.totalKey && index === series.length - 1 && (
            <LabelList dataKey={props.totalKey} position={rows ? 'right' : 'top'} fontSize={fontSize} fill="#111" formatter={(v: unknown) => formatChartValue(v, format)} />
          )}
          {props.valueLabels && <LabelList dataKey={s.key} position={rows ? 'right' : 'top'} fontSize={fontSize} fill="#111" formatter={(v: unknown) => formatChartValue(v, format)} />}
        </Bar>
      ))}
    </RechartsBarChart>
  );
  return <Frame print={print} height={height} ariaLabel={props.ariaLabel} testId={props.testId}>{chart}</Frame>;
}

/** A round end for a value scale: 130 → 140, 1.234 → 1.400, so the tallest bar never leaves the chart. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 1.2, 1.4, 1.5, 1.6, 1.8, 2, 2.5, 3, 4, 5, 6, 7, 8, 10];
  const step = steps.find((s) => s * magnitude >= value * 1.05) ?? 10;
  return step * magnitude;
}

export interface LineChartProps {
  data: Datum[];
  /** The x value of each point: a category ("2024") or, with `numericX`, a number (2024.25). */
  xKey: string;
  series: ChartSeries[];
  format?: ValueFormat;
  /** Shares of 100 on a 0–100 % scale. */
  percentScale?: boolean;
  /** An ordinal scale: the y values are steps named by these labels (predikat, golongan). */
  yLabels?: Record<number, string>;
  /** Years on a continuous axis (the rank history of a report). */
  numericX?: boolean;
  /** Steps instead of slopes (a golongan holds until the next one). */
  step?: boolean;
  /** Tooltip text of one point, instead of its value. */
  describe?(row: Datum): string;
  /** Thicker line for this series (the whole district among its units). */
  emphasise?: string;
  height?: number;
  print?: boolean;
  ariaLabel: string;
  testId?: string;
}

export function LineChart(props: LineChartProps) {
  const { data, xKey, series, format = 'number', percentScale = false, yLabels, print = false } = props;
  const fontSize = print ? 10 : 11;
  const height = props.height ?? (print ? 190 : 280);
  const ticks = yLabels ? Object.keys(yLabels).map(Number).sort((a, b) => a - b) : undefined;
  const yFormat = (v: number) => (yLabels ? yLabels[v] ?? '' : formatAxisTick(v, percentScale ? 'percent' : format));
  const chart = (
    <RechartsLineChart data={data} width={print ? REPORT_CHART_WIDTH : undefined} height={print ? height : undefined}
      margin={{ top: 10, right: 16, bottom: 4, left: 4 }}>
      <CartesianGrid strokeDasharray="3 3" stroke={print ? '#ccd3d8' : undefined} />
      {props.numericX
        ? <XAxis dataKey={xKey} type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} tickCount={8} fontSize={fontSize}
            tickFormatter={(v: number) => String(Math.round(v))} tick={print ? { fontSize, fill: '#222' } : undefined} />
        : <XAxis dataKey={xKey} interval={0} fontSize={fontSize} tick={categoryTick('x', fontSize, null)} height={24} />}
      <YAxis type="number" ticks={ticks} domain={ticks ? [ticks[0], ticks[ticks.length - 1]] : [0, 'auto']}
        tickFormatter={yFormat} width={yLabels ? 96 : 48} fontSize={fontSize} allowDecimals={format !== 'count'}
        tick={print ? { fontSize, fill: '#222' } : undefined} />
      {!print && (
        <Tooltip formatter={(value, name, item) => [
          props.describe ? props.describe((item as { payload: Datum }).payload) : yLabels ? yLabels[Number(value)] ?? '' : formatChartValue(value, percentScale ? 'percent' : format),
          String(name),
        ]} />
      )}
      {series.length > 1 && <Legend wrapperStyle={{ fontSize: print ? 10 : 12 }} itemSorter={null} />}
      {series.map((s) => (
        <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} type={props.step ? 'stepAfter' : 'linear'}
          strokeWidth={props.emphasise === s.key ? 3 : 2} dot={props.step || series.length === 1 ? { r: print ? 3 : 4, fill: s.color } : false}
          connectNulls isAnimationActive={false} />
      ))}
    </RechartsLineChart>
  );
  return <Frame print={print} height={height} ariaLabel={props.ariaLabel} testId={props.testId}>{chart}</Frame>;
}

/** Levels against a standard, per competency (the profile's competency tab). */
export function RadarChart({ data, axisKey, series, max, height = 320, ariaLabel, testId }: {
  data: Datum[];
  axisKey: string;
  series: Array<ChartSeries & { fillOpacity?: number }>;
  max: number;
  height?: number;
  ariaLabel: string;
  testId?: string;
}) {
  return (
    <Frame height={height} ariaLabel={ariaLabel} testId={testId}>
      <RechartsRadarChart data={data} outerRadius="75%">
        <PolarGrid />
        <PolarAngleAxis dataKey={axisKey} fontSize={12} />
        <PolarRadiusAxis domain={[0, max]} tickCount={max + 1} fontSize={10} tickFormatter={(v: number) => formatNumberId(v, 0)} />
        {series.map((s) => (
          <Radar key={s.key} name={s.label} dataKey={s.key} stroke={s.color} fill={s.color} fillOpacity={s.fillOpacity ?? 0.2} isAnimationActive={false} />
        ))}
        <Legend itemSorter={null} />
        <Tooltip formatter={(value, name) => [formatNumberId(Number(value)), String(name)]} />
      </RechartsRadarChart>
    </Frame>
  );
}
