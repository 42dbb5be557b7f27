// Parses the journal CLI's command line, runs one command and turns every expected failure into a message and exit code.
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { JournalFilter } from '../store/index.js';
import { exportEntries, listEntries, type Output, retryEntry, showEntry } from './commands.js';
import { CliError, CliUsageError } from './errors.js';
import { type JournalConnection, openJournal } from './open-journal.js';
import { CLI_STATES, readCliState } from './states.js';

export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  now?: () => Date;
};

export const USAGE = `Usage: npm run journal -- <command> [options]   (or: node dist/cli.js <command> [options])

Commands:
  list [--state S]… [--user U]… [--since DATE] [--limit N]   entries, newest first (default limit 100)
  show <UniqueID>                                            one entry in full
  retry <UniqueID>                                           send it to Caliq again, same UniqueID, via the bot
  export --format csv|json [--state S]… [--user U]… [--since DATE]   every matching entry, for audits

States: ${CLI_STATES.join(', ')}  (failed: the bot stopped trying; gave-up is read as failed)
DATE: 2026-11-01 (UTC midnight) or an ISO 8601 instant
Options:
  --json        machine-readable output (list, show, retry)
  --db PATH     the bot's SQLite file (default: DATABASE_PATH, then data/caliq-slack.db, both in CALIQ_SLACK_HOME
                or else the app's folder, as the bot reads them)
Exit codes: 0 done, 1 unexpected error, 2 usage, 3 unknown UniqueID, 4 journal unreadable, 5 not possible in its state
`;

const OPTIONS = {
  state: { type: 'string', multiple: true },
  user: { type: 'string', multiple: true },
  since: { type: 'string' },
  limit: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Values may repeat (`--user A --user B`) or be comma-separated (`--user A,B`). */
const splitList = (values: string[] | undefined): string[] =>
  (values ?? [])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);

function parseSince(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const at = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(at.getTime())) {
    throw new CliUsageError(`--since wants a date such as 2026-11-01 or an ISO 8601 instant, not "${text}".`);
  }
  return at;
}

function parseFilter(values: Values, defaultLimit: number | undefined): JournalFilter {
  const states = splitList(values.state).map((state) => {
    const known = readCliState(state);
    if (!known) throw new CliUsageError(`--state must be one of ${CLI_STATES.join(', ')}, not "${state}".`);
    return known;
  });
  const limit = values.limit === undefined ? defaultLimit : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new CliUsageError(`--limit must be a whole number above 0, not "${values.limit}".`);
  }
  return { states, slackUserIds: splitList(values.user), since: parseSince(values.since), limit };
}

function onlyId(positionals: string[], command: string): string {
  const [id, ...rest] = positionals;
  if (!id || rest.length > 0) throw new CliUsageError(`${command} takes exactly one UniqueID.`);
  return id;
}

async function runCommand(args: string[], io: CliIo): Promise<void> {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  const [command, ...positionals] = parsed.positionals;
  if (values.help || command === undefined || command === 'help') return io.stdout(USAGE);
  const out: Output = { json: values.json === true, write: io.stdout };
  const now = io.now ?? (() => new Date());

  // Everything about the command line is checked before the journal is opened.
  let run: (connection: JournalConnection) => Promise<void>;
  switch (command) {
    case 'list': {
      if (positionals.length > 0) throw new CliUsageError('list takes options only.');
      const filter = parseFilter(values, 100);
      run = ({ journal }) => listEntries(journal, filter, out);
      break;
    }
    case 'show': {
      const id = onlyId(positionals, 'show');
      run = ({ journal }) => showEntry(journal, id, out);
      break;
    }
    case 'retry': {
      const id = onlyId(positionals, 'retry');
      run = ({ journal }) => retryEntry(journal, id, now(), out, Number(io.env.DELIVERY_POLL_SECONDS) || undefined);
      break;
    }
    case 'export': {
      if (positionals.length > 0) throw new CliUsageError('export takes options only.');
      const format = values.format;
      if (format !== 'csv' && format !== 'json') throw new CliUsageError('export needs --format csv or --format json.');
      const filter = parseFilter(values, undefined);
      run = ({ journal }) => exportEntries(journal, filter, format, io.stdout);
      break;
    }
    default:
      throw new CliUsageError(`Unknown command "${command}".`);
  }
  // --db is typed by the operator, so it is read from their working folder; DATABASE_PATH from the bot's home folder.
  const connection = await openJournal(values.db ? { ...io.env, DATABASE_PATH: path.resolve(values.db) } : io.env);
  try {
    await run(connection);
  } finally {
    await connection.close();
  }
}

/** Runs the CLI and resolves with the exit code; expected failures print one plain line on stderr. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  try {
    await runCommand(args, io);
    return 0;
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`${error.message}\n\n${USAGE}`);
      return error.exitCode;
    }
    if (error instanceof CliError) {
      io.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
