// The CDN file as a script-tag user gets it: built with the CDN settings, served from
// another origin with CORS, loaded by a page that uses only the tags and the global.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import type { Browser, Page } from 'playwright-core';

import { buildCdn, CDN_INPUT } from '../../scripts/cdn-build.js';
import { launchChromium } from '../support/browser.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

// Port 9 (discard) has no server here: connections to it are refused at once.
const VALID = `chain="ws://127.0.0.1:9" signaling="ws://127.0.0.1:9/signal"
  ipfs-api="http://127.0.0.1:9" gateways="http://127.0.0.1:9"`;

describe('CDN file', () => {
  let work: string;
  let cdn: StaticServer;
  let site: StaticServer;
  let browser: Browser;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'stardust-cdn-'));
    await buildCdn(CDN_INPUT, join(work, 'cdn'));
    await buildCdn({ probe: 'test/fixtures/probes/lazy-parts.ts' }, join(work, 'lazy'));
    await buildCdn({ probe: 'test/fixtures/probes/protocol.ts' }, join(work, 'protocol'));
    // A deep path on another origin: every chunk must resolve relative to the script itself.
    cdn = await startStaticServer({
      folders: { '/npm/stardust-voice/': work },
      headers: { 'access-control-allow-origin': '*' },
    });
    site = await startStaticServer({ pages: pages(() => cdn.origin) });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await cdn?.close();
    await site?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage();
    const errors: string[] = [];

    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.origin}${path}`);
    await page.waitForFunction(() => document.readyState === 'complete');
    assert.deepEqual(errors, [], `page errors on ${path}`);

    return page;
  }

  it('registers the tags and installs StardustVoice', async () => {
    const page = await open('/valid.html');

    await page.waitForFunction(() => customElements.get('stardust-voice-config') !== undefined);

    const state = await page.evaluate(async () => {
      const config = document.querySelector('stardust-voice-config') as HTMLElement & {
        updateComplete: Promise<unknown>;
        client?: { config: { gateways: string[] } };
        error?: unknown;
      };

      await config.updateComplete;

      return {
        global: typeof globalThis.StardustVoice?.configure,
        gateways: config.client?.config.gateways,
        error: config.error,
        text: document.body.innerText.trim(),
      };
    });

    assert.equal(state.global, 'function');
    assert.deepEqual(state.gateways, ['http://127.0.0.1:9']);
    assert.equal(state.error, undefined);
    assert.equal(state.text, 'inside');
    await page.close();
  });

  it('exports the account helpers for module scripts', async () => {
    const page = await open('/valid.html');
    const url = `${cdn.origin}/npm/stardust-voice/cdn/stardust-voice.js`;
    const exported = await page.evaluate(async (src) => {
      const module = (await import(src)) as Record<string, unknown>;

      return { wallet: typeof module.ExtensionWallet, dev: typeof module.createDevSigner };
    }, url);

    assert.equal(exported.wallet, 'function');
    assert.equal(exported.dev, 'function');
    await page.close();
  });

  it('shows an invalid attribute on the page', async () => {
    const page = await open('/invalid.html');
    const error = page.locator('stardust-voice-config [part="error"]');

    await error.waitFor();

    const text = await error.innerText();

    assert.match(text, /The ipfs-api attribute is not a valid URL: "nope"\./);
    await page.close();
  });

  it('loads the chain chunk from the script origin only when asked', async () => {
    const page = await open('/valid.html');
    const chunk = () =>
      cdn.requests.filter((path) => /\/cdn\/chunks\/load-polkadot-api-/.test(path));
    const before = chunk().length;

    await page.waitForFunction(() => customElements.get('stardust-voice-config') !== undefined);
    assert.equal(chunk().length, before, 'the chain chunk loaded before it was needed');

    const result = await page.evaluate(async () => {
      const config = document.querySelector('stardust-voice-config') as HTMLElement & {
        client: { chain: { connect(): Promise<unknown> } };
      };

      try {
        await config.client.chain.connect();

        return { code: 'connected', cause: '' };
      } catch (error) {
        const failure = error as { code: string; cause?: { message?: string } };

        return { code: failure.code, cause: String(failure.cause?.message ?? failure.cause) };
      }
    });

    // @polkadot/api itself ran in the chunk and reported the refused connection.
    assert.equal(result.code, 'CHAIN_UNREACHABLE');
    assert.notEqual(result.cause, '');
    assert.equal(chunk().length, before + 1);
    await page.close();
  });

  it('starts the encoder worklet from another origin through a Blob URL', async () => {
    const page = await open('/lazy.html');

    await page.waitForFunction(() => globalThis.lazyParts !== undefined);

    const inputs = await page.evaluate(async () => {
      const context = new AudioContext();

      await globalThis.lazyParts.addEncoderWorklet(context);

      const node = new AudioWorkletNode(context, globalThis.lazyParts.ENCODER_PROCESSOR, {
        numberOfOutputs: 0,
      });

      await context.close();

      return node.numberOfInputs;
    });

    assert.equal(inputs, 1);
    assert.ok(cdn.requests.some((path) => /\/lazy\/chunks\/opus-encoder-worklet-/.test(path)));
    await page.close();
  });

  for (const [path, missing] of [
    ['/lazy-no-blob.html', 'blob:'],
    ['/lazy-no-wasm.html', "'wasm-unsafe-eval'"],
  ]) {
    it(`reports ENCODER_LOAD_FAILED when the CSP lacks ${missing}`, async () => {
      const page = await open(path!);

      await page.waitForFunction(() => globalThis.lazyParts !== undefined);

      const code = await page.evaluate(async () => {
        const context = new AudioContext();

        try {
          await globalThis.lazyParts.addEncoderWorklet(context);

          return 'loaded';
        } catch (error) {
          return (error as { code: string }).code;
        } finally {
          await context.close();
        }
      });

      assert.equal(code, 'ENCODER_LOAD_FAILED');
      await page.close();
    });
  }

  it('runs the bundled protocol runtime with exact 64-bit timestamps', async () => {
    const page = await open('/protocol.html');

    await page.waitForFunction(() => globalThis.protocolProbe !== undefined);

    const decoded = await page.evaluate(() => {
      const voice = globalThis.protocolProbe;
      // 2^53 + 1 as the signaling codec passes an int64: its low and high 32 bits.
      const timestamp = { low: 1, high: 0x20_0000, unsigned: false };
      const bytes = voice.SignalMessage.encode({
        type: voice.SignalType.HEARTBEAT,
        timestamp: timestamp as never,
        from: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
      }).finish();
      const message = voice.SignalMessage.decode(bytes);

      return {
        timestamp: message.timestamp.toString(),
        timestampType: typeof message.timestamp,
        from: message.from,
        type: message.type,
      };
    });

    assert.deepEqual(decoded, {
      timestamp: '9007199254740993',
      timestampType: 'bigint',
      from: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
      type: 30,
    });
    await page.close();
  });
});

/** Builds the test pages. `cdnOrigin` is read when a page is served, after the CDN server started. */
function pages(cdnOrigin: () => string) {
  const page = (body: string, csp?: string) => ({
    get body() {
      const sdk = `${cdnOrigin()}/npm/stardust-voice`;

      return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CDN test</title></head><body>${body.replaceAll('SDK', sdk)}</body></html>`;
    },
    get headers(): Record<string, string> {
      return csp === undefined
        ? {}
        : { 'content-security-policy': csp.replaceAll('SDK', cdnOrigin()) };
    },
  });
  const script = (path: string) => `<script type="module" src="SDK/${path}"></script>`;

  return {
    '/valid.html': page(
      `<stardust-voice-config ${VALID}><p>inside</p></stardust-voice-config>${script('cdn/stardust-voice.js')}`,
    ),
    '/invalid.html': page(
      `<stardust-voice-config ${VALID.replace('ipfs-api="http://127.0.0.1:9"', 'ipfs-api="nope"')}></stardust-voice-config>${script('cdn/stardust-voice.js')}`,
    ),
    '/lazy.html': page(
      script('lazy/probe.js'),
      "script-src SDK blob: 'wasm-unsafe-eval'; default-src 'self'",
    ),
    '/lazy-no-blob.html': page(
      script('lazy/probe.js'),
      "script-src SDK 'wasm-unsafe-eval'; default-src 'self'",
    ),
    '/lazy-no-wasm.html': page(script('lazy/probe.js'), "script-src SDK blob:; default-src 'self'"),
    '/protocol.html': page(script('protocol/probe.js')),
  };
}
