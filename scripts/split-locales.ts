// Moves the translations that only lazily loaded elements use out of the generated locale
// modules (components/locales/*.ts) into modules of their own beside those elements, so the
// main CDN file carries only the strings of the elements it defines.
// Usage: npm run localize:build (runs lit-localize build, then this);
// test/node/localization.test.ts checks the committed modules against a fresh build.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A group of lazily loaded elements with a locale module of their own. */
export interface LazyStringGroup {
  /** Source files of the group, relative to the repository root. */
  sources: RegExp;
  /** Folder of the group's locale modules, relative to the root. */
  outputDir: string;
}

/** The lazily loaded element groups; their strings load with them. */
export const LAZY_STRING_GROUPS: readonly LazyStringGroup[] = [
  { sources: /^components\/(room|room-list)\//, outputDir: 'components/room/locales' },
  {
    sources: /^components\/(voice-recorder|voice-message)\//,
    outputDir: 'components/voice-message/locales',
  },
];

/** Returns the message ids that only `group`'s files use. */
export function groupMessageIds(
  localizer: RuntimeLitLocalizer,
  group: LazyStringGroup,
): Set<string> {
  const inGroup = new Set<string>();
  const elsewhere = new Set<string>();

  for (const message of localizer.extractSourceMessages().messages) {
    const file = relative(ROOT, message.file.fileName);

    (group.sources.test(file) ? inGroup : elsewhere).add(message.name);
  }

  return new Set([...inGroup].filter((id) => !elsewhere.has(id)));
}

/**
 * Splits a locale module lit-localize generated (one `'id': template,` line per message)
 * into the module without `ids` and a module of the same shape with only `ids`.
 */
export function splitLocaleModule(text: string, ids: Set<string>): { main: string; group: string } {
  const lines = text.split('\n');
  const open = lines.findIndex((line) => line.includes('export const templates = {'));
  const close = lines.findLastIndex((line) => line.trim() === '};');
  const entries = lines.slice(open + 1, close);
  const idOf = (line: string) => /^\s*'([^']+)':/.exec(line)?.[1];
  const keep = entries.filter((line) => !ids.has(idOf(line) ?? ''));
  const moved = entries.filter((line) => ids.has(idOf(line) ?? '')).map((line) => line.trimStart());
  const head = lines.slice(0, open + 1);
  const tail = lines.slice(close);

  return {
    main: [...head, ...keep, ...tail].join('\n'),
    group: [...head, ...moved, ...tail].join('\n'),
  };
}

/**
 * Splits every generated locale module in `outputDir` (the config's by default). With an
 * `outputDir`, group modules go to `<outputDir>/group-<index>/` instead of their places.
 */
export function splitLocales(outputDir?: string): void {
  const config = readConfigFileAndWriteSchema(join(ROOT, 'lit-localize.json'));
  const localizer = new RuntimeLitLocalizer(config as never);
  const mainDir = outputDir ?? join(ROOT, (config.output as { outputDir: string }).outputDir);

  for (const [index, group] of LAZY_STRING_GROUPS.entries()) {
    const ids = groupMessageIds(localizer, group);
    const groupDir =
      outputDir === undefined ? join(ROOT, group.outputDir) : join(outputDir, `group-${index}`);

    mkdirSync(groupDir, { recursive: true });

    for (const locale of config.targetLocales) {
      const file = join(mainDir, `${locale}.ts`);
      const { main, group: moved } = splitLocaleModule(readFileSync(file, 'utf8'), ids);

      writeFileSync(file, main);
      writeFileSync(join(groupDir, `${locale}.ts`), moved);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) splitLocales();
