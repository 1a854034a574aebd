// Checks an Ogg Opus file with the reference tools, for browser tests that hand their
// recordings to Node: opusinfo for the stream, opusdec to decode it, sox for the level.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Measurements of an Ogg Opus file by the reference tools. */
export interface OpusAnalysis {
  /** Length of the decoded audio, from sox. */
  decodedMs: number;
  /** RMS amplitude of the decoded audio (0–1), from sox. */
  rms: number;
  /** opusinfo's report, for failure messages. */
  opusinfo: string;
}

export function analyzeOggOpus(base64: string): OpusAnalysis {
  const dir = mkdtempSync(join(tmpdir(), 'stardust-opus-'));

  try {
    const input = join(dir, 'input.opus');
    const wav = join(dir, 'decoded.wav');

    writeFileSync(input, Buffer.from(base64, 'base64'));

    const opusinfo = execFileSync('opusinfo', [input], { encoding: 'utf8' });

    execFileSync('opusdec', ['--quiet', '--rate', '48000', input, wav], { stdio: 'ignore' });

    // `sox FILE -n stat` prints its report on stderr.
    const stat = execFileSync('sh', ['-c', `sox "${wav}" -n stat 2>&1`], { encoding: 'utf8' });
    const field = (name: string) => Number(new RegExp(`${name}:\\s+([\\d.e+-]+)`).exec(stat)?.[1]);

    return {
      decodedMs: Math.round(field('Length \\(seconds\\)') * 1000),
      rms: field('RMS\\s+amplitude'),
      opusinfo,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
