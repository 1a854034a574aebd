/**
 * The waveform bars both voice elements draw: one `bar` part per peak (0–255), with
 * `data-played` on the bars before the playback position.
 */
import { css, html, type TemplateResult } from 'lit';

/** Peaks shown before a message's own waveform is known: a flat, low line. */
export const PLACEHOLDER_BARS = new Uint8Array(32).fill(24);

/** Renders `bars`, marking the share `playedRatio` (0–1) of them as played. */
export function renderBars(bars: ArrayLike<number>, playedRatio = 0): TemplateResult[] {
  const played = Math.round(Math.min(1, Math.max(0, playedRatio)) * bars.length);
  const result: TemplateResult[] = [];

  for (let index = 0; index < bars.length; index += 1) {
    // At least 8 % high, so silence still shows as a line of bars.
    const height = Math.max(8, Math.round(((bars[index] ?? 0) / 255) * 100));

    result.push(
      html`<span part="bar" ?data-played=${index < played} style="height: ${height}%"></span>`,
    );
  }

  return result;
}

/** Styles of the bars; the container is the element's `waveform` part. */
export const waveformStyles = css`
  [part~='waveform'] {
    display: flex;
    flex: 1 1 8rem;
    align-items: center;
    gap: 1px;
    min-width: 0;
    height: 2rem;
    overflow: hidden;
  }

  [part~='bar'] {
    flex: 1 1 0;
    min-width: 1px;
    border-radius: 1px;
    background: var(--stardust-voice-bar-color, var(--_text-muted));
  }

  [part~='bar'][data-played] {
    background: var(--stardust-voice-bar-played-color, var(--_accent));
  }
`;
