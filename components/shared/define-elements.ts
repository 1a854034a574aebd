import { StardustCall } from '../call/call.js';
import { StardustVoiceConfig } from '../voice-config/voice-config.js';
import { installGlobal } from './global-api.js';

/** Every tag of the package and its class. Later elements add their line here. */
export const ELEMENTS = {
  'stardust-voice-config': StardustVoiceConfig,
  'stardust-call': StardustCall,
} as const satisfies Record<string, CustomElementConstructor>;

/**
 * Tags whose classes load with `import()` when the page first uses them, so pages without
 * them never download their code: the room elements carry the whole room implementation.
 */
export const LAZY_ELEMENTS: Readonly<Record<string, () => Promise<CustomElementConstructor>>> = {
  'stardust-room': async () => (await import('../room/load-room-elements.js')).StardustRoom,
  'stardust-room-list': async () =>
    (await import('../room/load-room-elements.js')).StardustRoomList,
};

/**
 * Loads and registers a lazy tag now, such as before rendering it inside a shadow root
 * that `defineElements` cannot watch. Resolves once the tag is defined.
 */
export async function defineLazyElement(tag: string): Promise<void> {
  const load = LAZY_ELEMENTS[tag];

  if (load === undefined || customElements.get(tag) !== undefined) return;

  const element = await load();

  if (customElements.get(tag) === undefined) customElements.define(tag, element);
}

/** Loads each lazy tag that appears in the document, now or later. */
function watchLazyElements(): void {
  const pending = new Set(Object.keys(LAZY_ELEMENTS).filter((tag) => !customElements.get(tag)));
  const scan = (root: ParentNode) => {
    for (const tag of [...pending]) {
      if (root.querySelector(tag) === null) continue;

      pending.delete(tag);
      void defineLazyElement(tag);
    }

    if (pending.size === 0) observer.disconnect();
  };

  const observer = new MutationObserver(() => scan(document));

  if (pending.size === 0) return;

  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan(document);
}

/**
 * Registers every Stardust Voice tag and installs `window.StardustVoice`. A tag that is
 * already defined (by another copy of the package) is left alone. Tags of
 * {@link LAZY_ELEMENTS} load when they first appear in the document; inside a shadow root
 * call {@link defineLazyElement} first. Does nothing outside a browser, so server-side
 * rendering can import it.
 */
export function defineElements(): void {
  if (typeof customElements === 'undefined' || typeof document === 'undefined') return;

  installGlobal();

  for (const [tag, element] of Object.entries(ELEMENTS)) {
    if (customElements.get(tag) === undefined) customElements.define(tag, element);
  }

  watchLazyElements();
}
