// Enforces the layering: pure folders never reach for Bolt or Slack's SDKs, and Caliq code knows nothing of Slack.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(repoRoot, 'src');

/** Every module specifier in a source text: static, type-only, re-export, side-effect and dynamic imports. */
const findImports = (source: string): string[] => {
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1] as string));
};

/** Production modules (not tests: they may drive real SDK clients against fakes) under one src folder. */
const listModules = (folder: string): string[] => {
  const root = path.join(srcDir, folder);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|mts|js)$/.test(file) && !/\.test\.ts$/.test(file))
    .map((file) => path.join(root, file));
};

type Violation = { file: string; specifier: string };

const findViolations = (folders: string[], isForbidden: (specifier: string, file: string) => boolean): Violation[] =>
  folders.flatMap((folder) =>
    listModules(folder).flatMap((file) =>
      findImports(fs.readFileSync(file, 'utf8'))
        .filter((specifier) => isForbidden(specifier, file))
        .map((specifier) => ({ file: path.relative(repoRoot, file), specifier })),
    ),
  );

/** True when a relative specifier in `file` points into one of the given src folders. */
const pointsInto =
  (folders: string[]) =>
  (specifier: string, file: string): boolean => {
    if (!specifier.startsWith('.')) return false;
    const target = path.relative(srcDir, path.resolve(path.dirname(file), specifier));
    return folders.some((folder) => target === folder || target.startsWith(`${folder}${path.sep}`));
  };

/** The room (top-level folder of src/) a path is in, or undefined for a module at src/'s top. */
const roomOf = (file: string): string | undefined => {
  const parts = path.relative(srcDir, file).split(path.sep);
  return parts.length > 1 ? parts[0] : undefined;
};

/** True when a relative specifier in `file` reaches into another room past its index.ts. */
const pastAnotherRoomsIndex = (specifier: string, file: string): boolean => {
  if (!specifier.startsWith('.')) return false;
  const target = path.resolve(path.dirname(file), specifier);
  const room = roomOf(target);
  if (room === undefined || room === roomOf(file)) return false;
  return path.relative(path.join(srcDir, room), target) !== 'index.js';
};

const isBolt = (specifier: string) => specifier === '@slack/bolt' || specifier.startsWith('@slack/bolt/');
const isSlackSdk = (specifier: string) => specifier.startsWith('@slack/');

describe('findImports', () => {
  it('finds every form of import, so the rules below can fail', () => {
    const source = [
      "import { App } from '@slack/bolt';",
      "import type {\n  KnownBlock,\n} from '@slack/types';",
      "export { x } from '../views/index.js';",
      "export * from './local.js';",
      "import 'side-effect';",
      "const lazy = await import('@slack/web-api');",
      "const text = 'not an import from here';",
    ].join('\n');
    expect(findImports(source).sort()).toEqual(
      ['../views/index.js', './local.js', '@slack/bolt', '@slack/types', '@slack/web-api', 'side-effect'].sort(),
    );
  });

  it('resolves relative specifiers against the importing file', () => {
    const inCaliq = path.join(srcDir, 'caliq', 'sub', 'client.ts');
    expect(pointsInto(['views'])('../../views/log-modal.js', inCaliq)).toBe(true);
    expect(pointsInto(['views'])('../views-helpers.js', inCaliq)).toBe(false);
    expect(pointsInto(['slack'])('./slack/x.js', inCaliq)).toBe(false);
  });
});

describe('layering of src/', () => {
  it('scans real modules', () => {
    expect(listModules('caliq').length).toBeGreaterThan(0);
  });

  it('keeps @slack/bolt out of views, caliq, dates, store, people, interactions and reminders', () => {
    const folders = ['views', 'caliq', 'dates', 'store', 'people', 'interactions', 'reminders'];
    expect(findViolations(folders, isBolt)).toEqual([]);
  });

  it('keeps every @slack/* package out of caliq, dates, store and reminders', () => {
    expect(findViolations(['caliq', 'dates', 'store', 'reminders'], isSlackSdk)).toEqual([]);
  });

  it('keeps caliq from importing views, listeners or slack', () => {
    expect(findViolations(['caliq'], pointsInto(['views', 'listeners', 'slack']))).toEqual([]);
  });

  it('keeps src/ to what ships: no module in src reaches into tools/ or test/', () => {
    const everyFolder = fs
      .readdirSync(srcDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(everyFolder.length).toBeGreaterThan(5);
    const outsideSrc = (specifier: string, file: string) =>
      specifier.startsWith('.') &&
      path.relative(repoRoot, path.resolve(path.dirname(file), specifier)).split(path.sep)[0] !== 'src';
    expect(findViolations(everyFolder, outsideSrc)).toEqual([]);
    const topModules = fs.readdirSync(srcDir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    const topImports = topModules.flatMap((file) => findImports(fs.readFileSync(path.join(srcDir, file), 'utf8')));
    expect(topImports.filter((specifier) => specifier.startsWith('../'))).toEqual([]);
  });

  it('finds a shipped module that imports a tool, so the rule above can fail', () => {
    const shipped = path.join(srcDir, 'views', 'log-modal.ts');
    const outsideSrc = (specifier: string) =>
      path.relative(repoRoot, path.resolve(path.dirname(shipped), specifier)).split(path.sep)[0] !== 'src';
    expect(outsideSrc('../../tools/slack-stand-in/fake-slack.js')).toBe(true);
    expect(outsideSrc('../../test/support/view-fixtures.js')).toBe(true);
    expect(outsideSrc('../caliq/index.js')).toBe(false);
  });

  it('keeps the tools out of src/: the Slack stand-in, the Caliq simulator and the demo live in tools/', () => {
    for (const tool of ['slack-stand-in', 'caliq-simulator', 'demo']) {
      expect(fs.existsSync(path.join(srcDir, tool))).toBe(false);
      expect(fs.existsSync(path.join(repoRoot, 'tools', tool))).toBe(true);
    }
  });

  it('gives every room of src/ an index.ts, and no folder inside a room one', () => {
    const rooms = fs.readdirSync(srcDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(rooms.filter((room) => !fs.existsSync(path.join(srcDir, room.name, 'index.ts'))).map((r) => r.name)).toEqual(
      [],
    );
    const innerBarrels = rooms.flatMap((room) =>
      fs
        .readdirSync(path.join(srcDir, room.name), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.includes(path.sep) && path.basename(file) === 'index.ts')
        .map((file) => path.join(room.name, file)),
    );
    expect(innerBarrels).toEqual([]);
  });

  it('lets a module reach another room only through that room’s index.ts', () => {
    const rooms = fs
      .readdirSync(srcDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const topModules = fs
      .readdirSync(srcDir)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => path.join(srcDir, file));
    const modules = [...rooms.flatMap(listModules), ...topModules];
    const violations = modules.flatMap((file) =>
      findImports(fs.readFileSync(file, 'utf8'))
        .filter((specifier) => pastAnotherRoomsIndex(specifier, file))
        .map((specifier) => ({ file: path.relative(repoRoot, file), specifier })),
    );
    expect(violations).toEqual([]);
  });

  it('finds an import past another room’s index.ts, so the rule above can fail', () => {
    const inViews = path.join(srcDir, 'views', 'log-modal.ts');
    expect(pastAnotherRoomsIndex('../store/types.js', inViews)).toBe(true);
    expect(pastAnotherRoomsIndex('../store/index.js', inViews)).toBe(false);
    expect(pastAnotherRoomsIndex('./limits.js', inViews)).toBe(false);
    expect(pastAnotherRoomsIndex('./store/sqlite/database.js', path.join(srcDir, 'bot.ts'))).toBe(true);
  });

  it('keeps every file in src/ to 300 lines at most (the house signal to split)', () => {
    const tooLong = fs
      .readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => ({ file, lines: fs.readFileSync(path.join(srcDir, file), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > 300);
    expect(tooLong).toEqual([]);
  });

  it('keeps the account search free of Slack: no @slack/* package, no views, listeners or slack', () => {
    expect(listModules('accounts').length).toBeGreaterThan(0);
    expect(findViolations(['accounts'], isSlackSdk)).toEqual([]);
    expect(findViolations(['accounts'], pointsInto(['views', 'listeners', 'slack']))).toEqual([]);
  });
});
