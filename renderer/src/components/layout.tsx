import type { ReactNode } from 'react';
import { EmptyState } from './feedback';

export function Card({ title, children }: { title: string; children: ReactNode }) {
  return <section className="card"><h2 className="card-title">{title}</h2>{children}</section>;
}

/** An honest placeholder for a capability that has not landed yet. */
export function ComingLater({ what }: { what: string }) {
  return <EmptyState title="Belum tersedia">{what}</EmptyState>;
}
