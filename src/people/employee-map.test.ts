// Checks the EMPLOYEE_MAP reader: accepted layouts, and that every mistake names the file and line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmployeeMapError, loadEmployeeMap } from './employee-map.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'employee-map-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let counter = 0;
const writeMap = (text: string): string => {
  counter += 1;
  const file = path.join(dir, `map-${counter}.csv`);
  fs.writeFileSync(file, text);
  return file;
};

const errorOf = (file: string): EmployeeMapError => {
  try {
    loadEmployeeMap(file);
  } catch (error) {
    expect(error).toBeInstanceOf(EmployeeMapError);
    return error as EmployeeMapError;
  }
  throw new Error('expected loadEmployeeMap to throw');
};

describe('loadEmployeeMap', () => {
  it('reads the two required columns, trimming values', () => {
    const file = writeMap('slack_user_id,employee_id\nU012ABCDEF , JSMITH\nW0XYZ123,AB12\n');
    const map = loadEmployeeMap(file);
    expect(map).toMatchObject({ size: 2, missing: false, path: file });
    expect([...map.bySlackUser]).toEqual([
      ['U012ABCDEF', 'JSMITH'],
      ['W0XYZ123', 'AB12'],
    ]);
    expect(map.byEmail.size).toBe(0);
  });

  it('reads an optional email column in any column order, lower-casing emails', () => {
    const file = writeMap(
      '\ufeffEmail,Employee_ID,Slack_User_ID,name\nAnn.Lee@Example.com,ALEE,U111AAA,Ann Lee\nbob@example.com,BOB,,Bob\n',
    );
    const map = loadEmployeeMap(file);
    expect(map.bySlackUser.get('U111AAA')).toBe('ALEE');
    expect(map.byEmail.get('ann.lee@example.com')).toBe('ALEE');
    expect(map.byEmail.get('bob@example.com')).toBe('BOB');
    expect(map.size).toBe(2);
  });

  it('skips blank lines, whitespace-only lines and # comments, but keeps # inside values', () => {
    const file = writeMap(
      '# who is who\n\nslack_user_id,employee_id,email\n\n   \n# U999,X\nU111AAA,A#1,a#b@example.com\n\n',
    );
    const map = loadEmployeeMap(file);
    expect([...map.bySlackUser]).toEqual([['U111AAA', 'A#1']]);
    expect(map.byEmail.get('a#b@example.com')).toBe('A#1');
  });

  it('accepts the same Slack user listed twice with the same ID', () => {
    const map = loadEmployeeMap(writeMap('slack_user_id,employee_id\nU111AAA,A1\nU111AAA,A1\n'));
    expect(map.bySlackUser.get('U111AAA')).toBe('A1');
  });

  it('gives an empty map flagged missing when the file does not exist', () => {
    const file = path.join(dir, 'absent.csv');
    expect(loadEmployeeMap(file)).toEqual({
      bySlackUser: new Map(),
      byEmail: new Map(),
      size: 0,
      missing: true,
      path: file,
    });
  });

  it('names the file and header line when a required column is missing', () => {
    const file = writeMap('# comment\nslack_user_id,email\nU111AAA,a@example.com\n');
    const error = errorOf(file);
    expect(error.line).toBe(2);
    expect(error.message).toBe(`${file}:2: the header has no "employee_id" column`);
  });

  it('refuses a file without a header row', () => {
    const file = writeMap('# nothing here\n\n');
    expect(errorOf(file).message).toContain(`${file}:1: has no header row`);
  });

  it('names the line of an employee ID over 10 characters', () => {
    const file = writeMap('slack_user_id,employee_id\nU111AAA,OK\n\nU222BBB,ELEVENCHARS\n');
    const error = errorOf(file);
    expect(error.message).toBe(`${file}:4: employee_id "ELEVENCHARS" is longer than 10 characters`);
  });

  it('names the line of an invalid Slack user ID', () => {
    const file = writeMap('slack_user_id,employee_id\nC0123CHAN,E1\n');
    expect(errorOf(file).message).toBe(
      `${file}:2: slack_user_id "C0123CHAN" is not a Slack user ID (they look like U012ABCDEF)`,
    );
  });

  it('names the line where a Slack user is listed again with a different ID', () => {
    const file = writeMap('slack_user_id,employee_id\nU111AAA,A1\nU222BBB,B2\nU111AAA,A2\n');
    expect(errorOf(file).message).toBe(
      `${file}:4: Slack user U111AAA is listed twice with different employee IDs (A1 and A2)`,
    );
  });

  it('refuses an empty employee ID', () => {
    const file = writeMap('slack_user_id,employee_id\nU111AAA,\n');
    expect(errorOf(file).message).toBe(`${file}:2: employee_id is empty`);
  });

  it('wraps a CSV syntax error with the line and the parser error as cause', () => {
    const file = writeMap('slack_user_id,employee_id\nU111AAA,"A1\n');
    const error = errorOf(file);
    expect(error.message).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: is not valid CSV$`),
    );
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('reports an unreadable path (a directory) with the cause', () => {
    const error = errorOf(dir);
    expect(error.message).toBe(`${dir}: cannot be read`);
    expect((error.cause as NodeJS.ErrnoException).code).toBe('EISDIR');
  });
});
