// The SDK chain layer on a real runtime (chopsticks, Rococo Asset Hub, which has Proxy and
// Utility but no voice pallets): pallet detection, lost connections, the session proxy and
// confirm-each signing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { WebSocket, WebSocketServer } from 'ws';

import { ChainClient, VOICE_PALLETS } from '../../src/chain/chain-client.js';
import { ChainError } from '../../src/chain/chain-error.js';
import { SessionProxy, webCryptoSessionKey } from '../../src/chain/session-proxy.js';
import type { TxProgress } from '../../src/chain/types.js';
import { WalletSender } from '../../src/chain/wallet-sender.js';
import { StardustError } from '../../src/shared/errors.js';
import { sameAccount } from '../../src/shared/ss58.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import type { WalletSigner } from '../../src/wallet/wallet-signer.js';
import { freePort, startChopsticks, type Chopsticks } from '../support/chopsticks.js';

const UNIT = 10n ** 12n;
// Asset Hub has no Voice proxy type; NonTransfer likewise forbids Balances calls.
const PROXY_TYPE = 'NonTransfer';

let chopsticks: Chopsticks;
let chain: ChainClient;
let accountCount = 0;

/** Creates a funded dev signer that counts its transaction signing requests. */
async function countingWallet(): Promise<{ signer: WalletSigner; prompts: () => number }> {
  accountCount += 1;

  const inner = await createDevSigner(`//ChainClient${accountCount}`);
  let prompts = 0;

  await chopsticks.rpc('dev_setStorage', [
    {
      System: {
        Account: [
          [[inner.account.address], { providers: 1, data: { free: (1_000n * UNIT).toString() } }],
        ],
      },
    },
  ]);

  return {
    signer: {
      ...inner,
      extrinsicSigner: {
        signRaw: (payload) => {
          prompts += 1;

          return inner.extrinsicSigner.signRaw!(payload);
        },
      },
    },
    prompts: () => prompts,
  };
}

async function newSessionKey() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;

  return webCryptoSessionKey(pair);
}

before(async () => {
  chopsticks = await startChopsticks();
  chain = new ChainClient({ url: chopsticks.url });
  await chain.connect();
});

after(async () => {
  await chain?.dispose();
  await chopsticks?.close();
});

describe('pallet detection', () => {
  it('lists the voice pallets a chain lacks', async () => {
    assert.deepEqual(await chain.missingPallets(), [...VOICE_PALLETS]);
    assert.deepEqual(await chain.missingPallets(['proxy', 'utility', 'balances']), []);
  });

  it('names the missing call', async () => {
    const bob = await createDevSigner('//Bob');

    await assert.rejects(chain.voiceCall.initiateCall(bob.account.address, 'Audio'), (error) => {
      assert.ok(error instanceof StardustError);
      assert.equal(error.code, 'CHAIN_PALLET_MISSING');
      assert.match(error.message, /voiceCall\.initiateCall/);

      return true;
    });
  });

  it('names the missing storage item', async () => {
    await assert.rejects(chain.voiceRoom.room(`0x${'11'.repeat(16)}`), (error) => {
      assert.ok(error instanceof StardustError);
      assert.equal(error.code, 'CHAIN_PALLET_MISSING');
      assert.match(error.message, /voiceRoom\.rooms/);

      return true;
    });
  });
});

describe('event subscription', () => {
  it('delivers decoded events of new blocks', async () => {
    const { signer } = await countingWallet();
    const seen: string[] = [];
    let resolveRemarked: () => void;
    const remarked = new Promise<void>((resolve) => (resolveRemarked = resolve));
    const unsubscribe = await chain.subscribeEvents(({ events, blockHash }) => {
      for (const event of events) {
        if (event.pallet !== 'system' || event.name !== 'Remarked') continue;

        if (!sameAccount(event.fields['sender'] as string, signer.account.address)) continue;

        seen.push(blockHash ?? 'no hash');
        resolveRemarked();
      }
    });

    const result = await chain.send(await chain.system.remarkWithEvent('watched'), signer);

    await remarked;
    unsubscribe();

    assert.deepEqual(seen, [result.blockHash]);
  });
});

describe('connection', () => {
  it('fails with CHAIN_UNREACHABLE when nothing listens', async () => {
    const port = await freePort();
    const client = new ChainClient({ url: `ws://127.0.0.1:${port}`, connectTimeoutMs: 1_500 });

    await assert.rejects(client.connect(), (error) => {
      assert.ok(error instanceof StardustError);
      assert.equal(error.code, 'CHAIN_UNREACHABLE');
      assert.match(error.message, new RegExp(String(port)));

      return true;
    });
    await client.dispose();
  });

  it('reports TX_DROPPED when the connection drops before a result', async () => {
    const relay = await startCuttingRelay(chopsticks.url);
    const client = new ChainClient({ url: relay.url });
    const { signer } = await countingWallet();
    const stages: TxProgress['stage'][] = [];

    try {
      const error = await client
        .send(await client.system.remarkWithEvent('cut'), signer, {
          onProgress: ({ stage }) => stages.push(stage),
        })
        .then(
          () => assert.fail('a cut connection produced a result'),
          (caught: unknown) => caught,
        );

      assert.ok(error instanceof ChainError, String(error));
      assert.equal(error.code, 'TX_DROPPED');
      assert.equal(stages.at(-1), 'failed');
      assert.ok(relay.cuts() >= 1, 'the relay cut the connection at submission');
    } finally {
      await client.dispose();
      await relay.close();
    }
  });
});

describe('session proxy', () => {
  it('authorizes, sends without prompts and sweeps back', async () => {
    const wallet = await countingWallet();
    const session = new SessionProxy({
      client: chain,
      wallet: wallet.signer,
      sessionKey: await newSessionKey(),
      allowance: 2n * UNIT,
      proxyType: PROXY_TYPE,
    });

    const authorized = await session.authorize();

    assert.equal(wallet.prompts(), 1);
    assert.ok(authorized.events.some((e) => e.pallet === 'proxy' && e.name === 'ProxyAdded'));
    assert.ok(await session.isAuthorized());
    assert.equal(await session.sessionBalance(), 2n * UNIT);

    const { events } = await session.send(await chain.system.remarkWithEvent('as the wallet'));
    const remarked = events.find((e) => e.pallet === 'system' && e.name === 'Remarked');

    assert.ok(remarked, 'the proxied remark emitted Remarked');
    assert.ok(sameAccount(remarked.fields['sender'] as string, wallet.signer.account.address));
    assert.equal(wallet.prompts(), 1, 'no prompt for a proxied call');

    const spent = 2n * UNIT - (await session.sessionBalance());
    const { returned } = await session.revoke();

    assert.equal(wallet.prompts(), 1, 'no prompt at revoke');
    assert.ok(returned > 0n, `returned ${returned}`);
    assert.ok(returned < 2n * UNIT - spent, `returned ${returned} after spending ${spent}`);
    assert.equal(await session.isAuthorized(), false);
    assert.equal(await session.sessionBalance(), 0n);
    assert.equal((await chain.balances.account(wallet.signer.account.address)).reserved, 0n);
  });

  it('fails a call the proxy type forbids', async () => {
    const wallet = await countingWallet();
    const recipient = await createDevSigner('//ChainClientForbidden');
    const session = new SessionProxy({
      client: chain,
      wallet: wallet.signer,
      sessionKey: await newSessionKey(),
      allowance: 2n * UNIT,
      proxyType: PROXY_TYPE,
    });

    await session.authorize();

    const transfer = await chain.balances.transferKeepAlive(recipient.account.address, UNIT);
    const error = await session.send(transfer).then(
      () => assert.fail('a forbidden proxied transfer succeeded'),
      (caught: unknown) => caught,
    );

    assert.ok(error instanceof ChainError, String(error));
    assert.equal(error.code, 'TX_FAILED');
    assert.equal(error.moduleError?.pallet, 'system');
    assert.equal(error.moduleError?.name, 'CallFiltered');
    assert.equal((await chain.balances.account(recipient.account.address)).free, 0n);
  });

  it('rejects an allowance below the existential deposit', async () => {
    const wallet = await countingWallet();
    const session = new SessionProxy({
      client: chain,
      wallet: wallet.signer,
      sessionKey: await newSessionKey(),
      allowance: 1n,
      proxyType: PROXY_TYPE,
    });

    await assert.rejects(session.authorize(), (error) => {
      assert.ok(error instanceof StardustError);
      assert.equal(error.code, 'INVALID_ARGUMENT');

      return true;
    });
    assert.equal(wallet.prompts(), 0);
  });

  it('rejects an allowance that is not positive', async () => {
    const wallet = await countingWallet();
    const sessionKey = await newSessionKey();

    assert.throws(
      () => new SessionProxy({ client: chain, wallet: wallet.signer, sessionKey, allowance: 0n }),
      RangeError,
    );
  });
});

describe('confirm-each', () => {
  it('asks the wallet for every transaction', async () => {
    const wallet = await countingWallet();
    const sender = new WalletSender(chain, wallet.signer);

    await sender.send(await chain.system.remarkWithEvent('one'));
    await sender.send(await chain.system.remarkWithEvent('two'));

    assert.equal(wallet.prompts(), 2);
    assert.equal(sender.account, wallet.signer.account.address);
  });
});

/**
 * Starts a WebSocket relay in front of the node that closes the client's socket right after
 * it forwards `author_submitAndWatchExtrinsic`, as a network failure would.
 */
async function startCuttingRelay(upstreamUrl: string) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  let cuts = 0;

  await new Promise((resolve) => server.once('listening', resolve));

  server.on('connection', (client) => {
    const upstream = new WebSocket(upstreamUrl);
    const pending: string[] = [];

    upstream.on('open', () => pending.splice(0).forEach((message) => upstream.send(message)));
    upstream.on(
      'message',
      (data) => client.readyState === WebSocket.OPEN && client.send(data.toString()),
    );
    upstream.on('close', () => client.close());
    upstream.on('error', () => client.terminate());
    client.on('close', () => upstream.close());
    client.on('message', (data) => {
      const text = data.toString();

      if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
      else pending.push(text);

      if (text.includes('author_submitAndWatchExtrinsic')) {
        cuts += 1;
        client.terminate();
      }
    });
  });

  const port = (server.address() as { port: number }).port;

  return {
    url: `ws://127.0.0.1:${port}`,
    cuts: () => cuts,
    close: () => {
      for (const client of server.clients) client.terminate();

      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
