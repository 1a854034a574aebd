// Two call media endpoints wired directly in one page, so the media code is tested apart
// from the signaling server. Each message goes through the wire encoding of the signaling
// path: ICE candidates through the protobuf payload, SDP as text.
import { CallMedia, type CallMediaOptions } from '../../../src/call/call-media.js';
import { decodeCandidate, encodeCandidate } from '../../../src/call/ice-proto.js';
import type { MediaSignal, MediaTransport } from '../../../src/call/signals.js';

/** A transport end that records what it sent and lets a test drop or rewrite messages. */
export interface TestTransport extends MediaTransport {
  sent: MediaSignal[];
  received: MediaSignal[];
  /** Returns the message to deliver, or null to drop it. */
  filter: (signal: MediaSignal) => MediaSignal | null;
  /** Queues what this end sends until {@link TestTransport.release}. */
  hold(): void;
  /** Delivers the queued messages in order and stops queueing. */
  release(): void;
}

/** Returns two transports where what one sends, the other receives, in order. */
export function directTransports(): [TestTransport, TestTransport] {
  const make = (): TestTransport & { deliver(signal: MediaSignal): void } => {
    const listeners = new Set<(signal: MediaSignal) => void>();
    const end = {
      sent: [] as MediaSignal[],
      received: [] as MediaSignal[],
      filter: (signal: MediaSignal) => signal as MediaSignal | null,
      held: null as MediaSignal[] | null,
      hold() {
        end.held ??= [];
      },
      release() {
        const queued = end.held ?? [];

        end.held = null;

        for (const signal of queued) setTimeout(() => end.peer.deliver(signal), 0);
      },
      peer: undefined as unknown as { deliver(signal: MediaSignal): void },
      send(signal: MediaSignal) {
        end.sent.push(signal);

        const passed = end.filter(roundTrip(signal));

        if (passed === null) return;

        if (end.held !== null) {
          end.held.push(passed);

          return;
        }

        // A task later, as a network would deliver it.
        setTimeout(() => end.peer.deliver(passed), 0);
      },
      onSignal(listener: (signal: MediaSignal) => void) {
        listeners.add(listener);

        return () => listeners.delete(listener);
      },
      deliver(signal: MediaSignal) {
        end.received.push(signal);

        for (const listener of listeners) listener(signal);
      },
    };

    return end;
  };

  const a = make();
  const b = make();

  (a as unknown as { peer: typeof b }).peer = b;
  (b as unknown as { peer: typeof a }).peer = a;

  return [a, b];
}

function roundTrip(signal: MediaSignal): MediaSignal {
  if (signal.type === 'candidate') {
    return { type: 'candidate', candidate: decodeCandidate(encodeCandidate(signal.candidate)) };
  }

  return JSON.parse(JSON.stringify(signal)) as MediaSignal;
}

export interface MediaPair {
  a: CallMedia;
  b: CallMedia;
  ta: TestTransport;
  tb: TestTransport;
  close(): void;
}

/** Builds two CallMedia ends: `a` sends the offer and is impolite, `b` replies and is polite. */
export function mediaPair(
  shared: Partial<CallMediaOptions> = {},
  onlyA: Partial<CallMediaOptions> = {},
  onlyB: Partial<CallMediaOptions> = {},
): MediaPair {
  const [ta, tb] = directTransports();
  const a = new CallMedia({ transport: ta, polite: false, role: 'offerer', ...shared, ...onlyA });
  const b = new CallMedia({ transport: tb, polite: true, role: 'answerer', ...shared, ...onlyB });

  return {
    a,
    b,
    ta,
    tb,
    close() {
      a.close();
      b.close();
    },
  };
}

/** Resolves once `media` reports the connection state `state`. */
export function connectionReaches(media: CallMedia, state: RTCPeerConnectionState): Promise<void> {
  if (media.peerConnection.connectionState === state) return Promise.resolve();

  return new Promise((resolve) => {
    const off = media.on('connectionState', (context) => {
      if (context.state !== state) return;

      off();
      resolve();
    });
  });
}

/** The audio counters of one getStats reading. */
export interface AudioStats {
  timestamp: number;
  bytesSent: number;
  bytesReceived: number;
  packetsReceived: number;
  audioLevel: number;
}

export async function audioStats(media: CallMedia): Promise<AudioStats> {
  const stats: AudioStats = {
    timestamp: 0,
    bytesSent: 0,
    bytesReceived: 0,
    packetsReceived: 0,
    audioLevel: 0,
  };

  (await media.getStats()).forEach((stat: Record<string, number | string>) => {
    if (stat['kind'] !== 'audio') return;

    if (stat['type'] === 'outbound-rtp') {
      stats.bytesSent = Number(stat['bytesSent']);
      stats.timestamp = Number(stat['timestamp']);
    }

    if (stat['type'] === 'inbound-rtp') {
      stats.bytesReceived = Number(stat['bytesReceived']);
      stats.packetsReceived = Number(stat['packetsReceived']);
      stats.audioLevel = Number(stat['audioLevel'] ?? 0);
    }
  });

  return stats;
}

/**
 * Polls `read` every 100 ms until `done` accepts its value; rejects after `timeoutMs` with
 * the last value, so a failing test shows what it saw.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let value = await read();

  while (!done(value)) {
    if (performance.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(value)}`);
    }

    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }

  return value;
}

/** Returns TURN REST credentials made in the page with WebCrypto (HMAC-SHA1, base64). */
export async function turnCredentials(
  secret: string,
  account: string,
  ttlSeconds: number,
): Promise<{ username: string; credential: string }> {
  const username = `${Math.floor(Date.now() / 1000) + ttlSeconds}:${account}`;
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(
    await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(username)),
  );

  return { username, credential: btoa(String.fromCharCode(...mac)) };
}
