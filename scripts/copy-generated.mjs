// Copies generated JavaScript into dist/ next to the compiled sources that import it (tsc
// compiles TypeScript only): the protocol code and the Opus encoder and decoder chunks.
import { cpSync } from 'node:fs';

const root = new URL('..', import.meta.url);

cpSync(new URL('proto/gen/', root), new URL('dist/proto/gen/', root), { recursive: true });
cpSync(
  new URL('src/message/opus-encoder-worklet.js', root),
  new URL('dist/src/message/opus-encoder-worklet.js', root),
);
cpSync(
  new URL('src/message/opus-decoder-worker.js', root),
  new URL('dist/src/message/opus-decoder-worker.js', root),
);
