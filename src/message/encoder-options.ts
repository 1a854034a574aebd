/**
 * Options of the Opus encoder and the recording limits, validated before anything starts.
 */
import { StardustError } from '../shared/errors.js';

/** Sample rates Opus encodes at (RFC 6716 section 2). */
export const OPUS_SAMPLE_RATES = [8000, 12_000, 16_000, 24_000, 48_000] as const;
/** Frame sizes Opus allows, in milliseconds. */
export const OPUS_FRAME_SIZES_MS = [2.5, 5, 10, 20, 40, 60] as const;
/** Opus application modes: 2048 VoIP, 2049 audio, 2051 restricted low delay. */
export const OPUS_APPLICATIONS = { voip: 2048, audio: 2049, lowDelay: 2051 } as const;

/** Options a {@link VoiceRecorder} accepts; every one is optional. */
export interface EncoderOptions {
  /** Encoder sample rate in Hz: 8000, 12000, 16000, 24000 or 48000 (default). */
  sampleRate?: number;
  /** Target bitrate in bit/s, 6000 to 510000; 24000 by default. */
  bitRate?: number;
  /** Opus application: `voip` (default), `audio` or `lowDelay`. */
  application?: keyof typeof OPUS_APPLICATIONS;
  /** Frame size in milliseconds; 20 by default. */
  frameSizeMs?: number;
  /** Encoder complexity 0–10; the encoder's own default when omitted. */
  complexity?: number;
  /** Maximum recording length in milliseconds; at the limit recording stops and is kept. 60 s by default. */
  maxDurationMs?: number;
  /** Shorter recordings are discarded with RECORDING_TOO_SHORT; 1 s by default. */
  minDurationMs?: number;
  /** Bars of the waveform, 1–128; 64 by default (the chain allows at most 128 bytes). */
  waveformBars?: number;
}

/** {@link EncoderOptions} with every default filled in. */
export type ResolvedEncoderOptions = Required<Omit<EncoderOptions, 'complexity'>> & {
  complexity: number | undefined;
};

/**
 * Validates encoder options and fills in the defaults.
 * @throws StardustError ENCODER_CONFIG_INVALID naming the first invalid option.
 */
export function resolveEncoderOptions(options: EncoderOptions = {}): ResolvedEncoderOptions {
  const resolved: ResolvedEncoderOptions = {
    sampleRate: options.sampleRate ?? 48_000,
    bitRate: options.bitRate ?? 24_000,
    application: options.application ?? 'voip',
    frameSizeMs: options.frameSizeMs ?? 20,
    complexity: options.complexity,
    maxDurationMs: options.maxDurationMs ?? 60_000,
    minDurationMs: options.minDurationMs ?? 1000,
    waveformBars: options.waveformBars ?? 64,
  };

  if (!(OPUS_SAMPLE_RATES as readonly number[]).includes(resolved.sampleRate)) {
    throw invalid('sampleRate', resolved.sampleRate, 'one of 8000, 12000, 16000, 24000, 48000 Hz');
  }

  if (!isIntegerIn(resolved.bitRate, 6000, 510_000)) {
    throw invalid('bitRate', resolved.bitRate, 'an integer from 6000 to 510000 bit/s');
  }

  if (!Object.hasOwn(OPUS_APPLICATIONS, resolved.application)) {
    throw invalid('application', resolved.application, 'voip, audio or lowDelay');
  }

  if (!(OPUS_FRAME_SIZES_MS as readonly number[]).includes(resolved.frameSizeMs)) {
    throw invalid('frameSizeMs', resolved.frameSizeMs, 'one of 2.5, 5, 10, 20, 40, 60 ms');
  }

  if (resolved.complexity !== undefined && !isIntegerIn(resolved.complexity, 0, 10)) {
    throw invalid('complexity', resolved.complexity, 'an integer from 0 to 10');
  }

  if (!isIntegerIn(resolved.maxDurationMs, 1000, 10 * 60_000)) {
    throw invalid('maxDurationMs', resolved.maxDurationMs, 'from 1000 to 600000 ms');
  }

  if (!isIntegerIn(resolved.minDurationMs, 0, resolved.maxDurationMs)) {
    throw invalid('minDurationMs', resolved.minDurationMs, `from 0 to maxDurationMs`);
  }

  if (!isIntegerIn(resolved.waveformBars, 1, 128)) {
    throw invalid('waveformBars', resolved.waveformBars, 'an integer from 1 to 128');
  }

  return resolved;
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function invalid(option: string, value: unknown, expected: string): StardustError {
  return new StardustError(
    'ENCODER_CONFIG_INVALID',
    `Invalid recorder option ${option}: ${JSON.stringify(value)}; expected ${expected}.`,
  );
}
