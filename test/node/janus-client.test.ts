// The AudioBridge client against a real Janus: room operations, Janus's refusals as typed
// errors, and bad input stopped before Janus. Media flows are in test/e2e/janus-*.test.ts.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { WebSocketServer } from 'ws';

import { StardustError } from '../../src/shared/errors.js';
import { JanusAudioBridge } from '../../server/signaling/janus/audio-bridge.js';
import { JanusConnection } from '../../server/signaling/janus/connection.js';
import { RoomMediaError } from '../../server/signaling/janus/errors.js';
import { freePort } from '../../server/signaling/janus/launcher.js';
import { backoffPolicy } from '../../server/signaling/janus/reconnect.js';
import { JanusSession } from '../../server/signaling/janus/session.js';
import { generateJanusSecret } from '../../server/signaling/janus/validate.js';
import { janusSkipReason, startJanus, type JanusFixture } from '../support/janus.js';
import { startStack } from '../support/stack.js';
import { waitForEvent } from '../support/wait-event.js';

const skip = janusSkipReason();

if (skip !== undefined) console.log(`# Janus client tests skipped: ${skip}`);

function roomId(): string {
  return randomBytes(16).toString('hex');
}

function refusedWith(detail: number) {
  return (error: unknown) =>
    error instanceof RoomMediaError &&
    error.code === 'ROOM_MEDIA_REFUSED' &&
    error.detail === detail;
}

/** Starts a fake Janus WebSocket server on 127.0.0.1 and returns it with its URL. */
async function fakeJanus(): Promise<{ server: WebSocketServer; url: string }> {
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    handleProtocols: () => 'janus-protocol',
  });

  await new Promise((resolve) => server.once('listening', resolve));

  const address = server.address();

  return { server, url: `ws://127.0.0.1:${(address as { port: number }).port}` };
}

function hasCode(code: string) {
  return (error: unknown) => error instanceof StardustError && error.code === code;
}

describe('JanusAudioBridge with Janus', { skip }, () => {
  let stateDir: string;
  let janus: JanusFixture;
  let bridge: JanusAudioBridge;

  before(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'stardust-janus-client-'));
    janus = await startJanus({ stateDir });
    bridge = new JanusAudioBridge({ url: janus.wsUrl, adminKey: janus.adminKey });
    await bridge.connect();
  });

  after(async () => {
    await bridge?.close();
    await janus?.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('reports the Janus version and the AudioBridge', async () => {
    const info = await bridge.info();

    assert.equal(info.version, '1.1.2');
    assert.deepEqual(info.plugins, ['janus.plugin.audiobridge']);
    assert.deepEqual(info.transports, ['janus.transport.websockets']);
  });

  it('creates a room under the chain room id', async () => {
    const bytes = randomBytes(16);

    const room = await bridge.createRoom(new Uint8Array(bytes), { secret: generateJanusSecret() });

    assert.equal(room.id, bytes.toString('hex'));
    assert.equal(await bridge.roomExists(`0x${bytes.toString('hex').toUpperCase()}`), true);
    assert.deepEqual(await room.participants(), []);
    assert.ok(bridge.rooms.includes(room.id));
  });

  it('refuses a second room with the same id with 486', async () => {
    const id = roomId();

    await bridge.createRoom(id, { secret: generateJanusSecret() });

    await assert.rejects(
      bridge.createRoom(id, { secret: generateJanusSecret() }),
      refusedWith(486),
    );
  });

  it('reports an unknown room with 485', async () => {
    const room = bridge.room(roomId(), generateJanusSecret());

    await assert.rejects(room.participants(), refusedWith(485));
    await assert.rejects(room.mute('alice'), refusedWith(485));
    assert.equal(await room.exists(), false);
  });

  it('refuses a wrong room secret with 489', async () => {
    const id = roomId();
    const secret = generateJanusSecret();

    await bridge.createRoom(id, { secret });

    const impostor = bridge.room(id, generateJanusSecret());

    await assert.rejects(impostor.allow([generateJanusSecret()]), refusedWith(489));
    await assert.rejects(impostor.kick('alice'), refusedWith(489));
    await assert.rejects(impostor.destroy(), refusedWith(489));
    assert.equal(await bridge.roomExists(id), true);
  });

  it('refuses room creation without the admin key', async () => {
    const intruder = new JanusAudioBridge({ url: janus.wsUrl, adminKey: generateJanusSecret() });

    await intruder.connect();

    try {
      const id = roomId();

      await assert.rejects(
        intruder.createRoom(id, { secret: generateJanusSecret() }),
        refusedWith(489),
      );
      assert.equal(await bridge.roomExists(id), false);
    } finally {
      await intruder.close();
    }
  });

  it('admits and revokes tokens at run time', async () => {
    const first = generateJanusSecret();
    const second = generateJanusSecret();
    const room = await bridge.createRoom(roomId(), {
      secret: generateJanusSecret(),
      allowed: [first],
    });

    const afterAdd = await room.allow([second]);
    const afterRemove = await room.disallow([first]);

    assert.deepEqual([...afterAdd].sort(), [first, second].sort());
    assert.deepEqual(afterRemove, [second]);
  });

  it('reports 492 when muting or kicking someone not in the room', async () => {
    const room = await bridge.createRoom(roomId(), { secret: generateJanusSecret() });

    await assert.rejects(room.mute('nobody'), refusedWith(492));
    await assert.rejects(room.unmute('nobody'), refusedWith(492));
    await assert.rejects(room.kick('nobody'), refusedWith(492));
  });

  it('destroys a room and forgets it', async () => {
    const room = await bridge.createRoom(roomId(), { secret: generateJanusSecret() });
    const destroyed = waitForEvent<{ roomId: string }>(
      bridge,
      'roomDestroyed',
      (event) => event.roomId === room.id,
    );

    await room.destroy();

    assert.equal((await destroyed).roomId, room.id);
    assert.equal(await room.exists(), false);
    assert.ok(!bridge.rooms.includes(room.id));
    await assert.rejects(room.destroy(), refusedWith(485));
  });

  it('maps malformed plugin requests to 483 and 484', async () => {
    const connection = await JanusConnection.open({
      url: janus.wsUrl,
      name: 'raw',
      requestTimeoutMs: 5000,
    });
    const session = await JanusSession.create(connection, { keepaliveIntervalMs: 20_000 });

    try {
      const handle = await session.attach('janus.plugin.audiobridge');
      const context = { request: 'exists' };

      await assert.rejects(handle.message({ request: 'exists' }, { context }), refusedWith(483));
      await assert.rejects(
        handle.message({ request: 'exists', room: 1234 }, { context }),
        refusedWith(484),
      );
    } finally {
      await session.destroy();
      connection.close();
    }
  });

  it('maps Janus core errors such as an unknown plugin', async () => {
    const connection = await JanusConnection.open({
      url: janus.wsUrl,
      name: 'raw',
      requestTimeoutMs: 5000,
    });
    const session = await JanusSession.create(connection, { keepaliveIntervalMs: 20_000 });

    try {
      await assert.rejects(session.attach('janus.plugin.nonexistent'), refusedWith(460));
    } finally {
      await session.destroy();
      connection.close();
    }
  });

  it('rejects malformed input before it reaches Janus', async () => {
    const room = await bridge.createRoom(roomId(), { secret: generateJanusSecret() });
    const token = generateJanusSecret();
    const offer = { type: 'offer' as const, sdp: 'v=0\r\n' };

    await assert.rejects(
      bridge.createRoom('not-a-room', { secret: generateJanusSecret() }),
      hasCode('INVALID_ARGUMENT'),
    );
    await assert.rejects(
      bridge.createRoom(roomId(), { secret: 'weak' }),
      hasCode('INVALID_ARGUMENT'),
    );
    await assert.rejects(room.allow(['has spaces in it ok?']), hasCode('INVALID_ARGUMENT'));
    await assert.rejects(room.allow([]), hasCode('INVALID_ARGUMENT'));
    await assert.rejects(room.join({ memberId: 'a b', token, offer }), hasCode('INVALID_ARGUMENT'));
    await assert.rejects(
      room.join({ memberId: 'alice', token: 'short', offer }),
      hasCode('INVALID_ARGUMENT'),
    );
    await assert.rejects(
      room.join({ memberId: 'alice', token, offer: { type: 'answer', sdp: 'v=0' } as never }),
      hasCode('INVALID_ARGUMENT'),
    );
    await assert.rejects(
      room.join({ memberId: 'alice', token, offer, display: 'x'.repeat(65) }),
      hasCode('INVALID_ARGUMENT'),
    );
    await assert.rejects(
      room.trickle('alice', { candidate: 'candidate:1', sdpMid: '0' }),
      hasCode('INVALID_STATE'),
    );
    assert.deepEqual(await room.participants(), []);
    assert.equal(bridge.memberCount, 0);
  });
});

describe('JanusAudioBridge without Janus', () => {
  it('fails fast and keeps retrying when Janus is unreachable', async () => {
    const port = await freePort();
    const bridge = new JanusAudioBridge({
      url: `ws://127.0.0.1:${port}`,
      adminKey: generateJanusSecret(),
      requestTimeoutMs: 300,
      reconnect: backoffPolicy({ baseMs: 50, maxMs: 100 }),
    });

    await assert.rejects(bridge.connect(), hasCode('ROOM_MEDIA_DISCONNECTED'));

    assert.equal(bridge.state, 'reconnecting');
    await assert.rejects(bridge.roomExists(roomId()), hasCode('ROOM_MEDIA_DISCONNECTED'));
    await bridge.close();
    assert.equal(bridge.state, 'closed');
  });

  it('times out a request the server never answers', async () => {
    // A fake Janus that accepts the WebSocket and never answers: the client must not hang.
    const { server: silent, url } = await fakeJanus();
    const bridge = new JanusAudioBridge({
      url,
      adminKey: generateJanusSecret(),
      requestTimeoutMs: 200,
      reconnect: backoffPolicy({ maxAttempts: 0 }),
    });

    try {
      await assert.rejects(bridge.connect(), (error: unknown) => {
        assert.ok(error instanceof RoomMediaError);
        assert.equal(error.code, 'ROOM_MEDIA_TIMEOUT');
        assert.match(error.message, /create session/);

        return true;
      });
      assert.equal(bridge.state, 'idle');
    } finally {
      await bridge.close();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('rejects a request in flight when the socket closes', async () => {
    // A fake Janus that answers `create` and then drops the connection on the next request.
    const { server: flaky, url } = await fakeJanus();

    flaky.on('connection', (socket) => {
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { janus: string; transaction: string };

        if (message.janus === 'info') socket.terminate();
        else
          socket.send(
            JSON.stringify({ janus: 'success', transaction: message.transaction, data: { id: 1 } }),
          );
      });
    });

    const bridge = new JanusAudioBridge({
      url,
      adminKey: generateJanusSecret(),
      reconnect: backoffPolicy({ maxAttempts: 0 }),
    });

    try {
      await bridge.connect();

      await assert.rejects(bridge.info(), hasCode('ROOM_MEDIA_DISCONNECTED'));
    } finally {
      await bridge.close();
      await new Promise((resolve) => flaky.close(resolve));
    }
  });

  it('refuses use before connect and after close', async () => {
    const bridge = new JanusAudioBridge({
      url: 'ws://127.0.0.1:9',
      adminKey: generateJanusSecret(),
    });

    await assert.rejects(bridge.roomExists(roomId()), hasCode('INVALID_STATE'));
    await bridge.close();
    await assert.rejects(bridge.roomExists(roomId()), hasCode('DISPOSED'));
    await assert.rejects(bridge.connect(), hasCode('DISPOSED'));
  });

  it('rejects bad options synchronously', () => {
    assert.throws(
      () => new JanusAudioBridge({ url: 'http://x', adminKey: generateJanusSecret() }),
      hasCode('INVALID_ARGUMENT'),
    );
    assert.throws(
      () => new JanusAudioBridge({ url: 'ws://127.0.0.1:1', adminKey: 'weak' }),
      hasCode('INVALID_ARGUMENT'),
    );
    assert.throws(
      () =>
        new JanusAudioBridge({
          url: 'ws://127.0.0.1:1',
          adminKey: generateJanusSecret(),
          talking: { audioLevelAverage: 200, audioActivePackets: 10 },
        }),
      hasCode('INVALID_ARGUMENT'),
    );
  });
});

describe('test stack with Janus', { skip }, () => {
  it('starts Janus and keeps its admin key out of the page URLs', async () => {
    const stack = await startStack({ janus: true });

    try {
      const bridge = new JanusAudioBridge({
        url: stack.janus!.wsUrl,
        adminKey: stack.janus!.adminKey,
      });

      await bridge.connect();

      const room = await bridge.createRoom(roomId(), { secret: generateJanusSecret() });

      assert.equal(await room.exists(), true);
      assert.equal(stack.urls.janusUrl, stack.janus!.wsUrl);
      assert.ok(!JSON.stringify(stack.urls).includes(stack.janus!.adminKey));
      await bridge.close();
    } finally {
      await stack.close();
    }
  });
});
