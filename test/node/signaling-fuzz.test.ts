// Fuzzing a real server on port 0 with 10,000 random and mutated frames, over
// authenticated and unauthenticated sockets: the server keeps serving, and after a forced
// GC its heap is within 10 % of where it started.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { encodePayload, SignalType } from '../../src/shared/codec.js';
import { startSignalingServer } from '../../server/signaling/server.js';
import { RawClient, TEST_GENESIS } from '../support/raw-signal-client.js';
import { randomBytes } from '../support/signers.js';

const FRAMES = 10_000;

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;

  assert.ok(gc !== undefined, 'run with --expose-gc (npm test does)');

  for (let i = 0; i < 3; i += 1) gc();

  return process.memoryUsage().heapUsed;
}

/** Mutates a valid frame: bit flips, cuts, splices or inserted bytes. */
function mutate(frame: Uint8Array, round: number): Uint8Array {
  const copy = Uint8Array.from(frame);

  switch (round % 5) {
    case 0:
      for (let i = 0; i < 1 + (round % 7); i += 1)
        copy[(round * 31 + i * 17) % copy.length]! ^= 1 << (i % 8);

      return copy;
    case 1:
      return copy.subarray(0, round % copy.length);
    case 2:
      return Uint8Array.of(
        ...copy.subarray(0, round % copy.length),
        ...randomBytes(1 + (round % 40)),
      );
    case 3:
      return Uint8Array.of(...randomBytes(2), ...copy);
    default:
      return randomBytes(1 + (round % 300));
  }
}

/** Sends `frames` mutated frames over two authenticated sockets, then checks that the server still replies. */
async function fuzzRound(url: string, frames: number): Promise<number> {
  const fuzzers = await Promise.all([RawClient.connect(url), RawClient.connect(url)]);
  const [alice, bob] = fuzzers as [RawClient, RawClient];
  const seeds = [
    alice.frame({
      type: SignalType.CALL_INVITE,
      to: bob.address,
      callId: 'fuzz',
      payload: encodePayload(SignalType.CALL_INVITE, { delegation: alice.delegation }),
    }),
    alice.frame({
      type: SignalType.ICE_CANDIDATE,
      to: bob.address,
      callId: 'fuzz',
      payload: encodePayload(SignalType.ICE_CANDIDATE, {
        candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host',
      }),
    }),
    alice.frame({
      type: SignalType.KEYS_LOOKUP,
      payload: encodePayload(SignalType.KEYS_LOOKUP, { account: bob.address }),
    }),
  ];
  let sent = 0;

  for (let round = 0; round < frames; round += 1) {
    const socket = fuzzers[round % 2]!;

    if (socket.socket.readyState !== 1) continue;

    socket.sendRaw(mutate(seeds[round % seeds.length]!, round));
    sent += 1;

    if (round % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }

  const unauthenticated = await RawClient.connect(url, { skipAuth: true });

  for (let round = 0; round < 500; round += 1) unauthenticated.sendRaw(mutate(seeds[1]!, round));

  const probe = await RawClient.connect(url);

  probe.send({ type: SignalType.HEARTBEAT, requestId: 77 });
  assert.equal((await probe.next(SignalType.HEARTBEAT_ACK)).requestId, 77);
  await Promise.all([...fuzzers, unauthenticated, probe].map((client) => client.close()));

  return sent;
}

describe('signaling fuzz', () => {
  it('survives 10,000 bad frames without growing its heap', { timeout: 120_000 }, async () => {
    const server = await startSignalingServer({
      port: 0,
      genesisHash: TEST_GENESIS,
      logLevel: 'silent',
      // Let every frame reach the decoder instead of the rate limiter.
      socketRate: { perSecond: 1e6, burst: 1e6 },
      accountRate: { perSecond: 1e6, burst: 1e6 },
    });

    // A first, smaller round loads every lazily imported module and warms the JIT, so the
    // measured round shows only what the frames themselves leave behind.
    await fuzzRound(server.url, 1000);

    const before = heapAfterGc();
    const sent = await fuzzRound(server.url, FRAMES);

    const after = heapAfterGc();

    assert.ok(sent >= FRAMES * 0.9, `only ${sent} frames were sent before the sockets closed`);
    assert.ok(after < before * 1.1, `heap grew from ${before} to ${after} bytes`);
    await server.close();
  });
});
