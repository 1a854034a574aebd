import { StardustCall } from '../call/call.js';
import { StardustVoiceConfig } from '../voice-config/voice-config.js';
import { installGlobal } from './global-api.js';

/** Every tag of the package and its class. Later elements add their line here. */
export const ELEMENTS = {
  'stardust-voice-config': StardustVoiceConfig,
  'stardust-call': StardustCall,
} as const satisfies Record<string, CustomElementConstructor>;

/**
 * Registers every Stardust Voice tag and installs `window.StardustVoice`. A tag that is
 * already defined (by another copy of the package) is left alone. Does nothing outside a
 * browser, so server-side rendering can import it.
 */
export function defineElements(): void {
  if (typeof customElements === 'undefined' || typeof document === 'undefined') return;

  installGlobal();

  for (const [tag, element] of Object.entries(ELEMENTS)) {
    if (customElements.get(tag) === undefined) customElements.define(tag, element);
  }
}
