/**
 * `npm run bench [-- NAME…]`: runs the named benchmark entries (all by default) and updates
 * their keys, plus the `machine` block, in bench-results.json at the repository root, then
 * regenerates docs/benchmarks.md from it. Each entry gets `run_s`, the seconds it took, and
 * the `machine` block records the whole run's seconds when every entry ran (see runRecord).
 *
 * Every entry compares our figure with a floor measured in the same run and reports the
 * ratio beside the raw numbers, with a `floors` object naming each floor.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

import { writeBenchmarksDoc } from '../scripts/docs-bench.js';
import type { BenchEntry } from './entry.js';

/** Entries in report order; each loads lazily so one entry's imports never slow another. */
const ENTRIES: Record<string, () => Promise<BenchEntry>> = {
  proto: async () => (await import('./proto.bench.js')).protoBench,
  devnet: async () => (await import('./devnet.bench.js')).devnetBench,
  voice_message: async () => (await import('./voice-message.bench.js')).voiceMessageBench,
  room: async () => (await import('./room.bench.js')).roomBench,
  bundle: async () => (await import('./bundle.bench.js')).bundleBench,
  signaling: async () => (await import('./signaling.bench.js')).signalingBench,
  call_setup: async () => (await import('./call-setup.bench.js')).callSetupBench,
  load: async () => (await import('./load.bench.js')).loadBench,
};

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsPath = `${root}bench-results.json`;

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = requested.filter((name) => !Object.hasOwn(ENTRIES, name));

  if (unknown.length > 0) {
    console.error(
      `unknown benchmark entries: ${unknown.join(', ')}; known: ${Object.keys(ENTRIES).join(', ')}`,
    );
    process.exit(2);
  }

  const names = requested.length > 0 ? requested : Object.keys(ENTRIES);
  const runStarted = performance.now();

  ensureBuilt();
  const results: Record<string, unknown> = existsSync(resultsPath)
    ? JSON.parse(readFileSync(resultsPath, 'utf8'))
    : {};

  const previousMachine = isRecord(results.machine) ? results.machine : {};
  const facts = machineFacts();
  const completed: string[] = [];

  results.machine = { ...facts, ...runRecord(previousMachine, completed, 0) };

  for (const name of names) {
    const entry = await ENTRIES[name]!();

    console.log(`bench ${name}: running`);

    const started = performance.now();
    const result = await entry.run({ root });
    const seconds = elapsedSeconds(started);

    // How long the entry took with its servers and browsers, for the 15-minute budget.
    results[name] = { ...result, run_s: seconds };
    completed.push(name);
    // Rewritten after every entry, so an interrupted run still records what it ran.
    results.machine = {
      ...facts,
      ...runRecord(previousMachine, completed, elapsedSeconds(runStarted)),
    };
    console.log(`bench ${name}: ${JSON.stringify(result)} (${seconds} s)`);
    writeFileSync(resultsPath, `${JSON.stringify(orderKeys(results), null, 2)}\n`);
  }

  writeBenchmarksDoc();
  console.log(
    `bench: ${names.length} ${names.length === 1 ? 'entry' : 'entries'} in ${Math.round(elapsedSeconds(runStarted))} s; wrote bench-results.json and docs/benchmarks.md`,
  );
}

/** Seconds since `started` (a performance.now() value), to 0.1 s. */
function elapsedSeconds(started: number): number {
  return Math.round((performance.now() - started) / 100) / 10;
}

/**
 * Returns the run keys of the `machine` block. `total_run_s` is the seconds one invocation
 * took to run every entry, from its start to the last entry's end, and the 15-minute budget
 * applies to it. `total_run_date` is when that run ended. An invocation that runs only some
 * entries keeps both from `previous` and lists the entries it ran in `entries_run`.
 */
export function runRecord(
  previous: Record<string, unknown>,
  ran: readonly string[],
  seconds: number,
): Record<string, unknown> {
  const everyEntry = Object.keys(ENTRIES).every((name) => ran.includes(name));

  if (everyEntry) {
    return {
      total_run_s: seconds,
      total_run_date: new Date().toISOString(),
      entries_run: 'all',
    };
  }

  const previousTotal: Record<string, unknown> = {};

  if (previous.total_run_s !== undefined) previousTotal.total_run_s = previous.total_run_s;

  if (previous.total_run_date !== undefined) previousTotal.total_run_date = previous.total_run_date;

  return { ...previousTotal, entries_run: [...ran] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Builds dist/ when it is missing: pages bundled for Chromium resolve `protobufjs/minimal.js`
 * through the package's `browser` field, which points into dist/. `npm ci` builds it through
 * `prepare`; a fresh checkout without it would fail there.
 */
function ensureBuilt(): void {
  if (existsSync(`${root}dist/proto/lite-runtime/index.js`)) return;

  console.log('bench: dist/ is missing; running npm run build:lib first');
  execFileSync('npm', ['run', 'build:lib', '--silent'], { cwd: root, stdio: 'inherit' });
}

function machineFacts(): Record<string, unknown> {
  let chromium = 'not installed';

  try {
    chromium = execFileSync(
      existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium',
      ['--version'],
      { encoding: 'utf8' },
    ).trim();
  } catch {
    // Benchmarks that need Chromium fail on their own; the machine block still records this.
  }

  return {
    cores: cpus().length,
    cpu_model: cpus()[0]?.model ?? 'unknown',
    memory_gb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium,
    date: new Date().toISOString(),
  };
}

/** Keeps `machine` first and the entries in their documented order. */
function orderKeys(results: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = { machine: results.machine };
  const documented = [
    'proto',
    'devnet',
    'signaling',
    'voice_message',
    'call_setup',
    'room',
    'bundle',
    'load',
  ];

  for (const key of documented) if (key in results) ordered[key] = results[key];

  for (const [key, value] of Object.entries(results)) if (!(key in ordered)) ordered[key] = value;

  return ordered;
}

// Runs only as the program, so that tests can import runRecord.
if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
