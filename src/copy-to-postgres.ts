// One-off tool: copies the bot's SQLite file (DATABASE_PATH) into the PostgreSQL database at DATABASE_URL.
import 'dotenv/config';
import pg from 'pg';
import { secretsOfEnvironment } from './config.js';
import { scrubSecrets } from './logger.js';
import { copySqliteToPostgres, describeTarget, openDatabase, openPostgresStores } from './store/index.js';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const path = process.argv[2] ?? process.env.DATABASE_PATH ?? './data/caliq-slack.db';
  if (!url) throw new Error('Set DATABASE_URL to the PostgreSQL database to copy into.');
  const schema = process.env.DATABASE_SCHEMA || undefined;
  // Opening the stores creates or updates the PostgreSQL schema, exactly as the bot's start-up does.
  const stores = await openPostgresStores({ url, poolSize: 1, statementTimeoutMs: 60_000, schema });
  await stores.close();
  const source = openDatabase(path);
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  try {
    const result = await copySqliteToPostgres(source, client);
    process.stdout.write(`Copied ${path} into ${describeTarget(url)}:\n`);
    for (const [table, { read, copied }] of Object.entries(result)) {
      process.stdout.write(
        `  ${table.padEnd(14)} ${String(read).padStart(7)} read ${String(copied).padStart(7)} copied\n`,
      );
    }
  } finally {
    await client.end();
    source.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`copy failed: ${scrubSecrets(message, secretsOfEnvironment(process.env))}\n`);
  process.exit(1);
});
