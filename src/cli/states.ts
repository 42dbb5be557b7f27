// The states an operator names on the command line, and how they map to the journal's own states.
import type { JournalState } from '../store/index.js';

/** 'gave-up' is the journal's 'failed': the bot stopped trying (Caliq unavailable too long, or it could not read it). */
export const CLI_STATES = ['pending', 'rejected', 'gave-up', 'logged'] as const;
export type CliState = (typeof CLI_STATES)[number];

const TO_JOURNAL: Record<CliState, JournalState> = {
  pending: 'pending',
  rejected: 'rejected',
  'gave-up': 'failed',
  logged: 'logged',
};

export const isCliState = (value: string): value is CliState => (CLI_STATES as readonly string[]).includes(value);

export const toJournalState = (state: CliState): JournalState => TO_JOURNAL[state];

export const toCliState = (state: JournalState): CliState => (state === 'failed' ? 'gave-up' : state);
