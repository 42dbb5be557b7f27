// The journal states an operator names on the command line: the journal's own spellings, plus old aliases still read.
import type { JournalState } from '../store/index.js';

/** Exactly the states the database stores (store/types.ts), so CLI output, exports, metrics and views agree. */
export const CLI_STATES = ['pending', 'rejected', 'failed', 'logged'] as const satisfies readonly JournalState[];
export type CliState = (typeof CLI_STATES)[number];

/**
 * Spellings earlier versions of this CLI printed for 'failed' (the bot stopped trying). Scripts and saved exports may
 * still hold them, so --state accepts them; nothing prints them any more.
 */
const OLD_SPELLINGS: Readonly<Record<string, CliState>> = { 'gave-up': 'failed', gave_up: 'failed' };

/** The journal state an operator meant, or undefined when the word names none. */
export function readCliState(value: string): JournalState | undefined {
  if ((CLI_STATES as readonly string[]).includes(value)) return value as CliState;
  return OLD_SPELLINGS[value];
}
