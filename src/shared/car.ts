/**
 * CARv1 (Content Addressable aRchive) encoding and decoding, as trustless IPFS gateways
 * serve `application/vnd.ipld.car`: a varint-prefixed DAG-CBOR header naming the roots, then
 * varint-prefixed sections of CID bytes followed by block bytes. Shared by the embedded IPFS
 * node (writes) and tests. The SDK's gateway client reads blocks only (car-blocks.ts).
 */
import * as dagCbor from '@ipld/dag-cbor';
import { CID, varint } from 'multiformats';

import { sectionsFrom, type CarBlock } from './car-blocks.js';

export { decodeCarBlocks, type CarBlock } from './car-blocks.js';

/** A decoded CAR file. */
export interface CarFile {
  roots: CID[];
  blocks: CarBlock[];
}

/** Encodes `blocks` as a CARv1 file with the given roots. */
export function encodeCar(roots: CID[], blocks: Iterable<CarBlock>): Uint8Array {
  const parts: Uint8Array[] = [withLength(dagCbor.encode({ version: 1, roots }))];

  for (const block of blocks) {
    const section = new Uint8Array(block.cid.bytes.length + block.bytes.length);

    section.set(block.cid.bytes, 0);
    section.set(block.bytes, block.cid.bytes.length);
    parts.push(withLength(section));
  }

  return concat(parts);
}

/**
 * Decodes a CARv1 file. Block bytes are not verified here: callers hash each block against
 * its CID before trusting it.
 * @throws RangeError when the file is truncated or its header is not a CARv1 header.
 */
export function decodeCar(bytes: Uint8Array): CarFile {
  const [headerLength, headerPrefix] = varint.decode(bytes, 0);
  const headerEnd = headerPrefix + headerLength;

  if (headerLength === 0 || headerEnd > bytes.length) {
    throw new RangeError('CAR header is truncated');
  }

  const header = dagCbor.decode<{ version?: unknown; roots?: unknown }>(
    bytes.subarray(headerPrefix, headerEnd),
  );

  if (header.version !== 1 || !Array.isArray(header.roots)) {
    throw new RangeError('not a CARv1 header');
  }

  const roots = header.roots.map((root: unknown) => {
    const cid = CID.asCID(root);

    if (cid === null) throw new RangeError('CAR header root is not a CID');

    return cid;
  });

  return { roots, blocks: sectionsFrom(bytes, headerEnd) };
}

function withLength(bytes: Uint8Array): Uint8Array {
  const prefix = varint.encodeTo(bytes.length, new Uint8Array(varint.encodingLength(bytes.length)));

  return concat([prefix, bytes]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;

  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }

  return out;
}
