// Names a PostgreSQL server for people (logs, the journal CLI) without its password, and without loading the driver.

/** "host:port/database as user": enough to find the server, never the password. */
export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default database)';
    const user = parsed.username ? ` as ${decodeURIComponent(parsed.username)}` : '';
    return `PostgreSQL at ${parsed.hostname || 'localhost'}:${parsed.port || '5432'}, database "${database}"${user}`;
  } catch {
    return 'PostgreSQL (unreadable DATABASE_URL)';
  }
}
