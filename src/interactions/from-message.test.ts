// Checks the draft prefilled from a Slack message: notes with permalink, a time that reads back, an obvious kind.
import { describe, expect, it } from 'vitest';
import { parseWhen } from '../dates/parse-when.js';
import { buildNotes, draftFromMessage, formatWhenPhrase, guessKind } from './from-message.js';

const PERMALINK = 'https://acme.slack.com/archives/C1/p1795618440000200';
/** 2026-11-25T15:04:17.0002Z */
const TS = '1795619057.000200';

describe('draftFromMessage', () => {
  it('writes the message time as an absolute phrase in the zone', () => {
    expect(draftFromMessage({ text: 'hi', ts: TS }, { timeZone: 'Europe/London' }).when).toBe('25 Nov 2026 15:04');
    expect(draftFromMessage({ text: 'hi', ts: TS }, { timeZone: 'America/New_York' }).when).toBe('25 Nov 2026 10:04');
  });

  it('makes the notes readable and adds the permalink', () => {
    const draft = draftFromMessage(
      { text: 'Quote for <@U1|jane> &amp; team', ts: TS, permalink: PERMALINK },
      { timeZone: 'Europe/London' },
    );
    expect(draft.notes).toBe(`Quote for @jane & team\n\n${PERMALINK}`);
    expect(draft.kind).toBeUndefined();
  });

  it('guesses the kind from the text', () => {
    expect(draftFromMessage({ text: 'Phoned Bob about the order', ts: TS }, { timeZone: 'UTC' }).kind).toBe('C');
  });

  it('leaves out when for an unreadable ts and notes for empty text', () => {
    expect(draftFromMessage({ text: '  ', ts: 'nonsense' }, { timeZone: 'UTC' })).toEqual({});
  });
});

describe('formatWhenPhrase round trip', () => {
  const zones = ['Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Sydney'];
  // One instant in every month (the 3rd, so day/month order matters), plus DST-change days.
  const instants = [
    ...Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2026, month, 3, 14, 37, 12))),
    new Date('2026-03-29T01:15:00Z'),
    new Date('2026-10-25T00:59:00Z'),
    new Date('2026-03-08T07:30:00Z'),
    new Date('2026-10-25T01:30:00Z'),
    new Date('2026-11-01T05:30:00Z'),
    new Date('2026-11-01T06:30:00Z'),
  ];
  const now = new Date('2027-02-01T00:00:00Z');

  for (const timeZone of zones) {
    it(`reads back to the same minute in ${timeZone}`, () => {
      for (const at of instants) {
        const phrase = formatWhenPhrase(at, timeZone);
        const parsed = parseWhen(phrase, { timeZone, now, bias: 'past' });
        const expected = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
        expect(parsed.ok && parsed.at.toISOString(), `${phrase} (${timeZone})`).toBe(expected.toISOString());
        expect(parsed.ok && parsed.matchedText).toBe(phrase);
      }
    });
  }

  it('adds the offset to both occurrences of the hour repeated when clocks go back, and only there', () => {
    expect(formatWhenPhrase(new Date('2026-10-25T00:59:00Z'), 'Europe/London')).toBe('25 Oct 2026 01:59 UTC+01:00');
    expect(formatWhenPhrase(new Date('2026-10-25T01:59:00Z'), 'Europe/London')).toBe('25 Oct 2026 01:59 UTC+00:00');
    expect(formatWhenPhrase(new Date('2026-10-25T02:00:00Z'), 'Europe/London')).toBe('25 Oct 2026 02:00');
    expect(formatWhenPhrase(new Date('2026-10-24T23:59:00Z'), 'Europe/London')).toBe('25 Oct 2026 00:59');
    expect(formatWhenPhrase(new Date('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('1 Nov 2026 01:30 UTC-04:00');
  });

  it('uses a fixed English month abbreviation', () => {
    expect(formatWhenPhrase(new Date('2026-09-05T10:00:00Z'), 'UTC')).toBe('5 Sep 2026 10:00');
  });
});

describe('buildNotes', () => {
  it('keeps short text whole', () => {
    expect(buildNotes(' hello ', PERMALINK)).toBe(`hello\n\n${PERMALINK}`);
    expect(buildNotes('hello', undefined)).toBe('hello');
  });

  it('cuts long text to 3000 characters in all, keeping the permalink and marking the cut', () => {
    const notes = buildNotes('x'.repeat(5000), PERMALINK);
    expect(notes).toHaveLength(3000);
    expect(notes.endsWith(`x…\n\n${PERMALINK}`)).toBe(true);
  });

  it('cuts long text without a permalink to 3000', () => {
    const notes = buildNotes('y'.repeat(3001), undefined);
    expect(notes).toHaveLength(3000);
    expect(notes.endsWith('y…')).toBe(true);
  });

  it('never leaves half an emoji at the cut', () => {
    const notes = buildNotes('😀'.repeat(2000), undefined);
    expect(notes.endsWith('😀…')).toBe(true);
    expect(notes.length).toBeLessThanOrEqual(3000);
  });

  it('keeps text of exactly the limit whole', () => {
    const text = 'z'.repeat(3000 - PERMALINK.length - 2);
    expect(buildNotes(text, PERMALINK)).toBe(`${text}\n\n${PERMALINK}`);
  });
});

describe('guessKind', () => {
  it.each([
    ['From: Bob <bob@acme.com>\nTo: me\nSubject: Order\n\nHi', 'E'],
    ['From: Bob\nSubject: Order', 'E'],
    ['Thanks!\n-----Original Message-----\nblah', 'E'],
    ['See you then\n\nSent from my iPhone', 'E'],
    ['From: Bob, call me later\nSubject: call', 'E'],
    ['Can you call Bob back?', 'C'],
    ['Phoned the buyer', 'C'],
    ['Spoke to Jane Smith on the phone about prices', 'C'],
    ['Visited the warehouse', 'V'],
    ['Site visit went well', 'V'],
    ['Visited them and called afterwards', undefined],
    ['From: the team, thanks', undefined],
    ['Recall the order', undefined],
    ['Spoke to Jane about prices', undefined],
  ])('%j → %s', (text, kind) => {
    expect(guessKind(text)).toBe(kind);
  });
});
