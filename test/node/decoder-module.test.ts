// The generated decoder chunk source matches the installed opus-recorder.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

describe('decoder worker module', () => {
  it('matches the installed opus-recorder', async () => {
    const check = run(process.execPath, ['scripts/gen-decoder.mjs', '--check'], { cwd: root });

    await assert.doesNotReject(check, 'run npm run gen:decoder');
  });

  it('inlines the WebAssembly before the worker script', async () => {
    const { DECODER_WORKER_SOURCE } = await import('../../src/message/opus-decoder-worker.js');

    assert.match(DECODER_WORKER_SOURCE, /^var Module=\{wasmBinary:Uint8Array\.from\(atob\("AGFzbQ/);
    assert.match(DECODER_WORKER_SOURCE, /OggOpusDecoder/);
  });
});
