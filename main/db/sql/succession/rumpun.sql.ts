// Rumpun jabatan of positions: Jenjang's proposals kept up to date on write (the refresher registered in
// main/db/derived.ts), the office's own setting, and what the settings screen offers (the rumpun in use, and the
// fields where the holders of each JF family work).

import { isFalse, isTrue } from '../dialect';
import { proposeRumpun } from '../../../../shared/domain/succession/rumpun';
import { chunks, marks, rowsOf, type Run } from '../run';

const PROPOSAL_INPUT = `SELECT p.id, p.kind, p.family, r.name AS opd_name, p.rumpun FROM position p
  LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN unit r ON r.id = u.root_id`;

type ProposalInput = { id: number; kind: string; family: string | null; opd_name: string | null; rumpun: string | null };

async function applyProposals(run: Run, rows: readonly ProposalInput[]): Promise<void> {
  for (const p of rows) {
    const proposal = proposeRumpun({ kind: p.kind, family: p.family, opdName: p.opd_name });
    if (proposal !== p.rumpun) await run('UPDATE position SET rumpun = ? WHERE id = ?', [proposal, p.id]);
  }
}

/** Brings Jenjang's proposal up to date for the positions these employees hold, and for any position without a
 *  rumpun yet (or for every position), leaving the ones the office set alone. */
export async function refreshRumpunProposals(run: Run, employeeIds: readonly number[] | 'all'): Promise<void> {
  if (employeeIds === 'all') {
    await applyProposals(run, await rowsOf<ProposalInput>(run, `${PROPOSAL_INPUT} WHERE ${isFalse(run, 'p.rumpun_set_by_office')}`));
    return;
  }
  await applyProposals(run, await rowsOf<ProposalInput>(run, `${PROPOSAL_INPUT} WHERE ${isFalse(run, 'p.rumpun_set_by_office')} AND p.rumpun IS NULL`));
  for (const chunk of chunks(employeeIds)) {
    await applyProposals(run, await rowsOf<ProposalInput>(run,
      `${PROPOSAL_INPUT} WHERE ${isFalse(run, 'p.rumpun_set_by_office')} AND p.id IN (SELECT e.position_id FROM employee e WHERE e.id IN (${marks(chunk)}))`, [...chunk]));
  }
}

export const rumpunSql = {
  /** What Jenjang would propose for this position. */
  async proposalFor(run: Run, positionId: number): Promise<string | null> {
    const [p] = await rowsOf<ProposalInput>(run, `${PROPOSAL_INPUT} WHERE p.id = ?`, [positionId]);
    return p ? proposeRumpun({ kind: p.kind, family: p.family, opdName: p.opd_name }) : null;
  },

  async setRumpun(run: Run, positionId: number, rumpun: string | null, setByOffice: boolean): Promise<void> {
    await run('UPDATE position SET rumpun = ?, rumpun_set_by_office = ? WHERE id = ?', [rumpun, setByOffice ? 1 : 0, positionId]);
  },

  /** Every rumpun of an active position, with how many positions carry it. */
  inUse: (run: Run) => rowsOf<{ name: string; positions: number }>(run,
    `SELECT rumpun AS name, COUNT(*) AS positions FROM position WHERE ${isTrue(run, 'active')} AND rumpun IS NOT NULL GROUP BY rumpun ORDER BY rumpun COLLATE NOCASE`),

  /** Active holders of each JF family per perangkat daerah they work in. */
  familyHolders: (run: Run) => rowsOf<{ family: string; opd_name: string; holders: number }>(run,
    `SELECT p.family, r.name AS opd_name, COUNT(*) AS holders FROM employee e
     JOIN position p ON p.id = e.position_id JOIN unit u ON u.id = e.unit_id JOIN unit r ON r.id = u.root_id
     WHERE e.status = 'active' AND p.kind = 'fungsional' AND p.family IS NOT NULL
     GROUP BY p.family, r.name`),
};
