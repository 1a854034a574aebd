#!/usr/bin/env node
// The stardust-voice command. It runs the compiled server code in dist/ (built by
// `npm run build`, which `npm install` runs through `prepare`).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/server/cli.js', import.meta.url);

if (!existsSync(cli)) {
  console.error(
    'stardust-voice: dist/ is missing. Run "npm run build" in the package folder first.',
  );
  process.exit(1);
}

const { main } = await import(cli.href);

await main(process.argv.slice(2));
