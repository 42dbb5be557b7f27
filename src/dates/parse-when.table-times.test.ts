// Table: issue 18's rows, times of day and their 12-hour edges, relative words; in London, New York, Tokyo and no zone.
import { describe } from 'vitest';
import { countCases, type Row, runTable } from '../../test/support/when-table.js';

/** Wed 2 Dec 2026 11:00 in each zone: after the 30 November and before the 24 December of the issue. */
const DEC_2 = '2026-12-02 11:00';

/** "Now" is Wed 25 Nov 2026 11:00 in the reading zone unless a row says otherwise. */
const TIMES: readonly Row[] = [
  // Issue 18, as reported: each was sent to Caliq as something else.
  { text: 'Nov 30 9:00', bias: 'past', now: DEC_2, expect: '2026-11-30 09:00' },
  { text: 'Dec 24 10:00', bias: 'future', now: DEC_2, expect: '2026-12-24 10:00' },
  { text: 'Dec 24 at 10:00', bias: 'future', now: DEC_2, expect: '2026-12-24 10:00' },
  { text: 'yesterday 25:00', bias: 'past', now: DEC_2, expect: "!impossible There's no 25:00" },
  { text: 'yesterday 3:75pm', bias: 'past', now: DEC_2, expect: "!impossible There's no 3:75pm" },
  // The same phrases with the other bias: a follow-up on a day gone this year is next year's; a past day and month
  // still ahead this year stays this year (validation then says it is in the future).
  { text: 'Nov 30 9:00', bias: 'future', now: DEC_2, expect: '2027-11-30 09:00' },
  { text: 'Dec 24 10:00', bias: 'past', now: DEC_2, expect: '2026-12-24 10:00' },
  { text: 'yesterday 25:00', bias: 'future', expect: "!impossible There's no 25:00" },

  // Bare times: past means the last time that clock time came round, future the next.
  { text: '3pm', bias: 'past', expect: '2026-11-24 15:00' },
  { text: '3pm', bias: 'future', expect: '2026-11-25 15:00' },
  { text: '10am', bias: 'past', expect: '2026-11-25 10:00' },
  { text: '10am', bias: 'future', expect: '2026-11-26 10:00' },
  { text: '11:04', bias: 'past', expect: '2026-11-25 11:04' },
  { text: '11:06', bias: 'past', expect: '2026-11-24 11:06' },
  { text: '15:30', bias: 'past', expect: '2026-11-24 15:30' },
  { text: '0:30', bias: 'past', expect: '2026-11-25 00:30' },
  { text: '00:00', bias: 'past', expect: '2026-11-25 00:00' },
  { text: '23:59', bias: 'future', expect: '2026-11-25 23:59' },
  { text: 'at 15', bias: 'past', expect: '2026-11-24 15:00' },
  { text: '3 pm', bias: 'past', expect: '2026-11-24 15:00' },
  { text: '3:30 p.m.', bias: 'past', expect: '2026-11-24 15:30' },
  { text: '10.30am', bias: 'past', expect: '2026-11-25 10:30' },
  { text: '1am', bias: 'past', expect: '2026-11-25 01:00' },
  { text: '11pm', bias: 'past', expect: '2026-11-24 23:00' },

  // 12-hour edges: 12am is midnight, 12pm is midday.
  { text: '12am', bias: 'past', expect: '2026-11-25 00:00' },
  { text: '12am', bias: 'future', expect: '2026-11-26 00:00' },
  { text: '12pm', bias: 'past', expect: '2026-11-24 12:00' },
  { text: '12pm', bias: 'future', expect: '2026-11-25 12:00' },
  { text: '12:30am', bias: 'past', expect: '2026-11-25 00:30' },
  { text: '12:30am', bias: 'future', expect: '2026-11-26 00:30' },
  { text: '12:30pm', bias: 'future', expect: '2026-11-25 12:30' },
  { text: '12:59am', bias: 'past', expect: '2026-11-25 00:59' },
  { text: 'yesterday 12pm', bias: 'past', expect: '2026-11-24 12:00' },
  { text: 'yesterday 12am', bias: 'past', expect: '2026-11-24 00:00' },
  { text: 'noon', bias: 'past', expect: '2026-11-24 12:00' },
  { text: '12 noon', bias: 'future', expect: '2026-11-25 12:00' },
  { text: 'midnight', bias: 'past', expect: '2026-11-25 00:00' },
  { text: 'noon tomorrow', bias: 'future', expect: '2026-11-26 12:00' },
  { text: 'tomorrow at noon', bias: 'future', expect: '2026-11-26 12:00' },
  { text: '0am', bias: 'past', expect: "!impossible There's no 0am" },
  { text: '13pm', bias: 'future', expect: "!impossible There's no 13pm" },
  { text: '12:60pm', bias: 'past', expect: "!impossible There's no 12:60pm" },
  { text: '24:00', bias: 'past', expect: "!impossible There's no 24:00" },
  { text: '9:60', bias: 'past', expect: "!impossible There's no 9:60" },
  { text: '3:7pm', bias: 'past', expect: '!impossible the minutes have one digit; write two ("3:07pm").' },
  { text: '3:5pm', bias: 'past', expect: '!impossible the minutes have one digit; write two ("3:05pm" or "3:50pm")' },
  // An hour with neither minutes nor am/pm could be either half of the day.
  { text: 'at 3', bias: 'future', expect: '!ambiguous "at 3" means 03:00 or 15:00' },
  { text: "3 o'clock", bias: 'past', expect: '!ambiguous 03:00 or 15:00' },
  { text: 'tomorrow at 9', bias: 'future', expect: '!ambiguous 09:00 or 21:00' },
  { text: 'at 12', bias: 'future', expect: '!ambiguous 12:00 or 00:00' },

  // Days named by words, with and without a time (no time: midday in the past, 09:00 for follow-ups, and it is said).
  { text: 'yesterday 3pm', bias: 'past', expect: '2026-11-24 15:00' },
  { text: 'yesterday at 3pm', bias: 'past', expect: '2026-11-24 15:00' },
  { text: 'today 9:00', bias: 'past', expect: '2026-11-25 09:00' },
  { text: 'today', bias: 'past', expect: '2026-11-25 11:00 ~now' },
  { text: 'yesterday', bias: 'past', expect: '2026-11-24 12:00 ~midday' },
  { text: 'tomorrow', bias: 'future', expect: '2026-11-26 09:00 ~09:00' },
  { text: 'tomorrow 2pm', bias: 'future', expect: '2026-11-26 14:00' },
  { text: 'last week', bias: 'past', expect: '2026-11-18 12:00 ~midday' },
  { text: 'Friday', bias: 'past', expect: '2026-11-20 12:00 ~midday' },
  { text: 'Friday', bias: 'future', expect: '2026-11-27 09:00 ~09:00' },
  { text: 'Monday', bias: 'future', expect: '2026-11-30 09:00 ~09:00' },
  { text: 'Monday 10:00', bias: 'past', expect: '2026-11-23 10:00' },
  { text: 'Wednesday 3pm', bias: 'past', expect: '2026-11-18 15:00' },
  { text: 'next Friday', bias: 'future', expect: '2026-12-04 09:00 ~09:00' },
  { text: 'next friday around 3pm', bias: 'future', expect: '2026-12-04 15:00' },
  { text: 'last Friday 4pm', bias: 'past', expect: '2026-11-20 16:00' },
  { text: 'on Tuesday at 10am', bias: 'past', expect: '2026-11-24 10:00' },
  { text: 'thurs 3pm', bias: 'future', expect: '2026-11-26 15:00' },
  { text: '3pm-ish', bias: 'past', expect: '2026-11-24 15:00' },
  // Parts of the day use chrono's hours; the form's line shows the time, it is not assumed silently.
  { text: 'tomorrow morning', bias: 'future', expect: '2026-11-26 06:00' },
  { text: 'this afternoon', bias: 'future', expect: '2026-11-25 15:00' },
  { text: 'this evening', bias: 'future', expect: '2026-11-25 20:00' },
  { text: 'tonight', bias: 'future', expect: '2026-11-25 22:00' },
  { text: 'around 3pm', bias: 'past', expect: '2026-11-24 15:00' },

  // Exact distances from now, and now itself.
  { text: '2 hours ago', bias: 'past', expect: '2026-11-25 09:00' },
  { text: 'an hour ago', bias: 'past', expect: '2026-11-25 10:00' },
  { text: '30 minutes ago', bias: 'past', expect: '2026-11-25 10:30' },
  { text: 'in 30 minutes', bias: 'future', expect: '2026-11-25 11:30' },
  { text: 'in 2 hours', bias: 'future', expect: '2026-11-25 13:00' },
  { text: 'now', bias: 'past', expect: '2026-11-25 11:00' },
  { text: 'just now', bias: 'past', expect: '2026-11-25 11:00' },
  { text: '', bias: 'past', expect: '2026-11-25 11:00' },
];

describe(`parseWhen table: issue rows, times of day, relative words (${countCases(TIMES)} phrase × zone cases)`, () => {
  runTable(TIMES);
});
