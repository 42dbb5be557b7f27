// Typed failures of the journal CLI; each carries the exit code the process ends with and a message for people.

/** Base of every failure the CLI reports in plain words (anything else is a bug and prints its stack). */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** The command line itself is wrong: unknown command, option or value. Exit code 2, like most Unix tools. */
export class CliUsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'CliUsageError';
  }
}

/** No journal entry has this UniqueID. */
export class UnknownEntryError extends CliError {
  readonly uniqueId: string;

  constructor(uniqueId: string) {
    super(`No journal entry has the UniqueID ${uniqueId}.`, 3);
    this.name = 'UnknownEntryError';
    this.uniqueId = uniqueId;
  }
}

/** The database is missing, not a database, or newer than this build. */
export class JournalUnavailableError extends CliError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, 4, options);
    this.name = 'JournalUnavailableError';
  }
}

/** The entry exists but the command cannot act on it in its state (e.g. retrying an entry already logged). */
export class EntryStateError extends CliError {
  constructor(message: string) {
    super(message, 5);
    this.name = 'EntryStateError';
  }
}
