// Web Test Runner: element and core tests in Debian's Chromium with a fake microphone.
// Run through `npm run test:browser` (test/support/run.mjs), which loads tsx so that the
// server commands below can start the TypeScript servers.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';

import { BASE_FLAGS, CHROMIUM_PATH, fakeMicrophoneFlags } from './test/support/chromium.mjs';
import { browserCommands } from './test/support/browser-commands.ts';
import { commonJsPlugin, serverCommandsPlugin } from './test/support/wtr-plugins.mjs';
import { countReporter } from './test/support/wtr-reporter.mjs';

const root = process.cwd();
const filter = process.env.TEST_FILTER;
const files = ['components/**/*.test.ts', 'test/browser/**/*.test.ts'];

export default {
  rootDir: root,
  files: filter
    ? files.map((pattern) => pattern.replace('*.test.ts', `*${filter}*.test.ts`))
    : files,
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 20 * 60_000,
  testFramework: { config: { timeout: 60_000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [...BASE_FLAGS, ...fakeMicrophoneFlags(root)],
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: `${root}/tsconfig.json`, target: 'es2022' }),
    commonJsPlugin([
      'protobufjs/minimal.js',
      // polkadot-js (wallet and chain tests) ships these as CommonJS inside its ES modules.
      'bn.js/lib/bn.js',
      'eventemitter3/index.js',
      'axe-core/axe.js',
      ['@polkadot/wasm-crypto-wasm/cjs/bytes.js', ['bytes', 'lenIn', 'lenOut']],
    ]),
    serverCommandsPlugin(browserCommands),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
