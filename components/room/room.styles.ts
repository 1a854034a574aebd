import { css } from 'lit';

/** Styles of `<stardust-room>`. */
export const roomStyles = css`
  :host {
    display: block;
    --_speaking: var(--stardust-room-speaking-color, var(--_success));
    --_avatar: var(--stardust-room-avatar-size, 2.5rem);
  }

  [part='base'] {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space) calc(var(--_space) * 2);
  }

  h2,
  h3,
  p {
    margin: 0;
  }

  h2 {
    font-size: 1.2em;
  }

  h3 {
    font-size: 1em;
  }

  [part='mode'],
  [part='status'],
  .offline {
    color: var(--_text-muted);
  }

  [part='controls'],
  [part='member-actions'],
  [part='confirm'],
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  button,
  select,
  input {
    font: inherit;
    color: var(--_text);
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5) var(--_space);
  }

  button {
    cursor: pointer;
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  [part='join-button'],
  [part='confirm-button'] {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }

  [part='close-button'],
  [part='leave-button'] {
    color: var(--_danger);
  }

  [part='confirm'],
  [part='error'] {
    padding: var(--_space);
    border-radius: var(--_radius);
  }

  [part='confirm'] {
    background: var(--_surface-alt);
  }

  [part='error'] {
    background: var(--_danger-surface);
    color: var(--_danger);
  }

  [part='turn'] {
    font-variant-numeric: tabular-nums;
  }

  [part='members'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: var(--_space);
  }

  [part~='member'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part~='member-self'] {
    border-color: var(--_accent);
  }

  .avatar {
    display: inline-grid;
    place-items: center;
    inline-size: var(--_avatar);
    block-size: var(--_avatar);
    border-radius: 50%;
    background: var(--_surface-alt);
    outline: 3px solid transparent;
    outline-offset: 2px;
    transition: outline-color 120ms;
  }

  .avatar.speaking {
    outline-color: var(--_speaking);
  }

  [part='role-badge'],
  [part='mute-badge'],
  [part='hand-badge'] {
    font-size: 0.85em;
    padding: 0 calc(var(--_space) * 0.5);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
  }

  [part='mute-badge'] {
    color: var(--_danger);
  }

  [part='hands'] ol,
  [part='tips'] {
    margin: 0;
    padding-inline-start: calc(var(--_space) * 3);
  }

  [part='hands'] li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  [part='host-controls'],
  [part='tip-form'] {
    display: grid;
    gap: var(--_space);
  }

  label {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }

  @media (prefers-reduced-motion: reduce) {
    .avatar {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    .avatar.speaking {
      outline-color: Highlight;
    }
  }
`;
