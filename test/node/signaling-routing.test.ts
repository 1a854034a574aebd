// Routing against a real server on port 0: presence over tabs, calls between two parties,
// voice message notices, the key directory, delegation lookup, logout, TURN credentials,
// metrics, dead-peer detection and shutdown.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { decodePayload, encodePayload, SignalType } from '../../src/shared/codec.js';
import { toDelegation } from '../../src/shared/delegation.js';
import { startSignalingServer, type SignalingServerHandle } from '../../server/signaling/server.js';
import type { EndedCall } from '../../server/signaling/settler.js';
import { signedBundle } from '../support/device-bundle.js';
import { RawClient, TEST_GENESIS } from '../support/raw-signal-client.js';
import { randomBytes, sr25519Wallet } from '../support/signers.js';

let server: SignalingServerHandle;
const ended: EndedCall[] = [];

before(async () => {
  server = await startSignalingServer({
    port: 0,
    genesisHash: TEST_GENESIS,
    logLevel: 'silent',
    turnSecret: 'test-secret',
    turnUrls: ['turn:127.0.0.1:3478'],
    settler: { callEnded: (call) => void ended.push(call) },
  });
});

after(() => server.close());

const callId = (): string => Buffer.from(randomBytes(16)).toString('hex');
const invitePayload = (caller: RawClient) =>
  encodePayload(SignalType.CALL_INVITE, { callerName: 'Alice', delegation: caller.delegation });

describe('signaling calls', () => {
  it('rings every tab of the callee', async () => {
    const alice = await RawClient.connect(server.url);
    const bobWallet = sr25519Wallet();
    const bobTab1 = await RawClient.connect(server.url, { wallet: bobWallet });
    const bobTab2 = await RawClient.connect(server.url, { wallet: bobWallet });
    const id = callId();

    alice.send({
      type: SignalType.CALL_INVITE,
      to: bobWallet.address,
      callId: id,
      payload: invitePayload(alice),
    });

    const [ring1, ring2] = await Promise.all([
      bobTab1.next(SignalType.CALL_INVITE),
      bobTab2.next(SignalType.CALL_INVITE),
    ]);

    assert.equal(ring1.callId, id);
    assert.equal(ring2.from, alice.address);
    assert.equal(decodePayload(SignalType.CALL_INVITE, ring1.payload).callerName, 'Alice');
    await Promise.all([alice.close(), bobTab1.close(), bobTab2.close()]);
  });

  it('answers CALL_BUSY offline for an absent callee', async () => {
    const alice = await RawClient.connect(server.url);
    const id = callId();

    alice.send({
      type: SignalType.CALL_INVITE,
      to: sr25519Wallet().address,
      callId: id,
      payload: invitePayload(alice),
    });

    const busy = await alice.next(SignalType.CALL_BUSY);

    assert.equal(busy.callId, id);
    assert.equal(decodePayload(SignalType.CALL_BUSY, busy.payload).reason, 3);
    await alice.close();
  });

  it('stops other tabs ringing once one accepts', async () => {
    const { alice, bob1, bob2, id } = await ringing();

    bob1.send({ type: SignalType.CALL_ACCEPT, to: alice.address, callId: id });

    const [atCaller, atOtherTab] = await Promise.all([
      alice.next(SignalType.CALL_ACCEPT),
      bob2.next(SignalType.CALL_ACCEPT),
    ]);

    assert.equal(atCaller.callId, id);
    assert.equal(atOtherTab.from, bob1.address);

    bob2.send({ type: SignalType.CALL_ACCEPT, to: alice.address, callId: id });
    assert.equal(await bob2.nextError(), 'INVALID_STATE');
    await closeAll(alice, bob1, bob2);
  });

  it('answers CALL_BUSY busy while the callee is in a call', async () => {
    const { alice, bob1, bob2, id } = await ringing();
    const carol = await RawClient.connect(server.url);

    bob1.send({ type: SignalType.CALL_ACCEPT, to: alice.address, callId: id });
    await alice.next(SignalType.CALL_ACCEPT);
    carol.send({
      type: SignalType.CALL_INVITE,
      to: bob1.address,
      callId: callId(),
      payload: invitePayload(carol),
    });

    assert.equal(
      decodePayload(SignalType.CALL_BUSY, (await carol.next(SignalType.CALL_BUSY)).payload).reason,
      0,
    );
    await closeAll(alice, bob1, bob2, carol);
  });

  it('relays SDP and ICE only between the parties', async () => {
    const { alice, bob1, bob2, id } = await ringing();
    const mallory = await RawClient.connect(server.url);
    const offer = encodePayload(SignalType.SDP_OFFER, { sdp: 'v=0\r\n', type: 'offer' });

    bob1.send({ type: SignalType.CALL_ACCEPT, to: alice.address, callId: id });
    await alice.next(SignalType.CALL_ACCEPT);
    alice.send({ type: SignalType.SDP_OFFER, to: bob1.address, callId: id, payload: offer });

    const received = await bob1.next(SignalType.SDP_OFFER);

    assert.equal(decodePayload(SignalType.SDP_OFFER, received.payload).sdp, 'v=0\r\n');

    mallory.send({ type: SignalType.ICE_CANDIDATE, to: bob1.address, callId: id });
    assert.equal(await mallory.nextError(), 'NOT_CALL_PARTY');

    alice.send({ type: SignalType.ICE_CANDIDATE, to: mallory.address, callId: id });
    assert.equal(await alice.nextError(), 'NOT_CALL_PARTY');
    await closeAll(alice, bob1, bob2, mallory);
  });

  it('ends the call for both parties on hangup', async () => {
    const { alice, bob1, bob2, id } = await ringing();

    bob1.send({ type: SignalType.CALL_ACCEPT, to: alice.address, callId: id });
    await alice.next(SignalType.CALL_ACCEPT);
    alice.send({ type: SignalType.CALL_HANGUP, to: bob1.address, callId: id });

    await Promise.all([bob1.next(SignalType.CALL_HANGUP), bob2.next(SignalType.CALL_HANGUP)]);
    alice.send({ type: SignalType.SDP_OFFER, to: bob1.address, callId: id });
    assert.equal(await alice.nextError(), 'NOT_CALL_PARTY');
    assert.ok(ended.some((call) => call.callId === id && call.reason === 'hangup'));
    await closeAll(alice, bob1, bob2);
  });

  it('passes a rejection to the caller and the other tabs', async () => {
    const { alice, bob1, bob2, id } = await ringing();

    bob2.send({
      type: SignalType.CALL_REJECT,
      to: alice.address,
      callId: id,
      payload: encodePayload(SignalType.CALL_REJECT, { reason: 1 }),
    });

    const [atCaller] = await Promise.all([
      alice.next(SignalType.CALL_REJECT),
      bob1.next(SignalType.CALL_REJECT),
    ]);

    assert.equal(decodePayload(SignalType.CALL_REJECT, atCaller.payload).reason, 1);
    await closeAll(alice, bob1, bob2);
  });

  it('lets only the caller cancel', async () => {
    const { alice, bob1, bob2, id } = await ringing();

    bob1.send({ type: SignalType.CALL_CANCEL, to: alice.address, callId: id });
    assert.equal(await bob1.nextError(), 'NOT_CALL_PARTY');

    alice.send({ type: SignalType.CALL_CANCEL, to: bob1.address, callId: id });
    await Promise.all([bob1.next(SignalType.CALL_CANCEL), bob2.next(SignalType.CALL_CANCEL)]);
    await closeAll(alice, bob1, bob2);
  });
});

describe('signaling services', () => {
  it('delivers voice message notices', async () => {
    const alice = await RawClient.connect(server.url);
    const bob = await RawClient.connect(server.url);
    const notice = encodePayload(SignalType.VOICE_MESSAGE, { cid: 'bafkreiabc', burn: true });

    alice.send({ type: SignalType.VOICE_MESSAGE, to: bob.address, payload: notice, requestId: 4 });

    assert.equal(
      decodePayload(SignalType.VOICE_MESSAGE, (await bob.next(SignalType.VOICE_MESSAGE)).payload)
        .cid,
      'bafkreiabc',
    );
    assert.equal((await alice.next(SignalType.ACK)).requestId, 4);

    alice.send({
      type: SignalType.VOICE_MESSAGE,
      to: sr25519Wallet().address,
      payload: notice,
      requestId: 5,
    });
    assert.equal(await alice.nextError(), 'PEER_NOT_FOUND');
    await closeAll(alice, bob);
  });

  it('publishes keys and hands each prekey out once', async () => {
    const bob = await RawClient.connect(server.url);
    const alice = await RawClient.connect(server.url);
    const bundle = await signedBundle(bob.wallet, 2);

    bob.send({
      type: SignalType.KEYS_PUBLISH,
      payload: encodePayload(SignalType.KEYS_PUBLISH, { bundle: bundle }),
      requestId: 1,
    });
    assert.equal((await bob.nextOf([SignalType.ACK, SignalType.ERROR])).type, SignalType.ACK);

    const claimed = new Set<number>();

    for (let i = 0; i < 3; i += 1) {
      alice.send({
        type: SignalType.KEYS_LOOKUP,
        payload: encodePayload(SignalType.KEYS_LOOKUP, {
          account: bob.address,
          claimPrekeys: true,
        }),
        requestId: 10 + i,
      });

      const result = decodePayload(
        SignalType.KEYS_RESULT,
        (await alice.next(SignalType.KEYS_RESULT)).payload,
      );

      assert.equal(result.devices?.length, 1);

      for (const prekey of result.devices![0]!.prekeys ?? []) {
        assert.ok(!claimed.has(prekey.id!), `prekey ${prekey.id} handed out twice`);
        claimed.add(prekey.id!);
      }

      assert.equal(result.prekeysLeft![0], Math.max(0, 1 - i));
    }

    assert.equal(claimed.size, 2);
    await closeAll(alice, bob);
  });

  it('rejects a substituted key with KEY_BINDING_INVALID', async () => {
    const bob = await RawClient.connect(server.url);
    const bundle = await signedBundle(bob.wallet, 1);

    bob.send({
      type: SignalType.KEYS_PUBLISH,
      payload: encodePayload(SignalType.KEYS_PUBLISH, {
        bundle: { ...bundle, encryptionKey: randomBytes(32) },
      }),
    });

    assert.equal(await bob.nextError(), 'KEY_BINDING_INVALID');
    await bob.close();
  });

  it('returns the delegation of a live session', async () => {
    const alice = await RawClient.connect(server.url);
    const bob = await RawClient.connect(server.url);

    bob.send({
      type: SignalType.DELEGATION_LOOKUP,
      payload: encodePayload(SignalType.DELEGATION_LOOKUP, {
        account: alice.address,
        sessionKey: alice.session.publicKey,
      }),
      requestId: 2,
    });

    const result = decodePayload(
      SignalType.DELEGATION_RESULT,
      (await bob.next(SignalType.DELEGATION_RESULT)).payload,
    );
    const delegation = toDelegation(result.delegations![0]);

    assert.deepEqual(delegation.sessionPublicKey, alice.session.publicKey);
    assert.deepEqual(delegation.walletSignature, alice.delegation!.walletSignature);
    assert.equal(delegation.expiresAt, alice.delegation!.expiresAt);
    assert.equal(delegation.issuedAt, alice.delegation!.issuedAt);
    await closeAll(alice, bob);
  });

  it('revokes the session on logout', async () => {
    const alice = await RawClient.connect(server.url);
    const bob = await RawClient.connect(server.url);

    alice.send({ type: SignalType.LOGOUT, requestId: 7 });
    assert.equal((await alice.next(SignalType.ACK)).requestId, 7);
    assert.equal(await alice.closed, 1000);

    bob.send({
      type: SignalType.DELEGATION_LOOKUP,
      payload: encodePayload(SignalType.DELEGATION_LOOKUP, { account: alice.address }),
    });
    assert.equal(await bob.nextError(), 'DELEGATION_NOT_FOUND');

    const again = await RawClient.connect(server.url, {
      skipAuth: true,
      wallet: alice.wallet,
      session: alice.session,
    });

    assert.equal(
      decodePayload(
        SignalType.ERROR,
        (await again.authenticate(async () => alice.delegation!)).payload,
      ).code,
      'DELEGATION_REVOKED',
    );
    await bob.close();
  });

  it('issues TURN REST credentials in AUTH_OK', async () => {
    const client = await RawClient.connect(server.url, { skipAuth: true });
    const ok = decodePayload(SignalType.AUTH_OK, (await client.authenticate()).payload);
    const ice = ok.iceServers![0]!;
    const [expiry, account] = ice.username!.split(':');

    assert.equal(account, client.address);
    assert.ok(Math.abs(Number(expiry) * 1000 - Date.now() - 24 * 3600_000) < 60_000);
    assert.equal(
      ice.credential,
      createHmac('sha1', 'test-secret').update(ice.username!).digest('base64'),
    );
    assert.deepEqual(ice.urls, ['turn:127.0.0.1:3478']);
    assert.equal(ok.heartbeatIntervalMs, 15_000);
    await client.close();
  });

  it('serves Prometheus metrics on the same port', async () => {
    const text = await (await fetch(server.metricsUrl)).text();

    assert.match(text, /^stardust_signaling_connections\{state="authenticated"\} \d+$/m);
    assert.match(text, /^stardust_signaling_messages_total\{type="CALL_INVITE"\} [1-9]\d*$/m);
    assert.match(text, /^stardust_signaling_rejections_total\{code="NOT_CALL_PARTY"\} [1-9]\d*$/m);
  });
});

describe('signaling lifecycle', () => {
  it('closes silent sockets as dead peers', async () => {
    let now = Date.now();
    const fake = await startSignalingServer({
      port: 0,
      genesisHash: TEST_GENESIS,
      logLevel: 'silent',
      now: () => now,
      sweepIntervalMs: 20,
    });
    const client = await RawClient.connect(fake.url, { now: () => now });

    now += 46_000;

    assert.equal(await client.closed, 1001);
    await fake.close();
  });

  it('closes every socket with 1012 on close', async () => {
    const own = await startSignalingServer({
      port: 0,
      genesisHash: TEST_GENESIS,
      logLevel: 'silent',
    });
    const clients = await Promise.all([RawClient.connect(own.url), RawClient.connect(own.url)]);

    await own.close();

    assert.deepEqual(await Promise.all(clients.map((client) => client.closed)), [1012, 1012]);
  });
});

async function ringing(): Promise<{
  alice: RawClient;
  bob1: RawClient;
  bob2: RawClient;
  id: string;
}> {
  const alice = await RawClient.connect(server.url);
  const bobWallet = sr25519Wallet();
  const bob1 = await RawClient.connect(server.url, { wallet: bobWallet });
  const bob2 = await RawClient.connect(server.url, { wallet: bobWallet });
  const id = callId();

  alice.send({
    type: SignalType.CALL_INVITE,
    to: bobWallet.address,
    callId: id,
    payload: invitePayload(alice),
  });
  await Promise.all([bob1.next(SignalType.CALL_INVITE), bob2.next(SignalType.CALL_INVITE)]);

  return { alice, bob1, bob2, id };
}

async function closeAll(...clients: RawClient[]): Promise<void> {
  await Promise.all(clients.map((client) => client.close()));
}

describe('memory bus', () => {
  it('forgets calls that rang out', async () => {
    const { MemoryBus } = await import('../../server/signaling/bus.js');
    let now = 1_000_000;
    const bus = new MemoryBus({ instanceId: 'test', now: () => now });
    const call = {
      id: 'old',
      caller: 'a',
      callee: 'b',
      callerAddress: 'A',
      calleeAddress: 'B',
      state: 'ringing' as const,
      createdAt: now,
    };

    assert.equal(await bus.createCall(call, 60_000), 'ok');
    assert.equal(await bus.createCall({ ...call, id: 'second', caller: 'c' }, 60_000), 'busy');

    now += 61_000;

    assert.equal(await bus.createCall({ ...call, id: 'new' }, 60_000), 'ok');
    assert.equal(await bus.getCall('old'), undefined);
  });
});
