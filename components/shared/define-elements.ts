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
 * them never download their code: the room elements carry the whole room implementation,
 * the voice elements the recorder, the player and their strings. Each maps to a loader of
 * its class.
 */
export const LAZY_ELEMENTS: Readonly<Record<string, () => Promise<CustomElementConstructor>>> = {
  'stardust-room': () => roomElement('StardustRoom'),
  'stardust-room-list': () => roomElement('StardustRoomList'),
  'stardust-voice-recorder': () => voiceElement('stardust-voice-recorder'),
  'stardust-voice-message': () => voiceElement('stardust-voice-message'),
};

async function roomElement(name: string): Promise<CustomElementConstructor> {
  const module: Record<string, CustomElementConstructor> =
    await import('../room/load-room-elements.js');

  return module[name]!;
}

async function voiceElement(tag: string): Promise<CustomElementConstructor> {
  const { VOICE_ELEMENTS } = await import('../voice-message/load-voice-elements.js');

  return VOICE_ELEMENTS[tag]!;
}

/**
 * Loads and registers a lazy tag now, such as before rendering it inside a shadow root
 * that `defineElements` cannot watch. Resolves once the tag is defined.
 */
export async function defineLazyElement(tag: string): Promise<void> {
  const load = LAZY_ELEMENTS[tag];

  if (load === undefined || customElements.get(tag)) return;

  const element = await load();

  if (!customElements.get(tag)) customElements.define(tag, element);
}

/** Loads each lazy tag when it first appears in the document; stops once all are defined. */
function watchLazyElements(): void {
  const observer = new MutationObserver(() => scan());
  const scan = () => {
    const left = Object.keys(LAZY_ELEMENTS).filter((tag) => !customElements.get(tag));

    for (const tag of left) if (document.querySelector(tag)) void defineLazyElement(tag);

    if (left.length === 0) observer.disconnect();
  };

  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan();
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
