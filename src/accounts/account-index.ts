// An in-memory search over Caliq's customers by account number and known name, ranked as users expect; no I/O.
import { buildBigramPostings } from './bigram-postings.js';
import { normalizeKey, normalizeName } from './normalize.js';

/** A customer as the index keeps it: the account number users know and, when Caliq has told us, its name. */
export type AccountRecord = { accountNo: string; name?: string | undefined };

/** Best first: the number typed exactly, the start of a number, the start of a word of a name, anywhere. */
export type MatchKind = 'exact' | 'number_prefix' | 'name_word_prefix' | 'substring';

export type AccountMatch = {
  accountNo: string;
  name: string | undefined;
  match: MatchKind;
  /** One of the user's recently used accounts (these come first). */
  recent: boolean;
};

export type SearchOptions = {
  /** The user's recently used account numbers, most recent first. */
  recent?: readonly string[];
  /** At most this many matches (Slack shows at most 100 options). */
  limit?: number;
};

export type AccountIndex = {
  readonly size: number;
  /** Matches for what the user typed, ranked; a query with no letters or digits matches every account. */
  search(query: string, options?: SearchOptions): AccountMatch[];
  /** The customer with this account number (case and surrounding spaces ignored), if Caliq has it. */
  find(accountNo: string): AccountRecord | undefined;
};

export const MAX_MATCHES = 100;

const KINDS: readonly MatchKind[] = ['exact', 'number_prefix', 'name_word_prefix', 'substring'];
const EXACT = 0;
const NUMBER_PREFIX = 1;
const NAME_WORD_PREFIX = 2;
const SUBSTRING = 3;
const NONE = -1;
/** Characters that never occur in a key, so a match can't run from one field or customer into the next. */
const RECORD_SEPARATOR = '\n';
const FIELD_SEPARATOR = '|';
const SEPARATOR_CODE = RECORD_SEPARATOR.charCodeAt(0);

/** First index in the ascending `keys` whose key is ≥ `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] as string) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Positions of the customers in number key order (ties by account number). Apart from the builder so the comparator
 * closure does not keep the input alive next to the index.
 */
function sortByNumberKey(records: readonly AccountRecord[], keys: readonly string[]): Int32Array {
  return Int32Array.from(records.keys()).sort((a, b) => {
    const left = keys[a] as string;
    const right = keys[b] as string;
    if (left !== right) return left < right ? -1 : 1;
    return (records[a] as AccountRecord).accountNo < (records[b] as AccountRecord).accountNo ? -1 : 1;
  });
}

/**
 * Offsets of the name words sorted by the text from there to the end of the name (an array of suffixes). Compared in
 * place, character by character: the separator sorts before every key character, so a shorter suffix comes first.
 */
function sortWordSuffixes(text: string, offsets: readonly number[]): Int32Array {
  return Int32Array.from(offsets).sort((a, b) => {
    for (let offset = 0; ; offset++) {
      const left = text.charCodeAt(a + offset);
      const difference = left - text.charCodeAt(b + offset);
      if (difference !== 0) return difference;
      if (left === SEPARATOR_CODE) return a - b;
    }
  });
}

/**
 * Builds the index once per customer list. Layout, for speed and a small heap: customers sorted by number key, so
 * number prefixes are a binary search; every key in one flat ASCII string (`\nnumber|name` per customer); name word
 * starts sorted by the text that follows them, so a word prefix is a binary search too; pairs of characters to find
 * substring candidates without scanning everything.
 */
export function buildAccountIndex(records: readonly AccountRecord[]): AccountIndex {
  const kept = records.filter((record) => record.accountNo.trim() !== '');
  const keys = kept.map((record) => normalizeKey(record.accountNo));
  const order = sortByNumberKey(kept, keys);
  const size = kept.length;
  const accountNos: string[] = new Array(size);
  const names: (string | undefined)[] = new Array(size);
  const numberKeys: string[] = new Array(size);
  const recordStart = new Int32Array(size + 1);
  const nameStart = new Int32Array(size);
  const parts: string[] = new Array(size);
  const wordOffsets: number[] = [];
  let offset = 0;
  for (let index = 0; index < size; index++) {
    const record = kept[order[index] as number] as AccountRecord;
    const key = keys[order[index] as number] as string;
    const name = record.name?.trim() || undefined;
    const normalized = name === undefined ? { key: '', wordStarts: [] } : normalizeName(name);
    accountNos[index] = record.accountNo.trim();
    names[index] = name;
    numberKeys[index] = key;
    recordStart[index] = offset + 1;
    nameStart[index] = offset + 2 + key.length;
    for (const start of normalized.wordStarts) wordOffsets.push((nameStart[index] as number) + start);
    parts[index] = `${RECORD_SEPARATOR}${key}${FIELD_SEPARATOR}${normalized.key}`;
    offset += 2 + key.length + normalized.key.length;
  }
  recordStart[size] = offset + 1;
  // A closing separator, so reading one past the last key meets a separator too.
  parts.push(RECORD_SEPARATOR);
  const text = parts.join('');
  const wordSuffixes = sortWordSuffixes(text, wordOffsets);
  const isWordStart = new Uint8Array(text.length);
  for (const position of wordOffsets) isWordStart[position] = 1;
  const bigrams = buildBigramPostings(text, recordStart, size);

  /** The customer whose segment holds `position`: the last one starting at or before it. */
  function recordAt(position: number): number {
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((recordStart[middle] as number) <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Compares the text at `position` with `key` over key's length: < 0, 0 when it starts with key, > 0. */
  function compareAt(position: number, key: string): number {
    for (let offset = 0; offset < key.length; offset++) {
      const difference = text.charCodeAt(position + offset) - key.charCodeAt(offset);
      if (difference !== 0) return difference;
    }
    return 0;
  }

  /** How customer `index` matches `key` (an index into KINDS), or NONE; reads only that customer's segment. */
  function classify(index: number, key: string): number {
    const numberKey = numberKeys[index] as string;
    if (numberKey === key) return EXACT;
    if (numberKey.startsWith(key)) return NUMBER_PREFIX;
    const last = (recordStart[index + 1] as number) - 1 - key.length;
    let best = NONE;
    for (let position = recordStart[index] as number; position <= last; position++) {
      if (compareAt(position, key) !== 0) continue;
      if (position >= (nameStart[index] as number) && isWordStart[position] === 1) return NAME_WORD_PREFIX;
      best = SUBSTRING;
    }
    return best;
  }

  /** First of the sorted word suffixes that is ≥ key. */
  function firstWordSuffix(key: string): number {
    let low = 0;
    let high = wordSuffixes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareAt(wordSuffixes[middle] as number, key) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Position of the customer with this account number (case and surrounding spaces ignored), or NONE. */
  function indexOfAccount(accountNo: string): number {
    const wanted = accountNo.trim().toUpperCase();
    const key = normalizeKey(wanted);
    for (let index = lowerBound(numberKeys, key); index < size && numberKeys[index] === key; index++) {
      if ((accountNos[index] as string).toUpperCase() === wanted) return index;
    }
    return NONE;
  }

  const matchOf = (index: number, kind: number, recent: boolean): AccountMatch => ({
    accountNo: accountNos[index] as string,
    name: names[index],
    match: KINDS[kind] as MatchKind,
    recent,
  });

  function search(query: string, options: SearchOptions = {}): AccountMatch[] {
    const limit = Math.max(0, Math.min(options.limit ?? MAX_MATCHES, MAX_MATCHES));
    const key = normalizeKey(query);
    const results: AccountMatch[] = [];
    if (limit === 0) return results;

    // The user's own accounts first: best match first, then most recent first.
    const recentIndexes: number[] = [];
    const recentHits: { index: number; kind: number }[] = [];
    for (const accountNo of options.recent ?? []) {
      const index = indexOfAccount(accountNo);
      if (index === NONE || recentIndexes.includes(index)) continue;
      recentIndexes.push(index);
      const kind = key === '' ? SUBSTRING : classify(index, key);
      if (kind !== NONE) recentHits.push({ index, kind });
    }
    recentHits.sort((a, b) => a.kind - b.kind);
    for (const hit of recentHits.slice(0, limit)) results.push(matchOf(hit.index, hit.kind, true));
    const full = (): boolean => results.length >= limit;

    if (key === '') {
      for (let index = 0; index < size && !full(); index++) {
        if (!recentIndexes.includes(index)) results.push(matchOf(index, SUBSTRING, false));
      }
      return results;
    }

    // Numbers equal to or starting with the key are one run of the sorted keys, the equal ones first.
    const prefixFrom = lowerBound(numberKeys, key);
    let prefixTo = prefixFrom;
    for (; prefixTo < size && (numberKeys[prefixTo] as string).startsWith(key) && !full(); prefixTo++) {
      if (!recentIndexes.includes(prefixTo)) {
        results.push(matchOf(prefixTo, numberKeys[prefixTo] === key ? EXACT : NUMBER_PREFIX, false));
      }
    }
    if (full()) return results;

    const listed: number[] = [];
    const isListed = (index: number): boolean =>
      (index >= prefixFrom && index < prefixTo) || recentIndexes.includes(index) || listed.includes(index);

    // Names with a word starting with the key: one run of the sorted suffixes, alphabetical from that word on.
    for (let entry = firstWordSuffix(key); entry < wordSuffixes.length && !full(); entry++) {
      const position = wordSuffixes[entry] as number;
      if (compareAt(position, key) !== 0) break;
      const index = recordAt(position);
      if (isListed(index)) continue;
      listed.push(index);
      results.push(matchOf(index, NAME_WORD_PREFIX, false));
    }
    if (full()) return results;

    // Anything else containing the key, in account number order, while there is room.
    const addSubstring = (index: number): boolean => {
      if (!isListed(index) && classify(index, key) === SUBSTRING) results.push(matchOf(index, SUBSTRING, false));
      return !full();
    };
    if (key.length >= 2) {
      bigrams.forEachCandidate(key, addSubstring);
      return results;
    }
    // One character: every customer that has it, found with indexOf (fast for a single character).
    for (let position = text.indexOf(key); position !== NONE; ) {
      const index = recordAt(position);
      if (!addSubstring(index)) break;
      position = text.indexOf(key, recordStart[index + 1]);
    }
    return results;
  }

  return {
    size,
    search,
    find(accountNo) {
      const index = indexOfAccount(accountNo);
      return index === NONE ? undefined : { accountNo: accountNos[index] as string, name: names[index] };
    },
  };
}
