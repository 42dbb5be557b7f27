// The context the draft's validation runs in, for its tests (not used by the bot itself).
import type { ValidationContext } from '../../src/interactions/validate.js';

/** What the form's validation knows of a submitter JSMITH in London, at `now`; lists unknown, nobody to follow up. */
export function sampleValidationContext(now: Date, overrides: Partial<ValidationContext> = {}): ValidationContext {
  return {
    uniqueId: '0b6c5a7e-3f7e-4a55-9d7a-2a5b7e0c1d2f',
    now,
    userTimeZone: 'Europe/London',
    followUpTimeZone: 'Europe/London',
    contactedBy: 'JSMITH',
    followUpEmployee: undefined,
    knownAccountNos: undefined,
    channels: undefined,
    ...overrides,
  };
}
