// Keeps this folder free of Slack: it must work (and be tested) without Bolt or the Web API.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('imports nothing from Slack', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const sources = fs.readdirSync(here).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  expect(sources.length).toBeGreaterThan(0);
  for (const name of sources) {
    const text = fs.readFileSync(path.join(here, name), 'utf8');
    expect(text, name).not.toMatch(/from '@slack\//);
  }
});
