// The browser protocol runtime (proto/lite-runtime/index.ts) against protobufjs/minimal: the same
// generated code, run on each, must produce the same bytes, the same decoded values and the
// same failures for every message of voice.proto.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';

import Long from 'long';
import protobuf from 'protobufjs';

import { voice as reference } from '../../proto/gen/voice.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Generated message classes by name, from one runtime. */
type Messages = Record<
  string,
  {
    encode(message: unknown): { finish(): Uint8Array };
    decode(bytes: Uint8Array): Record<string, unknown>;
  }
>;

interface LiteModule {
  voice: Messages;
  protobuf: { build: string; Reader: { discardUnknown: boolean } };
}

/** A small seeded generator (mulberry32), so every run tests the same cases. */
function random(seed: number): () => number {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;

    let t = state;

    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds a random message of `type` with every kind of value its fields allow. */
function randomMessage(
  type: protobuf.Type,
  next: () => number,
  depth = 0,
): Record<string, unknown> {
  const message: Record<string, unknown> = {};

  for (const field of type.fieldsArray) {
    if (next() < 0.25) continue;

    const value = () => randomValue(field, next, depth);

    message[field.name] = field.repeated
      ? Array.from({ length: Math.floor(next() * 4) }, value)
      : value();
  }

  // Keep only one member of each real oneof, as an application would.
  for (const oneof of type.oneofsArray) {
    const present = oneof.fieldsArray.filter((field) => field.name in message);

    for (const field of present.slice(1)) delete message[field.name];
  }

  return message;
}

function randomValue(field: protobuf.Field, next: () => number, depth: number): unknown {
  const resolved = field.resolve().resolvedType;

  if (resolved instanceof protobuf.Type) {
    return depth > 2 ? {} : randomMessage(resolved, next, depth + 1);
  }

  if (resolved instanceof protobuf.Enum) {
    const values = Object.values(resolved.values);

    // Now and then a value from a newer sender that this schema does not know.
    return next() < 0.1 ? 77 : values[Math.floor(next() * values.length)];
  }

  switch (field.type) {
    case 'string':
      return randomString(next);
    case 'bytes':
      return Uint8Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 256));
    case 'bool':
      return next() < 0.5;
    case 'uint32':
      return Math.floor(next() * 2 ** 32);
    case 'int32':
      return Math.floor(next() * 2 ** 32) - 2 ** 31;
    case 'int64':
    case 'uint64':
      return Long.fromBits(
        Math.floor(next() * 2 ** 32) | 0,
        Math.floor(next() * 2 ** 32) | 0,
        field.type === 'uint64',
      );
    default:
      throw new Error(`no generator for field type ${field.type} (${field.fullName})`);
  }
}

function randomString(next: () => number): string {
  const pieces = ['a', 'Zz', '5GrwvaEF', '语音', '🎙️', 'é', '\u0000', '\ud800'];

  return Array.from(
    { length: Math.floor(next() * 6) },
    () => pieces[Math.floor(next() * pieces.length)],
  ).join('');
}

/**
 * Makes decoded messages comparable: 64-bit values (Longs from protobufjs, bigints from the
 * browser runtime) to strings, byte views to arrays, no prototypes.
 */
function plain(value: unknown): unknown {
  if (Long.isLong(value)) return `long:${(value as Long).toString()}`;

  if (typeof value === 'bigint') return `long:${value}`;

  if (value instanceof Uint8Array) return Array.from(value);

  if (Array.isArray(value)) return value.map(plain);

  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      key,
      plain(item),
    ]);

    return Object.fromEntries(entries);
  }

  return value;
}

/** Decodes with one runtime; returns the plain value or the failure. */
function decodeOutcome(
  type: Messages[string],
  bytes: Uint8Array,
): { value: unknown } | { failed: true } {
  try {
    return { value: plain(type.decode(bytes)) };
  } catch {
    return { failed: true };
  }
}

describe('lite protocol runtime', () => {
  let lite: Messages;
  let liteRuntime: LiteModule['protobuf'];
  let schema: protobuf.Namespace;
  let work: string;
  const messageNames = Object.keys(reference).filter(
    (name) => typeof (reference as unknown as Messages)[name]?.encode === 'function',
  );
  const referenceMessages = reference as unknown as Messages;

  before(async () => {
    // The same generated code, importing the lite runtime instead of protobufjs.
    mkdirSync(join(root, '.stardust'), { recursive: true });
    work = mkdtempSync(join(root, '.stardust/lite-runtime-'));

    const source = readFileSync(join(root, 'proto/gen/voice.js'), 'utf8').replace(
      'import $protobuf from "protobufjs/minimal.js";',
      `import $protobuf from ${JSON.stringify(pathToFileURL(join(root, 'proto/lite-runtime/index.ts')).href)};\nexport { $protobuf as protobuf };`,
    );

    writeFileSync(join(work, 'voice.js'), source);

    const module = (await import(pathToFileURL(join(work, 'voice.js')).href)) as LiteModule;

    lite = module.voice;
    liteRuntime = module.protobuf;
    schema = protobuf
      .loadSync(join(root, 'proto/voice.proto'))
      .lookup('voice') as protobuf.Namespace;
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('covers every message of the schema', () => {
    const schemaMessages = schema.nestedArray
      .filter((nested) => nested instanceof protobuf.Type)
      .map((type) => type.name)
      .sort();

    assert.equal(liteRuntime.build, 'stardust-lite');
    assert.deepEqual([...messageNames].sort(), schemaMessages);
    assert.ok(messageNames.length > 20);
  });

  it('encodes every message to the same bytes', () => {
    const next = random(1);

    for (const name of messageNames) {
      const type = schema.lookupType(name);

      for (let round = 0; round < 40; round += 1) {
        const message = randomMessage(type, next);
        const expected = referenceMessages[name]!.encode(message).finish();
        const actual = lite[name]!.encode(message).finish();

        assert.deepEqual(
          Array.from(actual),
          Array.from(expected),
          `${name} round ${round}: ${JSON.stringify(plain(message))}`,
        );
      }
    }
  });

  it('decodes every message to the same values', () => {
    const next = random(2);

    for (const name of messageNames) {
      const type = schema.lookupType(name);

      for (let round = 0; round < 40; round += 1) {
        const bytes = referenceMessages[name]!.encode(randomMessage(type, next)).finish();

        assert.deepEqual(
          decodeOutcome(lite[name]!, bytes),
          decodeOutcome(referenceMessages[name]!, bytes),
          `${name} round ${round}`,
        );
      }
    }
  });

  it('fails on the same corrupted and random input', () => {
    const next = random(3);
    let failures = 0;

    for (const name of messageNames) {
      const type = schema.lookupType(name);

      for (let round = 0; round < 60; round += 1) {
        const valid = referenceMessages[name]!.encode(randomMessage(type, next)).finish();
        const bytes =
          round % 3 === 0
            ? Uint8Array.from({ length: Math.floor(next() * 24) }, () => Math.floor(next() * 256))
            : mutate(valid, next);
        const expected = decodeOutcome(referenceMessages[name]!, bytes);

        if ('failed' in expected) failures += 1;

        assert.deepEqual(
          decodeOutcome(lite[name]!, bytes),
          expected,
          `${name} round ${round}: ${Array.from(bytes).join(',')}`,
        );
      }
    }

    // The inputs must actually exercise the failure paths.
    assert.ok(failures > 100, `only ${failures} inputs failed to decode`);
  });

  it('keeps unknown fields and re-encodes them when asked', () => {
    const original = referenceMessages.SignalMessage!.encode({ from: 'alice' }).finish();
    // Field 999 (wire type 2) and field 1000 (varint), unknown to this schema.
    const withUnknown = Uint8Array.from([...original, 0xba, 0x3e, 2, 0x68, 0x69, 0xc0, 0x3e, 7]);
    const referenceReader = (protobuf as unknown as { Reader: { discardUnknown: boolean } }).Reader;

    referenceReader.discardUnknown = false;
    liteRuntime.Reader.discardUnknown = false;

    try {
      const expected = referenceMessages.SignalMessage!.decode(withUnknown);
      const actual = lite.SignalMessage!.decode(withUnknown);

      assert.equal((expected.$unknowns as unknown[]).length, 2);
      assert.deepEqual(plain(actual.$unknowns), plain(expected.$unknowns));
      assert.deepEqual(
        Array.from(lite.SignalMessage!.encode(actual).finish()),
        Array.from(withUnknown),
      );
    } finally {
      referenceReader.discardUnknown = true;
      liteRuntime.Reader.discardUnknown = true;
    }
  });

  it('round-trips 64-bit timestamps above 2^53', () => {
    const timestamp = Long.fromString('9007199254740993');
    const bytes = lite.SignalMessage!.encode({ timestamp }).finish();

    assert.equal(String(lite.SignalMessage!.decode(bytes).timestamp), '9007199254740993');
    assert.equal(
      String(referenceMessages.SignalMessage!.decode(bytes).timestamp),
      '9007199254740993',
    );
  });
});

/** Changes a few bytes, truncates or extends `bytes`. */
function mutate(bytes: Uint8Array, next: () => number): Uint8Array {
  const copy = Array.from(bytes);
  const kind = Math.floor(next() * 3);

  if (kind === 0 && copy.length > 0) {
    for (let i = 0; i < 3; i += 1)
      copy[Math.floor(next() * copy.length)] = Math.floor(next() * 256);
  } else if (kind === 1) {
    copy.length = Math.floor(next() * copy.length);
  } else {
    copy.push(
      ...Array.from({ length: 1 + Math.floor(next() * 6) }, () => Math.floor(next() * 256)),
    );
  }

  return Uint8Array.from(copy);
}
