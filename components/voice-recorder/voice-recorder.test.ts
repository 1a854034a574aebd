import { expect } from 'chai';
import { html } from 'lit';

import '../define.js';
import { defineLazyElement } from '../shared/define-elements.js';
import { expectAccessible } from '../../test/support/axe.js';
import { cleanupFixtures, fixture } from '../../test/support/fixture.js';
import { until } from '../../test/support/until.js';
import type { StardustErrorEvent } from '../shared/events.js';
import type { StardustVoiceRecordedEvent } from './voice-recorder-events.js';
import type { StardustVoiceRecorder } from './voice-recorder.js';

function part(element: StardustVoiceRecorder, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(`[part~="${name}"]`);
}

function button(element: StardustVoiceRecorder, name: string): HTMLButtonElement {
  const found = part(element, name);

  if (found === null) throw new Error(`no ${name} part in phase ${element.phase}`);

  return found as HTMLButtonElement;
}

function pointer(type: string, target: HTMLElement, dx = 0): PointerEvent {
  const rect = target.getBoundingClientRect();

  return new PointerEvent(type, {
    bubbles: true,
    composed: true,
    pointerId: 1,
    button: 0,
    clientX: rect.left + rect.width / 2 + dx,
    clientY: rect.top + rect.height / 2,
  });
}

function key(type: 'keydown' | 'keyup', value: string, target: HTMLElement): void {
  target.dispatchEvent(
    new KeyboardEvent(type, { key: value, bubbles: true, composed: true, cancelable: true }),
  );
}

/** Resolves once the timer shows at least `ms` of recording. */
async function recorded(element: StardustVoiceRecorder, ms: number): Promise<void> {
  await until(() => element.phase === 'recording', 'the recording to start');
  await until(() => {
    const [minutes, seconds] = (part(element, 'timer')?.textContent ?? '0:00')
      .trim()
      .split(' ')[0]!
      .split(':')
      .map(Number);

    return (minutes! * 60 + seconds!) * 1000 >= ms;
  }, `${ms} ms of recording`);
}

function errors(element: HTMLElement): string[] {
  const codes: string[] = [];

  element.addEventListener('stardust-error', (event) =>
    codes.push((event as StardustErrorEvent).detail.code),
  );

  return codes;
}

/** A microphone API that rejects as getUserMedia does with the DOMException `name`. */
function refusingMicrophone(name: string): Pick<MediaDevices, 'getUserMedia'> {
  return { getUserMedia: () => Promise.reject(new DOMException('refused', name)) };
}

describe('<stardust-voice-recorder>', function () {
  this.timeout(60_000);

  // The voice tags load lazily; define them before the fixtures render.
  before(() =>
    Promise.all([
      defineLazyElement('stardust-voice-recorder'),
      defineLazyElement('stardust-voice-message'),
    ]),
  );

  afterEach(() => cleanupFixtures());

  it('records while the pointer holds and shows a review', async () => {
    const element = await fixture<StardustVoiceRecorder>(
      html`<stardust-voice-recorder></stardust-voice-recorder>`,
    );
    const events: StardustVoiceRecordedEvent[] = [];
    const record = button(element, 'record-button');

    element.addEventListener('stardust-voice-recorded', (event) => events.push(event));
    record.dispatchEvent(pointer('pointerdown', record));
    await recorded(element, 2000);
    await expectAccessible(element);
    record.dispatchEvent(pointer('pointerup', record));
    await until(() => element.phase === 'preview', 'the review');

    expect(events).to.have.length(1);
    expect(events[0]!.detail.duration).to.be.within(1.5, 4);
    expect(events[0]!.detail.durationMs).to.equal(element.recording!.durationMs);
    expect(events[0]!.detail.size).to.be.above(200);
    expect(part(element, 'duration')!.textContent).to.match(/^0:0[1-4]$/);
    expect(part(element, 'send-button')).to.not.equal(null);
    expect(part(element, 'status')!.getAttribute('role')).to.equal('status');
  });

  it('records while Space is held', async () => {
    const element = await fixture<StardustVoiceRecorder>(
      html`<stardust-voice-recorder></stardust-voice-recorder>`,
    );
    const record = button(element, 'record-button');

    record.focus();
    key('keydown', ' ', record);
    key('keydown', ' ', record);
    await recorded(element, 1500);
    key('keyup', ' ', record);
    await until(() => element.phase === 'preview', 'the review');

    expect(element.recording!.durationMs).to.be.above(1000);
  });

  it('cancels when the pointer slides away', async () => {
    const element = await fixture<StardustVoiceRecorder>(
      html`<stardust-voice-recorder></stardust-voice-recorder>`,
    );
    const record = button(element, 'record-button');
    let kept = 0;

    element.addEventListener('stardust-voice-recorded', () => (kept += 1));
    record.dispatchEvent(pointer('pointerdown', record));
    await recorded(element, 1000);
    record.dispatchEvent(pointer('pointermove', record, 400));
    record.dispatchEvent(pointer('pointerup', record, 400));
    await element.updateComplete;

    expect(element.phase).to.equal('idle');
    expect(element.recording).to.equal(null);
    expect(kept).to.equal(0);
  });

  it('cancels with Escape', async () => {
    const element = await fixture<StardustVoiceRecorder>(
      html`<stardust-voice-recorder></stardust-voice-recorder>`,
    );

    button(element, 'lock-button').click();
    await recorded(element, 1000);
    key('keydown', 'Escape', button(element, 'stop-button'));
    await element.updateComplete;

    expect(element.phase).to.equal('idle');
    expect(element.recording).to.equal(null);
  });

  it('records hands-free until Stop', async () => {
    const element = await fixture<StardustVoiceRecorder>(
      html`<stardust-voice-recorder max-duration="30"></stardust-voice-recorder>`,
    );

    button(element, 'lock-button').click();
    await recorded(element, 1500);

    const progress = part(element, 'progress') as HTMLProgressElement;

    expect(progress.max).to.equal(30_000);
    expect(progress.value).to.be.above(1000);
    expect(part(element, 'timer')!.textContent).to.include('/ 0:30');
    expect(part(element, 'waveform')!.querySelectorAll('[part~="bar"]').length).to.equal(64);
    button(element, 'stop-button').click();
    await until(() => element.phase === 'preview', 'the review');

    expect(element.recording!.durationMs).to.be.above(1000);
  });

  it('toggles with Enter and in lock mode', async () => {
    const element = await fixture<StardustVoiceRecorder>(
      html`<stardust-voice-recorder lock></stardust-voice-recorder>`,
    );
    const record = button(element, 'record-button');

    record.click();
    await recorded(element, 1200);
    button(element, 'record-button').click();
    await until(() => element.phase === 'preview', 'the review');

    expect(element.recording).to.not.equal(null);
  });

  it('keeps the recording at max-duration', async () => {
    const element = await fixture<StardustVoiceRecorder>(
      html`<stardust-voice-recorder max-duration="1.5"></stardust-voice-recorder>`,
    );

    button(element, 'lock-button').click();
    await until(() => element.phase === 'preview', 'the automatic stop');

    expect(element.recording!.durationMs).to.be.within(1000, 1600);
    expect(element.recording!.reason).to.equal('max-duration');
  });

  it('shows a too-short recording as a hint', async () => {
    const element = await fixture<StardustVoiceRecorder>(
      html`<stardust-voice-recorder></stardust-voice-recorder>`,
    );
    const codes = errors(element);
    const record = button(element, 'record-button');

    record.dispatchEvent(pointer('pointerdown', record));
    // Long enough for audio to reach the encoder, so the result is short, not empty.
    await until(() => element.elapsedMs >= 300, '300 ms of recording');
    record.dispatchEvent(pointer('pointerup', record));
    await until(() => part(element, 'hint') !== null, 'the hint');

    expect(codes).to.deep.equal(['RECORDING_TOO_SHORT']);
    expect(element.phase).to.equal('idle');
    expect(part(element, 'error')).to.equal(null);
    expect(part(element, 'hint')!.textContent).to.include('one second');
  });

  const microphoneCases: Array<[string, string]> = [
    ['NotAllowedError', 'MIC_PERMISSION_DENIED'],
    ['NotFoundError', 'MIC_NOT_FOUND'],
    ['NotReadableError', 'MIC_UNAVAILABLE'],
  ];

  for (const [name, code] of microphoneCases) {
    it(`reports ${name} as ${code}`, async () => {
      const element = await fixture<StardustVoiceRecorder>(
        html`<stardust-voice-recorder
          .recorderOptions=${{ mediaDevices: refusingMicrophone(name) }}
        ></stardust-voice-recorder>`,
      );
      const codes = errors(element);

      button(element, 'lock-button').click();
      await until(() => codes.length > 0, 'the error event');
      await element.updateComplete;

      expect(codes).to.deep.equal([code]);
      expect(element.phase).to.equal('idle');
      expect(part(element, 'error')!.getAttribute('role')).to.equal('alert');
      expect(part(element, 'error')!.textContent).to.include(code);
    });
  }

  it('reports a missing encoder as ENCODER_LOAD_FAILED', async () => {
    const element = await fixture<StardustVoiceRecorder>(
      html`<stardust-voice-recorder
        .recorderOptions=${{ encoderUrl: '/no-such-folder/encoderWorker.min.js' }}
      ></stardust-voice-recorder>`,
    );
    const codes = errors(element);

    button(element, 'lock-button').click();
    await until(() => codes.length > 0, 'the error event');

    expect(codes).to.deep.equal(['ENCODER_LOAD_FAILED']);
  });

  it('reports invalid encoder options as ENCODER_CONFIG_INVALID', async () => {
    const element = await fixture<StardustVoiceRecorder>(
      html`<stardust-voice-recorder
        .recorderOptions=${{ sampleRate: 44100 }}
      ></stardust-voice-recorder>`,
    );
    const codes = errors(element);

    button(element, 'lock-button').click();
    await element.updateComplete;

    expect(codes).to.deep.equal(['ENCODER_CONFIG_INVALID']);
    expect(element.phase).to.equal('idle');
  });

  it('reports a stream without audio as EMPTY_RECORDING', async () => {
    // A fake at the audio graph boundary: samples never reach the encoder, as when a
    // browser delivers an empty stream.
    class SilentInputContext extends AudioContext {
      override createMediaStreamSource(stream: MediaStream): MediaStreamAudioSourceNode {
        const node = super.createMediaStreamSource(stream);
        const connect = node.connect.bind(node) as (destination: AudioNode) => AudioNode;

        node.connect = ((destination: AudioNode) =>
          destination instanceof AudioWorkletNode
            ? destination
            : connect(destination)) as typeof node.connect;

        return node;
      }
    }

    const element = await fixture<StardustVoiceRecorder>(
      html`<stardust-voice-recorder
        .recorderOptions=${{ AudioContext: SilentInputContext, minDurationMs: 0 }}
      ></stardust-voice-recorder>`,
    );
    const codes = errors(element);

    button(element, 'lock-button').click();
    await recorded(element, 500);
    button(element, 'stop-button').click();
    await until(() => codes.length > 0, 'the error event');

    expect(codes).to.deep.equal(['EMPTY_RECORDING']);
    expect(element.recording).to.equal(null);
  });

  it('plays and deletes the review', async () => {
    const element = await fixture<StardustVoiceRecorder>(
      html`<stardust-voice-recorder></stardust-voice-recorder>`,
    );

    button(element, 'lock-button').click();
    await recorded(element, 1200);
    button(element, 'stop-button').click();
    await until(() => element.phase === 'preview', 'the review');
    button(element, 'play-button').click();
    await until(() => button(element, 'play-button').textContent!.trim() === 'Pause', 'playing');
    button(element, 'play-button').click();
    button(element, 'delete-button').click();
    await element.updateComplete;

    expect(element.phase).to.equal('idle');
    expect(element.recording).to.equal(null);
  });

  it('reports sending without configuration as CONFIG_INVALID', async () => {
    const element = await fixture<StardustVoiceRecorder>(
      html`<stardust-voice-recorder
        to="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"
      ></stardust-voice-recorder>`,
    );
    const codes = errors(element);

    button(element, 'lock-button').click();
    await recorded(element, 1200);
    button(element, 'stop-button').click();
    await until(() => element.phase === 'preview', 'the review');
    await element.send();

    expect(codes).to.deep.equal(['CONFIG_INVALID']);
    expect(element.phase).to.equal('preview');
    expect(element.recording).to.not.equal(null);
  });

  it('passes axe in both themes and in Chinese', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const element = await fixture<StardustVoiceRecorder>(
        html`<stardust-voice-recorder
          theme=${theme}
          burn
          locale="zh-CN"
        ></stardust-voice-recorder>`,
      );

      await expectAccessible(element);
      expect(button(element, 'record-button').textContent!.trim()).to.equal('按住录音');
      button(element, 'lock-button').click();
      await recorded(element, 1200);
      await expectAccessible(element);
      button(element, 'stop-button').click();
      await until(() => element.phase === 'preview', 'the review');
      await expectAccessible(element);
      expect(part(element, 'burn-badge')!.textContent!.trim()).to.equal('阅后即焚');
    }
  });
});
