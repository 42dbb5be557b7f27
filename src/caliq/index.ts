// The Caliq client's public surface: the rest of the bot imports from here.
export { type CaliqClientOptions, createCaliqClient } from './client.js';
export { parseEmployees } from './employees.js';
export {
  CaliqBadRequestError,
  CaliqError,
  CaliqInputError,
  type CaliqInputProblem,
  CaliqResponseShapeError,
  CaliqUnauthorizedError,
  CaliqUnavailableError,
} from './errors.js';
export { buildInteractionBody, type InteractionBodyOptions } from './interaction-body.js';
export { createReferenceCache, type ReferenceCache, type ReferenceCacheOptions } from './reference-cache.js';
export { type CaliqReferenceData, createCaliqReferenceData } from './reference-data.js';
export type { AttemptObserver, AttemptOutcome } from './transport.js';
export * from './types.js';
export {
  CALIQ_LIMITS,
  type CaliqChannel,
  type CaliqClient,
  type CaliqIssue,
  type InteractionInput,
  type InteractionKind,
  type InteractionOutcome,
} from './types.js';
