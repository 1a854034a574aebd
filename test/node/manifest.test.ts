// custom-elements.json and the element reference generated from it stay fresh.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

interface Declaration {
  name: string;
  customElement?: boolean;
  tagName?: string;
  summary?: string;
  events?: { name: string }[];
}

describe('element manifest and reference', () => {
  it('commits the manifest the analyzer generates', async () => {
    // The analyzer joins its output folder to the working directory: use one inside the
    // repository (under the ignored .stardust/).
    mkdirSync(join(root, '.stardust'), { recursive: true });

    const work = mkdtempSync(join(root, '.stardust/manifest-'));

    try {
      await run(
        join(root, 'node_modules/.bin/custom-elements-manifest'),
        ['analyze', '--config', 'custom-elements-manifest.config.mjs'],
        { cwd: root, env: { ...process.env, STARDUST_MANIFEST_OUTDIR: relative(root, work) } },
      );

      assert.equal(
        readFileSync(join(root, 'custom-elements.json'), 'utf8'),
        readFileSync(join(work, 'custom-elements.json'), 'utf8'),
        'custom-elements.json is stale: run npm run manifest',
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('commits the element reference the manifest generates', async () => {
    const check = run(process.execPath, ['scripts/docs-elements.mjs', '--check'], { cwd: root });

    await assert.doesNotReject(check, 'docs/elements.md is stale: run npm run docs:elements');
  });

  it('documents a tag, summary and prefixed events for every element', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as {
      modules: { declarations?: Declaration[] }[];
    };
    const elements = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.name !== 'StardustElement');

    assert.ok(elements.length > 0);

    for (const element of elements) {
      assert.match(element.tagName ?? '', /^stardust-/, `${element.name} lacks @tagname`);
      assert.ok(element.summary, `${element.name} lacks @summary`);

      for (const event of element.events ?? []) assert.match(event.name, /^stardust-/);
    }
  });
});
