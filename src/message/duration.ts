/**
 * Duration of recorded audio, read from the stream itself: Ogg Opus (our recorder) or
 * WebM/Opus (MediaRecorder elsewhere). Always a finite number of milliseconds, so no UI
 * ever shows NaN or Infinity.
 */
import { StardustError } from '../shared/errors.js';
import { inspectOggOpus, isOgg } from './ogg.js';
import { isWebm, webmDurationMs } from './webm.js';

/**
 * Returns the duration of Ogg Opus or WebM/Opus audio in milliseconds.
 * @throws StardustError AUDIO_FORMAT_INVALID when the bytes are neither format.
 */
export function audioDurationMs(bytes: Uint8Array): number {
  if (isOgg(bytes)) return inspectOggOpus(bytes).durationMs;

  if (isWebm(bytes)) return webmDurationMs(bytes);

  throw new StardustError(
    'AUDIO_FORMAT_INVALID',
    `Invalid audio: ${bytes.length} bytes that are neither Ogg nor WebM.`,
  );
}

/**
 * Formats milliseconds as `m:ss` (or `h:mm:ss`), rounding down to whole seconds. Negative,
 * NaN and infinite input shows as `0:00`.
 */
export function formatDuration(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');

  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`;

  return `${minutes}:${seconds}`;
}

/** Returns `ms` when it is a finite non-negative number, else 0. */
export function finiteDurationMs(ms: number | null | undefined): number {
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : 0;
}
