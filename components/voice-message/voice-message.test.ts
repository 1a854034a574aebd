import { executeServerCommand } from '@web/test-runner-commands';
import { expect } from 'chai';

import '../define.js';
import { defineLazyElement } from '../shared/define-elements.js';
import { voice } from '../../proto/gen/voice.js';
import { WalletSender } from '../../src/chain/wallet-sender.js';
import { IpfsClient } from '../../src/message/ipfs-client.js';
import type { Recording } from '../../src/message/recorder.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import {
  party,
  place,
  sentItem,
  voiceStack,
  type Party,
  type VoiceStackUrls,
} from '../../test/browser/support/voice-clients.js';
import { recordSpeech } from '../../test/browser/message/record-speech.js';
import { expectAccessible } from '../../test/support/axe.js';
import { cleanupFixtures } from '../../test/support/fixture.js';
import { until } from '../../test/support/until.js';
import type { StardustErrorEvent } from '../shared/events.js';
import type { StardustVoiceMessage } from './voice-message.js';

function part(element: StardustVoiceMessage, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(`[part~="${name}"]`);
}

function errors(element: HTMLElement): string[] {
  const codes: string[] = [];

  element.addEventListener('stardust-error', (event) =>
    codes.push((event as StardustErrorEvent).detail.code),
  );

  return codes;
}

/** A `<stardust-voice-message>` for `cid` from `from`, not yet placed. */
function messageElement(cid: string, from: string): StardustVoiceMessage {
  const element = document.createElement('stardust-voice-message');

  element.setAttribute('cid', cid);
  element.setAttribute('from', from);

  return element;
}

describe('<stardust-voice-message>', function () {
  this.timeout(120_000);

  // The voice tags load lazily; define them before the fixtures render.
  before(() =>
    Promise.all([
      defineLazyElement('stardust-voice-recorder'),
      defineLazyElement('stardust-voice-message'),
    ]),
  );

  let urls: VoiceStackUrls;
  let speech: Recording;

  before(async () => {
    urls = await voiceStack();
    speech = await recordSpeech(1200);
  });

  afterEach(() => cleanupFixtures());

  function recording(): Recording {
    return { ...speech, bytes: speech.bytes.slice(), waveform: speech.waveform.slice() };
  }

  /** Alice sends a recording to `to` and waits until it is on chain. */
  async function sendFrom(alice: Party, to: string, burn = false) {
    const queued = await alice.client.messages.send({ to, recording: recording(), burn });

    return sentItem(alice.client, queued.id);
  }

  it('shows waveform and duration, then plays once to the end', async () => {
    const bob = await party(urls, '//Bob');
    const alice = await party(urls, '//Alice');
    const item = await sendFrom(alice, bob.address);
    const element = await place(bob, messageElement(item.id, alice.address));

    await until(() => element.status === 'ready', 'the summary');

    expect(element.durationMs).to.equal(speech.durationMs);
    expect(part(element, 'duration')!.textContent!.trim()).to.equal('0:00 / 0:01');
    expect(part(element, 'waveform')!.querySelectorAll('[part~="bar"]').length).to.equal(64);
    await expectAccessible(element);

    // play() must start inside the click, before IndexedDB or IPFS is awaited.
    const play = HTMLMediaElement.prototype.play;
    let calls = 0;

    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      calls += 1;

      return play.call(this);
    };

    try {
      (part(element, 'play-button') as HTMLButtonElement).click();
      expect(calls).to.equal(1);
    } finally {
      HTMLMediaElement.prototype.play = play;
    }

    await until(() => element.playerState === 'ended', 'the end of playback');

    expect(element.positionMs).to.equal(element.durationMs);
    expect(part(element, 'status')!.textContent!.trim()).to.equal('Played');
    expect(part(element, 'waveform')!.querySelectorAll('[data-played]').length).to.equal(64);
  });

  it('plays a public message with the chain waveform', async () => {
    const bob = await party(urls, '//Bob');
    const alice = await party(urls, '//Alice', { ready: false });
    const queued = await alice.client.messages.send({
      to: bob.address,
      recording: recording(),
      public: true,
    });
    const item = await sentItem(alice.client, queued.id);
    const messageId = item.receipt!.messageId!;
    const stored = await bob.client.chain.chat.message(BigInt(messageId));
    const response = await fetch(`${urls.ipfsGateway}/ipfs/${item.cid!}`);
    const uploaded = new Uint8Array(await response.arrayBuffer());
    const element = document.createElement('stardust-voice-message');

    element.setAttribute('message-id', messageId);
    await place(bob, element);
    await until(() => element.status === 'ready', 'the summary');

    if (stored?.messageType.type !== 'Voice') throw new Error('expected a voice message');

    const { metadata } = stored.messageType;

    expect(metadata.cid).to.equal(item.cid);
    expect(metadata.duration).to.equal(Math.ceil(speech.durationMs / 1000));
    expect(metadata.burnAfterReading).to.equal(false);
    expect([...metadata.waveform]).to.deep.equal([...speech.waveform]);
    expect(new TextDecoder().decode(uploaded.subarray(0, 4))).to.equal('OggS');
    expect([...uploaded]).to.deep.equal([...speech.bytes]);
    expect(element.durationMs).to.equal(speech.durationMs);
    expect(part(element, 'waveform')!.querySelectorAll('[part~="bar"]').length).to.equal(
      speech.waveform.length,
    );

    (part(element, 'play-button') as HTMLButtonElement).click();
    await until(() => element.playerState === 'ended', 'the end of playback');

    expect(element.positionMs).to.equal(element.durationMs);
    expect(element.burn).to.equal(false);
  });

  it('seeks by clicking the waveform and changes speed', async () => {
    const bob = await party(urls, '//Bob');
    const alice = await party(urls, '//Alice');
    const item = await sendFrom(alice, bob.address);
    const element = await place(bob, messageElement(item.id, alice.address));

    await until(() => element.status === 'ready', 'the summary');

    const speed = part(element, 'speed-button') as HTMLButtonElement;

    (part(element, 'play-button') as HTMLButtonElement).click();
    await until(() => element.playerState === 'playing', 'playback');
    element.toggle();
    await until(() => element.playerState === 'paused', 'the pause');

    const waveform = part(element, 'waveform')!;
    const rect = waveform.getBoundingClientRect();

    waveform.dispatchEvent(
      new MouseEvent('click', {
        bubbles: true,
        clientX: rect.left + rect.width * 0.75,
        clientY: rect.top + rect.height / 2,
      }),
    );
    speed.click();
    speed.click();
    await element.updateComplete;

    expect(element.positionMs / element.durationMs).to.be.within(0.7, 0.8);
    expect(speed.textContent!.trim()).to.equal('2×');
    expect(speed.getAttribute('aria-label')).to.equal('Playback speed 2×');
    speed.click();
    await element.updateComplete;
    expect(speed.textContent!.trim()).to.equal('1×');

    waveform.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    expect(element.positionMs).to.equal(0);
  });

  it('burns after one playback, sent with the recorder', async () => {
    const bob = await party(urls, '//Bob');
    const alice = await party(urls, '//Alice');
    const recorder = document.createElement('stardust-voice-recorder');
    const heard = new Promise<{ cid: string; from: string }>((resolve) =>
      bob.client.messages.on('message', ({ message }) => resolve(message)),
    );

    recorder.setAttribute('to', bob.address);
    recorder.toggleAttribute('burn', true);
    await place(alice, recorder);
    recorder.start();
    await until(() => recorder.elapsedMs >= 1300, '1.3 s of recording');
    recorder.stop();
    await until(() => recorder.phase === 'preview', 'the review');
    await recorder.send();

    const notice = await heard;
    const element = await place(bob, messageElement(notice.cid, notice.from));

    await until(() => element.status === 'ready', 'the summary');
    expect(part(element, 'burn-badge')).to.not.equal(null);
    (part(element, 'speed-button') as HTMLButtonElement).click();
    (part(element, 'play-button') as HTMLButtonElement).click();
    await until(() => element.status === 'burned', 'the burn');

    const again = await place(bob, messageElement(notice.cid, notice.from));

    await until(() => again.status === 'burned', 'the second element to show the burn');

    expect(part(element, 'status')!.textContent!.trim()).to.equal('Burned after reading');
    expect((part(element, 'play-button') as HTMLButtonElement).disabled).to.equal(true);
    await expectAccessible(element);

    let own = '';

    await alice.client.messages.open(notice.cid).catch((error: { code: string }) => {
      own = error.code;
    });

    expect(own).to.equal('DECRYPT_FAILED');
  });

  it('shows DECRYPT_FAILED for a tampered envelope by chain id', async () => {
    const bob = await party(urls, '//Bob');
    const alice = await party(urls, '//Alice');
    const item = await sendFrom(alice, bob.address);
    const ipfs = new IpfsClient({ apiUrl: urls.ipfsApi, gateways: [urls.ipfsGateway] });
    const envelope = voice.VoiceEnvelope.decode((await ipfs.download(item.id)).slice());

    envelope.ciphertext[50] = envelope.ciphertext[50]! ^ 0x01;

    const tampered = await ipfs.upload(voice.VoiceEnvelope.encode(envelope).finish());
    const wallet = await createDevSigner('//Alice');
    const call = await alice.client.chain.chat.sendVoiceMessage(bob.address, {
      cid: tampered.cid,
      duration: 0,
      waveform: new Uint8Array(0),
      transcription: null,
      burnAfterReading: false,
    });
    const result = await new WalletSender(alice.client.chain, wallet).send(call);
    const element = document.createElement('stardust-voice-message');
    const codes = errors(element);

    element.setAttribute('message-id', String(result.value!.messageId));
    await place(bob, element);
    await until(() => element.status === 'failed', 'the failure');

    expect(codes).to.deep.equal(['DECRYPT_FAILED']);
    expect(part(element, 'error')!.getAttribute('role')).to.equal('alert');
    expect(part(element, 'error')!.textContent).to.include('DECRYPT_FAILED');
  });

  it('cannot be opened by a third account', async () => {
    const bob = await party(urls, '//Bob');
    const charlie = await party(urls, '//Charlie');
    const alice = await party(urls, '//Alice');
    const item = await sendFrom(alice, bob.address);
    const element = messageElement(item.id, alice.address);
    const codes = errors(element);

    await place(charlie, element);
    await until(() => element.status === 'failed', 'the failure');

    expect(codes).to.deep.equal(['DECRYPT_FAILED']);
  });

  it('skips a gateway that returns HTML', async () => {
    const { url: htmlGateway } = (await executeServerCommand('html-gateway-start')) as {
      url: string;
    };
    const bob = await party(urls, '//Bob', { gateways: [htmlGateway, urls.ipfsGateway] });
    const alice = await party(urls, '//Alice');
    const item = await sendFrom(alice, bob.address);
    const element = await place(bob, messageElement(item.id, alice.address));

    await until(() => element.status === 'ready', 'the summary');

    // A message this browser has not cached, through the HTML gateway alone.
    const onlyHtml = await party(urls, '//Bob', { gateways: [htmlGateway] });
    const uncached = await sendFrom(alice, bob.address);
    const broken = messageElement(uncached.id, alice.address);
    const codes = errors(broken);

    await place(onlyHtml, broken);
    await until(() => broken.status === 'unavailable', 'the unavailable state');

    expect(codes).to.deep.equal(['MESSAGE_UNAVAILABLE']);
  });

  it('shows unavailable and plays after a retry', async () => {
    const node = (await executeServerCommand('ipfs-node-start', {})) as {
      apiUrl: string;
      gatewayUrl: string;
      apiPort: number;
      gatewayPort: number;
    };
    const bob = await party(urls, '//Bob', {
      gateways: [node.gatewayUrl],
      messages: { indexedDB: null, gatewayTimeoutMs: 3000 },
    });
    const alice = await party(urls, '//Alice', { ipfsApi: node.apiUrl });
    const item = await sendFrom(alice, bob.address);

    await executeServerCommand('ipfs-node-stop', { apiPort: node.apiPort });

    const element = messageElement(item.id, alice.address);
    const codes = errors(element);

    await place(bob, element);
    await until(() => element.status === 'unavailable', 'the unavailable state');

    expect(codes).to.deep.equal(['MESSAGE_UNAVAILABLE']);
    expect(part(element, 'retry-button')).to.not.equal(null);
    await expectAccessible(element);

    await executeServerCommand('ipfs-node-start', {
      apiPort: node.apiPort,
      gatewayPort: node.gatewayPort,
    });

    try {
      (part(element, 'retry-button') as HTMLButtonElement).click();
      await until(() => element.status === 'ready', 'the summary after the retry');
      (part(element, 'play-button') as HTMLButtonElement).click();
      await until(() => element.playerState === 'playing', 'playback');
    } finally {
      await executeServerCommand('ipfs-node-stop', { apiPort: node.apiPort });
    }
  });

  it('sends, receives and plays without IndexedDB', async () => {
    // A fake at the storage boundary: an IndexedDB that refuses to open, as in some
    // private modes.
    const refusing = {
      open() {
        throw new DOMException('IndexedDB is disabled', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const bob = await party(urls, '//Bob', { messages: { indexedDB: refusing } });
    const alice = await party(urls, '//Alice', { messages: { indexedDB: refusing } });
    const item = await sendFrom(alice, bob.address);
    const element = await place(bob, messageElement(item.id, alice.address));

    await until(() => element.status === 'ready', 'the summary');
    (part(element, 'play-button') as HTMLButtonElement).click();
    await until(() => element.playerState === 'playing', 'playback');

    expect(alice.client.messages.persistent).to.equal(false);
    expect(bob.client.messages.persistent).to.equal(false);
  });

  it('offers tap to play when the browser blocks playback', async () => {
    const bob = await party(urls, '//Bob');
    const alice = await party(urls, '//Alice');
    const item = await sendFrom(alice, bob.address);
    let allowed = false;
    const element = messageElement(item.id, alice.address);

    // A fake at the browser boundary: an audio element whose play() the autoplay policy
    // refuses until the user taps again.
    element.playerOptions = {
      createAudioElement: () => {
        const audio = document.createElement('audio');
        const play = audio.play.bind(audio);

        audio.play = () =>
          allowed ? play() : Promise.reject(new DOMException('no gesture', 'NotAllowedError'));

        return audio;
      },
    };
    await place(bob, element);
    await until(() => element.status === 'ready', 'the summary');
    (part(element, 'play-button') as HTMLButtonElement).click();
    await until(() => element.playerState === 'blocked', 'the blocked state');

    expect(part(element, 'play-button')!.textContent!.trim()).to.equal('Tap to play');
    await expectAccessible(element);
    allowed = true;
    (part(element, 'play-button') as HTMLButtonElement).click();
    await until(() => element.playerState === 'playing', 'playback after the tap');
  });

  it('passes axe in the dark theme and speaks Chinese', async () => {
    const bob = await party(urls, '//Bob');
    const alice = await party(urls, '//Alice');
    const item = await sendFrom(alice, bob.address);
    const element = messageElement(item.id, alice.address);

    element.setAttribute('theme', 'dark');
    element.setAttribute('locale', 'zh-CN');
    await place(bob, element);
    await until(() => element.status === 'ready', 'the summary');
    await expectAccessible(element);

    expect(part(element, 'play-button')!.textContent!.trim()).to.equal('播放');
    expect(part(element, 'status')!.textContent!.trim()).to.equal('语音消息，0:01');
  });
});
