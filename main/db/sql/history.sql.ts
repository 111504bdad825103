// The one writer of position and rank history. "Close the open position row, open a new one" is a rule of the
// record, not of who writes it: the add/edit form and the import commit both call these with their own Run.

import { addDays, type IsoDate } from '../../../shared/domain/dates';
import { rowsOf, type Prepared, type Run } from './run';

export interface HistorySource {
  /** 'manual' for the forms, 'import' for snapshots. */
  source: 'manual' | 'import';
  snapshotId: number | null;
  /** ISO timestamp of the write. */
  now: string;
}

export interface PositionMove extends HistorySource {
  employeeId: number;
  positionId: number;
  positionName: string;
  positionLevel: string | null;
  unitId: number | null;
  unitName: string | null;
  /** TMT of the new post. */
  tmt: IsoDate;
  /** An end date when the post is already over (e.g. a first snapshot of someone no longer active). */
  endDate?: IsoDate | null;
  skNumber?: string | null;
}

/** A position-history row that a move closed, with the end date it had (for an import's undo log). */
export interface ClosedHistoryRow {
  id: number;
  endDateBefore: string | null;
  endDateAfter: IsoDate;
}

const OPEN_ROWS_BEFORE = 'SELECT id, end_date FROM position_history WHERE employee_id = ? AND end_date IS NULL AND tmt < ?';
const CLOSE_ROW = 'UPDATE position_history SET end_date = ? WHERE id = ?';
const INSERT_POSITION = `INSERT INTO position_history (employee_id, position_id, position_name, position_level, unit_id, unit_name, tmt, end_date, sk_number, source, snapshot_id, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_RANK = `INSERT INTO rank_history (employee_id, golongan, tmt, kind, sk_number, mk_years, mk_months, source, snapshot_id, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Opens a position-history row for a new post and closes the rows still open before its TMT (they end the day
 * before). `closeOpen: false` only appends, for a person's first row. Returns the rows it closed.
 */
export async function recordPositionMove(run: Run, move: PositionMove, options: { closeOpen?: boolean } = {}): Promise<ClosedHistoryRow[]> {
  const closed: ClosedHistoryRow[] = [];
  if (options.closeOpen ?? true) {
    const endDate = addDays(move.tmt, -1);
    for (const open of await rowsOf<{ id: number; end_date: string | null }>(run, OPEN_ROWS_BEFORE, [move.employeeId, move.tmt])) {
      await run(CLOSE_ROW, [endDate, open.id]);
      closed.push({ id: open.id, endDateBefore: open.end_date, endDateAfter: endDate });
    }
  }
  await run(INSERT_POSITION, positionParams(move));
  return closed;
}

const positionParams = (move: PositionMove) => [
  move.employeeId, move.positionId, move.positionName, move.positionLevel, move.unitId, move.unitName, move.tmt,
  move.endDate ?? null, move.skNumber ?? null, move.source, move.snapshotId, move.now,
];

export interface RankStep extends HistorySource {
  employeeId: number;
  golongan: number;
  tmt: IsoDate;
  /** 'awal' for the first rank of a new record; null when unknown (snapshots carry no kind). */
  kind?: string | null;
  skNumber?: string | null;
  /** Masa kerja golongan at the TMT, where the source states it. */
  mkYears?: number | null;
  mkMonths?: number | null;
}

/** Appends a rank-history row (a new golongan with its TMT). */
export async function recordRankStep(run: Run, step: RankStep): Promise<void> {
  await run(INSERT_RANK, rankParams(step));
}

const rankParams = (step: RankStep) =>
  [step.employeeId, step.golongan, step.tmt, step.kind ?? null, step.skNumber ?? null, step.mkYears ?? null, step.mkMonths ?? null, step.source, step.snapshotId, step.now];

/**
 * The same rows for a bulk loop on prepared statements (an import's new employees, tens of thousands): a person's
 * first position row (recordPositionMove with closeOpen false, which closes nothing) and a rank step, written
 * synchronously, without a promise per row.
 */
export function firstHistoryWriters(tx: Prepared): { position(move: PositionMove): void; rank(step: RankStep): void } {
  const position = tx.statement(INSERT_POSITION);
  const rank = tx.statement(INSERT_RANK);
  return {
    position: (move) => { position.run(positionParams(move)); },
    rank: (step) => { rank.run(rankParams(step)); },
  };
}

/**
 * The same first rows for COPY on a server (an import's new employees): each table's columns and a row's values,
 * in the order of the INSERTs above.
 */
export const firstHistoryCopy = {
  position: {
    table: 'position_history',
    columns: ['employee_id', 'position_id', 'position_name', 'position_level', 'unit_id', 'unit_name', 'tmt', 'end_date', 'sk_number', 'source', 'snapshot_id', 'created_at'],
    values: (move: PositionMove): unknown[] => positionParams(move),
  },
  rank: {
    table: 'rank_history',
    columns: ['employee_id', 'golongan', 'tmt', 'kind', 'sk_number', 'mk_years', 'mk_months', 'source', 'snapshot_id', 'created_at'],
    values: (step: RankStep): unknown[] => rankParams(step),
  },
} as const;
