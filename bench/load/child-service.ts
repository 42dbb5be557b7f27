// Starts the bot or the baseline as a child process, times it to ready, reads its memory from /proc, stops it.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';

export type ChildService = {
  name: string;
  pid: number;
  baseUrl: string;
  /** performance.now() just before spawn. */
  spawnedAt: number;
  /** Polls GET `path` until it answers 200; resolves with ms since spawn. Rejects on exit or after timeoutMs. */
  waitUntilReady(path: string, timeoutMs: number): Promise<number>;
  memory(): MemoryReading;
  /** CPU time (user + system) the child has used so far, in ms; NaN where /proc is not available. */
  cpuMs(): number;
  /** The last lines the child wrote (stdout and stderr), for diagnosing a failed run. */
  outputTail(): string;
  /** SIGTERM, then SIGKILL after graceMs; resolves with the exit code or signal. */
  stop(graceMs?: number): Promise<string>;
};

/** Resident set now and its high-water mark, in MB; NaN where /proc is not available (not Linux). */
export type MemoryReading = { rssMb: number; peakRssMb: number };

const MB = 1024 * 1024;
const TAIL_CHARS = 8000;

/** A port the OS just handed out on loopback; the child binds it a moment later (a small, accepted race). */
export { findFreePort } from '../../test/support/bot-child.js';

/** VmRSS and VmHWM of a Linux process, in MB. */
export function readProcessMemory(pid: number): MemoryReading {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number => {
      const match = new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
      return match?.[1] ? (Number(match[1]) * 1024) / MB : Number.NaN;
    };
    return { rssMb: field('VmRSS'), peakRssMb: field('VmHWM') };
  } catch {
    return { rssMb: Number.NaN, peakRssMb: Number.NaN };
  }
}

/** utime + stime of a Linux process from /proc/<pid>/stat, in ms (clock ticks of 10 ms on every common kernel). */
export function readProcessCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

const getStatus = (url: string): Promise<number> =>
  new Promise((resolve) => {
    const outgoing = httpRequest(url, { method: 'GET', agent: false, timeout: 2000 }, (incoming) => {
      incoming.resume();
      incoming.on('end', () => resolve(incoming.statusCode ?? 0));
      incoming.on('error', () => resolve(0));
    });
    outgoing.on('timeout', () => outgoing.destroy());
    outgoing.on('error', () => resolve(0));
    outgoing.end();
  });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export type StartChildOptions = {
  name: string;
  /** Arguments after the node executable. */
  args: string[];
  env: Record<string, string>;
  cwd: string;
  port: number;
};

export function startChildService(options: StartChildOptions): ChildService {
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
  };
  const spawnedAt = performance.now();
  // Only the variables given: the parent's environment (a developer's Slack or Caliq settings) must not leak in.
  const child: ChildProcess = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitDescription: string | undefined;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      exitDescription = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve(exitDescription);
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name} did not start`);
  const baseUrl = `http://127.0.0.1:${options.port}`;

  return {
    name: options.name,
    pid,
    baseUrl,
    spawnedAt,
    async waitUntilReady(path, timeoutMs) {
      const deadline = spawnedAt + timeoutMs;
      while (performance.now() < deadline) {
        if (exitDescription) throw new Error(`${options.name} exited (${exitDescription}) before ready:\n${tail}`);
        if ((await getStatus(`${baseUrl}${path}`)) === 200) return performance.now() - spawnedAt;
        await sleep(5);
      }
      throw new Error(`${options.name} was not ready within ${timeoutMs} ms:\n${tail}`);
    },
    memory: () => readProcessMemory(pid),
    cpuMs: () => readProcessCpuMs(pid),
    outputTail: () => tail,
    async stop(graceMs = 10_000) {
      if (exitDescription) return exitDescription;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
