// Dates as people type them, read in the user's zone, and instants written back for people and for Caliq.
export { formatForCaliq, formatInZone } from './format.js';
export { PAST_TOLERANCE_MS, parseWhen } from './parse-when.js';
