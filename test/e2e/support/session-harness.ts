// Page side of the session reload test (bundled with esbuild by session-reload.test.ts): a
// test wallet whose seed and prompt count live in localStorage, standing in for a wallet
// extension that keeps its account across reloads, and a SignalingClient that connects.
import * as sr25519 from '@scure/sr25519';

import { fromHex, toHex } from '../../../src/shared/bytes.js';
import type { RawSigner } from '../../../src/shared/delegation.js';
import { encodeAddress } from '../../../src/shared/ss58.js';
import { SignalingClient } from '../../../src/signaling/signaling-client.js';
import { SessionManager } from '../../../src/wallet/session.js';

function storedWallet(): RawSigner {
  let seed = localStorage.getItem('test-wallet-seed');

  if (seed === null) {
    seed = toHex(crypto.getRandomValues(new Uint8Array(32)));
    localStorage.setItem('test-wallet-seed', seed);
  }

  const secret = sr25519.secretFromSeed(fromHex(seed));

  return {
    address: encodeAddress(sr25519.getPublicKey(secret)),
    keyType: 'sr25519',
    async signRaw(bytes) {
      localStorage.setItem(
        'test-wallet-prompts',
        String(Number(localStorage.getItem('test-wallet-prompts') ?? 0) + 1),
      );

      return { signature: sr25519.sign(secret, bytes), wrapped: false };
    },
  };
}

async function run(): Promise<unknown> {
  const params = new URLSearchParams(location.search);
  const sessions = new SessionManager({
    wallet: storedWallet(),
    genesisHash: fromHex(params.get('genesis')!),
  });
  const client = new SignalingClient({ url: params.get('signaling')!, session: sessions });
  const authenticated = client.once('authenticated');

  await client.connect();

  const session = await sessions.get();
  const result = {
    account: (await authenticated).account,
    sessionKey: toHex(session.publicKey),
    keyKind: session.keyKind,
    prompts: Number(localStorage.getItem('test-wallet-prompts')),
  };

  await client.close();

  return result;
}

(window as unknown as { sessionResult: Promise<unknown> }).sessionResult = run().catch(
  (error: Error) => ({
    error: `${error.name}: ${error.message}`,
  }),
);
