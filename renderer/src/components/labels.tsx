import { formatNip } from '../../../shared/domain/nip';
import { golonganByCode } from '../../../shared/domain/golongan';
import { employeeStatusLabel } from '../../../shared/domain/employee-status';

/** NIP grouped as printed on SK: 19850312 201001 1 004. */
export function Nip({ value }: { value: string }) {
  return <span className="nip">{formatNip(value)}</span>;
}

export function GolonganBadge({ code }: { code: number | null }) {
  const g = golonganByCode(code);
  if (!g) return <span className="muted">—</span>;
  return <span className="golongan" title={g.pangkat ?? `PPPK golongan ${g.label}`}>{g.label}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-status-${status}`}>{employeeStatusLabel(status)}</span>;
}
