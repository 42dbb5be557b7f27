// Reads Caliq's Employee answer, whose field names are undocumented, by looking for the first list of ID-bearing objects.
import type { CaliqEmployee } from './types.js';

const ID_FIELDS = ['ID', 'EmployeeID', 'Code', 'Id'] as const;
const NAME_FIELDS = ['Name', 'FullName'] as const;
const EMAIL_FIELDS = ['Email', 'EmailAddress'] as const;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const textOf = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
};

const firstText = (entry: Json, fields: readonly string[]): string | undefined => {
  for (const field of fields) {
    const text = textOf(entry[field]);
    if (text !== undefined) return text;
  }
  return undefined;
};

const idOf = (entry: unknown): string | undefined => (isObject(entry) ? firstText(entry, ID_FIELDS) : undefined);

function readEmployee(entry: unknown): CaliqEmployee | undefined {
  if (!isObject(entry)) return undefined;
  const id = idOf(entry);
  if (id === undefined) return undefined;
  const joined = [textOf(entry.FirstName), textOf(entry.Surname)].filter(Boolean).join(' ');
  const name = firstText(entry, NAME_FIELDS) ?? (joined || undefined);
  const email = firstText(entry, EMAIL_FIELDS);
  return { id, ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }) };
}

/** Arrays in the answer, the answer's own properties first, then one level down (e.g. `{Data:{List:[…]}}`). */
function candidateArrays(answer: unknown): unknown[][] {
  if (Array.isArray(answer)) return [answer];
  if (!isObject(answer)) return [];
  const values = Object.values(answer);
  const nested = values.filter(isObject).flatMap((value) => Object.values(value));
  return [...values, ...nested].filter((value): value is unknown[] => Array.isArray(value));
}

/**
 * The employees in an Employee answer, or undefined when the answer holds no list that looks like employees.
 * Entries without an ID are skipped; an answer whose only lists are empty means no employees.
 */
export function parseEmployees(answer: unknown): CaliqEmployee[] | undefined {
  const arrays = candidateArrays(answer);
  const list = arrays.find((array) => array.some((entry) => idOf(entry) !== undefined));
  if (list !== undefined) return list.map(readEmployee).filter((employee) => employee !== undefined);
  if (arrays.length > 0 && arrays.every((array) => array.length === 0)) return [];
  return undefined;
}
