// Runs in a Chromium page, bundled by room-pages.ts: the room harness plus a <stardust-room>
// element for each member, bound to that member's RoomSession, driven from Node through
// window.roomElements. Every state change the element renders is logged with the text of its
// status line and of its screen reader announcement, so that a short state is not missed.
import { StardustRoom } from '../../../components/room/room.js';
import { harness } from './room-harness.browser.js';

/** What an element showed after one state change. */
export interface RenderedState {
  state: string;
  /** Why the session entered the state (`media`, `signaling`, `kicked`, …), when it gives one. */
  reason?: string;
  /** Text of the visible status line (`part="status"`). */
  status: string;
  /** Text of the visually hidden live region that announces changes. */
  announcement: string;
}

declare global {
  interface Window {
    roomElements: typeof roomElements;
  }
}

// package.json declares which files have side effects, so esbuild drops a bare import of
// the room harness: assigning it here keeps it in the bundle.
window.roomHarness = harness;

if (customElements.get('stardust-room') === undefined)
  customElements.define('stardust-room', StardustRoom);

const elements = new Map<string, { element: StardustRoom; rendered: RenderedState[] }>();

function requireElement(id: string) {
  const entry = elements.get(id);

  if (entry === undefined) throw new Error(`no <stardust-room> for member ${id} in this page`);

  return entry;
}

function textOf(root: ShadowRoot, selector: string): string {
  return root.querySelector(selector)?.textContent?.trim() ?? '';
}

function renderedNow(element: StardustRoom): RenderedState {
  const root = element.shadowRoot!;

  return {
    state: '',
    status: textOf(root, '[part="status"]'),
    announcement: textOf(root, '.visually-hidden[role="status"]'),
  };
}

const roomElements = {
  /** Adds a `<stardust-room>` in `locale` showing the harness member `id`'s session. */
  async mount(id: string, roomId: string, locale: string): Promise<void> {
    const element = document.createElement('stardust-room');
    const rendered: RenderedState[] = [];

    element.setAttribute('room-id', roomId);
    element.setAttribute('locale', locale);
    element.session = harness.session(id);
    element.addEventListener('stardust-room-state-change', (event) => {
      // The event fires before the element renders the new state.
      void element.updateComplete.then(() =>
        rendered.push({
          ...renderedNow(element),
          state: event.detail.state,
          reason: event.detail.reason,
        }),
      );
    });
    elements.set(id, { element, rendered });
    document.body.append(element);
    await element.updateComplete;
  },

  /** Clicks one of the element's buttons, named by its part (`join-button`, `mute-button`). */
  async click(id: string, part: string): Promise<void> {
    const { element } = requireElement(id);
    const button = element.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`);

    if (button === null) throw new Error(`member ${id}'s element shows no ${part}`);

    if (button.disabled) throw new Error(`member ${id}'s ${part} is disabled`);

    button.click();
    await element.updateComplete;
  },

  /** Returns what the element shows now, with the session's current state. */
  current(id: string): RenderedState {
    const { element } = requireElement(id);

    return { ...renderedNow(element), state: element.session!.state };
  },

  /** Every state change the element rendered, oldest first. */
  rendered: (id: string): RenderedState[] => [...requireElement(id).rendered],

  /** The text of the element's error line, or '' without one. */
  error: (id: string): string => textOf(requireElement(id).element.shadowRoot!, '[part="error"]'),
};

window.roomElements = roomElements;
