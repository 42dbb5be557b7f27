import { describe, expect, it } from 'vitest';
import { captureLogs } from '../../test/support/log-capture.js';
import { createAccountDirectory, type ListedCustomer } from './account-directory.js';
import type { NamedCustomer } from './name-book.js';
import { createRecentAccounts } from './recent-accounts.js';

const capture = () => captureLogs('info');

const builds = (lines: string[]) => lines.filter((line) => line.includes('account search index built')).length;

describe('createAccountDirectory', () => {
  it('is off until the customer list loads, then searches it with the names Caliq gave', () => {
    let customers: ListedCustomer[] | undefined;
    let named: NamedCustomer[] | undefined;
    const { lines, logger } = capture();
    const directory = createAccountDirectory({ customers: () => customers, namedCustomers: () => named, logger });
    expect(directory.index()).toBeUndefined();
    expect(directory.search('U1', 'acme')).toBeUndefined();
    customers = [
      { id: 1, accountNo: 'ACME01' },
      { id: 2, accountNo: 'BRIG02' },
    ];
    named = [{ id: 1, accountNo: 'ACME01', name: 'Acme Engineering Ltd' }];
    expect(directory.search('U1', 'engineering')).toEqual([
      { accountNo: 'ACME01', name: 'Acme Engineering Ltd', match: 'name_word_prefix', recent: false },
    ]);
    expect(directory.describe('brig02')).toEqual({ accountNo: 'BRIG02', name: undefined });
    expect(builds(lines)).toBe(1);
  });

  it('rebuilds only when the list or the names really change, and keeps names after they drop out', () => {
    let customers: ListedCustomer[] = [{ id: 1, accountNo: 'ACME01' }];
    let named: NamedCustomer[] = [{ id: 1, accountNo: 'ACME01', name: 'Acme Engineering Ltd' }];
    const { lines, logger } = capture();
    const directory = createAccountDirectory({ customers: () => customers, namedCustomers: () => named, logger });
    const first = directory.index();
    customers = [{ id: 1, accountNo: 'ACME01' }];
    named = [{ id: 1, accountNo: 'ACME01', name: 'Acme Engineering Ltd' }];
    expect(directory.index()).toBe(first);
    named = [];
    expect(directory.index()).toBe(first);
    customers = [
      { id: 1, accountNo: 'ACME01' },
      { id: 3, accountNo: 'CHES03' },
    ];
    const second = directory.index();
    expect(second).not.toBe(first);
    expect(second?.find('ACME01')?.name).toBe('Acme Engineering Ltd');
    named = [{ id: 3, accountNo: 'CHES03', name: 'Chester Hardware' }];
    expect(directory.index()).not.toBe(second);
    expect(builds(lines)).toBe(3);
  });

  it("puts the user's recent accounts first", () => {
    const recent = createRecentAccounts();
    const directory = createAccountDirectory({
      customers: () => [
        { id: 1, accountNo: 'ACME01' },
        { id: 2, accountNo: 'ACME02' },
      ],
      namedCustomers: () => undefined,
      logger: capture().logger,
      recent,
    });
    recent.remember('U1', 'acme02');
    expect(directory.search('U1', 'acme')?.map((m) => m.accountNo)).toEqual(['ACME02', 'ACME01']);
    expect(directory.search('U2', 'acme')?.map((m) => m.accountNo)).toEqual(['ACME01', 'ACME02']);
  });
});

describe('createRecentAccounts', () => {
  it('keeps the latest first, upper-cased, without repeats, up to the limit', () => {
    const recent = createRecentAccounts({ perUser: 3 });
    for (const accountNo of ['a1', 'B2', 'c3', 'A1', 'd4']) recent.remember('U1', accountNo);
    expect(recent.list('U1')).toEqual(['D4', 'A1', 'C3']);
    expect(recent.list('U2')).toEqual([]);
  });

  it('adds the journal after what was remembered meanwhile, once', () => {
    const recent = createRecentAccounts();
    recent.remember('U1', 'NEW01');
    expect(recent.isSeeded('U1')).toBe(false);
    recent.seed('U1', ['OLD01', 'NEW01', 'OLD02']);
    expect(recent.list('U1')).toEqual(['NEW01', 'OLD01', 'OLD02']);
    expect(recent.isSeeded('U1')).toBe(true);
  });

  it('forgets the least recently active user beyond the limit', () => {
    const recent = createRecentAccounts({ maxUsers: 2 });
    recent.remember('U1', 'A');
    recent.remember('U2', 'B');
    recent.remember('U1', 'C');
    recent.remember('U3', 'D');
    expect(recent.list('U2')).toEqual([]);
    expect(recent.list('U1')).toEqual(['C', 'A']);
    expect(recent.list('U3')).toEqual(['D']);
  });
});
