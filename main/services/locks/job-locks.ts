// Exclusive jobs: an import (preview → commit, and its undo) and the fixing of a talent session run alone. A second
// one, from another client of the web host or another desk of the office, is refused at once with who runs the
// first and since when, instead of waiting silently or interleaving. On one desk (SQLite) the lock lives in main's
// memory; in team mode (PostgreSQL) it is a session-level advisory lock of the server (`PostgresJobLocks`).
//
// A lock is taken by an owner (the actor label of the account acting) and is re-entrant for that owner: the preview
// of an import takes it, the commit takes it again and releases it at the end. A lock taken with a lease (the
// preview: a person reads the preview before committing) lapses when its owner does nothing with it for that long,
// so an abandoned preview never blocks the office for good.

import type { DataSource, QueryRunner } from 'typeorm';
import { AppError } from '../../../shared/errors';
import { MONTHS_ID } from '../../../shared/format/id-format';
import { jobLocksSql } from '../../db/sql/job-locks.sql';
import { postgresRun, type Run } from '../../db/sql/run';
import type { Clock } from '../clock';
import { personOfActor } from '../versions/edit-version';

export type JobName = 'impor' | 'penetapan-sidang-talenta';

const JOB_TITLES: Record<JobName, string> = {
  impor: 'Impor',
  'penetapan-sidang-talenta': 'Penetapan sidang talenta',
};

/** How long a preview keeps the import for its owner without any further step. */
export const IMPORT_PREVIEW_LEASE_MS = 20 * 60_000;

export interface JobHolder {
  /** Actor label of the holder ("Sri Wahyuni (sri)"). */
  holder: string;
  since: string;
}

export interface JobLocks {
  /** Takes (or, for its owner, keeps) the lock of `job`; refuses with `busy` when another owner holds it. `leaseMs`:
   *  the lock lapses after that long without another acquire; without it the lock holds until `release`. */
  acquire(job: JobName, owner: string, options?: { leaseMs?: number }): Promise<void>;
  /** Releases the lock when `owner` holds it; nothing otherwise. */
  release(job: JobName, owner: string): Promise<void>;
  /** Releases the lock only when `owner` holds it by a lease (a preview left open), never while it runs a job:
   *  true when it was released. */
  releaseLease(job: JobName, owner: string): Promise<boolean>;
  /** Who holds the lock now, if anyone. */
  holder(job: JobName): Promise<JobHolder | null>;
}

/** Runs `work` holding the lock of `job` for its whole run; releases it however the work ends. */
export async function withJobLock<T>(locks: JobLocks, job: JobName, owner: string, work: () => Promise<T>): Promise<T> {
  await locks.acquire(job, owner);
  try {
    return await work();
  } finally {
    await locks.release(job, owner);
  }
}

/** "20.15" for a moment of today, "5 Desember 2026 pukul 20.15" for an earlier day (local time of main). */
export function sinceText(isoTimestamp: string, nowIso: string): string {
  const since = new Date(isoTimestamp);
  const now = new Date(nowIso);
  if (Number.isNaN(since.getTime())) return isoTimestamp;
  const time = `${String(since.getHours()).padStart(2, '0')}.${String(since.getMinutes()).padStart(2, '0')}`;
  const sameDay = since.getFullYear() === now.getFullYear() && since.getMonth() === now.getMonth() && since.getDate() === now.getDate();
  return sameDay ? time : `${since.getDate()} ${MONTHS_ID[since.getMonth()]} ${since.getFullYear()} pukul ${time}`;
}

/** "Impor sedang dijalankan oleh Sri Wahyuni sejak 20.15; tunggu sampai selesai." */
export function jobBusyError(job: JobName, held: JobHolder, nowIso: string): AppError {
  const person = personOfActor(held.holder);
  return new AppError('busy', `${JOB_TITLES[job]} sedang dijalankan oleh ${person} sejak ${sinceText(held.since, nowIso)}; tunggu sampai selesai.`, {
    job, heldBy: person, heldByLabel: held.holder, heldSince: held.since,
  });
}

interface Held extends JobHolder {
  /** Real time (ms) after which the lock lapses; null: held until released. */
  lapsesAt: number | null;
}

/** One desk: the lock in main's memory (every client of this process goes through the same host). */
export class InProcessJobLocks implements JobLocks {
  private readonly held = new Map<JobName, Held>();

  constructor(private readonly clock: Clock, private readonly realNow: () => number = Date.now) {}

  async acquire(job: JobName, owner: string, options: { leaseMs?: number } = {}): Promise<void> {
    const current = this.current(job);
    if (current && current.holder !== owner) throw jobBusyError(job, current, this.clock.now());
    this.held.set(job, {
      holder: owner,
      since: current?.since ?? this.clock.now(),
      // A lock held for a run stays so until released, even when a lease is renewed meanwhile.
      lapsesAt: options.leaseMs === undefined ? null : current && current.lapsesAt === null ? null : this.realNow() + options.leaseMs,
    });
  }

  async release(job: JobName, owner: string): Promise<void> {
    if (this.held.get(job)?.holder === owner) this.held.delete(job);
  }

  async releaseLease(job: JobName, owner: string): Promise<boolean> {
    const current = this.current(job);
    if (!current || current.holder !== owner || current.lapsesAt === null) return false;
    this.held.delete(job);
    return true;
  }

  async holder(job: JobName): Promise<JobHolder | null> {
    const current = this.current(job);
    return current ? { holder: current.holder, since: current.since } : null;
  }

  private current(job: JobName): Held | undefined {
    const held = this.held.get(job);
    if (held && held.lapsesAt !== null && held.lapsesAt <= this.realNow()) {
      this.held.delete(job);
      return undefined;
    }
    return held;
  }
}

/**
 * Team mode: a session-level advisory lock (`pg_try_advisory_lock`) on a connection pinned for as long as the lock
 * is held, and the job_lock row naming the holder. The server drops the lock when that connection ends (a desk that
 * crashes or loses the network), so no row can keep a job locked: the row only names whoever holds the lock now.
 */
export class PostgresJobLocks implements JobLocks {
  private readonly pinned = new Map<JobName, { runner: QueryRunner; owner: string; since: string; lapse: NodeJS.Timeout | null }>();

  constructor(private readonly dataSource: DataSource, private readonly clock: Clock) {}

  async acquire(job: JobName, owner: string, options: { leaseMs?: number } = {}): Promise<void> {
    const mine = this.pinned.get(job);
    if (mine && mine.owner === owner) {
      // Held for a run (no lapse) stays so; a lease is renewed; a run taken over a lease holds until released.
      if (mine.lapse !== null) this.setLapse(job, options.leaseMs);
      return;
    }
    if (mine) throw jobBusyError(job, { holder: mine.owner, since: mine.since }, this.clock.now());
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const run = runOn(runner);
    let locked = false;
    try {
      locked = await jobLocksSql.tryLock(run, job);
      if (!locked) {
        const held = await jobLocksSql.holderOf(run, job);
        throw jobBusyError(job, held ?? { holder: 'pengguna lain', since: this.clock.now() }, this.clock.now());
      }
      const since = this.clock.now();
      await jobLocksSql.recordHolder(run, job, owner, since);
      this.pinned.set(job, { runner, owner, since, lapse: null });
      this.setLapse(job, options.leaseMs);
    } catch (error) {
      if (!this.pinned.has(job)) {
        if (locked) await jobLocksSql.unlock(run, job);
        await runner.release();
      }
      throw error;
    }
  }

  async release(job: JobName, owner: string): Promise<void> {
    const mine = this.pinned.get(job);
    if (!mine || mine.owner !== owner) return;
    this.pinned.delete(job);
    if (mine.lapse) clearTimeout(mine.lapse);
    try {
      await jobLocksSql.unlock(runOn(mine.runner), job);
    } finally {
      await mine.runner.release();
    }
  }

  async releaseLease(job: JobName, owner: string): Promise<boolean> {
    const mine = this.pinned.get(job);
    if (!mine || mine.owner !== owner || mine.lapse === null) return false;
    await this.release(job, owner);
    return true;
  }

  async holder(job: JobName): Promise<JobHolder | null> {
    const mine = this.pinned.get(job);
    if (mine) return { holder: mine.owner, since: mine.since };
    // Probing takes the lock when nobody holds it; it is given straight back on the same connection.
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const run = runOn(runner);
      if (await jobLocksSql.tryLock(run, job)) {
        await jobLocksSql.unlock(run, job);
        return null;
      }
      return (await jobLocksSql.holderOf(run, job)) ?? null;
    } finally {
      await runner.release();
    }
  }

  /** A lease lapses `leaseMs` after its last acquire; without one the lock holds until released. */
  private setLapse(job: JobName, leaseMs: number | undefined): void {
    const mine = this.pinned.get(job);
    if (!mine) return;
    if (mine.lapse) clearTimeout(mine.lapse);
    mine.lapse = leaseMs === undefined ? null : setTimeout(() => void this.release(job, mine.owner), leaseMs);
    mine.lapse?.unref();
  }
}

/** A Run on one pinned PostgreSQL connection. */
function runOn(runner: QueryRunner): Run {
  return postgresRun((sql, params) => runner.query(sql, params));
}
