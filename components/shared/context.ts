import { createContext } from '@lit/context';

import type { Locale } from '../../src/client/config.js';
import type { StardustClient } from '../../src/client/stardust-client.js';
import type { StardustError } from '../../src/shared/errors.js';

/** A forced colour theme; without one the system preference applies. */
export type Theme = 'light' | 'dark';

/** What `<stardust-voice-config>` provides to the elements inside it. */
export interface StardustContextValue {
  /** The shared client, or undefined while the configuration is invalid. */
  client: StardustClient | undefined;
  /** Why there is no client: CONFIG_INVALID naming the attribute. */
  error: StardustError | undefined;
  /** The locale the configuration asks for, if any. */
  locale: Locale | undefined;
  /** The theme the configuration forces, if any. */
  theme: Theme | undefined;
}

/**
 * The context key. It is a registered symbol rather than a fresh one so that two copies of
 * the package on one page (a bundled copy and the CDN file) still find each other's
 * configuration.
 */
export const stardustContext = createContext<StardustContextValue>(
  Symbol.for('stardust-voice.context'),
);
