import { expect } from 'chai';

import { voice } from '../../proto/gen/voice.js';
import { StardustClient } from '../../src/index.js';
import { StardustError } from '../../src/shared/errors.js';

describe('core in Chromium', () => {
  it('round-trips an int64 timestamp above 2^53', () => {
    const timestamp = voice.SignalMessage.prototype.timestamp.constructor as unknown as {
      fromString(value: string): unknown;
    };
    const encoded = voice.SignalMessage.encode({
      type: voice.SignalType.HEARTBEAT,
      timestamp: timestamp.fromString('9007199254740993') as never,
    }).finish();

    const decoded = voice.SignalMessage.decode(encoded);

    expect(decoded.type).to.equal(voice.SignalType.HEARTBEAT);
    expect(decoded.timestamp.toString()).to.equal('9007199254740993');
  });

  it('rejects a config without gateways', () => {
    const build = () =>
      new StardustClient({
        chain: 'ws://127.0.0.1:9944',
        signaling: 'ws://127.0.0.1:8888/signal',
        ipfsApi: 'http://127.0.0.1:5001',
        gateways: [],
      });

    expect(build).to.throw(StardustError).with.property('code', 'CONFIG_INVALID');
  });
});
