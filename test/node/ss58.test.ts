import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, encodeAddress as polkadotEncode } from '@polkadot/util-crypto';

import { StardustError } from '../../src/shared/errors.js';
import { decodeAddress, encodeAddress, sameAccount } from '../../src/shared/ss58.js';

await cryptoWaitReady();

const alice = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Alice');

describe('ss58', () => {
  it('encodes like polkadot-js for every prefix width', () => {
    for (const prefix of [0, 2, 42, 63, 64, 255, 1284, 16383]) {
      const expected = polkadotEncode(alice.publicKey, prefix);

      assert.equal(encodeAddress(alice.publicKey, prefix), expected, `prefix ${prefix}`);
      assert.deepEqual(decodeAddress(expected), { publicKey: alice.publicKey, prefix });
    }
  });

  it('compares accounts by public key across prefixes', () => {
    assert.ok(sameAccount(polkadotEncode(alice.publicKey, 0), alice.address));
  });

  it('rejects a bad checksum with ADDRESS_INVALID', () => {
    const broken = alice.address.slice(0, -1) + (alice.address.endsWith('Y') ? 'Z' : 'Y');

    assert.throws(
      () => decodeAddress(broken),
      (error: unknown) => error instanceof StardustError && error.code === 'ADDRESS_INVALID',
    );
  });

  it('rejects malformed text with ADDRESS_INVALID', () => {
    for (const input of ['', '0OIl', 'x'.repeat(100), '0x1234', '5GrwvaEF5zXb26Fz9rcQ']) {
      assert.throws(
        () => decodeAddress(input),
        (error: unknown) => error instanceof StardustError && error.code === 'ADDRESS_INVALID',
        JSON.stringify(input),
      );
    }
  });
});
