// The room flags of `stardust-voice signaling`: taken out of the arguments before the
// signaling options parser reads the rest, with flags winning over the environment.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { roomFlagsFrom } from '../../server/signaling/rooms/cli-flags.js';

const CHAIN = 'ws://127.0.0.1:9944';

describe('signaling room flags', () => {
  it('serves rooms with a chain and keeps the other flags', () => {
    const { rooms, rest } = roomFlagsFrom(
      [
        '--port',
        '0',
        '--chain',
        CHAIN,
        '--janus',
        'ws://127.0.0.1:8188, ws://127.0.0.1:8189',
        '--janus-admin-key=key-1234567890abcdef',
        '--room-secret',
        's3cret',
      ],
      {},
    );

    assert.deepEqual(rest, ['--port', '0', '--chain', CHAIN]);
    assert.deepEqual(rooms, {
      enabled: true,
      chainUrl: CHAIN,
      janus: [
        { url: 'ws://127.0.0.1:8188', adminKey: 'key-1234567890abcdef' },
        { url: 'ws://127.0.0.1:8189', adminKey: 'key-1234567890abcdef' },
      ],
      secretKey: 's3cret',
    });
  });

  it('reads the environment when flags are absent', () => {
    const { rooms } = roomFlagsFrom([], {
      STARDUST_CHAIN: CHAIN,
      STARDUST_JANUS_URLS: 'ws://127.0.0.1:8188',
      STARDUST_JANUS_ADMIN_KEY: 'env-key-1234567890',
      STARDUST_ROOM_SECRET: 'env-secret',
    });

    assert.equal(rooms.enabled, true);
    assert.deepEqual(rooms.janus, [{ url: 'ws://127.0.0.1:8188', adminKey: 'env-key-1234567890' }]);
    assert.equal(rooms.secretKey, 'env-secret');
  });

  it('lets flags win over the environment', () => {
    const { rooms } = roomFlagsFrom(['--room-secret', 'flag-secret', '--chain=ws://127.0.0.1:1'], {
      STARDUST_CHAIN: CHAIN,
      STARDUST_ROOM_SECRET: 'env-secret',
    });

    assert.equal(rooms.secretKey, 'flag-secret');
    assert.equal(rooms.chainUrl, 'ws://127.0.0.1:1');
  });

  it('serves no rooms without a chain or with --no-rooms', () => {
    assert.equal(roomFlagsFrom(['--genesis', `0x${'11'.repeat(32)}`], {}).rooms.enabled, false);
    assert.equal(roomFlagsFrom(['--chain', CHAIN, '--no-rooms'], {}).rooms.enabled, false);
    assert.deepEqual(roomFlagsFrom(['--chain', CHAIN, '--no-rooms'], {}).rest, ['--chain', CHAIN]);
  });

  it('rejects Janus without an admin key and flags without values', () => {
    assert.throws(
      () => roomFlagsFrom(['--chain', CHAIN, '--janus', 'ws://127.0.0.1:8188'], {}),
      /--janus-admin-key/,
    );
    assert.throws(() => roomFlagsFrom(['--room-secret'], {}), /--room-secret needs a value/);
    assert.throws(() => roomFlagsFrom(['--janus', '--chain', CHAIN], {}), /--janus needs a value/);
  });
});
