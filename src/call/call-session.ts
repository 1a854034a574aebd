import type { Hex } from '../chain/types.js';
import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { StardustError, type ErrorCode } from '../shared/errors.js';
import { decodeAddress, normalizeAddress, sameAccount } from '../shared/ss58.js';
import {
  CallMedia,
  isPolitePeer,
  type CallMediaEvents,
  type CallMediaOptions,
} from './call-media.js';
import { systemClock, type Clock } from './clock.js';
import { Emitter } from './emitter.js';
import type { CallQualitySample } from './quality.js';
import type {
  CallSignal,
  CallSignaling,
  HangupReason,
  MediaSignal,
  MediaTransport,
  RejectReason,
} from './signals.js';

/** The states of a call, in order. `ended` is final. */
export const CALL_SESSION_STATES = ['idle', 'ringing', 'connecting', 'connected', 'ended'] as const;
/** One state of {@link CallSession}. */
export type CallSessionState = (typeof CALL_SESSION_STATES)[number];

/** Why a call ended. `rejected` comes with a {@link RejectReason}. */
export type CallEndReason =
  'normal' | 'rejected' | 'cancelled' | 'network_error' | 'timeout' | 'tampered';

/** The ring timeout the chain's `CallTimeout` sets on the devnet, in ms. */
export const DEFAULT_RING_TIMEOUT_MS = 60_000;
/** How long a call may take from accept to a connected media path, in ms. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;

/** The one context object of every `stateChange` event. */
export interface CallStateContext {
  state: CallSessionState;
  previous: CallSessionState;
  /** Set when `state` is `ended`. */
  reason: CallEndReason | null;
  /** Set when `reason` is `rejected`. */
  rejectReason: RejectReason | null;
  /** The signaling call id (16 random bytes, hex). */
  callId: string;
  /** The chain call id from `CallInitiated`, once known. */
  chainCallId: Hex | null;
  direction: 'outgoing' | 'incoming';
  /** The other party (SS58, prefix 42). */
  peer: string;
  /** The typed error behind an end that is not a normal hang up, else null. */
  error: StardustError | null;
  /** Which side ended the call (set when `state` is `ended`). */
  endedBy: 'local' | 'remote' | null;
  /** True when another tab of the local account accepted or rejected this incoming call. */
  answeredElsewhere: boolean;
}

/** Events of {@link CallSession}. */
export interface CallSessionEvents extends Record<string, unknown> {
  stateChange: CallStateContext;
  /** A quality reading, every 2 s while the media runs. */
  quality: CallQualitySample;
  /** The chain call id became known (from our own `CallInitiated` or the peer's link). */
  chainLink: { callId: string; chainCallId: Hex };
  /** A failure that does not end the call (a device switch, a signaling send). */
  error: { error: StardustError };
  /** In glare this call withdrew its own invite `callId` and took the peer's call. */
  withdrawn: { callId: string; survivor: string };
  /**
   * The signaling server rang at least one tab of the callee with this outgoing call's
   * invite. An invite that found the callee offline or busy ends the call instead.
   */
  inviteDelivered: { callId: string };
}

/** The part of {@link CallMedia} a session uses; tests give a fake. */
export interface CallMediaHandle {
  role: 'offerer' | 'answerer';
  readonly muted: boolean;
  readonly quality: CallQualitySample | null;
  acquire(): Promise<MediaStream>;
  connect(): Promise<void>;
  setMuted(muted: boolean): void;
  setInputDevice(deviceId: string): Promise<void>;
  setOutputDevice(deviceId: string): Promise<boolean>;
  on<K extends keyof CallMediaEvents>(
    event: K,
    listener: (context: CallMediaEvents[K]) => void,
  ): () => void;
  close(): void;
}

/** Media settings a session passes to its {@link CallMedia}. */
export type CallSessionMediaOptions = Omit<
  CallMediaOptions,
  'transport' | 'polite' | 'role' | 'hd' | 'clock' | 'logger'
>;

/** Options of {@link CallSession}. */
export interface CallSessionOptions {
  /** The local account's call signaling. */
  signaling: CallSignaling;
  /** The other party (SS58, any prefix). */
  peer: string;
  direction: 'outgoing' | 'incoming';
  /** The signaling call id: required for incoming calls, random for outgoing ones. */
  callId?: string;
  /** Opus at up to 64 kbit/s. Default false; an incoming call takes the caller's choice. */
  hd?: boolean;
  callType?: 'audio' | 'video';
  /** Ring timeout in ms; the chain's `CallTimeout` (60 s) by default. */
  ringTimeoutMs?: number;
  /** Time from accept to connected media before the call ends with `network_error`. */
  connectTimeoutMs?: number;
  media?: CallSessionMediaOptions;
  /** Builds the media; `new CallMedia(options)` by default. */
  createMedia?: (options: CallMediaOptions) => CallMediaHandle;
  clock?: Clock;
  logger?: Logger;
}

/** What a finished call leaves: for summaries and the `stardust-call-ended` event. */
export interface CallSummary {
  callId: string;
  chainCallId: Hex | null;
  direction: 'outgoing' | 'incoming';
  peer: string;
  reason: CallEndReason;
  rejectReason: RejectReason | null;
  endedBy: 'local' | 'remote';
  /** Connected time in ms by the local clock (0 when the call never connected). */
  durationMs: number;
  /** The last quality reading of the call, or null when none was taken. */
  quality: CallQualitySample | null;
  /** Mean of the 0–5 levels of all readings, to one decimal, or null when none was taken. */
  averageQualityLevel: number | null;
  /** True when another tab of the local account answered this call. */
  answeredElsewhere: boolean;
}

const TRANSITIONS: Record<CallSessionState, readonly CallSessionState[]> = {
  idle: ['ringing', 'ended'],
  ringing: ['connecting', 'ended'],
  connecting: ['connected', 'ended'],
  connected: ['ended'],
  ended: [],
};

const REJECT_CODES: Record<RejectReason, ErrorCode> = {
  busy: 'CALL_BUSY',
  decline: 'CALL_REJECTED',
  timeout: 'CALL_TIMEOUT',
  offline: 'CALL_OFFLINE',
};

/**
 * One one-to-one call: the state machine Idle → Ringing → Connecting → Connected → Ended,
 * the call-level messages of both parties, and the media.
 *
 * Each transition emits one `stateChange` with a {@link CallStateContext}. Outgoing calls
 * start with {@link CallSession.call}; incoming ones come from `CallManager`'s `incoming`
 * event already ringing.
 */
export class CallSession extends Emitter<CallSessionEvents> {
  readonly direction: 'outgoing' | 'incoming';
  readonly peer: string;
  readonly #options: CallSessionOptions;
  readonly #signaling: CallSignaling;
  readonly #clock: Clock;
  readonly #logger: Logger;
  #direction: 'outgoing' | 'incoming';
  #callId: string;
  #chainCallId: Hex | null = null;
  #hd: boolean;
  #state: CallSessionState = 'idle';
  #reason: CallEndReason | null = null;
  #rejectReason: RejectReason | null = null;
  #error: StardustError | null = null;
  #endedBy: 'local' | 'remote' | null = null;
  #answeredElsewhere = false;
  /** Set while handling a message from the peer, so an end it causes counts as remote. */
  #remote = false;
  #media: CallMediaHandle | null = null;
  #qualityLevelSum = 0;
  #qualityReadings = 0;
  #mediaListeners = new Set<(signal: MediaSignal) => void>();
  #timer: unknown = null;
  #connectedAt: number | null = null;
  #endedAt: number | null = null;
  #unsubscribe: () => void;

  constructor(options: CallSessionOptions) {
    super();

    if (options.direction === 'incoming' && options.callId === undefined) {
      throw new TypeError('An incoming CallSession needs the callId of the invite.');
    }

    if (options.callId !== undefined && !/^[0-9a-f]{32}$/.test(options.callId)) {
      throw new StardustError(
        'INVALID_ARGUMENT',
        `Invalid callId "${options.callId}": expected 16 bytes of lowercase hex.`,
      );
    }

    if (sameAccount(options.peer, options.signaling.account)) {
      throw new StardustError(
        'INVALID_ARGUMENT',
        'A call needs two accounts: the peer is the local account.',
      );
    }

    this.#options = options;
    this.#signaling = options.signaling;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? silentLogger;
    this.peer = normalizeAddress(options.peer);
    this.direction = options.direction;
    this.#direction = options.direction;
    this.#callId = options.callId ?? randomCallId();
    this.#hd = options.hd === true;
    this.#unsubscribe = this.#signaling.onSignal(({ from, signal }) => {
      if (signal.callId !== this.#callId || !sameAccount(from, this.peer)) return;

      this.#remote = signal.type !== 'tampered';

      try {
        this.#onSignal(signal);
      } finally {
        this.#remote = false;
      }
    });
  }

  get state(): CallSessionState {
    return this.#state;
  }

  /** The signaling call id. It changes once if this call yields to the peer's in glare. */
  get callId(): string {
    return this.#callId;
  }

  get chainCallId(): Hex | null {
    return this.#chainCallId;
  }

  /** `incoming` after this outgoing call yielded to the peer's call in glare. */
  get currentDirection(): 'outgoing' | 'incoming' {
    return this.#direction;
  }

  get hd(): boolean {
    return this.#hd;
  }

  get muted(): boolean {
    return this.#media?.muted ?? false;
  }

  /** The latest quality reading, or null. */
  get quality(): CallQualitySample | null {
    return this.#media?.quality ?? null;
  }

  /** Mean of the 0–5 levels of the readings so far, to one decimal, or null before the first. */
  get averageQualityLevel(): number | null {
    if (this.#qualityReadings === 0) return null;

    return Math.round((10 * this.#qualityLevelSum) / this.#qualityReadings) / 10;
  }

  /** Connected time so far (or in total once ended) in ms, by the local clock. */
  get durationMs(): number {
    if (this.#connectedAt === null) return 0;

    return (this.#endedAt ?? this.#clock.now()) - this.#connectedAt;
  }

  /** The media of the call, once created (from ringing on). */
  get media(): CallMediaHandle | null {
    return this.#media;
  }

  /** The summary of an ended call; null before it ends. */
  get summary(): CallSummary | null {
    if (this.#state !== 'ended') return null;

    return {
      callId: this.#callId,
      chainCallId: this.#chainCallId,
      direction: this.#direction,
      peer: this.peer,
      reason: this.#reason!,
      rejectReason: this.#rejectReason,
      endedBy: this.#endedBy!,
      durationMs: this.durationMs,
      quality: this.quality,
      averageQualityLevel: this.averageQualityLevel,
      answeredElsewhere: this.#answeredElsewhere,
    };
  }

  /**
   * Places the outgoing call: rings the peer at once over signaling and opens the
   * microphone meanwhile. Resolves once the server replied to the invite: the callee rings
   * (`inviteDelivered` follows), or the call ended as offline or busy.
   */
  async call(): Promise<void> {
    if (this.direction !== 'outgoing') {
      throw new StardustError(
        'INVALID_STATE',
        `Call ${this.#callId} is incoming: accept it instead.`,
      );
    }

    this.#assertState('call', 'idle');
    this.#transition('ringing');
    this.#startRingTimer();
    this.#media = this.#createMedia('offerer');
    this.#media.acquire().catch((error: unknown) => this.#failLocally(error, 'cancelled'));

    const callId = this.#callId;

    try {
      await this.#signaling.send(this.peer, {
        type: 'invite',
        callId,
        hd: this.#hd,
        callType: this.#options.callType ?? 'audio',
      });
    } catch (error) {
      const wasRinging = this.#state === 'ringing';

      this.#endWithError(
        'rejected',
        StardustError.from(
          error,
          'CALL_OFFLINE',
          `Call ${this.#callId} could not reach ${this.peer}.`,
        ),
        'offline',
      );

      // The server may have rung the callee before the answer was lost: withdraw the invite
      // once the connection is back, so the callee stops ringing.
      if (wasRinging && isLostAnswer(this.#error)) {
        void this.#sendQuietly({ type: 'cancel', callId: this.#callId, reason: 'cancelled' });
      }

      throw this.#error;
    }

    // The server replies to an invite for an offline or busy callee with CALL_BUSY, which
    // ended the call before the send resolved. A call that yielded in glare has another id.
    if (this.#state !== 'ended' && this.#callId === callId) {
      this.emit('inviteDelivered', { callId });
    }
  }

  /**
   * Ends a ringing outgoing call whose signaling connection dropped, with `network_error`
   * and the connection's error: the callee's answer may have been lost meanwhile. The
   * cancel goes out once the connection is back, so the callee stops ringing. Does nothing
   * in any other state.
   */
  failPendingInvite(error: StardustError): void {
    if (this.#state !== 'ringing' || this.#direction !== 'outgoing') return;

    this.#endWithError('network_error', error);
    void this.#sendQuietly({ type: 'cancel', callId: this.#callId, reason: 'cancelled' });
  }

  /**
   * Accepts a ringing incoming call.
   * @param media Media settings for this call only, such as `iceTransportPolicy: 'relay'`.
   */
  async accept(media: Partial<CallSessionMediaOptions> = {}): Promise<void> {
    this.#assertState('accept', 'ringing');

    if (this.#direction !== 'incoming') {
      throw new StardustError(
        'INVALID_STATE',
        `Call ${this.#callId} is outgoing: only the callee accepts.`,
      );
    }

    this.#options.media = { ...this.#options.media, ...media };
    await this.#acceptIncoming();
  }

  /**
   * Stops ringing because another tab of the local account accepted or rejected this call.
   * Ends as `cancelled` by the remote side with `answeredElsewhere`, and sends nothing: the
   * tab that answered owns the call and its chain record.
   */
  answeredElsewhere(): void {
    if (this.#state !== 'ringing' || this.#direction !== 'incoming') return;

    this.#answeredElsewhere = true;
    this.#remote = true;

    try {
      this.#end('cancelled', null);
    } finally {
      this.#remote = false;
    }
  }

  /** Rejects a ringing incoming call (`decline` by default). */
  async reject(reason: RejectReason = 'decline'): Promise<void> {
    this.#assertState('reject', 'ringing');

    if (this.#direction !== 'incoming') {
      throw new StardustError(
        'INVALID_STATE',
        `Call ${this.#callId} is outgoing: cancel it with hangup().`,
      );
    }

    this.#end('rejected', null, reason);
    await this.#sendQuietly({ type: 'reject', callId: this.#callId, reason });
  }

  /**
   * Ends the call from this side: cancels a ringing outgoing call, declines a ringing
   * incoming one, hangs up a connecting or connected one. Does nothing once ended.
   */
  async hangup(): Promise<void> {
    if (this.#state === 'ended' || this.#state === 'idle') {
      if (this.#state === 'idle') this.#end('cancelled', null);

      return;
    }

    if (this.#state === 'ringing' && this.#direction === 'incoming') {
      await this.reject('decline');

      return;
    }

    if (this.#state === 'ringing') {
      this.#end('cancelled', null);
      await this.#sendQuietly({ type: 'cancel', callId: this.#callId, reason: 'cancelled' });

      return;
    }

    this.#end('normal', null);
    await this.#sendQuietly({ type: 'hangup', callId: this.#callId, reason: 'normal' });
  }

  /** Mutes or unmutes the microphone (`track.enabled`). */
  setMuted(muted: boolean): void {
    if (this.#media === null) {
      throw new StardustError('INVALID_STATE', `Call ${this.#callId} has no media yet.`);
    }

    this.#media.setMuted(muted);
  }

  /** Switches the microphone during the call. */
  async setInputDevice(deviceId: string): Promise<void> {
    if (this.#media === null) {
      this.#options.media = { ...this.#options.media, inputDeviceId: deviceId };

      return;
    }

    await this.#media.setInputDevice(deviceId);
  }

  /** Picks the speaker where `setSinkId` exists; returns false where it does not. */
  async setOutputDevice(deviceId: string): Promise<boolean> {
    if (this.#media === null) {
      this.#options.media = { ...this.#options.media, outputDeviceId: deviceId };

      return true;
    }

    return this.#media.setOutputDevice(deviceId);
  }

  /** Records the chain call id and sends it to the peer (`CALL_CHAIN_LINK`). */
  async linkChainCall(chainCallId: Hex): Promise<void> {
    this.#setChainCallId(chainCallId);
    await this.#sendQuietly({ type: 'chain-link', callId: this.#callId, chainCallId });
  }

  /**
   * Ends the call because the chain refused it (`CALL_INSUFFICIENT_BALANCE`,
   * `CALL_CHAIN_BUSY`, `CALL_BLOCKED`) and sends the end to the peer. A busy or blocked refusal ends as
   * `rejected`; anything else as `cancelled` while ringing, `normal` afterwards.
   */
  failFromChain(error: StardustError): void {
    if (this.#state === 'ended' || this.#state === 'idle') return;

    const wasRinging = this.#state === 'ringing';
    let rejectReason: RejectReason | null = null;

    if (error.code === 'CALL_CHAIN_BUSY') rejectReason = 'busy';
    else if (error.code === 'CALL_BLOCKED') rejectReason = 'decline';

    let reason: CallEndReason = wasRinging ? 'cancelled' : 'normal';

    if (rejectReason !== null) reason = 'rejected';

    this.#endWithError(reason, error, rejectReason);
    void this.#sendQuietly(
      wasRinging
        ? { type: 'cancel', callId: this.#callId, reason: 'cancelled' }
        : { type: 'hangup', callId: this.#callId, reason: 'normal' },
    );
  }

  /** Ends the call without a message to the peer (the page is going away) and releases it. */
  dispose(): void {
    if (this.#state !== 'ended') this.#end('cancelled', null);

    this.#unsubscribe();
    this.removeAllListeners();
  }

  /** Starts ringing an incoming call; called by `CallManager` once listeners can attach. */
  ring(): void {
    if (this.#direction !== 'incoming') return;

    this.#assertState('ring', 'idle');
    this.#transition('ringing');
    this.#startRingTimer();
  }

  /**
   * Glare: this outgoing call and the peer's incoming call `callId` crossed, and the
   * peer's survives (its caller has the lower public key). Withdraws our invite and accepts
   * theirs; the session goes on as the callee of `callId`.
   */
  async yieldTo(callId: string, hd: boolean): Promise<string> {
    this.#assertState('yield', 'ringing');

    const withdrawn = this.#callId;

    this.#logger.info('glare: yielding to the peer call', { withdrawn, callId });
    this.#callId = callId;
    this.#direction = 'incoming';
    this.#hd = hd;
    this.emit('withdrawn', { callId: withdrawn, survivor: callId });
    await this.#sendQuietly({
      type: 'cancel',
      callId: withdrawn,
      reason: 'cancelled',
      glare: true,
    });
    await this.#acceptIncoming();

    return withdrawn;
  }

  async #acceptIncoming(): Promise<void> {
    this.#clearTimer();
    this.#transition('connecting');
    this.#startTimer(this.#options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, () =>
      this.#endWithError(
        'network_error',
        new StardustError(
          'CALL_NETWORK_ERROR',
          `Call ${this.#callId} did not connect in time; check the network or configure TURN.`,
        ),
      ),
    );

    if (this.#media === null) this.#media = this.#createMedia('answerer');
    else this.#media.role = 'answerer';

    const connecting = this.#media.connect();

    await this.#sendAccept();

    try {
      await connecting;
    } catch (error) {
      this.#failLocally(error, 'normal');
    }
  }

  /**
   * Sends the accept. When the server answers that the caller has no socket
   * (PEER_NOT_FOUND) or the call is gone (CALL_NOT_FOUND), the call ends here with that
   * code instead of waiting for an offer that cannot come.
   */
  async #sendAccept(): Promise<void> {
    try {
      await this.#signaling.send(this.peer, { type: 'accept', callId: this.#callId });
    } catch (error) {
      const wrapped = StardustError.from(
        error,
        'SIGNAL_DISCONNECTED',
        `Sending accept of call ${this.#callId} failed.`,
      );

      if (wrapped.code === 'PEER_NOT_FOUND' || wrapped.code === 'CALL_NOT_FOUND') {
        this.#endWithError(
          wrapped.code === 'CALL_NOT_FOUND' ? 'cancelled' : 'network_error',
          wrapped,
        );

        return;
      }

      this.#logger.warn('sending a call message failed', {
        callId: this.#callId,
        type: 'accept',
        code: wrapped.code,
      });
      this.emit('error', { error: wrapped });
    }
  }

  #onSignal(signal: CallSignal): void {
    switch (signal.type) {
      case 'accept':
        if (this.#state === 'ringing' && this.#direction === 'outgoing') this.#onAccepted();

        break;
      case 'reject':
      case 'busy':
        if (this.#state === 'ringing' && this.#direction === 'outgoing') {
          this.#endWithError(
            'rejected',
            new StardustError(
              REJECT_CODES[signal.reason],
              `${this.peer} rejected call ${this.#callId} (${signal.reason}).`,
            ),
            signal.reason,
          );
        }

        break;
      case 'cancel':
      case 'hangup':
        this.#onRemoteEnd(signal.reason);

        break;
      case 'chain-link':
        this.#setChainCallId(signal.chainCallId);

        break;
      case 'tampered':
        this.#onTampered();

        break;
      case 'description':
      case 'candidate':
        for (const listener of this.#mediaListeners) listener(signal);

        break;
      default:
        break;
    }
  }

  #onAccepted(): void {
    this.#clearTimer();
    this.#transition('connecting');
    this.#startTimer(this.#options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, () =>
      this.#endWithError(
        'network_error',
        new StardustError(
          'CALL_NETWORK_ERROR',
          `Call ${this.#callId} did not connect in time; check the network or configure TURN.`,
        ),
      ),
    );
    this.#media!.connect().catch((error: unknown) => this.#failLocally(error, 'normal'));
  }

  #onRemoteEnd(reason: HangupReason): void {
    if (this.#state === 'ended' || this.#state === 'idle') return;

    if (reason === 'timeout') {
      this.#endWithError(
        'timeout',
        new StardustError('CALL_TIMEOUT', `Call ${this.#callId} was not answered in time.`),
      );

      return;
    }

    if (reason === 'tampered') {
      this.#endWithError('tampered', tamperedError(this.#callId));

      return;
    }

    if (reason === 'network_error') {
      this.#endWithError(
        'network_error',
        new StardustError(
          'CALL_NETWORK_ERROR',
          `${this.peer} lost the media connection of call ${this.#callId}.`,
        ),
      );

      return;
    }

    this.#end(this.#state === 'ringing' ? 'cancelled' : 'normal', null);
  }

  #onTampered(): void {
    if (this.#state === 'ended') return;

    this.#endWithError('tampered', tamperedError(this.#callId));
    void this.#sendQuietly({ type: 'hangup', callId: this.#callId, reason: 'tampered' });
  }

  #createMedia(role: 'offerer' | 'answerer'): CallMediaHandle {
    const local = decodeAddress(this.#signaling.account).publicKey;
    const remote = decodeAddress(this.peer).publicKey;
    const options: CallMediaOptions = {
      ...this.#options.media,
      transport: this.#mediaTransport(),
      polite: isPolitePeer(local, remote),
      role,
      hd: this.#hd,
      clock: this.#clock,
      logger: this.#logger,
    };
    const media = (this.#options.createMedia ?? ((o) => new CallMedia(o)))(options);

    media.on('connectionState', ({ state }) => {
      if (state === 'connected' && this.#state === 'connecting') {
        this.#clearTimer();
        this.#connectedAt = this.#clock.now();
        this.#transition('connected');
      }
    });
    media.on('failed', ({ error }) => {
      if (this.#state === 'ended') return;

      this.#endWithError('network_error', error);
      void this.#sendQuietly({ type: 'hangup', callId: this.#callId, reason: 'network_error' });
    });
    media.on('quality', (sample) => {
      this.#qualityLevelSum += sample.level;
      this.#qualityReadings += 1;
      this.emit('quality', sample);
    });
    media.on('error', (context) => this.emit('error', context));

    return media;
  }

  #mediaTransport(): MediaTransport {
    return {
      send: (signal) =>
        this.#signaling.send(this.peer, { ...signal, callId: this.#callId } as CallSignal),
      onSignal: (listener) => {
        this.#mediaListeners.add(listener);

        return () => this.#mediaListeners.delete(listener);
      },
    };
  }

  #startRingTimer(): void {
    const timeout = this.#options.ringTimeoutMs ?? DEFAULT_RING_TIMEOUT_MS;

    this.#startTimer(timeout, () => {
      if (this.#state !== 'ringing') return;

      this.#endWithError(
        'timeout',
        new StardustError(
          'CALL_TIMEOUT',
          `Call ${this.#callId} was not answered within ${timeout} ms.`,
        ),
      );

      const signal: CallSignal =
        this.#direction === 'outgoing'
          ? { type: 'cancel', callId: this.#callId, reason: 'timeout' }
          : { type: 'reject', callId: this.#callId, reason: 'timeout' };

      void this.#sendQuietly(signal);
    });
  }

  #startTimer(delayMs: number, callback: () => void): void {
    this.#clearTimer();
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      callback();
    }, delayMs);
  }

  #clearTimer(): void {
    if (this.#timer === null) return;

    this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #setChainCallId(chainCallId: Hex): void {
    if (!/^0x[0-9a-f]{32}$/.test(chainCallId)) {
      this.#logger.warn('ignoring a malformed chain call id', { callId: this.#callId });

      return;
    }

    if (this.#chainCallId === chainCallId) return;

    this.#chainCallId = chainCallId;
    this.emit('chainLink', { callId: this.#callId, chainCallId });
  }

  /** Ends the call after a local failure (microphone, media setup) and notifies the peer. */
  #failLocally(error: unknown, fallback: CallEndReason): void {
    if (this.#state === 'ended') return;

    const wrapped = StardustError.from(
      error,
      'MEDIA_DEVICE_FAILED',
      `The media of call ${this.#callId} failed.`,
    );
    const wasRinging = this.#state === 'ringing';
    const reason: CallEndReason =
      wasRinging && this.#direction === 'outgoing' ? 'cancelled' : fallback;

    this.#endWithError(reason, wrapped);

    const signal: CallSignal = wasRinging
      ? { type: 'cancel', callId: this.#callId, reason: 'cancelled' }
      : { type: 'hangup', callId: this.#callId, reason: 'normal' };

    void this.#sendQuietly(signal);
  }

  #endWithError(
    reason: CallEndReason,
    error: StardustError,
    rejectReason: RejectReason | null = null,
  ): void {
    if (this.#state === 'ended') return;

    this.#logger.info('call ended with an error', {
      callId: this.#callId,
      reason,
      code: error.code,
    });
    this.#end(reason, error, rejectReason);
  }

  #end(
    reason: CallEndReason,
    error: StardustError | null,
    rejectReason: RejectReason | null = null,
  ): void {
    if (this.#state === 'ended') return;

    this.#clearTimer();
    this.#endedBy = this.#remote ? 'remote' : 'local';
    this.#reason = reason;
    this.#rejectReason = rejectReason;
    this.#error = error;
    this.#endedAt = this.#clock.now();
    this.#media?.close();
    this.#transition('ended');
    this.#unsubscribe();
  }

  #transition(state: CallSessionState): void {
    const previous = this.#state;

    if (!TRANSITIONS[previous].includes(state)) {
      throw new StardustError(
        'INVALID_STATE',
        `Call ${this.#callId} cannot go from ${previous} to ${state}.`,
      );
    }

    this.#state = state;
    this.#logger.info('call state', { callId: this.#callId, state, previous });
    this.emit('stateChange', {
      state,
      previous,
      reason: this.#reason,
      rejectReason: this.#rejectReason,
      callId: this.#callId,
      chainCallId: this.#chainCallId,
      direction: this.#direction,
      peer: this.peer,
      error: this.#error,
      endedBy: this.#endedBy,
      answeredElsewhere: this.#answeredElsewhere,
    });
  }

  async #sendQuietly(signal: CallSignal): Promise<void> {
    try {
      await this.#signaling.send(this.peer, signal);
    } catch (error) {
      // The peer's own timers and the server's settlement cover a lost message.
      const wrapped = StardustError.from(
        error,
        'SIGNAL_DISCONNECTED',
        `Sending ${signal.type} of call ${signal.callId} failed.`,
      );

      this.#logger.warn('sending a call message failed', {
        callId: signal.callId,
        type: signal.type,
        code: wrapped.code,
      });
      this.emit('error', { error: wrapped });
    }
  }

  #assertState(action: string, expected: CallSessionState): void {
    if (this.#state !== expected) {
      throw new StardustError(
        'INVALID_STATE',
        `Cannot ${action} call ${this.#callId} while it is ${this.#state}.`,
      );
    }
  }
}

/** Returns a fresh signaling call id: 16 random bytes as lowercase hex. */
export function randomCallId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));

  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function tamperedError(callId: string): StardustError {
  return new StardustError(
    'CALL_TAMPERED',
    `An SDP message of call ${callId} failed its signature check, so the call was ended; do not retry through the same server.`,
  );
}

/** Errors after which an invite may have rung although its answer never came back. */
function isLostAnswer(error: StardustError | null): boolean {
  return error?.code === 'SIGNAL_DISCONNECTED' || error?.code === 'SIGNAL_TIMEOUT';
}
