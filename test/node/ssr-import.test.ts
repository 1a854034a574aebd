// Importing the built package in Node, as Next.js or Nuxt do while rendering on the server:
// nothing throws, no browser global or wallet is touched, no tag is defined.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { before, describe, it } from 'node:test';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Globals that lit's Node build defines for server rendering (a customElements shim among them). */
const LIT_SSR_GLOBALS = [
  'customElements',
  'litElementVersions',
  'litHtmlVersions',
  'litPropertyMetadata',
  'litServerRoot',
  'reactiveElementVersions',
];

/**
 * Imports `modules` in a fresh Node process and reports the globals they added, every
 * module URL that was resolved, and whether a Stardust tag got defined.
 */
async function importInNode(modules: string[]) {
  const script = `
    import { register } from 'node:module';

    const resolved = [];
    const { port1, port2 } = new MessageChannel();

    port1.on('message', (url) => resolved.push(url));
    port1.unref();
    register(
      'data:text/javascript,' +
        encodeURIComponent(\`
          let port;
          export function initialize(data) { port = data.port; }
          export async function resolve(specifier, context, next) {
            const result = await next(specifier, context);
            port.postMessage(result.url);
            return result;
          }
        \`),
      { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] },
    );

    const before = new Set(Object.getOwnPropertyNames(globalThis));

    for (const module of ${JSON.stringify(modules)}) await import(new URL(module, ${JSON.stringify(`file://${root}`)}).href);

    await new Promise((resolve) => setImmediate(resolve));
    console.log(JSON.stringify({
      added: Object.getOwnPropertyNames(globalThis).filter((name) => !before.has(name)).sort(),
      resolved,
      window: typeof window,
      document: typeof document,
      stardustVoice: typeof StardustVoice,
      injectedWeb3: typeof injectedWeb3,
      definedTag: typeof customElements === 'undefined' ? false : customElements.get('stardust-voice-config') !== undefined,
    }));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
  });

  return JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    added: string[];
    resolved: string[];
    window: string;
    document: string;
    stardustVoice: string;
    injectedWeb3: string;
    definedTag: boolean;
  };
}

describe('importing dist/ in Node', () => {
  before(async () => {
    await run('npm', ['run', '--silent', 'build:lib'], { cwd: root });
  });

  it('loads the core without touching any global', async () => {
    const result = await importInNode(['dist/src/index.js']);

    assert.deepEqual(result.added, []);
    assert.equal(result.window, 'undefined');
    assert.equal(result.document, 'undefined');
  });

  it('loads the element classes and define without a browser', async () => {
    const result = await importInNode([
      'dist/src/index.js',
      'dist/components/index.js',
      'dist/components/define.js',
    ]);

    assert.deepEqual(
      result.added.filter((name) => !LIT_SSR_GLOBALS.includes(name)),
      [],
    );
    assert.equal(result.window, 'undefined');
    assert.equal(result.document, 'undefined');
    assert.equal(result.stardustVoice, 'undefined');
    assert.equal(result.definedTag, false);
  });

  it('loads no wallet, chain or encoder module at import', async () => {
    const result = await importInNode(['dist/src/index.js', 'dist/components/index.js']);
    const heavy = result.resolved.filter((url) =>
      /@polkadot\/(api|extension-dapp|keyring|util-crypto)\/|opus-recorder|opus-encoder-worklet/.test(
        url,
      ),
    );

    assert.ok(result.resolved.length > 10, 'the resolve hook saw no module');
    assert.deepEqual(heavy, []);
    assert.equal(result.injectedWeb3, 'undefined');
  });
});
