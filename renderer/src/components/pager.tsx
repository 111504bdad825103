import { formatNumberId } from '../../../shared/format/id-format';

/** "‹ Sebelumnya · 51–100 dari 1.234 · Berikutnya ›" for lists that main pages; nothing when one page holds all. */
export function Pager({ offset, limit, total, onChange, label = 'Halaman' }: {
  offset: number;
  limit: number;
  total: number;
  onChange(offset: number): void;
  label?: string;
}) {
  if (total <= limit) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button button-small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>‹ Sebelumnya</button>
      <span className="muted">{formatNumberId(offset + 1)}–{formatNumberId(Math.min(total, offset + limit))} dari {formatNumberId(total)}</span>
      <button type="button" className="button button-small" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>Berikutnya ›</button>
    </nav>
  );
}
