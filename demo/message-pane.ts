/**
 * The voice message demo: Alice and Bob each record and send to the other, and each pane
 * plays what arrives. Both panes show by default; `?as=alice` or `?as=bob` shows one, so
 * Alice and Bob can sit in two tabs. Each pane has its own `<stardust-voice-config>` and
 * client, signed by the dev keyring (`//Alice`, `//Bob`), with the devnet, signaling and
 * IPFS that `npm start` runs (other URLs through `?chain=`, `?signaling=`, `?ipfs-api=`,
 * `?gateways=`).
 */
import '../components/define.js';
import type { StardustVoiceConfig } from '../components/voice-config/voice-config.js';
import type { StardustClient } from '../src/client/stardust-client.js';
import { createDevSigner } from '../src/wallet/dev-signer.js';

/** The dev accounts of the demo (public development keys: never use them with real funds). */
const PARTIES = [
  { id: 'alice', name: 'Alice', seed: '//Alice', peer: 'bob' },
  { id: 'bob', name: 'Bob', seed: '//Bob', peer: 'alice' },
] as const;

/** Adds the voice message demo to `app`. */
export async function mountMessageDemo(app: Element): Promise<void> {
  const query = new URLSearchParams(location.search);
  const only = query.get('as');
  const signers = Object.fromEntries(
    await Promise.all(PARTIES.map(async (p) => [p.id, await createDevSigner(p.seed)] as const)),
  );
  const section = document.createElement('section');

  section.className = 'message-demo';
  section.innerHTML = '<h2>Voice messages</h2>';
  app.append(section);

  for (const party of PARTIES) {
    if (only !== null && only !== party.id) continue;

    const pane = document.createElement('article');
    const config = document.createElement('stardust-voice-config') as StardustVoiceConfig;
    const recorder = document.createElement('stardust-voice-recorder');
    const burn = document.createElement('label');
    const inbox = document.createElement('div');
    const log = document.createElement('ul');

    pane.className = 'message-pane';
    pane.dataset.testid = `message-pane-${party.id}`;
    pane.innerHTML = `<h3>${party.name}</h3>`;
    config.setAttribute('chain', query.get('chain') ?? 'ws://127.0.0.1:9944');
    config.setAttribute('signaling', query.get('signaling') ?? 'ws://127.0.0.1:8888/signal');
    config.setAttribute('ipfs-api', query.get('ipfs-api') ?? 'http://127.0.0.1:5001');
    config.setAttribute('gateways', query.get('gateways') ?? 'http://127.0.0.1:8080');
    recorder.setAttribute('to', signers[party.peer]!.account.address);
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
    config.addEventListener('stardust-error', (event) =>
      note(log, `${event.detail.code}: ${event.detail.message}`),
    );
    config.append(recorder, inbox);
    pane.append(config, burn, log);
    section.append(pane);
    await config.updateComplete;

    const client = config.client;

    if (client === undefined) continue;

    client.useWallet(signers[party.id]!);
    void receive(client, inbox, log);
  }
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
  } catch (error) {
    note(log, `Voice messages are unavailable: ${(error as Error).message}`);
  }
}

function note(log: HTMLElement, text: string): void {
  const item = document.createElement('li');

  item.textContent = text;
  log.prepend(item);
}
