import { css } from 'lit';

export const voiceConfigStyles = css`
  :host {
    display: contents;
  }

  [part='error'] {
    display: block;
    margin-block: var(--_space);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_danger-surface);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
  }

  [part='error-title'] {
    display: block;
    color: var(--_danger);
    font-weight: 600;
  }

  [part='error-message'] {
    margin: calc(var(--_space) / 2) 0 0;
    overflow-wrap: anywhere;
  }

  code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.95em;
  }
`;
