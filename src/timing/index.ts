// Waiting well: one backoff with jitter, and one poll loop that sleeps until the next due item.
export { type BackoffPolicy, backoffDelay } from './backoff.js';
export { type Deadline, startDeadline, withDeadline } from './deadline.js';
export { createPollLoop } from './poll-loop.js';
