import { css } from 'lit';

export const callStyles = css`
  :host {
    display: block;
  }

  [part='base'] {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  p {
    margin: 0;
  }

  [part='status'] {
    font-weight: 600;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .muted,
  [part='costs'] {
    color: var(--_text-muted);
  }

  .error {
    color: var(--_danger);
  }

  [part='error'] {
    display: inline-block;
    padding: calc(var(--_space) / 2) var(--_space);
    border-radius: var(--_radius);
    background: var(--_danger-surface);
  }

  [part='peer'] {
    flex: 1 1 auto;
    overflow-wrap: anywhere;
  }

  button,
  select {
    min-height: 2.25rem;
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

  button.accent {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }

  button.accept {
    border-color: transparent;
    background: var(--stardust-call-accept-color, var(--_success));
    color: var(--_on-accent);
  }

  button.danger {
    border-color: transparent;
    background: var(--stardust-call-hangup-color, var(--_danger));
    color: var(--_on-accent);
  }

  [aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }

  [part='timer'] {
    font-variant-numeric: tabular-nums;
  }

  [part='quality'] {
    display: inline-flex;
    align-items: flex-end;
    gap: 2px;
    height: 1rem;
  }

  [part='quality-bar'] {
    width: 4px;
    border-radius: 1px;
    background: var(--_border);
  }

  [part='quality-bar']:nth-child(1) {
    height: 20%;
  }

  [part='quality-bar']:nth-child(2) {
    height: 40%;
  }

  [part='quality-bar']:nth-child(3) {
    height: 60%;
  }

  [part='quality-bar']:nth-child(4) {
    height: 80%;
  }

  [part='quality-bar']:nth-child(5) {
    height: 100%;
  }

  [part='quality-bar'][data-on] {
    background: var(--_success);
  }

  label {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
  }

  [part='summary'] {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }

  @media (forced-colors: active) {
    [part='quality-bar'][data-on] {
      background: Highlight;
    }
  }
`;
