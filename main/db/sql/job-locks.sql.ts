// The exclusive jobs of team mode on PostgreSQL: a session-level advisory lock per job name (released by the
// server when the holding connection ends, so a desk that crashes never leaves a job locked) and the job_lock row
// that names its holder for the desk that has to wait.

import { rowsOf, type Run } from './run';

export const jobLocksSql = {
  /** True when this connection now holds the advisory lock of `name` (the key is the name's hash). */
  async tryLock(run: Run, name: string): Promise<boolean> {
    const [row] = await rowsOf<{ locked: boolean }>(run, `SELECT pg_try_advisory_lock(hashtext(?)) AS locked`, [name]);
    return row?.locked === true;
  },

  async unlock(run: Run, name: string): Promise<void> {
    await run(`SELECT pg_advisory_unlock(hashtext(?))`, [name]);
  },

  async recordHolder(run: Run, name: string, holder: string, since: string): Promise<void> {
    await run(`INSERT INTO job_lock (name, holder, since) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, since = excluded.since`, [name, holder, since]);
  },

  async holderOf(run: Run, name: string): Promise<{ holder: string; since: string } | undefined> {
    const [row] = await rowsOf<{ holder: string; since: string }>(run, `SELECT holder, since FROM job_lock WHERE name = ?`, [name]);
    return row;
  },
};
