// The page side of the voice message end-to-end tests, bundled with esbuild and driven by
// playwright-core: one account per page, with a recorder to send and a message element for
// every message that arrives.
import '../../../components/define.js';
import type { StardustVoiceConfig } from '../../../components/voice-config/voice-config.js';
import { createDevSigner } from '../../../src/wallet/dev-signer.js';

/** What the test passes to {@link open}. */
interface PageOptions {
  uri: string;
  chain: string;
  signaling: string;
  ipfsApi: string;
  gateways: string[];
  /** Show a recorder for this recipient. */
  to?: string;
  burn?: boolean;
}

/** Events the page saw, for the test to read. */
const seen = { sent: [] as unknown[], errors: [] as string[], messages: [] as string[] };

/** Configures the page for one dev account and returns its address. */
async function open(options: PageOptions): Promise<string> {
  const config = document.createElement('stardust-voice-config') as StardustVoiceConfig;

  config.setAttribute('chain', options.chain);
  config.setAttribute('signaling', options.signaling);
  config.setAttribute('ipfs-api', options.ipfsApi);
  config.setAttribute('gateways', options.gateways.join(' '));
  config.addEventListener('stardust-error', (event) => seen.errors.push(event.detail.code));
  document.body.append(config);
  await config.updateComplete;

  const client = config.client!;
  const wallet = await createDevSigner(options.uri);

  client.useWallet(wallet);
  await client.messages.ready();
  client.messages.on('message', ({ message }) => {
    const element = document.createElement('stardust-voice-message');

    element.setAttribute('cid', message.cid);
    element.setAttribute('from', message.from);
    seen.messages.push(message.cid);
    config.append(element);
  });

  if (options.to !== undefined) {
    const recorder = document.createElement('stardust-voice-recorder');

    recorder.setAttribute('to', options.to);
    recorder.toggleAttribute('burn', options.burn === true);
    recorder.addEventListener('stardust-voice-sent', (event) => seen.sent.push(event.detail));
    config.append(recorder);
  }

  return wallet.account.address;
}

Object.assign(window, { voicePage: { open, seen } });
