// The size budget of the CDN build: the initial load (the main file and the chunks it imports
// statically) stays at or under 60 KB gzip, and each lazy feature under its own ceiling. The
// chain, encoder, decoder and @noble chunks are outside the budget. bench/bundle-size.ts
// explains the groups.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  BUDGET_GZIP_KB,
  FEATURE_CEILINGS_GZIP_KB,
  kb,
  measureBundle,
  type BundleSizes,
  type FeatureKind,
} from '../../bench/bundle-size.js';
import { buildCdn, CDN_INPUT, ROOT } from '../../scripts/cdn-build.js';

/** Packages that must only ever arrive in lazy chunks. */
const LAZY_ONLY = [
  /node_modules\/@polkadot\/api\//,
  /node_modules\/@polkadot\/extension-dapp\//,
  /node_modules\/@polkadot\/keyring\//,
  /node_modules\/@polkadot\/util-crypto\//,
  /node_modules\/opus-recorder\//,
  /src\/message\/opus-encoder-worklet\.js$/,
  /^src\/chain\/(tx-tracker|chain-error|plain|args)\.ts$/,
  /^src\/chain\/pallets\//,
  // The meaning and action text of every error code; the codes are in errors.ts.
  /^src\/shared\/error-table\.ts$/,
];

describe('bundle size budget', () => {
  let work: string;
  let sizes: BundleSizes;

  let protocol: BundleSizes;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'stardust-budget-'));
    await buildCdn(CDN_INPUT, join(work, 'cdn'));
    await buildCdn({ probe: 'test/fixtures/probes/protocol.ts' }, join(work, 'protocol'));
    sizes = measureBundle(join(work, 'cdn'));
    protocol = measureBundle(join(work, 'protocol'));
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('keeps the initial load within 60 KB gzip', (t) => {
    const initial = kb(sizes.initial.gzipBytes);

    t.diagnostic(
      `initial load ${initial} KB gzip; core and elements with every feature loaded ${kb(sizes.coreElements.gzipBytes)} KB gzip`,
    );
    assert.ok(
      initial <= BUDGET_GZIP_KB,
      `the initial load is ${initial} KB gzip, over the ${BUDGET_GZIP_KB} KB budget: ${sizes.initial.files.join(', ')}`,
    );
  });

  for (const [feature, ceiling] of Object.entries(FEATURE_CEILINGS_GZIP_KB)) {
    it(`keeps the ${feature} chunks within ${ceiling} KB gzip`, (t) => {
      const group = sizes.features[feature as FeatureKind];
      const size = kb(group.gzipBytes);

      t.diagnostic(`${feature}: ${size} KB gzip beyond the initial load`);
      assert.ok(group.files.length > 0, `the build has no ${feature} chunk`);
      assert.ok(
        size <= ceiling,
        `${feature} is ${size} KB gzip, over its ${ceiling} KB ceiling: ${group.files.join(', ')}`,
      );
    });
  }

  it('assigns every lazy chunk to a group', () => {
    assert.deepEqual(sizes.unclassified.files, []);
  });

  it('counts the initial load and every feature in the total', () => {
    const counted = new Set(sizes.coreElements.files);
    const groups = [sizes.initial, ...Object.values(sizes.features)];

    for (const file of groups.flatMap((group) => group.files)) assert.ok(counted.has(file), file);
    assert.ok(sizes.coreElements.gzipBytes >= sizes.initial.gzipBytes);
  });

  it('keeps lazy-only code out of the initial load', () => {
    const leaked = sizes.initial.sources.filter((source) =>
      LAZY_ONLY.some((pattern) => pattern.test(source)),
    );

    assert.deepEqual(leaked, []);
  });

  it('puts @polkadot/api in the chain chunk', () => {
    assert.ok(sizes.excluded.chain.files.length > 0);
    assert.ok(
      sizes.excluded.chain.sources.some((source) => source.includes('node_modules/@polkadot/api/')),
    );
  });

  it('bundles the protocol code on the browser runtime', () => {
    assert.ok(protocol.initial.sources.includes('proto/gen/voice.js'));
    assert.ok(protocol.initial.sources.includes('proto/lite-runtime/reader.ts'));
    assert.deepEqual(
      protocol.initial.sources.filter((source) => source.includes('node_modules/protobufjs/')),
      [],
    );
  });

  it('maps protobufjs to the built browser runtime for bundlers', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const build = readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8');

    assert.equal(pkg.browser['protobufjs/minimal.js'], './dist/proto/lite-runtime/index.js');
    assert.match(build, /"proto\/lite-runtime"/);
  });

  it('bundles the elements and the localized strings', () => {
    for (const module of [
      'components/voice-config/voice-config.ts',
      'components/locales/zh-CN.ts',
      'src/client/stardust-client.ts',
    ]) {
      assert.ok(
        sizes.initial.sources.includes(module),
        `${module} is missing from the initial load`,
      );
    }
  });
});
