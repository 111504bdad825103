// Beranda "Jatuh tempo": KP, KGB, pensiun and Satyalancana Karya Satya falling due in the next three months, each
// figure the count of the list it opens.

import { formatDateId, formatNumberId, formatYearMonthId } from '../../../../shared/format/id-format';
import { useApi } from '../../api/hooks';
import { href } from '../../app/router';
import { ErrorBanner, Loading } from '../../components/feedback';
import { Card } from '../../components/layout';

export function DueSoonPanel() {
  const due = useApi('careers:dueSoon', {}, ['development', 'employees', 'settings', 'performance', 'careers']);
  return (
    <Card title="Jatuh tempo 3 bulan ke depan">
      {due.error ? <ErrorBanner error={due.error} onRetry={due.reload} /> : !due.data ? <Loading /> : (
        <>
          <div className="stat-row" aria-label="Jatuh tempo 3 bulan ke depan">
            <a className="stat stat-link" href={href('/pengembangan?tab=mutasi')} data-testid="due-kp">
              <div className="stat-value">{formatNumberId(due.data.promotion.eligible)}</div>
              <div className="stat-label">memenuhi syarat kenaikan pangkat periode {formatDateId(due.data.promotion.period)}</div>
            </a>
            <a className="stat stat-link" href={href('/pengembangan?tab=kgb')} data-testid="due-kgb">
              <div className="stat-value">{formatNumberId(due.data.kgb.due + due.data.kgb.blocked)}</div>
              <div className="stat-label">KGB {formatYearMonthId(due.data.kgb.fromMonth)} s.d. {formatYearMonthId(due.data.kgb.toMonth)}</div>
            </a>
            <a className="stat stat-link" href={href('/laporan/usulan-pensiun')} data-testid="due-pensiun">
              <div className="stat-value">{formatNumberId(due.data.retirement)}</div>
              <div className="stat-label">mencapai TMT pensiun sampai {formatDateId(due.data.until)}</div>
            </a>
            <a className="stat stat-link" href={href('/pengembangan?tab=satyalancana')} data-testid="due-satyalancana">
              <div className="stat-value">{formatNumberId(due.data.satyalancana)}</div>
              <div className="stat-label">mencapai masa kerja Satyalancana Karya Satya sampai {formatDateId(due.data.until)}</div>
            </a>
          </div>
          <p className="muted">Per {formatDateId(due.data.today)}. Setiap angka membuka daftarnya.</p>
        </>
      )}
    </Card>
  );
}
