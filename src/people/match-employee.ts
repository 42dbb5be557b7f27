// Finds a Slack user in Caliq's employee list, but only when the match is unambiguous: by email, else by full name.
import type { CaliqEmployee } from '../caliq/index.js';
import { CALIQ_LIMITS } from '../caliq/index.js';
import type { SlackUserFacts } from './slack-user-source.js';

/** How a Slack user maps to a Caliq employee ID, or why it does not. */
export type EmployeeLookup =
  | { ok: true; employeeId: string; source: 'map' | 'profile' | 'caliq' }
  | { ok: false; reason: 'not_mapped' | 'ambiguous' | 'lookup_failed'; detail?: string };

const normalizeEmail = (email: string | undefined): string => (email ?? '').trim().toLowerCase();

/** Case, accents' composed form and runs of spaces must not stop "Ann  Lee" matching "ann lee". */
const normalizeName = (name: string | undefined): string =>
  (name ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

/** Distinct employee IDs among the matches: the same ID listed twice is still one person. */
const distinctIds = (matches: readonly CaliqEmployee[]): string[] => [...new Set(matches.map((match) => match.id))];

function decide(matches: readonly CaliqEmployee[], by: 'email' | 'name'): EmployeeLookup | undefined {
  const ids = distinctIds(matches);
  if (ids.length === 0) return undefined;
  if (ids.length > 1) {
    return { ok: false, reason: 'ambiguous', detail: `${ids.length} Caliq employees share this ${by}` };
  }
  const [employeeId] = ids as [string];
  if (employeeId.length > CALIQ_LIMITS.employeeId) {
    return { ok: false, reason: 'not_mapped', detail: `Caliq employee ID ${employeeId} is too long to send` };
  }
  return { ok: true, employeeId, source: 'caliq' };
}

/**
 * Matches by email (case-insensitive). Names are compared only when an email match is impossible — the user has no
 * visible email or Caliq lists no emails — because two staff can share a name but not an address.
 */
export function matchCaliqEmployee(user: SlackUserFacts, employees: readonly CaliqEmployee[]): EmployeeLookup {
  const email = normalizeEmail(user.email);
  const emailsKnown = employees.some((employee) => normalizeEmail(employee.email) !== '');
  if (email !== '' && emailsKnown) {
    const byEmail = decide(
      employees.filter((employee) => normalizeEmail(employee.email) === email),
      'email',
    );
    return byEmail ?? { ok: false, reason: 'not_mapped', detail: 'no Caliq employee has this email' };
  }
  const name = normalizeName(user.realName);
  if (name === '') return { ok: false, reason: 'not_mapped', detail: 'no email or real name to match in Caliq' };
  const byName = decide(
    employees.filter((employee) => normalizeName(employee.name) === name),
    'name',
  );
  return byName ?? { ok: false, reason: 'not_mapped', detail: 'no Caliq employee has this name' };
}
