import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { pino } from 'pino';

import { startIpfs, type IpfsHandle } from '../../../server/ipfs/ipfs-server.js';
import { IpfsClient } from '../../../src/message/ipfs-client.js';
import { Outbox, exponentialRetryPolicy, type OutboxClock } from '../../../src/message/outbox.js';
import { MessageStore, type OutboxRecord } from '../../../src/message/store/message-store.js';
import { encodeAddress } from '../../../src/shared/ss58.js';

const silent = pino({ level: 'silent' });
const alice = encodeAddress(new Uint8Array(32).fill(1));
const bob = encodeAddress(new Uint8Array(32).fill(2));

/** Returns a fake clock: time moves only in advance(), and timers never fire by themselves. */
function fakeClock(): OutboxClock & { advance(ms: number): void } {
  let now = 1_000_000;

  return {
    now: () => now,
    setTimeout: () => null,
    clearTimeout: () => {},
    advance(ms) {
      now += ms;
    },
  };
}

/**
 * Returns a fake LockManager with the exclusive `ifAvailable` semantics of Web Locks,
 * because Node has no navigator.locks. The browser suite uses the real one.
 */
function fakeLocks(): LockManager {
  const held = new Set<string>();

  return {
    async request(name: string, options: LockOptions, callback: (lock: Lock | null) => unknown) {
      if (held.has(name)) {
        assert.equal(options.ifAvailable, true);

        return callback(null);
      }

      held.add(name);

      try {
        return await callback({ name, mode: 'exclusive' } as Lock);
      } finally {
        held.delete(name);
      }
    },
    query: async () => ({ held: [], pending: [] }),
  } as unknown as LockManager;
}

function envelope(text: string): Uint8Array {
  return new TextEncoder().encode(`sealed envelope ${text}`);
}

async function freePort(): Promise<number> {
  const server = createServer();

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const { port } = server.address() as AddressInfo;

  await new Promise<void>((resolve) => server.close(() => resolve()));

  return port;
}

describe('outbox', () => {
  let stateDir: string;
  let node: IpfsHandle;

  before(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'stardust-outbox-'));
    node = await startIpfs({ stateDir, apiPort: 0, gatewayPort: 0, logger: silent });
  });

  after(async () => {
    await node.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('keeps one item per envelope CID', async () => {
    const store = await MessageStore.open({ indexedDB: null });
    const outbox = new Outbox({
      account: alice,
      store,
      ipfs: new IpfsClient({ apiUrl: node.apiUrl, gateways: [node.gatewayUrl] }),
      delivery: { deliver: async () => ({ blockHash: '0x01' }) },
      clock: fakeClock(),
      locks: null,
    });

    const first = await outbox.enqueue({
      envelope: envelope('a'),
      to: bob,
      burn: false,
      durationMs: 1,
    });
    const second = await outbox.enqueue({
      envelope: envelope('a'),
      to: bob,
      burn: false,
      durationMs: 1,
    });

    assert.equal(first.id, second.id);
    assert.equal((await outbox.list()).length, 1);
  });

  it('retries after the IPFS node comes back', async () => {
    const port = await freePort();
    const store = await MessageStore.open({ indexedDB: null });
    const clock = fakeClock();
    const delivered: string[] = [];
    const outbox = new Outbox({
      account: alice,
      store,
      ipfs: new IpfsClient({ apiUrl: `http://127.0.0.1:${port}`, gateways: [node.gatewayUrl] }),
      delivery: {
        deliver: async (item) => {
          delivered.push(item.id);

          return { blockHash: '0x02' };
        },
      },
      retryPolicy: exponentialRetryPolicy({ random: () => 1 }),
      clock,
      locks: null,
    });
    const item = await outbox.enqueue({
      envelope: envelope('b'),
      to: bob,
      burn: false,
      durationMs: 2,
    });

    await outbox.processNow();

    const waiting = await outbox.get(item.id);
    const restarted = await startIpfs({ stateDir, apiPort: port, gatewayPort: 0, logger: silent });

    try {
      clock.advance(1000);
      await outbox.processNow();

      const sent = await outbox.get(item.id);

      assert.equal(waiting?.state, 'pending');
      assert.equal(waiting?.lastError, 'IPFS_UPLOAD_FAILED');
      assert.equal(waiting?.nextAttemptAt, clock.now());
      assert.equal(sent?.state, 'sent');
      assert.equal(sent?.envelope, null);
      assert.deepEqual(sent?.receipt, { blockHash: '0x02' });
      assert.deepEqual(delivered, [item.id]);
    } finally {
      await restarted.close();
    }
  });

  it('does not deliver twice after an uncertain result', async () => {
    const store = await MessageStore.open({ indexedDB: null });
    const clock = fakeClock();
    let landed: OutboxRecord | null = null;
    let deliveries = 0;
    const outbox = new Outbox({
      account: alice,
      store,
      ipfs: new IpfsClient({ apiUrl: node.apiUrl, gateways: [node.gatewayUrl] }),
      delivery: {
        deliver: async (item) => {
          deliveries += 1;
          landed = item;
          // The transaction landed but the connection dropped before the result arrived.
          throw new Error('connection lost');
        },
        findDelivered: async (item) => (landed?.id === item.id ? { blockHash: '0x03' } : null),
      },
      retryPolicy: () => 0,
      clock,
      locks: null,
    });
    const item = await outbox.enqueue({
      envelope: envelope('c'),
      to: bob,
      burn: false,
      durationMs: 3,
    });

    await outbox.processNow();
    await outbox.processNow();

    const sent = await outbox.get(item.id);

    assert.equal(deliveries, 1);
    assert.equal(sent?.state, 'sent');
    assert.deepEqual(sent?.receipt, { blockHash: '0x03' });
  });

  it('marks an item failed when the policy gives up, and retries on request', async () => {
    const store = await MessageStore.open({ indexedDB: null });
    let healthy = false;
    const outbox = new Outbox({
      account: alice,
      store,
      ipfs: new IpfsClient({ apiUrl: node.apiUrl, gateways: [node.gatewayUrl] }),
      delivery: {
        deliver: async () => {
          if (!healthy) throw new Error('chain unreachable');

          return { blockHash: '0x04' };
        },
      },
      retryPolicy: () => null,
      clock: fakeClock(),
      locks: null,
    });
    const states: string[] = [];

    outbox.on('itemChange', ({ item }) => states.push(item.state));

    const item = await outbox.enqueue({
      envelope: envelope('d'),
      to: bob,
      burn: true,
      durationMs: 4,
    });

    await outbox.processNow();

    const failed = await outbox.get(item.id);

    healthy = true;
    await outbox.retry(item.id);

    assert.equal(failed?.state, 'failed');
    assert.equal(failed?.uploaded, true);
    assert.equal(failed?.lastError, 'INTERNAL_ERROR');
    assert.equal((await outbox.get(item.id))?.state, 'sent');
    assert.deepEqual(states, ['pending', 'pending', 'failed', 'pending', 'sent']);
  });

  it('sends an item once when two tabs share the lock', async () => {
    const store = await MessageStore.open({ indexedDB: null });
    const locks = fakeLocks();
    const clock = fakeClock();
    let deliveries = 0;
    const make = () =>
      new Outbox({
        account: alice,
        store,
        ipfs: new IpfsClient({ apiUrl: node.apiUrl, gateways: [node.gatewayUrl] }),
        delivery: {
          deliver: async () => {
            deliveries += 1;

            return { blockHash: '0x05' };
          },
        },
        clock,
        locks,
      });
    const tabA = make();
    const tabB = make();

    await tabA.enqueue({ envelope: envelope('e'), to: bob, burn: false, durationMs: 5 });
    await Promise.all([tabA.processNow(), tabB.processNow(), tabA.processNow(), tabB.processNow()]);

    assert.equal(deliveries, 1);
  });

  it('keeps accounts apart', async () => {
    const store = await MessageStore.open({ indexedDB: null });
    const make = (account: string) =>
      new Outbox({
        account,
        store,
        ipfs: new IpfsClient({ apiUrl: node.apiUrl, gateways: [node.gatewayUrl] }),
        delivery: { deliver: async () => ({}) },
        clock: fakeClock(),
        locks: null,
      });

    await make(alice).enqueue({ envelope: envelope('f'), to: bob, burn: false, durationMs: 6 });

    assert.equal((await make(bob).list()).length, 0);
    assert.equal((await make(alice).list()).length, 1);
  });
});
