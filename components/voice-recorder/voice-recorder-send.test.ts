import { executeServerCommand } from '@web/test-runner-commands';
import { expect } from 'chai';

import '../define.js';
import { defineLazyElement } from '../shared/define-elements.js';
import { voice } from '../../proto/gen/voice.js';
import { SignalType } from '../../src/shared/codec.js';
import {
  party,
  place,
  voiceStack,
  type Party,
  type VoiceStackUrls,
} from '../../test/browser/support/voice-clients.js';
import { expectAccessible } from '../../test/support/axe.js';
import { cleanupFixtures } from '../../test/support/fixture.js';
import { until } from '../../test/support/until.js';
import type { StardustErrorEvent } from '../shared/events.js';
import type { StardustVoiceSentEvent } from './voice-recorder-events.js';
import type { StardustVoiceRecorder } from './voice-recorder.js';

function part(element: StardustVoiceRecorder, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(`[part~="${name}"]`);
}

function errors(element: HTMLElement): string[] {
  const codes: string[] = [];

  element.addEventListener('stardust-error', (event) =>
    codes.push((event as StardustErrorEvent).detail.code),
  );

  return codes;
}

/** Places a recorder for `to` in `owner`'s configuration and records 1.3 s hands-free. */
async function recordFor(owner: Party, to: string): Promise<StardustVoiceRecorder> {
  const recorder = document.createElement('stardust-voice-recorder');

  recorder.setAttribute('to', to);
  await place(owner, recorder);
  recorder.start();
  await until(() => recorder.elapsedMs >= 1300, '1.3 s of recording');
  recorder.stop();
  await until(() => recorder.phase === 'preview', 'the review');

  return recorder;
}

function outboxText(recorder: StardustVoiceRecorder): string {
  return part(recorder, 'outbox')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('<stardust-voice-recorder> sending', function () {
  this.timeout(120_000);

  // The voice tags load lazily; define them before the fixtures render.
  before(() =>
    Promise.all([
      defineLazyElement('stardust-voice-recorder'),
      defineLazyElement('stardust-voice-message'),
    ]),
  );

  let urls: VoiceStackUrls;

  before(async () => {
    urls = await voiceStack();
  });

  afterEach(() => cleanupFixtures());

  it('uploads, sends on chain and reports stardust-voice-sent', async () => {
    const bob = await party(urls, '//Bob');
    const alice = await party(urls, '//Alice');
    const recorder = await recordFor(alice, bob.address);
    const heard = new Promise<{ cid: string; from: string }>((resolve) =>
      bob.client.messages.on('message', ({ message }) => resolve(message)),
    );
    const sent = new Promise<StardustVoiceSentEvent>((resolve) =>
      recorder.addEventListener('stardust-voice-sent', resolve, { once: true }),
    );
    const texts = new Set<string>();
    const observer = new MutationObserver(() => texts.add(outboxText(recorder)));

    observer.observe(recorder.shadowRoot!, { subtree: true, childList: true, characterData: true });

    const duration = recorder.recording!.durationMs / 1000;

    (part(recorder, 'send-button') as HTMLButtonElement).click();

    const event = await sent;
    const notice = await heard;

    observer.disconnect();
    await until(() => outboxText(recorder) === 'Sent', 'the sent state');

    expect(event.detail.cid).to.equal(notice.cid);
    expect(event.detail.duration).to.equal(duration);
    expect(event.detail.blockHash).to.match(/^0x[0-9a-f]{64}$/);
    expect(event.detail.to).to.equal(bob.address);
    expect(event.detail.burn).to.equal(false);
    expect(notice.from).to.equal(alice.address);
    expect(recorder.phase).to.equal('idle');
    expect(recorder.recording).to.equal(null);
    expect(
      [...texts].some((text) => text.startsWith('Uploading') || text.includes('chain')),
    ).to.equal(true);
    await expectAccessible(recorder);
  });

  it('sends public with the public attribute', async () => {
    const bob = await party(urls, '//Bob');
    const alice = await party(urls, '//Alice', { ready: false });
    const recorder = await recordFor(alice, bob.address);
    const sent = new Promise<StardustVoiceSentEvent>((resolve) =>
      recorder.addEventListener('stardust-voice-sent', resolve, { once: true }),
    );
    const bytes = recorder.recording!.bytes.slice();

    recorder.setAttribute('public', '');
    await recorder.updateComplete;
    (part(recorder, 'send-button') as HTMLButtonElement).click();

    const event = await sent;
    const opened = await bob.client.messages.open(event.detail.cid, { from: alice.address });

    expect(event.detail.public).to.equal(true);
    expect(event.detail.burn).to.equal(false);
    expect(opened.public).to.equal(true);
    expect([...opened.payload.audio]).to.deep.equal([...bytes]);
  });

  it('rejects public with burn and keeps the recording', async () => {
    const alice = await party(urls, '//Alice', { ready: false });
    const recorder = await recordFor(alice, alice.address);
    const codes = errors(recorder);
    const before = (await alice.client.messages.outboxItems()).length;

    recorder.public = true;
    recorder.burn = true;
    await recorder.send();

    expect(codes).to.deep.equal(['PUBLIC_BURN_UNSUPPORTED']);
    expect(recorder.phase).to.equal('preview');
    expect(recorder.recording).to.not.equal(null);
    expect((await alice.client.messages.outboxItems()).length).to.equal(before);
  });

  it('detects a substituted key and queues nothing', async () => {
    const bob = await party(urls, '//Bob');
    const alice = await party(urls, '//Alice');
    const signaling = alice.client.signaling;
    const request = signaling.request.bind(signaling);
    const attacker = crypto.getRandomValues(new Uint8Array(32));

    // A compromised key directory, faked at the client's network boundary: every looked-up
    // device comes back with another encryption key than its wallet binding covers.
    signaling.request = async (draft, options) => {
      const answer = await request(draft, options);

      if (draft.type !== SignalType.KEYS_LOOKUP) return answer;

      const result = voice.KeysResult.decode(answer.payload);

      for (const device of result.devices) device.encryptionKey = attacker;

      return { ...answer, payload: voice.KeysResult.encode(result).finish() };
    };

    const before = (await alice.client.messages.outboxItems()).length;
    const recorder = await recordFor(alice, bob.address);
    const codes = errors(recorder);

    await recorder.send();

    expect(codes).to.deep.equal(['KEY_BINDING_INVALID']);
    expect(recorder.phase).to.equal('preview');
    expect(recorder.recording).to.not.equal(null);
    expect(part(recorder, 'error')!.textContent).to.include('KEY_BINDING_INVALID');
    expect((await alice.client.messages.outboxItems()).length).to.equal(before);
  });

  it('keeps a message pending while IPFS is down, then sends it', async () => {
    const node = (await executeServerCommand('ipfs-node-start', {})) as {
      apiUrl: string;
      apiPort: number;
      gatewayPort: number;
    };

    await executeServerCommand('ipfs-node-stop', { apiPort: node.apiPort });

    const bob = await party(urls, '//Bob');
    const alice = await party(urls, '//Alice', {
      ipfsApi: node.apiUrl,
      messages: { indexedDB: null },
    });
    const recorder = await recordFor(alice, bob.address);
    const codes = errors(recorder);

    await recorder.send();
    await until(() => part(recorder, 'retry-button') !== null, 'the retry button');

    expect(outboxText(recorder)).to.include('IPFS_UPLOAD_FAILED');
    expect(codes).to.include('IPFS_UPLOAD_FAILED');
    expect(recorder.recording).to.equal(null);
    await expectAccessible(recorder);

    await executeServerCommand('ipfs-node-start', {
      apiPort: node.apiPort,
      gatewayPort: node.gatewayPort,
    });

    try {
      const sent = new Promise((resolve) =>
        recorder.addEventListener('stardust-voice-sent', resolve, { once: true }),
      );

      (part(recorder, 'retry-button') as HTMLButtonElement).click();
      await sent;
      await until(() => outboxText(recorder) === 'Sent', 'the sent state');
    } finally {
      await executeServerCommand('ipfs-node-stop', { apiPort: node.apiPort });
    }
  });

  it('reports a bad recipient as ADDRESS_INVALID', async () => {
    const alice = await party(urls, '//Alice', { ready: false });
    const recorder = await recordFor(alice, 'not-an-address');
    const codes = errors(recorder);

    await recorder.send();

    expect(codes).to.deep.equal(['ADDRESS_INVALID']);
    expect(recorder.phase).to.equal('preview');
  });
});
