// Reads a V8 .cpuprofile (from `npm run bench -- --cpu-prof`) and prints where the time went, by function and by package.
// Usage: npx tsx bench/summarize-profile.ts <file.cpuprofile> [top]
import { readFileSync } from 'node:fs';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type ProfileSummary = {
  totalMs: number;
  byFunction: Array<{ name: string; selfMs: number }>;
  byPackage: Array<{ name: string; selfMs: number }>;
};

/** The package (or our own folder) a script URL belongs to, so the table reads "better-sqlite3", "src/store". */
function packageOf(url: string): string {
  if (url === '') return '(native / idle / gc)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules?.[1]) return inModules[1];
  if (url.startsWith('node:')) return 'node internals';
  const ours = /\/(dist|src)\/([^/]+)/.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  return url;
}

export function summarizeProfile(profile: Profile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByNode = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let totalMs = 0;
  for (const [id, selfMs] of selfByNode) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    totalMs += selfMs;
    const where = frame.url
      ? `${frame.url.replace(/^.*\/(node_modules|dist|src)\//, '$1/')}:${frame.lineNumber + 1}`
      : '';
    const name = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + selfMs);
    const pkg = packageOf(frame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + selfMs);
  }
  const sorted = (map: Map<string, number>) =>
    [...map].map(([name, selfMs]) => ({ name, selfMs })).sort((a, b) => b.selfMs - a.selfMs);
  return { totalMs, byFunction: sorted(byFunction), byPackage: sorted(byPackage) };
}

function printSummary(file: string, top: number): void {
  const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  const line = (entry: { name: string; selfMs: number }) =>
    `${entry.selfMs.toFixed(0).padStart(8)} ms ${((entry.selfMs / summary.totalMs) * 100).toFixed(1).padStart(5)}%  ${entry.name}`;
  process.stdout.write(`${file}: ${summary.totalMs.toFixed(0)} ms sampled\n\nby package\n`);
  process.stdout.write(`${summary.byPackage.slice(0, top).map(line).join('\n')}\n\nby function (self time)\n`);
  process.stdout.write(`${summary.byFunction.slice(0, top).map(line).join('\n')}\n`);
}

const [file, top] = process.argv.slice(2);
if (file) printSummary(file, Number(top ?? 25));
else process.stderr.write('usage: npx tsx bench/summarize-profile.ts <file.cpuprofile> [top]\n');
