import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { StardustError } from '../shared/errors.js';
import { decodeAddress, normalizeAddress, sameAccount } from '../shared/ss58.js';
import { compareKeys } from './call-media.js';
import { CallSession, type CallMediaHandle, type CallSessionMediaOptions } from './call-session.js';
import type { CallMediaOptions } from './call-media.js';
import { systemClock, type Clock } from './clock.js';
import { Emitter } from './emitter.js';
import type { CallSignal, CallSignaling, ReceivedCallSignal } from './signals.js';

/** Options of {@link CallManager}. */
export interface CallManagerOptions {
  signaling: CallSignaling;
  /** Ring timeout in ms for every call; the chain's `CallTimeout` (60 s) by default. */
  ringTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Media settings for every call (ICE servers, devices, grace periods). */
  media?: CallSessionMediaOptions;
  createMedia?: (options: CallMediaOptions) => CallMediaHandle;
  /**
   * Runs before each outgoing call and in {@link CallManager.listen}, such as opening the
   * signaling connection so that its TURN credentials are known before the media starts.
   */
  connect?: () => Promise<void>;
  clock?: Clock;
  logger?: Logger;
}

/** Events of {@link CallManager}. */
export interface CallManagerEvents extends Record<string, unknown> {
  /** A call rings for this account. The session is ringing once listeners return. */
  incoming: { session: CallSession };
  /** A session was created (outgoing or incoming), before it rings. */
  session: { session: CallSession };
  /** A busy reply went to an invite because a call is already active here. */
  busy: { from: string; callId: string };
}

/** Options of one outgoing call. */
export interface PlaceCallOptions {
  hd?: boolean;
  callType?: 'audio' | 'video';
  /** Media settings for this call only, such as `iceTransportPolicy: 'relay'`. */
  media?: Partial<CallSessionMediaOptions>;
}

/**
 * The calls of one account: places outgoing calls, turns invites into ringing sessions,
 * answers busy while a call is active, and resolves glare.
 *
 * Glare: when both parties invite each other before either answers, the call placed by the
 * lower public key survives. The side with the higher key withdraws its invite and accepts
 * the other (its session goes on with the surviving call id); the lower side ignores the
 * crossing invite, so both end up in exactly one call.
 */
export class CallManager extends Emitter<CallManagerEvents> {
  readonly #options: CallManagerOptions;
  readonly #logger: Logger;
  readonly #sessions = new Map<string, CallSession>();
  readonly #unsubscribe: () => void;
  readonly #unsubscribeLost: () => void;

  constructor(options: CallManagerOptions) {
    super();
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
    this.#unsubscribe = options.signaling.onSignal((message) => this.#onSignal(message));
    this.#unsubscribeLost =
      options.signaling.onConnectionLost?.((error) => this.#onConnectionLost(error)) ?? (() => {});
  }

  /** The account these calls belong to. */
  get account(): string {
    return this.#options.signaling.account;
  }

  /** The call that is not ended yet, if any. */
  get activeSession(): CallSession | null {
    for (const session of this.#sessions.values()) {
      if (session.state !== 'ended') return session;
    }

    return null;
  }

  /**
   * Calls `peer`: returns the session once the invite is sent (it is then ringing). When
   * `peer` is already ringing here with a call to us, that call is answered and returned, so
   * two parties who dial each other at once end up in one call.
   * @throws StardustError CALL_BUSY when another call is already active here.
   */
  async call(peer: string, options: PlaceCallOptions = {}): Promise<CallSession> {
    const active = this.activeSession;

    if (
      active !== null &&
      active.direction === 'incoming' &&
      active.state === 'ringing' &&
      sameAccount(active.peer, peer)
    ) {
      await active.accept(options.media);

      return active;
    }

    if (active !== null) {
      throw new StardustError(
        'CALL_BUSY',
        `Call ${active.callId} is still ${active.state}; hang it up before calling ${normalizeAddress(peer)}.`,
      );
    }

    await this.#options.connect?.();

    const { media, ...settings } = options;
    const session = this.#createSession({
      peer,
      direction: 'outgoing',
      ...settings,
      ...(media === undefined ? {} : { media: { ...this.#options.media, ...media } }),
    });

    await session.call();

    return session;
  }

  /**
   * Makes sure invites can arrive: runs the `connect` option (opens the signaling
   * connection). Incoming calls then ring through the `incoming` event.
   */
  async listen(): Promise<void> {
    await this.#options.connect?.();
  }

  /** Ends every call without messages and stops listening. */
  dispose(): void {
    this.#unsubscribe();
    this.#unsubscribeLost();

    for (const session of this.#sessions.values()) session.dispose();

    this.#sessions.clear();
    this.removeAllListeners();
  }

  /** A dropped connection fails the invites still ringing: their answers may be lost. */
  #onConnectionLost(error: StardustError): void {
    for (const session of new Set(this.#sessions.values())) session.failPendingInvite(error);
  }

  #onSignal({ from, signal }: ReceivedCallSignal): void {
    if (sameAccount(from, this.account)) {
      this.#onOtherTab(signal);

      return;
    }

    if (signal.type !== 'invite' || this.#sessions.has(signal.callId)) return;

    const active = this.activeSession;

    if (active === null) {
      this.#ring(from, signal);

      return;
    }

    if (
      active.state === 'ringing' &&
      active.currentDirection === 'outgoing' &&
      sameAccount(active.peer, from)
    ) {
      this.#resolveGlare(active, from, signal);

      return;
    }

    this.#logger.info('replying busy: a call is already active', { callId: signal.callId });
    this.emit('busy', { from: normalizeAddress(from), callId: signal.callId });
    void this.#options.signaling
      .send(from, { type: 'busy', callId: signal.callId, reason: 'busy' })
      .catch((error: unknown) =>
        this.#logger.warn('sending busy failed', { callId: signal.callId, error }),
      );
  }

  /** Another tab of this account answered a call that rings here: stop ringing. */
  #onOtherTab(signal: CallSignal): void {
    if (signal.type !== 'accept' && signal.type !== 'reject' && signal.type !== 'busy') return;

    const session = this.#sessions.get(signal.callId);

    if (session === undefined || session.currentDirection !== 'incoming') return;

    this.#logger.info('another tab answered the call', {
      callId: signal.callId,
      answer: signal.type,
    });
    session.answeredElsewhere();
  }

  #resolveGlare(
    active: CallSession,
    from: string,
    invite: Extract<CallSignal, { type: 'invite' }>,
  ): void {
    const local = decodeAddress(this.account).publicKey;
    const remote = decodeAddress(from).publicKey;

    if (compareKeys(local, remote) < 0) {
      // Our call survives; the peer withdraws its invite and accepts ours.
      this.#logger.info('glare: keeping our call', { callId: active.callId });

      return;
    }

    const withdrawn = active.callId;

    this.#sessions.set(invite.callId, active);
    void active.yieldTo(invite.callId, invite.hd).then(
      () => this.#sessions.delete(withdrawn),
      (error: unknown) => this.#logger.warn('glare: yielding failed', { error }),
    );
  }

  #ring(from: string, invite: Extract<CallSignal, { type: 'invite' }>): void {
    let session: CallSession;

    try {
      session = this.#createSession({
        peer: from,
        direction: 'incoming',
        callId: invite.callId,
        hd: invite.hd,
        callType: invite.callType,
      });
    } catch (error) {
      this.#logger.warn('dropping a malformed invite', { callId: invite.callId, error });

      return;
    }

    this.emit('incoming', { session });
    session.ring();
  }

  #createSession(settings: {
    peer: string;
    direction: 'outgoing' | 'incoming';
    callId?: string;
    hd?: boolean;
    callType?: 'audio' | 'video';
    media?: CallSessionMediaOptions;
  }): CallSession {
    const session = new CallSession({
      signaling: this.#options.signaling,
      ringTimeoutMs: this.#options.ringTimeoutMs,
      connectTimeoutMs: this.#options.connectTimeoutMs,
      media: this.#options.media,
      createMedia: this.#options.createMedia,
      clock: this.#options.clock ?? systemClock,
      logger: this.#logger,
      ...settings,
    });

    this.#sessions.set(session.callId, session);
    this.emit('session', { session });
    session.on('stateChange', ({ state }) => {
      if (state === 'ended') this.#sessions.delete(session.callId);
    });

    return session;
  }
}
