// Copies opus-recorder's WASM encoder and decoder workers next to the module that loads them:
// into src/message/assets/ (git-ignored) and, when it exists, dist/src/message/assets/.
// Then `new URL('./assets/…', import.meta.url)` resolves in the sources (dev servers, tests),
// in the compiled package and in the CDN bundle. The pinned opus-recorder package in
// node_modules is the only source of these files.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const source = new URL('node_modules/opus-recorder/dist/', root);
const files = {
  'encoderWorker.min.js': 'opus-encoder-worker.min.js',
  'decoderWorker.min.js': 'opus-decoder-worker.min.js',
  'decoderWorker.min.wasm': 'opus-decoder-worker.min.wasm',
};
const targets = [new URL('src/message/assets/', root)];

if (existsSync(new URL('dist/src/message/', root))) {
  targets.push(new URL('dist/src/message/assets/', root));
}

for (const target of targets) {
  mkdirSync(target, { recursive: true });

  for (const [from, to] of Object.entries(files)) {
    copyFileSync(new URL(from, source), new URL(to, target));
  }
}
