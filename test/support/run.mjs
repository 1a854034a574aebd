// The test and benchmark entry point: `node test/support/run.mjs all|node|browser|soak|bench`.
//
// As root it re-runs itself inside a new network namespace that has only `lo` and the veth
// carrying 127.0.0.2 that Janus needs, so no test can reach another host. Every server a
// test needs is started by the tests themselves inside that namespace. Without root the
// suites run directly, say so in one line, and skip what needs Janus.
//
// It prints one final line "N passed, N failed" covering every suite it ran and exits
// non-zero when anything failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureSpeechFixtures } from './fixtures.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const modes = {
  all: ['node', 'browser'],
  node: ['node'],
  browser: ['browser'],
  soak: ['soak'],
  bench: ['bench'],
};
const mode = process.argv[2] ?? 'all';
const extraArgs = process.argv.slice(3);

if (!Object.hasOwn(modes, mode)) {
  console.error(`unknown mode "${mode}": expected one of ${Object.keys(modes).join(', ')}`);
  process.exit(2);
}

if (process.env.STARDUST_NETNS === undefined) enterNamespaceOrContinue();
else await main();

/** Re-runs this script inside `unshare -n` when possible; otherwise runs here. */
function enterNamespaceOrContinue() {
  const canUnshare =
    process.getuid?.() === 0 &&
    spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore' }).status === 0 &&
    spawnSync('ip', ['-V'], { stdio: 'ignore' }).status === 0;

  if (!canUnshare) {
    console.log(
      'network namespace unavailable (needs root, unshare and ip): running directly, Janus tests skipped',
    );
    process.env.STARDUST_NETNS = '0';
    void main();

    return;
  }

  const script = `. "${join(root, 'test/support/netns-veth.sh')}" && exec "${process.execPath}" "${fileURLToPath(import.meta.url)}" "$@"`;
  const child = spawn('unshare', ['-n', 'sh', '-c', script, 'sh', mode, ...extraArgs], {
    stdio: 'inherit',
    env: { ...process.env, STARDUST_NETNS: '1' },
  });

  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
}

async function main() {
  if (process.env.STARDUST_NETNS === '1') {
    console.log('running inside a network namespace with only lo and the 127.0.0.2 veth');
  }

  process.env.STARDUST_JANUS ??=
    process.env.STARDUST_NETNS === '1' && hasCommand('janus') ? '1' : '0';
  process.env.STARDUST_ROOT = root;
  await ensureSpeechFixtures(root);

  const totals = { passed: 0, failed: 0, skipped: 0 };

  for (const suite of modes[mode]) {
    const result = await runSuite(suite);

    totals.passed += result.passed;
    totals.failed += result.failed;
    totals.skipped += result.skipped;
  }

  if (mode === 'bench') process.exit(totals.failed > 0 ? 1 : 0);

  if (totals.skipped > 0) console.log(`${totals.skipped} skipped`);

  console.log(`${totals.passed} passed, ${totals.failed} failed`);

  // A run that found no tests at all is a broken setup, except for a suite not written yet.
  const empty = totals.passed + totals.failed + totals.skipped === 0;

  process.exit(totals.failed > 0 || (empty && mode !== 'soak') ? 1 : 0);
}

function runSuite(suite) {
  switch (suite) {
    case 'node':
      return runNodeTests(['test/node', 'test/e2e']);
    case 'soak':
      return runNodeTests(['test/soak'], { concurrency: 1 });
    case 'browser':
      return runBrowserTests();
    case 'bench':
      return runBench();
    default:
      throw new Error(`unknown suite ${suite}`);
  }
}

/** Runs node:test files through tsx and counts leaf tests with a custom reporter. */
async function runNodeTests(folders, { concurrency } = {}) {
  const files = folders.flatMap((folder) => findFiles(join(root, folder), '.test.ts'));
  const filter = process.env.TEST_FILTER;
  const selected = filter ? files.filter((file) => file.includes(filter)) : files;

  if (selected.length === 0) return { passed: 0, failed: 0, skipped: 0 };

  const countDir = mkdtempSync(join(tmpdir(), 'stardust-count-'));
  const countFile = join(countDir, 'node.json');
  const args = [
    '--import',
    'tsx',
    '--expose-gc',
    '--test',
    `--test-concurrency=${concurrency ?? Number(process.env.TEST_CONCURRENCY ?? 2)}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'test/support/count-reporter.mjs')}`,
    `--test-reporter-destination=${countFile}`,
    ...selected.map((file) => relative(root, file)),
  ];
  const code = await run(process.execPath, args);

  return readCounts(countFile, code, countDir);
}

/** Runs the Web Test Runner suites in Debian's Chromium. */
async function runBrowserTests() {
  const countDir = mkdtempSync(join(tmpdir(), 'stardust-count-'));
  const countFile = join(countDir, 'browser.json');
  const bin = join(root, 'node_modules/@web/test-runner/dist/bin.js');
  const code = await run(
    process.execPath,
    ['--import', 'tsx', bin, '--config', 'web-test-runner.config.mjs', ...extraArgs],
    {
      STARDUST_COUNT_FILE: countFile,
    },
  );

  return readCounts(countFile, code, countDir);
}

async function runBench() {
  const code = await run(process.execPath, [
    '--import',
    'tsx',
    '--expose-gc',
    'bench/run.ts',
    ...extraArgs,
  ]);

  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
}

function readCounts(file, exitCode, dir) {
  let counts = { passed: 0, failed: 0, skipped: 0 };

  if (existsSync(file)) counts = JSON.parse(readFileSync(file, 'utf8'));

  rmSync(dir, { recursive: true, force: true });

  // A runner that crashed before reporting still counts as a failure.
  if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;

  return counts;
}

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });

    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

function findFiles(folder, suffix) {
  if (!existsSync(folder)) return [];

  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);

      if (statSync(path).isDirectory()) return findFiles(path, suffix);

      return path.endsWith(suffix) ? [path] : [];
    });
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}
