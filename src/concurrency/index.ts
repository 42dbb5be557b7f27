// Running several tasks at once: a fixed limit, and one that adapts to how fast the other side answers.
export { type AdaptiveLimit, createAdaptiveLimit } from './adaptive-limit.js';
export { createLimiter, forEachConcurrently } from './limiter.js';
export { createLoopBusy } from './loop-busy.js';
