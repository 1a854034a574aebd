import { css } from 'lit';

/** Styles of `<stardust-room-list>`. */
export const roomListStyles = css`
  :host {
    display: block;
  }

  [part='base'] {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
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

  [part='status'],
  [part='room-meta'],
  [part='empty'] {
    color: var(--_text-muted);
  }

  [part='rooms'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }

  [part='room'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part='room-name'] {
    font-weight: 600;
  }

  [part='room-meta'] {
    flex: 1 1 12rem;
  }

  [part='create-form'] {
    display: grid;
    gap: var(--_space);
  }

  label {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
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
    justify-self: start;
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  [part='create-button'],
  [part='open-button'] {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }

  [part='error'] {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_danger-surface);
    color: var(--_danger);
  }
`;
