import { css } from 'lit';

export const voiceRecorderStyles = css`
  :host {
    display: block;
  }

  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
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

  button {
    min-height: 2.5rem;
    padding: 0 calc(var(--_space) * 2);
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

  [part='record-button'],
  [part='send-button'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }

  [part='record-button'] {
    touch-action: none;
    user-select: none;
    -webkit-user-select: none;
  }

  [part='record-button'][aria-pressed='true'] {
    border-color: var(--stardust-voice-recording-color, var(--_danger));
    background: var(--stardust-voice-recording-color, var(--_danger));
    color: var(--_surface);
  }

  [part='timer'],
  [part='duration'] {
    font-variant-numeric: tabular-nums;
  }

  [part='progress'],
  [part='upload-progress'] {
    flex: 1 1 8rem;
    accent-color: var(--_accent);
  }

  [part='level'] {
    width: 3rem;
    height: 0.5rem;
    border-radius: 0.25rem;
    background:
      linear-gradient(
        to right,
        var(--stardust-voice-recording-color, var(--_danger)) calc(var(--level, 0) * 100%),
        transparent 0
      ),
      var(--_surface-alt);
  }

  [part='burn-badge'] {
    padding: 0.1rem calc(var(--_space) * 0.75);
    border: 1px solid var(--_danger);
    border-radius: 999px;
    color: var(--_danger);
    font-size: 0.85em;
  }

  [part='outbox'] {
    color: var(--_text-muted);
  }

  [part='outbox'][data-state='sent'] .outbox-state {
    color: var(--_success);
  }

  [part='status'],
  [part='hint'],
  [part='error'] {
    margin: 0;
  }

  [part='hint'] {
    color: var(--_text-muted);
  }

  [part='error'] {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_danger-surface);
    color: var(--_danger);
  }

  code {
    font-size: 0.85em;
  }
`;
