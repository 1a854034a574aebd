import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { audioDurationMs, formatDuration } from '../../../src/message/duration.js';
import { inspectOggOpus, parseOggPages } from '../../../src/message/ogg.js';
import { webmDurationMs } from '../../../src/message/webm.js';
import { StardustError } from '../../../src/shared/errors.js';
import { encodeWithOpusRecorder, testTone } from '../../support/opus-recorder-node.js';

const FRAME = 960;
const PRE_SKIP = 3840;

describe('Ogg Opus duration', () => {
  it('reads granule minus pre-skip from opus-recorder output', async () => {
    const frames = 103;
    const ogg = await encodeWithOpusRecorder(testTone((frames * FRAME) / 48_000));

    const info = inspectOggOpus(ogg);

    assert.equal(info.head.preSkip, PRE_SKIP);
    assert.equal(info.head.channels, 1);
    assert.equal(info.hasTags, true);
    assert.equal(info.endOfStream, true);
    assert.equal(info.durationMs, Math.floor(((frames * FRAME - PRE_SKIP) * 1000) / 48_000));
  });

  it('skips an empty final page with granule -1', async () => {
    // 80 frames fill exactly two pages of 40 frames, so the final page carries no packet.
    const ogg = await encodeWithOpusRecorder(testTone((80 * FRAME) / 48_000));
    const pages = parseOggPages(ogg);
    const last = pages[pages.length - 1]!;

    const duration = audioDurationMs(ogg);

    assert.equal(last.granulePosition, null);
    assert.equal(last.body.length, 0);
    assert.equal(duration, ((80 * FRAME - PRE_SKIP) * 1000) / 48_000);
  });

  it('returns zero for a stream of headers only', async () => {
    const ogg = await encodeWithOpusRecorder(new Float32Array(0));

    const info = inspectOggOpus(ogg);

    assert.equal(info.durationMs, 0);
    assert.equal(info.audioPayloadBytes, 0);
  });

  it('matches opusinfo for a 44.1 kHz input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stardust-ogg-'));
    const ogg = await encodeWithOpusRecorder(testTone(2.7, 44_100), {
      sampleRate: 44_100,
      chunkSamples: 882,
    });

    try {
      const file = join(dir, 'tone.opus');

      execFileSync('sh', ['-c', `cat > "${file}"`], { input: ogg });

      const report = execFileSync('opusinfo', [file], { encoding: 'utf8' });
      const match = /Playback length: (\d+)m:([\d.]+)s/.exec(report);

      assert.ok(match, `opusinfo printed no playback length:\n${report}`);

      const opusinfoMs = (Number(match[1]) * 60 + Number(match[2])) * 1000;

      assert.ok(Math.abs(audioDurationMs(ogg) - opusinfoMs) <= 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a truncated page', async () => {
    const ogg = await encodeWithOpusRecorder(testTone(1.2));

    const parse = () => audioDurationMs(ogg.subarray(0, ogg.length - 5));

    assert.throws(parse, (error: unknown) => {
      assert.ok(error instanceof StardustError);
      assert.equal(error.code, 'AUDIO_FORMAT_INVALID');

      return true;
    });
  });
});

describe('WebM duration', () => {
  it('computes live WebM duration from block timestamps', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stardust-webm-'));

    try {
      const file = join(dir, 'live.webm');

      // -live 1 writes unknown element sizes and no Duration, as MediaRecorder does.
      execFileSync('ffmpeg', [
        '-v',
        'error',
        '-f',
        'lavfi',
        '-i',
        'sine=frequency=440:duration=2.5',
        '-c:a',
        'libopus',
        '-b:a',
        '24k',
        '-live',
        '1',
        '-f',
        'webm',
        file,
      ]);

      const bytes = new Uint8Array(readFileSync(file));
      const duration = webmDurationMs(bytes);

      assert.ok(Number.isFinite(duration));
      assert.ok(Math.abs(duration - 2500) <= 30, `duration ${duration} ms`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects bytes that are neither Ogg nor WebM', () => {
    const parse = () => audioDurationMs(new TextEncoder().encode('<html>error</html>'));

    assert.throws(parse, { code: 'AUDIO_FORMAT_INVALID' });
  });
});

describe('formatDuration', () => {
  it('never shows NaN or Infinity', () => {
    assert.equal(formatDuration(Number.NaN), '0:00');
    assert.equal(formatDuration(Number.POSITIVE_INFINITY), '0:00');
    assert.equal(formatDuration(-5), '0:00');
    assert.equal(formatDuration(59_999), '0:59');
    assert.equal(formatDuration(61_000), '1:01');
    assert.equal(formatDuration(3_661_000), '1:01:01');
  });
});
