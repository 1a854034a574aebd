/**
 * Server URLs and parties, shared by every part of the demo page. Alice is on the left and
 * Bob on the right.
 */
import type { StardustVoiceConfig } from '../components/voice-config/voice-config.js';
import type { WalletSigner } from '../src/wallet/wallet-signer.js';

/**
 * Server URLs of the demo. By default they are the ones `npm start` runs on the page's host;
 * `?chain=`, `?signaling=`, `?ipfs-api=` and `?gateways=` (comma-separated) override them.
 */
export interface DemoUrls {
  chain: string;
  signaling: string;
  ipfsApi: string;
  gateways: string[];
}

/** One side of the demo: a name, where its key lives, and its signer. */
export interface Party {
  /** `alice` and `bob` for the dev accounts, `wallet` for an account of the user's wallet. */
  id: 'alice' | 'bob' | 'wallet';
  /** Name shown in the pane's heading. */
  name: string;
  /** Key source shown under the name ("dev account //Alice", "your wallet (talisman)"). */
  keySource: string;
  signer: WalletSigner;
}

/** Reads the server URLs from the query string, with the defaults of `npm start`. */
export function readDemoUrls(query = new URLSearchParams(location.search)): DemoUrls {
  const host = location.hostname === '' ? '127.0.0.1' : location.hostname;
  const gateways = query.get('gateways') ?? `http://${host}:8080`;

  return {
    chain: query.get('chain') ?? `ws://${host}:9944`,
    signaling: query.get('signaling') ?? `ws://${host}:8888/signal`,
    ipfsApi: query.get('ipfs-api') ?? `http://${host}:5001`,
    gateways: gateways.split(',').map((url) => url.trim()),
  };
}

/** Sets the server attributes of a `<stardust-voice-config>` element. */
export function applyDemoUrls(config: StardustVoiceConfig, urls: DemoUrls): void {
  config.setAttribute('chain', urls.chain);
  config.setAttribute('signaling', urls.signaling);
  config.setAttribute('ipfs-api', urls.ipfsApi);
  config.setAttribute('gateways', urls.gateways.join(' '));
}

/** Prepends one line to a pane's event log. */
export function note(log: HTMLElement, text: string): void {
  const item = document.createElement('li');

  item.textContent = text;
  log.prepend(item);
}
