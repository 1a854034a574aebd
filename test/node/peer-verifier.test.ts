// The receiving peer's checks, without a server in between: this is what protects a
// client from a server that forges, replays or delays messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { randomNonce, type SignalMessage, SignalType } from '../../src/shared/codec.js';
import { createDelegation, type SessionDelegation } from '../../src/shared/delegation.js';
import { hasErrorCode } from '../../src/shared/errors.js';
import { signalSigningBytes, signedFieldsOf } from '../../src/shared/signing.js';
import { PeerVerifier } from '../../src/signaling/peer-verifier.js';
import { exponentialBackoff } from '../../src/signaling/reconnect-policy.js';
import { TEST_GENESIS, TEST_ORIGIN } from '../support/raw-signal-client.js';
import { ed25519KeyPair, randomBytes, sr25519Wallet } from '../support/signers.js';

const NOW = 1_800_000_000_000;

async function sender() {
  const wallet = sr25519Wallet();
  const session = ed25519KeyPair();
  const delegation = await createDelegation({
    wallet,
    sessionPublicKey: session.publicKey,
    genesisHash: TEST_GENESIS,
    origin: TEST_ORIGIN,
    now: NOW,
  });
  const message = (fields: Partial<SignalMessage> = {}): SignalMessage => {
    const draft: SignalMessage = {
      type: SignalType.ICE_CANDIDATE,
      from: wallet.address,
      to: '',
      callId: 'c1',
      roomId: '',
      payload: new Uint8Array(3),
      timestamp: BigInt(NOW),
      nonce: randomNonce(),
      requestId: 0,
      sessionKey: session.publicKey,
      signature: new Uint8Array(0),
      ...fields,
    };

    return {
      ...draft,
      signature: fields.signature ?? session.sign(signalSigningBytes(signedFieldsOf(draft))),
    };
  };

  return { wallet, delegation, message };
}

function verifierFor(delegations: SessionDelegation[], now = () => NOW): PeerVerifier {
  return new PeerVerifier({
    genesisHash: () => TEST_GENESIS,
    now,
    lookup: async () => delegations,
  });
}

const rejectsWith = (code: string) => (error: unknown) => hasErrorCode(error, code as never);

describe('peer verifier', () => {
  it('accepts a signed message once', async () => {
    const alice = await sender();
    const verifier = verifierFor([alice.delegation]);
    const message = alice.message();

    assert.equal((await verifier.verify(message)).account, alice.wallet.address);
    await assert.rejects(verifier.verify(message), rejectsWith('NONCE_REPLAYED'));
  });

  it('rejects an altered payload with SIGNATURE_INVALID', async () => {
    const alice = await sender();
    const message = alice.message();

    await assert.rejects(
      verifierFor([alice.delegation]).verify({ ...message, payload: new Uint8Array(4) }),
      rejectsWith('SIGNATURE_INVALID'),
    );
  });

  it('rejects stale and future timestamps', async () => {
    const alice = await sender();
    const verifier = verifierFor([alice.delegation]);

    await assert.rejects(
      verifier.verify(alice.message({ timestamp: BigInt(NOW - 31_000) })),
      rejectsWith('TIMESTAMP_OUT_OF_WINDOW'),
    );
    await assert.rejects(
      verifier.verify(alice.message({ timestamp: BigInt(NOW + 31_000) })),
      rejectsWith('TIMESTAMP_OUT_OF_WINDOW'),
    );
  });

  it('rejects a sender without a delegation', async () => {
    const alice = await sender();

    await assert.rejects(
      verifierFor([]).verify(alice.message()),
      rejectsWith('DELEGATION_NOT_FOUND'),
    );
  });

  it('rejects a delegation of another account', async () => {
    const alice = await sender();
    const mallory = await sender();

    await assert.rejects(
      verifierFor([
        { ...mallory.delegation, sessionPublicKey: alice.delegation.sessionPublicKey },
      ]).verify(alice.message()),
      rejectsWith('DELEGATION_BAD_SIGNATURE'),
    );
  });

  it('rejects a delegation for another chain', async () => {
    const alice = await sender();
    const verifier = new PeerVerifier({
      genesisHash: () => randomBytes(32),
      now: () => NOW,
      lookup: async () => [alice.delegation],
    });

    await assert.rejects(verifier.verify(alice.message()), rejectsWith('DELEGATION_WRONG_GENESIS'));
  });

  it('uses the delegation carried in an invite', async () => {
    const alice = await sender();
    let lookups = 0;
    const verifier = new PeerVerifier({
      genesisHash: () => TEST_GENESIS,
      now: () => NOW,
      lookup: async () => ((lookups += 1), []),
    });
    const { encodePayload } = await import('../../src/shared/codec.js');
    const invite = alice.message({
      type: SignalType.CALL_INVITE,
      payload: encodePayload(SignalType.CALL_INVITE, { delegation: alice.delegation }),
    });

    await verifier.verify(invite);
    await verifier.verify(alice.message());
    assert.equal(lookups, 0);
  });
});

describe('reconnect policy', () => {
  it('caps full-jitter backoff', () => {
    const policy = exponentialBackoff({ baseMs: 100, maxMs: 1000, random: () => 0.999 });

    assert.deepEqual(
      [1, 2, 3, 4, 5, 9].map((attempt) =>
        policy.nextDelayMs({ attempt, closeCode: 1006, initialCloseCode: 1006, elapsedMs: 0 }),
      ),
      [99, 199, 399, 799, 999, 999],
    );
  });

  it('waits longer after a restart, for the whole outage', () => {
    const policy = exponentialBackoff({
      baseMs: 100,
      restartBaseMs: 4000,
      maxMs: 60_000,
      random: () => 0.5,
    });

    assert.equal(
      policy.nextDelayMs({ attempt: 1, closeCode: 1012, initialCloseCode: 1012, elapsedMs: 0 }),
      2000,
    );
    assert.equal(
      policy.nextDelayMs({ attempt: 2, closeCode: 1006, initialCloseCode: 1012, elapsedMs: 0 }),
      4000,
    );
    assert.equal(
      policy.nextDelayMs({ attempt: 1, closeCode: 1013, initialCloseCode: 1013, elapsedMs: 0 }),
      2000,
    );
  });

  it('gives up after maxAttempts', () => {
    const policy = exponentialBackoff({ maxAttempts: 2 });

    assert.equal(
      policy.nextDelayMs({ attempt: 3, closeCode: 1006, initialCloseCode: 1006, elapsedMs: 0 }),
      null,
    );
  });
});
