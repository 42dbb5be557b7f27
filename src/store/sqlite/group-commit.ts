// Runs the journal writes asked for during one turn of the event loop in one transaction: one commit, and one fsync,
// for all of them. Under load that is most of a write's cost (0.18 ms of blocked event loop per commit on the bench
// machine with synchronous=FULL); alone, a write waits only for the end of the current turn.
import type { Database } from './database.js';

/** Taken at load: tests that fake timers must not be able to stall the database's commits. */
const nextTurn = globalThis.setImmediate;

export type GroupCommit = {
  /** Runs `write` (synchronous statements) in the next group transaction; settles once that transaction committed. */
  run<T>(write: () => T): Promise<T>;
};

type Job = {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  result?: { ok: true; value: unknown } | { ok: false; error: unknown };
};

export function createGroupCommit(db: Database): GroupCommit {
  let queue: Job[] = [];

  const commitAll = db.transaction((jobs: Job[]) => {
    for (const job of jobs) {
      try {
        job.result = { ok: true, value: job.write() };
      } catch (error) {
        // A failed statement is undone alone and the others go on, unless SQLite abandoned the whole transaction
        // (a full disk, an I/O error): then nothing of this group is kept, and every caller hears so.
        if (!db.inTransaction) throw error;
        job.result = { ok: false, error };
      }
    }
  });

  function flush(): void {
    const jobs = queue;
    queue = [];
    try {
      // IMMEDIATE: the write lock is taken up front, so another process makes it wait (busy_timeout), not fail mid-way.
      commitAll.immediate(jobs);
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    for (const job of jobs) {
      if (job.result?.ok) job.resolve(job.result.value);
      else job.reject(job.result?.error);
    }
  }

  return {
    run<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
        if (queue.length === 1) nextTurn(flush);
      });
    },
  };
}
