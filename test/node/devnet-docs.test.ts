// docs/runtime-interface.md lists every call, storage item, event, error and constant the
// devnet serves: its generated reference must equal what the pallet definitions render.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';

import { renderRuntimeReference } from '../../server/devnet/reference.js';

it('runtime interface doc matches the pallets', () => {
  const text = readFileSync(new URL('../../docs/runtime-interface.md', import.meta.url), 'utf8');
  const start = text.indexOf('<!-- BEGIN GENERATED REFERENCE -->');
  const end = text.indexOf('<!-- END GENERATED REFERENCE -->');

  const section = text.slice(start, end);

  assert.ok(start > 0, 'the doc keeps its BEGIN marker');
  assert.ok(end > start, 'the doc keeps its END marker after BEGIN');
  assert.equal(
    section.trim(),
    `<!-- BEGIN GENERATED REFERENCE -->\n\n${renderRuntimeReference()}`.trim(),
    'run "npx tsx scripts/runtime-interface.ts"',
  );
});
