// Typed failures of the stores (either backend), each naming the record or database involved and keeping the `cause`.

/** Base of every store failure. */
export class StoreError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'StoreError';
  }
}

/** The database file was written by a newer version of the bot; opening it with older code could corrupt it. */
export class SchemaTooNewError extends StoreError {
  readonly fileVersion: number;
  readonly knownVersion: number;

  constructor(path: string, fileVersion: number, knownVersion: number) {
    super(
      `The database ${path} has schema version ${fileVersion}, but this build only knows up to ${knownVersion}; ` +
        'run a newer build or restore a matching backup.',
    );
    this.name = 'SchemaTooNewError';
    this.fileVersion = fileVersion;
    this.knownVersion = knownVersion;
  }
}

/** A record the caller expected to exist (it was inserted earlier) is not in the database. */
export class RecordNotFoundError extends StoreError {
  readonly table: string;
  readonly key: string;

  constructor(table: string, key: string) {
    super(`No ${table} record with key ${key}.`);
    this.name = 'RecordNotFoundError';
    this.table = table;
    this.key = key;
  }
}

/** The record exists but is not in a state that allows the change (e.g. recording a send for an unclaimed reminder). */
export class RecordStateError extends StoreError {
  readonly table: string;
  readonly key: string;
  readonly state: string;

  constructor(table: string, key: string, state: string, wanted: string) {
    super(`The ${table} record ${key} is ${state}; expected ${wanted}.`);
    this.name = 'RecordStateError';
    this.table = table;
    this.key = key;
    this.state = state;
  }
}

/** The database cannot be reached right now (down, restarting, network): nothing was written; try again later. */
export class StoreUnavailableError extends StoreError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
