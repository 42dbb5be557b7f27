import { describe, expect, it } from 'vitest';
import { generateCustomers } from '../../tools/caliq-simulator/generate.js';
import { type AccountMatch, type AccountRecord, buildAccountIndex, type MatchKind } from './account-index.js';
import { normalizeKey, normalizeName } from './normalize.js';

const CUSTOMERS: AccountRecord[] = [
  { accountNo: 'ACME01', name: 'Acme Engineering Ltd' },
  { accountNo: 'ACME012', name: 'Acme Export' },
  { accountNo: 'BRIG02', name: 'Brighton Garden Supplies' },
  { accountNo: 'BX-22', name: 'Boxford Acme Tools' },
  { accountNo: 'CHES03' },
  { accountNo: 'XACME9', name: 'Xavier Holdings' },
  { accountNo: 'DUND01', name: 'Dundee Marine Parts' },
  { accountNo: 'MULL05', name: 'Müller & Söhne GmbH' },
  { accountNo: 'ZED01', name: 'Packacme Services' },
];

const summary = (matches: AccountMatch[]) =>
  matches.map((m) => `${m.accountNo}:${m.match}${m.recent ? ':recent' : ''}`);

describe('buildAccountIndex search', () => {
  const index = buildAccountIndex(CUSTOMERS);

  it('ranks exact number, then number prefix, then name-word prefix, then substring of number or name', () => {
    expect(summary(index.search('acme01'))).toEqual(['ACME01:exact', 'ACME012:number_prefix']);
    expect(summary(index.search('acme'))).toEqual([
      'ACME01:number_prefix',
      'ACME012:number_prefix',
      'BX-22:name_word_prefix',
      'XACME9:substring',
      'ZED01:substring',
    ]);
  });

  it('ignores case, spaces and punctuation in the query and in the data', () => {
    expect(summary(index.search('bx22'))).toEqual(['BX-22:exact']);
    expect(summary(index.search(' B X-2 2 '))).toEqual(['BX-22:exact']);
    expect(summary(index.search('garden sup'))).toEqual(['BRIG02:name_word_prefix']);
    expect(summary(index.search('GARDENSUP'))).toEqual(['BRIG02:name_word_prefix']);
    expect(summary(index.search('muller'))).toEqual(['MULL05:name_word_prefix']);
    expect(summary(index.search('söhne'))).toEqual(['MULL05:name_word_prefix']);
  });

  it('finds customers without a name by number only, and shows names where known', () => {
    expect(index.search('ches')).toEqual([
      { accountNo: 'CHES03', name: undefined, match: 'number_prefix', recent: false },
    ]);
    expect(index.search('dundee')[0]).toEqual({
      accountNo: 'DUND01',
      name: 'Dundee Marine Parts',
      match: 'name_word_prefix',
      recent: false,
    });
  });

  it('matches a name inside a word as a substring, and never across two customers or fields', () => {
    expect(summary(index.search('ngineer'))).toEqual(['ACME01:substring']);
    // "…Ltd" of ACME01 then "ACME012": no match may span the boundary.
    expect(index.search('ltdacme')).toEqual([]);
    expect(index.search('01acme')).toEqual([]);
    expect(index.search('nothing like it')).toEqual([]);
  });

  it("puts the user's recent accounts first, best match first, then most recent", () => {
    const recent = ['ZED01', 'BX-22', 'ACME012', 'CHES03'];
    expect(summary(index.search('acme', { recent }))).toEqual([
      'ACME012:number_prefix:recent',
      'BX-22:name_word_prefix:recent',
      'ZED01:substring:recent',
      'ACME01:number_prefix',
      'XACME9:substring',
    ]);
    expect(summary(index.search('', { recent: ['chesS03', 'ches03'] })).slice(0, 2)).toEqual([
      'CHES03:substring:recent',
      'ACME01:substring',
    ]);
  });

  it('ignores recent accounts Caliq no longer has', () => {
    expect(summary(index.search('acme01', { recent: ['GONE99'] }))).toEqual(['ACME01:exact', 'ACME012:number_prefix']);
  });

  it('finds an account by number, whatever the case and spaces', () => {
    expect(index.find(' acme01 ')).toEqual({ accountNo: 'ACME01', name: 'Acme Engineering Ltd' });
    expect(index.find('bx-22')).toEqual({ accountNo: 'BX-22', name: 'Boxford Acme Tools' });
    expect(index.find('BX22')).toBeUndefined();
    expect(index.find('NOPE')).toBeUndefined();
  });
});

describe('the 100 cap', () => {
  const many = Array.from({ length: 500 }, (_, i) => ({
    accountNo: `AC${String(i).padStart(4, '0')}`,
    name: `Acme ${i}`,
  }));
  const index = buildAccountIndex(many);

  it('answers at most 100, and any smaller limit asked for', () => {
    expect(index.search('ac')).toHaveLength(100);
    expect(index.search('acme')).toHaveLength(100);
    expect(index.search('')).toHaveLength(100);
    expect(index.search('ac', { limit: 5 })).toHaveLength(5);
    expect(index.search('ac', { limit: 1000 })).toHaveLength(100);
  });

  it('keeps recent accounts inside the cap, first', () => {
    const found = index.search('ac', { recent: ['AC0499'] });
    expect(found).toHaveLength(100);
    expect(found[0]).toMatchObject({ accountNo: 'AC0499', recent: true });
    expect(found.filter((m) => m.accountNo === 'AC0499')).toHaveLength(1);
  });
});

/** The rules written the slow, obvious way, to check the fast index against on many customers and queries. */
function kindOf(record: AccountRecord, key: string): MatchKind | undefined {
  const number = normalizeKey(record.accountNo);
  const name = record.name ? normalizeName(record.name) : { key: '', wordStarts: [] };
  if (number === key) return 'exact';
  if (number.startsWith(key)) return 'number_prefix';
  if (name.wordStarts.some((start) => name.key.startsWith(key, start))) return 'name_word_prefix';
  if (number.includes(key) || name.key.includes(key)) return 'substring';
  return undefined;
}

describe('against the rules written plainly', () => {
  const records = generateCustomers(3000).map((c) => ({ accountNo: c.AccountNo, name: c.Name }));
  const index = buildAccountIndex(records);
  const rank: MatchKind[] = ['exact', 'number_prefix', 'name_word_prefix', 'substring'];
  const queries = [
    'a',
    'b',
    'x',
    '0',
    '7',
    'ba',
    'bath',
    'bath0',
    'BATH000123',
    'th',
    'ltd',
    'supplies l',
    'ngt',
    'ers',
  ];
  queries.push('qz', '00', '0012', 'york', 'rk00', 'gardenserv', 'es', 'ple', 'plumbing supplies', 'wells');

  it.each(queries)('"%s": right kinds, best first, nothing better left out, everything when under the cap', (query) => {
    const key = normalizeKey(query);
    const found = index.search(query);
    const expected = new Map<string, MatchKind>();
    for (const record of records) {
      const kind = kindOf(record, key);
      if (kind) expected.set(record.accountNo, kind);
    }
    for (const match of found) expect(match.match).toBe(expected.get(match.accountNo));
    const ranks = found.map((match) => rank.indexOf(match.match));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(found.map((m) => m.accountNo)).size).toBe(found.length);
    if (found.length < 100) {
      expect(found.length).toBe(expected.size);
    } else {
      const worst = Math.max(...ranks);
      const better = [...expected.values()].filter((kind) => rank.indexOf(kind) < worst).length;
      expect(ranks.filter((r) => r < worst)).toHaveLength(better);
    }
  });
});
