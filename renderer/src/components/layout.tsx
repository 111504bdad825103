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

/** How many columns `count` tiles get in `width` pixels: as few rows as fit, filled evenly, so no tile ends up
 *  alone on the last row (8 tiles with room for 7 make two rows of 4). */
export function balancedColumns(count: number, width: number, minWidth = MIN_STAT_WIDTH, gap = 12): number {
  if (count <= 1) return 1;
  const fit = Math.max(1, Math.floor((width + gap) / (minWidth + gap)));
  const rows = Math.ceil(count / Math.min(fit, count));
  return Math.ceil(count / rows);
}

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
  const columns = balancedColumns(items.length, width);
  return (
    <div className="stat-grid" ref={ref} role="group" aria-label={label} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
      {items.map((item) => {
        const body = (
          <>
            <div className="stat-value" style={item.color ? { color: item.color } : undefined} data-testid={item.testId}>{formatNumberId(item.value)}</div>
            <div className="stat-label">{item.label}</div>
          </>
        );
        return item.onClick
          ? <button key={item.label} type="button" className={`stat stat-button${item.active ? ' is-on' : ''}`} onClick={item.onClick}>{body}</button>
          : <div key={item.label} className="stat">{body}</div>;
      })}
    </div>
  );
}
