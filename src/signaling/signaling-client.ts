/**
 * The signaling connection of a page: one WebSocket to the signaling server that
 * authenticates with the session delegation, signs every message with the session key,
 * verifies every message from other accounts, correlates requests with their responses, and
 * reconnects by a pluggable policy.
 */
import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { equalBytes } from '../shared/bytes.js';
import {
  decodePayload,
  decodeSignal,
  encodePayload,
  encodeSignal,
  hasPayload,
  randomNonce,
  type SignalMessage,
  SignalType,
  signalTypeName,
} from '../shared/codec.js';
import {
  type SessionDelegation,
  toDelegation,
  type VerifiedDelegation,
} from '../shared/delegation.js';
import { type ErrorCode, StardustError } from '../shared/errors.js';
import { challengeSigningBytes, signalSigningBytes, signedFieldsOf } from '../shared/signing.js';
import type { Session, SessionSource } from '../wallet/session.js';
import { type Clock, systemClock } from './clock.js';
import type { WebCryptoOptions } from './ed25519-web.js';
import { TypedEmitter } from './emitter.js';
import { PeerVerifier } from './peer-verifier.js';
import { exponentialBackoff, type ReconnectPolicy } from './reconnect-policy.js';

/** The part of the WebSocket API the client uses; the browser's WebSocket and `ws` both fit. */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: Uint8Array | string): void;
  close(code?: number, reason?: string): void;
}

/** A WebSocket constructor. */
export type WebSocketFactory = new (url: string) => WebSocketLike;

/** Connection states. */
export type SignalingState =
  'idle' | 'connecting' | 'authenticating' | 'connected' | 'reconnecting' | 'closed';

/** A message to send: the client fills from, timestamp, nonce, session key and signature. */
export interface OutgoingSignal {
  type: number;
  to?: string;
  callId?: string;
  roomId?: string;
  payload?: Uint8Array;
}

/** Options of {@link SignalingClient.send}. */
export interface SendOptions {
  /** A message queued during a reconnect is dropped when older than this; 30 s. */
  validForMs?: number;
  /** A queued message is dropped when this returns false at resend (such as an ended call). */
  isValid?: () => boolean;
}

/** A message delivered to the application. */
export interface SignalEvent {
  message: SignalMessage;
  /** The decoded payload for types that have one. */
  payload: unknown;
  /** True for messages from another session (verified); false for the server's own. */
  fromPeer: boolean;
  /** The sender's verified delegation, for peer messages. */
  delegation: VerifiedDelegation | undefined;
}

/** Events of a {@link SignalingClient}. */
export interface SignalingEvents {
  stateChange: { state: SignalingState; previous: SignalingState; reason: string | undefined };
  authenticated: {
    account: string;
    serverId: string;
    iceServers: RTCIceServer[];
    iceExpiresAt: number;
    expiresAt: number;
  };
  message: SignalEvent;
  /** A peer message failed verification and was dropped. */
  rejected: {
    code: ErrorCode;
    text: string;
    from: string;
    type: number | undefined;
    callId: string;
  };
  /** A queued message was no longer valid at resend and was dropped. */
  dropped: { code: 'MESSAGE_EXPIRED'; type: number; callId: string; reason: string };
  /** An ERROR from the server that replies to no request, or a permanent failure. */
  error: { error: StardustError };
  reconnecting: { attempt: number; delayMs: number; closeCode: number | undefined };
}

/** Options of {@link SignalingClient}. */
export interface SignalingClientOptions extends WebCryptoOptions {
  /** Server URL, or several tried in turn after failures. */
  url: string | readonly string[];
  /** Source of the session key and delegation (a SessionManager). */
  session: SessionSource;
  /** WebSocket constructor; `globalThis.WebSocket` by default. */
  WebSocket?: WebSocketFactory;
  clock?: Clock;
  logger?: Logger;
  /** Capped exponential backoff with full jitter by default. */
  reconnect?: ReconnectPolicy;
  /** Time a request waits for its response; 10 s. */
  requestTimeoutMs?: number;
  /** Time to open and authenticate a socket; 10 s. */
  connectTimeoutMs?: number;
  /** Connected time after which the backoff starts over; 10 s. */
  stablePeriodMs?: number;
  /** Most messages queued while disconnected; 500. */
  queueLimit?: number;
  /** Accepted distance of a peer timestamp from this clock; 30 s. */
  timestampWindowMs?: number;
}

interface QueuedSignal {
  draft: OutgoingSignal;
  requestId: number;
  queuedAt: number;
  validForMs: number;
  isValid: (() => boolean) | undefined;
}

interface PendingRequest {
  resolve(message: SignalMessage): void;
  reject(error: StardustError): void;
  timer: unknown;
}

/** Server errors after which reconnecting cannot help. */
const PERMANENT_AUTH_CODES = new Set<string>([
  'DELEGATION_WRONG_GENESIS',
  'DELEGATION_WRONG_ORIGIN',
  'DELEGATION_BAD_SIGNATURE',
  'DELEGATION_INVALID',
  'DELEGATION_REVOKED',
  'ACCOUNT_UNSUPPORTED',
]);

/** The signaling connection: connect, authenticate, sign, verify, correlate, reconnect. */
export class SignalingClient extends TypedEmitter<SignalingEvents> {
  readonly #options: SignalingClientOptions;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #policy: ReconnectPolicy;
  readonly #urls: readonly string[];
  readonly #verifier: PeerVerifier;
  readonly #queue: QueuedSignal[] = [];
  readonly #requests = new Map<number, PendingRequest>();
  #state: SignalingState = 'idle';
  #socket: WebSocketLike | undefined;
  #session: Session | undefined;
  #urlIndex = 0;
  #attempt = 0;
  #outageStartedAt = 0;
  #initialCloseCode: number | undefined;
  #reconnectTimer: unknown;
  #stableTimer: unknown;
  #heartbeatTimer: unknown;
  #deadTimer: unknown;
  #connectTimer: unknown;
  #heartbeatMs = 15_000;
  #nextRequestId = 1;
  #lastError: StardustError | undefined;
  #sendChain: Promise<void> = Promise.resolve();
  #receiveChain: Promise<void> = Promise.resolve();
  #iceServers: RTCIceServer[] = [];
  #serverId = '';
  #connectWaiters: Array<{ resolve(): void; reject(error: StardustError): void }> = [];

  /**
   * @throws TypeError when no URL is given or no WebSocket is available.
   */
  constructor(options: SignalingClientOptions) {
    super();

    const urls = typeof options.url === 'string' ? [options.url] : [...options.url];

    if (urls.length === 0) throw new TypeError('SignalingClient needs at least one url');

    if (options.WebSocket === undefined && typeof globalThis.WebSocket === 'undefined') {
      throw new TypeError('SignalingClient needs a WebSocket constructor on this platform');
    }

    this.#options = options;
    this.#urls = urls;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? silentLogger;
    this.#policy = options.reconnect ?? exponentialBackoff();
    this.#verifier = new PeerVerifier({
      ...options,
      genesisHash: () => this.#session?.delegation.genesisHash,
      now: () => this.#clock.now(),
      windowMs: options.timestampWindowMs,
      lookup: (account, sessionKey) => this.lookupDelegations(account, sessionKey),
    });
  }

  /** Current connection state. */
  get state(): SignalingState {
    return this.#state;
  }

  /** The authenticated account (SS58), once a session exists. */
  get account(): string | undefined {
    return this.#session?.account;
  }

  /** ICE servers with TURN credentials from the last AUTH_OK or refresh. */
  get iceServers(): RTCIceServer[] {
    return this.#iceServers;
  }

  /** Name of the server instance this client is connected to. */
  get serverId(): string {
    return this.#serverId;
  }

  /**
   * Opens the connection (when not open yet) and resolves once authenticated.
   * @throws StardustError SIGNAL_UNREACHABLE when the reconnect policy gives up, a
   * delegation code when the server refuses the session for good, DISPOSED after close().
   */
  connect(): Promise<void> {
    if (this.#state === 'closed')
      return Promise.reject(new StardustError('DISPOSED', 'The signaling client was closed.'));

    if (this.#state === 'connected') return Promise.resolve();

    const done = new Promise<void>((resolve, reject) =>
      this.#connectWaiters.push({ resolve, reject }),
    );

    if (this.#state === 'idle') {
      this.#outageStartedAt = this.#clock.now();
      this.#open();
    }

    return done;
  }

  /**
   * Signs and sends a message, or queues it while disconnected. CALL_INVITE and CALL_ACCEPT
   * get the session's delegation in their payload when they carry none. Queued messages are
   * re-stamped and re-signed when the connection is back, or dropped with a `dropped`
   * event once they are no longer valid.
   */
  send(draft: OutgoingSignal, options: SendOptions = {}): Promise<void> {
    return this.#submit(draft, 0, options);
  }

  /**
   * Sends a request and resolves with the server's answer (ACK, a *_RESULT, …).
   * @throws StardustError with the code of an ERROR answer, SIGNAL_TIMEOUT, or
   * SIGNAL_DISCONNECTED when the connection closed before the answer.
   */
  request(
    draft: OutgoingSignal,
    options: SendOptions & { timeoutMs?: number } = {},
  ): Promise<SignalMessage> {
    const requestId = this.#nextRequestId;

    this.#nextRequestId = this.#nextRequestId >= 0xffff_fffe ? 1 : this.#nextRequestId + 1;

    // A request stays worth sending for as long as its caller waits for the answer.
    const timeoutMs = options.timeoutMs ?? this.#options.requestTimeoutMs ?? 10_000;
    const answer = new Promise<SignalMessage>((resolve, reject) => {
      const timer = this.#clock.setTimeout(() => {
        this.#requests.delete(requestId);
        reject(
          new StardustError(
            'SIGNAL_TIMEOUT',
            `${signalTypeName(draft.type)} request ${requestId} got no answer in ${timeoutMs} ms.`,
          ),
        );
      }, timeoutMs);

      this.#requests.set(requestId, { resolve, reject, timer });
    });

    this.#submit(draft, requestId, { validForMs: timeoutMs, ...options }).catch((error: unknown) =>
      this.#settle(
        requestId,
        undefined,
        StardustError.from(error, 'INTERNAL_ERROR', 'Sending the request failed.'),
      ),
    );

    return answer;
  }

  /** Fetches live delegations of `account` (one session key, or all). */
  async lookupDelegations(account: string, sessionKey?: Uint8Array): Promise<SessionDelegation[]> {
    const answer = await this.request({
      type: SignalType.DELEGATION_LOOKUP,
      payload: encodePayload(SignalType.DELEGATION_LOOKUP, { account, sessionKey }),
    });

    return (decodePayload(SignalType.DELEGATION_RESULT, answer.payload).delegations ?? []).map(
      toDelegation,
    );
  }

  /** Requests fresh TURN credentials. */
  async refreshTurn(): Promise<RTCIceServer[]> {
    const answer = await this.request({ type: SignalType.TURN_REFRESH });
    const credentials = decodePayload(SignalType.TURN_CREDENTIALS, answer.payload);

    this.#iceServers = iceServersOf(credentials.iceServers);

    return this.#iceServers;
  }

  /**
   * Ends the session: the server revokes the delegation (peers that cached it accept it
   * until it expires), the stored session is deleted, and the client closes.
   */
  async logout(): Promise<void> {
    try {
      if (this.#state === 'connected') await this.request({ type: SignalType.LOGOUT });
    } finally {
      await this.#options.session.clear();
      await this.close();
    }
  }

  /** Closes the connection for good; pending requests fail with SIGNAL_DISCONNECTED. */
  async close(): Promise<void> {
    if (this.#state === 'closed') return;

    this.#clearTimers();
    this.#detachSocket(1000, 'client closed');
    this.#failRequests('SIGNAL_DISCONNECTED', 'The signaling client was closed.');
    this.#failConnect(new StardustError('DISPOSED', 'The signaling client was closed.'));
    this.#setState('closed', 'closed by the application');
    this.#queue.length = 0;
    this.#verifier.clear();
  }

  async #submit(draft: OutgoingSignal, requestId: number, options: SendOptions): Promise<void> {
    if (this.#state === 'closed')
      throw new StardustError('SIGNAL_DISCONNECTED', 'The signaling client is closed.');

    const item: QueuedSignal = {
      draft,
      requestId,
      queuedAt: this.#clock.now(),
      validForMs: options.validForMs ?? 30_000,
      isValid: options.isValid,
    };

    if (this.#state !== 'connected') {
      this.#enqueue(item);

      if (this.#state === 'idle') void this.connect().catch(() => undefined);

      return;
    }

    await this.#transmit(item);
  }

  #enqueue(item: QueuedSignal): void {
    const limit = this.#options.queueLimit ?? 500;

    if (this.#queue.length >= limit) {
      const dropped = this.#queue.shift()!;

      this.#drop(dropped, `the queue holds at most ${limit} messages`);
    }

    this.#queue.push(item);
  }

  /** Stamps, signs and writes one message, in submission order. */
  #transmit(item: QueuedSignal): Promise<void> {
    const run = this.#sendChain.then(async () => {
      const session = this.#session;
      const socket = this.#socket;

      if (session === undefined || socket === undefined || this.#state !== 'connected') {
        this.#enqueue(item);

        return;
      }

      const message: SignalMessage = {
        type: item.draft.type,
        from: session.account,
        to: item.draft.to ?? '',
        callId: item.draft.callId ?? '',
        roomId: item.draft.roomId ?? '',
        payload: withDelegation(item.draft.type, item.draft.payload ?? new Uint8Array(0), session),
        timestamp: BigInt(this.#clock.now()),
        nonce: randomNonce(),
        requestId: item.requestId,
        sessionKey: session.publicKey,
        signature: new Uint8Array(0),
      };

      message.signature = await session.sign(signalSigningBytes(signedFieldsOf(message)));

      if (this.#socket !== socket || this.#state !== 'connected') {
        this.#enqueue(item);

        return;
      }

      socket.send(encodeSignal(message));
    });

    this.#sendChain = run.catch((error: unknown) =>
      this.#logger.error('signing a message failed', { error: String(error) }),
    );

    return run;
  }

  #open(): void {
    this.#clearTimer('reconnect');

    const WebSocketClass =
      this.#options.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketFactory);
    const url = this.#urls[this.#urlIndex % this.#urls.length]!;

    // At most one socket: a previous one is detached before the next is made.
    this.#detachSocket(1000, 'replaced');
    this.#setState(this.#attempt === 0 ? 'connecting' : 'reconnecting', undefined);
    this.#lastError = undefined;

    let socket: WebSocketLike;

    try {
      socket = new WebSocketClass(url);
    } catch (error) {
      this.#logger.warn('opening the signaling socket failed', { url, error: String(error) });
      this.#scheduleReconnect(undefined);

      return;
    }

    socket.binaryType = 'arraybuffer';
    this.#socket = socket;
    this.#connectTimer = this.#clock.setTimeout(() => {
      this.#logger.warn('signaling connection timed out', { url });
      this.#onClose(socket, 4000, 'CONNECT_TIMEOUT');
    }, this.#options.connectTimeoutMs ?? 10_000);
    socket.onmessage = (event) => this.#onFrame(socket, event.data);
    socket.onclose = (event) => this.#onClose(socket, event.code, event.reason);
    socket.onerror = () => undefined;
  }

  #onFrame(socket: WebSocketLike, data: unknown): void {
    if (socket !== this.#socket) return;

    this.#armDeadTimer();

    if (!(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data)) return;

    const bytes =
      data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    let message: SignalMessage;

    try {
      message = decodeSignal(bytes);
    } catch (error) {
      this.#logger.warn('dropped an undecodable frame from the server', {
        error: (error as Error).message,
      });

      return;
    }

    if (message.from === '') {
      this.#onServerMessage(socket, message);

      return;
    }

    // Peer messages are verified one after another so they reach the application in order.
    this.#receiveChain = this.#receiveChain.then(() => this.#onPeerMessage(message));
  }

  #onServerMessage(socket: WebSocketLike, message: SignalMessage): void {
    switch (message.type) {
      case SignalType.AUTH_CHALLENGE:
        void this.#answerChallenge(socket, message);

        return;
      case SignalType.AUTH_OK:
        this.#onAuthenticated(message);

        return;
      case SignalType.HEARTBEAT_ACK:
        if (message.requestId !== 0) this.#settle(message.requestId, message);

        return;
      default:
        break;
    }

    if (message.type === SignalType.ERROR) {
      const error = errorOf(message);

      if (this.#state === 'authenticating') this.#lastError = error;

      if (message.requestId !== 0 && this.#requests.has(message.requestId)) {
        this.#settle(message.requestId, undefined, error);
      } else {
        this.emit('error', { error });
      }

      return;
    }

    if (message.requestId !== 0 && this.#requests.has(message.requestId)) {
      this.#settle(message.requestId, message);

      if (message.type !== SignalType.CALL_BUSY) return;
    }

    this.emit('message', {
      message,
      payload: payloadOf(message),
      fromPeer: false,
      delegation: undefined,
    });
  }

  async #onPeerMessage(message: SignalMessage): Promise<void> {
    try {
      const delegation = await this.#verifier.verify(message);

      this.emit('message', { message, payload: payloadOf(message), fromPeer: true, delegation });
    } catch (error) {
      const failure = StardustError.from(
        error,
        'SIGNATURE_INVALID',
        'Peer message verification failed.',
      );

      this.#logger.warn('dropped a peer message that failed verification', {
        code: failure.code,
        from: message.from,
        type: signalTypeName(message.type),
      });
      this.emit('rejected', {
        code: failure.code,
        text: failure.message,
        from: message.from,
        type: message.type,
        callId: message.callId,
      });
    }
  }

  async #answerChallenge(socket: WebSocketLike, message: SignalMessage): Promise<void> {
    this.#setState('authenticating', undefined);

    try {
      const challenge = decodePayload(SignalType.AUTH_CHALLENGE, message.payload);
      const session = await this.#options.session.get();

      if (socket !== this.#socket) return;

      if (
        challenge.genesisHash !== undefined &&
        challenge.genesisHash.length > 0 &&
        !equalBytes(challenge.genesisHash, session.delegation.genesisHash)
      ) {
        throw new StardustError(
          'DELEGATION_WRONG_GENESIS',
          'The signaling server serves another chain than the session was made for.',
        );
      }

      this.#session = session;

      const signature = await session.sign(
        challengeSigningBytes(
          challenge.challenge ?? new Uint8Array(0),
          session.delegation.account,
          challenge.serverId ?? '',
        ),
      );

      if (socket !== this.#socket) return;

      socket.send(
        encodeSignal({
          type: SignalType.AUTH_RESPONSE,
          payload: encodePayload(SignalType.AUTH_RESPONSE, {
            delegation: session.delegation,
            challengeSignature: signature,
          }),
          timestamp: BigInt(this.#clock.now()),
        }),
      );
    } catch (error) {
      const failure = StardustError.from(
        error,
        'AUTH_FAILED',
        'Answering the authentication challenge failed.',
      );

      this.#lastError = failure;
      this.#logger.warn('authentication failed', { code: failure.code });
      socket.close(4001, failure.code);
    }
  }

  #onAuthenticated(message: SignalMessage): void {
    const ok = decodePayload(SignalType.AUTH_OK, message.payload);

    this.#clearTimer('connect');
    this.#heartbeatMs =
      ok.heartbeatIntervalMs !== undefined && ok.heartbeatIntervalMs > 0
        ? ok.heartbeatIntervalMs
        : 15_000;
    this.#iceServers = iceServersOf(ok.iceServers);
    this.#serverId = ok.serverId ?? '';
    this.#initialCloseCode = undefined;
    this.#setState('connected', undefined);
    this.#stableTimer = this.#clock.setTimeout(() => {
      this.#attempt = 0;
    }, this.#options.stablePeriodMs ?? 10_000);
    this.#armHeartbeat();
    this.#armDeadTimer();
    this.emit('authenticated', {
      account: ok.account ?? '',
      serverId: this.#serverId,
      iceServers: this.#iceServers,
      iceExpiresAt: Number(ok.iceExpiresAt ?? 0n),
      expiresAt: Number(ok.expiresAt ?? 0n),
    });
    this.#flushQueue();

    for (const waiter of this.#connectWaiters.splice(0)) waiter.resolve();
  }

  /** Resends queued messages, re-stamped and re-signed, or drops the stale ones. */
  #flushQueue(): void {
    const now = this.#clock.now();

    for (const item of this.#queue.splice(0)) {
      if (now - item.queuedAt > item.validForMs)
        this.#drop(item, `queued for more than ${item.validForMs} ms`);
      else if (item.isValid !== undefined && !item.isValid()) this.#drop(item, 'no longer valid');
      else void this.#transmit(item);
    }
  }

  #drop(item: QueuedSignal, reason: string): void {
    if (item.requestId !== 0) {
      this.#settle(
        item.requestId,
        undefined,
        new StardustError(
          'MESSAGE_EXPIRED',
          `${signalTypeName(item.draft.type)} was dropped: ${reason}.`,
        ),
      );
    }

    // Heartbeats are made fresh on every interval: a stale one is not worth an event.
    if (item.draft.type === SignalType.HEARTBEAT) return;

    this.emit('dropped', {
      code: 'MESSAGE_EXPIRED',
      type: item.draft.type,
      callId: item.draft.callId ?? '',
      reason,
    });
  }

  #onClose(socket: WebSocketLike, code: number, reason: string): void {
    if (socket !== this.#socket) return;

    this.#detachSocket(4000, 'closing');
    this.#clearTimers();
    this.#failRequests(
      'SIGNAL_DISCONNECTED',
      `The signaling connection closed (${code}) before the answer.`,
    );

    if (this.#state === 'closed') return;

    const error =
      this.#lastError ??
      (PERMANENT_AUTH_CODES.has(reason)
        ? new StardustError(
            reason as ErrorCode,
            `The server rejected the session (${reason}); create a new session or check the server settings.`,
          )
        : undefined);

    if (error !== undefined && PERMANENT_AUTH_CODES.has(error.code)) {
      this.#giveUp(error);

      return;
    }

    if (error?.code === 'DELEGATION_EXPIRED') void this.#options.session.clear();

    this.#logger.info('signaling connection closed', { code, reason });
    this.#scheduleReconnect(code);
  }

  #scheduleReconnect(code: number | undefined): void {
    if (this.#state === 'connected' || this.#attempt === 0) {
      this.#outageStartedAt = this.#clock.now();
      this.#initialCloseCode = code;
    }

    this.#attempt += 1;

    const delayMs = this.#policy.nextDelayMs({
      attempt: this.#attempt,
      closeCode: code,
      initialCloseCode: this.#initialCloseCode,
      elapsedMs: this.#clock.now() - this.#outageStartedAt,
    });

    if (delayMs === null) {
      this.#giveUp(
        new StardustError(
          'SIGNAL_UNREACHABLE',
          `The signaling server could not be reached after ${this.#attempt} attempts.`,
        ),
      );

      return;
    }

    if (this.#urls.length > 1) this.#urlIndex += 1;

    this.#setState('reconnecting', `closed with ${code ?? 'no code'}`);
    this.emit('reconnecting', { attempt: this.#attempt, delayMs, closeCode: code });
    // One pending reconnect at most: scheduling replaces any earlier timer.
    this.#clearTimer('reconnect');
    this.#reconnectTimer = this.#clock.setTimeout(() => this.#open(), delayMs);
  }

  #giveUp(error: StardustError): void {
    this.#logger.error('signaling gave up', { code: error.code });
    this.#failConnect(error);
    this.emit('error', { error });
    this.#setState('closed', error.code);

    for (const item of this.#queue.splice(0)) this.#drop(item, error.code);
  }

  #armHeartbeat(): void {
    this.#clearTimer('heartbeat');
    this.#heartbeatTimer = this.#clock.setTimeout(() => {
      if (this.#state !== 'connected') return;

      void this.#transmit({
        draft: { type: SignalType.HEARTBEAT },
        requestId: 0,
        queuedAt: this.#clock.now(),
        validForMs: 0,
        isValid: () => false,
      });
      this.#armHeartbeat();
    }, this.#heartbeatMs);
  }

  /** The server is dead when nothing arrived for three heartbeat intervals. */
  #armDeadTimer(): void {
    if (this.#state !== 'connected') return;

    this.#clearTimer('dead');

    const socket = this.#socket;

    this.#deadTimer = this.#clock.setTimeout(() => {
      if (socket === undefined || socket !== this.#socket) return;

      this.#logger.warn('signaling server silent for three heartbeat intervals: reconnecting');
      this.#onClose(socket, 4002, 'HEARTBEAT_TIMEOUT');
    }, this.#heartbeatMs * 3);
  }

  #detachSocket(code: number, reason: string): void {
    const socket = this.#socket;

    if (socket === undefined) return;

    this.#socket = undefined;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onopen = null;

    // CONNECTING (0) or OPEN (1).
    if (socket.readyState <= 1) {
      try {
        socket.close(code, reason);
      } catch {
        // A socket that is still connecting may refuse close codes; it is dropped anyway.
      }
    }
  }

  #settle(requestId: number, message: SignalMessage | undefined, error?: StardustError): void {
    const pending = this.#requests.get(requestId);

    if (pending === undefined) return;

    this.#requests.delete(requestId);
    this.#clock.clearTimeout(pending.timer);

    if (error !== undefined) pending.reject(error);
    else pending.resolve(message!);
  }

  #failRequests(code: ErrorCode, text: string): void {
    // Queued requests are resent after the reconnect; only the ones in flight fail.
    const queued = new Set(this.#queue.map((item) => item.requestId));

    for (const requestId of [...this.#requests.keys()]) {
      if (!queued.has(requestId)) this.#settle(requestId, undefined, new StardustError(code, text));
    }
  }

  #failConnect(error: StardustError): void {
    for (const waiter of this.#connectWaiters.splice(0)) waiter.reject(error);
  }

  #clearTimers(): void {
    for (const timer of ['reconnect', 'stable', 'heartbeat', 'dead', 'connect'] as const)
      this.#clearTimer(timer);
  }

  #clearTimer(name: 'reconnect' | 'stable' | 'heartbeat' | 'dead' | 'connect'): void {
    const handles = {
      reconnect: this.#reconnectTimer,
      stable: this.#stableTimer,
      heartbeat: this.#heartbeatTimer,
      dead: this.#deadTimer,
      connect: this.#connectTimer,
    };
    const handle = handles[name];

    if (handle !== undefined) this.#clock.clearTimeout(handle);

    if (name === 'reconnect') this.#reconnectTimer = undefined;
    else if (name === 'stable') this.#stableTimer = undefined;
    else if (name === 'heartbeat') this.#heartbeatTimer = undefined;
    else if (name === 'dead') this.#deadTimer = undefined;
    else this.#connectTimer = undefined;
  }

  #setState(state: SignalingState, reason: string | undefined): void {
    const previous = this.#state;

    if (previous === state) return;

    this.#state = state;
    this.emit('stateChange', { state, previous, reason });
  }
}

/**
 * Puts the session's delegation into CALL_INVITE and CALL_ACCEPT payloads that lack one, so
 * the other party verifies the call's messages without a DELEGATION_LOOKUP.
 */
function withDelegation(type: number, payload: Uint8Array, session: Session): Uint8Array {
  if (type !== SignalType.CALL_INVITE && type !== SignalType.CALL_ACCEPT) return payload;

  const decoded = decodePayload(type, payload);

  if (decoded.delegation !== undefined) return payload;

  return encodePayload(type, { ...decoded, delegation: session.delegation });
}

function errorOf(message: SignalMessage): StardustError {
  try {
    const payload = decodePayload(SignalType.ERROR, message.payload);
    const code = (payload.code ?? 'INTERNAL_ERROR') as ErrorCode;

    return new StardustError(code, payload.message || code, { detail: payload.detail });
  } catch (error) {
    return StardustError.from(error, 'PROTOCOL_DECODE', 'The server sent an undecodable ERROR.');
  }
}

function payloadOf(message: SignalMessage): unknown {
  if (!hasPayload(message.type)) return undefined;

  try {
    return decodePayload(message.type, message.payload);
  } catch {
    return undefined;
  }
}

function iceServersOf(
  servers: Array<{ urls?: string[]; username?: string; credential?: string }> | undefined,
): RTCIceServer[] {
  return (servers ?? []).map((server) => ({
    urls: server.urls ?? [],
    ...(server.username ? { username: server.username } : {}),
    ...(server.credential ? { credential: server.credential } : {}),
  }));
}
