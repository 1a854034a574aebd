// Generates docs/elements.md, the element reference, from custom-elements.json.
// Usage: node scripts/docs-elements.mjs [--check]
// --check exits with 1 when docs/elements.md differs from what the manifest generates.
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const check = process.argv.includes('--check');
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const target = new URL('docs/elements.md', root);

const declarations = manifest.modules.flatMap((module) =>
  (module.declarations ?? []).map((declaration) => ({ ...declaration, path: module.path })),
);
const base = declarations.find((declaration) => declaration.name === 'StardustElement');
const elements = declarations
  .filter((declaration) => declaration.customElement && declaration.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

const INTRO = `# Elements

<!-- Generated from custom-elements.json by npm run docs:elements. Do not edit by hand. -->

Every Stardust Voice element is a custom element with a shadow root. Behaviour comes through
attributes and properties, looks through \`::part\` and \`--stardust-*\` custom properties,
and outcomes through \`stardust-*\` events (each an \`Event\` subclass with a typed \`detail\`,
bubbling and composed). Register the tags with \`import 'stardust-voice/define'\` or the CDN
file; see [Getting started](getting-started.md).

## Shared by every element

### Attributes

| Attribute | Property | Type | Description |
| --- | --- | --- | --- |
${attributeRows(base?.attributes ?? [])}

### Events

| Event | Detail | Description |
| --- | --- | --- |
| \`stardust-error\` | \`{ code, message }\` | A failure the page should handle or show; \`code\` is a stable code from [Errors](errors.md). Elements never log. |

### Theming

Tokens set on the element or any ancestor apply in both themes; unset tokens take the
default of the element's theme. The theme is dark with \`theme="dark"\` on the element, with
\`theme="dark"\` on the nearest \`<stardust-voice-config>\`, or when the system prefers dark and
nothing forces \`light\`.

| Custom property | Description |
| --- | --- |
${(base?.cssProperties ?? []).map((property) => `| \`${property.name}\` | ${cell(property.description)} |`).join('\n')}

### Part names

Each element names its significant pieces with \`part\`, so pages can style them with
\`::part()\`. Names follow one scheme across elements:

- \`base\`: the element's outermost box;
- a noun for a piece (\`waveform\`, \`timer\`, \`status\`, \`error\`), with a suffix for its
  inner pieces (\`error-title\`, \`error-message\`);
- \`<action>-button\` for a control (\`record-button\`, \`hangup-button\`).
`;

const output = `${INTRO}${elements.map(renderElement).join('')}`;

if (check) {
  let current = '';

  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is stale.
  }

  if (current !== output) {
    console.error('docs/elements.md is stale: run npm run manifest && npm run docs:elements');
    process.exit(1);
  }
} else {
  writeFileSync(target, output);
}

function renderElement(element) {
  const inherited = new Set((base?.attributes ?? []).map((attribute) => attribute.name));
  const own = (element.attributes ?? []).filter((attribute) => !inherited.has(attribute.name));
  const members = (element.members ?? []).filter(
    (member) =>
      member.privacy === undefined &&
      !member.static &&
      !member.name.startsWith('#') &&
      !member.inheritedFrom &&
      member.attribute === undefined,
  );
  const sections = [
    `\n## \`<${element.tagName}>\`\n\n${element.summary ?? ''}\n\n${element.description ?? ''}\n`,
    table(
      'Attributes',
      ['Attribute', 'Property', 'Type', 'Description'],
      own.map((attribute) => [
        `\`${attribute.name}\``,
        attribute.fieldName ? `\`${attribute.fieldName}\`` : '',
        typeCell(attribute.type),
        cell(attribute.description),
      ]),
    ),
    table(
      'Properties and methods',
      ['Name', 'Kind', 'Type', 'Description'],
      members.map((member) => [
        `\`${member.name}\``,
        member.kind,
        typeCell(member.type ?? member.return?.type),
        cell(member.description),
      ]),
    ),
    table(
      'Events',
      ['Event', 'Description'],
      (element.events ?? [])
        .filter((event) => event.name !== 'stardust-error')
        .map((event) => [`\`${event.name}\``, cell(event.description)]),
    ),
    table(
      'Slots',
      ['Slot', 'Description'],
      (element.slots ?? []).map((slot) => [
        slot.name ? `\`${slot.name}\`` : '(default)',
        cell(slot.description),
      ]),
    ),
    table(
      'CSS parts',
      ['Part', 'Description'],
      (element.cssParts ?? []).map((part) => [`\`${part.name}\``, cell(part.description)]),
    ),
  ];

  return sections.filter((section) => section !== '').join('\n');
}

function table(title, headers, rows) {
  if (rows.length === 0) return '';

  return [
    `### ${title}\n`,
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ].join('\n');
}

function attributeRows(attributes) {
  return attributes
    .map(
      (attribute) =>
        `| \`${attribute.name}\` | ${attribute.fieldName ? `\`${attribute.fieldName}\`` : ''} | ${typeCell(attribute.type)} | ${cell(attribute.description)} |`,
    )
    .join('\n');
}

/** Formats a type as code without `| undefined`, with pipes escaped for the table. */
function typeCell(type) {
  if (type?.text === undefined) return '';

  return `\`${cell(type.text.replace(/ \| undefined$/, ''))}\``;
}

function cell(text) {
  return (text ?? '').replace(/\n+/g, ' ').replace(/\|/g, '\\|');
}
