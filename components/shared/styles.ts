/**
 * Styles every element shares: the `--stardust-*` design tokens with light and dark
 * defaults, the host's text and font, focus rings and helpers for visually hidden text.
 *
 * Each element reads tokens through private `--_*` variables set on its host. A token set by
 * the page, on the element or any ancestor, wins in both themes. An unset token falls back
 * to the default of the element's theme. The theme is dark when the element has
 * `theme="dark"`, when the nearest `<stardust-voice-config>` has `theme="dark"` (custom
 * state `dark`), or when the system prefers dark and nothing forces `light`.
 */
import { css, unsafeCSS, type CSSResult } from 'lit';

type Theme = 'light' | 'dark';

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

function palette(theme: Theme): CSSResult {
  const declarations = COLORS.map(
    (token) => `--_${token.name}: var(--stardust-color-${token.name}, ${token[theme]});`,
  );

  return unsafeCSS(declarations.join('\n'));
}

function colorScheme(theme: Theme): CSSResult {
  return unsafeCSS(`color-scheme: ${theme};`);
}

/**
 * Applies `body(theme)` on the host for the theme in force. Separate rules for `[theme]`
 * and `:state()` keep the attribute working in browsers without custom states, which drop
 * any rule that names `:state()`.
 */
function themed(body: (theme: Theme) => CSSResult): CSSResult {
  return css`
    :host {
      ${body('light')}
    }

    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        ${body('dark')}
      }
    }

    :host(:state(light)) {
      ${body('light')}
    }

    :host(:state(dark)) {
      ${body('dark')}
    }

    :host([theme='light']) {
      ${body('light')}
    }

    :host([theme='dark']) {
      ${body('dark')}
    }
  `;
}

/**
 * The tokens as private `--_*` variables on the host, focus rings and helpers. Sets nothing
 * that inherits into light DOM children except those private variables, so a wrapper such
 * as `<stardust-voice-config>` leaves the page's own content alone.
 */
export const tokenStyles = css`
  ${themed(palette)}

  :host {
    --_radius: var(--stardust-radius, 0.5rem);
    --_font: var(
      --stardust-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      'PingFang SC',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      sans-serif
    );
    --_font-size: var(--stardust-font-size, 0.9375rem);
    --_space: var(--stardust-spacing, 0.5rem);
    --_focus-width: var(--stardust-focus-width, 2px);
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
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

/** Text colour, font and `color-scheme` on the host, for elements that draw a box of their own. */
export const hostStyles = css`
  ${themed(colorScheme)}

  :host {
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
  }
`;

/** The shared style sheets of an element that draws its own box: put them first in `static styles`. */
export const baseStyles = [tokenStyles, hostStyles];
