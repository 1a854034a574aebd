import { expect } from 'chai';

import { decodeOggOpus } from '../../../src/message/opus-decoder.js';
import { measure } from '../../../src/message/waveform.js';
import { webmDurationMs } from '../../../src/message/webm.js';
import { VoicePlayer, type PlayableAudio, type PlayerState } from '../../../src/message/player.js';
import type { Recording } from '../../../src/message/recorder.js';
import { recordSpeech } from './record-speech.js';

function playable(recording: Recording): PlayableAudio {
  return {
    bytes: recording.bytes.slice(),
    mimeType: recording.mimeType,
    durationMs: recording.durationMs,
  };
}

function reached(player: VoicePlayer, state: PlayerState): Promise<void> {
  return new Promise((resolve) => {
    if (player.state === state) {
      resolve();

      return;
    }

    const off = player.on('stateChange', (event) => {
      if (event.state === state) {
        off();
        resolve();
      }
    });
  });
}

describe('voice player', function () {
  this.timeout(60_000);

  let recording: Recording;
  let player: VoicePlayer;

  before(async () => {
    recording = await recordSpeech(1500);
  });

  afterEach(() => player?.dispose());

  it('plays Ogg Opus through the audio element to the end once', async () => {
    player = new VoicePlayer();
    let endedCount = 0;

    player.on('ended', () => (endedCount += 1));
    player.setRate(2);

    const state = await player.play(async () => playable(recording));

    await reached(player, 'ended');

    expect(state).to.equal('playing');
    expect(player.path).to.equal('element');
    expect(player.positionMs).to.equal(player.durationMs);
    expect(player.durationMs).to.equal(recording.durationMs);
    expect(endedCount).to.equal(1);
  });

  it('plays through WebAudio when the element cannot play Ogg Opus', async () => {
    player = new VoicePlayer({ canPlayType: () => '' });
    let endedCount = 0;

    player.on('ended', () => (endedCount += 1));
    player.setRate(2);

    const state = await player.play(async () => playable(recording));

    await reached(player, 'ended');

    expect(state).to.equal('playing');
    expect(player.path).to.equal('webaudio');
    expect(endedCount).to.equal(1);
  });

  it('decodes the fallback to the stream duration', async () => {
    player = new VoicePlayer({ mode: 'webaudio' });

    await player.play(async () => playable(recording));
    player.pause();
    player.seek(recording.durationMs / 2);

    expect(player.state).to.equal('paused');
    expect(Math.abs(player.positionMs - recording.durationMs / 2)).to.be.below(1);
  });

  it('decodes with the WASM decoder without the pre-skip', async () => {
    const decoded = await decodeOggOpus(recording.bytes.slice(), { sampleRate: 48_000 });
    const samples = decoded.channels[0]!;

    expect(decoded.channels.length).to.equal(1);
    expect(Math.abs(samples.length - recording.durationMs * 48)).to.be.below(48);
    expect(measure(samples).rms).to.be.above(0.01);
  });

  it('plays MediaRecorder WebM through WebAudio', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const media = new MediaRecorder(stream, { mimeType: 'audio/webm;codecs=opus' });
    const chunks: Blob[] = [];
    const stopped = new Promise((resolve) => (media.onstop = resolve));

    media.ondataavailable = (event) => chunks.push(event.data);
    media.start(100);
    await new Promise<void>((resolve) => {
      const started = performance.now();
      const check = () =>
        performance.now() - started >= 800 ? resolve() : requestAnimationFrame(check);

      requestAnimationFrame(check);
    });
    media.stop();
    await stopped;
    stream.getTracks().forEach((track) => track.stop());

    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());

    player = new VoicePlayer({ mode: 'webaudio' });

    const state = await player.play(async () => ({
      bytes,
      mimeType: 'audio/webm; codecs=opus',
      durationMs: webmDurationMs(bytes),
    }));

    expect(state).to.equal('playing');
    expect(player.path).to.equal('webaudio');
    expect(player.durationMs).to.be.within(600, 1300);
  });

  it('turns NotAllowedError into a tap-to-play state', async () => {
    // A fake at the browser boundary: an element whose play() the autoplay policy refuses,
    // as a browser does without a user gesture.
    let allowed = false;
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);

    window.addEventListener('unhandledrejection', onUnhandled);
    player = new VoicePlayer({
      createAudioElement: () => {
        const element = document.createElement('audio');
        const play = element.play.bind(element);

        element.play = () =>
          allowed ? play() : Promise.reject(new DOMException('no gesture', 'NotAllowedError'));

        return element;
      },
    });

    const blocked = await player.play(async () => playable(recording));
    const error = player.error;

    allowed = true;

    const retried = await player.play();

    player.pause();
    await new Promise((resolve) => setTimeout(resolve, 0));
    window.removeEventListener('unhandledrejection', onUnhandled);

    expect(blocked).to.equal('blocked');
    expect(error?.code).to.equal('PLAYBACK_BLOCKED');
    expect(retried).to.equal('playing');
    expect(unhandled).to.deep.equal([]);
  });

  it('ends in failed with the loader error', async () => {
    player = new VoicePlayer();

    const state = await player.play(async () => {
      throw Object.assign(new Error('gone'), { code: 'X' });
    });

    expect(state).to.equal('failed');
    expect(player.error?.code).to.equal('PLAYBACK_FAILED');
  });

  it('seeks and changes speed on the element', async () => {
    player = new VoicePlayer();

    await player.play(async () => playable(recording));
    player.pause();
    player.seek(700);
    player.setRate(1.5);

    expect(Math.abs(player.positionMs - 700)).to.be.below(20);
    expect(player.rate).to.equal(1.5);
    expect(() => player.setRate(3 as never)).to.throw(RangeError);
  });

  it('plays again after the end with a new ended event', async () => {
    player = new VoicePlayer();
    let endedCount = 0;

    player.on('ended', () => (endedCount += 1));
    player.setRate(2);
    await player.play(async () => playable(recording));
    await reached(player, 'ended');
    await player.play();
    await reached(player, 'ended');

    expect(endedCount).to.equal(2);
  });
});
