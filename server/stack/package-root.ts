import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Returns the folder of the stardust-voice package (with a trailing slash), found by walking
 * up from this module: the same answer from the sources and from the compiled dist/ files.
 */
export function packageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));

  for (;;) {
    const manifest = join(folder, 'package.json');

    if (
      existsSync(manifest) &&
      JSON.parse(readFileSync(manifest, 'utf8')).name === 'stardust-voice'
    ) {
      return `${folder}/`;
    }

    const parent = dirname(folder);

    if (parent === folder)
      throw new Error('stardust-voice package.json not found above the server code');

    folder = parent;
  }
}
