import { useCallback, useState } from 'react';

// Columns the officer can widen: a handle at the right edge of a header cell, dragged with the mouse or moved
// with ←/→ once focused; a double click gives the column its first width back. Widths are kept per table in
// the browser, so a column widened once stays wide.

export const MIN_COLUMN_WIDTH = 56;

export function useColumnWidths(table: string): [Record<string, number>, (key: string, width: number | null) => void] {
  const storageKey = `jenjang.kolom.${table}`;
  const [widths, setWidths] = useState<Record<string, number>>(() => {
    try {
      return JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Record<string, number>;
    } catch {
      return {};
    }
  });
  const set = useCallback((key: string, width: number | null) => {
    setWidths((current) => {
      const { [key]: _previous, ...rest } = current;
      const next = width === null ? rest : { ...rest, [key]: Math.max(MIN_COLUMN_WIDTH, Math.round(width)) };
      localStorage.setItem(storageKey, JSON.stringify(next));
      return next;
    });
  }, [storageKey]);
  return [widths, set];
}

/** The handle itself; `measure` tells the column's width now (for the first drag of a column never resized). */
export function ColumnResizer({ label, width, measure, onResize }: {
  label: string;
  width: number | undefined;
  measure(): number;
  onResize(width: number | null): void;
}) {
  const start = (startX: number) => {
    const from = width ?? measure();
    const onMove = (event: PointerEvent) => onResize(from + event.clientX - startX);
    const onUp = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      document.body.classList.remove('is-resizing-column');
    };
    document.body.classList.add('is-resizing-column');
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
  };
  return (
    <span className="column-resizer" role="separator" aria-orientation="vertical" tabIndex={0}
      aria-label={`Lebar kolom ${label}`} title="Seret untuk mengubah lebar kolom (atau ← →); klik ganda: lebar semula"
      onPointerDown={(e) => {
        e.preventDefault();
        e.stopPropagation();
        start(e.clientX);
      }}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={() => onResize(null)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          e.preventDefault();
          onResize((width ?? measure()) + (e.key === 'ArrowRight' ? 24 : -24));
        }
      }} />
  );
}
