// The size budget of the CDN build: the main file and every chunk it loads, apart from the
// lazy chain, encoder, decoder and @noble groups, stay at or under 60 KB gzip.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { BUDGET_GZIP_KB, kb, measureBundle, type BundleSizes } from '../../bench/bundle-size.js';
import { buildCdn, CDN_INPUT, ROOT } from '../../scripts/cdn-build.js';

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

  let protocol: BundleSizes;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'stardust-budget-'));
    await buildCdn(CDN_INPUT, join(work, 'cdn'));
    await buildCdn({ probe: 'test/fixtures/probes/protocol.ts' }, join(work, 'protocol'));
    sizes = measureBundle(join(work, 'cdn'));
    protocol = measureBundle(join(work, 'protocol'));
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

  it('bundles the protocol code on the browser runtime', () => {
    assert.ok(protocol.core.sources.includes('proto/gen/voice.js'));
    assert.ok(protocol.core.sources.includes('proto/lite-runtime/reader.ts'));
    assert.deepEqual(
      protocol.core.sources.filter((source) => source.includes('node_modules/protobufjs/')),
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
      assert.ok(sizes.core.sources.includes(module), `${module} is missing from the main files`);
    }
  });
});
