// The browser's UnixFS file code (src/message/unixfs-file.ts) against the UnixFS importer the
// IPFS node uses: the same CIDs for every shape of tree, and trustless reads that reject
// tampered, incomplete or foreign DAGs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import * as dagPb from '@ipld/dag-pb';
import { UnixFS } from 'ipfs-unixfs';
import { importBytes } from 'ipfs-unixfs-importer';
import { fixedSize } from 'ipfs-unixfs-importer/chunker';
import { balanced } from 'ipfs-unixfs-importer/layout';
import { CID } from 'multiformats/cid';
import { sha256 } from 'multiformats/hashes/sha2';

import { computeCid } from '../../../src/message/cid.js';
import { fileCid, fileFromCar, type FileLayout } from '../../../src/message/unixfs-file.js';
import { encodeCar, type CarBlock } from '../../../src/shared/car.js';

/** Bytes that differ per position and per seed. */
function bytesOf(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, index) => (index * 31 + seed * 7 + (index >> 8)) & 0xff);
}

/** Imports `bytes` with the reference importer; returns the root and every block. */
async function reference(
  bytes: Uint8Array,
  layout: FileLayout,
): Promise<{ cid: CID; blocks: CarBlock[] }> {
  const blocks: CarBlock[] = [];
  const store = {
    async put(cid: CID, block: Uint8Array) {
      blocks.push({ cid, bytes: block });

      return cid;
    },
  };
  const result = await importBytes(bytes, store as never, {
    cidVersion: 1,
    rawLeaves: true,
    chunker: fixedSize({ chunkSize: layout.chunkSize }),
    layout: balanced({ maxChildrenPerNode: layout.maxLinks }),
    reduceSingleLeafToSelf: true,
  });

  return { cid: result.cid, blocks };
}

const SMALL: FileLayout = { chunkSize: 1024, maxLinks: 4 };

describe('UnixFS files of voice messages', () => {
  it('matches importer CIDs at every depth', async () => {
    // 1 chunk, 3 chunks (one node), 5 (a node of 4 and a node of 1), 17 (three levels),
    // and a last chunk shorter than the others.
    for (const length of [700, 1024, 3 * 1024, 5 * 1024, 17 * 1024, 16 * 1024 + 5]) {
      const bytes = bytesOf(length, length);
      const expected = await reference(bytes, SMALL);

      assert.equal((await fileCid(bytes, SMALL)).toString(), expected.cid.toString(), `${length}`);
    }
  });

  it('matches importer CID at 256 KiB chunks', async () => {
    const bytes = bytesOf(700_000, 2);
    const expected = await reference(bytes, { chunkSize: 262_144, maxLinks: 174 });

    assert.equal((await computeCid(bytes)).toString(), expected.cid.toString());
    assert.match(expected.cid.toString(), /^bafybei/);
  });

  it('reads a three-level file from CAR', async () => {
    const bytes = bytesOf(17 * 1024 + 9, 3);
    const { cid, blocks } = await reference(bytes, SMALL);

    assert.deepEqual(await fileFromCar(cid, encodeCar([cid], blocks)), bytes);
  });

  it('rejects tampered, missing or truncated blocks', async () => {
    const bytes = bytesOf(5 * 1024, 4);
    const { cid, blocks } = await reference(bytes, SMALL);
    const leaf = blocks.findIndex((block) => block.cid.code === 0x55);
    const tampered = blocks.map((block, index) =>
      index === leaf
        ? { cid: block.cid, bytes: Uint8Array.from(block.bytes, (b) => b ^ 1) }
        : block,
    );
    const missing = blocks.filter((_, index) => index !== leaf);

    assert.equal(await fileFromCar(cid, encodeCar([cid], tampered)), null);
    assert.equal(await fileFromCar(cid, encodeCar([cid], missing)), null);
    assert.equal(await fileFromCar(cid, encodeCar([cid], blocks).subarray(0, 40)), null);
    assert.equal(await fileFromCar(cid, new Uint8Array([1, 2, 3])), null);
  });

  it('rejects wrong block sizes', async () => {
    const leaf = bytesOf(100, 5);
    const leafCid = CID.createV1(0x55, await sha256.digest(leaf));
    const data = new UnixFS({ type: 'file' });

    data.addBlockSize(99n);

    const node = dagPb.encode(
      dagPb.prepare({ Data: data.marshal(), Links: [{ Name: '', Tsize: 100, Hash: leafCid }] }),
    );
    const root = CID.createV1(dagPb.code, await sha256.digest(node));
    const car = encodeCar(
      [root],
      [
        { cid: root, bytes: node },
        { cid: leafCid, bytes: leaf },
      ],
    );

    assert.equal(await fileFromCar(root, car), null);
  });

  it('rejects a directory', async () => {
    const node = dagPb.encode(
      dagPb.prepare({ Data: new UnixFS({ type: 'directory' }).marshal(), Links: [] }),
    );
    const root = CID.createV1(dagPb.code, await sha256.digest(node));

    assert.equal(await fileFromCar(root, encodeCar([root], [{ cid: root, bytes: node }])), null);
  });
});
