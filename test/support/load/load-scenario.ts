// The signaling load scenario, shared by the soak suite (which asserts its outcomes) and the
// `load` benchmark (which records its figures against the bare relay): many authenticated
// clients spread over two instances, concurrent calls negotiating across the instances, and
// one room whose members' messages fan out to every other member. Every relayed message is
// tracked by its nonce from sender to each expected receiver, so a lost, duplicated or
// stray message is counted, and each delivery's latency is measured on one clock.
import { toHex } from '../../../src/shared/bytes.js';
import {
  encodePayload,
  randomNonce,
  type SignalMessage,
  SignalType,
} from '../../../src/shared/codec.js';
import { LoadPeer, type LoadMode } from './load-peer.js';

/** What the scenario runs. */
export interface LoadSettings {
  mode: LoadMode;
  /** One URL per instance; client i connects to `urls[i % urls.length]`. */
  urls: string[];
  genesisHash: Uint8Array;
  clients: number;
  /** Calls between clients 2c (first instance) and 2c + 1 (second instance). */
  calls: number;
  /** Room members: the clients after the callers and callees, alternating instances. */
  roomMembers: number;
  /** ICE candidates each party of a call sends once the answer arrived. */
  candidatesPerParty: number;
  /** Speaking updates each room member sends. */
  roomMessagesPerMember: number;
  /** Pause between one party's ICE candidates, in ms. */
  callIntervalMs: number;
  /** Pause between one member's speaking updates, in ms. */
  roomIntervalMs: number;
  /** How long the calls and the room may take before their missing messages count as lost. */
  trafficTimeoutMs: number;
  /** How long to wait for the last deliveries before counting the rest as lost, in ms. */
  deliveryTimeoutMs: number;
  /** Runs once every client is connected, before any traffic (to sample the servers). */
  onConnected?: () => Promise<void>;
  /** Runs after the last delivery, while every client is still connected. */
  onFinished?: () => Promise<void>;
}

/**
 * The load the soak suite asserts and the benchmark records: 1,000 clients, 100 calls with
 * 20 candidates a party, 100 ms apart, and a room of 50 members sending 50 speaking updates
 * each, 200 ms apart (about 127,000 deliveries over 10 s).
 */
export const STANDARD_LOAD = {
  clients: 1000,
  calls: 100,
  roomMembers: 50,
  candidatesPerParty: 20,
  callIntervalMs: 100,
  roomMessagesPerMember: 50,
  roomIntervalMs: 200,
  trafficTimeoutMs: 90_000,
  deliveryTimeoutMs: 20_000,
} as const;

/** What the scenario measured. Latencies are from send to receipt, in ms. */
export interface LoadFigures {
  clients: number;
  calls: number;
  room_members: number;
  /** Time to connect (and authenticate) every client, 100 at a time. */
  connect_ms: number;
  /** Messages sent between peers and deliveries expected from them (room messages fan out). */
  sent: number;
  expected_deliveries: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /** Deliveries nobody sent to that receiver. */
  unexpected: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  /** Time from the first invite to the last delivery. */
  traffic_ms: number;
  deliveries_per_s: number;
  /** ERROR codes the server answered with, and how often. */
  errors: Record<string, number>;
}

interface Pending {
  sentAt: number;
  receivers: Set<number>;
  done: () => void;
}

const SDP = `v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n${'a=x-load:padding to a typical audio offer size\r\n'.repeat(36)}`;
const CANDIDATE =
  'candidate:842163049 1 udp 1677729535 127.0.0.1 54321 typ srflx raddr 0.0.0.0 rport 0 generation 0 ufrag load';
const ROOM_ID = '5e'.repeat(16);

/** Runs the scenario and closes every client it opened. */
export async function runLoad(settings: LoadSettings): Promise<LoadFigures> {
  const tracker = new DeliveryTracker();
  const connectStarted = performance.now();
  const peers = await connectAll(settings, tracker);
  const connectMs = performance.now() - connectStarted;

  try {
    await settings.onConnected?.();

    const trafficStarted = performance.now();
    const callers = Array.from({ length: settings.calls }, (_, call) =>
      runCall(settings, tracker, peers[2 * call]!, peers[2 * call + 1]!, `load${call}`),
    );
    const members = peers.slice(2 * settings.calls, 2 * settings.calls + settings.roomMembers);

    // A flow whose message is lost never finishes: past the deadline its wait is abandoned
    // and the missing deliveries are counted as lost.
    await Promise.race([
      Promise.all([...callers, runRoom(settings, tracker, members)]),
      pause(settings.trafficTimeoutMs),
    ]);

    const lost = await tracker.settle(settings.deliveryTimeoutMs);
    const trafficMs = performance.now() - trafficStarted;

    await settings.onFinished?.();

    const latencies = tracker.latencies.sort((a, b) => a - b);

    return {
      clients: peers.length,
      calls: settings.calls,
      room_members: members.length,
      connect_ms: Math.round(connectMs),
      sent: tracker.sent,
      expected_deliveries: tracker.expected,
      delivered: latencies.length,
      lost,
      duplicated: tracker.duplicated,
      unexpected: tracker.unexpected,
      p50_ms: round(quantile(latencies, 0.5)),
      p99_ms: round(quantile(latencies, 0.99)),
      max_ms: round(latencies.at(-1) ?? Number.NaN),
      traffic_ms: Math.round(trafficMs),
      deliveries_per_s: Math.round((latencies.length * 1000) / trafficMs),
      errors: errorsOf(peers),
    };
  } finally {
    await Promise.all(peers.map((peer) => peer.close()));
  }
}

async function connectAll(settings: LoadSettings, tracker: DeliveryTracker): Promise<LoadPeer[]> {
  const peers: LoadPeer[] = [];

  for (let start = 0; start < settings.clients; start += 100) {
    const batch = Array.from({ length: Math.min(100, settings.clients - start) }, (_, offset) =>
      LoadPeer.connect({
        mode: settings.mode,
        url: settings.urls[(start + offset) % settings.urls.length]!,
        index: start + offset,
        genesisHash: settings.genesisHash,
      }),
    );

    peers.push(...(await Promise.all(batch)));
  }

  for (const peer of peers) {
    peer.onMessage((message, receivedAt) => tracker.received(peer.index, message, receivedAt));
  }

  return peers;
}

/** One call: invite, accept, offer, answer, candidates both ways, then hang up. */
async function runCall(
  settings: LoadSettings,
  tracker: DeliveryTracker,
  caller: LoadPeer,
  callee: LoadPeer,
  callId: string,
): Promise<void> {
  const relay = (from: LoadPeer, to: LoadPeer, type: number, payload: Uint8Array) =>
    tracker.send(from, [to], { type, to: to.address, callId, payload });

  await relay(
    caller,
    callee,
    SignalType.CALL_INVITE,
    encodePayload(SignalType.CALL_INVITE, { callerName: `caller ${caller.index}` }),
  );
  await relay(callee, caller, SignalType.CALL_ACCEPT, encodePayload(SignalType.CALL_ACCEPT, {}));
  await relay(
    caller,
    callee,
    SignalType.SDP_OFFER,
    encodePayload(SignalType.SDP_OFFER, { sdp: SDP, type: 'offer' }),
  );
  await relay(
    callee,
    caller,
    SignalType.SDP_ANSWER,
    encodePayload(SignalType.SDP_ANSWER, { sdp: SDP, type: 'answer' }),
  );

  const candidates: Array<Promise<void>> = [];
  const candidate = encodePayload(SignalType.ICE_CANDIDATE, {
    candidate: CANDIDATE,
    sdpMid: '0',
    sdpMlineIndex: 0,
  });

  for (let index = 0; index < settings.candidatesPerParty; index += 1) {
    candidates.push(relay(caller, callee, SignalType.ICE_CANDIDATE, candidate));
    candidates.push(relay(callee, caller, SignalType.ICE_CANDIDATE, candidate));
    await pause(settings.callIntervalMs);
  }

  // The hangup ends the call at the server: the candidates must all be through first.
  await Promise.all(candidates);
  await relay(
    caller,
    callee,
    SignalType.CALL_HANGUP,
    encodePayload(SignalType.CALL_HANGUP, { reason: 0 }),
  );
}

/** Every member joins, then sends speaking updates that reach every other member. */
async function runRoom(
  settings: LoadSettings,
  tracker: DeliveryTracker,
  members: LoadPeer[],
): Promise<void> {
  if (settings.mode === 'signaling') {
    const joined = await Promise.all(
      members.map((member) =>
        member.request({
          type: SignalType.ROOM_JOIN,
          roomId: ROOM_ID,
          payload: encodePayload(SignalType.ROOM_JOIN, { nickname: `member ${member.index}` }),
        }),
      ),
    );
    const refused = joined.filter((answer) => answer.type !== SignalType.ACK).length;

    if (refused > 0) throw new Error(`${refused} room members were refused at ROOM_JOIN`);
  }

  const updates: Array<Promise<void>> = [];

  for (let round = 0; round < settings.roomMessagesPerMember; round += 1) {
    for (const member of members) {
      updates.push(
        tracker.send(
          member,
          members.filter((other) => other !== member),
          {
            type: SignalType.ROOM_SPEAKING,
            roomId: ROOM_ID,
            payload: encodePayload(SignalType.ROOM_SPEAKING, { activeSpeakers: [member.address] }),
          },
        ),
      );
    }

    await pause(settings.roomIntervalMs);
  }

  await Promise.all(updates);
}

/** Follows every message from its sender to each expected receiver. */
class DeliveryTracker {
  readonly latencies: number[] = [];
  readonly #pending = new Map<string, Pending>();
  #idle: (() => void) | undefined;
  sent = 0;
  expected = 0;
  duplicated = 0;
  unexpected = 0;

  /** Sends `fields` from `from`; resolves once every receiver got it. */
  send(from: LoadPeer, receivers: LoadPeer[], fields: Partial<SignalMessage>): Promise<void> {
    const nonce = randomNonce();
    const key = toHex(nonce);
    const sentAt = performance.now();

    from.send(
      { ...fields, nonce },
      receivers.map((receiver) => receiver.index),
    );
    this.sent += 1;
    this.expected += receivers.length;

    return new Promise((resolve) => {
      this.#pending.set(key, {
        sentAt,
        receivers: new Set(receivers.map((receiver) => receiver.index)),
        done: resolve,
      });
    });
  }

  received(receiver: number, message: SignalMessage, receivedAt: number): void {
    const key = toHex(message.nonce);
    const pending = this.#pending.get(key);

    if (pending === undefined) {
      // A nonce seen before is a duplicate; one never sent is a stray.
      if (this.#seen.has(`${key}:${receiver}`)) this.duplicated += 1;
      else this.unexpected += 1;

      return;
    }

    if (!pending.receivers.delete(receiver)) {
      if (this.#seen.has(`${key}:${receiver}`)) this.duplicated += 1;
      else this.unexpected += 1;

      return;
    }

    this.#seen.add(`${key}:${receiver}`);
    this.latencies.push(receivedAt - pending.sentAt);

    if (pending.receivers.size > 0) return;

    this.#pending.delete(key);
    pending.done();

    if (this.#pending.size === 0) this.#idle?.();
  }

  readonly #seen = new Set<string>();

  /** Waits for the outstanding deliveries; returns how many never arrived. */
  async settle(timeoutMs: number): Promise<number> {
    if (this.#pending.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);

        this.#idle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }

    let lost = 0;

    for (const pending of this.#pending.values()) lost += pending.receivers.size;

    return lost;
  }
}

function errorsOf(peers: LoadPeer[]): Record<string, number> {
  const errors: Record<string, number> = {};

  for (const peer of peers) {
    for (const [code, count] of peer.errors) errors[code] = (errors[code] ?? 0) + count;
  }

  return errors;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;

  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
