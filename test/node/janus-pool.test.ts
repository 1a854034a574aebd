// The pool over two real Janus servers: rooms spread by room id, health follows each
// server, and rooms go to a healthy server when their first choice is down.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { StardustError } from '../../src/shared/errors.js';
import { freePort } from '../../server/signaling/janus/launcher.js';
import { JanusPool } from '../../server/signaling/janus/pool.js';
import { backoffPolicy } from '../../server/signaling/janus/reconnect.js';
import { generateJanusSecret } from '../../server/signaling/janus/validate.js';
import { janusSkipReason, startJanus, type JanusFixture } from '../support/janus.js';
import { waitForEvent } from '../support/wait-event.js';

const skip = janusSkipReason();

if (skip !== undefined) console.log(`# Janus pool tests skipped: ${skip}`);

function roomId(): string {
  return randomBytes(16).toString('hex');
}

/** Returns a room id whose first choice is `server`. */
function roomPreferring(pool: JanusPool, server: string): string {
  for (;;) {
    const id = roomId();

    if (pool.rank(id)[0] === server) return id;
  }
}

describe('JanusPool over two Janus servers', { skip }, () => {
  let stateDir: string;
  let janusA: JanusFixture;
  let janusB: JanusFixture;
  let pool: JanusPool;

  before(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'stardust-janus-pool-'));
    [janusA, janusB] = await Promise.all([
      startJanus({ stateDir: join(stateDir, 'a') }),
      startJanus({ stateDir: join(stateDir, 'b') }),
    ]);
    pool = new JanusPool({
      servers: [
        { name: 'janus-a', url: janusA.wsUrl, adminKey: janusA.adminKey },
        { name: 'janus-b', url: janusB.wsUrl, adminKey: janusB.adminKey },
      ],
      requestTimeoutMs: 2000,
      reconnect: backoffPolicy({ baseMs: 50, maxMs: 200 }),
    });
    await pool.connect();
  });

  after(async () => {
    await pool?.close();
    await janusA?.close();
    await janusB?.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('spreads rooms over both servers by room id', async () => {
    const [a, b] = pool.servers;
    // Six rooms whose first choice is each server, so the spread is certain, not likely.
    const ids = Array.from({ length: 12 }, (_, index) =>
      roomPreferring(pool, index % 2 === 0 ? 'janus-a' : 'janus-b'),
    );

    const rooms = await Promise.all(
      ids.map((id) => pool.createRoom(id, { secret: generateJanusSecret() })),
    );

    for (const room of rooms) {
      const home = pool.rank(room.id)[0]!;

      assert.equal(room.server, home, room.id);
      assert.equal(
        await pool.servers.find((bridge) => bridge.name === home)!.roomExists(room.id),
        true,
      );
    }

    assert.equal(a!.rooms.length, 6);
    assert.equal(b!.rooms.length, 6);
  });

  it('reports both servers healthy', () => {
    const health = pool.health();

    assert.deepEqual(
      health.map(({ name, healthy, state }) => ({ name, healthy, state })),
      [
        { name: 'janus-a', healthy: true, state: 'ready' },
        { name: 'janus-b', healthy: true, state: 'ready' },
      ],
    );
    assert.equal(health[0]!.url, janusA.wsUrl);
  });

  it('finds a room another client created', async () => {
    const id = roomPreferring(pool, 'janus-b');
    const secret = generateJanusSecret();

    await pool.createRoom(id, { secret });

    const other = new JanusPool({
      servers: [
        { name: 'janus-a', url: janusA.wsUrl, adminKey: janusA.adminKey },
        { name: 'janus-b', url: janusB.wsUrl, adminKey: janusB.adminKey },
      ],
    });

    try {
      await other.connect();

      const found = await other.findRoom(id, secret);

      assert.equal(found?.server, 'janus-b');
      assert.equal(await other.findRoom(roomId(), secret), undefined);
      assert.equal(other.serverFor(id).name, 'janus-b');
    } finally {
      await other.close();
    }
  });

  it('fails new rooms over while a server is down', async () => {
    const down = waitForEvent<{ server: string; healthy: boolean }>(
      pool,
      'serverHealth',
      (event) => !event.healthy,
    );
    const { port, adminKey } = janusB;
    const placedBefore = roomPreferring(pool, 'janus-b');

    await pool.createRoom(placedBefore, { secret: generateJanusSecret() });
    await janusB.kill();

    assert.deepEqual(await down, { server: 'janus-b', healthy: false, state: 'reconnecting' });
    assert.equal(pool.health()[1]!.healthy, false);

    const id = roomPreferring(pool, 'janus-b');
    const room = await pool.createRoom(id, { secret: generateJanusSecret() });

    assert.equal(room.server, 'janus-a');
    assert.equal(await pool.servers[0]!.roomExists(id), true);

    const up = waitForEvent<{ server: string; healthy: boolean }>(
      pool,
      'serverHealth',
      (event) => event.healthy,
      30_000,
    );
    const restored = waitForEvent<{ recreatedRooms: string[] }>(
      pool,
      'reconnected',
      () => true,
      30_000,
    );

    janusB = await startJanus({ stateDir: join(stateDir, 'b2'), port, adminKey });
    await up;

    assert.ok((await restored).recreatedRooms.includes(placedBefore));
    assert.equal(pool.serverFor(placedBefore).name, 'janus-b');
    assert.equal(pool.serverFor(id).name, 'janus-a');
    assert.equal(
      (await pool.createRoom(roomPreferring(pool, 'janus-b'), { secret: generateJanusSecret() }))
        .server,
      'janus-b',
    );
  });
});

describe('JanusPool without servers', () => {
  it('rejects an empty or ambiguous configuration', () => {
    const adminKey = generateJanusSecret();

    assert.throws(
      () => new JanusPool({ servers: [] }),
      (error: unknown) => error instanceof StardustError && error.code === 'INVALID_ARGUMENT',
    );
    assert.throws(
      () =>
        new JanusPool({
          servers: [
            { url: 'ws://127.0.0.1:1', adminKey },
            { url: 'ws://127.0.0.1:1', adminKey },
          ],
        }),
      (error: unknown) => error instanceof StardustError && error.code === 'INVALID_ARGUMENT',
    );
  });

  it('fails with ROOM_MEDIA_DISCONNECTED when no server is reachable', async () => {
    const pool = new JanusPool({
      servers: [
        { url: `ws://127.0.0.1:${await freePort()}`, adminKey: generateJanusSecret() },
        { url: `ws://127.0.0.1:${await freePort()}`, adminKey: generateJanusSecret() },
      ],
      reconnect: backoffPolicy({ maxAttempts: 0 }),
    });
    const isDisconnected = (error: unknown) =>
      error instanceof StardustError && error.code === 'ROOM_MEDIA_DISCONNECTED';

    try {
      await assert.rejects(pool.connect(), isDisconnected);
      await assert.rejects(
        pool.createRoom(roomId(), { secret: generateJanusSecret() }),
        isDisconnected,
      );
      assert.throws(() => pool.serverFor(roomId()), isDisconnected);
      assert.deepEqual(
        pool.health().map((server) => server.healthy),
        [false, false],
      );
      assert.match(pool.health()[0]!.lastError ?? '', /lost|connect/);
    } finally {
      await pool.close();
    }
  });
});
