// The size budget of the CDN build: the main file and every chunk it loads, apart from the
// lazy chain, encoder, decoder and @noble groups, stay at or under 60 KB gzip.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { BUDGET_GZIP_KB, kb, measureBundle, type BundleSizes } from '../../bench/bundle-size.js';
import { buildCdn, CDN_INPUT } from '../../scripts/cdn-build.js';

/** Packages that must only ever arrive in lazy chunks. */
const LAZY_ONLY = [
  /node_modules\/@polkadot\/api\//,
  /node_modules\/@polkadot\/extension-dapp\//,
  /node_modules\/@polkadot\/keyring\//,
  /node_modules\/@polkadot\/util-crypto\//,
  /node_modules\/opus-recorder\//,
  /src\/message\/opus-encoder-worklet\.js$/,
];

describe('bundle size budget', () => {
  let work: string;
  let sizes: BundleSizes;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'stardust-budget-'));
    await buildCdn(CDN_INPUT, join(work, 'cdn'));
    sizes = measureBundle(join(work, 'cdn'));
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('keeps core and elements within 60 KB gzip', () => {
    const core = kb(sizes.core.gzipBytes);

    assert.ok(
      core <= BUDGET_GZIP_KB,
      `core and elements are ${core} KB gzip, over the ${BUDGET_GZIP_KB} KB budget: ${sizes.core.files.join(', ')}`,
    );
  });

  it('keeps the chain and encoder code out of the main files', () => {
    const leaked = sizes.core.sources.filter((source) =>
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

  it('bundles the elements and the localized strings', () => {
    for (const module of [
      'components/voice-config/voice-config.ts',
      'components/locales/zh-CN.ts',
      'src/client/stardust-client.ts',
    ]) {
      assert.ok(sizes.core.sources.includes(module), `${module} is missing from the main files`);
    }
  });
});
