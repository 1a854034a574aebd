/**
 * Voice message envelopes larger than one IPFS chunk, as UnixFS files: building the CID that
 * `ipfs add --cid-version=1 --raw-leaves` gives, and reassembling a file from blocks that
 * were each checked against their CID. Loaded only for such envelopes (over 256 KiB, which
 * takes a high bitrate or a long recording).
 *
 * Only files in kubo's layout are handled: fixed-size raw leaves under a balanced tree of
 * dag-pb nodes. The UnixFS importer and exporter handle every layout, directories and HAMT
 * shards too, and would add about 40 KB gzip to the page for this one case.
 */
import * as dagPb from '@ipld/dag-pb';
import { UnixFS } from 'ipfs-unixfs';
import { CID } from 'multiformats/cid';
import { sha256 } from 'multiformats/hashes/sha2';

import { toHex } from '../shared/bytes.js';
import { decodeCarBlocks } from '../shared/car-blocks.js';
import { blockMatches, CHUNK_SIZE, RAW_CODE } from './cid.js';

/** kubo's largest number of links in one node of a balanced DAG. */
export const MAX_LINKS = 174;

/** The deepest tree read. kubo's layout reaches depth 4 only past 1.3 TB. */
const MAX_DEPTH = 8;

/** Layout of {@link fileCid}: kubo's defaults unless a test sets smaller ones. */
export interface FileLayout {
  chunkSize: number;
  maxLinks: number;
}

/** One node of the tree while it is built. */
interface BuiltNode {
  cid: CID;
  /** Bytes of file content under the node. */
  fileSize: number;
  /** Bytes of every block under the node, the node's own included (dag-pb's Tsize). */
  treeSize: number;
}

/** Returns the CIDv1 that `ipfs add --cid-version=1 --raw-leaves` gives for `bytes`. */
export async function fileCid(
  bytes: Uint8Array,
  layout: FileLayout = { chunkSize: CHUNK_SIZE, maxLinks: MAX_LINKS },
): Promise<CID> {
  const count = Math.max(1, Math.ceil(bytes.length / layout.chunkSize));
  let level: BuiltNode[] = [];

  for (let index = 0; index < count; index += 1) {
    const chunk = bytes.subarray(index * layout.chunkSize, (index + 1) * layout.chunkSize);

    level.push({
      cid: CID.createV1(RAW_CODE, await sha256.digest(chunk)),
      fileSize: chunk.length,
      treeSize: chunk.length,
    });
  }

  // A file of one chunk is that chunk's raw block. Past one chunk, every group of nodes gets
  // a parent, even a group of one.
  if (level.length === 1) return level[0]!.cid;

  while (level.length > 1) {
    const parents: BuiltNode[] = [];

    for (let start = 0; start < level.length; start += layout.maxLinks) {
      parents.push(await parentNode(level.slice(start, start + layout.maxLinks)));
    }

    level = parents;
  }

  return level[0]!.cid;
}

/** Builds the dag-pb node of a UnixFS file over `children`, as kubo lays it out. */
async function parentNode(children: BuiltNode[]): Promise<BuiltNode> {
  const data = new UnixFS({ type: 'file' });
  const links: dagPb.PBLink[] = [];

  for (const child of children) {
    // Empty children add nothing to a file, so kubo leaves them out.
    if (child.fileSize === 0) continue;

    data.addBlockSize(BigInt(child.fileSize));
    links.push({ Name: '', Tsize: child.treeSize, Hash: child.cid });
  }

  const block = dagPb.encode(dagPb.prepare({ Data: data.marshal(), Links: links }));
  const cid = CID.createV1(dagPb.code, await sha256.digest(block));
  const fileSize = children.reduce((sum, child) => sum + child.fileSize, 0);
  const treeSize = links.reduce((sum, link) => sum + (link.Tsize ?? 0), block.length);

  return { cid, fileSize, treeSize };
}

/**
 * Reads a trustless CAR response for the UnixFS file `root`: checks every block against
 * its CID, then reassembles the file. Returns null for a CAR that is malformed, contains a
 * block that does not match its CID, misses a block, or is not a file.
 */
export async function fileFromCar(root: CID, car: Uint8Array): Promise<Uint8Array | null> {
  let blocks;

  try {
    blocks = decodeCarBlocks(car);
  } catch {
    return null;
  }

  const verified = new Map<string, Uint8Array>();

  for (const block of blocks) {
    if (!(await blockMatches(block.cid, block.bytes))) return null;

    verified.set(toHex(block.cid.multihash.bytes), block.bytes);
  }

  const parts: Uint8Array[] = [];

  if (!collect(root, verified, parts, 0)) return null;

  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;

  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }

  return out;
}

/**
 * Appends the content under `cid` to `parts`, depth first. Returns false when a block is
 * missing, a node is not part of a UnixFS file, or a node's sizes disagree with its children.
 */
function collect(
  cid: CID,
  blocks: ReadonlyMap<string, Uint8Array>,
  parts: Uint8Array[],
  depth: number,
): boolean {
  const block = blocks.get(toHex(cid.multihash.bytes));

  if (block === undefined || depth > MAX_DEPTH) return false;

  if (cid.code === RAW_CODE) {
    parts.push(block);

    return true;
  }

  if (cid.code !== dagPb.code) return false;

  let node: dagPb.PBNode;
  let data: UnixFS;

  try {
    node = dagPb.decode(block);
    data = UnixFS.unmarshal(node.Data ?? new Uint8Array(0));
  } catch {
    return false;
  }

  if (data.type !== 'file' && data.type !== 'raw') return false;

  if (data.blockSizes.length !== node.Links.length) return false;

  if (data.data !== undefined) parts.push(data.data);

  for (const [index, link] of node.Links.entries()) {
    const before = parts.length;

    if (!collect(link.Hash, blocks, parts, depth + 1)) return false;

    const added = parts.slice(before).reduce((sum, part) => sum + part.length, 0);

    if (BigInt(added) !== data.blockSizes[index]) return false;
  }

  return true;
}
