/**
 * Options of the signaling server, their defaults, and their validation.
 */
import type { Logger } from 'pino';

import type { BucketOptions } from './rate-limit.js';
import type { KeyDirectory } from './key-directory.js';
import type { RoomHandler } from './room-handler.js';
import type { CallSettler } from './settler.js';

/** Options of {@link startSignalingServer}. Every field has a documented default. */
export interface SignalingServerOptions {
  /** Address to listen on; 127.0.0.1. */
  host?: string;
  /** Port to listen on; 8888. 0 picks a free port. */
  port?: number;
  /** WebSocket path; `/signal`. `/metrics` is served on the same port. */
  path?: string;
  /** Genesis hash every delegation must name (32 bytes, or hex). Required. */
  genesisHash: Uint8Array | string;
  /**
   * Web origins whose delegations are accepted; any when left out. A browser's `Origin`
   * header must equal the delegation's origin either way.
   */
  origins?: string[];
  /** Name of this instance, sent in AUTH_CHALLENGE and AUTH_OK; random by default. */
  serverId?: string;
  /** Redis URL: presence and routing go through Redis so several instances share them. */
  redisUrl?: string;
  /** Key and channel prefix in Redis; `stardust:`. */
  redisPrefix?: string;
  /** Largest accepted frame in bytes; 64 KiB. Larger frames get FRAME_TOO_LARGE. */
  maxFrameBytes?: number;
  /** Frames above this many bytes close the socket with 1009 unread; 4 × maxFrameBytes. */
  hardFrameBytes?: number;
  /** Accepted distance of a message timestamp from the server clock; 30 s. */
  timestampSkewMs?: number;
  /** How long nonces are remembered; 60 s (twice the timestamp skew). */
  replayWindowMs?: number;
  /** Most nonces remembered per account per window; 20,000. */
  maxNoncesPerAccount?: number;
  /** Rate limit per socket; 50 messages per second, burst 200. */
  socketRate?: BucketOptions;
  /** Rate limit per account over all its sockets on this instance; 100 per second, burst 400. */
  accountRate?: BucketOptions;
  /** Messages over the limit within `abuseWindowMs` that close the socket with 1008; 500. */
  abuseLimit?: number;
  /** 10 s. */
  abuseWindowMs?: number;
  /** Verify every message signature at the server too (strict mode); false. */
  verifyEveryMessage?: boolean;
  /** Interval the client sends HEARTBEAT at, announced in AUTH_OK; 15 s. */
  heartbeatIntervalMs?: number;
  /** A socket silent this long is closed as dead; 45 s. */
  deadAfterMs?: number;
  /** How often sockets are checked for silence; `heartbeatIntervalMs`. */
  sweepIntervalMs?: number;
  /** Time a new socket has to authenticate; 10 s. */
  authTimeoutMs?: number;
  /** Longest a call may ring before the server forgets it; 60 s (the chain's CallTimeout). */
  ringTimeoutMs?: number;
  /** Longest a connected call is kept; 4 h (the chain's MaxCallDuration). */
  maxCallMs?: number;
  /** Most open sockets; new ones beyond it are closed with 1013. 20,000. */
  maxConnections?: number;
  /** Bytes queued for one socket before it is closed as a slow consumer; 4 MiB. */
  maxBufferedBytes?: number;
  /** coturn `static-auth-secret`: AUTH_OK then carries TURN REST credentials. */
  turnSecret?: string;
  /** TURN URLs the credentials are for, such as `turn:127.0.0.1:3478`. */
  turnUrls?: string[];
  /** Lifetime of TURN credentials; 24 h. */
  turnTtlMs?: number;
  /** Secret URI of the CallSettler account (such as `//CallSettler` on the devnet). */
  settlerSeed?: string;
  /** Receives calls that ended, for settlement on chain. */
  settler?: CallSettler;
  /**
   * Chain node (ws://) the built-in settler submits `settle_call` to, with `settlerSeed`.
   * Without it (or without `settlerSeed`) ended calls are not settled by the server.
   */
  chainUrl?: string;
  /**
   * How long the built-in settler waits after a call ended at signaling before it settles
   * a call that is still active on chain (the parties submit `end_call` themselves); 30 s.
   */
  settleGraceMs?: number;
  /**
   * How long both parties of a connected call may be without a socket before the server
   * ends the call and hands it to the settler as `vanished`; 30 s.
   */
  vanishGraceMs?: number;
  /** Device key directory; in memory by default. */
  keyDirectory?: KeyDirectory;
  /** Handles ROOM_* messages; by default they are answered with UNKNOWN_TYPE. */
  roomHandler?: RoomHandler;
  /** pino logger; JSON lines on stdout at `logLevel` by default. */
  logger?: Logger;
  /** Level of the default logger; `info`. */
  logLevel?: string;
  /** Clock, milliseconds since the Unix epoch; Date.now. */
  now?: () => number;
}

/** Options with every default filled in. */
export interface ResolvedOptions extends Required<
  Omit<
    SignalingServerOptions,
    | 'genesisHash'
    | 'origins'
    | 'redisUrl'
    | 'turnSecret'
    | 'settlerSeed'
    | 'chainUrl'
    | 'settler'
    | 'keyDirectory'
    | 'roomHandler'
    | 'logger'
  >
> {
  genesisHash: Uint8Array;
  origins: string[] | undefined;
  redisUrl: string | undefined;
  turnSecret: string | undefined;
  settlerSeed: string | undefined;
  chainUrl: string | undefined;
}

/**
 * Fills defaults and checks values.
 * @throws TypeError or RangeError naming the option that is wrong.
 */
export function resolveOptions(options: SignalingServerOptions): ResolvedOptions {
  const maxFrameBytes = positive('maxFrameBytes', options.maxFrameBytes ?? 64 * 1024);
  const heartbeatIntervalMs = positive(
    'heartbeatIntervalMs',
    options.heartbeatIntervalMs ?? 15_000,
  );
  const timestampSkewMs = positive('timestampSkewMs', options.timestampSkewMs ?? 30_000);

  return {
    host: options.host ?? '127.0.0.1',
    port: port(options.port ?? 8888),
    path: options.path ?? '/signal',
    genesisHash: genesis(options.genesisHash),
    origins: options.origins,
    serverId: options.serverId ?? `signal-${Math.random().toString(36).slice(2, 10)}`,
    redisUrl: options.redisUrl,
    redisPrefix: options.redisPrefix ?? 'stardust:',
    maxFrameBytes,
    hardFrameBytes: positive('hardFrameBytes', options.hardFrameBytes ?? maxFrameBytes * 4),
    timestampSkewMs,
    replayWindowMs: positive('replayWindowMs', options.replayWindowMs ?? timestampSkewMs * 2),
    maxNoncesPerAccount: positive('maxNoncesPerAccount', options.maxNoncesPerAccount ?? 20_000),
    socketRate: options.socketRate ?? { perSecond: 50, burst: 200 },
    accountRate: options.accountRate ?? { perSecond: 100, burst: 400 },
    abuseLimit: positive('abuseLimit', options.abuseLimit ?? 500),
    abuseWindowMs: positive('abuseWindowMs', options.abuseWindowMs ?? 10_000),
    verifyEveryMessage: options.verifyEveryMessage ?? false,
    heartbeatIntervalMs,
    deadAfterMs: positive('deadAfterMs', options.deadAfterMs ?? 45_000),
    sweepIntervalMs: positive('sweepIntervalMs', options.sweepIntervalMs ?? heartbeatIntervalMs),
    authTimeoutMs: positive('authTimeoutMs', options.authTimeoutMs ?? 10_000),
    ringTimeoutMs: positive('ringTimeoutMs', options.ringTimeoutMs ?? 60_000),
    maxCallMs: positive('maxCallMs', options.maxCallMs ?? 4 * 3600_000),
    maxConnections: positive('maxConnections', options.maxConnections ?? 20_000),
    maxBufferedBytes: positive('maxBufferedBytes', options.maxBufferedBytes ?? 4 * 1024 * 1024),
    turnSecret: options.turnSecret,
    turnUrls: options.turnUrls ?? [],
    turnTtlMs: positive('turnTtlMs', options.turnTtlMs ?? 24 * 3600_000),
    settlerSeed: options.settlerSeed,
    chainUrl: options.chainUrl,
    settleGraceMs: positive('settleGraceMs', options.settleGraceMs ?? 30_000),
    vanishGraceMs: positive('vanishGraceMs', options.vanishGraceMs ?? 30_000),
    logLevel: options.logLevel ?? 'info',
    now: options.now ?? Date.now,
  };
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`signaling option ${name} must be a positive number, got ${value}`);
  }

  return value;
}

function port(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new RangeError(`signaling option port must be an integer from 0 to 65535, got ${value}`);
  }

  return value;
}

function genesis(value: Uint8Array | string | undefined): Uint8Array {
  if (value === undefined) {
    throw new TypeError(
      'signaling option genesisHash is required: pass --genesis 0x… or --chain ws://…',
    );
  }

  const bytes = typeof value === 'string' ? hexBytes(value) : value;

  if (bytes === undefined || bytes.length !== 32) {
    throw new TypeError(
      `signaling option genesisHash must be 32 bytes of hex, got ${JSON.stringify(String(value))}`,
    );
  }

  return bytes;
}

function hexBytes(text: string): Uint8Array | undefined {
  const hex = text.startsWith('0x') ? text.slice(2) : text;

  return /^[0-9a-fA-F]{64}$/.test(hex) ? new Uint8Array(Buffer.from(hex, 'hex')) : undefined;
}
