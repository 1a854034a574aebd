/**
 * Waveform peaks of a recording: amplitude peaks collected while recording, reduced to a
 * fixed number of bars of one byte each (0–255), scaled so the loudest bar is 255.
 */

/** Collects amplitude peaks (0–1) in order and reduces them to bars. */
export class WaveformBuilder {
  readonly #peaks: number[] = [];

  /** Adds the peak absolute amplitude (0–1) of the latest stretch of audio. */
  add(peak: number): void {
    this.#peaks.push(Number.isFinite(peak) ? Math.min(1, Math.max(0, peak)) : 0);
  }

  /** Number of peaks collected. */
  get length(): number {
    return this.#peaks.length;
  }

  /** Reduces the peaks to `count` bars (the maximum of each stretch), scaled to 0–255. */
  bars(count: number): Uint8Array {
    return peaksToBars(this.#peaks, count);
  }
}

/** Reduces amplitude peaks to `count` bars of 0–255; fewer peaks than bars are spread out. */
export function peaksToBars(peaks: readonly number[], count: number): Uint8Array {
  const bars = new Uint8Array(count);

  if (peaks.length === 0) return bars;

  const values = new Array<number>(count).fill(0);

  for (let bar = 0; bar < count; bar += 1) {
    const start = Math.floor((bar * peaks.length) / count);
    const end = Math.max(start + 1, Math.floor(((bar + 1) * peaks.length) / count));

    for (let i = start; i < end && i < peaks.length; i += 1) {
      values[bar] = Math.max(values[bar]!, peaks[i]!);
    }
  }

  const loudest = Math.max(...values);

  if (loudest === 0) return bars;

  for (let bar = 0; bar < count; bar += 1) bars[bar] = Math.round((values[bar]! / loudest) * 255);

  return bars;
}

/** Returns the peak absolute amplitude and the RMS level (both 0–1) of `samples`. */
export function measure(samples: Float32Array): { peak: number; rms: number } {
  let peak = 0;
  let sum = 0;

  for (const sample of samples) {
    const magnitude = Math.abs(sample);

    if (magnitude > peak) peak = magnitude;

    sum += sample * sample;
  }

  return {
    peak: Math.min(1, peak),
    rms: samples.length === 0 ? 0 : Math.sqrt(sum / samples.length),
  };
}
