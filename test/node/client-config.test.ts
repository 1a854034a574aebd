import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { resolveConfig, type StardustConfig } from '../../src/client/config.js';
import { hasErrorCode } from '../../src/shared/errors.js';

const base: StardustConfig = {
  chain: 'ws://127.0.0.1:9944',
  signaling: 'ws://127.0.0.1:8888/signal',
  ipfsApi: 'http://127.0.0.1:5001',
  gateways: ['http://127.0.0.1:8080'],
};

describe('client config signaling URLs', () => {
  it('keeps one signaling URL as a list of one', () => {
    const config = resolveConfig(base);

    assert.equal(config.signaling, 'ws://127.0.0.1:8888/signal');
    assert.deepEqual(config.signalingUrls, ['ws://127.0.0.1:8888/signal']);
  });

  it('accepts several signaling instances in order', () => {
    const urls = ['ws://127.0.0.1:8888/signal', 'ws://127.0.0.1:8889/signal'];
    const config = resolveConfig({ ...base, signaling: urls });

    assert.equal(config.signaling, urls[0]);
    assert.deepEqual(config.signalingUrls, urls);
  });

  it('rejects an empty list with CONFIG_INVALID', () => {
    assert.throws(
      () => resolveConfig({ ...base, signaling: [] }),
      (error: unknown) => hasErrorCode(error, 'CONFIG_INVALID'),
    );
  });

  it('names the bad entry of a list', () => {
    assert.throws(
      () => resolveConfig({ ...base, signaling: ['ws://127.0.0.1:8888/signal', 'http://x'] }),
      (error: unknown) =>
        hasErrorCode(error, 'CONFIG_INVALID') && /signaling\[1\]/.test((error as Error).message),
    );
  });
});
