/**
 * Records a voice message from the microphone as Ogg Opus with opus-recorder 8.0.5's WASM
 * encoder running as an AudioWorklet: 48 kHz, mono, 24 kbit/s and the VoIP application by
 * default. The microphone is requested with echo cancellation, noise suppression and
 * automatic gain control on.
 *
 * The state machine: idle → requesting → recording → stopping → recorded, or → failed with
 * a typed error; `cancel()` returns to idle. Every transition emits `stateChange`.
 */
import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { StardustError } from '../shared/errors.js';
import { encoderBlobUrlFrom } from './encoder-url.js';
import { Emitter } from './emitter.js';
import {
  OPUS_APPLICATIONS,
  resolveEncoderOptions,
  type EncoderOptions,
  type ResolvedEncoderOptions,
} from './encoder-options.js';
import { ENCODER_PROCESSOR, encoderWorkletUrl } from './load-encoder.js';
import { inspectOggOpus } from './ogg.js';
import { measure, WaveformBuilder } from './waveform.js';

/** MIME type of what the recorder produces. */
export const OGG_OPUS_MIME = 'audio/ogg; codecs=opus';

/** States of a {@link VoiceRecorder}. */
export type RecorderState =
  'idle' | 'requesting' | 'recording' | 'stopping' | 'recorded' | 'failed';

/** The cause of a stop: `stop()`, the maximum duration, or the microphone track ending. */
export type StopReason = 'stopped' | 'max-duration' | 'track-ended';

/** A finished recording. */
export interface Recording {
  bytes: Uint8Array;
  mimeType: typeof OGG_OPUS_MIME;
  /** Duration from the Ogg stream: last granule position minus pre-skip, at 48 kHz. */
  durationMs: number;
  /** Peaks, one byte (0–255) per bar. */
  waveform: Uint8Array;
  /** When recording started, milliseconds since the Unix epoch. */
  recordedAt: number;
  reason: StopReason;
}

/** Events of {@link VoiceRecorder}. */
export interface RecorderEvents extends Record<string, unknown> {
  stateChange: {
    state: RecorderState;
    previous: RecorderState;
    reason?: StopReason | 'cancelled';
    error?: StardustError;
  };
  /** About 20 times a second while recording. */
  level: { rms: number; peak: number; elapsedMs: number; maxDurationMs: number };
  /** The live waveform, rebuilt as peaks arrive. */
  waveform: { bars: Uint8Array };
}

/** Options of {@link VoiceRecorder}. */
export interface RecorderOptions extends EncoderOptions {
  /**
   * URL of opus-recorder's `encoderWorker.min.js` to load instead of the bundled encoder
   * chunk, for pages that host it themselves.
   */
  encoderUrl?: string | URL;
  /** Injectable for tests; `navigator.mediaDevices` by default. */
  mediaDevices?: Pick<MediaDevices, 'getUserMedia'>;
  /** Injectable for tests; the global `AudioContext` by default. */
  AudioContext?: typeof AudioContext;
  /** How long `start()` waits for the AudioContext to resume; 5 s by default. */
  resumeTimeoutMs?: number;
  logger?: Logger;
}

/** How often level and waveform are measured while recording, in milliseconds. */
const METER_INTERVAL_MS = 50;

interface Session {
  context: AudioContext;
  stream: MediaStream | null;
  source: MediaStreamAudioSourceNode | null;
  encoder: AudioWorkletNode | null;
  analyser: AnalyserNode | null;
  pages: Uint8Array[];
  waveform: WaveformBuilder;
  startTime: number;
  recordedAt: number;
  meter: ReturnType<typeof setInterval> | null;
  limit: ReturnType<typeof setTimeout> | null;
  cancelled: boolean;
}

/** Records one voice message at a time. */
export class VoiceRecorder extends Emitter<RecorderEvents> {
  readonly #options: ResolvedEncoderOptions;
  readonly #encoderUrl: string | URL | undefined;
  readonly #mediaDevices: Pick<MediaDevices, 'getUserMedia'> | undefined;
  readonly #AudioContext: typeof AudioContext | undefined;
  readonly #resumeTimeoutMs: number;
  readonly #logger: Logger;
  #state: RecorderState = 'idle';
  #session: Session | null = null;
  #finishing: Promise<Recording> | null = null;
  #disposed = false;

  /**
   * @throws StardustError ENCODER_CONFIG_INVALID when an encoder option is invalid; nothing
   *   has started then.
   */
  constructor(options: RecorderOptions = {}) {
    super();
    this.#options = resolveEncoderOptions(options);
    this.#encoderUrl = options.encoderUrl;
    this.#mediaDevices = options.mediaDevices ?? globalThis.navigator?.mediaDevices;
    this.#AudioContext = options.AudioContext ?? globalThis.AudioContext;
    this.#resumeTimeoutMs = options.resumeTimeoutMs ?? 5000;
    this.#logger = options.logger ?? silentLogger;
  }

  /** The current state. */
  get state(): RecorderState {
    return this.#state;
  }

  /** The validated options in force. */
  get options(): Readonly<ResolvedEncoderOptions> {
    return this.#options;
  }

  /** Fetches the encoder ahead of time, so that `start()` has less to wait for. */
  async prepare(): Promise<void> {
    await this.#encoderBlobUrl();
  }

  /**
   * Starts recording. Call it from a user gesture (click, key press): the AudioContext is
   * created and resumed synchronously before anything is awaited, as browsers require.
   * @throws StardustError MIC_PERMISSION_DENIED, MIC_NOT_FOUND, MIC_UNAVAILABLE,
   *   ENCODER_LOAD_FAILED, RECORDING_FAILED, or INVALID_STATE while a recording is running.
   */
  async start(): Promise<void> {
    if (this.#disposed) throw new StardustError('DISPOSED', 'This recorder was disposed.');

    if (this.#state === 'requesting' || this.#state === 'recording' || this.#state === 'stopping') {
      throw new StardustError('INVALID_STATE', `Cannot start recording while ${this.#state}.`);
    }

    if (this.#AudioContext === undefined || this.#mediaDevices === undefined) {
      throw this.#fail(
        new StardustError('MIC_NOT_FOUND', 'This browser has no microphone API (getUserMedia).'),
      );
    }

    // Synchronous part, still inside the user's gesture.
    const context = new this.#AudioContext();
    const resumed = context.resume();
    const session: Session = {
      context,
      stream: null,
      source: null,
      encoder: null,
      analyser: null,
      pages: [],
      waveform: new WaveformBuilder(),
      startTime: 0,
      recordedAt: Date.now(),
      meter: null,
      limit: null,
      cancelled: false,
    };

    this.#session = session;
    this.#finishing = null;
    this.#transition('requesting');

    try {
      await this.#open(session, resumed);
    } catch (error) {
      await this.#teardown(session);

      if (session.cancelled) return;

      throw this.#fail(StardustError.from(error, 'RECORDING_FAILED', 'Recording failed to start.'));
    }

    if (session.cancelled) {
      await this.#teardown(session);

      return;
    }

    this.#begin(session);
  }

  /**
   * Stops recording and returns the recording. After an automatic stop at the maximum
   * duration it returns that recording.
   * @throws StardustError RECORDING_TOO_SHORT, EMPTY_RECORDING or RECORDING_FAILED; the
   *   recording is discarded then.
   */
  stop(): Promise<Recording> {
    if (this.#finishing !== null) return this.#finishing;

    const session = this.#session;

    if (session === null || this.#state !== 'recording') {
      return Promise.reject(
        new StardustError('INVALID_STATE', `Cannot stop: the recorder is ${this.#state}.`),
      );
    }

    this.#finishing = this.#finish(session, 'stopped');

    return this.#finishing;
  }

  /** Discards the recording under way, if any, and returns to idle. */
  cancel(): void {
    const session = this.#session;

    if (session === null) return;

    session.cancelled = true;
    this.#session = null;
    void this.#teardown(session);

    if (this.#state !== 'idle') this.#transition('idle', { reason: 'cancelled' });
  }

  /** Cancels any recording and releases everything. */
  dispose(): void {
    this.cancel();
    this.#disposed = true;
    this.removeAllListeners();
  }

  #encoderBlobUrl(): Promise<string> {
    return this.#encoderUrl === undefined
      ? encoderWorkletUrl()
      : encoderBlobUrlFrom(this.#encoderUrl);
  }

  async #open(session: Session, resumed: Promise<void>): Promise<void> {
    const context = session.context;
    const [encoderUrl, stream] = await Promise.allSettled([
      this.#encoderBlobUrl(),
      this.#mediaDevices!.getUserMedia({
        audio: {
          echoCancellation: true,
          noiseSuppression: true,
          autoGainControl: true,
          channelCount: 1,
        },
      }),
    ]);

    if (stream.status === 'fulfilled') session.stream = stream.value;

    // The encoder's failure is reported first and never as a permission problem.
    if (encoderUrl.status === 'rejected') throw encoderUrl.reason;

    if (stream.status === 'rejected') throw mapMicrophoneError(stream.reason);

    if (context.audioWorklet === undefined) {
      throw new StardustError(
        'ENCODER_LOAD_FAILED',
        'Cannot load the Opus encoder: AudioWorklet needs a secure context (https or localhost).',
      );
    }

    try {
      await context.audioWorklet.addModule(encoderUrl.value);
      // A script that fails while running (such as WebAssembly refused by the CSP) does not
      // reject addModule: it only never registers its processor, which creating a node shows.
      new AudioWorkletNode(context, ENCODER_PROCESSOR, { numberOfOutputs: 0 }).disconnect();
    } catch (error) {
      throw new StardustError(
        'ENCODER_LOAD_FAILED',
        "Cannot start the Opus encoder worklet: allow blob: and 'wasm-unsafe-eval' in the page's CSP script-src.",
        { cause: error },
      );
    }

    await withTimeout(
      resumed,
      this.#resumeTimeoutMs,
      () =>
        new StardustError(
          'RECORDING_FAILED',
          'The AudioContext did not start: call start() from a user gesture (click or key press).',
        ),
    );
    await this.#startEncoder(session);
  }

  async #startEncoder(session: Session): Promise<void> {
    const { context } = session;
    const options = this.#options;
    const encoder = new AudioWorkletNode(context, ENCODER_PROCESSOR, {
      numberOfOutputs: 0,
      channelCount: 1,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
    });

    session.encoder = encoder;

    const ready = new Promise<void>((resolve) => {
      encoder.port.onmessage = ({ data }: MessageEvent<{ message: string; page?: Uint8Array }>) => {
        if (data.message === 'ready') resolve();
        else if (data.message === 'page' && data.page !== undefined) session.pages.push(data.page);
      };
    });

    encoder.port.postMessage({
      command: 'init',
      encoderSampleRate: options.sampleRate,
      originalSampleRate: context.sampleRate,
      encoderApplication: OPUS_APPLICATIONS[options.application],
      encoderBitRate: options.bitRate,
      encoderFrameSize: options.frameSizeMs,
      encoderComplexity: options.complexity,
      maxFramesPerPage: 40,
      numberOfChannels: 1,
      resampleQuality: 3,
    });
    await withTimeout(
      ready,
      this.#resumeTimeoutMs,
      () => new StardustError('ENCODER_LOAD_FAILED', 'The Opus encoder did not initialise.'),
    );
    encoder.port.postMessage({ command: 'getHeaderPages' });
  }

  #begin(session: Session): void {
    const { context, stream } = session;
    const source = context.createMediaStreamSource(stream!);
    const analyser = context.createAnalyser();
    const samples = new Float32Array(2048);

    analyser.fftSize = samples.length;
    source.connect(analyser);
    source.connect(session.encoder!);
    session.source = source;
    session.analyser = analyser;
    session.startTime = context.currentTime;
    session.recordedAt = Date.now();
    session.meter = setInterval(() => this.#measure(session, samples), METER_INTERVAL_MS);
    session.limit = setTimeout(() => this.#autoStop(session), this.#options.maxDurationMs);

    for (const track of stream!.getAudioTracks()) {
      track.addEventListener('ended', () => this.#trackEnded(session), { once: true });
    }

    this.#transition('recording');
  }

  #measure(session: Session, samples: Float32Array<ArrayBuffer>): void {
    const elapsedMs = (session.context.currentTime - session.startTime) * 1000;

    session.analyser!.getFloatTimeDomainData(samples);

    const { peak, rms } = measure(samples);

    session.waveform.add(peak);
    this.emit('level', { rms, peak, elapsedMs, maxDurationMs: this.#options.maxDurationMs });
    this.emit('waveform', { bars: session.waveform.bars(this.#options.waveformBars) });
  }

  #autoStop(session: Session): void {
    if (this.#session !== session || this.#finishing !== null) return;

    this.#logger.info('recording reached its maximum duration', {
      maxDurationMs: this.#options.maxDurationMs,
    });
    this.#finishing = this.#finish(session, 'max-duration');
    // The caller collects the result with stop(); a failure is reported there and in stateChange.
    this.#finishing.catch(() => {});
  }

  #trackEnded(session: Session): void {
    if (this.#session !== session || this.#finishing !== null) return;

    this.#logger.warn('microphone track ended while recording', {});
    this.#finishing = this.#finish(session, 'track-ended');
    this.#finishing.catch(() => {});
  }

  async #finish(session: Session, reason: StopReason): Promise<Recording> {
    this.#transition('stopping');
    stopTimers(session);
    session.source?.disconnect();
    session.stream?.getTracks().forEach((track) => track.stop());

    try {
      await this.#flushEncoder(session);

      const recording = this.#assemble(session, reason);

      await this.#teardown(session);
      this.#session = null;
      this.#transition('recorded', { reason });

      return recording;
    } catch (error) {
      await this.#teardown(session);
      this.#session = null;
      throw this.#fail(StardustError.from(error, 'RECORDING_FAILED', 'Recording failed.'));
    }
  }

  #flushEncoder(session: Session): Promise<void> {
    const encoder = session.encoder!;

    return withTimeout(
      new Promise<void>((resolve) => {
        encoder.port.onmessage = ({
          data,
        }: MessageEvent<{ message: string; page?: Uint8Array }>) => {
          if (data.message === 'page' && data.page !== undefined) session.pages.push(data.page);
          else if (data.message === 'done') resolve();
        };

        encoder.port.postMessage({ command: 'done' });
      }),
      this.#resumeTimeoutMs,
      () => new StardustError('RECORDING_FAILED', 'The Opus encoder did not finish the stream.'),
    );
  }

  #assemble(session: Session, reason: StopReason): Recording {
    const bytes = concat(session.pages);
    const info = inspectOggOpus(bytes);

    if (info.audioPayloadBytes === 0) {
      throw new StardustError(
        'EMPTY_RECORDING',
        'The recording contains no audio, only Ogg headers; nothing was kept.',
      );
    }

    if (info.durationMs < this.#options.minDurationMs) {
      throw new StardustError(
        'RECORDING_TOO_SHORT',
        `The recording lasted ${info.durationMs} ms, less than ${this.#options.minDurationMs} ms; hold the button longer.`,
      );
    }

    return {
      bytes,
      mimeType: OGG_OPUS_MIME,
      durationMs: info.durationMs,
      waveform: session.waveform.bars(this.#options.waveformBars),
      recordedAt: session.recordedAt,
      reason,
    };
  }

  async #teardown(session: Session): Promise<void> {
    stopTimers(session);
    session.stream?.getTracks().forEach((track) => track.stop());
    session.source?.disconnect();
    session.analyser?.disconnect();

    if (session.encoder !== null) {
      session.encoder.port.postMessage({ command: 'close' });
      session.encoder.disconnect();
    }

    if (session.context.state !== 'closed') {
      await session.context
        .close()
        .catch((error: unknown) => this.#logger.debug('AudioContext close failed', { error }));
    }
  }

  #fail(error: StardustError): StardustError {
    this.#transition('failed', { error });

    return error;
  }

  #transition(
    state: RecorderState,
    extra: { reason?: StopReason | 'cancelled'; error?: StardustError } = {},
  ): void {
    const previous = this.#state;

    this.#state = state;
    this.emit('stateChange', { state, previous, ...extra });
  }
}

/** Maps getUserMedia's DOMException names to error codes. */
export function mapMicrophoneError(error: unknown): StardustError {
  const name = (error as { name?: string } | null)?.name ?? '';

  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new StardustError(
        'MIC_PERMISSION_DENIED',
        'Microphone access was denied; allow it for this site in the browser settings.',
        { cause: error },
      );
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new StardustError('MIC_NOT_FOUND', 'No microphone is available.', { cause: error });
    default:
      return new StardustError(
        'MIC_UNAVAILABLE',
        `The microphone could not be started (${name || 'unknown error'}); it may be in use by another program.`,
        { cause: error },
      );
  }
}

function stopTimers(session: Session): void {
  if (session.meter !== null) clearInterval(session.meter);

  if (session.limit !== null) clearTimeout(session.limit);

  session.meter = null;
  session.limit = null;
}

function withTimeout<T>(promise: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(error()), ms);
  });

  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;

  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }

  return out;
}
