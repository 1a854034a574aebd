import { css } from 'lit';

export const voiceMessageStyles = css`
  :host {
    display: block;
  }

  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .row:first-child {
    flex-wrap: nowrap;
  }

  .meta {
    font-size: 0.9em;
  }

  button {
    min-height: 2.25rem;
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  [part='play-button'] {
    min-width: 4.5rem;
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }

  [part='waveform'] {
    cursor: pointer;
  }

  [part='waveform'][aria-disabled='true'] {
    cursor: default;
    opacity: 0.5;
  }

  [part='duration'] {
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  [part='speed-button'] {
    min-width: 3.25rem;
    font-variant-numeric: tabular-nums;
  }

  [part='burn-badge'] {
    padding: 0.1rem calc(var(--_space) * 0.75);
    border: 1px solid var(--_danger);
    border-radius: 999px;
    color: var(--_danger);
    font-size: 0.85em;
    white-space: nowrap;
  }

  [part='status'],
  [part='error'] {
    margin: 0;
    color: var(--_text-muted);
  }

  [part='retry-button'] {
    align-self: flex-start;
  }

  [part='error'] {
    padding: calc(var(--_space) / 2) var(--_space);
    border-radius: var(--_radius);
    background: var(--_danger-surface);
    color: var(--_danger);
  }

  code {
    font-size: 0.85em;
  }
`;
