// The chain delivery step against a fake Chat pallet and sender: the devnet that serves the
// real Chat pallet is tested end to end once it is available to these tests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ChatMessage, VoiceMetadata } from '../../../src/chain/pallets/chat.js';
import type { ChainCall, SendOptions, TxResult, TxSender } from '../../../src/chain/types.js';
import { chainDelivery, type VoiceNotice } from '../../../src/message/chain-delivery.js';
import type { OutboxRecord } from '../../../src/message/store/message-store.js';
import { encodeAddress } from '../../../src/shared/ss58.js';

const alice = encodeAddress(new Uint8Array(32).fill(1));
const bob = encodeAddress(new Uint8Array(32).fill(2));

/** A fake Chat pallet that keeps sent voice messages in memory, as the chain stores them. */
function fakeChat() {
  const messages: ChatMessage[] = [];
  const sent: Array<{ receiver: string; metadata: VoiceMetadata }> = [];

  return {
    messages,
    sent,
    async sendVoiceMessage(receiver: string, metadata: VoiceMetadata) {
      sent.push({ receiver, metadata });
      messages.push({
        id: BigInt(messages.length),
        sender: alice,
        receiver,
        messageType: { type: 'Voice', metadata },
        content: new Uint8Array(0),
        sentAt: 0,
        block: 7,
      });

      return { name: 'chat.sendMessage' } as unknown as ChainCall<{ messageId: bigint }>;
    },
    async outbox() {
      return messages.map((message) => message.id);
    },
    async message(id: bigint) {
      return messages[Number(id)] ?? null;
    },
  };
}

/** A fake sender that resolves every call as included in block 0xb1. */
const fakeSender: TxSender = {
  account: alice,
  async send<T>(): Promise<TxResult<T>> {
    return {
      stage: 'inBlock',
      txHash: '0xa1',
      blockHash: '0xb1',
      events: [],
      value: { messageId: 0n } as T,
    };
  },
};

function item(id: string, burn = false): OutboxRecord {
  return {
    account: 'aa',
    id,
    to: bob,
    burn,
    envelope: null,
    durationMs: 1000,
    state: 'pending',
    uploaded: true,
    attempts: 1,
    nextAttemptAt: 0,
    lastError: null,
    createdAt: 0,
    sentAt: null,
    receipt: null,
  };
}

describe('chain delivery', () => {
  it('puts only the CID and burn flag on chain', async () => {
    const chat = fakeChat();
    const delivery = chainDelivery({ chat, sender: fakeSender });

    const receipt = await delivery.deliver(item('bafkreiaaa', true));

    assert.deepEqual(chat.sent[0]!.metadata, {
      cid: 'bafkreiaaa',
      duration: 0,
      waveform: new Uint8Array(0),
      transcription: null,
      burnAfterReading: true,
    });
    assert.deepEqual(receipt, { txHash: '0xa1', blockHash: '0xb1', messageId: '0' });
  });

  it('sends the notice after inclusion without ready', async () => {
    const notices: VoiceNotice[] = [];
    const delivery = chainDelivery({
      chat: fakeChat(),
      sender: fakeSender,
      notify: async (notice) => void notices.push(notice),
    });

    await delivery.deliver(item('bafkreibbb'));

    assert.deepEqual(notices, [{ to: bob, cid: 'bafkreibbb', burn: false, blockHash: '0xb1' }]);
  });

  it('sends the notice once the transaction is ready', async () => {
    const notices: VoiceNotice[] = [];
    let noticeBeforeBlock: VoiceNotice[] | null = null;
    // Reports `ready`, then records which notices went out before the block.
    const readySender: TxSender = {
      account: alice,
      async send<T>(call: ChainCall<T>, options?: SendOptions): Promise<TxResult<T>> {
        options?.onProgress?.({
          stage: 'ready',
          previous: 'signing',
          call: 'chat.sendMessage',
          txHash: '0xa1',
          blockHash: null,
          events: [],
          error: null,
        });
        noticeBeforeBlock = [...notices];

        return fakeSender.send(call);
      },
    };
    const delivery = chainDelivery({
      chat: fakeChat(),
      sender: readySender,
      notify: async (notice) => void notices.push(notice),
    });

    await delivery.deliver(item('bafkreifff'));

    assert.deepEqual(noticeBeforeBlock, [
      { to: bob, cid: 'bafkreifff', burn: false, blockHash: '' },
    ]);
    assert.equal(notices.length, 1);
  });

  it('puts public metadata on chain and in the notice', async () => {
    const chat = fakeChat();
    const notices: VoiceNotice[] = [];
    const delivery = chainDelivery({
      chat,
      sender: fakeSender,
      notify: async (notice) => void notices.push(notice),
    });
    const waveform = new Uint8Array([1, 128, 255]);
    const publicItem: OutboxRecord = {
      ...item(`bafkreiggg:${'02'.repeat(32)}`),
      cid: 'bafkreiggg',
      public: true,
      durationMs: 2300,
      waveform,
      transcription: 'hello',
    };

    await delivery.deliver(publicItem);

    assert.deepEqual(chat.sent[0]!.metadata, {
      cid: 'bafkreiggg',
      duration: 3,
      waveform,
      transcription: 'hello',
      burnAfterReading: false,
    });
    assert.deepEqual(notices, [
      {
        to: bob,
        cid: 'bafkreiggg',
        burn: false,
        blockHash: '0xb1',
        public: { durationMs: 2300, waveform },
      },
    ]);
    assert.deepEqual(await delivery.findDelivered!(publicItem), { messageId: '0', block: '7' });
  });

  it('delivers even when the notice fails', async () => {
    const delivery = chainDelivery({
      chat: fakeChat(),
      sender: fakeSender,
      notify: async () => {
        throw new Error('signaling down');
      },
    });

    const receipt = await delivery.deliver(item('bafkreiccc'));

    assert.equal(receipt.blockHash, '0xb1');
  });

  it('finds an earlier delivery by CID and receiver', async () => {
    const chat = fakeChat();
    const delivery = chainDelivery({ chat, sender: fakeSender });

    await delivery.deliver(item('bafkreiddd'));

    const found = await delivery.findDelivered!(item('bafkreiddd'));
    const missing = await delivery.findDelivered!(item('bafkreieee'));

    assert.deepEqual(found, { messageId: '0', block: '7' });
    assert.equal(missing, null);
  });
});
