// Table: month names in both orders, ordinals, two-digit and apostrophe years, numeric dates in each region's order.
import { describe } from 'vitest';
import { countCases, type Row, runTable } from '../../test/support/when-table.js';

/** In New York numbers are month/day; in London, Tokyo and UTC (no zone) day/month. */
const NOT_A_MONTH = "!impossible There's no month";

/** "Now" is Wed 25 Nov 2026 11:00 in the reading zone. */
const MONTHS: readonly Row[] = [
  // Month names, either order, in every region; a one- or two-digit number after a month name is the day.
  { text: '24 Dec 10:00', bias: 'future', expect: '2026-12-24 10:00' },
  { text: 'Dec 24 10:00', bias: 'future', expect: '2026-12-24 10:00' },
  { text: 'Dec 24, 10:00', bias: 'future', expect: '2026-12-24 10:00' },
  { text: 'December 24th at 10am', bias: 'future', expect: '2026-12-24 10:00' },
  { text: '24th December 10am', bias: 'future', expect: '2026-12-24 10:00' },
  { text: '10am on 24 Dec', bias: 'future', expect: '2026-12-24 10:00' },
  { text: '10:00 24 Dec', bias: 'future', expect: '2026-12-24 10:00' },
  { text: 'Dec 24th', bias: 'future', expect: '2026-12-24 09:00 ~09:00' },
  { text: '24 Dec', bias: 'future', expect: '2026-12-24 09:00 ~09:00' },
  { text: 'Dec 24', bias: 'past', expect: '2026-12-24 12:00 ~midday' },
  { text: 'Nov 30 9:00', bias: 'future', expect: '2026-11-30 09:00' },
  { text: '30 Nov 9:00', bias: 'future', expect: '2026-11-30 09:00' },
  { text: 'Nov 3 14:00', bias: 'past', expect: '2026-11-03 14:00' },
  { text: '3 Nov 14:00', bias: 'past', expect: '2026-11-03 14:00' },
  { text: 'november 3rd 2pm', bias: 'past', expect: '2026-11-03 14:00' },
  { text: 'Sept 3 10:00', bias: 'past', expect: '2026-09-03 10:00' },
  { text: 'Jan 12 10:00', bias: 'past', expect: '2026-01-12 10:00' },
  { text: 'Jan 12 10:00', bias: 'future', expect: '2027-01-12 10:00' },
  { text: '12 January 2027 10:00', bias: 'future', expect: '2027-01-12 10:00' },
  // Ordinals.
  { text: '1st Dec 9am', bias: 'future', expect: '2026-12-01 09:00' },
  { text: 'Dec 1st 9am', bias: 'future', expect: '2026-12-01 09:00' },
  { text: '2nd Dec 9am', bias: 'future', expect: '2026-12-02 09:00' },
  { text: 'Dec 2nd', bias: 'future', expect: '2026-12-02 09:00 ~09:00' },
  { text: '3rd Dec 9am', bias: 'future', expect: '2026-12-03 09:00' },
  { text: '22nd Dec 9am', bias: 'future', expect: '2026-12-22 09:00' },
  { text: '31st Dec 9am', bias: 'future', expect: '2026-12-31 09:00' },
  { text: 'December 31st', bias: 'future', expect: '2026-12-31 09:00 ~09:00' },
  // Years: four digits or an apostrophe; a bare two-digit number after a day and month is not guessed at.
  { text: 'Dec 24 2027 10:00', bias: 'future', expect: '2027-12-24 10:00' },
  { text: 'December 24, 2026 10am', bias: 'future', expect: '2026-12-24 10:00' },
  { text: '24 Dec 2025 10:00', bias: 'past', expect: '2025-12-24 10:00' },
  { text: "24 Dec '25 10:00", bias: 'past', expect: '2025-12-24 10:00' },
  { text: "Dec 24 '25 10:00", bias: 'past', expect: '2025-12-24 10:00' },
  { text: '31 Dec 2026 23:59', bias: 'future', expect: '2026-12-31 23:59' },
  { text: '1 Jan 2027 00:00', bias: 'future', expect: '2027-01-01 00:00' },
  { text: '29 Feb 2028 10:00', bias: 'future', expect: '2028-02-29 10:00' },
  { text: "Dec '24", bias: 'past', expect: '!ambiguous names a month but not a day' },
  { text: 'Dec 2024', bias: 'past', expect: '!ambiguous names a month but not a day' },
  { text: 'December', bias: 'future', expect: '!ambiguous names a month but not a day' },
  { text: '24 Dec 25', bias: 'past', expect: '!ambiguous whether the two-digit number is a day or a year' },
  { text: 'Dec 5 26', bias: 'future', expect: '!ambiguous whether the two-digit number is a day or a year' },
  // Weekday and date must agree: 25 Dec 2026 is a Friday, 9 Dec 2026 a Wednesday.
  { text: 'Friday 25 Dec', bias: 'future', expect: '2026-12-25 09:00 ~09:00' },
  { text: 'Thursday 25 Dec', bias: 'future', expect: '!impossible 25 Dec 2026 is a Friday, not a Thursday' },
  { text: 'Wed 9 Dec 10:00', bias: 'future', expect: '2026-12-09 10:00' },
  { text: 'Tue 9 Dec', bias: 'future', expect: '!impossible 9 Dec 2026 is a Wednesday, not a Tuesday' },
  { text: 'Tue 1 Dec 10:00', bias: 'future', expect: '2026-12-01 10:00' },
  { text: 'Thu 25 Dec 2026 10:00 UTC+01:00', bias: 'future', expect: '!impossible is a Friday, not a Thursday' },
  // Days that do not exist, by name.
  { text: '30 Feb', bias: 'future', expect: "!impossible There's no 30 February" },
  { text: 'Feb 30 10:00', bias: 'future', expect: "!impossible There's no 30 February" },
  { text: '31 Apr', bias: 'past', expect: "!impossible There's no 31 April" },
  { text: '32 Dec', bias: 'future', expect: "!impossible There's no 32 December" },
  { text: '29 Feb 2027', bias: 'future', expect: "!impossible There's no 29 February 2027" },
  // A past 29 February read in December 2027: chrono's nearest is 2028's, a year back is 2027, which has none.
  { text: '29 Feb', bias: 'past', now: '2027-12-01 11:00', expect: "!impossible There's no 29 February 2027" },
  // Numbers: day/month in London, Tokyo and UTC; month/day in New York. The other order is refused, never swapped.
  { text: '24/12 10:00', bias: 'future', expect: { NewYork: `${NOT_A_MONTH} 24`, other: '2026-12-24 10:00' } },
  { text: '12/24 10:00', bias: 'future', expect: { NewYork: '2026-12-24 10:00', other: `${NOT_A_MONTH} 24` } },
  { text: '25/11 14:30', bias: 'past', expect: { NewYork: `${NOT_A_MONTH} 25`, other: '2026-11-25 14:30' } },
  { text: '11/24 9:30am', bias: 'past', expect: { NewYork: '2026-11-24 09:30', other: `${NOT_A_MONTH} 24` } },
  { text: '3/11 10:00', bias: 'past', expect: { NewYork: '2026-03-11 10:00', other: '2026-11-03 10:00' } },
  { text: '12/1', bias: 'past', expect: { NewYork: '2026-12-01 12:00 ~midday', other: '2026-01-12 12:00 ~midday' } },
  {
    text: '24/12/2026 10:00',
    bias: 'future',
    expect: { NewYork: `${NOT_A_MONTH} 24`, other: '2026-12-24 10:00' },
  },
  { text: '12/24/2026', bias: 'future', expect: { NewYork: '2026-12-24 09:00 ~09:00', other: `${NOT_A_MONTH} 24` } },
  { text: '24/12/26', bias: 'future', expect: { NewYork: `${NOT_A_MONTH} 24`, other: '2026-12-24 09:00 ~09:00' } },
  { text: '1/12 9:00', bias: 'future', expect: { NewYork: '2027-01-12 09:00', other: '2026-12-01 09:00' } },
  {
    text: '31/02',
    bias: 'past',
    expect: { NewYork: `${NOT_A_MONTH} 31`, other: "!impossible There's no 31 February" },
  },
  { text: '13/13', bias: 'past', expect: `${NOT_A_MONTH} 13` },
  { text: '0/12', bias: 'future', expect: { NewYork: `${NOT_A_MONTH} 0`, other: "!impossible There's no 0 December" } },
  { text: '2026-12-24 10:00', bias: 'future', expect: '2026-12-24 10:00' },
  { text: '2026-12-24', bias: 'future', expect: '2026-12-24 09:00 ~09:00' },
];

describe(`parseWhen table: month names, ordinals, years, numeric dates (${countCases(MONTHS)} phrase × zone cases)`, () => {
  runTable(MONTHS);
});
