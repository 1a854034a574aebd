import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import { expect } from 'chai';
import { html } from 'lit';

import '../define.js';
import { ChainClient } from '../../src/chain/chain-client.js';
import type { StardustClient } from '../../src/client/stardust-client.js';
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

  return {
    caller: caller!,
    callee: callee!,
    alice,
    bob,
    callerClient: configs[0]!.client!,
    calleeClient: configs[1]!.client!,
  };
}

/**
 * Places a call from `caller`, accepts it on `callee` and waits until the call is connected
 * and the callee's `accept_call` is final, so that either side can end it on chain.
 */
async function acceptedOnChain(
  caller: StardustCall,
  callee: StardustCall,
  calleeClient: StardustClient,
): Promise<void> {
  const ringing = stateReached(callee, 'ringing');
  const connected = stateReached(caller, 'connected');

  part(caller, 'call-button')!.click();
  await ringing;
  await callee.updateComplete;
  const accepted = new Promise<void>((resolve) => {
    const off = calleeClient.callRecorder!.on('record', (record) => {
      if (!record.finalized.includes('accept')) return;

      off();
      resolve();
    });
  });

  part(callee, 'accept-button')!.click();
  await connected;
  await accepted;
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

  it('shows a missing wallet account on Call', async () => {
    const peer = (await createDevSigner('//CallElementPeer')).account.address;

    for (const { locale, text, ready } of [
      { locale: 'en', text: 'Connect a wallet account to place calls.', ready: 'Ready to call' },
      { locale: 'zh-CN', text: '请先连接钱包账户再发起通话。', ready: '准备呼叫' },
    ]) {
      const config = await fixture<StardustVoiceConfig>(
        html`<stardust-voice-config
          chain=${urls.devnetUrl}
          signaling=${urls.signaling}
          ipfs-api="http://127.0.0.1:5001"
          gateways="http://127.0.0.1:8080"
        >
          <stardust-call peer=${peer} peer-name="Bob" locale=${locale}></stardust-call>
        </stardust-voice-config>`,
      );
      const caller = config.querySelector('stardust-call')!;
      const client = config.client!;
      const states: Event[] = [];

      caller.addEventListener('stardust-call-state', (event) => states.push(event));
      await caller.updateComplete;

      // Before any click the idle status requests an account instead of "Ready to call".
      expect(part(caller, 'error'), locale).to.equal(null);
      expect(status(caller), locale).to.equal(text);

      const failed = nextEvent<StardustErrorEvent>(caller, 'stardust-error');

      part(caller, 'call-button')!.click();
      const error = await failed;

      await caller.updateComplete;
      const message = part(caller, 'error');

      expect(error.detail.code, locale).to.equal('INVALID_STATE');
      expect(error.detail.message, locale).to.contain('useWallet');
      expect(message, locale).to.not.equal(null);
      expect(message!.textContent!.trim(), locale).to.equal(text);
      // The message sits inside the polite live region, so screen readers announce it.
      expect(message!.closest('[role="status"][aria-live="polite"]'), locale).to.equal(
        part(caller, 'status'),
      );
      expect(status(caller), locale).to.equal(text);
      expect(caller.session, locale).to.equal(null);
      expect(states, locale).to.have.length(0);
      expect(client.callRecorder, locale).to.equal(null);
      expect(() => client.calls, locale).to.throw('not loaded');
      expect((part(caller, 'call-button') as HTMLButtonElement).disabled, locale).to.equal(false);
      await expectAccessible(caller);

      // A second click shows the message again, after one frame without it.
      part(caller, 'call-button')!.click();
      await caller.updateComplete;

      expect(part(caller, 'error'), locale).to.equal(null);
      await until(() => part(caller, 'error') !== null, 'the message to come back');
      expect(part(caller, 'error')!.textContent!.trim(), locale).to.equal(text);

      // Once the page sets an account the message goes away.
      client.useWallet(await fundedSigner(), { storage: memorySessionStorage() });
      await caller.updateComplete;

      expect(part(caller, 'error'), locale).to.equal(null);
      expect(status(caller), locale).to.equal(ready);
      cleanupFixtures();
    }
  });

  it('waits for calls only once reachable', async () => {
    const bob = await fundedSigner();
    const config = await fixture<StardustVoiceConfig>(
      html`<stardust-voice-config
        chain=${urls.devnetUrl}
        signaling=${urls.signaling}
        ipfs-api="http://127.0.0.1:5001"
        gateways="http://127.0.0.1:8080"
      >
        <stardust-call incoming peer-name="Alice"></stardust-call>
      </stardust-voice-config>`,
    );
    const callee = config.querySelector('stardust-call')!;
    const client = config.client!;
    // The signaling state at the moment the status first shows "Waiting for calls".
    let stateWhenWaiting: string | undefined;
    const observer = new MutationObserver(() => {
      if (stateWhenWaiting === undefined && status(callee) === 'Waiting for calls') {
        stateWhenWaiting = client.signaling.state;
      }
    });

    expect(status(callee)).to.equal('Connect a wallet account to receive calls.');

    observer.observe(callee.shadowRoot!, { subtree: true, childList: true, characterData: true });
    client.useWallet(bob, { storage: memorySessionStorage() });
    await callee.updateComplete;

    expect(status(callee)).to.equal('Connecting to receive calls…');

    await until(() => status(callee) === 'Waiting for calls', 'the callee to be reachable');
    observer.disconnect();

    expect(stateWhenWaiting).to.equal('connected');
    expect(client.signaling.state).to.equal('connected');
  });

  it('shows a missing configuration on Call', async () => {
    const peer = (await createDevSigner('//CallElementPeer')).account.address;
    const caller = await fixture<StardustCall>(
      html`<stardust-call peer=${peer} peer-name="Bob"></stardust-call>`,
    );
    const failed = nextEvent<StardustErrorEvent>(caller, 'stardust-error');

    part(caller, 'call-button')!.click();
    const error = await failed;

    await caller.updateComplete;

    expect(error.detail.code).to.equal('CONFIG_INVALID');
    expect(part(caller, 'error')!.textContent!.trim()).to.equal(
      'Calls are not set up on this page: the configuration is missing or invalid.',
    );
    expect(caller.session).to.equal(null);
  });

  it('settles a call after the element moved on', async () => {
    const { caller, callee, callerClient, calleeClient } = await callPair();
    const recorder = callerClient.callRecorder!;

    await acceptedOnChain(caller, callee, calleeClient);
    const first = caller.session!;
    const chainCallId = first.chainCallId!;
    const nobody = (await createDevSigner('//CallElementNobody')).account.address;
    const settled: StardustCallSettledEvent[] = [];
    const finalizedAtDispatch: string[][] = [];

    caller.addEventListener('stardust-call-settled', (event) => {
      settled.push(event as StardustCallSettledEvent);
      finalizedAtDispatch.push([...recorder.record(first)!.finalized]);
    });
    await caller.updateComplete;

    // Hang up and, before the chain settles, place the next call: to an account with no
    // signaling session, which ends at once as offline and leaves its summary shown.
    part(caller, 'hangup-button')!.click();
    caller.peer = nobody;
    const next = new Promise<void>((resolve) => {
      const off = recorder.on('outcome', ({ session }) => {
        if (session === first) return;

        off();
        resolve();
      });
    });

    await caller.call();

    expect(caller.session).to.not.equal(first);
    expect(caller.session!.state).to.equal('ended');

    await until(() => settled.length > 0, 'the settlement of the first call');
    await next;
    const history = await funder.voiceCall.callHistory(callerClient.account!);
    const entry = history.find((item) => item.callId === chainCallId)!;

    expect(settled).to.have.length(1);
    expect(settled[0]!.detail.callId).to.equal(first.callId);
    expect(settled[0]!.detail.chainCallId).to.equal(chainCallId);
    expect(finalizedAtDispatch[0]).to.deep.equal(['initiate', 'end']);
    expect(await funder.voiceCall.activeCall(chainCallId)).to.equal(null);
    expect(entry.state).to.equal('Ended');
    expect(settled[0]!.detail.duration).to.equal(entry.duration);
    expect(settled[0]!.detail.fee).to.equal(entry.feePaid);
    expect(caller.session).to.not.equal(first);
    await caller.updateComplete;
    expect(part(caller, 'summary')!.textContent).to.contain('Not online');
    expect(part(caller, 'summary')!.textContent).to.not.contain('On chain');

    // The balance line is read again once the fee has left the account.
    const { free } = await funder.balances.account(callerClient.account!);

    await until(
      () =>
        part(caller, 'costs')?.textContent?.includes(`Balance ${formatDust(free)} DUST`) === true,
      'the balance after the settlement',
    );
  });

  it('reports a refused settlement as stardust-error', async () => {
    const { caller, callee, alice, callerClient, calleeClient } = await callPair();
    const recorder = callerClient.callRecorder!;

    await acceptedOnChain(caller, callee, calleeClient);
    const session = caller.session!;

    // The caller sends away all but the existential deposit, so end_call cannot pay its fee.
    const bob = await createDevSigner('//Bob');

    await funder.send(await funder.balances.transferAll(bob.account.address, true), alice);
    const settled: Event[] = [];
    const errors: StardustErrorEvent[] = [];

    caller.addEventListener('stardust-call-settled', (event) => settled.push(event));
    caller.addEventListener('stardust-error', (event) => errors.push(event as StardustErrorEvent));
    const outcome = new Promise<void>((resolve) => {
      const off = recorder.on('outcome', (item) => {
        if (item.session !== session) return;

        off();
        resolve();
      });
    });

    part(caller, 'hangup-button')!.click();
    await outcome;
    await caller.updateComplete;

    expect(errors).to.have.length(1);
    expect(errors[0]!.detail.code).to.equal('TX_INVALID');
    expect(settled).to.have.length(0);
    expect(recorder.record(session)!.finalized).to.deep.equal(['initiate']);
    expect(await funder.voiceCall.activeCall(session.chainCallId!)).to.not.equal(null);
    expect(part(caller, 'settlement-error')!.textContent!.trim()).to.equal(
      'The chain did not settle this call.',
    );
  });

  it('speaks Chinese with locale zh-CN', async () => {
    const { caller } = await callPair('zh-CN');

    await until(() => part(caller, 'costs') !== null, 'the costs line');

    expect(part(caller, 'call-button')!.textContent!.trim()).to.equal('呼叫 Bob');
    expect(status(caller)).to.equal('准备呼叫');
  });
});

/**
 * A fake of Chromium's autoplay rule, needed because the test browser runs with
 * `--autoplay-policy=no-user-gesture-required`. It is a real AudioContext that starts
 * suspended and resumes only under a user activation (a trusted click or key press). Without
 * one, `resume()` stays pending, as Chromium's does while autoplay blocks audio.
 */
class AutoplayBlockedAudioContext extends AudioContext {
  static readonly instances: AutoplayBlockedAudioContext[] = [];

  #allowed = false;

  constructor(options?: AudioContextOptions) {
    super(options);
    void super.suspend();
    AutoplayBlockedAudioContext.instances.push(this);

    const nativeState = Object.getOwnPropertyDescriptor(BaseAudioContext.prototype, 'state')!.get!;

    Object.defineProperty(this, 'state', {
      get: () => {
        const state = nativeState.call(this) as AudioContextState;

        return this.#allowed || state === 'closed' ? state : 'suspended';
      },
    });
  }

  override resume(): Promise<void> {
    if (!navigator.userActivation.isActive) return new Promise(() => undefined);

    this.#allowed = true;

    return super.resume();
  }
}

/** Clicks the middle of `target` with the browser's real mouse, which counts as a user gesture. */
async function trustedClick(target: HTMLElement): Promise<void> {
  target.scrollIntoView({ block: 'center' });

  const box = target.getBoundingClientRect();

  await sendMouse({
    type: 'click',
    position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
  });
}

describe('<stardust-call> ringtone and devices', () => {
  const NativeAudioContext = window.AudioContext;

  afterEach(() => {
    window.AudioContext = NativeAudioContext;
    AutoplayBlockedAudioContext.instances.length = 0;
    cleanupFixtures();
  });

  it('holds the ringtone until a user gesture', async () => {
    window.AudioContext = AutoplayBlockedAudioContext;

    const { caller, callee } = await callPair();
    const ringing = stateReached(callee, 'ringing');

    part(caller, 'call-button')!.click();
    await ringing;
    await until(() => part(callee, 'ringtone-button') !== null, 'the ringtone button');

    const [context] = AutoplayBlockedAudioContext.instances;
    const button = part(callee, 'ringtone-button')!;

    expect(AutoplayBlockedAudioContext.instances).to.have.length(1);
    expect(context!.state).to.equal('suspended');
    expect(button.textContent!.trim()).to.equal('Play ringtone');
    expect(part(callee, 'accept-button')).to.not.equal(null);
    await expectAccessible(callee);

    await trustedClick(button);
    await until(() => part(callee, 'ringtone-button') === null, 'the ringtone button to go');

    expect(context!.state).to.equal('running');

    const ended = nextEvent<StardustCallEndedEvent>(callee, 'stardust-call-ended');

    part(callee, 'reject-button')!.click();
    await ended;
    await until(() => context!.state === 'closed', 'the ringtone to release its AudioContext');

    expect(AutoplayBlockedAudioContext.instances).to.have.length(1);
  });

  it('rings at once where autoplay is allowed', async () => {
    const contexts: AudioContext[] = [];

    window.AudioContext = class extends NativeAudioContext {
      constructor(options?: AudioContextOptions) {
        super(options);
        contexts.push(this);
      }
    };

    const { caller, callee } = await callPair();
    const ringing = stateReached(callee, 'ringing');

    part(caller, 'call-button')!.click();
    await ringing;
    await until(() => contexts[0]?.state === 'running', 'the ringtone to run');
    await callee.updateComplete;

    expect(contexts).to.have.length(1);
    expect(part(callee, 'ringtone-button')).to.equal(null);

    const ended = nextEvent<StardustCallEndedEvent>(callee, 'stardust-call-ended');

    part(callee, 'reject-button')!.click();
    await ended;
    await until(() => contexts[0]!.state === 'closed', 'the ringtone to release its AudioContext');
  });

  it('switches the microphone from the input picker', async () => {
    const { caller, callee } = await callPair();
    const ringing = stateReached(callee, 'ringing');
    const connected = stateReached(caller, 'connected');

    part(caller, 'call-button')!.click();
    await ringing;
    await callee.updateComplete;
    part(callee, 'accept-button')!.click();
    await connected;
    await until(() => part(caller, 'input-select') !== null, 'the microphone picker');

    const select = part(caller, 'input-select') as HTMLSelectElement;
    const offered = [...select.options].map((option) => option.value);
    const inputs = (await navigator.mediaDevices.enumerateDevices())
      .filter((device) => device.kind === 'audioinput')
      .map((device) => device.deviceId);
    const target = offered[offered.length - 1]!;

    expect(offered).to.deep.equal(inputs);
    expect(offered.length, 'fake microphones').to.be.greaterThan(1);

    // Spies that call through: the element's request, and the track the sender takes.
    const session = caller.session!;
    const setInputDevice = session.setInputDevice.bind(session);
    const requested: string[] = [];
    let switched: Promise<void> | undefined;
    const nativeReplaceTrack = RTCRtpSender.prototype.replaceTrack;
    const replaced: Array<MediaStreamTrack | null> = [];
    const errors: StardustErrorEvent[] = [];

    session.setInputDevice = (deviceId: string) => {
      requested.push(deviceId);
      switched = setInputDevice(deviceId);

      return switched;
    };

    RTCRtpSender.prototype.replaceTrack = function (track: MediaStreamTrack | null) {
      replaced.push(track);

      return nativeReplaceTrack.call(this, track);
    };

    caller.addEventListener('stardust-error', (event) => errors.push(event as StardustErrorEvent));

    try {
      select.value = target;
      select.dispatchEvent(new Event('change'));
      await switched;
    } finally {
      RTCRtpSender.prototype.replaceTrack = nativeReplaceTrack;
    }

    expect(requested).to.deep.equal([target]);
    expect(replaced).to.have.length(1);
    expect(replaced[0]!.getSettings().deviceId).to.equal(target);
    expect(replaced[0]!.readyState).to.equal('live');
    expect(errors).to.have.length(0);

    const ended = nextEvent<StardustCallEndedEvent>(caller, 'stardust-call-ended');

    part(caller, 'hangup-button')!.click();
    expect((await ended).detail.reason).to.equal('normal');
  });
});
