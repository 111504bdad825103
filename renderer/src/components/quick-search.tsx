import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { navigate } from '../app/router';
import { Combobox } from './combobox';
import { employeeOption, MIN_SEARCH_CHARS, useEmployeeSearch } from './employee-picker';
import { Dialog } from './feedback';

/** Ctrl+K (⌘K on a Mac) from any screen: find an employee by NIP or name and open the profile. */
export function QuickSearch() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button type="button" className="quick-search-button" onClick={() => setOpen(true)} aria-keyshortcuts="Control+K">
        <span aria-hidden>⌕</span> Cari pegawai <kbd>Ctrl+K</kbd>
      </button>
      {open && createPortal(<QuickSearchDialog onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}

function QuickSearchDialog({ onClose }: { onClose(): void }) {
  const [query, setQuery] = useState('');
  const { rows, loading, search } = useEmployeeSearch(query, { limit: 15 });
  return (
    <Dialog title="Cari pegawai" onClose={onClose}>
      <Combobox id="quick-search" ariaLabel="Cari pegawai (NIP atau nama)" autoFocus className="quick-search"
        placeholder="Ketik NIP atau nama, lalu Enter…" selectedLabel="" query={query} onQueryChange={(q) => setQuery(q)}
        options={rows.map(employeeOption)} loading={loading && search.length >= MIN_SEARCH_CHARS}
        hint={query.trim().length < MIN_SEARCH_CHARS ? `Ketik minimal ${MIN_SEARCH_CHARS} huruf atau angka.` : undefined}
        emptyText="Tidak ada pegawai yang cocok."
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
        onSelect={(row) => {
          onClose();
          navigate(`/pegawai/${row.id}`);
        }} />
      <p className="muted small">↑/↓ memilih, Enter membuka profil, Esc menutup.</p>
    </Dialog>
  );
}
