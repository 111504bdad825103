// Small measuring helpers for `npm run bench`: medians and percentiles of wall-clock timings.

export async function timeMs<T>(work: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const median = (values: number[]) => percentile(values, 50);

export function fmt(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

export function rate(rows: number, ms: number): string {
  return `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;
}

export interface BenchLine {
  label: string;
  value: string;
  budget?: string;
  pass?: boolean;
}

export function printLines(title: string, lines: BenchLine[]): void {
  console.log(`\n## ${title}`);
  const width = Math.max(...lines.map((l) => l.label.length));
  for (const line of lines) {
    const verdict = line.pass === undefined ? '' : line.pass ? '  ✓ within budget' : '  ✗ OVER BUDGET';
    console.log(`  ${line.label.padEnd(width)}  ${line.value}${line.budget ? `   (budget ${line.budget})` : ''}${verdict}`);
  }
}
