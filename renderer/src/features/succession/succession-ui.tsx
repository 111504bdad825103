import { CHECK_STATUS_LABELS, riskLabel, type CheckStatus, type RiskLevel } from '../../../../shared/domain/succession';
import './suksesi.css';

export const RISK_COLORS: Record<RiskLevel, string> = { tinggi: '#c0392b', sedang: '#d99a1e', rendah: '#3f8f5b' };

export function RiskBadge({ level, title }: { level: RiskLevel; title?: string }) {
  return <span className={`risk risk-${level}`} title={title}>{riskLabel(level)}</span>;
}

const CHECK_SYMBOL: Record<CheckStatus, string> = { ok: '✓', warn: '!', fail: '✗', unknown: '?' };

export function CheckMark({ status }: { status: CheckStatus }) {
  return <span className={`check check-${status}`} title={CHECK_STATUS_LABELS[status]} aria-label={CHECK_STATUS_LABELS[status]}>{CHECK_SYMBOL[status]}</span>;
}

/** Counts of checklist statuses, e.g. "✓ 8  ! 1  ? 2". */
export function ChecklistSummary({ checklist }: { checklist: Array<{ status: CheckStatus }> }) {
  const counts = (['ok', 'warn', 'fail', 'unknown'] as const).map((s) => [s, checklist.filter((i) => i.status === s).length] as const).filter(([, n]) => n > 0);
  return <span className="nowrap">{counts.map(([s, n]) => <span key={s} style={{ marginRight: 8 }}><CheckMark status={s} /> {n}</span>)}</span>;
}
