import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import type { CallChainOutcome, CallChainRecorder, CallCosts } from '../../src/call/call-chain.js';
import type { CallManager } from '../../src/call/call-manager.js';
import type { CallSession, CallStateContext, CallSummary } from '../../src/call/call-session.js';
import type { CallQualitySample } from '../../src/call/quality.js';
import type { StardustClient } from '../../src/client/stardust-client.js';
import { StardustError } from '../../src/shared/errors.js';
import { msg, str } from '../shared/localize.js';
import { StardustElement } from '../shared/stardust-element.js';
import { baseStyles } from '../shared/styles.js';
import {
  StardustCallEndedEvent,
  StardustCallQualityEvent,
  StardustCallSettledEvent,
  StardustCallStateEvent,
} from './call-events.js';
import { callStyles } from './call.styles.js';
import { formatDust, formatDuration } from './format.js';
import { Ringtone } from './ringtone.js';

/** Codes of calls that ended by the other side's choice or absence: outcomes, not failures. */
const OUTCOME_CODES = new Set(['CALL_REJECTED', 'CALL_BUSY', 'CALL_OFFLINE', 'CALL_TIMEOUT']);

/** The chain's settlement of a call: duration, fee and this account's reward. */
interface Settlement {
  duration: number;
  fee: bigint;
  reward: bigint;
}

/**
 * A one-to-one voice call with `peer`, or the incoming calls of the current account.
 *
 * With `peer` it shows a call button with the fee per minute and the balance, then the
 * outgoing ringing state with cancel. During the call it shows a timer, mute, device
 * pickers, quality bars and hang up. Afterwards a summary shows the quality level and the
 * on-chain settlement. With `incoming` it rings for calls to the account the page chose
 * with `client.useWallet()`, with accept and reject and a WebAudio ringtone that waits for
 * a user gesture where autoplay is blocked.
 *
 * @tagname stardust-call
 * @summary Places, answers and shows one-to-one voice calls.
 *
 * @event stardust-call-state - The call changed state. `detail` is `{ state, previous, reason, callId, chainCallId, direction, peer }`.
 * @event stardust-call-quality - A quality reading, every 2 s while connected. `detail` is the `CallQualitySample` (`level` 0–5, `avgBitrate`, `packetLoss`, `jitter`, `latency`, …) plus `callId`.
 * @event stardust-call-ended - The call ended, at once and before the chain settled it. `detail` is `{ callId, chainCallId, reason, rejectReason, durationMs, duration, fee, quality, averageQualityLevel }`. `duration` and `fee` are always null here because `end_call` lands in a later block, and `stardust-call-settled` follows with them.
 * @event stardust-call-settled - The chain settled the call, after `stardust-call-ended`: once per call the element showed, when its `CallEnded` is in a block, even if the element shows another call by then. `detail` is `{ callId, chainCallId, duration, fee, reward }` (seconds by the chain's clock, planck). A call that never reached the chain gets none.
 * @event stardust-error - A failure: no configuration or no wallet account (also shown in the `error` part), no microphone, a refused or tampered call, or a refused settlement transaction (instead of `stardust-call-settled`). `detail` is `{ code, message }`.
 *
 * @csspart base - The element's box.
 * @csspart status - The live region that announces the call's state.
 * @csspart error - Inside the status region: why the call button placed no call (no configuration or no wallet account).
 * @csspart peer - The other party's name or address.
 * @csspart costs - The fee per minute and the balance, before a call.
 * @csspart call-button - Places the call.
 * @csspart cancel-button - Cancels an outgoing call that is ringing.
 * @csspart accept-button - Accepts an incoming call.
 * @csspart reject-button - Rejects an incoming call.
 * @csspart ringtone-button - Starts a ringtone that autoplay rules kept silent.
 * @csspart timer - The connected time.
 * @csspart mute-button - Mutes and unmutes the microphone.
 * @csspart input-select - Picks the microphone.
 * @csspart output-select - Picks the speaker, where the browser supports it.
 * @csspart quality - The quality bars.
 * @csspart quality-bar - One of the five quality bars; lit bars have `data-on`.
 * @csspart hangup-button - Ends the call.
 * @csspart summary - What the call came to, after it ended.
 * @csspart summary-quality - The last and average quality level in the summary.
 * @csspart settlement-error - In the summary: the chain refused the transaction that was to settle the call.
 * @csspart close-button - Closes the summary.
 *
 * @cssproperty --stardust-call-hangup-color - Background of the hang-up and reject buttons (default the danger colour).
 * @cssproperty --stardust-call-accept-color - Background of the accept button (default the success colour).
 */
export class StardustCall extends StardustElement {
  static override styles: CSSResultGroup = [baseStyles, callStyles];

  /** SS58 address of the account to call. */
  @property() peer?: string;

  /** Name shown for the other party; a shortened address when absent. */
  @property({ attribute: 'peer-name' }) peerName?: string;

  /** Rings for incoming calls of the page's wallet account. */
  @property({ type: Boolean, reflect: true }) incoming = false;

  /** HD audio: Opus up to 64 kbit/s instead of 32 kbit/s. */
  @property({ type: Boolean }) hd = false;

  /** `relay` sends the media only through TURN (the servers the signaling server hands out). */
  @property({ attribute: 'ice-transport-policy' }) iceTransportPolicy: RTCIceTransportPolicy =
    'all';

  @state() private _session: CallSession | null = null;
  @state() private _context: CallStateContext | null = null;
  @state() private _summary: CallSummary | null = null;
  @state() private _settlement: Settlement | null = null;
  /** The refusal of the transaction that was to settle the shown call. */
  @state() private _settlementError: StardustError | null = null;
  /** Why the call button could not place a call: no configuration or no wallet account. */
  @state() private _setupProblem: 'config' | 'account' | null = null;
  /** True while the shared client has no wallet account, so the idle status requests one. */
  @state() private _accountMissing = false;
  /**
   * True while the signaling session is authenticated, so that calls to this account ring
   * here. An incoming element shows "Waiting for calls" only then.
   */
  @state() private _reachable = false;
  @state() private _costs: CallCosts | null = null;
  @state() private _quality: CallQualitySample | null = null;
  @state() private _muted = false;
  @state() private _inputs: MediaDeviceInfo[] = [];
  @state() private _outputs: MediaDeviceInfo[] = [];
  @state() private _ringtoneBlocked = false;
  @state() private _placing = false;
  /** Bumped every second while connected, so the timer renders. */
  @state() private _tick = 0;

  #offClient: Array<() => void> = [];
  /** The chain recorder whose outcomes this element reports, and its unsubscribe. */
  #recorder: { recorder: CallChainRecorder; off: () => void } | null = null;
  #offSession: Array<() => void> = [];
  #attachGeneration = 0;
  /**
   * Calls this element showed whose `stardust-call-settled` (or settlement error) is still
   * due. A call stays here after the element moved on to another call, so its settlement
   * is still reported.
   */
  readonly #dueSettlements = new Set<CallSession>();
  #ticker: ReturnType<typeof setInterval> | null = null;
  readonly #ringtone = new Ringtone();

  /** The call this element shows, or null. */
  get session(): CallSession | null {
    return this._session;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTicker();
    this.#ringtone.stop();
  }

  /**
   * Calls {@link peer}.
   * @throws nothing: failures are dispatched as `stardust-error`.
   */
  async call(): Promise<void> {
    if (this._placing || (this._session !== null && this._session.state !== 'ended')) return;

    try {
      const client = this.#requireCallingClient();
      const peer = this.peer;

      if (peer === undefined || peer === '') {
        throw new StardustError(
          'INVALID_ARGUMENT',
          '<stardust-call>: set the peer attribute to the SS58 address to call.',
        );
      }

      this._placing = true;
      this._summary = null;
      this._settlement = null;
      this._settlementError = null;

      const manager = await client.loadCalls();
      // The session appears before its invite is sent, so the ringing state shows at once.
      const off = manager.once('session', ({ session }) => this.#track(session));

      try {
        await manager.call(peer, {
          hd: this.hd,
          media: { iceTransportPolicy: this.iceTransportPolicy },
        });
      } finally {
        off();
      }
    } catch (error) {
      this.dispatchError(StardustError.from(error, 'INTERNAL_ERROR', 'Placing the call failed.'));
    } finally {
      this._placing = false;
    }
  }

  /**
   * Returns the client when it has a wallet account to call from. Otherwise shows why in the
   * status region and throws CONFIG_INVALID (no configuration) or INVALID_STATE (no account).
   */
  #requireCallingClient(): StardustClient {
    let client: StardustClient;

    try {
      client = this.stardust.requireClient();
    } catch (error) {
      this.#showSetupProblem('config');

      throw error;
    }

    if (client.account === undefined) {
      this.#showSetupProblem('account');

      throw new StardustError(
        'INVALID_STATE',
        '<stardust-call>: no wallet account to call from; call client.useWallet() with the account first.',
      );
    }

    this._setupProblem = null;

    return client;
  }

  /**
   * Shows `problem` in the status region. The same problem again is cleared for one frame
   * first, so that screen readers announce the repeated click too.
   */
  #showSetupProblem(problem: 'config' | 'account'): void {
    if (this._setupProblem !== problem) {
      this._setupProblem = problem;

      return;
    }

    this._setupProblem = null;
    void this.updateComplete.then(() => {
      this._setupProblem = problem;
    });
  }

  protected override clientChanged(client: StardustClient | undefined): void {
    for (const off of this.#offClient.splice(0)) off();

    this.#followRecorder(null);

    this._accountMissing = client !== undefined && client.account === undefined;

    if (client === undefined) return;

    if (this._setupProblem === 'config') this._setupProblem = null;

    this.#offClient.push(
      client.onWalletChange(() => {
        this._setupProblem = null;
        this._accountMissing = client.account === undefined;
        this.#attach(client);
      }),
    );

    if (client.account !== undefined) this.#attach(client);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);

    if ((changed.has('incoming') || changed.has('peer')) && this.stardust.client !== undefined) {
      const client = this.stardust.client;

      if (client.account !== undefined) this.#attach(client);
    }
  }

  /** Subscribes to the account's calls: incoming invites and the chain recorder. */
  #attach(client: StardustClient): void {
    const generation = ++this.#attachGeneration;

    for (const off of this.#offClient.splice(1)) off();

    if (this.peer !== undefined && this.peer !== '') void this.#loadCosts(client);

    client.loadCalls().then(
      (manager) => {
        if (generation === this.#attachGeneration) this.#listen(client, manager);
      },
      (error: unknown) =>
        this.dispatchError(
          StardustError.from(error, 'INTERNAL_ERROR', 'Loading the call layer failed.'),
        ),
    );
  }

  #listen(client: StardustClient, manager: CallManager): void {
    if (this.incoming) {
      this.#offClient.push(
        manager.on('incoming', ({ session }) => {
          if (this._session === null || this._session.state === 'ended') this.#track(session);
        }),
      );
      this._reachable = client.signaling.state === 'connected';
      this.#offClient.push(
        client.signaling.on('stateChange', ({ state }) => {
          this._reachable = state === 'connected';
        }),
      );
      manager
        .listen()
        .catch((error: unknown) =>
          this.dispatchError(
            StardustError.from(error, 'SIGNAL_UNREACHABLE', 'Listening for calls failed.'),
          ),
        );
    }

    this.#followRecorder(client.callRecorder);
  }

  /**
   * Reports the outcomes of `recorder` from now on. The subscription outlives `#attach`
   * (a new `peer`), so no outcome is missed while the element re-subscribes.
   */
  #followRecorder(recorder: CallChainRecorder | null): void {
    if (this.#recorder?.recorder === recorder) return;

    this.#recorder?.off();
    this.#recorder =
      recorder === null
        ? null
        : { recorder, off: recorder.on('outcome', (outcome) => this.#onOutcome(outcome)) };
  }

  /** Reads the fee and balance again when the element shows a peer and has an account. */
  #refreshCosts(): void {
    const client = this.stardust.client;

    if (client?.account !== undefined && this.peer !== undefined && this.peer !== '') {
      void this.#loadCosts(client);
    }
  }

  async #loadCosts(client: StardustClient): Promise<void> {
    try {
      const [constants, balance] = await Promise.all([
        client.chain.voiceCall.constants(),
        client.chain.balances.account(client.account!),
      ]);

      this._costs = { feePerMinute: constants.callFeePerMinute, balance };
    } catch (error) {
      this.dispatchError(
        StardustError.from(error, 'CHAIN_UNREACHABLE', 'Reading the call fee and balance failed.'),
      );
    }
  }

  #track(session: CallSession): void {
    for (const off of this.#offSession.splice(0)) off();

    this._session = session;
    this._context = null;
    this._summary = null;
    this._settlement = null;
    this._settlementError = null;
    this._quality = null;
    this.#dueSettlements.add(session);
    this._muted = false;
    this.#offSession.push(
      session.on('stateChange', (context) => this.#onState(session, context)),
      session.on('quality', (sample) => {
        this._quality = sample;
        this.dispatchEvent(new StardustCallQualityEvent(session.callId, sample));
      }),
      session.on('error', ({ error }) => this.dispatchError(error)),
    );

    if (session.state === 'ringing' && session.currentDirection === 'incoming') {
      void this.#startRingtone();
    }
  }

  #onState(session: CallSession, context: CallStateContext): void {
    this._context = context;
    this.dispatchEvent(new StardustCallStateEvent(context));

    if (context.state === 'ringing' && context.direction === 'incoming') void this.#startRingtone();
    else this.#stopRingtone();

    if (context.state === 'connecting') void this.#loadDevices();

    if (context.state === 'connected') this.#startTicker();

    if (context.state !== 'ended') return;

    this.#stopTicker();
    this._summary = session.summary;

    const client = this.stardust.client;

    // Without a chain recorder no settlement follows.
    if (client?.callRecorder == null) this.#dueSettlements.delete(session);

    this.dispatchEvent(
      new StardustCallEndedEvent({
        callId: context.callId,
        chainCallId: context.chainCallId,
        reason: context.reason!,
        rejectReason: context.rejectReason,
        durationMs: session.durationMs,
        // The recorder reports the settlement only after this event, in its outcome.
        duration: null,
        fee: null,
        quality: session.summary?.quality ?? null,
        averageQualityLevel: session.summary?.averageQualityLevel ?? null,
      }),
    );

    if (context.error !== null && !OUTCOME_CODES.has(context.error.code)) {
      this.dispatchError(context.error);
    }

    if (client !== undefined && this.peer !== undefined) void this.#loadCosts(client);
  }

  /**
   * Reports the chain outcome of a call this element showed, once, whether or not it still
   * shows that call: `stardust-call-settled` once its `CallEnded` is in a block, or
   * `stardust-error` with the code of the refused settlement transaction.
   */
  #onOutcome({ session, record, status, error }: CallChainOutcome): void {
    if (!this.#dueSettlements.delete(session)) return;

    const current = session === this._session;

    // The fee and the settlement's transaction fees leave the balance only now, in a block.
    if (status === 'failed' || status === 'settled') this.#refreshCosts();

    if (status === 'failed' && error !== null) {
      if (current) this._settlementError = error;

      this.dispatchError(error);

      return;
    }

    if (status !== 'settled' || record.ended === null) return;

    const settlement: Settlement = {
      duration: record.ended.duration,
      fee: record.ended.fee,
      reward: record.reward,
    };

    if (current) this._settlement = settlement;

    this.dispatchEvent(
      new StardustCallSettledEvent({
        callId: session.callId,
        chainCallId: record.ended.callId,
        ...settlement,
      }),
    );
  }

  async #loadDevices(): Promise<void> {
    if (typeof navigator === 'undefined' || navigator.mediaDevices === undefined) return;

    const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);

    this._inputs = devices.filter((device) => device.kind === 'audioinput');
    this._outputs =
      'setSinkId' in HTMLMediaElement.prototype
        ? devices.filter((device) => device.kind === 'audiooutput')
        : [];
  }

  async #startRingtone(): Promise<void> {
    const playing = await this.#ringtone.start();

    this._ringtoneBlocked = !playing && this.#ringtone.ringing;
  }

  #stopRingtone(): void {
    this.#ringtone.stop();
    this._ringtoneBlocked = false;
  }

  #startTicker(): void {
    this.#stopTicker();
    this.#ticker = setInterval(() => {
      this._tick += 1;
    }, 1000);
  }

  #stopTicker(): void {
    if (this.#ticker !== null) clearInterval(this.#ticker);

    this.#ticker = null;
  }

  #peerLabel(): string {
    const address = this._session?.peer ?? this.peer ?? '';

    if (this.peerName !== undefined && this.peerName !== '') return this.peerName;

    return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
  }

  #statusText(): string {
    const name = this.#peerLabel();
    const session = this._session;

    if (this._setupProblem === 'config') {
      return msg('Calls are not set up on this page: the configuration is missing or invalid.');
    }

    if (this._setupProblem === 'account') {
      return msg('Connect a wallet account to place calls.');
    }

    if (this._placing && session === null) return msg(str`Calling ${name}…`);

    if (session === null && this._accountMissing) {
      return this.incoming && !this.peer
        ? msg('Connect a wallet account to receive calls.')
        : msg('Connect a wallet account to place calls.');
    }

    if (session === null && this.incoming && !this.peer) {
      // Until the signaling session is authenticated, a call to this account finds it offline.
      return this._reachable ? msg('Waiting for calls') : msg('Connecting to receive calls…');
    }

    if (session === null) return msg('Ready to call');

    switch (session.state) {
      case 'idle':
      case 'ringing':
        return session.currentDirection === 'incoming'
          ? msg(str`${name} is calling`)
          : msg(str`Calling ${name}…`);
      case 'connecting':
        return msg('Connecting…');
      case 'connected':
        return msg(str`In a call with ${name}`);
      default:
        return this.#endText(this._summary);
    }
  }

  #endText(summary: CallSummary | null): string {
    if (summary === null) return msg('Call ended');

    if (summary.answeredElsewhere) return msg('Answered on another device');

    switch (summary.reason) {
      case 'rejected':
        if (summary.rejectReason === 'busy') return msg('Busy');

        if (summary.rejectReason === 'offline') return msg('Not online');

        if (summary.rejectReason === 'timeout') return msg('No answer');

        return msg('Call declined');
      case 'cancelled':
        return summary.direction === 'incoming' ? msg('Missed call') : msg('Call cancelled');
      case 'timeout':
        return summary.direction === 'incoming' ? msg('Missed call') : msg('No answer');
      case 'network_error':
        return msg('Call lost: network problem');
      case 'tampered':
        return msg('Call ended: the connection was tampered with');
      default:
        return msg('Call ended');
    }
  }

  protected override render(): TemplateResult {
    const status = this.#statusText();

    // The setup problem is shown inside the live region, so screen readers announce it.
    return html`<div part="base" lang=${this.resolvedLocale}>
      <p part="status" role="status" aria-live="polite">
        ${
          this._setupProblem === null
            ? status
            : html`<span part="error" class="error">${status}</span>`
        }
      </p>
      ${this.#renderBody()}
    </div>`;
  }

  #renderBody(): TemplateResult | typeof nothing {
    const session = this._session;

    if (session === null || session.state === 'ended') {
      return html`${this._summary === null ? nothing : this.#renderSummary(this._summary)}
      ${this.peer ? this.#renderIdle() : nothing}`;
    }

    if (session.state === 'ringing' || session.state === 'idle') {
      return session.currentDirection === 'incoming'
        ? this.#renderIncoming(session)
        : html`<div class="row">
            <span part="peer">${this.#peerLabel()}</span>
            <button part="cancel-button" class="danger" @click=${() => void session.hangup()}>
              ${msg('Cancel')}
            </button>
          </div>`;
    }

    return this.#renderInCall(session);
  }

  #renderIdle(): TemplateResult {
    const costs = this._costs;

    return html`<div class="row">
        <button
          part="call-button"
          class="accent"
          ?disabled=${this._placing}
          @click=${() => void this.call()}
        >
          ${msg(str`Call ${this.#peerLabel()}`)}
        </button>
      </div>
      ${
        costs === null
          ? nothing
          : html`<p part="costs" class="muted">
              ${msg(
                str`Fee ${formatDust(costs.feePerMinute)} DUST per started minute · Balance ${formatDust(costs.balance.free)} DUST`,
              )}
            </p>`
      }`;
  }

  #renderIncoming(session: CallSession): TemplateResult {
    return html`<div class="row">
      <span part="peer">${this.#peerLabel()}</span>
      <button
        part="accept-button"
        class="accept"
        @click=${() =>
          void session
            .accept({ iceTransportPolicy: this.iceTransportPolicy })
            .catch((error: unknown) =>
              this.dispatchError(StardustError.from(error, 'INTERNAL_ERROR', 'Accepting failed.')),
            )}
      >
        ${msg('Accept')}
      </button>
      <button part="reject-button" class="danger" @click=${() => void session.reject('decline')}>
        ${msg('Reject')}
      </button>
      ${
        this._ringtoneBlocked
          ? html`<button
              part="ringtone-button"
              @click=${async () => {
                this._ringtoneBlocked = !(await this.#ringtone.resume());
              }}
            >
              ${msg('Play ringtone')}
            </button>`
          : nothing
      }
    </div>`;
  }

  #renderInCall(session: CallSession): TemplateResult {
    const connected = session.state === 'connected';
    const level = this._quality?.level ?? 0;

    void this._tick;

    return html`<div class="row">
        <span part="peer">${this.#peerLabel()}</span>
        <span part="timer" role="timer" aria-label=${msg('Call time')}
          >${formatDuration(session.durationMs)}</span
        >
        <span
          part="quality"
          role="img"
          aria-label=${connected ? msg(str`Call quality ${level} of 5`) : msg('Call quality unknown')}
        >
          ${[1, 2, 3, 4, 5].map(
            (bar) => html`<span part="quality-bar" ?data-on=${connected && bar <= level}></span>`,
          )}
        </span>
      </div>
      <div class="row">
        <button
          part="mute-button"
          aria-pressed=${this._muted ? 'true' : 'false'}
          @click=${() => {
            this._muted = !this._muted;
            session.setMuted(this._muted);
          }}
        >
          ${this._muted ? msg('Unmute') : msg('Mute')}
        </button>
        <button part="hangup-button" class="danger" @click=${() => void session.hangup()}>
          ${msg('Hang up')}
        </button>
      </div>
      ${this.#renderDevices(session)}`;
  }

  #renderDevices(session: CallSession): TemplateResult | typeof nothing {
    if (this._inputs.length === 0 && this._outputs.length === 0) return nothing;

    const select = (
      part: string,
      label: string,
      devices: MediaDeviceInfo[],
      apply: (id: string) => Promise<unknown>,
    ) =>
      devices.length === 0
        ? nothing
        : html`<label
            >${label}
            <select
              part=${part}
              @change=${(event: Event) =>
                void apply((event.target as HTMLSelectElement).value).catch((error: unknown) =>
                  this.dispatchError(
                    StardustError.from(error, 'MEDIA_DEVICE_FAILED', 'Switching device failed.'),
                  ),
                )}
            >
              ${devices.map(
                (device, index) =>
                  html`<option value=${device.deviceId}>
                    ${device.label || msg(str`Device ${index + 1}`)}
                  </option>`,
              )}
            </select></label
          >`;

    return html`<div class="row devices">
      ${select('input-select', msg('Microphone'), this._inputs, (id) => session.setInputDevice(id))}
      ${select('output-select', msg('Speaker'), this._outputs, (id) => session.setOutputDevice(id))}
    </div>`;
  }

  #renderSummary(summary: CallSummary): TemplateResult {
    const settlement = this._settlement;
    const connected = summary.durationMs > 0;

    return html`<div part="summary">
      <p>${this.#endText(summary)} · ${formatDuration(summary.durationMs)}</p>
      ${
        summary.quality !== null && summary.averageQualityLevel !== null
          ? html`<p part="summary-quality">
              ${msg(
                str`Quality: last ${summary.quality.level} of 5 · average ${summary.averageQualityLevel.toFixed(1)} of 5`,
              )}
            </p>`
          : nothing
      }
      ${
        this._settlementError !== null
          ? html`<p part="settlement-error" class="error">
              ${msg('The chain did not settle this call.')}
            </p>`
          : nothing
      }
      ${
        settlement !== null
          ? html`<p>
              ${msg(
                str`On chain, counted in blocks: ${formatDuration(settlement.duration * 1000)} · fee ${formatDust(settlement.fee)} DUST · mining reward ${formatDust(settlement.reward)} DUST`,
              )}
            </p>`
          : connected &&
              this._settlementError === null &&
              summary.chainCallId !== null &&
              this.stardust.client?.callRecorder
            ? html`<p class="muted">${msg('Waiting for the chain record…')}</p>`
            : nothing
      }
      <button
        part="close-button"
        @click=${() => {
          this._summary = null;
          this._session = null;
        }}
      >
        ${msg('Close')}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'stardust-call': StardustCall;
  }
}
