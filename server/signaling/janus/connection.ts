import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';

import WebSocket from 'ws';

import { RoomMediaError, type RoomMediaContext } from './errors.js';

/** One JSON message of the Janus API, in either direction. */
export interface JanusMessage {
  janus: string;
  transaction?: string;
  session_id?: number;
  sender?: number;
  [key: string]: unknown;
}

/** The `ws` WebSocket class, or a compatible one injected for tests. */
export type WebSocketClass = typeof WebSocket;

/** Options of {@link JanusConnection.open}. */
export interface JanusConnectionOptions {
  /** The Janus WebSocket URL, such as `ws://127.0.0.1:8188`. */
  url: string;
  /** The server's name in messages and logs. */
  name: string;
  /** How long a request may wait for its response, in ms. */
  requestTimeoutMs: number;
  /** Sent as `apisecret` in every request when Janus has `api_secret` set. */
  apiSecret?: string;
  WebSocket?: WebSocketClass;
}

/** The reply a request waits for: the `ack` Janus sends first, or the final response. */
export type JanusExpect = 'ack' | 'result';

/** Per-request options of {@link JanusConnection.request}. */
export interface JanusRequestOptions {
  expect?: JanusExpect;
  timeoutMs?: number;
  context: Omit<RoomMediaContext, 'server'>;
}

interface PendingRequest {
  expect: JanusExpect;
  context: RoomMediaContext;
  timer: NodeJS.Timeout;
  resolve(message: JanusMessage): void;
  reject(error: Error): void;
}

/** Events of {@link JanusConnection}. */
export interface JanusConnectionEvents {
  /** A message that is no response to a pending request: session and handle events. */
  event: [JanusMessage];
  /** The socket closed; every pending request was rejected before this fires. */
  close: [{ code: number; reason: string }];
}

/** The WebSocket subprotocol of the Janus API. */
export const JANUS_SUBPROTOCOL = 'janus-protocol';

// A Janus answer carries an SDP of a few kilobytes; anything far larger is not Janus.
const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * One WebSocket connection to one Janus server: sends requests with unique transaction ids,
 * settles each with its response, a typed error or a timeout, and emits everything else.
 *
 * A connection is used once: after `close` a new one is opened. Reconnecting is the job of
 * {@link JanusAudioBridge}.
 */
export class JanusConnection extends EventEmitter<JanusConnectionEvents> {
  readonly name: string;
  #socket: WebSocket;
  #options: JanusConnectionOptions;
  #pending = new Map<string, PendingRequest>();
  #transactionPrefix = randomBytes(6).toString('base64url');
  #nextTransaction = 0;
  #closed = false;

  private constructor(socket: WebSocket, options: JanusConnectionOptions) {
    super();
    this.name = options.name;
    this.#socket = socket;
    this.#options = options;
    socket.on('message', (data) => this.#onMessage(data));
    socket.on('close', (code, reason) => this.#onClose(code, reason.toString()));
    // Errors are always followed by `close`, which rejects what is pending.
    socket.on('error', () => {});
  }

  /**
   * Opens a connection and resolves once the WebSocket is open.
   *
   * @throws RoomMediaError ROOM_MEDIA_DISCONNECTED when Janus cannot be reached in
   *   `requestTimeoutMs`.
   */
  static open(options: JanusConnectionOptions): Promise<JanusConnection> {
    const SocketClass = options.WebSocket ?? WebSocket;
    const context = { request: 'connect', server: options.name };

    return new Promise((resolve, reject) => {
      const socket = new SocketClass(options.url, JANUS_SUBPROTOCOL, {
        handshakeTimeout: options.requestTimeoutMs,
        maxPayload: MAX_MESSAGE_BYTES,
        perMessageDeflate: false,
      });
      const fail = (error: unknown) => {
        socket.removeAllListeners();
        socket.on('error', () => {});
        socket.terminate();
        reject(RoomMediaError.disconnected(context, error));
      };

      socket.once('open', () => {
        socket.removeAllListeners();
        resolve(new JanusConnection(socket, options));
      });
      socket.once('error', fail);
      socket.once('close', (code) => fail(new Error(`WebSocket closed with code ${code}`)));
    });
  }

  /** True once the socket closed or {@link close} was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Sends `body` with a fresh transaction id and resolves with the response: the `ack`
   * when `expect` is `'ack'` (keepalive, trickle), otherwise the first non-ack response (`success`,
   * `server_info`, or the plugin's `event` for asynchronous requests).
   *
   * @throws RoomMediaError ROOM_MEDIA_REFUSED with the Janus code for a Janus `error`;
   *   ROOM_MEDIA_TIMEOUT after `timeoutMs`; ROOM_MEDIA_DISCONNECTED when the socket closes.
   */
  request(body: JanusMessage, options: JanusRequestOptions): Promise<JanusMessage> {
    const context: RoomMediaContext = { ...options.context, server: this.name };

    if (this.#closed) return Promise.reject(RoomMediaError.disconnected(context));

    const transaction = `${this.#transactionPrefix}-${(this.#nextTransaction += 1)}`;
    const timeoutMs = options.timeoutMs ?? this.#options.requestTimeoutMs;
    const message: JanusMessage = { ...body, transaction };

    if (this.#options.apiSecret !== undefined) message.apisecret = this.#options.apiSecret;

    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(transaction);
        reject(RoomMediaError.timeout(timeoutMs, context));
      }, timeoutMs);

      this.#pending.set(transaction, {
        expect: options.expect ?? 'result',
        context,
        timer,
        resolve,
        reject,
      });
      this.#socket.send(JSON.stringify(message), (error) => {
        if (error === undefined || error === null) return;

        this.#settle(transaction)?.reject(RoomMediaError.disconnected(context, error));
      });
    });
  }

  /** Closes the socket; pending requests are rejected with ROOM_MEDIA_DISCONNECTED. */
  close(): void {
    if (this.#closed) return;

    this.#socket.close(1000, 'closing');
    // A peer that never completes the closing handshake must not keep us waiting.
    setTimeout(() => this.#socket.terminate(), 1000).unref();
  }

  /** Drops the socket at once, as when the peer is considered dead. */
  terminate(): void {
    this.#socket.terminate();
  }

  #onMessage(data: WebSocket.RawData): void {
    let message: JanusMessage;

    try {
      message = JSON.parse(data.toString()) as JanusMessage;
    } catch {
      // Janus only sends JSON; a broken frame cannot be attributed to a request.
      return;
    }

    if (typeof message !== 'object' || message === null || typeof message.janus !== 'string') {
      return;
    }

    const transaction = message.transaction;
    const pending = transaction === undefined ? undefined : this.#pending.get(transaction);

    if (pending === undefined || transaction === undefined) {
      this.emit('event', message);

      return;
    }

    if (message.janus === 'ack' && pending.expect === 'result') return;

    this.#settle(transaction);

    if (message.janus === 'error') {
      const error = (message.error ?? {}) as { code?: unknown; reason?: unknown };

      pending.reject(
        RoomMediaError.refused(
          typeof error.code === 'number' ? error.code : 0,
          typeof error.reason === 'string' ? error.reason : 'no reason given',
          pending.context,
        ),
      );

      return;
    }

    pending.resolve(message);
  }

  #settle(transaction: string): PendingRequest | undefined {
    const pending = this.#pending.get(transaction);

    if (pending === undefined) return undefined;

    clearTimeout(pending.timer);
    this.#pending.delete(transaction);

    return pending;
  }

  #onClose(code: number, reason: string): void {
    this.#closed = true;

    for (const transaction of [...this.#pending.keys()]) {
      const pending = this.#settle(transaction);

      pending?.reject(RoomMediaError.disconnected(pending.context));
    }

    this.emit('close', { code, reason });
  }
}
