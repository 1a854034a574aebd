/**
 * Points the package name at this repository's sources, so the examples build without
 * `npm install stardust-voice`. In an app, install the package and drop this alias: the
 * package's `browser` field then swaps in the small protocol runtime by itself.
 */
import { fileURLToPath } from 'node:url';

import type { Alias } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

export const stardustVoiceAlias: Alias[] = [
  { find: /^stardust-voice\/define$/, replacement: `${root}components/define.ts` },
  { find: /^stardust-voice\/components$/, replacement: `${root}components/index.ts` },
  { find: /^stardust-voice$/, replacement: `${root}src/index.ts` },
  { find: /^protobufjs\/minimal(\.js)?$/, replacement: `${root}proto/lite-runtime/index.ts` },
];
