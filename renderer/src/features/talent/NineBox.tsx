// The one drawing of the 9-box, on screen (Manajemen Talenta) and on paper (the Manajemen Talenta report and the
// berita acara of a Komite Talenta session): PermenPANRB 3/2020 puts kinerja on the vertical axis (di atas
// ekspektasi on top) and potensial on the horizontal one (rendah on the left), so box 9 sits in the top right
// corner and box 1 in the bottom left in the PermenPANRB numbering. Callers draw what goes inside a box.

import type { ReactNode } from 'react';
import { KINERJA_AXIS, POTENSI_AXIS, type KinerjaAxis, type PotensiAxis } from '../../../../shared/domain/talent';
import './ninebox.css';

/** Top to bottom. */
export const NINEBOX_ROWS: readonly KinerjaAxis[] = ['di_atas', 'sesuai', 'di_bawah'];
/** Left to right. */
export const NINEBOX_COLUMNS: readonly PotensiAxis[] = ['rendah', 'menengah', 'tinggi'];

export interface NineBoxCell {
  box: number;
  kinerja: string;
  potensi: string;
  inPool: boolean;
}

export function NineBox<B extends NineBoxCell>({ boxes, label, variant, children }: {
  boxes: readonly B[];
  /** The grid's accessible name. */
  label: string;
  /** 'screen' sizes for the page; 'print' in millimetres for A4. */
  variant: 'screen' | 'print';
  /** The content of one box. */
  children(box: B): ReactNode;
}) {
  const at = (kinerja: KinerjaAxis, potensi: PotensiAxis) => boxes.find((b) => b.kinerja === kinerja && b.potensi === potensi);
  const labelOf = (axis: ReadonlyArray<{ code: string; label: string }>, code: string) => axis.find((a) => a.code === code)!.label;
  return (
    <div className={`ninebox-frame ninebox-${variant}`}>
      <div className="ninebox-axis-title ninebox-axis-y" aria-hidden>Kinerja</div>
      <div>
        <div className="ninebox" role="grid" aria-label={label}>
          {NINEBOX_ROWS.map((kinerja) => (
            <div key={kinerja} role="row" className="ninebox-row">
              <div role="rowheader" className="ninebox-row-label">{labelOf(KINERJA_AXIS, kinerja)}</div>
              {NINEBOX_COLUMNS.map((potensi) => {
                const box = at(kinerja, potensi);
                if (!box) return <div key={potensi} role="gridcell" className="ninebox-cell" />;
                return (
                  <div key={potensi} role="gridcell" className={`ninebox-cell box-${box.box}${box.inPool ? ' in-pool' : ''}`} data-testid={`box-${box.box}`} data-box={box.box}>
                    {children(box)}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div className="ninebox-row ninebox-column-labels" aria-hidden>
          <div />
          {NINEBOX_COLUMNS.map((potensi) => <div key={potensi}>{labelOf(POTENSI_AXIS, potensi)}</div>)}
        </div>
        <div className="ninebox-axis-title ninebox-axis-x" aria-hidden>Potensial</div>
      </div>
    </div>
  );
}
