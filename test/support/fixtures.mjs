// Speech fixtures for the fake microphone, generated with espeak-ng and sox on first use and
// kept under test/fixtures/generated/ (git-ignored).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const SENTENCE =
  'Hello Bob, this is Alice on Stardust Voice. The quick brown fox jumps over the lazy dog. ' +
  'One two three four five six seven eight nine ten.';

/** Files made by {@link ensureSpeechFixtures}, relative to the repository root. */
export const SPEECH_FIXTURES = {
  /** About 8 s of speech, 48 kHz mono 16-bit. */
  speech: 'test/fixtures/generated/speech.wav',
  /** 60 s of speech (the sentence repeated), 48 kHz mono 16-bit. */
  speech60: 'test/fixtures/generated/speech-60s.wav',
};

export async function ensureSpeechFixtures(root) {
  const dir = join(root, 'test/fixtures/generated');
  const speech = join(root, SPEECH_FIXTURES.speech);
  const speech60 = join(root, SPEECH_FIXTURES.speech60);

  if (existsSync(speech) && existsSync(speech60)) return;

  mkdirSync(dir, { recursive: true });

  if (!hasTool('espeak-ng') || !hasTool('sox')) {
    console.log(
      'espeak-ng or sox missing: speech fixtures not generated (apt-get install espeak-ng sox)',
    );

    return;
  }

  const raw = join(dir, 'raw.wav');

  runTool('espeak-ng', ['-s', '150', '-w', raw, SENTENCE]);
  runTool('sox', [raw, '-r', '48000', '-c', '1', '-b', '16', `${speech}.tmp.wav`]);
  renameSync(`${speech}.tmp.wav`, speech);
  // Repeat the sentence and cut at exactly 60 s.
  runTool('sox', [speech, `${speech60}.tmp.wav`, 'repeat', '9', 'trim', '0', '60']);
  renameSync(`${speech60}.tmp.wav`, speech60);
  rmSync(raw, { force: true });
}

function hasTool(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function runTool(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });

  if (result.status !== 0) {
    throw new Error(
      `${command} failed (exit ${result.status}): ${result.stderr.toString().trim()}`,
    );
  }
}
