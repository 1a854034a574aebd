/**
 * The protocol engine of one signaling instance, free of HTTP: it takes frames from
 * sockets, authenticates them, runs the per-message checks, and hands checked messages to
 * the router. server.ts owns the listening socket and feeds this.
 */
import { randomBytes } from 'node:crypto';

import type { Logger } from 'pino';
import type WebSocket from 'ws';

import { voice } from '../../proto/gen/voice.js';
import { equalBytes, toHex } from '../../src/shared/bytes.js';
import {
  decodePayload,
  decodeSignal,
  encodePayload,
  encodeSignal,
  isKnownSignalType,
  NONCE_BYTES,
  PUBLIC_KEY_BYTES,
  SIGNATURE_BYTES,
  type SignalMessage,
  SignalType,
  signalTypeName,
} from '../../src/shared/codec.js';
import { toDelegation, verifyDelegation } from '../../src/shared/delegation.js';
import { type ErrorCode, hasErrorCode, StardustError } from '../../src/shared/errors.js';
import {
  challengeSigningBytes,
  signalSigningBytes,
  signedFieldsOf,
} from '../../src/shared/signing.js';
import { accountKey } from '../../src/shared/ss58.js';
import type { SignalBus } from './bus.js';
import { SignalConnection } from './connection.js';
import { verifyEd25519Native } from './ed25519.js';
import type { KeyDirectory } from './key-directory.js';
import { RejectionLog, SignalingMetrics } from './metrics.js';
import type { ResolvedOptions } from './options.js';
import { TokenBucket } from './rate-limit.js';
import { ReplayCache } from './replay-cache.js';
import type { RoomHandler, RoomMember, RoomServer } from './room-handler.js';
import { routeMessage } from './router.js';
import { partyLeft } from './calls.js';
import type { CallSettler } from './settler.js';
import { issueTurnCredentials } from './turn.js';

/** Messages a client may send once authenticated; everything else is UNKNOWN_TYPE. */
const CLIENT_TYPES = new Set<number>([
  SignalType.CALL_INVITE,
  SignalType.CALL_ACCEPT,
  SignalType.CALL_REJECT,
  SignalType.CALL_CANCEL,
  SignalType.CALL_HANGUP,
  SignalType.CALL_BUSY,
  SignalType.CALL_CHAIN_LINK,
  SignalType.SDP_OFFER,
  SignalType.SDP_ANSWER,
  SignalType.ICE_CANDIDATE,
  SignalType.ROOM_JOIN,
  SignalType.ROOM_LEAVE,
  SignalType.ROOM_MUTE,
  SignalType.ROOM_ROLE,
  SignalType.ROOM_KICK,
  SignalType.ROOM_RAISE_HAND,
  SignalType.ROOM_SPEAKING,
  SignalType.ROOM_TURN,
  SignalType.ROOM_MODERATION,
  SignalType.ROOM_JSEP,
  SignalType.ROOM_TRICKLE,
  SignalType.ROOM_TIP,
  SignalType.ROOM_CLOSE,
  SignalType.ROOM_MODE,
  SignalType.ROOM_STATE,
  SignalType.HEARTBEAT,
  SignalType.LOGOUT,
  SignalType.VOICE_MESSAGE,
  SignalType.KEYS_PUBLISH,
  SignalType.KEYS_LOOKUP,
  SignalType.DELEGATION_LOOKUP,
  SignalType.TURN_REFRESH,
]);

/** Everything the core needs, built by server.ts. */
export interface CoreParts {
  options: ResolvedOptions;
  bus: SignalBus;
  directory: KeyDirectory;
  rooms: RoomHandler;
  settler: CallSettler | undefined;
  logger: Logger;
}

/** Fields of a message the server itself sends. */
export interface ServerFields {
  to?: string;
  callId?: string;
  roomId?: string;
  requestId?: number;
}

/** One signaling instance's protocol state and message handling. */
export class SignalingCore {
  readonly options: ResolvedOptions;
  readonly bus: SignalBus;
  readonly directory: KeyDirectory;
  readonly rooms: RoomHandler;
  readonly settler: CallSettler | undefined;
  readonly logger: Logger;
  readonly metrics = new SignalingMetrics();
  readonly connections = new Map<string, SignalConnection>();
  /** Local sockets per account key. */
  readonly accounts = new Map<string, Set<SignalConnection>>();
  readonly #accountBuckets = new Map<string, TokenBucket>();
  readonly #replay: ReplayCache;
  readonly #rejections: RejectionLog;
  readonly roomServer: RoomServer;
  #nextSocket = 0;

  constructor(parts: CoreParts) {
    this.options = parts.options;
    this.bus = parts.bus;
    this.directory = parts.directory;
    this.rooms = parts.rooms;
    this.settler = parts.settler;
    this.logger = parts.logger;
    this.#replay = new ReplayCache(
      this.options.replayWindowMs,
      this.options.maxNoncesPerAccount,
      this.now(),
    );
    this.#rejections = new RejectionLog((counts) =>
      this.logger.warn({ counts }, 'rejected signaling messages in the last period'),
    );
    this.bus.onEnvelope((account, envelope) => {
      const sockets = this.accounts.get(account);

      if (sockets === undefined) return;

      for (const connection of sockets) {
        if (envelope.kind === 'revoke') {
          if (connection.identity?.sessionKeyHex === envelope.sessionKey) {
            connection.close(1008, 'DELEGATION_REVOKED');
          }
        } else if (connection.id !== envelope.exceptSocket && connection.send(envelope.frame)) {
          this.metrics.relayed += 1;
        }
      }
    });
    this.roomServer = this.#makeRoomServer();
  }

  /** Server clock in milliseconds since the Unix epoch. */
  now(): number {
    return this.options.now();
  }

  /** Starts serving a new socket: sends AUTH_CHALLENGE and arms the auth timeout. */
  accept(socket: WebSocket, origin: string | undefined): SignalConnection {
    const id = `${this.options.serverId}:${(this.#nextSocket += 1)}`;
    const connection = new SignalConnection(
      id,
      socket,
      origin,
      randomBytes(32),
      this.options,
      this.now(),
      (closing, reason) => this.#closing(closing, reason),
    );

    this.connections.set(id, connection);
    connection.authTimer = setTimeout(() => {
      if (connection.state !== 'pending') return;

      this.reject(connection, undefined, 'AUTH_FAILED', 'No AUTH_RESPONSE in time.');
      connection.close(1008, 'AUTH_TIMEOUT');
    }, this.options.authTimeoutMs);
    connection.authTimer.unref();
    connection.send(
      this.serverFrame(
        SignalType.AUTH_CHALLENGE,
        {},
        encodePayload(SignalType.AUTH_CHALLENGE, {
          challenge: connection.challenge,
          serverTime: BigInt(this.now()),
          serverId: this.options.serverId,
          genesisHash: this.options.genesisHash,
        }),
      ),
    );

    return connection;
  }

  /**
   * Forgets a closed socket: when its peer closed it, or at once when the server closes it.
   * Runs once per socket.
   */
  async closed(connection: SignalConnection): Promise<void> {
    connection.state = 'closed';
    clearTimeout(connection.authTimer);

    if (connection.released) return;

    connection.released = true;
    this.connections.delete(connection.id);

    const identity = connection.identity;

    if (identity === undefined) return;

    const sockets = this.accounts.get(identity.accountKey);

    sockets?.delete(connection);

    if (sockets?.size === 0) {
      this.accounts.delete(identity.accountKey);
      this.#accountBuckets.delete(identity.accountKey);
    }

    try {
      await this.bus.detach(identity.accountKey, connection.id);
    } catch (error) {
      // A Redis outage: the bus repairs its subscriptions once Redis is back.
      this.logger.warn({ err: error, socket: connection.id }, 'forgetting a closed socket failed');
    }

    try {
      await this.rooms.disconnected(this.member(connection), this.roomServer);
      await partyLeft(this, identity.accountKey);
    } catch (error) {
      this.logger.error(
        { err: error, socket: connection.id },
        'the room handler failed to release a closed socket',
      );
    }
  }

  /** Handles one frame from a socket; failures become ERROR frames, and the promise never rejects. */
  async receive(connection: SignalConnection, data: Buffer, isBinary: boolean): Promise<void> {
    if (connection.state === 'closed') return;

    const now = this.now();

    connection.lastSeen = now;

    if (!this.#withinRate(connection, now)) return;

    if (!isBinary) {
      this.reject(
        connection,
        undefined,
        'PROTOCOL_DECODE',
        'Text frames are not accepted: send binary protobuf frames.',
      );

      return;
    }

    if (data.length > this.options.maxFrameBytes) {
      this.reject(
        connection,
        undefined,
        'FRAME_TOO_LARGE',
        `Frame of ${data.length} bytes exceeds ${this.options.maxFrameBytes}.`,
      );

      return;
    }

    let message: SignalMessage;

    try {
      message = decodeSignal(data);
    } catch (error) {
      this.reject(connection, undefined, 'PROTOCOL_DECODE', (error as Error).message);

      return;
    }

    this.metrics.message(message.type);

    try {
      await this.#dispatch(connection, message, data);
    } catch (error) {
      const known = error instanceof StardustError;

      if (!known)
        this.logger.error(
          { err: error, socket: connection.id, type: signalTypeName(message.type) },
          'message handler failed',
        );

      this.reject(
        connection,
        message,
        known ? error.code : 'INTERNAL_ERROR',
        known ? error.message : 'The server failed to handle the message; retry.',
      );
    }
  }

  /** The server closes a socket: counts a slow consumer, then forgets the socket. */
  #closing(connection: SignalConnection, reason: string): void {
    if (reason === 'SLOW_CONSUMER') {
      this.metrics.rejection('SLOW_CONSUMER');
      this.#rejections.add('SLOW_CONSUMER');
      this.logger.warn(
        {
          socket: connection.id,
          account: connection.identity?.account,
          bufferedBytes: connection.bufferedBytes,
          limit: this.options.maxBufferedBytes,
        },
        'closing a socket that stopped reading',
      );
    }

    void this.closed(connection);
  }

  /** Closes sockets that were silent longer than `deadAfterMs`. */
  sweep(): void {
    const deadline = this.now() - this.options.deadAfterMs;

    for (const connection of this.connections.values()) {
      if (connection.lastSeen < deadline) {
        this.metrics.rejection('PEER_DEAD');
        connection.close(1001, 'HEARTBEAT_TIMEOUT');
        connection.socket.terminate();
      }
    }
  }

  /** Sends ERROR `code` in reply to `ref` (or to the socket) and counts the rejection. */
  reject(
    connection: SignalConnection,
    ref: SignalMessage | undefined,
    code: ErrorCode,
    text: string,
  ): void {
    this.metrics.rejection(code);
    this.#rejections.add(code);
    this.sendError(connection, ref, code, text);
  }

  /** Sends ERROR `code` in reply to `ref` without counting a rejection. */
  sendError(
    connection: SignalConnection,
    ref: SignalMessage | undefined,
    code: ErrorCode,
    text: string,
  ): void {
    const payload = encodePayload(SignalType.ERROR, {
      code,
      message: text,
      ...(ref?.type === undefined ? {} : { refType: ref.type }),
    });

    connection.send(
      this.serverFrame(
        SignalType.ERROR,
        { callId: ref?.callId, roomId: ref?.roomId, requestId: ref?.requestId },
        payload,
      ),
    );
  }

  /** Sends ACK in reply to `ref`. */
  sendAck(connection: SignalConnection, ref: SignalMessage): void {
    connection.send(
      this.serverFrame(SignalType.ACK, {
        callId: ref.callId,
        roomId: ref.roomId,
        requestId: ref.requestId,
      }),
    );
  }

  /** Encodes an unsigned message from the server. */
  serverFrame(type: number, fields: ServerFields, payload?: Uint8Array): Uint8Array {
    return encodeSignal({
      type,
      to: fields.to ?? '',
      callId: fields.callId ?? '',
      roomId: fields.roomId ?? '',
      requestId: fields.requestId ?? 0,
      payload: payload ?? new Uint8Array(0),
      timestamp: BigInt(this.now()),
    });
  }

  /** Returns the room handler's view of an authenticated socket. */
  member(connection: SignalConnection): RoomMember {
    const identity = connection.identity!;

    return {
      account: identity.account,
      accountKey: identity.accountKey,
      socketId: connection.id,
      sessionKey: identity.sessionKeyHex,
    };
  }

  /** Stops timers. Sockets are closed by the server. */
  stop(): void {
    this.#rejections.stop();
  }

  async #dispatch(
    connection: SignalConnection,
    message: SignalMessage,
    frame: Uint8Array,
  ): Promise<void> {
    if (!isKnownSignalType(message.type)) {
      this.reject(
        connection,
        message,
        'UNKNOWN_TYPE',
        `Unknown signal type ${signalTypeName(message.type)}.`,
      );

      return;
    }

    if (connection.state === 'pending') {
      if (message.type !== SignalType.AUTH_RESPONSE) {
        this.reject(
          connection,
          message,
          'NOT_AUTHENTICATED',
          `${signalTypeName(message.type)} before AUTH_RESPONSE.`,
        );

        return;
      }

      await this.#authenticate(connection, message);

      return;
    }

    if (!CLIENT_TYPES.has(message.type)) {
      this.reject(
        connection,
        message,
        'UNKNOWN_TYPE',
        `Clients do not send ${signalTypeName(message.type)}.`,
      );

      return;
    }

    if (!this.#checkMessage(connection, message)) return;

    await routeMessage(this, connection, message, frame);
  }

  /** The cheap per-message checks, and the signature in strict mode. */
  #checkMessage(connection: SignalConnection, message: SignalMessage): boolean {
    const identity = connection.identity!;
    const missing =
      message.sessionKey.length !== PUBLIC_KEY_BYTES
        ? 'session_key'
        : message.nonce.length !== NONCE_BYTES
          ? 'nonce'
          : message.signature.length !== SIGNATURE_BYTES
            ? 'signature'
            : message.timestamp === 0n
              ? 'timestamp'
              : undefined;

    if (missing !== undefined) {
      this.reject(
        connection,
        message,
        'MISSING_FIELD',
        `${signalTypeName(message.type)} has no valid ${missing}.`,
      );

      return false;
    }

    if (message.from !== identity.account) {
      this.reject(
        connection,
        message,
        'FROM_MISMATCH',
        `from ${JSON.stringify(message.from.slice(0, 64))} is not the authenticated account ${identity.account}.`,
      );

      return false;
    }

    if (!equalBytes(message.sessionKey, identity.sessionKey)) {
      this.reject(
        connection,
        message,
        'SESSION_KEY_MISMATCH',
        'The message names another session key than this connection.',
      );

      return false;
    }

    const now = this.now();
    const skew = Number(message.timestamp) - now;

    if (Math.abs(skew) > this.options.timestampSkewMs) {
      this.reject(
        connection,
        message,
        'TIMESTAMP_OUT_OF_WINDOW',
        `Timestamp is ${skew} ms from the server clock; at most ±${this.options.timestampSkewMs} ms.`,
      );

      return false;
    }

    if (
      this.options.verifyEveryMessage &&
      !verifyEd25519Native(
        signalSigningBytes(signedFieldsOf(message)),
        message.signature,
        message.sessionKey,
      )
    ) {
      this.reject(
        connection,
        message,
        'SIGNATURE_INVALID',
        `The signature of ${signalTypeName(message.type)} does not verify.`,
      );

      return false;
    }

    const replay = this.#replay.record(identity.accountKey, toHex(message.nonce), now);

    if (replay === 'replayed') {
      this.reject(
        connection,
        message,
        'NONCE_REPLAYED',
        `Nonce of ${signalTypeName(message.type)} was already used.`,
      );

      return false;
    }

    if (replay === 'full') {
      this.reject(
        connection,
        message,
        'RATE_LIMITED',
        'Too many messages for this account within the replay window.',
      );

      return false;
    }

    return true;
  }

  async #authenticate(connection: SignalConnection, message: SignalMessage): Promise<void> {
    const fail = (code: ErrorCode, text: string): void => {
      this.metrics.authenticated(false);
      this.reject(connection, message, code, text);
      // 1013 (try again later) for an outage of Redis: the client retries with a longer backoff.
      connection.close(code === 'SERVER_UNAVAILABLE' ? 1013 : 1008, code);
    };

    try {
      await this.#checkAndBind(connection, message, fail);
    } catch (error) {
      if (!hasErrorCode(error, 'SERVER_UNAVAILABLE')) throw error;

      this.logger.warn(
        { socket: connection.id },
        'refused a session: Redis is unreachable, so it cannot be recorded',
      );
      fail('SERVER_UNAVAILABLE', (error as StardustError).message);
    }
  }

  async #checkAndBind(
    connection: SignalConnection,
    message: SignalMessage,
    fail: (code: ErrorCode, text: string) => void,
  ): Promise<void> {
    const response = decodePayload(SignalType.AUTH_RESPONSE, message.payload);

    if (response.delegation === undefined)
      return fail('MISSING_FIELD', 'AUTH_RESPONSE has no delegation.');

    const delegation = toDelegation(response.delegation);
    let verified;

    try {
      verified = await verifyDelegation(delegation, {
        now: this.now(),
        genesisHash: this.options.genesisHash,
        origins: this.#acceptedOrigins(connection),
        verifyEd25519: verifyEd25519Native,
      });
    } catch (error) {
      if (error instanceof StardustError) return fail(error.code, error.message);

      throw error;
    }

    const challengeBytes = challengeSigningBytes(
      connection.challenge,
      delegation.account,
      this.options.serverId,
    );

    if (
      !verifyEd25519Native(
        challengeBytes,
        response.challengeSignature ?? new Uint8Array(0),
        delegation.sessionPublicKey,
      )
    ) {
      return fail(
        'AUTH_FAILED',
        'The challenge signature does not verify with the delegated session key.',
      );
    }

    const sessionKeyHex = toHex(delegation.sessionPublicKey);

    if (await this.bus.isRevoked(sessionKeyHex)) {
      return fail('DELEGATION_REVOKED', `The session of ${delegation.account} was logged out.`);
    }

    if (connection.state !== 'pending') return;

    await this.#bind(
      connection,
      {
        account: delegation.account,
        accountKey: verified.accountKey,
        sessionKey: delegation.sessionPublicKey,
        sessionKeyHex,
        expiresAt: verified.expiresAtMs,
      },
      voice.SessionDelegation.encode(
        voice.AuthResponse.decode(message.payload).delegation!,
      ).finish(),
    );
    this.metrics.authenticated(true);
  }

  /** Binds the socket to its account, records the delegation, and answers AUTH_OK. */
  async #bind(
    connection: SignalConnection,
    identity: NonNullable<SignalConnection['identity']>,
    encodedDelegation: Uint8Array,
  ): Promise<void> {
    // The wire form of every address is prefix 42.
    const account = identity.account;

    clearTimeout(connection.authTimer);
    connection.identity = identity;
    connection.state = 'open';

    let sockets = this.accounts.get(identity.accountKey);

    if (sockets === undefined) {
      sockets = new Set();
      this.accounts.set(identity.accountKey, sockets);
    }

    sockets.add(connection);
    await this.bus.attach(identity.accountKey, connection.id);
    await this.bus.putDelegation(
      identity.accountKey,
      identity.sessionKeyHex,
      encodedDelegation,
      identity.expiresAt,
    );

    const turn = this.turnGrant(account);

    connection.send(
      this.serverFrame(
        SignalType.AUTH_OK,
        { to: account },
        encodePayload(SignalType.AUTH_OK, {
          account,
          expiresAt: BigInt(identity.expiresAt),
          iceServers: turn?.iceServers ?? [],
          serverId: this.options.serverId,
          serverTime: BigInt(this.now()),
          heartbeatIntervalMs: this.options.heartbeatIntervalMs,
          iceExpiresAt: BigInt(turn?.expiresAt ?? 0),
        }),
      ),
    );
    this.logger.debug({ socket: connection.id, account }, 'socket authenticated');
  }

  /** TURN credentials for `account`, when a TURN secret is configured. */
  turnGrant(account: string): ReturnType<typeof issueTurnCredentials> | undefined {
    const { turnSecret, turnUrls, turnTtlMs } = this.options;

    return turnSecret === undefined
      ? undefined
      : issueTurnCredentials(turnSecret, turnUrls, account, this.now(), turnTtlMs);
  }

  #acceptedOrigins(connection: SignalConnection): string[] | undefined {
    const allowed = this.options.origins;

    if (connection.origin === undefined) return allowed;

    if (allowed !== undefined && !allowed.includes(connection.origin)) return [];

    return [connection.origin];
  }

  /** Token buckets per socket and per account; persistent excess closes the socket. */
  #withinRate(connection: SignalConnection, now: number): boolean {
    const accountKey = connection.identity?.accountKey;
    let accountBucket = accountKey === undefined ? undefined : this.#accountBuckets.get(accountKey);

    if (accountKey !== undefined && accountBucket === undefined) {
      accountBucket = new TokenBucket(this.options.accountRate, now);
      this.#accountBuckets.set(accountKey, accountBucket);
    }

    if (connection.bucket.take(now) && (accountBucket === undefined || accountBucket.take(now)))
      return true;

    if (now - connection.excessSince > this.options.abuseWindowMs) {
      connection.excess = 0;
      connection.excessSince = now;
    }

    connection.excess += 1;
    this.metrics.rejection('RATE_LIMITED');
    this.#rejections.add('RATE_LIMITED');

    if (connection.excess > this.options.abuseLimit) {
      this.logger.warn(
        { socket: connection.id, account: connection.identity?.account },
        'closing a socket that kept exceeding the rate limit',
      );
      connection.close(1008, 'RATE_LIMITED');

      return false;
    }

    // One ERROR per second at most, so the answers cannot become a flood of their own.
    if (now - connection.lastRateReply >= 1000) {
      connection.lastRateReply = now;
      this.sendError(
        connection,
        undefined,
        'RATE_LIMITED',
        'Too many messages: slow down or the socket is closed.',
      );
    }

    return false;
  }

  #makeRoomServer(): RoomServer {
    return {
      sendTo: async (account, type, payload, fields = {}) => {
        return this.bus.deliver(toAccountKey(account), {
          kind: 'frame',
          frame: this.serverFrame(type, { ...fields }, payload),
        });
      },
      relayTo: async (account, frame) => {
        return this.bus.deliver(toAccountKey(account), { kind: 'frame', frame });
      },
      replyError: (member, message, code, text) => {
        const connection = this.connections.get(member.socketId);

        if (connection !== undefined) this.reject(connection, message, code, text);
      },
      replyAck: (member, message) => {
        const connection = this.connections.get(member.socketId);

        if (connection !== undefined) this.sendAck(connection, message);
      },
      now: () => this.now(),
    };
  }
}

/** Account key of an SS58 address, or the key itself when given 64 hex digits. */
function toAccountKey(account: string): string {
  return /^[0-9a-f]{64}$/.test(account) ? account : accountKey(account);
}
