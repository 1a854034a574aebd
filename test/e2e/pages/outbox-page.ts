// The page side of the outbox reload test, bundled with esbuild and driven by playwright-core.
import { IpfsClient } from '../../../src/message/ipfs-client.js';
import { Outbox } from '../../../src/message/outbox.js';
import { MessageStore, type OutboxRecord } from '../../../src/message/store/message-store.js';

// A fake delivery step, named as such: chat.send_message needs the devnet and chain client.
// It records delivered CIDs in localStorage, which survives the reload like IndexedDB does.
const fakeDelivery = {
  async deliver(item: OutboxRecord) {
    const delivered = JSON.parse(localStorage.getItem('delivered') ?? '[]') as string[];

    localStorage.setItem('delivered', JSON.stringify([...delivered, item.id]));

    return { blockHash: '0xfeed' };
  },
};

async function makeOutbox(apiUrl: string, account: string): Promise<Outbox> {
  const store = await MessageStore.open();

  return new Outbox({
    account,
    store,
    ipfs: new IpfsClient({ apiUrl, gateways: [apiUrl] }),
    delivery: fakeDelivery,
  });
}

/** Enqueues a random envelope and runs one pass; returns the item afterwards. */
async function enqueue(apiUrl: string, account: string): Promise<OutboxRecord | undefined> {
  const outbox = await makeOutbox(apiUrl, account);
  const envelope = crypto.getRandomValues(new Uint8Array(3000));
  const item = await outbox.enqueue({ envelope, to: account, burn: false, durationMs: 1000 });

  await outbox.processNow();

  const stored = await outbox.get(item.id);

  outbox.dispose();

  return stored;
}

/** Resumes the stored items after a reload and resolves once `id` is sent. */
async function resume(apiUrl: string, account: string, id: string) {
  const outbox = await makeOutbox(apiUrl, account);
  const sent = new Promise<OutboxRecord>((resolve) => {
    outbox.on('itemChange', ({ item }) => {
      if (item.id === id && item.state === 'sent') resolve(item);
    });
  });
  const before = await outbox.get(id);

  outbox.start();

  const item = await sent;

  outbox.dispose();

  return {
    before: before?.state,
    state: item.state,
    receipt: item.receipt,
    delivered: JSON.parse(localStorage.getItem('delivered') ?? '[]') as string[],
  };
}

(window as unknown as { outboxPage: unknown }).outboxPage = { enqueue, resume };
