import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import type { StardustClient } from '../../src/client/stardust-client.js';
import { formatDuration } from '../../src/message/duration.js';
import { VoicePlayer, type PlayerOptions, type PlayerState } from '../../src/message/player.js';
import { VoiceRecorder, type Recording, type RecorderOptions } from '../../src/message/recorder.js';
import { StardustError, type ErrorCode } from '../../src/shared/errors.js';
import { isValidAddress } from '../../src/shared/ss58.js';
import { msg, str } from '../shared/localize.js';
import { StardustElement } from '../shared/stardust-element.js';
import { baseStyles } from '../shared/styles.js';
import { useVoiceStrings } from '../voice-message/voice-strings.js';
import { voiceErrorText } from '../voice-message/voice-error-text.js';
import { PLACEHOLDER_BARS, renderBars, waveformStyles } from '../voice-message/waveform-bars.js';
import { StardustVoiceRecordedEvent } from './voice-recorder-events.js';
import { voiceRecorderStyles } from './voice-recorder.styles.js';
import { RecorderOutbox, type OutboxView } from './recorder-outbox.js';

/** What the element shows: the recorder's steps, then the review of a kept recording. */
type Phase = 'idle' | 'requesting' | 'recording' | 'stopping' | 'preview' | 'sending';

/** How far (px) the pointer may slide off the record button before the recording is cancelled. */
const SLIDE_CANCEL_PX = 48;

/**
 * Records a voice message and sends it to `to` through IPFS and the chain: end-to-end
 * encrypted, or unencrypted with the `public` attribute.
 *
 * Press and hold the record button (pointer, or the Space key while it has focus) to
 * record; release to review. Sliding the pointer away from the button or pressing Escape
 * cancels. The hands-free button (or Enter on the record button) records without holding,
 * until Stop. While recording, a timer, a progress bar towards `max-duration`, a level
 * meter and the live waveform are shown. The review offers play, delete and send; sending
 * shows upload and transaction progress, then the outbox state: pending (retrying),
 * failed (with a retry button) or sent. Items still in the outbox for `to` after a reload
 * are shown again and resumed.
 *
 * @tagname stardust-voice-recorder
 * @summary Records, reviews and sends a voice message.
 *
 * @event stardust-voice-recorded - A recording was kept for review. `detail` is `{ duration, durationMs, size, recording }` (`duration` in seconds).
 * @event stardust-voice-sent - The message is on chain. `detail` is `{ cid, duration, blockHash, to, burn, public }` (`duration` in seconds).
 * @event stardust-error - A failure: no configuration or wallet, a microphone or encoder error, a recording too short (`RECORDING_TOO_SHORT`, also shown as a hint), a refused send, a failed upload. `detail` is `{ code, message }`.
 *
 * @csspart base - The element's box.
 * @csspart record-button - Press and hold to record; Enter records hands-free.
 * @csspart lock-button - Records without holding, until Stop.
 * @csspart stop-button - Stops a recording for review.
 * @csspart cancel-button - Discards the recording under way.
 * @csspart timer - The elapsed time of a recording, and its maximum.
 * @csspart progress - The progress bar towards the maximum duration.
 * @csspart level - The live input level meter.
 * @csspart waveform - The live or recorded waveform.
 * @csspart bar - One bar of the waveform; bars already played have `data-played`.
 * @csspart preview - The review of a kept recording.
 * @csspart play-button - Plays or pauses the review.
 * @csspart duration - The duration of the kept recording.
 * @csspart delete-button - Discards the kept recording.
 * @csspart send-button - Sends the kept recording.
 * @csspart burn-badge - Shown when the message will burn after reading.
 * @csspart outbox - The sending progress and outbox state of the last message.
 * @csspart upload-progress - The upload progress bar.
 * @csspart retry-button - Tries a pending or failed message again now.
 * @csspart status - The live region that announces each step.
 * @csspart hint - A hint, such as holding longer.
 * @csspart error - An error message.
 *
 * @cssproperty --stardust-voice-recording-color - Colour of the record button while recording and of the level meter (default the danger colour).
 * @cssproperty --stardust-voice-bar-color - Colour of waveform bars (default the muted text colour).
 * @cssproperty --stardust-voice-bar-played-color - Colour of played waveform bars (default the accent colour).
 */
export class StardustVoiceRecorder extends StardustElement {
  static override styles: CSSResultGroup = [baseStyles, waveformStyles, voiceRecorderStyles];

  constructor() {
    super();
    useVoiceStrings();
  }

  /** SS58 address of the recipient. */
  @property() to?: string;

  /** Longest recording in seconds; recording stops there and the message is kept. 60 by default. */
  @property({ attribute: 'max-duration', type: Number }) maxDuration = 60;

  /** Burn after reading: only the recipient's devices can open it, once each. */
  @property({ type: Boolean, reflect: true }) burn = false;

  /**
   * Sends the message public: the plain audio goes to IPFS and its duration and waveform on
   * chain, so anyone can play it. Cannot be combined with `burn` (PUBLIC_BURN_UNSUPPORTED).
   */
  @property({ type: Boolean, reflect: true }) public = false;

  /** Records hands-free by default: the record button starts and stops on click. */
  @property({ type: Boolean, reflect: true }) lock = false;

  /** Extra recorder options (bit rate, encoder URL, microphone API for tests). */
  @property({ attribute: false }) recorderOptions?: RecorderOptions;

  /** Options of the review player. */
  @property({ attribute: false }) playerOptions?: PlayerOptions;

  @state() private _phase: Phase = 'idle';
  @state() private _locked = false;
  @state() private _elapsedMs = 0;
  @state() private _level = 0;
  @state() private _bars: Uint8Array = PLACEHOLDER_BARS;
  @state() private _recording: Recording | null = null;
  @state() private _previewState: PlayerState = 'idle';
  @state() private _previewPositionMs = 0;
  @state() private _outbox: OutboxView | null = null;
  @state() private _error: StardustError | null = null;
  @state() private _hint: ErrorCode | null = null;

  #recorder: VoiceRecorder | null = null;
  #collecting = false;
  #stopWhenRecording = false;
  #holding: 'pointer' | 'key' | null = null;
  #preview: VoicePlayer | null = null;
  readonly #tracker = new RecorderOutbox({
    onChange: (view) => (this._outbox = view),
    onSent: (event) => this.dispatchEvent(event),
    onError: (error) => this.dispatchError(error),
  });

  /** The recording kept for review, or null. */
  get recording(): Recording | null {
    return this._recording;
  }

  /** The current step: idle, requesting, recording, stopping, preview or sending. */
  get phase(): Phase {
    return this._phase;
  }

  /** Milliseconds recorded so far, while recording. */
  get elapsedMs(): number {
    return this._elapsedMs;
  }

  /** Starts recording hands-free, as the hands-free button does. Call it from a user gesture. */
  start(): void {
    this.#start(true);
  }

  /** Stops the recording under way and keeps it for review. */
  stop(): void {
    this.#stop();
  }

  /** Discards the recording under way or the kept one. */
  cancel(): void {
    this.#cancel();
    this.#discard();
  }

  /** Sends the kept recording to `to`. Resolves once it is in the outbox. */
  send(): Promise<void> {
    return this.#send();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancel();
    this.#preview?.dispose();
    this.#preview = null;
  }

  protected override clientChanged(client: StardustClient | undefined): void {
    this.#tracker.follow(client, this.to);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);

    if (changed.has('to')) this.#tracker.follow(this.stardust.client, this.to);
  }

  protected override render(): TemplateResult {
    return html`<div
      part="base"
      lang=${this.resolvedLocale}
      data-phase=${this._phase}
      @keydown=${this.#onHostKeyDown}
    >
      ${
        this._phase === 'preview' || this._phase === 'sending'
          ? this.#renderPreview()
          : this.#renderRecorder()
      }
      ${this.#renderOutbox()}
      <p part="status" role="status">${this.#statusText()}</p>
      ${this._hint === null ? nothing : html`<p part="hint">${voiceErrorText(this._hint)}</p>`}
      ${
        this._error === null
          ? nothing
          : html`<p part="error" role="alert">
              ${voiceErrorText(this._error.code)} <code>${this._error.code}</code>
            </p>`
      }
    </div>`;
  }

  #renderRecorder(): TemplateResult {
    const active = this._phase === 'recording' || this._phase === 'requesting';
    const maxMs = this.#maxDurationMs();

    return html`<div class="row">
        <button
          part="record-button"
          type="button"
          aria-pressed=${active ? 'true' : 'false'}
          aria-describedby="record-help"
          ?disabled=${this._phase === 'stopping'}
          @pointerdown=${this.#onPointerDown}
          @pointermove=${this.#onPointerMove}
          @pointerup=${this.#onPointerUp}
          @pointercancel=${this.#onPointerCancel}
          @keydown=${this.#onRecordKeyDown}
          @keyup=${this.#onRecordKeyUp}
          @click=${this.#onRecordClick}
          @contextmenu=${(event: Event) => event.preventDefault()}
        >
          ${this.#recordLabel(active)}
        </button>
        ${
          active
            ? html`<button part="stop-button" type="button" @click=${this.#stop}>
                  ${msg('Stop')}
                </button>
                <button part="cancel-button" type="button" @click=${this.#cancel}>
                  ${msg('Cancel')}
                </button>`
            : html`<button
                part="lock-button"
                type="button"
                ?disabled=${this._phase !== 'idle'}
                @click=${() => this.#start(true)}
              >
                ${msg('Hands-free')}
              </button>`
        }
        ${this.burn ? this.#renderBurnBadge() : nothing}
      </div>
      <span id="record-help" class="visually-hidden">
        ${msg('Hold to record, release to review. Escape cancels. Enter records hands-free.')}
      </span>
      ${
        active
          ? html`<div class="row">
                <span part="timer" role="timer">
                  ${formatDuration(this._elapsedMs)} / ${formatDuration(maxMs)}
                </span>
                <progress
                  part="progress"
                  max=${maxMs}
                  .value=${Math.min(this._elapsedMs, maxMs)}
                  aria-label=${msg('Recording time')}
                ></progress>
                <span
                  part="level"
                  aria-hidden="true"
                  style="--level: ${Math.min(1, Math.sqrt(this._level) * 2).toFixed(2)}"
                ></span>
              </div>
              <div part="waveform" aria-hidden="true">${renderBars(this._bars)}</div>`
          : nothing
      }`;
  }

  #renderPreview(): TemplateResult {
    const recording = this._recording;
    const durationMs = recording?.durationMs ?? 0;
    const playing = this._previewState === 'playing';
    const sending = this._phase === 'sending';

    return html`<div part="preview" class="row">
      <button
        part="play-button"
        type="button"
        ?disabled=${recording === null}
        @click=${this.#togglePreview}
      >
        ${playing ? msg('Pause') : msg('Play')}
      </button>
      <div part="waveform" aria-hidden="true">
        ${renderBars(recording?.waveform ?? PLACEHOLDER_BARS, ratio(this._previewPositionMs, durationMs))}
      </div>
      <span part="duration">${formatDuration(durationMs)}</span>
      ${this.burn ? this.#renderBurnBadge() : nothing}
      <button part="delete-button" type="button" ?disabled=${sending} @click=${this.#discard}>
        ${msg('Delete')}
      </button>
      <button part="send-button" type="button" ?disabled=${sending} @click=${this.#send}>
        ${msg('Send')}
      </button>
    </div>`;
  }

  #renderBurnBadge(): TemplateResult {
    return html`<span part="burn-badge">${msg('Burns after reading')}</span>`;
  }

  #renderOutbox(): TemplateResult | typeof nothing {
    const view = this._outbox;

    if (view === null) return nothing;

    const retryable =
      view.state === 'failed' || (view.state === 'pending' && view.lastError !== null);

    return html`<div part="outbox" class="row" data-state=${view.state}>
      <span class="outbox-state">${this.#outboxText(view)}</span>
      ${
        view.upload !== null && view.state === 'pending' && !view.uploaded
          ? html`<progress
              part="upload-progress"
              max=${view.upload.total}
              .value=${view.upload.loaded}
              aria-label=${msg('Upload')}
            ></progress>`
          : nothing
      }
      ${
        retryable
          ? html`<button part="retry-button" type="button" @click=${() => this.#tracker.retry()}>
              ${msg('Retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  #recordLabel(active: boolean): string {
    if (this._phase === 'requesting') return msg('Starting…');

    if (active && this._locked) return msg('Recording');

    if (active) return msg('Release to review');

    return this.lock ? msg('Record') : msg('Hold to record');
  }

  #outboxText(view: OutboxView): string {
    if (view.state === 'sent') return msg('Sent');

    if (view.state === 'failed') return msg(str`Not sent (${view.lastError ?? ''})`);

    if (view.lastError !== null) return msg(str`Waiting to retry (${view.lastError})`);

    if (!view.uploaded) return msg('Uploading…');

    switch (view.txStage) {
      case 'signing':
        return msg('Waiting for the signature…');
      case 'ready':
        return msg('Submitted to the chain…');
      default:
        return msg('Sending on chain…');
    }
  }

  #statusText(): string {
    switch (this._phase) {
      case 'requesting':
        return msg('Starting the microphone…');
      case 'recording':
        return msg('Recording');
      case 'stopping':
        return msg('Finishing the recording…');
      case 'preview':
        return msg('Recording ready to review');
      case 'sending':
        return msg('Sending');
      default:
        return '';
    }
  }

  #maxDurationMs(): number {
    const seconds = Number(this.maxDuration);

    return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 60_000;
  }

  // Input: pointer hold, Space hold, Enter and the hands-free button, Escape.

  #onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 || this.lock) return;

    event.preventDefault();
    (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
    this.#holding = 'pointer';
    this.#start(false);
  }

  #onPointerMove(event: PointerEvent): void {
    if (this.#holding !== 'pointer') return;

    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const away =
      event.clientX < rect.left - SLIDE_CANCEL_PX ||
      event.clientX > rect.right + SLIDE_CANCEL_PX ||
      event.clientY < rect.top - SLIDE_CANCEL_PX ||
      event.clientY > rect.bottom + SLIDE_CANCEL_PX;

    if (away) this.#cancel();
  }

  #onPointerUp(): void {
    if (this.#holding !== 'pointer') return;

    this.#holding = null;
    this.#stop();
  }

  #onPointerCancel(): void {
    if (this.#holding === 'pointer') this.#cancel();
  }

  #onRecordKeyDown(event: KeyboardEvent): void {
    if (event.key !== ' ') return;

    // Space holds: no click on release, no page scroll.
    event.preventDefault();

    if (event.repeat || this.#holding !== null || this.lock) return;

    this.#holding = 'key';
    this.#start(false);
  }

  #onRecordKeyUp(event: KeyboardEvent): void {
    if (event.key !== ' ') return;

    event.preventDefault();

    if (this.lock) {
      this.#toggleLocked();

      return;
    }

    if (this.#holding !== 'key') return;

    this.#holding = null;
    this.#stop();
  }

  #onRecordClick(event: MouseEvent): void {
    // Pointer holds are handled by the pointer events; a click here is Enter or the lock mode.
    if (event.detail === 0 || this.lock) this.#toggleLocked();
  }

  #toggleLocked(): void {
    if (this._phase === 'idle') this.#start(true);
    else if (this._phase === 'recording' || this._phase === 'requesting') this.#stop();
  }

  #onHostKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;

    if (this._phase === 'recording' || this._phase === 'requesting') {
      event.preventDefault();
      this.#cancel();
    }
  }

  // Recording.

  #start(locked: boolean): void {
    if (this._phase !== 'idle') return;

    let recorder: VoiceRecorder;

    try {
      recorder = new VoiceRecorder({
        maxDurationMs: this.#maxDurationMs(),
        ...this.recorderOptions,
      });
    } catch (error) {
      this.#holding = null;
      this.#report(
        StardustError.from(error, 'ENCODER_CONFIG_INVALID', 'Invalid recorder options.'),
      );

      return;
    }

    this.#recorder = recorder;
    this.#stopWhenRecording = false;
    this._locked = locked;
    this._error = null;
    this._hint = null;
    this._elapsedMs = 0;
    this._level = 0;
    this._bars = PLACEHOLDER_BARS;
    this._phase = 'requesting';
    recorder.on('level', ({ rms, elapsedMs }) => {
      this._level = rms;
      this._elapsedMs = elapsedMs;
    });
    recorder.on('waveform', ({ bars }) => (this._bars = bars));
    recorder.on('stateChange', ({ state }) => {
      if (this.#recorder !== recorder) return;

      if (state === 'recording') {
        this._phase = 'recording';

        if (this.#stopWhenRecording) this.#stop();
      } else if (state === 'stopping') {
        // Also reached at the maximum duration, without a stop() from here. The recorder
        // emits this before its stop() can return the result, so collect it a tick later.
        queueMicrotask(() => this.#collect(recorder));
      }
    });

    // start() creates and resumes its AudioContext before it awaits: still in the gesture.
    recorder.start().catch((error: unknown) => {
      if (this.#recorder !== recorder) return;

      this.#reset();
      this.#report(StardustError.from(error, 'RECORDING_FAILED', 'Recording failed to start.'));
    });
  }

  #stop(): void {
    const recorder = this.#recorder;

    if (recorder === null) return;

    if (recorder.state === 'requesting') {
      this.#stopWhenRecording = true;

      return;
    }

    if (recorder.state === 'recording') this.#collect(recorder);
  }

  #collect(recorder: VoiceRecorder): void {
    // stop() emits `stopping` synchronously, which calls this again: mark first.
    if (this.#collecting) return;

    this.#collecting = true;
    this._phase = 'stopping';
    void recorder
      .stop()
      .then((recording) => {
        if (this.#recorder !== recorder) return;

        this.#reset();
        this._recording = recording;
        this._previewPositionMs = 0;
        this._phase = 'preview';
        this.dispatchEvent(new StardustVoiceRecordedEvent(recording));
      })
      .catch((error: unknown) => {
        if (this.#recorder !== recorder) return;

        this.#reset();
        this.#report(StardustError.from(error, 'RECORDING_FAILED', 'Recording failed.'));
      });
  }

  #cancel(): void {
    this.#holding = null;

    if (this.#recorder === null) return;

    this.#reset();
    this._hint = null;
  }

  /** Drops the recorder and returns to idle. */
  #reset(): void {
    const recorder = this.#recorder;

    this.#recorder = null;
    this.#collecting = false;
    this.#holding = null;
    this._locked = false;
    this._phase = 'idle';
    recorder?.dispose();
  }

  // Review and send.

  #togglePreview(): void {
    const recording = this._recording;

    if (recording === null) return;

    const player = this.#previewPlayer();

    if (player.state === 'playing') {
      player.pause();

      return;
    }

    // play() unlocks audio synchronously, inside this click.
    void player.play(async () => recording);
  }

  #previewPlayer(): VoicePlayer {
    if (this.#preview !== null) return this.#preview;

    const player = new VoicePlayer(this.playerOptions);

    player.on('stateChange', ({ state, error }) => {
      this._previewState = state;

      if (state === 'failed' && error !== undefined) this.#report(error);
    });
    player.on('timeUpdate', ({ positionMs }) => (this._previewPositionMs = positionMs));
    this.#preview = player;

    return player;
  }

  #discard(): void {
    if (this._phase === 'sending') return;

    this.#preview?.unload();
    this._recording = null;
    this._previewPositionMs = 0;
    this._phase = this.#recorder === null ? 'idle' : this._phase;
  }

  async #send(): Promise<void> {
    const recording = this._recording;

    if (recording === null || this._phase !== 'preview') return;

    this._error = null;

    try {
      const client = this.stardust.requireClient();
      const to = this.to ?? '';

      if (!isValidAddress(to)) {
        throw new StardustError(
          'ADDRESS_INVALID',
          `<stardust-voice-recorder>: the to attribute must be an SS58 address, got ${JSON.stringify(to)}.`,
        );
      }

      this.#preview?.pause();
      this._phase = 'sending';
      await this.#tracker.send(client, { to, recording, burn: this.burn, public: this.public });
      this.#preview?.unload();
      this._recording = null;
      this._phase = 'idle';
    } catch (error) {
      // Nothing was queued: the recording stays for another try.
      this._phase = 'preview';
      this.#report(
        StardustError.from(error, 'INTERNAL_ERROR', 'Sending the voice message failed.'),
      );
    }
  }

  #report(error: StardustError): void {
    if (error.code === 'RECORDING_TOO_SHORT') {
      this._hint = error.code;
      this._error = null;
    } else {
      this._error = error;
    }

    this.dispatchError(error);
  }
}

function ratio(position: number, total: number): number {
  return total > 0 && Number.isFinite(position) ? position / total : 0;
}

declare global {
  interface HTMLElementTagNameMap {
    'stardust-voice-recorder': StardustVoiceRecorder;
  }
}
