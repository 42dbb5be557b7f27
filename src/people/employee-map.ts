// Reads the EMPLOYEE_MAP CSV (slack_user_id,employee_id[,email]) that an admin keeps to pin Slack users to Caliq IDs.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CALIQ_LIMITS } from '../caliq/index.js';

export type EmployeeMap = {
  /** Slack user ID (upper case) → Caliq employee ID. */
  bySlackUser: ReadonlyMap<string, string>;
  /** Email (lower case) → Caliq employee ID, for rows that give an email. */
  byEmail: ReadonlyMap<string, string>;
  /** Number of data rows read. */
  size: number;
  /** True when the file does not exist; the map is then empty and the other sources still work. */
  missing: boolean;
  path: string;
};

/** The map file cannot be used; the message names the file and, where known, the line. */
export class EmployeeMapError extends Error {
  override readonly name = 'EmployeeMapError';
  constructor(
    readonly path: string,
    readonly line: number | undefined,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${path}${line === undefined ? '' : `:${line}`}: ${problem}`, options);
  }
}

const REQUIRED_COLUMNS = ['slack_user_id', 'employee_id'] as const;
/** Slack user IDs start with U (or W on Enterprise Grid) followed by upper-case letters and digits. */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

type ParsedRow = { record: string[]; info: { lines: number } };

/** An empty map, used when there is no file at all. */
export function emptyEmployeeMap(filePath: string, missing = true): EmployeeMap {
  return { bySlackUser: new Map(), byEmail: new Map(), size: 0, missing, path: filePath };
}

function readText(filePath: string): string | undefined {
  try {
    return readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EmployeeMapError(filePath, undefined, 'cannot be read', { cause: error });
  }
}

function parseRows(filePath: string, text: string): ParsedRow[] {
  try {
    return parse(text, {
      bom: true,
      comment: '#',
      // A '#' inside a value (an email, an ID) is data; only a '#' that starts a line makes a comment.
      comment_no_infix: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      // A row may leave off a trailing optional column; missing cells read as empty.
      relax_column_count: true,
    }) as unknown as ParsedRow[];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw new EmployeeMapError(filePath, typeof line === 'number' ? line : undefined, 'is not valid CSV', {
      cause: error,
    });
  }
}

/** Adds key → employeeId, refusing a key already given a different ID. */
function addUnique(
  target: Map<string, string>,
  key: string,
  employeeId: string,
  describe: () => string,
  fail: (problem: string) => never,
): void {
  const existing = target.get(key);
  if (existing !== undefined && existing !== employeeId) {
    fail(`${describe()} is listed twice with different employee IDs (${existing} and ${employeeId})`);
  }
  target.set(key, employeeId);
}

/**
 * Loads the map file. A missing file gives an empty map with `missing: true`; anything else wrong throws
 * EmployeeMapError naming the file and line, so a typo is fixed rather than silently ignored.
 */
export function loadEmployeeMap(filePath: string): EmployeeMap {
  const text = readText(filePath);
  if (text === undefined) return emptyEmployeeMap(filePath);
  const rows = parseRows(filePath, text);
  const [header, ...data] = rows;
  if (header === undefined) {
    throw new EmployeeMapError(filePath, 1, `has no header row; expected "slack_user_id,employee_id[,email]"`);
  }
  const columns = header.record.map((name) => name.toLowerCase());
  const indexOf = (name: string): number => columns.indexOf(name);
  for (const name of REQUIRED_COLUMNS) {
    if (indexOf(name) < 0) {
      throw new EmployeeMapError(filePath, header.info.lines, `the header has no "${name}" column`);
    }
  }
  const slackColumn = indexOf('slack_user_id');
  const employeeColumn = indexOf('employee_id');
  const emailColumn = indexOf('email');

  const bySlackUser = new Map<string, string>();
  const byEmail = new Map<string, string>();
  let size = 0;
  for (const { record, info } of data) {
    const fail = (problem: string): never => {
      throw new EmployeeMapError(filePath, info.lines, problem);
    };
    const cell = (index: number): string => (index < 0 ? '' : (record[index] ?? ''));
    const slackUserId = cell(slackColumn).toUpperCase();
    const employeeId = cell(employeeColumn);
    const email = cell(emailColumn).toLowerCase();
    if (record.every((value) => value === '')) continue;
    if (employeeId === '') fail('employee_id is empty');
    if (employeeId.length > CALIQ_LIMITS.employeeId) {
      fail(`employee_id "${employeeId}" is longer than ${CALIQ_LIMITS.employeeId} characters`);
    }
    if (slackUserId === '' && email === '') fail('the row needs a slack_user_id (or an email)');
    if (slackUserId !== '' && !SLACK_USER_ID.test(slackUserId)) {
      fail(`slack_user_id "${cell(slackColumn)}" is not a Slack user ID (they look like U012ABCDEF)`);
    }
    if (slackUserId !== '') addUnique(bySlackUser, slackUserId, employeeId, () => `Slack user ${slackUserId}`, fail);
    if (email !== '') addUnique(byEmail, email, employeeId, () => `email ${email}`, fail);
    size += 1;
  }
  return { bySlackUser, byEmail, size, missing: false, path: filePath };
}
