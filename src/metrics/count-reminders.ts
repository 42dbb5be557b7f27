// Counts reminder changes (sent, late, snoozed, done) by wrapping the ReminderStore, so no listener needs to know.
import type { ReminderStore } from '../store/index.js';
import type { Metrics } from './create-metrics.js';

/** Calls `see` with the result, whether the store answers now or (an async store) later; returns the same result. */
function tap<T>(result: T, see: (value: Awaited<T>) => void): T {
  if (result instanceof Promise) {
    return result.then((value) => {
      see(value);
      return value;
    }) as T;
  }
  see(result as Awaited<T>);
  return result;
}

/** The same store, counting each reminder sent (and late), snoozed or marked done. Stale button presses don't count. */
export function countReminders(store: ReminderStore, metrics: Pick<Metrics, 'reminder'>): ReminderStore {
  return {
    ...store,
    markSent(id, sent, now) {
      return tap(store.markSent(id, sent, now), () => {
        metrics.reminder('sent');
        if (sent.late) metrics.reminder('late');
      });
    },
    snooze(id, until, expectedVersion, now) {
      return tap(store.snooze(id, until, expectedVersion, now), (reminder) => {
        if (reminder) metrics.reminder('snoozed');
      });
    },
    markDone(id, bySlackUserId, expectedVersion, now) {
      return tap(store.markDone(id, bySlackUserId, expectedVersion, now), (reminder) => {
        if (reminder) metrics.reminder('done');
      });
    },
  };
}
