// The rows of issue 18 through the form's validation: each typed date lands on the instant meant, or the field says why not.
import { describe, expect, it } from 'vitest';
import { sampleValidationContext } from '../../test/support/validation-fixtures.js';
import { BLOCK } from '../ids.js';
import type { Draft } from './draft.js';
import { type ValidationContext, type ValidationResult, validateDraft } from './validate.js';

/** Wed 2 Dec 2026, 11:00 UTC: after 30 November, before 24 December. */
const NOW = new Date('2026-12-02T11:00:00Z');

function context(overrides: Partial<ValidationContext> = {}): ValidationContext {
  return sampleValidationContext(NOW, {
    followUpEmployee: { ok: true, employeeId: 'CAROL' },
    defaultChannelId: 64,
    ...overrides,
  });
}

const BASE: Draft = { accountNo: 'ACME01', kind: 'C', contactFirstName: 'Jane', contactSurname: 'Doe' };

function run(draft: Draft, overrides: Partial<ValidationContext>): ValidationResult {
  return validateDraft({ ...BASE, ...draft }, context(overrides));
}

describe('issue 18: what was sent to Caliq is what the user meant', () => {
  it('London, when "Nov 30 9:00" is 30 November 09:00, not today 09:00', () => {
    const result = run({ when: 'Nov 30 9:00' }, {});
    expect(result.ok && result.interaction.onDateTime).toBe('2026-11-30T09:00:00.000Z');
  });

  it('London, follow-up "Dec 24 10:00" is 24 December 10:00, not today 10:00', () => {
    const result = run({ when: 'yesterday 3pm', followUpWhen: 'Dec 24 10:00', followUpBy: 'U2' }, {});
    expect(result.ok && result.interaction.followUp?.at).toBe('2026-12-24T10:00:00.000Z');
  });

  it('Tokyo, follow-up "Dec 24 at 10:00" is 24 December 10:00 in Tokyo, not 1 December 2024', () => {
    const zones = { userTimeZone: 'Asia/Tokyo', followUpTimeZone: 'Asia/Tokyo' };
    const result = run({ when: 'yesterday 3pm', followUpWhen: 'Dec 24 at 10:00', followUpBy: 'U2' }, zones);
    expect(result.ok && result.interaction.followUp?.at).toBe('2026-12-24T01:00:00.000Z');
  });

  it('New York, when "yesterday 25:00" is refused in the When field, not sent as yesterday 12:00', () => {
    const result = run({ when: 'yesterday 25:00' }, { userTimeZone: 'America/New_York' });
    expect(result).toEqual({
      ok: false,
      errors: { [BLOCK.when]: "There's no 25:00: hours go up to 23 (for midnight write 00:00 and the next day)." },
    });
  });

  it('London, when "yesterday 3:75pm" is refused in the When field', () => {
    expect(run({ when: 'yesterday 3:75pm' }, {})).toEqual({
      ok: false,
      errors: { [BLOCK.when]: "There's no 3:75pm: minutes go up to 59." },
    });
  });

  it('a partly read follow-up names what was read and what was not, in its own field', () => {
    const result = run({ when: 'yesterday 3pm', followUpWhen: 'Dec 24 10:00 after lunch', followUpBy: 'U2' }, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[BLOCK.followUpWhen]).toMatch(
      /^I read "Dec 24 10:00" but not "after lunch", so I won't guess\. Try "yesterday 3pm", "25\/11 14:30"/,
    );
  });
});

describe('issue 18: the follow-up zone is named', () => {
  it("reads the follow-up in Carol's zone and says so when it is refused as past", () => {
    const overrides = { userTimeZone: 'America/New_York', followUpTimeZone: 'Asia/Tokyo', followUpName: 'Carol' };
    const result = run({ when: 'yesterday 3pm', followUpWhen: 'today', followUpBy: 'U2' }, overrides);
    // Wed 2 Dec 09:00 in Tokyo is Tue 1 Dec 19:00 in New York, before now.
    expect(!result.ok && result.errors[BLOCK.followUpWhen]).toBe(
      "That's in the past (Wed 2 Dec 2026, 09:00 in Carol's time (Tokyo) = Tue 1 Dec, 19:00 yours). A follow-up must be in the future.",
    );
  });

  it("a follow-up typed by Bob in New York for Carol in Tokyo is 10:00 Carol's time", () => {
    const overrides = { userTimeZone: 'America/New_York', followUpTimeZone: 'Asia/Tokyo', followUpName: 'Carol' };
    const result = run({ when: 'yesterday 3pm', followUpWhen: 'Wed 9 Dec 10:00', followUpBy: 'U2' }, overrides);
    expect(result.ok && result.interaction.followUp?.at).toBe('2026-12-09T01:00:00.000Z');
  });

  it('refuses "my time" in a follow-up read in Carol\'s zone, since it means Bob\'s', () => {
    const overrides = { userTimeZone: 'America/New_York', followUpTimeZone: 'Asia/Tokyo', followUpName: 'Carol' };
    const result = run({ when: 'yesterday 3pm', followUpWhen: 'Wed 9 Dec 10:00 my time', followUpBy: 'U2' }, overrides);
    expect(!result.ok && result.errors[BLOCK.followUpWhen]).toMatch(/^I read "Wed 9 Dec 10:00" but not "my time"/);
    const own = run({ when: 'yesterday 3pm', followUpWhen: 'Wed 9 Dec 10:00 my time', followUpBy: 'U2' }, {});
    expect(own.ok && own.interaction.followUp?.at).toBe('2026-12-09T10:00:00.000Z');
  });
});
