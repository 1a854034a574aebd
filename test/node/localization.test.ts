// The element strings: every msg() call has a zh-CN translation in xliff/zh-CN.xlf, and the
// committed locale modules are what `npm run localize:build` generates from it (the strings
// of lazily loaded elements split into modules beside them).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';

import { LAZY_STRING_GROUPS, splitLocales } from '../../scripts/split-locales.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('localization', () => {
  let localizer: RuntimeLitLocalizer;
  let work: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'stardust-locales-'));
    localizer = new RuntimeLitLocalizer(
      readConfigFileAndWriteSchema(join(root, 'lit-localize.json')) as never,
    );
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('translates every msg() string to zh-CN', () => {
    const { messages, errors } = localizer.extractSourceMessages();
    const translated = new Set(
      (localizer.readTranslationsSync().translations.get('zh-CN' as never) ?? []).map(
        (message) => message.name,
      ),
    );
    const missing = messages
      .filter((message) => !translated.has(message.name))
      .map((message) => `${message.name} in ${message.file.fileName}`);

    assert.deepEqual(errors, []);
    assert.ok(messages.length > 0, 'no msg() call was found: check lit-localize.json inputFiles');
    assert.deepEqual(missing, [], 'add a <target> in xliff/zh-CN.xlf (npm run localize:extract)');
  });

  it('keeps placeholders intact in the translations', () => {
    assert.deepEqual(localizer.validateTranslations().errors, []);
  });

  it('commits the locale module the XLIFF generates', async () => {
    const config = readConfigFileAndWriteSchema(join(root, 'lit-localize.json'));
    const fresh = new RuntimeLitLocalizer({
      ...config,
      output: { ...config.output, outputDir: work },
    } as never);

    await fresh.build();
    splitLocales(work);

    assert.equal(
      readFileSync(join(root, 'components/locales/zh-CN.ts'), 'utf8'),
      readFileSync(join(work, 'zh-CN.ts'), 'utf8'),
      'components/locales/zh-CN.ts is stale: run npm run localize:build',
    );

    for (const [index, group] of LAZY_STRING_GROUPS.entries()) {
      assert.equal(
        readFileSync(join(root, group.outputDir, 'zh-CN.ts'), 'utf8'),
        readFileSync(join(work, `group-${index}`, 'zh-CN.ts'), 'utf8'),
        `${group.outputDir}/zh-CN.ts is stale: run npm run localize:build`,
      );
    }
  });

  it('moves the strings of lazily loaded elements out of the main module', () => {
    const main = readFileSync(join(root, 'components/locales/zh-CN.ts'), 'utf8');
    const rooms = readFileSync(join(root, 'components/room/locales/zh-CN.ts'), 'utf8');

    assert.ok(rooms.includes('举手发言'), 'the room module has the room strings');
    assert.ok(!main.includes('举手发言'), 'the main module lacks them');

    const voice = readFileSync(join(root, 'components/voice-message/locales/zh-CN.ts'), 'utf8');

    assert.ok(voice.includes('按住录音'), 'the voice module has the voice strings');
    assert.ok(!main.includes('按住录音'), 'the main module lacks them');
  });
});
