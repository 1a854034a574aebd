/**
 * UnixFS files over a blockstore with kubo's defaults, so CIDs equal `ipfs add` for the same
 * bytes: fixed 256 KiB chunks, a balanced DAG of at most 174 links per node, a single chunk
 * reduced to the leaf itself, and raw leaves for CIDv1 unless `rawLeaves` is false.
 */
import * as dagPb from '@ipld/dag-pb';
import { exporter } from 'ipfs-unixfs-exporter';
import { importByteStream } from 'ipfs-unixfs-importer';
import { fixedSize } from 'ipfs-unixfs-importer/chunker';
import { balanced } from 'ipfs-unixfs-importer/layout';
import type { CID } from 'multiformats/cid';

import type { CarBlock } from '../../src/shared/car.js';
import type { FileBlockstore } from './file-blockstore.js';

/** kubo's chunk size for `ipfs add`. */
export const CHUNK_SIZE = 262_144;
/** kubo's maximum links per node of a balanced DAG. */
export const MAX_LINKS = 174;

/** Options of {@link addFile}. */
export interface AddOptions {
  /** 0 (kubo's default) or 1. */
  cidVersion: 0 | 1;
  /** Leaves as raw blocks; kubo turns this on with CIDv1 unless `raw-leaves=false` is given. */
  rawLeaves: boolean;
}

/** Result of {@link addFile}, as kubo reports it. */
export interface AddResult {
  cid: CID;
  /** Bytes of every block of the DAG (kubo's cumulative "Size"). */
  cumulativeSize: number;
}

/** Imports a byte stream as a UnixFS file. */
export async function addFile(
  blockstore: FileBlockstore,
  source: AsyncIterable<Uint8Array>,
  options: AddOptions,
): Promise<AddResult> {
  const result = await importByteStream(source, blockstore, {
    cidVersion: options.cidVersion,
    rawLeaves: options.rawLeaves,
    chunker: fixedSize({ chunkSize: CHUNK_SIZE }),
    layout: balanced({ maxChildrenPerNode: MAX_LINKS }),
    reduceSingleLeafToSelf: true,
  });

  return { cid: result.cid, cumulativeSize: await cumulativeSize(blockstore, result.cid) };
}

/**
 * Yields the content of a UnixFS file or raw block, optionally a byte range of it.
 * @throws Error named NotFoundError when a block is missing.
 */
export async function* readFile(
  blockstore: FileBlockstore,
  cid: CID,
  range: { offset?: number; length?: number } = {},
): AsyncGenerator<Uint8Array> {
  const entry = await exporter(cid, blockstore);

  if (entry.type !== 'file' && entry.type !== 'raw' && entry.type !== 'identity') {
    throw new TypeError(`${cid.toString()} is a ${entry.type}, not a file`);
  }

  yield* entry.content(range);
}

/** Returns every block of the DAG under `root` in depth-first order, root first. */
export async function collectBlocks(blockstore: FileBlockstore, root: CID): Promise<CarBlock[]> {
  const blocks: CarBlock[] = [];
  const pending: CID[] = [root];

  while (pending.length > 0) {
    const cid = pending.shift()!;
    const bytes = await blockstore.getBytes(cid);

    blocks.push({ cid, bytes });

    if (cid.code === dagPb.code) {
      const links = dagPb.decode(bytes).Links.map((link) => link.Hash);

      pending.unshift(...links);
    }
  }

  return blocks;
}

async function cumulativeSize(blockstore: FileBlockstore, root: CID): Promise<number> {
  const bytes = await blockstore.getBytes(root);

  if (root.code !== dagPb.code) return bytes.length;

  // A dag-pb node's links carry the cumulative size of each child (Tsize).
  const node = dagPb.decode(bytes);

  return node.Links.reduce((sum, link) => sum + (link.Tsize ?? 0), bytes.length);
}
