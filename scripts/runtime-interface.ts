/**
 * Writes the reference part of docs/runtime-interface.md from the devnet's pallet
 * definitions: every call, storage item (with hashers), event, error and constant. The part
 * sits between the BEGIN and END markers; the prose around it is written by hand.
 *
 * `npx tsx scripts/runtime-interface.ts` rewrites it; `--check` fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { renderRuntimeReference } from '../server/devnet/reference.js';

const BEGIN = '<!-- BEGIN GENERATED REFERENCE -->';
const END = '<!-- END GENERATED REFERENCE -->';
const file = fileURLToPath(new URL('../docs/runtime-interface.md', import.meta.url));
const text = readFileSync(file, 'utf8');
const start = text.indexOf(BEGIN);
const end = text.indexOf(END);

if (start < 0 || end < start) throw new Error(`${file} lacks the ${BEGIN} / ${END} markers`);

const updated = `${text.slice(0, start + BEGIN.length)}\n\n${renderRuntimeReference()}\n${text.slice(end)}`;

if (process.argv.includes('--check')) {
  if (updated !== text) {
    console.error(`${file} is stale: run "npx tsx scripts/runtime-interface.ts"`);
    process.exit(1);
  }
} else {
  writeFileSync(file, updated);
}
