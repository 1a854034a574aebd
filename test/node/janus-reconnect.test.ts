// Losing Janus: dropped and stalled connections, a Janus restart, and a Janus that starts
// after the client. The client must report each loss, reconnect and restore its rooms.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';

import { StardustError } from '../../src/shared/errors.js';
import { JanusAudioBridge } from '../../server/signaling/janus/audio-bridge.js';
import { RoomMediaError } from '../../server/signaling/janus/errors.js';
import { freePort } from '../../server/signaling/janus/launcher.js';
import { backoffPolicy } from '../../server/signaling/janus/reconnect.js';
import type { JanusEvents } from '../../server/signaling/janus/types.js';
import { generateJanusSecret } from '../../server/signaling/janus/validate.js';
import { janusSkipReason, startJanus, type JanusFixture } from '../support/janus.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { recordEvents, waitForEvent } from '../support/wait-event.js';

const skip = janusSkipReason();

if (skip !== undefined) console.log(`# Janus reconnect tests skipped: ${skip}`);

type Reconnected = JanusEvents['reconnected'][0];

function roomId(): string {
  return randomBytes(16).toString('hex');
}

// Fast retries keep the tests short; the defaults are for production.
const fastReconnect = backoffPolicy({ baseMs: 50, maxMs: 200 });

describe('JanusAudioBridge reconnects', { skip }, () => {
  let stateDir: string;
  let janus: JanusFixture | undefined;
  let bridge: JanusAudioBridge | undefined;
  let proxy: TcpProxy | undefined;

  beforeEach(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'stardust-janus-reconnect-'));
  });

  afterEach(async () => {
    await bridge?.close();
    await proxy?.close();
    await janus?.close();
    bridge = undefined;
    proxy = undefined;
    janus = undefined;
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('reconnects after the connection drops and keeps rooms', async () => {
    janus = await startJanus({ stateDir });
    proxy = await startTcpProxy(janus.port);
    bridge = new JanusAudioBridge({
      url: `ws://127.0.0.1:${proxy.port}`,
      adminKey: janus.adminKey,
      reconnect: fastReconnect,
    });
    await bridge.connect();

    const room = await bridge.createRoom(roomId(), { secret: generateJanusSecret() });
    const states = recordEvents<{ state: string }>(bridge, 'stateChange');
    const disconnected = waitForEvent(bridge, 'disconnected');
    const reconnected = waitForEvent<Reconnected>(bridge, 'reconnected');

    proxy.dropConnections();
    await disconnected;

    assert.deepEqual(await reconnected, {
      server: bridge.name,
      restarted: false,
      recreatedRooms: [],
      missingRooms: [],
    });
    assert.deepEqual(
      states.map((event) => event.state),
      ['reconnecting', 'ready'],
    );
    assert.deepEqual(await room.participants(), []);
    assert.equal(proxy.accepted, 2);
  });

  it('detects a stalled connection by its keepalive', async () => {
    janus = await startJanus({ stateDir });
    proxy = await startTcpProxy(janus.port);
    bridge = new JanusAudioBridge({
      url: `ws://127.0.0.1:${proxy.port}`,
      adminKey: janus.adminKey,
      keepaliveIntervalMs: 100,
      requestTimeoutMs: 300,
      reconnect: fastReconnect,
    });
    await bridge.connect();

    const disconnected = waitForEvent(bridge, 'disconnected');

    proxy.stall();
    await disconnected;
    proxy.resume();
    await waitForEvent(bridge, 'reconnected');

    assert.equal(bridge.state, 'ready');
    assert.equal((await bridge.info()).version, '1.1.2');
  });

  it('detects a Janus restart and recreates its rooms', async () => {
    janus = await startJanus({ stateDir });
    bridge = new JanusAudioBridge({
      url: janus.wsUrl,
      adminKey: janus.adminKey,
      requestTimeoutMs: 1000,
      reconnect: fastReconnect,
    });
    await bridge.connect();

    const secret = generateJanusSecret();
    const token = generateJanusSecret();
    const room = await bridge.createRoom(roomId(), { secret, allowed: [token] });
    const disconnected = waitForEvent(bridge, 'disconnected');
    const reconnected = waitForEvent<Reconnected>(bridge, 'reconnected', () => true, 30_000);
    const { port, adminKey } = janus;

    await janus.kill();
    await disconnected;
    await assert.rejects(room.participants(), (error: unknown) => error instanceof RoomMediaError);
    janus = await startJanus({ stateDir, port, adminKey });

    assert.deepEqual(await reconnected, {
      server: bridge.name,
      restarted: true,
      recreatedRooms: [room.id],
      missingRooms: [],
    });
    assert.equal(await room.exists(), true);
    // The recreated room has the old secret and token list: adding a token returns both.
    assert.deepEqual((await room.allow([generateJanusSecret()])).includes(token), true);
    await assert.rejects(
      room.mute('nobody'),
      (error: unknown) => error instanceof RoomMediaError && error.detail === 492,
    );
  });

  it('reports rooms of other clients that a restart lost', async () => {
    janus = await startJanus({ stateDir });
    bridge = new JanusAudioBridge({
      url: janus.wsUrl,
      adminKey: janus.adminKey,
      reconnect: fastReconnect,
    });

    const owner = new JanusAudioBridge({
      url: janus.wsUrl,
      adminKey: janus.adminKey,
      reconnect: fastReconnect,
    });

    try {
      await bridge.connect();
      await owner.connect();

      const secret = generateJanusSecret();
      const created = await owner.createRoom(roomId(), { secret });

      bridge.room(created.id, secret);

      const reconnected = waitForEvent<Reconnected>(bridge, 'reconnected', () => true, 30_000);
      const { port, adminKey } = janus;

      await owner.close();
      await janus.kill();
      janus = await startJanus({ stateDir, port, adminKey });

      assert.deepEqual(await reconnected, {
        server: bridge.name,
        restarted: true,
        recreatedRooms: [],
        missingRooms: [created.id],
      });
      assert.deepEqual(bridge.rooms, []);
    } finally {
      await owner.close();
    }
  });

  it('connects once Janus starts after it', async () => {
    const port = await freePort();

    bridge = new JanusAudioBridge({
      url: `ws://127.0.0.1:${port}`,
      adminKey: generateJanusSecret(),
      reconnect: fastReconnect,
    });

    await assert.rejects(bridge.connect(), (error: unknown) => error instanceof StardustError);

    const ready = waitForEvent<{ state: string }>(
      bridge,
      'stateChange',
      (event) => event.state === 'ready',
      30_000,
    );

    janus = await startJanus({ stateDir, port });
    await ready;

    assert.equal((await bridge.info()).version, '1.1.2');
  });

  it('waits out a short reconnect instead of failing requests', async () => {
    janus = await startJanus({ stateDir });
    proxy = await startTcpProxy(janus.port);
    bridge = new JanusAudioBridge({
      url: `ws://127.0.0.1:${proxy.port}`,
      adminKey: janus.adminKey,
      reconnect: fastReconnect,
    });
    await bridge.connect();

    const id = roomId();
    const disconnected = waitForEvent(bridge, 'disconnected');

    proxy.dropConnections();
    await disconnected;

    assert.equal(await bridge.roomExists(id), false);
    assert.equal(bridge.state, 'ready');
  });
});
