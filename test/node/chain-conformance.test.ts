// The generic chain and wallet layer (signing, nonces, mortality, fees, events, errors) run
// against every chain fixture: chopsticks with a real Substrate runtime, and the devnet.
// The same checks on both keep the devnet honest wherever the two overlap.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { blake2b } from '@noble/hashes/blake2.js';

import { ChainClient } from '../../src/chain/chain-client.js';
import { ChainError } from '../../src/chain/chain-error.js';
import type { ChainEvent, TxStage } from '../../src/chain/types.js';
import { toHex, utf8 } from '../../src/shared/bytes.js';
import { StardustError } from '../../src/shared/errors.js';
import { sameAccount } from '../../src/shared/ss58.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import { WalletError } from '../../src/wallet/wallet-error.js';
import type { WalletSigner } from '../../src/wallet/wallet-signer.js';
import { CHAIN_FIXTURES, type ChainFixture } from '../support/chain-fixtures.js';

const UNIT = 10n ** 12n;
const FUNDS = 1_000n * UNIT;

for (const row of CHAIN_FIXTURES) {
  describe(`chain layer on ${row.name}`, { skip: row.skip ?? false }, () => {
    let fixture: ChainFixture;
    let chain: ChainClient;
    let accountCount = 0;

    /** Creates a fresh funded dev account, so no test shares a nonce with another. */
    async function fundedSigner(amount = FUNDS): Promise<WalletSigner> {
      accountCount += 1;

      const signer = await createDevSigner(`//Conformance${accountCount}`);

      await fixture.fund(signer.account.address, amount);

      return signer;
    }

    async function freshRecipient(): Promise<WalletSigner> {
      accountCount += 1;

      return createDevSigner(`//Recipient${accountCount}`);
    }

    before(async () => {
      fixture = await row.start();
      chain = new ChainClient({ url: fixture.url });
    });

    after(async () => {
      await chain?.dispose();
      await fixture?.close();
    });

    it('reads chain facts at connect', async () => {
      const info = await chain.connect();

      assert.equal(info.genesisHash, fixture.genesisHash);
      assert.ok(info.specVersion > 0);
      assert.ok(Number.isInteger(info.ss58Prefix));
      assert.ok(info.tokenDecimals > 0);
    });

    it('reports every stage in order to finality', async () => {
      const sender = await fundedSigner();
      const recipient = await freshRecipient();
      const stages: Array<{ stage: TxStage; previous: TxStage | null }> = [];
      const call = await chain.balances.transferKeepAlive(recipient.account.address, UNIT);

      const result = await chain.send(call, sender, {
        waitFor: 'finalized',
        onProgress: ({ stage, previous }) => stages.push({ stage, previous }),
      });

      assert.deepEqual(stages, [
        { stage: 'signing', previous: null },
        { stage: 'ready', previous: 'signing' },
        { stage: 'inBlock', previous: 'ready' },
        { stage: 'finalized', previous: 'inBlock' },
      ]);
      assert.equal(result.stage, 'finalized');
      assert.match(result.txHash, /^0x[0-9a-f]{64}$/);
      assert.match(result.blockHash ?? '', /^0x[0-9a-f]{64}$/);
    });

    it('decodes transfer events to plain values', async () => {
      const sender = await fundedSigner();
      const recipient = await freshRecipient();
      const call = await chain.balances.transferKeepAlive(recipient.account.address, 2n * UNIT);

      const { events } = await chain.send(call, sender);

      const transfer = events.find((e) => e.pallet === 'balances' && e.name === 'Transfer');

      assert.ok(transfer, `no balances.Transfer in ${names(events)}`);
      assert.ok(sameAccount(transfer.fields['from'] as string, sender.account.address));
      assert.ok(sameAccount(transfer.fields['to'] as string, recipient.account.address));
      assert.equal(transfer.fields['amount'], 2n * UNIT);
      assert.ok(events.some((e) => e.pallet === 'system' && e.name === 'ExtrinsicSuccess'));
      assert.equal((await chain.balances.account(recipient.account.address)).free, 2n * UNIT);
    });

    it('estimates the fee that is then paid', async () => {
      const sender = await fundedSigner();
      const recipient = await freshRecipient();
      const call = await chain.balances.transferKeepAlive(recipient.account.address, UNIT);
      const estimate = await chain.estimateFee(call, sender.account.address);

      const { events } = await chain.send(call, sender);

      const paid = feePaid(events, sender.account.address);
      const after = await chain.balances.account(sender.account.address);

      assert.ok(estimate > 0n, 'estimate is positive');
      assert.ok(paid > 0n, `paid ${paid}`);
      assert.ok(paid <= estimate, `paid ${paid} within estimate ${estimate}`);
      assert.equal(after.free, FUNDS - UNIT - paid);
    });

    it('sends one after another with the pool nonce', async () => {
      const sender = await fundedSigner();
      const before = await chain.nextNonce(sender.account.address);

      await chain.send(await chain.system.remarkWithEvent('first'), sender);
      await chain.send(await chain.system.remarkWithEvent('second'), sender);

      assert.equal(await chain.nextNonce(sender.account.address), before + 2);
      assert.equal((await chain.balances.account(sender.account.address)).nonce, before + 2);
    });

    it('signs mortal by default and immortal on request', async () => {
      const sender = await fundedSigner();
      const mortal = await chain.system.remarkWithEvent('mortal');
      const immortal = await chain.system.remarkWithEvent('immortal');

      await chain.send(mortal, sender);
      await chain.send(immortal, sender, { mortalityBlocks: 'immortal' });

      assert.ok(mortal.extrinsic.era.isMortalEra);
      assert.equal(mortal.extrinsic.era.asMortalEra.period.toNumber(), 64);
      assert.ok(immortal.extrinsic.era.isImmortalEra);
    });

    it('emits Remarked with the sender and hash', async () => {
      const sender = await fundedSigner();
      const remark = 'stardust conformance';

      const { events } = await chain.send(await chain.system.remarkWithEvent(remark), sender);

      const remarked = events.find((e) => e.pallet === 'system' && e.name === 'Remarked');

      assert.ok(remarked, `no system.Remarked in ${names(events)}`);
      assert.ok(sameAccount(remarked.fields['sender'] as string, sender.account.address));
      assert.equal(remarked.fields['hash'], `0x${toHex(blake2b(utf8(remark), { dkLen: 32 }))}`);
    });

    it('decodes a module error with name and docs', async () => {
      const sender = await fundedSigner(10n * UNIT);
      const recipient = await freshRecipient();
      const call = await chain.balances.transferKeepAlive(recipient.account.address, 20n * UNIT);

      const error = await chain.send(call, sender).then(
        () => assert.fail('an overdraft succeeded'),
        (caught: unknown) => caught,
      );

      assert.ok(error instanceof ChainError, String(error));
      assert.equal(error.code, 'TX_FAILED');
      // Older runtimes fail in the pallet, current ones (fungible traits) with a token error.
      assert.match(
        `${error.moduleError?.pallet}.${error.moduleError?.name}`,
        /^(balances\.InsufficientBalance|dispatch\.Token\.FundsUnavailable)$/,
      );
      assert.notEqual(error.moduleError?.docs, '');
      assert.match(error.message, /balances\.InsufficientBalance|Token\.FundsUnavailable/);
      assert.match(error.blockHash ?? '', /^0x[0-9a-f]{64}$/);
      assert.equal((await chain.balances.account(recipient.account.address)).free, 0n);
    });

    it('rejects a stale nonce with TX_INVALID', async () => {
      const sender = await fundedSigner();

      await chain.send(await chain.system.remarkWithEvent('uses nonce 0'), sender);

      const error = await chain
        .send(await chain.system.remarkWithEvent('reuses nonce 0'), sender, { nonce: 0 })
        .then(
          () => assert.fail('a stale nonce was accepted'),
          (caught: unknown) => caught,
        );

      assert.ok(error instanceof ChainError, String(error));
      assert.equal(error.code, 'TX_INVALID');
      assert.equal(error.rpcCode, 1010);
      assert.match(error.message, /stale|outdated/i);
      assert.equal(await chain.nextNonce(sender.account.address), 1);
    });

    it('rejects an unfunded sender with TX_INVALID', async () => {
      const pauper = await freshRecipient();

      const error = await chain.send(await chain.system.remarkWithEvent('no funds'), pauper).then(
        () => assert.fail('an unfunded sender was accepted'),
        (caught: unknown) => caught,
      );

      assert.ok(error instanceof ChainError, String(error));
      assert.equal(error.code, 'TX_INVALID');
      assert.equal(error.rpcCode, 1010);
      assert.match(error.message, /pay/i);
    });

    it('maps a wallet refusal to WALLET_REJECTED', async () => {
      const sender = await fundedSigner();
      const refusing: WalletSigner = {
        ...sender,
        extrinsicSigner: {
          signRaw: () =>
            Promise.reject(WalletError.rejected('sign the transaction', new Error('Cancelled'))),
        },
      };
      const stages: TxStage[] = [];

      const error = await chain
        .send(await chain.system.remarkWithEvent('refused'), refusing, {
          onProgress: ({ stage }) => stages.push(stage),
        })
        .then(
          () => assert.fail('a refused transaction was sent'),
          (caught: unknown) => caught,
        );

      assert.ok(error instanceof StardustError);
      assert.equal(error.code, 'WALLET_REJECTED');
      assert.match(error.message, /Cancelled/);
      assert.deepEqual(stages, ['signing', 'failed']);
      assert.equal(await chain.nextNonce(sender.account.address), 0);
    });
  });
}

/** Returns the fee `who` paid, from whichever fee event the runtime emits. */
function feePaid(events: readonly ChainEvent[], who: string): bigint {
  for (const event of events) {
    const isFeeEvent =
      (event.pallet === 'transactionPayment' && event.name === 'TransactionFeePaid') ||
      (event.pallet === 'assetTxPayment' && event.name === 'AssetTxFeePaid');

    if (isFeeEvent && sameAccount(event.fields['who'] as string, who)) {
      return event.fields['actualFee'] as bigint;
    }
  }

  const withdraw = events.find(
    (e) =>
      e.pallet === 'balances' &&
      e.name === 'Withdraw' &&
      sameAccount(e.fields['who'] as string, who),
  );

  return (withdraw?.fields['amount'] as bigint | undefined) ?? 0n;
}

function names(events: readonly ChainEvent[]): string {
  return events.map((e) => `${e.pallet}.${e.name}`).join(', ');
}
