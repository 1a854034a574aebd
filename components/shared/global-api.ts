import { ContextRoot } from '@lit/context';

import type { StardustConfig } from '../../src/client/config.js';
import type { StardustClient } from '../../src/client/stardust-client.js';
import { globalClientStore } from './global-client.js';

/**
 * `window.StardustVoice`: configuration for pages without a `<stardust-voice-config>`
 * element, mostly script-tag pages. Installed by the `define` entry and the CDN file, never
 * by importing the element classes.
 */
export interface StardustVoiceGlobal {
  /**
   * Builds the client that every element outside a `<stardust-voice-config>` uses, replacing
   * (and disposing) any earlier one. Elements already on the page pick it up at once.
   * @throws StardustError CONFIG_INVALID naming the option, before anything changes.
   */
  configure(config: StardustConfig): StardustClient;
  /** The client of the last {@link configure} call, if any. */
  readonly client: StardustClient | undefined;
  /** Disposes the global client; elements using it show that they are not configured. */
  reset(): Promise<void>;
}

declare global {
  // A global declared with var is how TypeScript types a property of globalThis.
  var StardustVoice: StardustVoiceGlobal | undefined;
}

/**
 * Installs `globalThis.StardustVoice` unless another copy of the package already did, and
 * attaches a `ContextRoot` to the document so elements that upgrade before their
 * `<stardust-voice-config>` still find it. Returns the installed global.
 */
export function installGlobal(): StardustVoiceGlobal {
  if (globalThis.StardustVoice !== undefined) return globalThis.StardustVoice;

  const store = globalClientStore();
  const api: StardustVoiceGlobal = Object.freeze({
    configure: (config: StardustConfig) => store.configure(config),
    get client() {
      return store.client;
    },
    reset: () => store.reset(),
  });

  globalThis.StardustVoice = api;
  new ContextRoot().attach(document.documentElement);

  return api;
}
