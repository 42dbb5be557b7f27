// Table: daylight-saving gaps and repeated hours in each zone, and the phrases the bot itself writes into forms.
import { describe } from 'vitest';
import { countCases, type Row, runTable } from '../../test/support/when-table.js';

// London: clocks go forward Sun 29 Mar 2026 01:00 GMT → 02:00 BST and back Sun 25 Oct 2026 02:00 BST → 01:00 GMT.
// New York: forward Sun 8 Mar 2026 02:00 EST → 03:00 EDT, back Sun 1 Nov 2026 02:00 EDT → 01:00 EST.
// Tokyo and UTC have no daylight saving: the same phrases are plain times there.
const SKIPPED = "!impossible There's no";
const TWICE = '!ambiguous happens twice';

const DST: readonly Row[] = [
  // Gaps: a time the clocks jump over is refused, with the same moment on the new clock as the example.
  {
    text: '29 Mar 2026 01:30',
    bias: 'past',
    expect: { London: `${SKIPPED} 01:30 on Sun 29 Mar 2026 in London`, other: '2026-03-29 01:30' },
  },
  { text: '29 Mar 2026 01:00', bias: 'past', expect: { London: SKIPPED, other: '2026-03-29 01:00' } },
  { text: '29 Mar 2026 00:59', bias: 'past', expect: '2026-03-29 00:59' },
  { text: '29 Mar 2026 02:00', bias: 'past', expect: '2026-03-29 02:00' },
  { text: '29 Mar 2026 02:30', bias: 'past', expect: '2026-03-29 02:30' },
  {
    text: '8 Mar 2026 02:30',
    bias: 'past',
    expect: { NewYork: `${SKIPPED} 02:30 on Sun 8 Mar 2026 in New York`, other: '2026-03-08 02:30' },
  },
  { text: 'March 8 2026 2am', bias: 'past', expect: { NewYork: SKIPPED, other: '2026-03-08 02:00' } },
  { text: '8 Mar 2026 01:59', bias: 'past', expect: '2026-03-08 01:59' },
  { text: '8 Mar 2026 03:00', bias: 'past', expect: '2026-03-08 03:00' },
  {
    text: 'yesterday 1:30am',
    bias: 'past',
    now: '2026-03-30 10:00',
    expect: { London: `${SKIPPED} 01:30`, other: '2026-03-29 01:30' },
  },
  {
    text: 'yesterday 2:30am',
    bias: 'past',
    now: '2026-03-09 10:00',
    expect: { NewYork: `${SKIPPED} 02:30`, other: '2026-03-08 02:30' },
  },
  // Repeated hours: a bare time that happens twice is refused, offering both with their offsets.
  {
    text: '25 Oct 2026 01:30',
    bias: 'past',
    expect: { London: `${TWICE} on Sun 25 Oct 2026 in London`, other: '2026-10-25 01:30' },
  },
  { text: '25 Oct 2026 1am', bias: 'past', expect: { London: TWICE, other: '2026-10-25 01:00' } },
  { text: '25 Oct 2026 00:59', bias: 'past', expect: '2026-10-25 00:59' },
  { text: '25 Oct 2026 02:00', bias: 'past', expect: '2026-10-25 02:00' },
  { text: '25 Oct 2026 01:30 UTC+01:00', bias: 'past', expect: '2026-10-25T00:30Z' },
  { text: '25 Oct 2026 01:30 UTC+00:00', bias: 'past', expect: '2026-10-25T01:30Z' },
  {
    text: '1 Nov 2026 01:30',
    bias: 'past',
    expect: { NewYork: '!ambiguous Type "1 Nov 2026 01:30 UTC-04:00" for the first', other: '2026-11-01 01:30' },
  },
  { text: '1 Nov 2026 01:30 UTC-04:00', bias: 'past', expect: '2026-11-01T05:30Z' },
  { text: '1 Nov 2026 01:30 UTC-05:00', bias: 'past', expect: '2026-11-01T06:30Z' },
  { text: '1 Nov 2026 02:00', bias: 'past', expect: '2026-11-01 02:00' },
  { text: '1 Nov 2026 00:59', bias: 'past', expect: '2026-11-01 00:59' },
  {
    text: 'yesterday 1:30',
    bias: 'past',
    now: '2026-10-26 10:00',
    expect: { London: TWICE, other: '2026-10-25 01:30' },
  },
  {
    text: 'yesterday 1:30am',
    bias: 'past',
    now: '2026-11-02 10:00',
    expect: { NewYork: TWICE, other: '2026-11-01 01:30' },
  },
  // Around the changes, everything else lands on the wall clock of that day.
  { text: 'yesterday 3pm', bias: 'past', now: '2026-03-30 10:00', expect: '2026-03-29 15:00' },
  { text: 'Saturday 3pm', bias: 'past', now: '2026-03-30 10:00', expect: '2026-03-28 15:00' },
  { text: 'tomorrow', bias: 'future', now: '2026-03-28 12:00', expect: '2026-03-29 09:00 ~09:00' },
  { text: 'next Friday', bias: 'future', now: '2026-10-28 11:00', expect: '2026-11-06 09:00 ~09:00' },
  { text: 'next Friday', bias: 'future', now: '2026-03-05 11:00', expect: '2026-03-13 09:00 ~09:00' },
  // Exact distances count real hours across a change.
  {
    text: '2 hours ago',
    bias: 'past',
    now: '2026-03-29 03:30',
    expect: { London: '2026-03-29T00:30Z', other: '2026-03-29 01:30' },
  },
  {
    text: 'in 2 hours',
    bias: 'future',
    now: '2026-10-25 00:30',
    expect: { London: '2026-10-25T01:30Z', other: '2026-10-25 02:30' },
  },

  // Phrases the bot writes into forms (formatWhenPhrase) and into its lines (formatInZone): read back to the minute.
  { text: '25 Nov 2026 15:04', bias: 'past', expect: '2026-11-25 15:04' },
  { text: '3 Sep 2026 14:37', bias: 'past', expect: '2026-09-03 14:37' },
  { text: '3 Jan 2026 09:05', bias: 'past', expect: '2026-01-03 09:05' },
  { text: '12 Mar 2026 00:00', bias: 'past', expect: '2026-03-12 00:00' },
  { text: '31 Dec 2025 23:59', bias: 'past', expect: '2025-12-31 23:59' },
  { text: 'Wed 25 Nov 2026, 15:00', bias: 'past', expect: '2026-11-25 15:00' },
  { text: 'Thu 3 Sep 2026, 14:37', bias: 'past', expect: '2026-09-03 14:37' },
  { text: 'Sun 29 Mar 2026, 03:00', bias: 'past', expect: '2026-03-29 03:00' },
  { text: 'Wed 25 Nov 2026, 15:00 (your time)', bias: 'past', expect: '2026-11-25 15:00' },
  { text: 'Wed 25 Nov 2026, 15:00 your time', bias: 'future', expect: '2026-11-25 15:00' },
  {
    text: "Wed 9 Dec 2026, 10:00 in Carol's time (Tokyo)",
    bias: 'future',
    expect: { Tokyo: '2026-12-09 10:00', other: '!leftover "in Carol\'s time (Tokyo)"' },
  },
  {
    text: 'Wed 9 Dec 2026, 10:00 in their time (New York)',
    bias: 'future',
    expect: { NewYork: '2026-12-09 10:00', other: '!leftover' },
  },
];

describe(`parseWhen table: daylight saving, and the phrases the bot writes (${countCases(DST)} phrase × zone cases)`, () => {
  runTable(DST);
});
