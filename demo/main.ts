/**
 * The demo page: Alice's pane on the left and Bob's on the right, each with voice messages,
 * a call and a room, against the stack `npm start` runs. `?as=alice` shows only the left pane
 * and `?as=bob` only the right one, so the two parties can sit in two tabs. "Use my wallet" puts an account of the
 * visitor's wallet extension in Alice's place.
 */
import '../components/define.js';
import { createDevSigner } from '../src/wallet/dev-signer.js';
import type { WalletSigner } from '../src/wallet/wallet-signer.js';
import { readDemoUrls, type Party } from './demo-config.js';
import { mountPartyPane } from './party-pane.js';
import { mountWalletBar } from './wallet-bar.js';

const app = document.querySelector('#app')!;
const urls = readDemoUrls();
const only = new URLSearchParams(location.search).get('as');
const panes = document.createElement('div');
// Public development keys: anyone can derive them, so they never hold real value.
const [alice, bob] = await Promise.all([
  devParty('alice', 'Alice', '//Alice'),
  devParty('bob', 'Bob', '//Bob'),
]);

panes.className = 'panes';
mountWalletBar(app, urls, (signer) => showPanes(walletParty(signer), bob));
app.append(panes);
await showPanes(alice, bob);

/**
 * Shows `left` and `right`, in place of the panes shown before (whose clients close). The
 * left party places the call.
 */
async function showPanes(left: Party, right: Party): Promise<void> {
  panes.replaceChildren();
  await Promise.all([
    only === null || only === 'alice' ? mountPartyPane(panes, left, right, urls, true) : undefined,
    only === null || only === 'bob' ? mountPartyPane(panes, right, left, urls, false) : undefined,
  ]);
}

async function devParty(id: 'alice' | 'bob', name: string, seed: string): Promise<Party> {
  return { id, name, keySource: `dev account ${seed}`, signer: await createDevSigner(seed) };
}

function walletParty(signer: WalletSigner): Party {
  return {
    id: 'wallet',
    name: signer.account.name ?? 'You',
    keySource: `your wallet (${signer.source})`,
    signer,
  };
}
