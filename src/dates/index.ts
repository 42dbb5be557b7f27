// Dates as people type them, read in the user's zone, and instants written back for people and for Caliq.

export { findDatePhrase } from './find-phrase.js';
export { formatForCaliq, formatForTwoZones, formatInZone, formatShortDay, formatWhenPhrase } from './format.js';
export { PAST_TOLERANCE_MS, type ParsedWhen, parseWhen } from './parse-when.js';
