// Debian's Chromium with the fake microphone, and a loopback server of one blank page that
// gives its pages an http://127.0.0.1 origin: a secure context, which getUserMedia and WebRTC
// need. Shared by the room and peer page fixtures.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

import { chromium, type Browser } from 'playwright-core';

import { BASE_FLAGS, CHROMIUM_PATH, fakeMicrophoneFlags } from '../../support/chromium.mjs';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A launched Chromium and the URL of its blank page. */
export interface BlankOriginBrowser {
  browser: Browser;
  /** The blank page with the given title; open it before installing a harness. */
  url: string;
  /** Closes the browser, then the page server. */
  close(): Promise<void>;
}

/** Starts the blank page server on a free loopback port and launches Chromium. */
export async function launchOnBlankOrigin(title: string): Promise<BlankOriginBrowser> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(`<!doctype html><title>${title}</title>`);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...BASE_FLAGS, ...fakeMicrophoneFlags(ROOT)],
  });

  return {
    browser,
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
