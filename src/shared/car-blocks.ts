/**
 * Reading the blocks of a CARv1 file, apart from its DAG-CBOR header. Browsers that fetch a
 * file by a root they already have read blocks only, without loading a CBOR decoder.
 */
import { CID, varint } from 'multiformats';

/** One block of a CAR file. */
export interface CarBlock {
  cid: CID;
  bytes: Uint8Array;
}

/**
 * Returns the blocks of a CARv1 file without decoding its header, for readers that have the
 * root and hash every block against its CID anyway.
 * @throws RangeError when the file is truncated.
 */
export function decodeCarBlocks(bytes: Uint8Array): CarBlock[] {
  const [headerLength, headerPrefix] = varint.decode(bytes, 0);
  const headerEnd = headerPrefix + headerLength;

  if (headerLength === 0 || headerEnd > bytes.length) {
    throw new RangeError('CAR header is truncated');
  }

  return sectionsFrom(bytes, headerEnd);
}

/** Reads the varint-prefixed sections from `offset` to the end. */
export function sectionsFrom(bytes: Uint8Array, offset: number): CarBlock[] {
  const blocks: CarBlock[] = [];

  while (offset < bytes.length) {
    const [sectionLength, prefix] = varint.decode(bytes, offset);
    const start = offset + prefix;
    const end = start + sectionLength;

    if (sectionLength === 0 || end > bytes.length) throw new RangeError('CAR section is truncated');

    const section = bytes.subarray(start, end);
    const cid = CID.decodeFirst(section)[0];

    blocks.push({ cid, bytes: section.subarray(cid.bytes.length) });
    offset = end;
  }

  return blocks;
}
