// Table: text that is only partly read, names another zone, names two dates or a range, or is no date at all.
import { describe } from 'vitest';
import { countCases, type Row, runTable } from '../../test/support/when-table.js';

/** "Now" is Wed 25 Nov 2026 11:00 in the reading zone. */
const LEFTOVERS: readonly Row[] = [
  // Read whole or refused, naming what was read and what was not.
  { text: 'Dec 24 10:00 after lunch', bias: 'future', expect: '!leftover I read "Dec 24 10:00" but not "after lunch"' },
  { text: 'yesterday at the office', bias: 'past', expect: '!leftover I read "yesterday" but not "at the office"' },
  { text: 'tomorrow 9', bias: 'future', expect: '!leftover I read "tomorrow" but not "9"' },
  { text: 'Friday 12th', bias: 'past', expect: '!leftover I read "Friday" but not "12th"' },
  { text: '10:00 on the 24th', bias: 'future', expect: '!leftover I read "10:00" but not "on the 24th"' },
  { text: 'the 24th', bias: 'future', expect: '!unread I couldn\'t read "the 24th"' },
  { text: 'yesterday 3pm with Jane', bias: 'past', expect: '!leftover but not "with Jane"' },
  { text: 'called yesterday', bias: 'past', expect: '!leftover I read "yesterday" but not "called"' },
  { text: 'yesterday 3pm ACME01', bias: 'past', expect: '!leftover but not "ACME01"' },
  { text: 'half past 3', bias: 'past', expect: '!unread' },
  { text: 'tues', bias: 'future', expect: '!unread' },
  { text: 'Monday 10:00 sharp', bias: 'future', expect: '!leftover but not "sharp"' },
  { text: 'Monday + 10:00', bias: 'future', expect: '!ambiguous I read "Monday" and "10:00"' },
  // Little words, punctuation and the zone hints the bot writes may be left over.
  { text: 'yesterday, 3pm.', bias: 'past', expect: '2026-11-24 15:00' },
  { text: 'on Monday at 10:00', bias: 'future', expect: '2026-11-30 10:00' },
  { text: 'at around 3pm', bias: 'past', expect: '2026-11-24 15:00' },
  { text: 'by Friday', bias: 'future', expect: '2026-11-27 09:00 ~09:00' },
  { text: '(yesterday 3pm)', bias: 'past', expect: '2026-11-24 15:00' },
  { text: 'yesterday 3pm (your time)', bias: 'past', expect: '2026-11-24 15:00' },
  { text: '3pm your time', bias: 'past', expect: '2026-11-24 15:00' },
  { text: '3pm my time', bias: 'past', expect: '2026-11-24 15:00' },
  { text: '3pm local time', bias: 'past', expect: '2026-11-24 15:00' },
  // Someone's time is a hint only with the city of the zone it is read in, as the bot writes it.
  { text: "10:00 Bob's time", bias: 'past', expect: '!leftover I read "10:00" but not "Bob\'s time"' },
  {
    text: "10:00 in Carol's time (London)",
    bias: 'past',
    expect: { London: '2026-11-25 10:00', other: '!leftover "in Carol\'s time (London)"' },
  },
  // A zone's own name is a hint; another zone's name is not silently ignored.
  { text: '10:00 London time', bias: 'past', expect: { London: '2026-11-25 10:00', other: '!leftover "London time"' } },
  {
    text: '10:00 Tokyo time',
    bias: 'future',
    expect: { Tokyo: '2026-11-26 10:00', other: '!leftover I read "10:00" but not "Tokyo time"' },
  },
  { text: '10:00 New York time', bias: 'past', expect: { NewYork: '2026-11-25 10:00', other: '!leftover' } },
  { text: '9am Europe/London', bias: 'future', expect: { London: '2026-11-26 09:00', other: '!leftover' } },
  // Offsets and abbreviations chrono knows name their own instant, whatever the reader's zone.
  { text: '10am EST', bias: 'past', expect: '2026-11-25T15:00Z' },
  { text: '10:00 JST', bias: 'past', expect: '2026-11-25T01:00Z' },
  { text: '3pm GMT', bias: 'past', expect: '2026-11-25T15:00Z' },
  // Two dates, or a range: which one is meant is not guessed.
  { text: 'Monday or Tuesday', bias: 'future', expect: '!ambiguous I read "Monday" and "Tuesday" as different dates' },
  { text: 'Mon 3pm or Tue 3pm', bias: 'future', expect: '!ambiguous' },
  { text: '10-11am', bias: 'future', expect: '!ambiguous "10-11am" is a range' },
  { text: '3pm to 4pm', bias: 'past', expect: '!ambiguous is a range' },
  { text: '24-26 Dec', bias: 'future', expect: '!ambiguous is a range' },
  // Not dates at all.
  { text: 'blah', bias: 'past', expect: '!unread I couldn\'t read "blah" as a date' },
  { text: 'soonish', bias: 'future', expect: '!unread' },
  { text: 'ASAP', bias: 'future', expect: '!unread' },
  { text: '42', bias: 'past', expect: '!unread' },
  { text: '10:5', bias: 'past', expect: '!impossible write two ("10:05" or "10:50")' },
];

describe(`parseWhen table: leftovers, other zones, several dates, nonsense (${countCases(LEFTOVERS)} phrase × zone cases)`, () => {
  runTable(LEFTOVERS);
});
