// The error of a save. A stale edit (another desk saved the same record since this form read it: `conflict`) says
// who and when and offers "Muat ulang", which drops this form's edits and shows the record as it is now.

import type { ApiError } from '../api/client';
import { ErrorBanner } from './feedback';

export function SaveErrorBanner({ error, onReload }: { error: ApiError | Error | null; onReload: () => void }) {
  if (!error) return null;
  if (!('code' in error) || error.code !== 'conflict') return <ErrorBanner error={error} />;
  return (
    <div className="banner banner-error" role="alert">
      <span>{error.message}</span>
      <button type="button" className="button button-small" onClick={onReload}>Muat ulang</button>
    </div>
  );
}
