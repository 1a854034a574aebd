/**
 * The voice message part of a pane: record and send to the other party, and play what
 * arrives. Messages are end-to-end encrypted to the other party's devices; the chain carries
 * only the IPFS CID.
 */
import type { StardustClient } from '../src/client/stardust-client.js';
import { note, type Party } from './demo-config.js';

/** A section of a pane; `start` runs once the pane's client has its wallet. */
export interface PaneSection {
  element: HTMLElement;
  start(client: StardustClient): void;
}

/** Builds the voice message section of `party`'s pane, sending to `peer`. */
export function messageSection(party: Party, peer: Party): PaneSection {
  const section = document.createElement('section');
  const recorder = document.createElement('stardust-voice-recorder');
  const burn = document.createElement('label');
  const inbox = document.createElement('div');
  const log = document.createElement('ul');

  section.className = 'message-demo';
  section.dataset.testid = `message-section-${party.id}`;
  section.innerHTML = `<h3>Voice messages to ${escapeText(peer.name)}</h3>`;
  recorder.setAttribute('to', peer.signer.account.address);
  burn.innerHTML = '<input type="checkbox"> Burn after reading';
  burn.querySelector('input')!.addEventListener('change', (event) => {
    recorder.burn = (event.target as HTMLInputElement).checked;
  });
  inbox.className = 'message-inbox';
  inbox.dataset.testid = `message-inbox-${party.id}`;
  recorder.addEventListener('stardust-voice-sent', (event) =>
    note(
      log,
      `Sent ${event.detail.cid.slice(0, 16)}… in block ${event.detail.blockHash.slice(0, 10)}…`,
    ),
  );
  section.addEventListener('stardust-error', (event) =>
    note(log, `${event.detail.code}: ${event.detail.message}`),
  );
  section.append(recorder, burn, inbox, log);

  return { element: section, start: (client) => void receive(client, inbox, log) };
}

/**
 * Sets up the device and shows each message that arrives. Earlier messages of the chain
 * inbox are left out: those sealed before this browser set up its device cannot be opened
 * here.
 */
async function receive(
  client: StardustClient,
  inbox: HTMLElement,
  log: HTMLElement,
): Promise<void> {
  const show = (attributes: Record<string, string>) => {
    const element = document.createElement('stardust-voice-message');

    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);

    inbox.prepend(element);
  };

  try {
    await client.messages.ready();
    client.messages.on('message', ({ message }) => show({ cid: message.cid, from: message.from }));
    inbox.dataset.ready = '';
    note(log, 'Ready to receive voice messages.');
  } catch (error) {
    note(log, `Voice messages are unavailable: ${(error as Error).message}`);
  }
}

/** Escapes text for innerHTML: wallet account names are chosen by the user. */
export function escapeText(text: string): string {
  const span = document.createElement('span');

  span.textContent = text;

  return span.innerHTML;
}
