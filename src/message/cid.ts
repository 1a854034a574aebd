/**
 * Content identifiers of voice message bytes, computed in the browser exactly as the IPFS
 * RPC API computes them for `add?cid-version=1&raw-leaves=true` (kubo's layout: 256 KiB
 * chunks, balanced DAG of 174 links, raw leaves), and checks that bytes match a CID.
 */
import { CID } from 'multiformats/cid';
import { sha256 } from 'multiformats/hashes/sha2';

import { equalBytes } from '../shared/bytes.js';

/** Multicodec code of raw blocks. */
export const RAW_CODE = 0x55;
/** Multicodec code of dag-pb blocks. */
export const DAG_PB_CODE = 0x70;
/** kubo's chunk size: files up to this size are one raw block. */
export const CHUNK_SIZE = 262_144;

/** Returns the CIDv1 that `ipfs add --cid-version=1 --raw-leaves` gives for `bytes`. */
export async function computeCid(bytes: Uint8Array): Promise<CID> {
  if (bytes.length <= CHUNK_SIZE) return CID.createV1(RAW_CODE, await sha256.digest(bytes));

  // Larger envelopes (a high bitrate or a long recording) are UnixFS files, built on demand.
  const { fileCid } = await import('./unixfs-file.js');

  return fileCid(bytes);
}

/** Returns true when `bytes` hash to the multihash of `cid` (sha2-256 only). */
export async function blockMatches(cid: CID, bytes: Uint8Array): Promise<boolean> {
  if (cid.multihash.code !== sha256.code) return false;

  const digest = await sha256.digest(bytes);

  return equalBytes(digest.digest, cid.multihash.digest);
}
