/**
 * A blockstore that keeps one file per block under a directory, written atomically (a
 * temporary file renamed into place), so blocks survive restarts and a crash never leaves a
 * half-written block. It implements the parts of `interface-blockstore` 7 that the UnixFS
 * importer and exporter use: `put`, `get` and `has`.
 *
 * Blocks are named by the base32 multihash, so the same bytes stored under a CIDv0 and a
 * CIDv1, or as raw and dag-pb, are looked up by hash; the codec comes from the CID asked for.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { base32 } from 'multiformats/bases/base32';
import type { CID } from 'multiformats/cid';
import { sha256 } from 'multiformats/hashes/sha2';

/** Options of {@link FileBlockstore.put}. */
export interface BlockPutOptions {
  signal?: AbortSignal;
}

/** File-per-block storage under `directory`. */
export class FileBlockstore {
  readonly #directory: string;

  constructor(directory: string) {
    this.#directory = directory;
  }

  /** Creates the directory. Call once before use. */
  async open(): Promise<void> {
    await mkdir(this.#directory, { recursive: true });
  }

  /**
   * Stores `bytes` under `cid` after checking that they hash to it.
   * @throws Error when the bytes do not match a sha2-256 CID.
   */
  async put(
    cid: CID,
    bytes: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  ): Promise<CID> {
    const data = await collect(bytes);

    if (cid.multihash.code === sha256.code) {
      const digest = await sha256.digest(data);

      if (!equal(digest.digest, cid.multihash.digest)) {
        throw new Error(`block bytes do not match ${cid.toString()}`);
      }
    }

    const path = this.#path(cid);

    if (await exists(path)) return cid;

    await mkdir(join(path, '..'), { recursive: true });

    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;

    await writeFile(temporary, data);
    await rename(temporary, path);

    return cid;
  }

  /**
   * Yields the block's bytes (one chunk), as `interface-blockstore` 7 getters do.
   * @throws Error with `name` NotFoundError when the block is not stored.
   */
  async *get(cid: CID): AsyncGenerator<Uint8Array> {
    yield await this.getBytes(cid);
  }

  /**
   * Returns the block's bytes.
   * @throws Error with `name` NotFoundError when the block is not stored.
   */
  async getBytes(cid: CID): Promise<Uint8Array> {
    try {
      return new Uint8Array(await readFile(this.#path(cid)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        const missing = new Error(`block ${cid.toString()} not found`);

        missing.name = 'NotFoundError';
        throw missing;
      }

      throw error;
    }
  }

  /** Returns true when the block is stored. */
  async has(cid: CID): Promise<boolean> {
    return exists(this.#path(cid));
  }

  #path(cid: CID): string {
    const name = base32.encode(cid.multihash.bytes).slice(1);

    // One level of fan-out by the hash's last two characters keeps directories small.
    return join(this.#directory, name.slice(-2), name);
  }
}

async function collect(
  bytes: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
): Promise<Uint8Array> {
  if (bytes instanceof Uint8Array) return bytes;

  const parts: Uint8Array[] = [];

  for await (const part of bytes) parts.push(part);

  return new Uint8Array(Buffer.concat(parts));
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);

    return true;
  } catch {
    return false;
  }
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
