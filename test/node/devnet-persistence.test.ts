// The devnet's state file: a restart continues the same chain, and a broken file is refused.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import type { AccountInfo } from '@polkadot/types/interfaces';

import { startDevnet } from '../../server/devnet/index.js';
import { chainNow, DUST, rpc, startDevnetClient, submit } from '../support/devnet-client.js';

let folder: string;

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'stardust-devnet-state-'));
});

after(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('devnet persistence', () => {
  it('continues from the state file after a restart', async () => {
    const stateFile = join(folder, 'chain', 'state.json');
    const first = await startDevnetClient({ stateFile, devAccounts: 2 });
    const [alice, member] = [first.pair('//Alice'), first.pair('//Member1')];

    await submit(first, first.api.tx.balances.transferKeepAlive(member.address, 5n * DUST), alice);
    await submit(
      first,
      first.api.tx.voiceRoom.createRoom('Kept', {
        maxMembers: 5,
        isPublic: true,
        entryFee: 0,
        speakingMode: 'FreeSpeak',
      }),
      alice,
    );

    const before = {
      genesis: first.devnet.genesisHash,
      head: (await first.api.rpc.chain.getHeader()).number.toNumber(),
      alice: ((await first.api.query.system.account(alice.address)) as AccountInfo).toJSON(),
      member: ((await first.api.query.system.account(member.address)) as AccountInfo).toJSON(),
      room: (await first.api.query.voiceRoom.userCurrentRoom(alice.address)).toHex(),
      now: await chainNow(first),
    };

    await first.close();

    const second = await startDevnetClient({ stateFile, devAccounts: 2 });

    try {
      assert.equal(second.devnet.genesisHash, before.genesis);
      assert.equal((await second.api.rpc.chain.getHeader()).number.toNumber(), before.head);
      assert.deepEqual(
        ((await second.api.query.system.account(alice.address)) as AccountInfo).toJSON(),
        before.alice,
      );
      assert.deepEqual(
        ((await second.api.query.system.account(member.address)) as AccountInfo).toJSON(),
        before.member,
      );
      assert.equal(
        (await second.api.query.voiceRoom.userCurrentRoom(alice.address)).toHex(),
        before.room,
      );
      assert.equal(await chainNow(second), before.now);

      const next = await submit(second, second.api.tx.system.remark('0x'), alice);

      assert.equal(next.error, undefined);
      assert.equal(
        ((await second.api.query.system.account(alice.address)) as AccountInfo).nonce.toNumber(),
        3,
      );
      assert.equal((await second.api.rpc.chain.getHeader()).number.toNumber(), before.head + 1);
      assert.ok((await chainNow(second)) >= before.now);
      assert.deepEqual(readdirSync(join(folder, 'chain')), ['state.json']);
    } finally {
      await second.close();
    }
  });

  it('keeps old block hashes valid for mortal transactions', async () => {
    const stateFile = join(folder, 'mortal.json');
    const first = await startDevnetClient({ stateFile });

    await rpc(first, 'dev_newBlock', [{ count: 3 }]);

    const head = await first.api.rpc.chain.getHeader();
    const signed = await first.api.tx.system.remark('0x').signAsync(first.pair('//Bob'), {
      nonce: 0,
      era: first.api.createType('ExtrinsicEra', { current: head.number.toNumber(), period: 64 }),
      blockHash: head.hash,
    } as never);

    await first.close();

    const second = await startDevnetClient({ stateFile });

    try {
      assert.match(await rpc<string>(second, 'author_submitExtrinsic', [signed.toHex()]), /^0x/);
    } finally {
      await second.close();
    }
  });

  it('refuses a file that is not a devnet state', async () => {
    const stateFile = join(folder, 'broken.json');

    writeFileSync(stateFile, JSON.stringify({ hello: 'world' }));

    await assert.rejects(startDevnet({ port: 0, stateFile }), /is not a devnet state file/);
  });

  it('refuses a truncated file', async () => {
    const stateFile = join(folder, 'truncated.json');

    writeFileSync(stateFile, '{"format":"stardust-devnet-state","vers');

    await assert.rejects(
      startDevnet({ port: 0, stateFile }),
      /could not be parsed as a devnet state file/,
    );
  });
});
