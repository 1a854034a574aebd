// Clients and configured elements for voice message browser tests: the shared stack
// (devnet, signaling, embedded IPFS), dev-keyring wallets, and a <stardust-voice-config> per
// account so that two accounts live side by side in one page.
import { executeServerCommand } from '@web/test-runner-commands';
import { html } from 'lit';

import '../../../components/define.js';
import type { StardustVoiceConfig } from '../../../components/voice-config/voice-config.js';
import type { ClientMessagesOptions } from '../../../src/client/client-messages.js';
import type { StardustClient } from '../../../src/client/stardust-client.js';
import type { OutboxRecord } from '../../../src/message/store/message-store.js';
import { createDevSigner } from '../../../src/wallet/dev-signer.js';
import { fixture } from '../../support/fixture.js';
import { until } from '../../support/until.js';

/** URLs of the shared voice stack. */
export interface VoiceStackUrls {
  devnetUrl: string;
  signaling: string;
  ipfsApi: string;
  ipfsGateway: string;
}

/** Starts (once) the devnet, signaling server and IPFS node the voice tests share. */
export async function voiceStack(): Promise<VoiceStackUrls> {
  return (await executeServerCommand('stack-urls', {
    devnet: true,
    signaling: true,
    ipfs: true,
  })) as VoiceStackUrls;
}

/** One account's configuration element, its client and its address. */
export interface Party {
  config: StardustVoiceConfig;
  client: StardustClient;
  address: string;
}

/** Options of {@link party}. */
export interface PartyOptions {
  gateways?: string[];
  ipfsApi?: string;
  messages?: ClientMessagesOptions;
  /** Set up the device and start receiving; true by default. */
  ready?: boolean;
}

/** Renders a `<stardust-voice-config>` for the dev account `uri` and sets its wallet. */
export async function party(
  urls: VoiceStackUrls,
  uri: string,
  options: PartyOptions = {},
): Promise<Party> {
  const config = await fixture<StardustVoiceConfig>(
    html`<stardust-voice-config
      chain=${urls.devnetUrl}
      signaling=${urls.signaling}
      ipfs-api=${options.ipfsApi ?? urls.ipfsApi}
      gateways=${(options.gateways ?? [urls.ipfsGateway]).join(' ')}
    ></stardust-voice-config>`,
  );
  const client = config.client!;
  const wallet = await createDevSigner(uri);

  if (options.messages !== undefined) client.configureMessages(options.messages);

  client.useWallet(wallet);

  if (options.ready !== false) await client.messages.ready();

  return { config, client, address: wallet.account.address };
}

/** Adds `element` inside `party`'s configuration and waits for its first render. */
export async function place<T extends HTMLElement>(owner: Party, element: T): Promise<T> {
  owner.config.append(element);
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;

  return element;
}

/** Resolves with the outbox item `id` of `client` once it is sent. */
export async function sentItem(client: StardustClient, id: string): Promise<OutboxRecord> {
  let sent: OutboxRecord | undefined;
  const off = client.messages.on('outbox', ({ item }) => {
    if (item.id === id && item.state === 'sent') sent = item;
  });

  try {
    const current = await client.messages.outboxItem(id);

    if (current?.state === 'sent') sent = current;

    await until(() => sent !== undefined, `outbox item ${id} to be sent`, 60_000);
  } finally {
    off();
  }

  return sent!;
}
