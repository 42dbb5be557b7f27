// Refuses a Node.js older than the bot supports, in words, before any module that would crash on it is loaded.
// Imports nothing, so it runs on any Node.js that can parse it.

/** undici 7 (the Caliq client's HTTP pool) needs 20.18.1; Node 22 and 24 are recommended. */
export const MINIMUM_NODE = '20.18.1';

const parts = (version: string): number[] =>
  version
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10) || 0);

/** The message to stop with when `version` (process.versions.node) is too old; undefined when it will do. */
export function unsupportedNodeMessage(version: string): string | undefined {
  const have = parts(version);
  const need = parts(MINIMUM_NODE);
  for (let index = 0; index < need.length; index++) {
    const a = have[index] ?? 0;
    const b = need[index] ?? 0;
    if (a > b) return undefined;
    if (a < b) {
      return `caliq-slack needs Node.js ${MINIMUM_NODE} or newer (22 or 24 recommended); this is Node.js ${version}. Install a newer Node.js (https://nodejs.org) and start it again.`;
    }
  }
  return undefined;
}
