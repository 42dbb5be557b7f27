// The bench's command-line flags (and BENCH_* environment overrides), with defaults that finish in about 6 minutes.

export type BenchOptions = {
  /** Concurrent load clients per target, in both latency scenarios. */
  clients: number;
  /** Saturated scenario: seconds per kind and target in each round, and how many rounds. */
  roundSeconds: number;
  rounds: number;
  /** Paced scenario: the total rate the clients offer (each client sends every clients / rate seconds). */
  pacedRate: number;
  pacedRoundSeconds: number;
  pacedRounds: number;
  /** Interactions journaled for the drain scenario. */
  drain: number;
  /** Added latency of the Caliq simulator on every answer. */
  caliqLatencyMs: number;
  /** How many cold starts the start-up figure is taken from. */
  startups: number;
  /** Build dist/ first and run `node dist/main.js`; otherwise run src/main.ts through tsx. */
  build: boolean;
  /** Write a V8 CPU profile of the bot child processes (node --cpu-prof) into this folder. */
  cpuProfDir: string | undefined;
  /** Where results.md and results.json go. */
  outDir: string;
  /**
   * Folder for the bot's SQLite files; default the OS temp folder (a disk). Pointing it at a tmpfs such as /dev/shm
   * shows what the fsyncs of synchronous=FULL cost.
   */
  dbDir: string | undefined;
  quick: boolean;
  /** Run the several-instances scenario (two bots on PostgreSQL against one on SQLite); --no-instances skips it. */
  instances: boolean;
  /** The PostgreSQL server for it (BENCH_DATABASE_URL); each run uses throwaway schemas there. */
  databaseUrl: string;
  /** Account search scenario: customers in Caliq's list, block_suggestion rate and seconds measured. */
  suggestionCustomers: number;
  suggestionRate: number;
  suggestionSeconds: number;
  /** Run only the account search scenario and add its figures to the existing results. */
  suggestionsOnly: boolean;
};

const DEFAULTS: Omit<BenchOptions, 'outDir' | 'dbDir' | 'databaseUrl'> = {
  clients: 32,
  roundSeconds: 5,
  rounds: 4,
  pacedRate: 100,
  pacedRoundSeconds: 5,
  pacedRounds: 2,
  drain: 10_000,
  caliqLatencyMs: 50,
  startups: 3,
  build: true,
  cpuProfDir: undefined,
  quick: false,
  instances: true,
  suggestionCustomers: 100_000,
  suggestionRate: 100,
  suggestionSeconds: 30,
  suggestionsOnly: false,
};

/** A smoke run of a few seconds: same code paths, small numbers. */
const QUICK: Partial<BenchOptions> = {
  roundSeconds: 1,
  rounds: 1,
  pacedRoundSeconds: 1,
  pacedRounds: 1,
  drain: 300,
  startups: 1,
  clients: 8,
  suggestionSeconds: 2,
};

export class BenchOptionsError extends Error {
  override readonly name = 'BenchOptionsError';
}

const positiveNumber = (name: string, raw: string | undefined): number => {
  const value = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new BenchOptionsError(`--${name} needs a positive number, got ${JSON.stringify(raw)}`);
  }
  return value;
};

const NUMERIC: Record<string, keyof BenchOptions> = {
  clients: 'clients',
  'round-seconds': 'roundSeconds',
  rounds: 'rounds',
  'paced-rate': 'pacedRate',
  'paced-round-seconds': 'pacedRoundSeconds',
  'paced-rounds': 'pacedRounds',
  drain: 'drain',
  'caliq-latency': 'caliqLatencyMs',
  startups: 'startups',
  'suggestion-customers': 'suggestionCustomers',
  'suggestion-rate': 'suggestionRate',
  'suggestion-seconds': 'suggestionSeconds',
};

/** Reads `--name value` / `--name=value` flags; BENCH_CLIENTS style variables apply first, flags win. */
export function parseBenchOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  defaultOutDir: string,
): BenchOptions {
  const given = new Map<string, string | undefined>();
  for (const [flag, key] of Object.entries(NUMERIC)) {
    const fromEnv = env[`BENCH_${flag.replace(/-/g, '_').toUpperCase()}`];
    if (fromEnv !== undefined && fromEnv !== '') given.set(key, fromEnv);
  }
  const flags = new Set<string>();
  let cpuProfDir: string | undefined;
  let outDir = defaultOutDir;
  let dbDir: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (!arg.startsWith('--')) throw new BenchOptionsError(`unexpected argument ${JSON.stringify(arg)}`);
    const [name = '', inline] = arg.slice(2).split('=', 2);
    const takeValue = (): string | undefined => inline ?? argv[++index];
    const numericKey = NUMERIC[name];
    if (numericKey) given.set(numericKey, takeValue());
    else if (['quick', 'no-build', 'no-instances', 'suggestions-only'].includes(name)) flags.add(name);
    else if (name === 'cpu-prof') {
      const next = argv[index + 1];
      cpuProfDir = inline ?? (next && !next.startsWith('--') ? argv[++index] : 'profiles');
    } else if (name === 'out') outDir = takeValue() ?? defaultOutDir;
    else if (name === 'db-dir') dbDir = takeValue();
    else throw new BenchOptionsError(`unknown flag --${name}`);
  }
  const quick = flags.has('quick');
  const options: BenchOptions = {
    ...DEFAULTS,
    ...(quick ? QUICK : {}),
    quick,
    build: !flags.has('no-build'),
    instances: !flags.has('no-instances'),
    databaseUrl: env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
    suggestionsOnly: flags.has('suggestions-only'),
    outDir,
    dbDir,
  };
  for (const [flag, key] of Object.entries(NUMERIC)) {
    if (!given.has(key)) continue;
    (options as Record<string, unknown>)[key] = positiveNumber(flag, given.get(key));
  }
  for (const key of ['clients', 'rounds', 'pacedRounds', 'drain', 'startups', 'suggestionCustomers'] as const)
    options[key] = Math.round(options[key]);
  if (cpuProfDir !== undefined) options.cpuProfDir = cpuProfDir;
  return options;
}
