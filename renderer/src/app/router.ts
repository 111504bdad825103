import { useEffect, useRef, useState } from 'react';

// Hash routes (#/pegawai/12?tab=riwayat): they work the same under app:// in Electron and over the web host,
// and survive a reload.

export interface Route {
  path: string;
  segments: string[];
  query: URLSearchParams;
}

function currentRoute(): Route {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  return { path, segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(query) };
}

// Forms with unsaved changes register here, and every way of leaving a screen asks first: links and navigate()
// before the address changes (declining leaves history as it was), the browser's back and forward buttons when
// the address has already changed (declining puts the form's address back on top).
const leaveGuards = new Map<number, string>();
let nextGuardId = 1;
let confirmedUrl = typeof window === 'undefined' ? '' : window.location.href;

const LEAVE_QUESTION = 'Ada perubahan yang belum disimpan. Tinggalkan halaman ini dan buang perubahannya?';

/** Asks before leaving when a form has unsaved changes; true when leaving may go ahead. */
export function confirmLeave(): boolean {
  if (leaveGuards.size === 0) return true;
  const message = [...leaveGuards.values()][0];
  if (!window.confirm(message)) return false;
  leaveGuards.clear();
  return true;
}

const routeListeners = new Set<(route: Route) => void>();

function onLinkClick(event: MouseEvent): void {
  if (leaveGuards.size === 0 || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
  if (!link || link.getAttribute('target') === '_blank') return;
  if (link.getAttribute('href') === window.location.hash) return;
  if (!confirmLeave()) event.preventDefault();
}

function onHashChange(): void {
  if (window.location.href === confirmedUrl) return;
  if (!confirmLeave()) {
    // Back or forward was pressed: the form's address goes back on top, without a second hashchange.
    history.pushState(null, '', confirmedUrl);
    return;
  }
  confirmedUrl = window.location.href;
  const route = currentRoute();
  for (const listener of routeListeners) listener(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    if (routeListeners.size === 0) {
      confirmedUrl = window.location.href;
      window.addEventListener('hashchange', onHashChange);
      document.addEventListener('click', onLinkClick, true);
    }
    routeListeners.add(setRoute);
    return () => {
      routeListeners.delete(setRoute);
      if (routeListeners.size === 0) {
        window.removeEventListener('hashchange', onHashChange);
        document.removeEventListener('click', onLinkClick, true);
      }
    };
  }, []);
  return route;
}

/**
 * Keeps the officer from losing edits: while `dirty`, leaving the screen (any link, the back button, a quick
 * search) asks first, and so does closing or reloading the window.
 */
export function useLeaveGuard(dirty: boolean, message: string = LEAVE_QUESTION): void {
  const id = useRef(0);
  if (id.current === 0) id.current = nextGuardId++;
  useEffect(() => {
    if (!dirty) return;
    const key = id.current;
    leaveGuards.set(key, message);
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      leaveGuards.delete(key);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty, message]);
}

/** Goes to `path`, asking first when a form has unsaved changes (and staying when the officer declines). */
export function navigate(path: string): void {
  if (`#${path}` === window.location.hash) return;
  if (!confirmLeave()) return;
  window.location.hash = path;
  // Tell the screens now rather than at the asynchronous hashchange (which then finds nothing new): an input
  // whose value lives in the URL (a checkbox, a select) shows its new state within the same event.
  onHashChange();
}

/** Leaves a form on purpose after it was saved or discarded: no question asked. */
export function navigateAway(path: string): void {
  leaveGuards.clear();
  window.location.hash = path;
  onHashChange();
}

export function href(path: string): string {
  return `#${path}`;
}
