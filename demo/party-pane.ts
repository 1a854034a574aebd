/**
 * One party's pane: a heading with the party's name and address, and one `<stardust-voice-config>` whose
 * client (one signaling session, one device, one wallet) serves the voice message, call and
 * room sections below it.
 */
import type { StardustVoiceConfig } from '../components/voice-config/voice-config.js';
import { callSection } from './call-section.js';
import { applyDemoUrls, type DemoUrls, type Party } from './demo-config.js';
import { escapeText, messageSection } from './message-section.js';
import { roomSection } from './room-section.js';

/**
 * Adds `party`'s pane to `container` and signs its client in. The left party (`calls`
 * true) places the call; both ring for incoming ones.
 */
export async function mountPartyPane(
  container: Element,
  party: Party,
  peer: Party,
  urls: DemoUrls,
  calls: boolean,
): Promise<void> {
  const pane = document.createElement('article');
  const config = document.createElement('stardust-voice-config') as StardustVoiceConfig;
  const sections = [
    messageSection(party, peer),
    callSection(party, peer, calls),
    roomSection(party),
  ];

  pane.className = `party-pane party-${calls ? 'left' : 'right'}`;
  pane.dataset.testid = `pane-${party.id}`;
  pane.setAttribute('aria-labelledby', `pane-title-${party.id}`);
  pane.innerHTML = `<header>
    <h2 id="pane-title-${party.id}">${escapeText(party.name)}</h2>
    <p class="party-key">${escapeText(party.keySource)} ·
      <code data-testid="address-${party.id}">${party.signer.account.address}</code></p>
  </header>`;
  applyDemoUrls(config, urls);
  config.append(...sections.map((section) => section.element));
  pane.append(config);
  container.append(pane);
  await config.updateComplete;

  const client = config.client;

  if (client === undefined) {
    const problem = document.createElement('p');

    problem.setAttribute('role', 'alert');
    problem.textContent = `Check the server URLs in the address bar: ${config.error?.message ?? 'the client could not start.'}`;
    pane.append(problem);

    return;
  }

  client.useWallet(party.signer);

  for (const section of sections) section.start(client);
}
