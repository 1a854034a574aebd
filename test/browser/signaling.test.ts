import { executeServerCommand } from '@web/test-runner-commands';
import { expect } from 'chai';

import { fromHex } from '../../src/shared/bytes.js';
import { encodePayload, SignalType } from '../../src/shared/codec.js';
import { Ed25519Verifier } from '../../src/signaling/ed25519-web.js';
import { SignalingClient } from '../../src/signaling/signaling-client.js';
import {
  generateSessionKey,
  indexedDbSessionStorage,
  SessionManager,
} from '../../src/wallet/session.js';
import { sr25519Wallet } from '../support/signers.js';

const GENESIS = new Uint8Array(32).fill(0x42);
const message = new TextEncoder().encode('stardust');

describe('session keys in Chromium', () => {
  it('makes a non-extractable WebCrypto key', async () => {
    const { key, privateKey } = await generateSessionKey();
    const signature = await key.sign(message);

    expect(key.kind).to.equal('webcrypto');
    expect((privateKey as CryptoKey).extractable).to.equal(false);
    expect(await new Ed25519Verifier().verify(message, signature, key.publicKey)).to.equal(true);
  });

  it('keeps the session in IndexedDB with one prompt', async () => {
    const wallet = sr25519Wallet();
    const storage = indexedDbSessionStorage(`sessions-${Math.random()}`);
    const options = { wallet, genesisHash: GENESIS, storage };
    const first = await new SessionManager(options).get();
    const second = await new SessionManager(options).get();

    expect(wallet.prompts).to.equal(1);
    expect(Array.from(second.publicKey)).to.deep.equal(Array.from(first.publicKey));
    expect(second.keyKind).to.equal('webcrypto');
    expect(
      await new Ed25519Verifier().verify(message, await second.sign(message), first.publicKey),
    ).to.equal(true);
  });

  it('signs with @noble/curves when WebCrypto is forced off', async () => {
    const wallet = sr25519Wallet();
    const sessions = new SessionManager({
      wallet,
      genesisHash: GENESIS,
      storage: indexedDbSessionStorage(`sessions-${Math.random()}`),
      forceFallback: true,
    });
    const session = await sessions.get();
    const signature = await session.sign(message);

    expect(session.keyKind).to.equal('noble');
    expect(await new Ed25519Verifier().verify(message, signature, session.publicKey)).to.equal(
      true,
    );
    expect(
      await new Ed25519Verifier({ forceFallback: true }).verify(
        message,
        signature,
        session.publicKey,
      ),
    ).to.equal(true);
  });
});

describe('signaling client in Chromium', () => {
  it('rings a verified invite through a real server', async () => {
    const urls = (await executeServerCommand('stack-urls', { signaling: true })) as {
      signaling: string;
      genesisHash: string;
    };
    const genesisHash = fromHex(urls.genesisHash);
    const clientFor = () => {
      const wallet = sr25519Wallet();
      const sessions = new SessionManager({
        wallet,
        genesisHash,
        storage: indexedDbSessionStorage(`sessions-${Math.random()}`),
      });

      return {
        wallet,
        sessions,
        client: new SignalingClient({ url: urls.signaling, session: sessions }),
      };
    };

    const alice = clientFor();
    const bob = clientFor();

    await Promise.all([alice.client.connect(), bob.client.connect()]);

    const ringing = bob.client.once(
      'message',
      (event) => event.message.type === SignalType.CALL_INVITE,
    );
    const session = await alice.sessions.get();

    await alice.client.send({
      type: SignalType.CALL_INVITE,
      to: bob.wallet.address,
      callId: 'browser1',
      payload: encodePayload(SignalType.CALL_INVITE, {
        callerName: 'Alice',
        delegation: session.delegation,
      }),
    });

    const event = await ringing;

    expect(event.fromPeer).to.equal(true);
    expect(event.delegation?.account).to.equal(alice.wallet.address);
    expect((event.payload as { callerName: string }).callerName).to.equal('Alice');
    await Promise.all([alice.client.close(), bob.client.close()]);
  });
});
