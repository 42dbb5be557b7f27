// Scenario 5, part two: heap cost of the account search for N customers, alone with --expose-gc, before and after.
// Usage: node --expose-gc --import tsx bench/scenarios/index-heap.ts [customers]
import pino from 'pino';
import { createAccountDirectory } from '../../src/accounts/index.js';
import { generateCustomers, readDefaultSeed } from '../../tools/caliq-simulator/index.js';

export type IndexHeapResult = {
  customers: number;
  named: number;
  /** V8 heap growth (heapUsed after full GCs). */
  heapMb: number;
  /** Typed arrays of the index live outside the V8 heap (ArrayBuffers); counted apart, then in the total. */
  arrayBuffersMb: number;
  totalMb: number;
  buildMs: number;
};

const MB = 1024 * 1024;

function settledMemory(): NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  for (let round = 0; round < 3; round++) gc();
  return process.memoryUsage();
}

function measure(count: number): IndexHeapResult {
  const channelIds = readDefaultSeed().channels.map((channel) => channel.ID);
  // What the bot's reference caches hold before the index exists: the customer list and the named customers.
  const generated = generateCustomers(count, { channelIds });
  const customers = generated.map((customer) => ({ id: customer.ID, accountNo: customer.AccountNo }));
  const named = generated.flatMap((customer) =>
    customer.Name ? [{ id: customer.ID, accountNo: customer.AccountNo, name: customer.Name }] : [],
  );
  const directory = createAccountDirectory({
    customers: () => customers,
    namedCustomers: () => named,
    logger: pino({ level: 'silent' }),
  });
  const before = settledMemory();
  const startedAt = performance.now();
  const index = directory.index();
  const buildMs = performance.now() - startedAt;
  const after = settledMemory();
  if (index?.size !== count) throw new Error(`the index holds ${index?.size} customers, expected ${count}`);
  const heapMb = (after.heapUsed - before.heapUsed) / MB;
  const arrayBuffersMb = (after.arrayBuffers - before.arrayBuffers) / MB;
  return { customers: count, named: named.length, heapMb, arrayBuffersMb, totalMb: heapMb + arrayBuffersMb, buildMs };
}

process.stdout.write(`${JSON.stringify(measure(Number(process.argv[2] ?? 100_000)))}\n`);
