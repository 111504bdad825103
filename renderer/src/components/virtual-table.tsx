import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ColumnResizer, MIN_COLUMN_WIDTH, useColumnWidths } from './column-resizer';

// A table that renders only the rows in view and fetches the rows it needs page by page, so 50,000 rows
// scroll as smoothly as 50. Rows have a fixed height; the scroll area is sized from the total count.
// Cells stay on one line: what does not fit ends in "…" and the cell's full text shows on hover; every column
// can be widened by dragging (or, focused, with ←/→) the handle at its right edge, and keeps that width.

export interface Column<Row> {
  key: string;
  header: string;
  /** CSS grid width: "212px" or "minmax(200px, 2fr)". */
  width: string;
  sortable?: boolean;
  render(row: Row): ReactNode;
  /** The cell's whole text, shown on hover (what render draws, unshortened). */
  text(row: Row): string;
}

export interface VirtualTableProps<Row> {
  columns: Column<Row>[];
  total: number;
  /** Identity of the current query: a change drops cached rows and scrolls to the top. */
  queryKey: string;
  pageSize?: number;
  fetchPage(offset: number, limit: number): Promise<Row[]>;
  rowKey(row: Row): string | number;
  onOpen(row: Row): void;
  sort?: { key: string; direction: 'asc' | 'desc' };
  onSort?(key: string): void;
  rowHeight?: number;
  label: string;
  /** Id of the scrolling body, so a search field can hand the keyboard over to the rows. */
  id?: string;
}

/** The smallest width a grid column may take: "212px" → 212, "minmax(200px, 2fr)" → 200. */
function minimumOf(width: string): number {
  const px = /(\d+)px/.exec(width);
  return px ? Number(px[1]) : MIN_COLUMN_WIDTH;
}

export function VirtualTable<Row>(props: VirtualTableProps<Row>) {
  const { columns, total, queryKey, pageSize = 200, rowHeight = 36 } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [pages, setPages] = useState<Map<number, Row[]>>(new Map());
  const [active, setActive] = useState(0);
  const requested = useRef(new Set<number>());
  const generation = useRef(0);

  useEffect(() => {
    generation.current += 1;
    requested.current = new Set();
    setPages(new Map());
    setActive(0);
    if (viewport.current) viewport.current.scrollTop = 0;
    setScrollTop(0);
  }, [queryKey]);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - 10);
  const last = Math.min(total, Math.ceil((scrollTop + height) / rowHeight) + 10);

  useEffect(() => {
    const mine = generation.current;
    for (let page = Math.floor(first / pageSize); page * pageSize < last; page++) {
      if (requested.current.has(page)) continue;
      requested.current.add(page);
      props.fetchPage(page * pageSize, pageSize).then(
        (rows) => {
          if (mine !== generation.current) return;
          setPages((current) => new Map(current).set(page, rows));
        },
        () => requested.current.delete(page),
      );
    }
    // fetchPage is recreated with every query; queryKey already stands for it.
  }, [first, last, pageSize, queryKey, pages.size]);

  const rowAt = useCallback((index: number): Row | undefined => pages.get(Math.floor(index / pageSize))?.[index % pageSize], [pages, pageSize]);

  const visible = useMemo(() => {
    const items: Array<{ index: number; row: Row | undefined }> = [];
    for (let i = first; i < last; i++) items.push({ index: i, row: rowAt(i) });
    return items;
  }, [first, last, rowAt]);

  const [widths, setWidth] = useColumnWidths(props.label);
  const template = columns.map((c) => (widths[c.key] ? `${widths[c.key]}px` : c.width)).join(' ');
  const minWidth = columns.reduce((sum, c) => sum + (widths[c.key] ?? minimumOf(c.width)), 0);
  const headerCells = useRef<Record<string, HTMLDivElement | null>>({});
  const headerRow = useRef<HTMLDivElement>(null);

  const moveTo = (index: number) => {
    const clamped = Math.max(0, Math.min(total - 1, index));
    setActive(clamped);
    const element = viewport.current;
    if (!element) return;
    // The header sticks to the top of the scrolling area, so rows are visible below it.
    const header = headerRow.current?.offsetHeight ?? 0;
    const top = clamped * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (header + top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = header + top + rowHeight - element.clientHeight;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pageRows = Math.max(1, Math.floor(height / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: pageRows, PageUp: -pageRows };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(active + moves[event.key]);
    } else if (event.key === 'Home') {
      event.preventDefault();
      moveTo(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      moveTo(total - 1);
    } else if (event.key === 'Enter') {
      const row = rowAt(active);
      if (row) props.onOpen(row);
    }
  };

  return (
    <div className="vtable" role="grid" aria-label={props.label} aria-rowcount={total + 1}>
      {/* One scrolling area for both directions: widened columns scroll sideways with their header, and the
          vertical scrollbar stays in view. */}
      <div className="vtable-viewport" ref={viewport} tabIndex={0} onKeyDown={onKeyDown} id={props.id}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="vtable-viewport">
      <div className="vtable-header" role="row" ref={headerRow} style={{ gridTemplateColumns: template, minWidth }}>
        {columns.map((column) => {
          const sorted = props.sort?.key === column.key ? props.sort.direction : null;
          return (
            <div key={column.key} role="columnheader" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
              ref={(element) => { headerCells.current[column.key] = element; }} title={column.header}>
              {column.sortable && props.onSort ? (
                <button type="button" className="sort-button" onClick={() => props.onSort!(column.key)}>
                  {column.header}<span className="sort-mark">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                </button>
              ) : column.header}
              <ColumnResizer label={column.header} width={widths[column.key]} onResize={(w) => setWidth(column.key, w)}
                measure={() => headerCells.current[column.key]?.getBoundingClientRect().width ?? minimumOf(column.width)} />
            </div>
          );
        })}
      </div>
        <div style={{ height: total * rowHeight, position: 'relative', minWidth }}>
          {visible.map(({ index, row }) => (
            <div key={row ? props.rowKey(row) : `placeholder-${index}`} role="row" aria-rowindex={index + 2}
              className={`vtable-row${index === active ? ' is-active' : ''}${index % 2 ? ' is-odd' : ''}${row ? '' : ' is-loading'}`}
              style={{ top: index * rowHeight, height: rowHeight, gridTemplateColumns: template }}
              onClick={() => {
                setActive(index);
                if (row) props.onOpen(row);
              }}>
              {columns.map((column) => (
                <div key={column.key} role="gridcell" className="vtable-cell" title={row ? column.text(row) || undefined : undefined}>{row ? column.render(row) : <span className="skeleton" />}</div>
              ))}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
