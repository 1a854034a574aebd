// Reconnect storm: 200 clients on a fake clock lose their server (close 1012), find it
// refusing connections for a while, then reconnect. No client ever holds two sockets, and
// the reconnection attempts spread out: fewer than 10 % fall in any 100 ms window.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import WebSocket from 'ws';

import { SignalingClient, type WebSocketFactory } from '../../src/signaling/signaling-client.js';
import { memorySessionStorage, SessionManager } from '../../src/wallet/session.js';
import { startSignalingServer } from '../../server/signaling/server.js';
import { FakeClock } from '../support/fake-clock.js';
import { TEST_GENESIS, TEST_ORIGIN } from '../support/raw-signal-client.js';
import { ed25519Wallet } from '../support/signers.js';

const CLIENTS = 200;
const DOWN_MS = 3000;

/** Counts each client's sockets and records when (on the fake clock) each was opened. */
class SocketLedger {
  readonly opened: number[] = [];
  readonly inFlight = new Set<Promise<void>>();
  maxPerClient = 0;

  factory(clock: FakeClock): WebSocketFactory {
    const opened = this.opened;
    const inFlight = this.inFlight;
    const track = (live: number): void => {
      this.maxPerClient = Math.max(this.maxPerClient, live);
    };

    let live = 0;

    return class extends WebSocket {
      constructor(url: string) {
        super(url);
        live += 1;
        track(live);
        opened.push(clock.now());

        const settled = new Promise<void>((resolve) => {
          this.once('open', () => resolve());
          this.once('close', () => {
            live -= 1;
            resolve();
          });
        });

        inFlight.add(settled);
        void settled.then(() => inFlight.delete(settled));
      }
    } as unknown as WebSocketFactory;
  }

  /** Resolves once no socket is still connecting. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}

describe('signaling reconnect storm', () => {
  it('spreads 200 reconnections and keeps one socket each', { timeout: 180_000 }, async () => {
    const clock = new FakeClock(Date.now());
    const options = {
      port: 0,
      genesisHash: TEST_GENESIS,
      logLevel: 'silent',
      now: () => clock.now(),
      maxConnections: 1000,
    };
    let server = await startSignalingServer(options);
    const port = Number(new URL(server.url).port);
    const ledger = new SocketLedger();
    const clients: SignalingClient[] = [];

    for (let i = 0; i < CLIENTS; i += 1) {
      const session = new SessionManager({
        wallet: ed25519Wallet(),
        genesisHash: TEST_GENESIS,
        origin: TEST_ORIGIN,
        storage: memorySessionStorage(),
        now: () => clock.now(),
      });

      clients.push(
        new SignalingClient({ url: server.url, session, clock, WebSocket: ledger.factory(clock) }),
      );
    }

    await Promise.all(clients.map((client) => client.connect()));

    const restartAt = clock.now();
    const connected = new Set<SignalingClient>();

    for (const client of clients) client.on('authenticated', () => connected.add(client));

    await server.close();
    ledger.opened.length = 0;

    // Refusing: the port is closed for DOWN_MS of fake time, then a new server takes it.
    while (clock.now() - restartAt < DOWN_MS) {
      clock.advance(10);
      await ledger.settle();
    }

    server = await startSignalingServer({ ...options, port });

    while (connected.size < CLIENTS) {
      clock.advance(10);
      await ledger.settle();
      await new Promise((resolve) => setImmediate(resolve));
    }

    const windowCount = maxInWindow(ledger.opened, 100);

    assert.equal(ledger.maxPerClient, 1, 'a client held two sockets at once');
    assert.ok(
      ledger.opened.length >= CLIENTS,
      `${ledger.opened.length} attempts for ${CLIENTS} clients`,
    );
    assert.ok(
      windowCount < ledger.opened.length * 0.1,
      `${windowCount} of ${ledger.opened.length} attempts fell in one 100 ms window`,
    );
    await Promise.all(clients.map((client) => client.close()));
    await server.close();
  });
});

/** Largest number of timestamps within any window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;

  for (let end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= windowMs) start += 1;

    best = Math.max(best, end - start + 1);
  }

  return best;
}
