// Generates docs/benchmarks.md from bench-results.json. Usage: npm run docs:bench (writes the
// file; `npm run bench` runs it after every run); test/node/benchmarks-doc.test.ts checks
// that the committed page equals what this renders.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Path of the generated page. */
export const BENCHMARKS_DOC = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
/** Path of the results it is generated from. */
export const BENCH_RESULTS = fileURLToPath(new URL('../bench-results.json', import.meta.url));

type Entry = Record<string, unknown>;

/** One comparison of a figure of ours with its floor from the same run. */
interface Comparison {
  entry: string;
  ours: string;
  floor: string;
  ratio: number;
  /** The entry's own ratio key, when it reports one. */
  ratioKey: string | undefined;
  description: string;
}

/** Keys of an entry that describe the entry rather than measure it. */
const META_KEYS = new Set(['floors', 'comparisons', 'notes']);

/** Renders docs/benchmarks.md from parsed bench-results.json. */
export function renderBenchmarksDoc(results: Record<string, unknown>): string {
  const machine = (results.machine ?? {}) as Record<string, unknown>;
  const entries = Object.entries(results).filter(
    (pair): pair is [string, Entry] => pair[0] !== 'machine' && isObject(pair[1]),
  );
  const lines = [
    '# Benchmarks',
    '',
    'Generated from `bench-results.json` by `npm run docs:bench`, which `npm run bench` runs',
    'after every run; do not edit by hand. Every comparison divides our figure by a floor',
    'measured in the same run on the same machine: lower is better for times and sizes,',
    'higher for throughputs.',
    '',
    `Machine: ${machineLine(machine)}.`,
    '',
    ...runTimes(entries),
    wholeRun(machine),
    '',
    '## Comparisons',
    '',
    '| Entry | Ours | Value | Floor | Floor value | Ratio | What the floor is |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...entries.flatMap(([name, entry]) =>
      comparisonsOf(name, entry).map(
        (row) =>
          `| ${name} | \`${row.ours}\` | ${format(entry[row.ours])} | \`${row.floor}\` | ${format(entry[row.floor])} | ${format(row.ratio)} | ${escapeCell(row.description)} |`,
      ),
    ),
    '',
    '## Figures',
    ...entries.flatMap(([name, entry]) => figuresSection(name, entry)),
  ];

  return `${lines.join('\n')}\n`;
}

function machineLine(machine: Record<string, unknown>): string {
  const parts = [
    `${String(machine.cores ?? '?')} cores (${String(machine.cpu_model ?? 'unknown CPU')})`,
    `${String(machine.memory_gb ?? '?')} GiB memory`,
    `Node ${String(machine.node ?? '?')}`,
    String(machine.chromium ?? 'Chromium unknown'),
    `run on ${String(machine.date ?? 'an unknown date')}`,
  ];

  return parts.join(', ');
}

/** Lists the time each entry took, from the `run_s` the runner adds to each entry. */
function runTimes(entries: Array<[string, Entry]>): string[] {
  const timed = entries.filter(([, entry]) => typeof entry.run_s === 'number');

  if (timed.length === 0) return [];

  const total = timed.reduce((sum, [, entry]) => sum + (entry.run_s as number), 0);

  return [
    `Run time per entry (seconds, with its servers and browsers): ${timed
      .map(([name, entry]) => `${name} ${format(entry.run_s)}`)
      .join(', ')}; ${format(Math.round(total * 10) / 10)} in all.`,
    '',
  ];
}

/** The budget of one `npm run bench` over every entry on the 2-core test machine. */
export const BENCH_BUDGET_S = 15 * 60;

/**
 * States the whole run's time against {@link BENCH_BUDGET_S}, from the `total_run_s` that
 * bench/run.ts records only when one invocation ran every entry, and names the entries of a
 * later partial invocation (`entries_run`).
 */
function wholeRun(machine: Record<string, unknown>): string {
  const total =
    typeof machine.total_run_s === 'number'
      ? `Whole run (one \`npm run bench\` of every entry): ${format(machine.total_run_s)} s of the ${BENCH_BUDGET_S} s budget, ended ${String(machine.total_run_date ?? 'on an unknown date')}.`
      : 'Whole run: not measured yet, because `npm run bench` records it only when one invocation runs every entry.';
  const ran = machine.entries_run;

  if (!Array.isArray(ran)) return total;

  return `${total} The latest invocation ran only ${ran.length === 0 ? 'no entry' : ran.join(', ')}, so the other entries' figures come from earlier runs.`;
}

/**
 * Lists the comparisons of one entry. They are the pairs it names in `comparisons`. Without
 * those, each floor is paired with the figure whose quotient equals one of the entry's ratio
 * keys, or else with the figure the floor's key extends (`ws_p50_ms` → `p50_ms`), and the
 * ratio is computed here.
 */
function comparisonsOf(name: string, entry: Entry): Comparison[] {
  const floors = isObject(entry.floors) ? (entry.floors as Record<string, string>) : {};
  const named = isObject(entry.comparisons)
    ? (entry.comparisons as Record<string, [string, string]>)
    : undefined;

  if (named !== undefined) {
    return Object.entries(named).flatMap(([ratioKey, [ours, floor]]) =>
      typeof entry[ratioKey] === 'number'
        ? [
            {
              entry: name,
              ours,
              floor,
              ratio: entry[ratioKey] as number,
              ratioKey,
              description: floors[floor] ?? '',
            },
          ]
        : [],
    );
  }

  const rows: Comparison[] = [];

  for (const [floor, description] of Object.entries(floors)) {
    const floorValue = entry[floor];

    if (typeof floorValue !== 'number' || floorValue === 0) continue;

    const matches = ratioMatches(entry, floor, floorValue);

    if (matches.length > 0) {
      for (const [ours, ratioKey] of matches) {
        rows.push({
          entry: name,
          ours,
          floor,
          ratio: entry[ratioKey] as number,
          ratioKey,
          description,
        });
      }

      continue;
    }

    const ours = Object.keys(entry).find(
      (key) => key !== floor && floor.endsWith(`_${key}`) && typeof entry[key] === 'number',
    );

    if (ours !== undefined) {
      const ratio = Math.round(((entry[ours] as number) / floorValue) * 100) / 100;

      rows.push({ entry: name, ours, floor, ratio, ratioKey: undefined, description });
    }
  }

  return rows;
}

/** Figures whose quotient by the floor equals a ratio key of the entry, with that key. */
function ratioMatches(entry: Entry, floor: string, floorValue: number): Array<[string, string]> {
  const ratioKeys = Object.keys(entry).filter(
    (key) => key.includes('ratio') && typeof entry[key] === 'number',
  );
  const unit = unitOf(floor);
  const matches: Array<[string, string]> = [];

  // Without a unit two figures are not known to measure the same thing.
  if (unit === '') return matches;

  for (const [key, value] of Object.entries(entry)) {
    if (key === floor || key.includes('ratio') || typeof value !== 'number') continue;

    if (unitOf(key) !== unit) continue;

    const quotient = value / floorValue;
    const ratioKey = ratioKeys.find((candidate) =>
      sameRounded(quotient, entry[candidate] as number),
    );

    if (ratioKey !== undefined) matches.push([key, ratioKey]);
  }

  return matches;
}

/** Returns whether `value` rounds to `reported` at the decimals `reported` was written with. */
function sameRounded(value: number, reported: number): boolean {
  const decimals = String(reported).split('.')[1]?.length ?? 0;
  const factor = 10 ** decimals;

  return Math.round(value * factor) / factor === reported;
}

/** Returns the unit suffix of a key (`_per_s`, `_ms`, `_kb`, …), or '' when it has none. */
function unitOf(key: string): string {
  return /(_per_s|_ms|_kb|_mb|_bytes|_pct|_s)$/.exec(key)?.[1] ?? '';
}

function figuresSection(name: string, entry: Entry): string[] {
  const rows = Object.entries(entry).filter(([key]) => !META_KEYS.has(key));
  // Every floor's description and every note, including floors that no ratio compares.
  const notes = [
    ...(isObject(entry.floors) ? Object.entries(entry.floors as Record<string, string>) : []),
    ...(isObject(entry.notes) ? Object.entries(entry.notes as Record<string, string>) : []),
  ];

  return [
    '',
    `### ${name}`,
    '',
    '| Figure | Value |',
    '| --- | --- |',
    ...rows.map(([key, value]) => `| \`${key}\` | ${format(value)} |`),
    ...(notes.length === 0 ? [] : ['', ...notes.map(([key, text]) => `- \`${key}\`: ${text}`)]),
  ];
}

function format(value: unknown): string {
  if (typeof value === 'number') return String(value);

  if (typeof value === 'string') return escapeCell(value);

  return escapeCell(JSON.stringify(value));
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Writes docs/benchmarks.md from bench-results.json. */
export function writeBenchmarksDoc(): void {
  const results = JSON.parse(readFileSync(BENCH_RESULTS, 'utf8')) as Record<string, unknown>;

  writeFileSync(BENCHMARKS_DOC, renderBenchmarksDoc(results));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeBenchmarksDoc();
  console.log(`wrote ${BENCHMARKS_DOC}`);
}
