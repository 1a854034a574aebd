/**
 * One client socket: its authentication state, rate limit and liveness.
 */
import type WebSocket from 'ws';

import { TokenBucket } from './rate-limit.js';
import type { ResolvedOptions } from './options.js';

/** pending: waiting for AUTH_RESPONSE; open: authenticated; closed: gone. */
export type ConnectionState = 'pending' | 'open' | 'closed';

/** The account a socket authenticated as. */
export interface Identity {
  /** SS58 address, prefix 42: what `from` must equal. */
  account: string;
  /** Hex of the account's public key. */
  accountKey: string;
  sessionKey: Uint8Array;
  sessionKeyHex: string;
  /** When the delegation expires, milliseconds since the Unix epoch. */
  expiresAt: number;
}

/** A WebSocket with what the server tracks about it. */
export class SignalConnection {
  readonly id: string;
  readonly socket: WebSocket;
  /** The browser's Origin header, when the client sent one. */
  readonly origin: string | undefined;
  readonly challenge: Uint8Array;
  readonly bucket: TokenBucket;
  state: ConnectionState = 'pending';
  identity: Identity | undefined;
  lastSeen: number;
  /** Messages over the rate limit in the current abuse window. */
  excess = 0;
  excessSince = 0;
  lastRateReply = -Infinity;
  authTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set once the server forgot this socket (presence, rooms), which happens only once. */
  released = false;
  readonly #maxBufferedBytes: number;
  readonly #onClosing: (connection: SignalConnection, reason: string) => void;

  /**
   * @param onClosing called once when the server closes the socket, before the peer
   * confirms the close, so the socket is forgotten at once.
   */
  constructor(
    id: string,
    socket: WebSocket,
    origin: string | undefined,
    challenge: Uint8Array,
    options: ResolvedOptions,
    now: number,
    onClosing: (connection: SignalConnection, reason: string) => void = () => {},
  ) {
    this.id = id;
    this.socket = socket;
    this.origin = origin;
    this.challenge = challenge;
    this.bucket = new TokenBucket(options.socketRate, now);
    this.lastSeen = now;
    this.#maxBufferedBytes = options.maxBufferedBytes;
    this.#onClosing = onClosing;
  }

  /** Bytes queued for this socket and not yet handed to the kernel. */
  get bufferedBytes(): number {
    return this.socket.bufferedAmount;
  }

  /**
   * Sends a frame. A socket whose unsent data passed the limit stopped reading: it is
   * closed (SLOW_CONSUMER) and the frame is dropped. Returns whether it was sent.
   */
  send(frame: Uint8Array): boolean {
    if (this.state === 'closed' || this.socket.readyState !== 1) return false;

    if (this.socket.bufferedAmount > this.#maxBufferedBytes) {
      this.close(1008, 'SLOW_CONSUMER');

      return false;
    }

    this.socket.send(frame);

    return true;
  }

  /**
   * Closes the socket with a WebSocket close code and a short reason. The close frame waits
   * behind the data already queued; ws destroys a socket whose peer does not confirm the
   * close within 30 s, so a slow consumer holds at most its queued bytes until then.
   */
  close(code: number, reason: string): void {
    if (this.state === 'closed') return;

    this.state = 'closed';
    clearTimeout(this.authTimer);
    this.socket.close(code, reason);
    this.#onClosing(this, reason);
  }
}
