import { useEffect, useRef, useState, type ReactNode } from 'react';
import { formatNumberId } from '../../../shared/format/id-format';
import { EmptyState } from './feedback';

export function Card({ title, children, wide }: { title: string; children: ReactNode; /** Spans the whole row of a card grid. */ wide?: boolean }) {
  return <section className={`card${wide ? ' card-wide' : ''}`} aria-label={title}><h2 className="card-title">{title}</h2>{children}</section>;
}

/** An honest placeholder for a capability that has not landed yet. */
export function ComingLater({ what }: { what: string }) {
  return <EmptyState title="Belum tersedia">{what}</EmptyState>;
}

export interface StatItem {
  label: string;
  value: number;
  /** Drawn in this colour (a risk level). */
  color?: string;
  onClick?(): void;
  active?: boolean;
  testId?: string;
}

const MIN_STAT_WIDTH = 150;

/**
 * How many tiles each row gets when `count` tiles of at least `minWidth` share `width` pixels: as few rows as
 * fit, filled evenly, so no tile wraps alone onto a row (8 tiles with room for 7 are two rows of 4; 7 tiles
 * with room for 3 are 3, 2 and 2). A row holds one tile only where two do not fit side by side, or where there
 * are too few tiles to put two on every row (3 tiles with room for 2).
 */
export function tileRows(count: number, width: number, minWidth = MIN_STAT_WIDTH, gap = 12): number[] {
  if (count <= 0) return [];
  const fit = Math.max(1, Math.floor((width + gap) / (minWidth + gap)));
  const rows = Math.ceil(count / Math.min(fit, count));
  const base = Math.floor(count / rows);
  const longer = count % rows;
  return Array.from({ length: rows }, (_, i) => base + (i < longer ? 1 : 0));
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The figures at the top of a dashboard, in balanced rows. */
export function StatGrid({ items, label }: { items: StatItem[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(1000);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, []);
  // Rows of different lengths share one grid: each row's tiles span an equal part of the common width.
  const rows = tileRows(items.length, width);
  const columns = rows.reduce((l, size) => (l * size) / gcd(l, size), 1);
  const spans = rows.flatMap((size) => Array.from({ length: size }, () => columns / size));
  return (
    <div className="stat-grid" ref={ref} role="group" aria-label={label} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
      {items.map((item, index) => {
        const style = { gridColumn: `span ${spans[index] ?? 1}` };
        const body = (
          <>
            <div className="stat-value" style={item.color ? { color: item.color } : undefined} data-testid={item.testId}>{formatNumberId(item.value)}</div>
            <div className="stat-label">{item.label}</div>
          </>
        );
        return item.onClick
          ? <button key={item.label} type="button" className={`stat stat-button${item.active ? ' is-on' : ''}`} style={style} onClick={item.onClick}>{body}</button>
          : <div key={item.label} className="stat" style={style}>{body}</div>;
      })}
    </div>
  );
}
