// Generates docs/errors.md from the error table in src/shared/error-table.ts.
// Usage: npm run docs:errors (writes the file); test/node/errors-doc.test.ts checks that
// the committed page equals what this renders.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { ERROR_CODES } from '../src/shared/error-table.js';

const AREA_TITLES: Record<string, string> = {
  config: 'Configuration and usage',
  protocol: 'Signaling protocol',
  delegation: 'Session delegation',
  signaling: 'Signaling client',
  wallet: 'Wallet',
  chain: 'Chain',
  message: 'Voice messages',
  call: 'Calls',
  room: 'Rooms',
};

/** Path of the generated page. */
export const ERRORS_DOC = fileURLToPath(new URL('../docs/errors.md', import.meta.url));

/** Renders docs/errors.md: one table per area, in the order of the error table. */
export function renderErrorsDoc(): string {
  const areas = new Map<string, string[]>();

  for (const [code, entry] of Object.entries(ERROR_CODES)) {
    const rows = areas.get(entry.area) ?? [];

    rows.push(`| \`${code}\` | ${cell(entry.meaning)} | ${cell(entry.action)} |`);
    areas.set(entry.area, rows);
  }

  const sections = [...areas].map(([area, rows]) =>
    [
      `## ${AREA_TITLES[area] ?? area}`,
      '',
      '| Code | Meaning | What to do |',
      '| --- | --- | --- |',
      ...rows,
    ].join('\n'),
  );

  return [
    '# Error codes',
    '',
    '<!-- Generated from src/shared/error-table.ts by `npm run docs:errors`. Do not edit by hand. -->',
    '',
    'Every failure of the SDK and the signaling server carries one of these stable codes: in',
    '`StardustError.code`, in the `ERROR` frames of the signaling protocol, in element events',
    'and in logs. Codes never change once released.',
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(ERRORS_DOC, renderErrorsDoc());
  console.log(`wrote ${ERRORS_DOC}`);
}
