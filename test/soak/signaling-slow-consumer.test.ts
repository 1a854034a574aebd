// A client stops reading while ten senders keep sending it voice-message notices. Once the
// server's send buffer for it passes `maxBufferedBytes` it is closed with 1008
// SLOW_CONSUMER and forgotten at once, while a bystander receiving the same traffic gets
// every notice in order and every sender gets every answer.
//
// The senders go in rounds, each round once the bystander has read the last one, so the
// bystander's own buffer stays far below the limit: only a reader that stopped passes it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { decodePayload, encodePayload, SignalType } from '../../src/shared/codec.js';
import { startSignalingProcess, type SignalingProcess } from '../support/signaling-process.js';
import { RawClient, TEST_GENESIS } from '../support/raw-signal-client.js';
import { nodeEd25519KeyPair } from '../support/node-signers.js';

const SENDERS = 10;
/** Rounds of one notice per sender to each receiver: 160 messages a sender, within the burst of 200. */
const ROUNDS = 80;
const WAVEFORM_BYTES = 12 * 1024;
/** Four rounds of the bystander's traffic. */
const MAX_BUFFERED_BYTES = 512 * 1024;

let server: SignalingProcess;
let slow: RawClient;
let bystander: RawClient;
let senders: RawClient[] = [];
/** Notices the bystander received, by sender address. */
const received = new Map<string, number[]>();
/** Answers each sender got: request id → message type. */
const answers: Array<Map<number, number>> = [];

function notice(to: string, sequence: number) {
  return {
    type: SignalType.VOICE_MESSAGE,
    to,
    payload: encodePayload(SignalType.VOICE_MESSAGE, {
      cid: `bafkreislow${sequence}`,
      durationMs: sequence,
      waveform: new Uint8Array(WAVEFORM_BYTES).fill(sequence % 256),
    }),
  };
}

/** Resolves each time the bystander has read `SENDERS` more notices. */
function roundsRead(): (round: number) => Promise<void> {
  let count = 0;
  const waiters = new Map<number, () => void>();

  bystander.socket.on('message', () => {
    for (const message of bystander.received.splice(0)) {
      if (message.type !== SignalType.VOICE_MESSAGE) continue;

      const payload = decodePayload(SignalType.VOICE_MESSAGE, message.payload);
      const list = received.get(message.from) ?? [];

      list.push(payload.durationMs ?? -1);
      received.set(message.from, list);
      count += 1;

      for (const [round, resolve] of waiters) {
        if (count >= round * SENDERS) {
          waiters.delete(round);
          resolve();
        }
      }
    }
  });

  return (round) =>
    count >= round * SENDERS
      ? Promise.resolve()
      : new Promise((resolve) => waiters.set(round, resolve));
}

function recordAnswers(sender: RawClient, index: number): Promise<void> {
  const map = new Map<number, number>();

  answers[index] = map;

  return new Promise((resolve) => {
    sender.socket.on('message', () => {
      for (const message of sender.received.splice(0)) {
        map.set(message.requestId, message.type!);

        if (map.size === 2 * ROUNDS) resolve();
      }
    });
  });
}

before(async () => {
  server = await startSignalingProcess({
    genesisHash: `0x${Buffer.from(TEST_GENESIS).toString('hex')}`,
    maxBufferedBytes: MAX_BUFFERED_BYTES,
  });
  slow = await RawClient.connect(server.url, { session: nodeEd25519KeyPair() });
  bystander = await RawClient.connect(server.url, { session: nodeEd25519KeyPair() });
  senders = await Promise.all(
    Array.from({ length: SENDERS }, () =>
      RawClient.connect(server.url, { session: nodeEd25519KeyPair() }),
    ),
  );

  const roundRead = roundsRead();
  const allAnswered = Promise.all(senders.map(recordAnswers));

  // ws stops reading the TCP socket: the kernel buffers fill, then the server's.
  slow.socket.pause();

  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const sender of senders) {
      sender.send({ ...notice(slow.address, round), requestId: 2 * round - 1 });
      sender.send({ ...notice(bystander.address, round), requestId: 2 * round });
    }

    await roundRead(round);
  }

  await allAnswered;
});

after(async () => {
  for (const client of [bystander, ...senders]) await client.close();
  await server.stop();
});

describe('slow consumer', { timeout: 120_000 }, () => {
  it('closes the reader that stopped with SLOW_CONSUMER', async () => {
    const metrics = await (await fetch(server.metricsUrl)).text();

    assert.match(metrics, /stardust_signaling_rejections_total\{code="SLOW_CONSUMER"\} 1\n/);

    slow.socket.resume();
    assert.equal(await slow.closed, 1008);
    assert.equal(slow.closeReason, 'SLOW_CONSUMER');
  });

  it('forgets the slow reader at once', async () => {
    const answer = senders[0]!.nextOf([SignalType.CALL_BUSY, SignalType.ACK, SignalType.ERROR]);

    senders[0]!.send({
      type: SignalType.CALL_INVITE,
      to: slow.address,
      callId: 'to-slow',
      requestId: 9999,
      payload: encodePayload(SignalType.CALL_INVITE, { delegation: senders[0]!.delegation }),
    });

    const busy = await answer;

    assert.equal(busy.type, SignalType.CALL_BUSY);
    assert.equal(decodePayload(SignalType.CALL_BUSY, busy.payload).reason, 3, 'offline');
  });

  it('keeps the bystander connected', () => {
    assert.equal(bystander.socket.readyState, 1);
    assert.equal(bystander.closeCode, undefined);
  });

  it('delivers every notice to the bystander in order', () => {
    const expected = Array.from({ length: ROUNDS }, (_, index) => index + 1);

    assert.equal(received.size, SENDERS);

    for (const sender of senders) assert.deepEqual(received.get(sender.address), expected);
  });

  it('answers every notice of every sender', () => {
    for (const map of answers) {
      for (let sequence = 1; sequence <= ROUNDS; sequence += 1) {
        assert.equal(map.get(2 * sequence), SignalType.ACK, `notice ${sequence} to the bystander`);
        assert.ok(map.has(2 * sequence - 1), `notice ${sequence} to the slow reader unanswered`);
      }
    }
  });
});
