import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import type { ClientMessages } from '../../src/client/client-messages.js';
import type { StardustClient } from '../../src/client/stardust-client.js';
import { finiteDurationMs, formatDuration } from '../../src/message/duration.js';
import {
  PLAYBACK_RATES,
  VoicePlayer,
  type PlaybackRate,
  type PlayerOptions,
  type PlayerState,
} from '../../src/message/player.js';
import { StardustError } from '../../src/shared/errors.js';
import { msg, str } from '../shared/localize.js';
import { StardustElement } from '../shared/stardust-element.js';
import { baseStyles } from '../shared/styles.js';
import { useVoiceStrings } from './voice-strings.js';
import { voiceErrorText } from './voice-error-text.js';
import { PLACEHOLDER_BARS, renderBars, waveformStyles } from './waveform-bars.js';
import { voiceMessageStyles } from './voice-message.styles.js';

/** Where the message stands before and around playback. */
type Status = 'waiting' | 'loading' | 'ready' | 'unavailable' | 'burned' | 'failed';

/** Metadata known before the envelope is opened, such as a public message's chain metadata. */
export interface VoiceMessageMetadata {
  durationMs?: number;
  /** Peaks 0–255, one per bar. */
  waveform?: ArrayLike<number>;
}

/** How far one arrow key moves the playback position, in milliseconds. */
const SEEK_STEP_MS = 1000;

/**
 * Plays one received (or sent) voice message: by its chain `message-id`, or by `cid` with
 * the sender in `from`.
 *
 * It downloads the envelope (verified against its CID), decrypts it on this device and
 * shows the waveform and duration. A public message is plain audio, so nothing is
 * decrypted. Its waveform comes from the chain with `message-id`; with `cid` alone it
 * comes from a notice this client received, or placeholder bars show. The play button
 * plays it, the speed button switches between 1×, 1.5× and 2×, and clicking the waveform (or the arrow keys on it) seeks. A
 * burn-after-reading message is destroyed on this device after one complete playback and
 * then shows as burned. A message no gateway could deliver shows as unavailable, with a
 * retry button; where the browser blocks playback, the button offers "tap to play".
 *
 * @tagname stardust-voice-message
 * @summary Shows and plays one voice message.
 *
 * @event stardust-error - A failure: no configuration or wallet, `MESSAGE_UNAVAILABLE`, `DECRYPT_FAILED` (tampered, or not sealed for this device), `PLAYBACK_FAILED`. `detail` is `{ code, message }`.
 *
 * @csspart base - The element's box.
 * @csspart play-button - Plays and pauses; shows "tap to play" when the browser blocked playback.
 * @csspart waveform - The waveform; click it to seek.
 * @csspart bar - One bar of the waveform; bars already played have `data-played`.
 * @csspart duration - The position and duration.
 * @csspart speed-button - Switches the speed between 1×, 1.5× and 2×.
 * @csspart burn-badge - Shown for burn-after-reading messages.
 * @csspart status - The live region that announces the message's state.
 * @csspart retry-button - Downloads an unavailable message again.
 * @csspart error - An error message.
 *
 * @cssproperty --stardust-voice-bar-color - Colour of waveform bars (default the muted text colour).
 * @cssproperty --stardust-voice-bar-played-color - Colour of played waveform bars (default the accent colour).
 */
export class StardustVoiceMessage extends StardustElement {
  static override styles: CSSResultGroup = [baseStyles, waveformStyles, voiceMessageStyles];

  constructor() {
    super();
    useVoiceStrings();
  }

  /** Chain message id (decimal) of a voice message in `chat.Messages`. */
  @property({ attribute: 'message-id' }) messageId?: string;

  /** CID of the envelope (or of the audio of a public message), instead of `message-id`. */
  @property() cid?: string;

  /**
   * SS58 address of the sender; the envelope must name it, and a public message needs it.
   * Read from the chain with `message-id`.
   */
  @property() from?: string;

  /** Marks the message as burn-after-reading before it is opened. */
  @property({ type: Boolean, reflect: true }) burn = false;

  /** Duration and waveform to show before the envelope is opened. */
  @property({ attribute: false }) metadata?: VoiceMessageMetadata;

  /** Options of the player (for tests: a fake audio element or a forced WebAudio path). */
  @property({ attribute: false }) playerOptions?: PlayerOptions;

  @state() private _status: Status = 'waiting';
  @state() private _playerState: PlayerState = 'idle';
  @state() private _durationMs = 0;
  @state() private _positionMs = 0;
  @state() private _waveform: Uint8Array | null = null;
  @state() private _burn = false;
  @state() private _rate: PlaybackRate = 1;
  @state() private _error: StardustError | null = null;

  #player: VoicePlayer | null = null;
  #messages: ClientMessages | null = null;
  #resolved: { cid: string; from: string | undefined } | null = null;
  #stops: Array<() => void> = [];
  #generation = 0;
  #loadedOnce = false;

  /** The player state: idle, loading, playing, paused, ended, blocked or failed. */
  get playerState(): PlayerState {
    return this._playerState;
  }

  /** The message state: waiting, loading, ready, unavailable, burned or failed. */
  get status(): Status {
    return this._status;
  }

  /** Duration in milliseconds; 0 until known, never NaN. */
  get durationMs(): number {
    return this._durationMs;
  }

  /** Playback position in milliseconds. */
  get positionMs(): number {
    return this._positionMs;
  }

  /** Plays or pauses, as the play button does. Call it from a user gesture. */
  toggle(): void {
    this.#toggle();
  }

  /** Moves playback to `ms`. */
  seek(ms: number): void {
    this.#player?.seek(ms);
  }

  /** Downloads and opens the message again, after it was unavailable. */
  reload(): void {
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#detach();
    this.#player?.dispose();
    this.#player = null;
  }

  protected override clientChanged(): void {
    // The first update loads; later client changes load again.
    if (this.hasUpdated) void this.#load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);

    if (changed.has('burn')) this._burn = this.burn || this._burn;

    const metadata = this.metadata;

    if (changed.has('metadata') && metadata !== undefined) {
      this._durationMs ||= finiteDurationMs(metadata.durationMs);
      this._waveform ??=
        metadata.waveform === undefined ? null : Uint8Array.from(metadata.waveform);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const first = !this.#loadedOnce;
    const source = changed.has('messageId') || changed.has('cid') || changed.has('from');

    this.#loadedOnce = true;

    // After this update, so the state #load sets schedules a new one instead of this.
    if (first || source) queueMicrotask(() => void this.#load());
  }

  protected override render(): TemplateResult {
    const playing = this._playerState === 'playing';
    const blocked = this._playerState === 'blocked';
    const gone = this._status === 'burned' || this._status === 'failed';
    const bars = this._waveform ?? PLACEHOLDER_BARS;
    const played = this._durationMs > 0 ? this._positionMs / this._durationMs : 0;

    return html`<div
      part="base"
      lang=${this.resolvedLocale}
      data-status=${this._status}
      data-player=${this._playerState}
    >
      <div class="row">
        <button
          part="play-button"
          type="button"
          ?disabled=${gone || this._status === 'waiting'}
          @click=${this.#toggle}
        >
          ${blocked ? msg('Tap to play') : playing ? msg('Pause') : msg('Play')}
        </button>
        <div
          part="waveform"
          role="slider"
          tabindex=${gone ? -1 : 0}
          aria-label=${msg('Playback position')}
          aria-valuemin="0"
          aria-valuemax=${Math.round(this._durationMs / 1000)}
          aria-valuenow=${Math.round(this._positionMs / 1000)}
          aria-valuetext=${msg(
            str`${formatDuration(this._positionMs)} of ${formatDuration(this._durationMs)}`,
          )}
          aria-disabled=${gone ? 'true' : 'false'}
          @click=${this.#onWaveformClick}
          @keydown=${this.#onWaveformKey}
        >
          ${renderBars(gone ? PLACEHOLDER_BARS : bars, played)}
        </div>
        <button
          part="speed-button"
          type="button"
          aria-label=${msg(str`Playback speed ${this._rate}×`)}
          ?disabled=${gone}
          @click=${this.#nextRate}
        >
          ${this._rate}×
        </button>
      </div>
      <div class="row meta">
        <span part="duration">
          ${formatDuration(this._positionMs)} / ${formatDuration(this._durationMs)}
        </span>
        ${this._burn ? html`<span part="burn-badge">${msg('Burns after reading')}</span>` : nothing}
        <p part="status" role="status">${this.#statusText()}</p>
      </div>
      ${
        this._status === 'unavailable'
          ? html`<button part="retry-button" type="button" @click=${() => void this.#load()}>
              ${msg('Retry')}
            </button>`
          : nothing
      }
      ${
        this._error !== null && this._status !== 'burned'
          ? html`<p part="error" role="alert">
              ${voiceErrorText(this._error.code)} <code>${this._error.code}</code>
            </p>`
          : nothing
      }
    </div>`;
  }

  #statusText(): string {
    switch (this._status) {
      case 'waiting':
        return msg('Waiting for the account');
      case 'loading':
        return msg('Loading the voice message…');
      case 'unavailable':
        return msg('Voice message unavailable');
      case 'burned':
        return msg('Burned after reading');
      case 'failed':
        return msg('Voice message cannot be opened');
      default:
        break;
    }

    switch (this._playerState) {
      case 'loading':
        return msg('Loading the voice message…');
      case 'playing':
        return msg('Playing');
      case 'paused':
        return msg('Paused');
      case 'ended':
        return msg('Played');
      case 'blocked':
        return msg('Playback blocked: tap to play');
      default:
        return msg(str`Voice message, ${formatDuration(this._durationMs)}`);
    }
  }

  // Loading.

  async #load(): Promise<void> {
    const generation = ++this.#generation;
    const client = this.stardust.client;

    this.#detach();
    this.#resolved = null;

    if (client === undefined || (this.messageId === undefined && this.cid === undefined)) {
      this._status = 'waiting';

      return;
    }

    this.#stops.push(client.onWalletChange(() => void this.#load()));

    if (client.account === undefined) {
      this._status = 'waiting';

      return;
    }

    this._status = 'loading';
    this._error = null;

    try {
      const messages = this.#attach(client);
      const source = await this.#source(messages);

      if (generation !== this.#generation) return;

      this.#resolved = source;

      const summary = await messages.summary(source.cid, { from: source.from });

      if (generation !== this.#generation) return;

      this._durationMs = finiteDurationMs(summary.durationMs);
      // A public message opened by CID alone has no waveform: show the placeholder bars.
      this._waveform = summary.waveform.length > 0 ? summary.waveform : this._waveform;
      this._burn = this._burn || summary.burn;
      this._status = 'ready';
    } catch (error) {
      if (generation !== this.#generation) return;

      this.#failed(StardustError.from(error, 'MESSAGE_UNAVAILABLE', 'Opening the message failed.'));
    }
  }

  async #source(messages: ClientMessages): Promise<{ cid: string; from: string | undefined }> {
    if (this.messageId === undefined) return { cid: this.cid!, from: this.from };

    let id: bigint;

    try {
      id = BigInt(this.messageId);
    } catch (error) {
      throw new StardustError(
        'INVALID_ARGUMENT',
        `<stardust-voice-message>: message-id must be a decimal chat message id, got ${JSON.stringify(this.messageId)}.`,
        { cause: error },
      );
    }

    const message = await messages.message(id);

    if (message === null) {
      throw new StardustError(
        'MESSAGE_UNAVAILABLE',
        `Chat message ${this.messageId} is not a voice message on this chain.`,
      );
    }

    this._burn = this._burn || message.burn;

    return { cid: message.cid, from: message.from };
  }

  #attach(client: StardustClient): ClientMessages {
    const messages = client.messages;

    this.#messages = messages;
    this.#stops.push(
      messages.on('burned', ({ cid }) => {
        if (cid === this.#resolved?.cid) this.#showBurned();
      }),
    );

    return messages;
  }

  #detach(): void {
    for (const stop of this.#stops.splice(0)) stop();

    this.#messages = null;
  }

  #failed(error: StardustError): void {
    this._error = error;

    if (error.code === 'MESSAGE_BURNED') {
      this.#showBurned();

      return;
    }

    this._status = error.code === 'MESSAGE_UNAVAILABLE' ? 'unavailable' : 'failed';
    this.dispatchError(error);
  }

  #showBurned(): void {
    this._waveform?.fill(0);
    this._waveform = null;
    this._positionMs = 0;
    this._status = 'burned';
    this._burn = true;
  }

  // Playback.

  #toggle(): void {
    const player = this.#ensurePlayer();

    if (player.state === 'playing') {
      player.pause();

      return;
    }

    // Loaded audio (paused, ended, blocked): play it again within this gesture.
    if (player.path !== null) {
      void player.play();

      return;
    }

    let messages: ClientMessages;

    try {
      messages = this.#messages ?? this.stardust.requireClient().messages;
    } catch (error) {
      this.dispatchError(StardustError.from(error, 'INVALID_STATE', 'No voice messages yet.'));

      return;
    }

    const cid = this.#resolved?.cid ?? this.cid;

    if (cid === undefined) return;

    // Synchronous up to player.play(), which unlocks audio before anything is awaited.
    void messages.play(player, cid, { from: this.#resolved?.from ?? this.from });
  }

  #ensurePlayer(): VoicePlayer {
    if (this.#player !== null) return this.#player;

    const player = new VoicePlayer(this.playerOptions);

    player.setRate(this._rate);
    player.on('stateChange', ({ state, error }) => {
      this._playerState = state;

      if (state === 'failed' && error !== undefined) this.#failed(error);

      if (state === 'playing' && this._status !== 'ready') this._status = 'ready';
    });
    player.on('timeUpdate', ({ positionMs, durationMs }) => {
      this._positionMs = positionMs;

      if (durationMs > 0) this._durationMs = durationMs;
    });
    this.#player = player;

    return player;
  }

  #nextRate(): void {
    const index = PLAYBACK_RATES.indexOf(this._rate);

    this._rate = PLAYBACK_RATES[(index + 1) % PLAYBACK_RATES.length]!;
    this.#player?.setRate(this._rate);
  }

  #onWaveformClick(event: MouseEvent): void {
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();

    if (rect.width <= 0) return;

    this.#seekTo(((event.clientX - rect.left) / rect.width) * this._durationMs);
  }

  #onWaveformKey(event: KeyboardEvent): void {
    const steps: Record<string, number> = {
      ArrowRight: SEEK_STEP_MS,
      ArrowUp: SEEK_STEP_MS,
      ArrowLeft: -SEEK_STEP_MS,
      ArrowDown: -SEEK_STEP_MS,
    };

    if (event.key === 'Home') this.#seekTo(0);
    else if (event.key === 'End') this.#seekTo(this._durationMs);
    else if (steps[event.key] !== undefined) this.#seekTo(this._positionMs + steps[event.key]!);
    else return;

    event.preventDefault();
  }

  #seekTo(ms: number): void {
    const player = this.#player;

    if (player === null || player.path === null) return;

    player.seek(ms);
    this._positionMs = player.positionMs;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'stardust-voice-message': StardustVoiceMessage;
  }
}
