/**
 * Plays one voice message. Where `<audio>` accepts Ogg Opus it plays through an audio
 * element; otherwise it decodes with opus-recorder's WASM decoder worker and plays through
 * WebAudio.
 *
 * Browsers allow playback only from a user gesture, and a gesture does not survive an
 * `await` of IndexedDB or IPFS. So `play(load)` first unlocks the element (a silent
 * `play()`) or resumes the AudioContext synchronously, then loads. A refusal
 * (`NotAllowedError`, or a context that stays suspended) becomes the `blocked` state with
 * PLAYBACK_BLOCKED: the UI shows "tap to play" and the next tap calls `play()` again.
 *
 * State machine: idle → loading → playing ⇄ paused → ended; blocked and failed from loading
 * or playing. `ended` fires once per complete playback.
 */
import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { StardustError } from '../shared/errors.js';
import { finiteDurationMs } from './duration.js';
import { Emitter } from './emitter.js';
import { isOgg } from './ogg.js';
import { decodeOggOpus } from './opus-decoder.js';

/** States of a {@link VoicePlayer}. */
export type PlayerState =
  'idle' | 'loading' | 'playing' | 'paused' | 'ended' | 'blocked' | 'failed';

/** Playback speeds the player offers. */
export const PLAYBACK_RATES = [1, 1.5, 2] as const;

/** One of {@link PLAYBACK_RATES}. */
export type PlaybackRate = (typeof PLAYBACK_RATES)[number];

/** Audio to play, as a loader returns it. */
export interface PlayableAudio {
  bytes: Uint8Array;
  mimeType: string;
  /** Duration from the stream; the element's own duration is not trusted (WebM has none). */
  durationMs: number;
}

/** Events of {@link VoicePlayer}. */
export interface PlayerEvents extends Record<string, unknown> {
  stateChange: { state: PlayerState; previous: PlayerState; error?: StardustError };
  /** About four times a second while playing, and after a seek. */
  timeUpdate: { positionMs: number; durationMs: number };
  /** A playback reached the end. Fires once per playback. */
  ended: { durationMs: number };
}

/** Options of {@link VoicePlayer}. */
export interface PlayerOptions {
  /** `auto` (default) picks `element` when `canPlayType` accepts the audio, else `webaudio`. */
  mode?: 'auto' | 'element' | 'webaudio';
  /** Injectable to force a path in tests; calls `canPlayType` of a new `<audio>` element by default. */
  canPlayType?: (mimeType: string) => string;
  /** Injectable for tests; `document.createElement('audio')` by default. */
  createAudioElement?: () => HTMLAudioElement;
  /** Injectable for tests; the global `AudioContext` by default. */
  AudioContext?: typeof AudioContext;
  logger?: Logger;
}

/** A silent, valid WAV file: playing it unlocks an audio element inside a gesture. */
const SILENT_WAV =
  'data:audio/wav;base64,UklGRigAAABXQVZFZm10IBAAAAABAAEAgLsAAAB3AQACABAAZGF0YQQAAAAAAAAA';

/** Plays voice messages, one at a time. */
export class VoicePlayer extends Emitter<PlayerEvents> {
  readonly #options: PlayerOptions;
  readonly #logger: Logger;
  #state: PlayerState = 'idle';
  #error: StardustError | null = null;
  #rate: PlaybackRate = 1;
  #audio: PlayableAudio | null = null;
  #path: 'element' | 'webaudio' | null = null;
  #element: HTMLAudioElement | null = null;
  #objectUrl: string | null = null;
  #context: AudioContext | null = null;
  #buffer: AudioBuffer | null = null;
  #source: AudioBufferSourceNode | null = null;
  /** WebAudio position bookkeeping: offset (ms) at `#startedAt` (context seconds). */
  #offsetMs = 0;
  #startedAt = 0;
  #ticker: ReturnType<typeof setInterval> | null = null;
  #endedFired = false;
  #loading: Promise<void> | null = null;

  constructor(options: PlayerOptions = {}) {
    super();
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
  }

  get state(): PlayerState {
    return this.#state;
  }

  /** The error of the `failed` or `blocked` state. */
  get error(): StardustError | null {
    return this.#error;
  }

  get rate(): PlaybackRate {
    return this.#rate;
  }

  /** Duration of the loaded audio in milliseconds; 0 before loading, never NaN. */
  get durationMs(): number {
    return finiteDurationMs(this.#audio?.durationMs);
  }

  /** Current position in milliseconds; never NaN. */
  get positionMs(): number {
    if (this.#path === 'element' && this.#element !== null) {
      return Math.min(this.durationMs, finiteDurationMs(this.#element.currentTime * 1000));
    }

    if (this.#path === 'webaudio' && this.#source !== null && this.#context !== null) {
      const played = (this.#context.currentTime - this.#startedAt) * 1000 * this.#rate;

      return Math.min(this.durationMs, this.#offsetMs + played);
    }

    return Math.min(this.durationMs, this.#offsetMs);
  }

  /** The path in use once loaded: `element` or `webaudio`. */
  get path(): 'element' | 'webaudio' | null {
    return this.#path;
  }

  /**
   * Plays, loading the audio first with `load` when nothing is loaded. Call it directly
   * from the user's gesture: the gesture-bound step happens before `load` is awaited.
   * Resolves with the resulting state and never rejects: failures end in `failed` (with the
   * loader's error, such as MESSAGE_UNAVAILABLE, DECRYPT_FAILED or MESSAGE_BURNED) or in
   * `blocked` (PLAYBACK_BLOCKED).
   */
  async play(load?: () => Promise<PlayableAudio>): Promise<PlayerState> {
    if (this.#audio === null && load === undefined) {
      this.#fail(new StardustError('INVALID_STATE', 'Nothing to play: pass a loader to play().'));

      return this.#state;
    }

    this.#unlock();

    if (this.#audio === null) {
      this.#transition('loading');

      try {
        this.#loading ??= this.#load(load!);
        await this.#loading;
      } catch (error) {
        this.#loading = null;
        this.#fail(
          StardustError.from(error, 'PLAYBACK_FAILED', 'The voice message could not be loaded.'),
        );

        return this.#state;
      }
    }

    return this.#start();
  }

  /** Pauses playback. */
  pause(): void {
    if (this.#state !== 'playing') return;

    if (this.#path === 'element') {
      this.#element!.pause();
    } else {
      this.#offsetMs = this.positionMs;
      this.#stopSource();
    }

    this.#stopTicker();
    this.#transition('paused');
  }

  /** Moves to `ms` (clamped to the audio); keeps playing when playing. */
  seek(ms: number): void {
    if (this.#audio === null || !Number.isFinite(ms)) return;

    const target = Math.min(Math.max(0, ms), this.durationMs);

    if (this.#path === 'element') {
      this.#element!.currentTime = target / 1000;
    } else {
      const playing = this.#state === 'playing';

      this.#stopSource();
      this.#offsetMs = target;

      if (playing) this.#startSource();
    }

    this.emit('timeUpdate', { positionMs: target, durationMs: this.durationMs });
  }

  /**
   * Sets the speed: 1, 1.5 or 2. The element keeps the pitch; WebAudio playback changes
   * pitch with speed, because AudioBufferSourceNode has no pitch correction.
   */
  setRate(rate: PlaybackRate): void {
    if (!(PLAYBACK_RATES as readonly number[]).includes(rate)) {
      throw new RangeError(`playback rate must be 1, 1.5 or 2, got ${rate}`);
    }

    if (this.#path === 'webaudio' && this.#state === 'playing') {
      this.#offsetMs = this.positionMs;
      this.#startedAt = this.#context!.currentTime;
      this.#source!.playbackRate.value = rate;
    }

    this.#rate = rate;

    if (this.#element !== null) this.#element.playbackRate = rate;
  }

  /**
   * Drops the loaded audio: revokes the object URL, zero-fills the bytes and the decoded
   * samples, and returns to idle. Burn-after-reading calls this after the one playback.
   */
  unload(): void {
    this.#stopTicker();
    this.#stopSource();

    if (this.#element !== null) {
      this.#element.pause();
      this.#element.removeAttribute('src');
      this.#element.load();
    }

    if (this.#objectUrl !== null) URL.revokeObjectURL(this.#objectUrl);

    this.#objectUrl = null;
    this.#audio?.bytes.fill(0);
    this.#audio = null;

    if (this.#buffer !== null) {
      for (let channel = 0; channel < this.#buffer.numberOfChannels; channel += 1) {
        this.#buffer.getChannelData(channel).fill(0);
      }
    }

    this.#buffer = null;
    this.#loading = null;
    this.#offsetMs = 0;
    this.#endedFired = false;
    this.#path = null;
    this.#error = null;

    if (this.#state !== 'idle') this.#transition('idle');
  }

  /** Unloads and releases the audio element and context. */
  dispose(): void {
    this.unload();
    void this.#context?.close().catch(() => {});
    this.#context = null;
    this.#element = null;
    this.removeAllListeners();
  }

  /** The gesture-bound step: must run before the first `await` of `play()`. */
  #unlock(): void {
    if (this.#wantsWebAudio()) {
      const Context = this.#options.AudioContext ?? globalThis.AudioContext;

      this.#context ??= new Context();
      this.#context.resume().catch(() => {});

      return;
    }

    const element = this.#ensureElement();

    if (this.#audio === null) {
      element.src = SILENT_WAV;
      // A refusal shows again on the real play(); the new source interrupts this one.
      element.play().catch(() => {});
    }
  }

  #wantsWebAudio(): boolean {
    const mode = this.#options.mode ?? 'auto';

    if (mode !== 'auto') return mode === 'webaudio';

    const mimeType = this.#audio?.mimeType ?? 'audio/ogg; codecs=opus';

    return this.#canPlay(mimeType) === '';
  }

  #canPlay(mimeType: string): string {
    if (this.#options.canPlayType !== undefined) return this.#options.canPlayType(mimeType);

    return this.#ensureElement().canPlayType(mimeType);
  }

  async #load(load: () => Promise<PlayableAudio>): Promise<void> {
    const audio = await load();

    this.#audio = audio;
    this.#endedFired = false;
    this.#offsetMs = 0;

    if (this.#wantsWebAudio()) {
      const Context = this.#options.AudioContext ?? globalThis.AudioContext;

      this.#context ??= new Context();
      this.#buffer = isOgg(audio.bytes)
        ? await this.#decodeOgg(this.#context, audio.bytes)
        : await decodeOther(this.#context, audio.bytes);
      this.#path = 'webaudio';

      return;
    }

    const element = this.#ensureElement();

    this.#objectUrl = URL.createObjectURL(
      new Blob([audio.bytes as Uint8Array<ArrayBuffer>], { type: audio.mimeType }),
    );
    element.src = this.#objectUrl;
    element.playbackRate = this.#rate;
    this.#path = 'element';
  }

  /** Decodes Ogg Opus with the WASM decoder into an AudioBuffer, zero-filling the copies. */
  async #decodeOgg(context: AudioContext, bytes: Uint8Array): Promise<AudioBuffer> {
    const decoded = await decodeOggOpus(bytes, { sampleRate: context.sampleRate });
    const length = Math.max(1, decoded.channels[0]?.length ?? 0);
    const buffer = context.createBuffer(decoded.channels.length, length, decoded.sampleRate);

    decoded.channels.forEach((samples, channel) => {
      buffer.copyToChannel(samples as Float32Array<ArrayBuffer>, channel);
      samples.fill(0);
    });

    return buffer;
  }

  async #start(): Promise<PlayerState> {
    if (this.#state === 'ended') {
      this.#endedFired = false;
      this.seek(0);
    }

    if (this.#path === 'webaudio') {
      const context = this.#context!;

      if (context.state !== 'running') await context.resume().catch(() => {});

      if (context.state !== 'running') return this.#block(new Error('AudioContext is suspended'));

      this.#startSource();
      this.#transition('playing');
      this.#startTicker();

      return this.#state;
    }

    const element = this.#element!;

    element.playbackRate = this.#rate;

    try {
      await element.play();
    } catch (error) {
      if ((error as DOMException).name === 'NotAllowedError') return this.#block(error);

      this.#fail(
        new StardustError('PLAYBACK_FAILED', 'The browser could not play the voice message.', {
          cause: error,
        }),
      );

      return this.#state;
    }

    this.#transition('playing');
    this.#startTicker();

    return this.#state;
  }

  #ensureElement(): HTMLAudioElement {
    if (this.#element !== null) return this.#element;

    const element = this.#options.createAudioElement?.() ?? document.createElement('audio');

    element.preload = 'auto';
    element.addEventListener('ended', () => this.#reachedEnd());
    element.addEventListener('error', () => {
      // Errors of the silent unlock clip or after unload are not the message's.
      if (this.#objectUrl === null || element.src !== this.#objectUrl) return;

      this.#fail(
        new StardustError('PLAYBACK_FAILED', 'The browser could not decode the voice message.'),
      );
    });
    this.#element = element;

    return element;
  }

  #startSource(): void {
    const context = this.#context!;
    const source = context.createBufferSource();

    source.buffer = this.#buffer;
    source.playbackRate.value = this.#rate;
    source.connect(context.destination);
    source.onended = () => {
      if (this.#source !== source) return;

      this.#source = null;
      this.#reachedEnd();
    };

    this.#source = source;
    this.#startedAt = context.currentTime;
    source.start(0, this.#offsetMs / 1000);
  }

  #stopSource(): void {
    const source = this.#source;

    if (source === null) return;

    this.#source = null;
    source.onended = null;

    try {
      source.stop();
    } catch {
      // Already stopped.
    }

    source.disconnect();
  }

  #reachedEnd(): void {
    if (this.#endedFired || this.#audio === null) return;

    this.#endedFired = true;
    this.#offsetMs = this.durationMs;
    this.#stopTicker();
    this.emit('timeUpdate', { positionMs: this.durationMs, durationMs: this.durationMs });
    this.#transition('ended');
    this.emit('ended', { durationMs: this.durationMs });
  }

  #startTicker(): void {
    this.#stopTicker();
    this.#ticker = setInterval(
      () => this.emit('timeUpdate', { positionMs: this.positionMs, durationMs: this.durationMs }),
      250,
    );
  }

  #stopTicker(): void {
    if (this.#ticker !== null) clearInterval(this.#ticker);

    this.#ticker = null;
  }

  #block(cause: unknown): PlayerState {
    this.#error = new StardustError(
      'PLAYBACK_BLOCKED',
      'The browser blocked playback; tap play again.',
      {
        cause,
      },
    );
    this.#logger.info('playback blocked until the next user gesture', {});
    this.#transition('blocked', { error: this.#error });

    return this.#state;
  }

  #fail(error: StardustError): void {
    this.#error = error;
    this.#stopTicker();
    this.#logger.warn('voice message playback failed', { code: error.code });
    this.#transition('failed', { error });
  }

  #transition(state: PlayerState, extra: { error?: StardustError } = {}): void {
    const previous = this.#state;

    if (previous === state && extra.error === undefined) return;

    this.#state = state;
    this.emit('stateChange', { state, previous, ...extra });
  }
}

/** Decodes audio other than Ogg Opus (WebM/Opus from MediaRecorder) with the browser's decoder. */
async function decodeOther(context: AudioContext, bytes: Uint8Array): Promise<AudioBuffer> {
  try {
    return await context.decodeAudioData(bytes.slice().buffer);
  } catch (error) {
    throw new StardustError('PLAYBACK_FAILED', 'The browser could not decode the audio.', {
      cause: error,
    });
  }
}
