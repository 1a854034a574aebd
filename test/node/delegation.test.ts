import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { concatBytes, utf8 } from '../../src/shared/bytes.js';
import {
  createDelegation,
  DEFAULT_DELEGATION_LIFETIME_MS,
  delegationStatementBytes,
  type SessionDelegation,
  verifyDelegation,
} from '../../src/shared/delegation.js';
import { StardustError } from '../../src/shared/errors.js';
import { ed25519KeyPair, ed25519Wallet, randomBytes, sr25519Wallet } from '../support/signers.js';

const NOW = 1_800_000_000_000;
const GENESIS = new Uint8Array(32).fill(0x11);
const ORIGIN = 'https://app.example';

async function delegationFor(wallet = sr25519Wallet(), now = NOW): Promise<SessionDelegation> {
  return createDelegation({
    wallet,
    sessionPublicKey: ed25519KeyPair().publicKey,
    genesisHash: GENESIS,
    origin: ORIGIN,
    now,
  });
}

function rejectsWith(code: string) {
  return (error: unknown) => {
    assert.ok(error instanceof StardustError, String(error));
    assert.equal(error.code, code, error.message);

    return true;
  };
}

const check = { now: NOW + 1000, genesisHash: GENESIS, origins: [ORIGIN] };

describe('delegation', () => {
  it('accepts a raw sr25519 signature', async () => {
    const wallet = sr25519Wallet();
    const verified = await verifyDelegation(await delegationFor(wallet), check);

    assert.deepEqual(verified.accountId, wallet.publicKey);
    assert.equal(verified.expiresAtMs, NOW + DEFAULT_DELEGATION_LIFETIME_MS);
    assert.equal(wallet.prompts, 1);
  });

  it('accepts a <Bytes>-wrapped sr25519 signature', async () => {
    await verifyDelegation(await delegationFor(sr25519Wallet({ wrap: true })), check);
  });

  it('accepts ed25519 accounts raw and wrapped', async () => {
    await verifyDelegation(await delegationFor(ed25519Wallet()), check);
    await verifyDelegation(await delegationFor(ed25519Wallet({ wrap: true })), check);
  });

  it('accepts a polkadot-js keyring signature', async () => {
    await cryptoWaitReady();

    const pair = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Alice');
    const delegation = await createDelegation({
      wallet: {
        address: pair.address,
        keyType: 'sr25519',
        signRaw: async (bytes) => ({ signature: pair.sign(bytes), wrapped: false }),
      },
      sessionPublicKey: ed25519KeyPair().publicKey,
      genesisHash: GENESIS,
      origin: ORIGIN,
      now: NOW,
    });

    await verifyDelegation(delegation, check);
  });

  it('rejects other wrappings of the statement', async () => {
    const wallet = sr25519Wallet();
    const delegation = await delegationFor(wallet);
    const statement = delegationStatementBytes(delegation);
    const looser = [
      concatBytes(utf8('<Bytes> '), statement, utf8('</Bytes>')),
      concatBytes(utf8('<bytes>'), statement, utf8('</bytes>')),
      concatBytes(statement, utf8('\n')),
      concatBytes(utf8('\x19Ethereum Signed Message:\n'), statement),
    ];

    for (const message of looser) {
      await assert.rejects(
        verifyDelegation({ ...delegation, walletSignature: wallet.signAny(message) }, check),
        rejectsWith('DELEGATION_BAD_SIGNATURE'),
      );
    }
  });

  it('rejects a delegation signed by another account', async () => {
    const delegation = await delegationFor();
    const other = sr25519Wallet();

    await assert.rejects(
      verifyDelegation(
        { ...delegation, walletSignature: other.signAny(delegationStatementBytes(delegation)) },
        check,
      ),
      rejectsWith('DELEGATION_BAD_SIGNATURE'),
    );
  });

  it('rejects a changed field under the same signature', async () => {
    const delegation = await delegationFor();

    await assert.rejects(
      verifyDelegation({ ...delegation, expiresAt: delegation.expiresAt + 1n }, check),
      rejectsWith('DELEGATION_BAD_SIGNATURE'),
    );
  });

  it('rejects an expired delegation', async () => {
    const delegation = await delegationFor();

    await assert.rejects(
      verifyDelegation(delegation, { ...check, now: NOW + DEFAULT_DELEGATION_LIFETIME_MS }),
      rejectsWith('DELEGATION_EXPIRED'),
    );
  });

  it('rejects a delegation issued in the future', async () => {
    const delegation = await delegationFor(sr25519Wallet(), NOW + 120_000);

    await assert.rejects(verifyDelegation(delegation, check), rejectsWith('DELEGATION_EXPIRED'));
  });

  it('rejects another genesis', async () => {
    await assert.rejects(
      verifyDelegation(await delegationFor(), { ...check, genesisHash: randomBytes(32) }),
      rejectsWith('DELEGATION_WRONG_GENESIS'),
    );
  });

  it('rejects another origin', async () => {
    await assert.rejects(
      verifyDelegation(await delegationFor(), { ...check, origins: ['https://evil.example'] }),
      rejectsWith('DELEGATION_WRONG_ORIGIN'),
    );
  });

  it('rejects ecdsa accounts', async () => {
    const wallet = { ...sr25519Wallet(), keyType: 'ecdsa' as const };

    await assert.rejects(delegationFor(wallet), rejectsWith('ACCOUNT_UNSUPPORTED'));
    await assert.rejects(
      verifyDelegation({ ...(await delegationFor()), keyType: 2 }, check),
      rejectsWith('ACCOUNT_UNSUPPORTED'),
    );
  });

  it('rejects malformed delegations', async () => {
    const delegation = await delegationFor();
    const malformed: Array<Partial<SessionDelegation>> = [
      { domain: 'stardust-voice/session/v2' },
      { sessionPublicKey: new Uint8Array(31) },
      { genesisHash: new Uint8Array(0) },
      { origin: 'https://app.example/path' },
      { origin: 'https://app.example\nOrigin: https://evil.example' },
      { issuedAt: delegation.expiresAt },
      { expiresAt: delegation.issuedAt + 8n * 24n * 3600_000n },
      { account: 'not an address' },
      { keyType: 9 },
    ];

    for (const change of malformed) {
      await assert.rejects(
        verifyDelegation({ ...delegation, ...change }, check),
        rejectsWith('DELEGATION_INVALID'),
        JSON.stringify(Object.keys(change)),
      );
    }
  });
});
