// The generated encoder chunk source matches the installed opus-recorder.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

describe('encoder worklet module', () => {
  it('matches the installed opus-recorder', async () => {
    const check = run(process.execPath, ['scripts/gen-encoder.mjs', '--check'], { cwd: root });

    await assert.doesNotReject(check, 'run npm run gen:encoder');
  });

  it('exports the worklet source that registers the encoder processor', async () => {
    const { ENCODER_WORKLET_SOURCE } = await import('../../src/message/opus-encoder-worklet.js');

    assert.match(ENCODER_WORKLET_SOURCE, /registerProcessor\("encoder-worklet"/);
  });
});
