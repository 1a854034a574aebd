/**
 * Renders the devnet's pallets as Markdown reference tables for the chain team: calls with
 * their indices and arguments, storage items with hashers, events, errors and constants.
 */
import { runtimeDefinition } from './runtime/assemble.js';
import type { PalletDefinition } from './runtime/pallet.js';

/** Renders the Markdown reference of every pallet, in `construct_runtime` order. */
export function renderRuntimeReference(): string {
  const { pallets } = runtimeDefinition();

  return [renderTypes(), ...pallets.map((pallet) => renderPallet(pallet))].join('\n');
}

const OWN_TYPE_MODULES = new Set([
  'pallet_chat',
  'pallet_voice_call',
  'pallet_voice_room',
  'pallet_voice_mining',
  'pallet_proxy',
  'stardust_runtime',
]);
const GENERATED_ENUMS = new Set([
  'Call',
  'Event',
  'Error',
  'RuntimeCall',
  'RuntimeEvent',
  'Runtime',
]);

/** Renders the layouts of the devnet's own types as Rust declarations in SCALE field order. */
function renderTypes(): string {
  const { registry } = runtimeDefinition();
  const declarations: string[] = [];

  for (const { type } of registry.lookup.types) {
    const path = type.path.map((part) => part.toString());
    const name = path.at(-1);

    if (name === undefined || !OWN_TYPE_MODULES.has(path[0]!) || GENERATED_ENUMS.has(name))
      continue;

    if (type.def.isComposite) {
      const fields = type.def.asComposite.fields.map(
        (field) =>
          `    ${field.name.unwrapOr('_').toString()}: ${typeName(field.type.toNumber(), field.typeName.unwrapOr(undefined)?.toString())},`,
      );

      declarations.push(`// ${path.join('::')}\npub struct ${name} {\n${fields.join('\n')}\n}`);
    } else if (type.def.isVariant) {
      const variants = type.def.asVariant.variants.map((variant) => {
        const fields = variant.fields.map((field) =>
          typeName(field.type.toNumber(), field.typeName.unwrapOr(undefined)?.toString()),
        );

        return `    ${variant.name.toString()}${fields.length > 0 ? `(${fields.join(', ')})` : ''} = ${variant.index.toNumber()},`;
      });

      declarations.push(`// ${path.join('::')}\npub enum ${name} {\n${variants.join('\n')}\n}`);
    }
  }

  return ['### Types', '', '```rust', declarations.join('\n\n'), '```', ''].join('\n');
}

function renderPallet(pallet: PalletDefinition): string {
  const lines = [`### ${pallet.name} (index ${pallet.index})`, '', pallet.docs.join(' '), ''];

  if (pallet.calls.length > 0) {
    lines.push(
      'Calls:',
      '',
      '| index | call | arguments | description |',
      '| --- | --- | --- | --- |',
    );

    pallet.calls.forEach((call, position) => {
      const args = call.args
        .map((arg) => `\`${arg.name}: ${typeName(arg.type, arg.typeName)}\``)
        .join(', ');

      lines.push(
        `| ${call.index ?? position} | \`${call.name}\` | ${args || '—'} | ${cell(call.docs)} |`,
      );
    });
    lines.push('');
  }

  if (pallet.storage.length > 0) {
    lines.push(
      'Storage:',
      '',
      '| item | keys (hasher) | value | query | description |',
      '| --- | --- | --- | --- | --- |',
    );

    for (const item of pallet.storage) {
      const keys = (item.keys ?? [])
        .map((key) => `\`${typeName(key.type)}\` (${key.hasher})`)
        .join(', ');
      const query = item.default === undefined ? 'Option' : 'Value';

      lines.push(
        `| \`${item.name}\` | ${keys || '— (plain)'} | \`${typeName(item.value)}\` | ${query} | ${cell(item.docs)} |`,
      );
    }

    lines.push('');
  }

  if (pallet.events.length > 0) {
    lines.push(
      'Events:',
      '',
      '| index | event | fields | description |',
      '| --- | --- | --- | --- |',
    );

    pallet.events.forEach((event, position) => {
      const fields = event.fields
        .map((field) => `\`${field.name}: ${typeName(field.type, field.typeName)}\``)
        .join(', ');

      lines.push(`| ${position} | \`${event.name}\` | ${fields || '—'} | ${cell(event.docs)} |`);
    });
    lines.push('');
  }

  if (pallet.errors.length > 0) {
    lines.push('Errors:', '', '| index | error | description |', '| --- | --- | --- |');
    pallet.errors.forEach((error, position) =>
      lines.push(`| ${position} | \`${error.name}\` | ${cell(error.docs)} |`),
    );
    lines.push('');
  }

  if (pallet.constants.length > 0) {
    lines.push(
      'Constants:',
      '',
      '| constant | type | value | description |',
      '| --- | --- | --- | --- |',
    );

    for (const constant of pallet.constants) {
      lines.push(
        `| \`${constant.name}\` | \`${typeName(constant.type)}\` | ${String(constant.value)} | ${cell(constant.docs)} |`,
      );
    }

    lines.push('');
  }

  return lines.join('\n');
}

/** Returns a readable Rust type: the name the definition gives, else one built from the registry. */
function typeName(id: number, given?: string): string {
  if (given !== undefined) return given;

  const { registry } = runtimeDefinition();
  const { path, params, def } = registry.lookup.getSiType(id);
  const inner = (index: number) => typeName(params[index]!.type.unwrap().toNumber());
  const last = path.at(-1)?.toString();

  if (last === 'Option' || last === 'BoundedVec') return `${last}<${inner(0)}>`;

  if (last !== undefined) return last;

  if (def.isPrimitive) return def.asPrimitive.type.toLowerCase();

  if (def.isCompact) return `Compact<${typeName(def.asCompact.type.toNumber())}>`;

  if (def.isSequence) return `Vec<${typeName(def.asSequence.type.toNumber())}>`;

  if (def.isArray)
    return `[${typeName(def.asArray.type.toNumber())}; ${def.asArray.len.toNumber()}]`;

  if (def.isTuple)
    return `(${def.asTuple.map((member) => typeName(member.toNumber())).join(', ')})`;

  return def.type;
}

function cell(docs: string[]): string {
  return docs.join(' ').replace(/\|/g, '\\|');
}
