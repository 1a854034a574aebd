import { executeServerCommand } from '@web/test-runner-commands';
import { expect } from 'chai';
import { html } from 'lit';

import '../define.js';
import { ChainClient } from '../../src/chain/chain-client.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import { memorySessionStorage } from '../../src/wallet/session.js';
import type { WalletSigner } from '../../src/wallet/wallet-signer.js';
import { expectAccessible } from '../../test/support/axe.js';
import { cleanupFixtures, fixture } from '../../test/support/fixture.js';
import type { StardustVoiceConfig } from '../voice-config/voice-config.js';
import type { StardustErrorEvent } from '../shared/events.js';
import type {
  StardustCallEndedEvent,
  StardustCallQualityEvent,
  StardustCallSettledEvent,
} from './call-events.js';
import type { StardustCall } from './call.js';
import { formatDust, formatDuration } from './format.js';

const DUST = 10n ** 12n;

interface Urls {
  devnetUrl: string;
  signaling: string;
}

let urls: Urls;
let funder: ChainClient;

before(async () => {
  urls = (await executeServerCommand('stack-urls', { devnet: true, signaling: true })) as Urls;
  funder = new ChainClient({ url: urls.devnetUrl });
});

after(async () => {
  await funder.dispose();
});

/** Returns a fresh dev account funded with 10 DUST, so tests never share chain state. */
async function fundedSigner(): Promise<WalletSigner> {
  const signer = await createDevSigner(`//CallElement${Math.random().toString(36).slice(2)}`);
  const alice = await createDevSigner('//Alice');

  await funder.send(
    await funder.balances.transferKeepAlive(signer.account.address, 10n * DUST),
    alice,
  );

  return signer;
}

function part(element: StardustCall, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(`[part~="${name}"]`);
}

function status(element: StardustCall): string {
  return part(element, 'status')?.textContent?.trim() ?? '';
}

/** Resolves when `element` dispatches `type` and `match` accepts the event. */
function nextEvent<E extends Event>(
  element: EventTarget,
  type: string,
  match: (event: E) => boolean = () => true,
): Promise<E> {
  return new Promise((resolve) => {
    const listener = (event: Event) => {
      if (!match(event as E)) return;

      element.removeEventListener(type, listener);
      resolve(event as E);
    };

    element.addEventListener(type, listener);
  });
}

function stateReached(element: StardustCall, state: string): Promise<Event> {
  return nextEvent<CustomEvent>(
    element,
    'stardust-call-state',
    (event) => (event as unknown as { detail: { state: string } }).detail.state === state,
  );
}

/** Sends one JSON-RPC request to the devnet (for `dev_timeTravel`). */
function devRpc(method: string, params: unknown[]): Promise<unknown> {
  const socket = new WebSocket(urls.devnetUrl);

  return new Promise((resolve, reject) => {
    socket.onopen = () => socket.send(JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }));
    socket.onmessage = (event) => {
      const reply = JSON.parse(String(event.data)) as { result?: unknown; error?: unknown };

      socket.close();

      if (reply.error !== undefined) reject(new Error(JSON.stringify(reply.error)));
      else resolve(reply.result);
    };

    socket.onerror = () => reject(new Error('devnet RPC failed'));
  });
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    if (condition()) return;

    await new Promise((resolve) => requestAnimationFrame(resolve));
  }

  throw new Error(`timed out waiting for ${what}`);
}

/** Alice's `<stardust-call peer=bob>` and Bob's `<stardust-call incoming>`, each with a client. */
async function callPair(locale = 'en') {
  const [alice, bob] = await Promise.all([fundedSigner(), fundedSigner()]);
  const root = await fixture<HTMLElement>(
    html`<div>
      <stardust-voice-config
        id="alice"
        chain=${urls.devnetUrl}
        signaling=${urls.signaling}
        ipfs-api="http://127.0.0.1:5001"
        gateways="http://127.0.0.1:8080"
      >
        <stardust-call peer=${bob.account.address} peer-name="Bob" locale=${locale}></stardust-call>
      </stardust-voice-config>
      <stardust-voice-config
        id="bob"
        chain=${urls.devnetUrl}
        signaling=${urls.signaling}
        ipfs-api="http://127.0.0.1:5001"
        gateways="http://127.0.0.1:8080"
      >
        <stardust-call incoming peer-name="Alice" locale=${locale}></stardust-call>
      </stardust-voice-config>
    </div>`,
  );
  const configs = [...root.querySelectorAll('stardust-voice-config')] as StardustVoiceConfig[];
  const [caller, callee] = [...root.querySelectorAll('stardust-call')] as StardustCall[];

  for (const [config, signer] of [
    [configs[0]!, alice],
    [configs[1]!, bob],
  ] as const) {
    const client = config.client!;

    client.configureCalls({ chainWrites: 'confirm-each' });
    client.useWallet(signer, { storage: memorySessionStorage() });
  }

  await configs[1]!.client!.signaling.connect();
  await Promise.all(configs.map((config) => config.client!.loadCalls()));

  return { caller: caller!, callee: callee!, alice, bob, calleeClient: configs[1]!.client! };
}

describe('<stardust-call>', () => {
  afterEach(() => {
    cleanupFixtures();
  });

  it('shows fee and balance before a call in both themes', async () => {
    const { caller } = await callPair();

    await until(() => part(caller, 'costs') !== null, 'the costs line');

    expect(part(caller, 'costs')!.textContent).to.contain('0.01 DUST per started minute');
    expect(part(caller, 'costs')!.textContent).to.contain('Balance 10 DUST');
    expect(part(caller, 'call-button')!.textContent!.trim()).to.equal('Call Bob');
    expect(part(caller, 'status')!.getAttribute('role')).to.equal('status');
    await expectAccessible(caller);
    caller.theme = 'dark';
    await caller.updateComplete;
    await expectAccessible(caller);
  });

  it('calls, answers, hangs up and shows the settlement', async () => {
    const { caller, callee, calleeClient } = await callPair();
    const ringing = stateReached(callee, 'ringing');
    const accepted = new Promise<void>((resolve) => {
      const off = calleeClient.callRecorder!.on('record', (record) => {
        if (!record.finalized.includes('accept')) return;

        off();
        resolve();
      });
    });

    part(caller, 'call-button')!.click();
    await ringing;
    await callee.updateComplete;

    expect(status(callee)).to.equal('Alice is calling');
    await expectAccessible(callee);
    const connected = Promise.all([
      stateReached(caller, 'connected'),
      stateReached(callee, 'connected'),
    ]);

    // The first reading needs two getStats snapshots after connected: about 4 s.
    const firstReading = nextEvent<StardustCallQualityEvent>(caller, 'stardust-call-quality');

    part(callee, 'accept-button')!.click();
    await connected;
    await caller.updateComplete;

    expect(status(caller)).to.equal('In a call with Bob');
    const reading = (await firstReading).detail;

    expect(reading.callId).to.equal(caller.session!.callId);
    expect(Number.isInteger(reading.level)).to.equal(true);
    expect(reading.level).to.be.within(0, 5);

    for (const field of ['avgBitrate', 'packetLoss', 'jitter', 'latency'] as const) {
      expect(reading[field], field).to.be.a('number');
      expect(Number.isFinite(reading[field]), field).to.equal(true);
      expect(reading[field], field).to.be.at.least(0);
    }

    expect(reading.avgBitrate).to.be.greaterThan(0);
    expect(reading.packetLoss).to.be.at.most(100);
    expect(part(caller, 'timer')).to.not.equal(null);
    expect(part(caller, 'hangup-button')).to.not.equal(null);
    await expectAccessible(caller);
    caller.theme = 'dark';
    await caller.updateComplete;
    await expectAccessible(caller);
    const mute = part(caller, 'mute-button')!;

    mute.click();
    await caller.updateComplete;

    expect(mute.getAttribute('aria-pressed')).to.equal('true');
    expect(caller.session!.muted).to.equal(true);
    // Chain time moves 61 s past accept_call, so the fee covers two started minutes.
    await accepted;
    const active = await funder.voiceCall.activeCall(caller.session!.chainCallId!);

    await devRpc('dev_timeTravel', [active!.startedAt! + 61_000]);
    const ended = nextEvent<StardustCallEndedEvent>(caller, 'stardust-call-ended');
    const calleeEnded = nextEvent<StardustCallEndedEvent>(callee, 'stardust-call-ended');
    const settled = nextEvent<StardustCallSettledEvent>(caller, 'stardust-call-settled');
    const calleeSettled = nextEvent<StardustCallSettledEvent>(callee, 'stardust-call-settled');

    part(caller, 'hangup-button')!.click();
    const [end, calleeEnd] = await Promise.all([ended, calleeEnded]);

    expect(end.detail.reason).to.equal('normal');
    expect(calleeEnd.detail.reason).to.equal('normal');
    expect(end.detail.durationMs).to.be.greaterThan(0);
    expect(end.detail.duration).to.equal(null);
    expect(end.detail.fee).to.equal(null);
    expect(end.detail.quality).to.not.equal(null);
    expect(end.detail.quality!.level).to.be.within(0, 5);
    expect(end.detail.quality!.timestamp).to.be.at.least(reading.timestamp);
    expect(end.detail.averageQualityLevel).to.be.within(0, 5);
    await caller.updateComplete;
    expect(part(caller, 'summary-quality')!.textContent!.trim()).to.equal(
      `Quality: last ${end.detail.quality!.level} of 5 · average ${end.detail.averageQualityLevel!.toFixed(1)} of 5`,
    );
    const [settlement, calleeSettlement] = await Promise.all([settled, calleeSettled]);

    expect(settlement.detail.duration).to.equal(61);
    expect(settlement.detail.fee).to.equal((2n * DUST) / 100n);
    expect(calleeSettlement.detail.fee).to.equal(settlement.detail.fee);
    expect(calleeSettlement.detail.duration).to.equal(settlement.detail.duration);
    await caller.updateComplete;
    expect(part(caller, 'summary')!.textContent).to.contain(
      `fee ${formatDust(settlement.detail.fee)} DUST`,
    );
    expect(part(caller, 'summary')!.textContent).to.contain(
      formatDuration(settlement.detail.duration * 1000),
    );
    await expectAccessible(caller);
  });

  it('shows a declined call to the caller', async () => {
    const { caller, callee } = await callPair();
    const ringing = stateReached(callee, 'ringing');

    part(caller, 'call-button')!.click();
    await ringing;
    await callee.updateComplete;
    const ended = nextEvent<StardustCallEndedEvent>(caller, 'stardust-call-ended');

    part(callee, 'reject-button')!.click();
    const end = await ended;

    await caller.updateComplete;

    expect(end.detail.reason).to.equal('rejected');
    expect(end.detail.rejectReason).to.equal('decline');
    expect(status(caller)).to.equal('Call declined');
  });

  it('cancels a ringing call from the keyboard', async () => {
    const { caller, callee } = await callPair();
    const ringing = stateReached(callee, 'ringing');

    part(caller, 'call-button')!.click();
    await ringing;
    await caller.updateComplete;
    const cancel = part(caller, 'cancel-button') as HTMLButtonElement;
    const missed = nextEvent<StardustCallEndedEvent>(callee, 'stardust-call-ended');

    cancel.focus();
    expect(caller.shadowRoot!.activeElement).to.equal(cancel);
    // A real <button> turns Enter into a click; dispatching the click is what the key does.
    cancel.click();
    const end = await missed;

    await callee.updateComplete;

    expect(end.detail.reason).to.equal('cancelled');
    expect(status(callee)).to.equal('Missed call');
  });

  it('reports a bad peer as stardust-error', async () => {
    const signer = await createDevSigner(`//CallElement${Math.random().toString(36).slice(2)}`);
    const config = await fixture<StardustVoiceConfig>(
      html`<stardust-voice-config
        chain=${urls.devnetUrl}
        signaling=${urls.signaling}
        ipfs-api="http://127.0.0.1:5001"
        gateways="http://127.0.0.1:8080"
      >
        <stardust-call peer="not-an-address"></stardust-call>
      </stardust-voice-config>`,
    );
    const caller = config.querySelector('stardust-call')!;
    const client = config.client!;

    client.configureCalls({ chainWrites: 'confirm-each' });
    client.useWallet(signer, { storage: memorySessionStorage() });
    await client.loadCalls();
    const cases = [
      { peer: 'not-an-address', code: 'ADDRESS_INVALID', mentions: '"not-an-address"' },
      { peer: signer.account.address, code: 'INVALID_ARGUMENT', mentions: 'local account' },
    ];

    for (const { peer, code, mentions } of cases) {
      caller.peer = peer;
      await caller.updateComplete;
      const failed = nextEvent<StardustErrorEvent>(caller, 'stardust-error');
      const ended: Event[] = [];
      const collect = (event: Event) => ended.push(event);

      caller.addEventListener('stardust-call-ended', collect);
      part(caller, 'call-button')!.click();
      const error = await failed;

      caller.removeEventListener('stardust-call-ended', collect);
      await caller.updateComplete;

      expect(error.detail.code, peer).to.equal(code);
      expect(error.detail.message, peer).to.contain(mentions);
      expect(caller.session, peer).to.equal(null);
      expect(ended, peer).to.have.length(0);
      expect(status(caller), peer).to.equal('Ready to call');
      expect((part(caller, 'call-button') as HTMLButtonElement).disabled, peer).to.equal(false);
    }
  });

  it('speaks Chinese with locale zh-CN', async () => {
    const { caller } = await callPair('zh-CN');

    await until(() => part(caller, 'costs') !== null, 'the costs line');

    expect(part(caller, 'call-button')!.textContent!.trim()).to.equal('呼叫 Bob');
    expect(status(caller)).to.equal('准备呼叫');
  });
});
