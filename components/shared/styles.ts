/**
 * Styles every element shares: the `--stardust-*` design tokens with light and dark
 * defaults, the host's font and box model, focus rings and helpers for visually hidden text.
 *
 * Each element reads tokens through private `--_*` variables set on its host. A token set by
 * the page (on the element or any ancestor) wins in both themes; an unset token falls back
 * to the default of the element's theme. The theme is dark when the element has
 * `theme="dark"`, when the nearest `<stardust-voice-config>` has `theme="dark"` (custom
 * state `dark`), or when the system prefers dark and nothing forces `light`.
 */
import { css, unsafeCSS, type CSSResult } from 'lit';

/** One colour token: the public custom property and its default in each theme. */
interface ColorToken {
  name: string;
  light: string;
  dark: string;
}

/** Colour tokens; `name` becomes `--stardust-color-<name>` publicly, `--_<name>` inside. */
const COLORS: ColorToken[] = [
  { name: 'surface', light: '#ffffff', dark: '#1d1e24' },
  { name: 'surface-alt', light: '#f3f4f7', dark: '#272932' },
  { name: 'text', light: '#1c1d22', dark: '#eceef3' },
  { name: 'text-muted', light: '#5b5f6b', dark: '#a6abb8' },
  { name: 'border', light: '#c9ccd4', dark: '#454957' },
  { name: 'accent', light: '#4b3fd6', dark: '#a79dff' },
  { name: 'on-accent', light: '#ffffff', dark: '#15141f' },
  { name: 'danger', light: '#b3261e', dark: '#ffb4ab' },
  { name: 'danger-surface', light: '#fdecea', dark: '#3b1d1b' },
  { name: 'success', light: '#1b7f3b', dark: '#7ddc98' },
  { name: 'focus', light: '#4b3fd6', dark: '#a79dff' },
];

function palette(theme: 'light' | 'dark'): CSSResult {
  const declarations = COLORS.map(
    (token) => `--_${token.name}: var(--stardust-color-${token.name}, ${token[theme]});`,
  );

  return unsafeCSS(declarations.join('\n'));
}

/**
 * The shared style sheet. Element styles come after it in `static styles`. Separate rules
 * for `[theme]` and `:state()` keep the attribute working in browsers without custom states.
 */
export const baseStyles = css`
  :host {
    ${palette('light')}
    --_radius: var(--stardust-radius, 0.5rem);
    --_font: var(
      --stardust-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      'PingFang SC',
      'Microsoft YaHei',
      sans-serif
    );
    --_font-size: var(--stardust-font-size, 0.9375rem);
    --_space: var(--stardust-spacing, 0.5rem);
    --_focus-width: var(--stardust-focus-width, 2px);

    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
    color-scheme: light;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${palette('dark')}
      color-scheme: dark;
    }
  }

  :host(:state(light)) {
    ${palette('light')}
    color-scheme: light;
  }

  :host(:state(dark)) {
    ${palette('dark')}
    color-scheme: dark;
  }

  :host([theme='light']) {
    ${palette('light')}
    color-scheme: light;
  }

  :host([theme='dark']) {
    ${palette('dark')}
    color-scheme: dark;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
