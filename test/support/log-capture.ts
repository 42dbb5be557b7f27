// A logger whose lines the test reads back, one string a line (not used by the bot itself).
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger.js';

export function captureLogs(level = 'debug') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ destination, level }) };
}
