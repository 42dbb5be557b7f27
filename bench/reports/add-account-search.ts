// `npm run bench -- --suggestions-only`: adds the account search figures to the results of the last full run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeSuggestionScenario, type SuggestionResult } from '../scenarios/account-search.js';
import { type BenchResults, writeResults } from './results-file.js';
import { buildRows } from './rows.js';

/** Keeps every other figure as it was and says, in the notes, that these come from a separate run. */
export function addSuggestionResults(
  outDir: string,
  suggestions: SuggestionResult,
  date: string,
): { markdownPath: string; jsonPath: string } {
  const jsonPath = join(outDir, 'results.json');
  if (!existsSync(jsonPath)) throw new Error(`${jsonPath} is missing: run the full bench once first`);
  const previous = JSON.parse(readFileSync(jsonPath, 'utf8')) as BenchResults;
  const notes = previous.notes.filter((note) => !note.startsWith('Account search'));
  notes.push(
    describeSuggestionScenario(suggestions),
    `Account search figures come from a separate run (--suggestions-only) on ${date}; every other figure from the run of ${previous.date}.`,
  );
  const { rows: _rows, notes: _notes, ...rest } = previous;
  const partial = { ...rest, suggestions };
  return writeResults(outDir, { ...partial, rows: buildRows(partial), notes });
}
