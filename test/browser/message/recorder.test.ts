import { executeServerCommand } from '@web/test-runner-commands';
import { expect } from 'chai';

import { inspectOggOpus } from '../../../src/message/ogg.js';
import { VoiceRecorder, type Recording } from '../../../src/message/recorder.js';
import { webmDurationMs } from '../../../src/message/webm.js';
import { StardustError } from '../../../src/shared/errors.js';

interface OpusAnalysis {
  decodedMs: number;
  rms: number;
  opusinfo: string;
}

/** Resolves once the recorder reports at least `ms` of recorded audio. */
function elapsed(recorder: VoiceRecorder, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const off = recorder.on('level', ({ elapsedMs }) => {
      if (elapsedMs >= ms) {
        off();
        resolve();
      }
    });
  });
}

function stateReached(recorder: VoiceRecorder, state: string): Promise<{ reason?: string }> {
  return new Promise((resolve) => {
    const off = recorder.on('stateChange', (event) => {
      if (event.state === state) {
        off();
        resolve(event);
      }
    });
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as StardustError).code;
  }

  throw new Error('expected a rejection');
}

function toBase64(bytes: Uint8Array): string {
  let text = '';

  for (const byte of bytes) text += String.fromCharCode(byte);

  return btoa(text);
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

/** Returns a fake microphone API that rejects with the given DOMException name. */
function failingMicrophone(name: string): Pick<MediaDevices, 'getUserMedia'> {
  return { getUserMedia: async () => Promise.reject(new DOMException('refused', name)) };
}

describe('voice recorder', function () {
  this.timeout(60_000);

  let recorder: VoiceRecorder;

  afterEach(() => recorder?.dispose());

  it('records 3 s of speech as Ogg Opus at 24 kbit/s', async () => {
    // The real microphone API, wrapped only to keep the stream the recorder opens.
    let stream: MediaStream | undefined;
    const microphone: Pick<MediaDevices, 'getUserMedia'> = {
      getUserMedia: async (constraints) => {
        stream = await navigator.mediaDevices.getUserMedia(constraints);

        return stream;
      },
    };

    recorder = new VoiceRecorder({ mediaDevices: microphone });
    const states: string[] = [];

    recorder.on('stateChange', ({ state }) => states.push(state));
    await recorder.start();
    await elapsed(recorder, 3000);

    const track = stream!.getAudioTracks()[0]!;
    const settings = track.getSettings();

    expect(track.readyState).to.equal('live');
    expect(settings.echoCancellation).to.equal(true);
    expect(settings.noiseSuppression).to.equal(true);
    expect(settings.autoGainControl).to.equal(true);

    const recording = await recorder.stop();
    const info = inspectOggOpus(recording.bytes);
    const analysis = (await executeServerCommand('analyze-ogg-opus', {
      base64: toBase64(recording.bytes),
    })) as OpusAnalysis;
    const payloadKbps = (info.audioPayloadBytes * 8) / recording.durationMs;

    expect(ascii(recording.bytes, 0, 4)).to.equal('OggS');
    expect(ascii(recording.bytes, 28, 8)).to.equal('OpusHead');
    expect(info.hasTags).to.equal(true);
    expect(info.head.channels).to.equal(1);
    expect(recording.mimeType).to.equal('audio/ogg; codecs=opus');
    expect(recording.durationMs).to.be.within(2900, 3400);
    expect(Math.abs(analysis.decodedMs - recording.durationMs), analysis.opusinfo).to.be.below(100);
    expect(analysis.rms).to.be.above(0.01);
    expect(payloadKbps, `payload ${payloadKbps.toFixed(1)} kbit/s`).to.be.within(20.4, 27.6);
    expect(recording.waveform.length).to.equal(64);
    expect(Math.max(...recording.waveform)).to.equal(255);
    expect(states).to.deep.equal(['requesting', 'recording', 'stopping', 'recorded']);
    expect(track.readyState, 'microphone released after stop').to.equal('ended');
  });

  it('reports a live level and waveform', async () => {
    recorder = new VoiceRecorder({ waveformBars: 32 });
    let bars: Uint8Array = new Uint8Array(0);
    let loudest = 0;

    recorder.on('waveform', (event) => (bars = event.bars));
    recorder.on('level', ({ peak }) => (loudest = Math.max(loudest, peak)));
    await recorder.start();
    await elapsed(recorder, 1200);
    await recorder.stop();

    expect(bars.length).to.equal(32);
    expect(loudest).to.be.above(0.01);
  });

  it('stops at the maximum duration and keeps the message', async () => {
    recorder = new VoiceRecorder({ maxDurationMs: 1500 });
    const recorded = stateReached(recorder, 'recorded');

    await recorder.start();

    const event = await recorded;
    const recording: Recording = await recorder.stop();

    expect(event.reason).to.equal('max-duration');
    expect(recording.reason).to.equal('max-duration');
    expect(recording.durationMs).to.be.within(1300, 1700);
  });

  it('discards a recording under one second', async () => {
    recorder = new VoiceRecorder();

    await recorder.start();
    await elapsed(recorder, 300);

    const code = await codeOf(recorder.stop());

    expect(code).to.equal('RECORDING_TOO_SHORT');
    expect(recorder.state).to.equal('failed');
  });

  it('reports only Ogg headers as EMPTY_RECORDING', async () => {
    // A fake at the audio graph boundary: a microphone whose samples never reach the
    // encoder, as when a browser delivers an empty stream.
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

    recorder = new VoiceRecorder({ AudioContext: SilentInputContext, minDurationMs: 0 });

    await recorder.start();
    await elapsed(recorder, 300);

    const code = await codeOf(recorder.stop());

    expect(code).to.equal('EMPTY_RECORDING');
    expect(recorder.state).to.equal('failed');
  });

  it('rejects invalid encoder options before starting', () => {
    const invalid = [
      { sampleRate: 44_100 },
      { bitRate: 1000 },
      { frameSizeMs: 30 },
      { maxDurationMs: 0 },
      { waveformBars: 200 },
    ];

    for (const options of invalid) {
      const build = () => new VoiceRecorder(options);

      expect(build, JSON.stringify(options))
        .to.throw(StardustError)
        .with.property('code', 'ENCODER_CONFIG_INVALID');
    }
  });

  it('accepts every Opus sample rate', async () => {
    for (const sampleRate of [8000, 12_000, 16_000, 24_000, 48_000]) {
      expect(() => new VoiceRecorder({ sampleRate })).not.to.throw();
    }
  });

  it('reports a missing encoder as ENCODER_LOAD_FAILED', async () => {
    recorder = new VoiceRecorder({ encoderUrl: '/no-such-folder/encoderWorker.min.js' });

    const code = await codeOf(recorder.start());

    expect(code).to.equal('ENCODER_LOAD_FAILED');
    expect(recorder.state).to.equal('failed');
  });

  it('reports an encoder that fails to run as ENCODER_LOAD_FAILED', async () => {
    const broken = URL.createObjectURL(
      new Blob(['this is not javascript ('], { type: 'text/javascript' }),
    );

    recorder = new VoiceRecorder({ encoderUrl: broken });

    const code = await codeOf(recorder.start());

    expect(code).to.equal('ENCODER_LOAD_FAILED');
  });

  it('maps microphone errors at the edge', async () => {
    const cases: Array<[string, string]> = [
      ['NotAllowedError', 'MIC_PERMISSION_DENIED'],
      ['NotFoundError', 'MIC_NOT_FOUND'],
      ['NotReadableError', 'MIC_UNAVAILABLE'],
    ];

    for (const [name, expected] of cases) {
      const failing = new VoiceRecorder({ mediaDevices: failingMicrophone(name) });

      const code = await codeOf(failing.start());

      expect(code, name).to.equal(expected);
      expect(failing.state).to.equal('failed');
      failing.dispose();
    }
  });

  it('reports a missing encoder before a denied microphone', async () => {
    recorder = new VoiceRecorder({
      encoderUrl: '/missing-encoder.js',
      mediaDevices: failingMicrophone('NotAllowedError'),
    });

    const code = await codeOf(recorder.start());

    expect(code).to.equal('ENCODER_LOAD_FAILED');
  });

  it('returns to idle on cancel', async () => {
    recorder = new VoiceRecorder();
    const idle = stateReached(recorder, 'idle');

    await recorder.start();
    await elapsed(recorder, 200);
    recorder.cancel();

    const event = await idle;

    expect(event.reason).to.equal('cancelled');
    expect(await codeOf(recorder.stop())).to.equal('INVALID_STATE');
  });

  it('gives MediaRecorder WebM a finite duration', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const media = new MediaRecorder(stream, { mimeType: 'audio/webm;codecs=opus' });
    const chunks: Blob[] = [];
    const started = performance.now();

    media.ondataavailable = (event) => chunks.push(event.data);
    media.start(250);
    await new Promise<void>((resolve) => {
      const check = () =>
        performance.now() - started >= 2000 ? resolve() : requestAnimationFrame(check);

      requestAnimationFrame(check);
    });

    const stopped = new Promise((resolve) => (media.onstop = resolve));

    media.stop();
    await stopped;
    stream.getTracks().forEach((track) => track.stop());

    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    const probe = document.createElement('audio');

    probe.src = URL.createObjectURL(new Blob(chunks, { type: 'audio/webm' }));
    await new Promise((resolve) => (probe.onloadedmetadata = resolve));

    const duration = webmDurationMs(bytes);

    // Chromium itself reports Infinity for such a file: the parser is what makes it finite.
    expect(probe.duration).to.equal(Infinity);
    expect(Number.isFinite(duration)).to.equal(true);
    expect(duration).to.be.within(1800, 2600);
  });
});
