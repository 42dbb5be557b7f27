// For each pair of key characters, which customers have it: narrows a substring search to a few candidates.

/** '0'–'9' → 0–9, 'a'–'z' → 10–35, anything else → -1. */
function slotOf(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  return -1;
}

const SLOTS = 36;

export type BigramPostings = {
  /** Ascending customer positions that have every pair of `key` (length ≥ 2), as candidates; call `each` per one. */
  forEachCandidate(key: string, each: (record: number) => boolean): void;
};

/**
 * Built from the flat key text and where each customer's segment starts; pairs never span a separator, since a
 * match can't. Lists are compressed rows (one Int32Array), ascending because customers are visited in order.
 */
export function buildBigramPostings(text: string, recordStart: Int32Array, records: number): BigramPostings {
  const counts = new Int32Array(SLOTS * SLOTS + 1);
  const lastSeen = new Int32Array(SLOTS * SLOTS).fill(-1);
  const visit = (onPair: (pair: number, record: number) => void) => {
    lastSeen.fill(-1);
    for (let record = 0; record < records; record++) {
      const end = (recordStart[record + 1] as number) - 1;
      let previous = -1;
      for (let position = recordStart[record] as number; position < end; position++) {
        const slot = slotOf(text.charCodeAt(position));
        if (previous >= 0 && slot >= 0) {
          const pair = previous * SLOTS + slot;
          if (lastSeen[pair] !== record) {
            lastSeen[pair] = record;
            onPair(pair, record);
          }
        }
        previous = slot;
      }
    }
  };
  visit((pair) => {
    counts[pair + 1] = (counts[pair + 1] as number) + 1;
  });
  for (let pair = 1; pair < counts.length; pair++)
    counts[pair] = (counts[pair] as number) + (counts[pair - 1] as number);
  const entries = new Int32Array(counts[SLOTS * SLOTS] as number);
  const fill = counts.slice(0, SLOTS * SLOTS);
  visit((pair, record) => {
    entries[fill[pair] as number] = record;
    fill[pair] = (fill[pair] as number) + 1;
  });

  const pairsOf = (key: string): number[] => {
    const pairs: number[] = [];
    for (let position = 1; position < key.length; position++) {
      pairs.push(slotOf(key.charCodeAt(position - 1)) * SLOTS + slotOf(key.charCodeAt(position)));
    }
    return pairs;
  };
  const lengthOf = (pair: number): number => (counts[pair + 1] as number) - (counts[pair] as number);

  /** First entry in [from, to) of the list holding a record ≥ `record`: galloping, then binary search. */
  const advance = (from: number, to: number, record: number): number => {
    let step = 1;
    let low = from;
    let high = from;
    while (high < to && (entries[high] as number) < record) {
      low = high + 1;
      high += step;
      step *= 2;
    }
    high = Math.min(high, to);
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((entries[middle] as number) < record) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  return {
    forEachCandidate(key, each) {
      const pairs = [...new Set(pairsOf(key))].sort((a, b) => lengthOf(a) - lengthOf(b));
      const [rarest, ...others] = pairs;
      if (rarest === undefined) return;
      // Walk the rarest list; every other list must hold the same customer (all ascending, so pointers only advance).
      const cursors = others.map((pair) => counts[pair] as number);
      for (let entry = counts[rarest] as number; entry < (counts[rarest + 1] as number); entry++) {
        const record = entries[entry] as number;
        let inAll = true;
        for (let list = 0; list < others.length && inAll; list++) {
          const pair = others[list] as number;
          const end = counts[pair + 1] as number;
          const cursor = advance(cursors[list] as number, end, record);
          cursors[list] = cursor;
          if (cursor >= end) return;
          inAll = entries[cursor] === record;
        }
        if (inAll && !each(record)) return;
      }
    },
  };
}
