// Chromium launch settings shared by Web Test Runner and the Playwright-driven tests:
// Debian's /usr/bin/chromium, never a downloaded browser, with nothing reaching the network.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { SPEECH_FIXTURES } from './fixtures.mjs';

/** Debian's Chromium binary without the wrapper script, which only adds noise. */
export const CHROMIUM_PATH = existsSync('/usr/lib/chromium/chromium')
  ? '/usr/lib/chromium/chromium'
  : '/usr/bin/chromium';

/** Flags every test browser gets. */
export const BASE_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // WebRTC gathers no candidates on loopback without it.
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * Flags for a fake microphone that plays `wavFile` in a loop and grants the permission
 * prompt. Pass `null` to get the fake device's beep instead of speech.
 */
export function fakeMicrophoneFlags(root, wavFile = SPEECH_FIXTURES.speech) {
  const flags = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

  if (wavFile !== null) flags.push(`--use-file-for-fake-audio-capture=${join(root, wavFile)}`);

  return flags;
}
