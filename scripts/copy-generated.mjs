// Copies the generated protocol code into dist/ next to the compiled sources that import it
// (tsc compiles TypeScript only).
import { cpSync } from 'node:fs';

const root = new URL('..', import.meta.url);

cpSync(new URL('proto/gen/', root), new URL('dist/proto/gen/', root), { recursive: true });

// The Opus encoder and decoder workers, next to the compiled module that loads them.
await import('./copy-opus-assets.mjs');
