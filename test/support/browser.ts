// Debian's Chromium driven by playwright-core for multi-page tests, with the shared flags.
import { chromium, type Browser } from 'playwright-core';

import { BASE_FLAGS, CHROMIUM_PATH } from './chromium.mjs';

/** Launches headless Chromium; close it with `browser.close()`. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...BASE_FLAGS, ...extraArgs],
  });
}
