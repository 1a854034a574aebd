// Generates proto/gen/voice.js (static ESM encode/decode code) and proto/gen/voice.d.ts from
// proto/voice.proto with protobufjs-cli, so no browser ever parses .proto at run time.
// Usage: node scripts/gen-proto.mjs [--check]
// --check exits with 1 when the committed files differ from what the schema generates.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const check = process.argv.includes('--check');
const root = new URL('..', import.meta.url).pathname;
const pbjs = join(root, 'node_modules/.bin/pbjs');
const pbts = join(root, 'node_modules/.bin/pbts');
const work = mkdtempSync(join(tmpdir(), 'stardust-proto-'));
const rawJs = join(work, 'voice.js');

// encode/decode only: verify, fromObject/toObject and delimited variants are not used and
// would add about a third to the bundle.
execFileSync(pbjs, [
  '-t',
  'static-module',
  '-w',
  'es6',
  '--force-long',
  '--no-verify',
  '--no-convert',
  '--no-delimited',
  '--no-typeurl',
  '-o',
  rawJs,
  join(root, 'proto/voice.proto'),
]);

// int64 fields: protobufjs in Node finds the `long` package itself and decodes them into
// Long objects, and the browser runtime (proto/lite-runtime) decodes them into bigints.
// So the generated code imports no Long, which keeps `long` out of browser bundles.
const js = readFileSync(rawJs, 'utf8');

if (js.includes('from "long"')) {
  throw new Error('pbjs output changed: the generated code imports long');
}

writeFileSync(rawJs, js);
execFileSync(pbts, ['-o', join(work, 'voice.d.ts'), rawJs]);

const dts = readFileSync(join(work, 'voice.d.ts'), 'utf8').replace(
  'import Long = require("long");',
  'import Long from "long";',
);
const outputs = { 'voice.js': js, 'voice.d.ts': dts };
const outDir = join(root, 'proto/gen');

if (check) {
  const stale = Object.entries(outputs).filter(([name, text]) => {
    try {
      return readFileSync(join(outDir, name), 'utf8') !== text;
    } catch {
      return true;
    }
  });

  if (stale.length > 0) {
    console.error(`proto/gen is stale (${stale.map(([n]) => n).join(', ')}): run npm run proto`);
    process.exit(1);
  }
} else {
  mkdirSync(outDir, { recursive: true });

  for (const [name, text] of Object.entries(outputs)) writeFileSync(join(outDir, name), text);
}
