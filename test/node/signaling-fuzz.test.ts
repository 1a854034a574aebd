// Fuzzing a real server on port 0 with 10,000 random and mutated frames, over
// authenticated and unauthenticated sockets: the server reads every frame, replies to each
// (or closes its socket), keeps serving, and after a forced GC its heap is within 10 % of
// where it started.
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

/** Frames sent on one socket before a probe checks that the server read them all. */
const BATCH = 100;

/** Valid frames of `client` that the fuzzer mutates: an invite, a candidate, a key lookup. */
function seedFrames(client: RawClient, peer: string): Uint8Array[] {
  return [
    client.frame({
      type: SignalType.CALL_INVITE,
      to: peer,
      callId: 'fuzz',
      payload: encodePayload(SignalType.CALL_INVITE, { delegation: client.delegation }),
    }),
    client.frame({
      type: SignalType.ICE_CANDIDATE,
      to: peer,
      callId: 'fuzz',
      payload: encodePayload(SignalType.ICE_CANDIDATE, {
        candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host',
      }),
    }),
    client.frame({
      type: SignalType.KEYS_LOOKUP,
      payload: encodePayload(SignalType.KEYS_LOOKUP, { account: peer }),
    }),
  ];
}

/** What happened to the frames of one fuzz round. */
interface FuzzOutcome {
  /** Frames the server read while their socket was open, confirmed by a later probe. */
  read: number;
  /**
   * Frames the server sent in reply: ERROR or a result to the fuzzing socket, or a relayed
   * message to the bystander. Probe replies are not counted.
   */
  replies: number;
  /** Sockets the server closed, by close code and reason. */
  closes: Map<string, number>;
}

/** One authenticated fuzzing socket, replaced by a new one when the server closes it. */
class FuzzSlot {
  client!: RawClient;
  seeds: Uint8Array[] = [];
  // Seed frames carry request id 0, so a reply to a mutated frame is unlikely to match.
  #nextProbe = 1_000_000_000;

  constructor(
    readonly url: string,
    readonly peer: string,
  ) {}

  async open(): Promise<void> {
    this.client = await RawClient.connect(this.url);
    this.seeds = seedFrames(this.client, this.peer);
  }

  /** Sends a HEARTBEAT and resolves true on its reply, false when the socket closes first. */
  async probe(): Promise<boolean> {
    const requestId = (this.#nextProbe += 1);
    const reply = this.client
      .nextMatching((message) => message.requestId === requestId)
      .then(() => true);

    this.client.send({ type: SignalType.HEARTBEAT, requestId });

    return Promise.race([reply, this.client.closed.then(() => false)]);
  }

  sendFrame(round: number): void {
    this.client.sendRaw(mutate(this.seeds[round % this.seeds.length]!, round));
  }
}

/**
 * Sends `frames` mutated frames over two authenticated sockets, in batches each followed by
 * a probe, so every frame is known to have reached the server while its socket was open. A
 * batch whose socket the server closed is sent again one frame and one probe at a time on
 * new sockets, so the frame that caused the close is counted as answered by the close.
 */
async function fuzzRound(url: string, frames: number): Promise<FuzzOutcome> {
  const bystander = await RawClient.connect(url);
  const slots = [new FuzzSlot(url, bystander.address), new FuzzSlot(url, bystander.address)];
  const outcome: FuzzOutcome = { read: 0, replies: 0, closes: new Map() };
  const replaceClosed = async (slot: FuzzSlot): Promise<void> => {
    await slot.client.closed;
    outcome.replies += slot.client.received.length;

    const reason = `${slot.client.closeCode} ${slot.client.closeReason}`;

    outcome.closes.set(reason, (outcome.closes.get(reason) ?? 0) + 1);
    await slot.open();
  };

  await Promise.all(slots.map((slot) => slot.open()));

  for (let start = 0; start < frames; start += BATCH) {
    const slot = slots[(start / BATCH) % 2]!;
    const end = Math.min(frames, start + BATCH);

    for (let round = start; round < end; round += 1) slot.sendFrame(round);

    if (await slot.probe()) {
      outcome.read += end - start;
      continue;
    }

    await replaceClosed(slot);

    for (let round = start; round < end; round += 1) {
      slot.sendFrame(round);

      if (!(await slot.probe())) await replaceClosed(slot);

      outcome.read += 1;
    }
  }

  for (const client of [...slots.map((slot) => slot.client), bystander])
    outcome.replies += client.received.length;

  const unauthenticated = await RawClient.connect(url, { skipAuth: true });
  const unauthenticatedSeed = slots[0]!.seeds[1]!;

  for (let round = 0; round < 500; round += 1)
    unauthenticated.sendRaw(mutate(unauthenticatedSeed, round));

  const probe = await RawClient.connect(url);

  probe.send({ type: SignalType.HEARTBEAT, requestId: 77 });
  assert.equal((await probe.next(SignalType.HEARTBEAT_ACK)).requestId, 77);
  await Promise.all(
    [...slots.map((slot) => slot.client), bystander, unauthenticated, probe].map((client) =>
      client.close(),
    ),
  );

  return outcome;
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

    try {
      // A first, smaller round loads every lazily imported module and warms the JIT, so the
      // measured round shows only what the frames themselves leave behind.
      await fuzzRound(server.url, 1000);

      const before = heapAfterGc();
      const outcome = await fuzzRound(server.url, FRAMES);

      const after = heapAfterGc();
      const closes = [...outcome.closes.values()].reduce((sum, count) => sum + count, 0);

      assert.equal(outcome.read, FRAMES);
      assert.ok(
        outcome.replies + closes >= FRAMES,
        `${FRAMES} frames got ${outcome.replies} replies and ${closes} closes (${[...outcome.closes.keys()].join(', ')})`,
      );
      // NOTE: each socket the server closes is replaced by one of a new account, whose
      // delegation the server keeps until it expires, so many closes would grow the heap
      // without a leak. The current mutations close none.
      assert.ok(after < before * 1.1, `heap grew from ${before} to ${after} bytes`);
    } finally {
      await server.close();
    }
  });
});
