/**
 * The call demo: Alice calls Bob. Both panes show by default; `?as=alice` or `?as=bob`
 * shows one, so Alice and Bob can sit in two tabs. Each pane has its own
 * `<stardust-voice-config>` and client, signed by the dev keyring (`//Alice`, `//Bob`),
 * with the devnet, signaling and IPFS that `npm start` runs. After a call, the pane lists
 * the call's on-chain record: duration by the chain's clock, fee and mining reward.
 */
import '../components/define.js';
import type { StardustCallSettledEvent } from '../components/call/call-events.js';
import { formatDust } from '../components/call/format.js';
import type { StardustVoiceConfig } from '../components/voice-config/voice-config.js';
import { createDevSigner } from '../src/wallet/dev-signer.js';

/** The dev accounts of the demo (public development keys: never use them with real funds). */
const PARTIES = [
  { id: 'alice', name: 'Alice', seed: '//Alice', peer: 'bob' },
  { id: 'bob', name: 'Bob', seed: '//Bob', peer: 'alice' },
] as const;

/** Adds the call demo to `app`; server URLs come from the query string or `npm start`'s. */
export async function mountCallDemo(app: Element): Promise<void> {
  const query = new URLSearchParams(location.search);
  const chain = query.get('chain') ?? 'ws://127.0.0.1:9944';
  const signaling = query.get('signaling') ?? 'ws://127.0.0.1:8888/signal';
  const only = query.get('as');
  const signers = Object.fromEntries(
    await Promise.all(PARTIES.map(async (p) => [p.id, await createDevSigner(p.seed)] as const)),
  );
  const section = document.createElement('section');

  section.className = 'call-demo';
  section.innerHTML = '<h2>One-to-one call</h2>';
  app.append(section);

  for (const party of PARTIES) {
    if (only !== null && only !== party.id) continue;

    const peerName = party.peer === 'bob' ? 'Bob' : 'Alice';
    const pane = document.createElement('article');
    const config = document.createElement('stardust-voice-config') as StardustVoiceConfig;
    const call = document.createElement('stardust-call');
    const records = document.createElement('ul');

    pane.className = 'call-pane';
    pane.dataset.testid = `call-pane-${party.id}`;
    pane.innerHTML = `<h3>${party.name}</h3>`;
    config.setAttribute('chain', chain);
    config.setAttribute('signaling', signaling);
    config.setAttribute('ipfs-api', 'http://127.0.0.1:5001');
    config.setAttribute('gateways', 'http://127.0.0.1:8080');
    call.setAttribute('peer-name', peerName);
    call.setAttribute('incoming', '');

    // Alice places the call; both panes ring for incoming calls.
    if (party.id === 'alice') call.setAttribute('peer', signers.bob!.account.address);

    call.addEventListener('stardust-call-settled', (event: StardustCallSettledEvent) => {
      const item = document.createElement('li');
      const { chainCallId, duration, fee, reward } = event.detail;

      item.textContent = `On chain ${chainCallId.slice(0, 10)}…: ${duration} s, fee ${formatDust(fee)} DUST, reward ${formatDust(reward)} DUST`;
      records.prepend(item);
    });
    call.addEventListener('stardust-error', (event) => {
      const item = document.createElement('li');

      item.textContent = `${event.detail.code}: ${event.detail.message}`;
      records.prepend(item);
    });
    config.append(call);
    pane.append(config, records);
    section.append(pane);
    await config.updateComplete;
    config.client?.useWallet(signers[party.id]!);
  }
}
