/**
 * Duration of WebM/Opus audio as MediaRecorder writes it. Chromium's MediaRecorder writes
 * live WebM: the Segment and every Cluster have an unknown size and the Info element has no
 * Duration, so the duration is computed from the last block's timestamp plus the length of
 * its Opus packet.
 */
import { StardustError } from '../shared/errors.js';

const EBML_HEADER = 0x1a45_dfa3;
const SEGMENT = 0x1853_8067;
const INFO = 0x1549_a966;
const TIMECODE_SCALE = 0x2a_d7b1;
const DURATION = 0x4489;
const TRACKS = 0x1654_ae6b;
const TRACK_ENTRY = 0xae;
const CODEC_DELAY = 0x56aa;
const CLUSTER = 0x1f43_b675;
const CLUSTER_TIMECODE = 0xe7;
const SIMPLE_BLOCK = 0xa3;
const BLOCK_GROUP = 0xa0;
const BLOCK = 0xa1;

/** Master elements whose children are read; every other element is skipped by its size. */
const MASTERS = new Set([SEGMENT, INFO, TRACKS, TRACK_ENTRY, CLUSTER, BLOCK_GROUP]);

/** Returns true when `bytes` starts with an EBML header (WebM, Matroska). */
export function isWebm(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x1a &&
    bytes[1] === 0x45 &&
    bytes[2] === 0xdf &&
    bytes[3] === 0xa3
  );
}

/**
 * Returns the duration in milliseconds of a WebM/Opus stream: the end of its last block
 * minus the first block's start and the codec delay. Falls back to the Info Duration only
 * when the stream has no blocks.
 * @throws StardustError AUDIO_FORMAT_INVALID when the bytes are not WebM.
 */
export function webmDurationMs(bytes: Uint8Array): number {
  if (!isWebm(bytes)) throw formatError('missing EBML header');

  const state = scan(bytes);

  if (state.firstBlockNs === null || state.lastBlockEndNs === null) {
    const fromHeader = state.headerDuration * state.timecodeScale;

    return Number.isFinite(fromHeader) && fromHeader > 0 ? Math.round(fromHeader / 1e6) : 0;
  }

  const ns = state.lastBlockEndNs - state.firstBlockNs - state.codecDelayNs;

  return ns > 0 ? Math.round(ns / 1e6) : 0;
}

interface ScanState {
  /** Nanoseconds per timecode unit (Info TimecodeScale, 1 ms by default). */
  timecodeScale: number;
  headerDuration: number;
  codecDelayNs: number;
  clusterTimecode: number;
  firstBlockNs: number | null;
  lastBlockEndNs: number | null;
}

function scan(bytes: Uint8Array): ScanState {
  const state: ScanState = {
    timecodeScale: 1_000_000,
    headerDuration: Number.NaN,
    codecDelayNs: 0,
    clusterTimecode: 0,
    firstBlockNs: null,
    lastBlockEndNs: null,
  };
  let offset = 0;

  // One linear pass: master elements are entered (their size may be unknown, as in live
  // WebM), every other element is read or skipped by its size. A truncated tail, as left by
  // a recorder stopped mid-write, ends the scan with what was read so far.
  while (offset < bytes.length) {
    const id = readId(bytes, offset);

    if (id === null) break;

    const size = readSize(bytes, offset + id.length);

    if (size === null) break;

    const dataStart = offset + id.length + size.length;

    if (id.value === EBML_HEADER) {
      offset = dataStart + (size.value ?? 0);
      continue;
    }

    if (MASTERS.has(id.value)) {
      offset = dataStart;
      continue;
    }

    if (size.value === null || dataStart + size.value > bytes.length) break;

    readLeaf(state, id.value, bytes.subarray(dataStart, dataStart + size.value));
    offset = dataStart + size.value;
  }

  return state;
}

function readLeaf(state: ScanState, id: number, data: Uint8Array): void {
  switch (id) {
    case TIMECODE_SCALE:
      state.timecodeScale = readUint(data);
      break;
    case DURATION:
      state.headerDuration = readFloat(data);
      break;
    case CODEC_DELAY:
      state.codecDelayNs = readUint(data);
      break;
    case CLUSTER_TIMECODE:
      state.clusterTimecode = readUint(data);
      break;
    case SIMPLE_BLOCK:
    case BLOCK:
      readBlock(state, data);
      break;
    default:
  }
}

function readBlock(state: ScanState, data: Uint8Array): void {
  const track = readSize(data, 0);

  if (track === null || data.length < track.length + 3) return;

  const relative = (((data[track.length]! << 8) | data[track.length + 1]!) << 16) >> 16;
  const lacing = (data[track.length + 2]! >> 1) & 0x03;
  const payload = data.subarray(track.length + 3);
  const startNs = (state.clusterTimecode + relative) * state.timecodeScale;
  // Laced blocks hold several packets whose sizes need the lace header; MediaRecorder
  // writes one packet per block, so a laced block counts one packet's length per lace.
  const laces = lacing === 0 ? 1 : payload[0]! + 1;
  const packet = lacing === 0 ? payload : payload.subarray(1);
  const endNs = startNs + laces * opusPacketDurationNs(packet);

  state.firstBlockNs ??= startNs;
  state.lastBlockEndNs = Math.max(state.lastBlockEndNs ?? endNs, endNs);
}

/** Duration of one Opus packet from its TOC byte (RFC 6716 section 3.1), in nanoseconds. */
export function opusPacketDurationNs(packet: Uint8Array): number {
  if (packet.length === 0) return 0;

  const toc = packet[0]!;
  const config = toc >> 3;
  let frameUs: number;

  if (config < 12) frameUs = [10_000, 20_000, 40_000, 60_000][config % 4]!;
  else if (config < 16) frameUs = [10_000, 20_000][config % 2]!;
  else frameUs = [2_500, 5_000, 10_000, 20_000][config % 4]!;

  const code = toc & 0x03;
  let frames = 1;

  if (code === 1 || code === 2) frames = 2;
  else if (code === 3) frames = packet.length > 1 ? packet[1]! & 0x3f : 0;

  return frames * frameUs * 1000;
}

function readId(bytes: Uint8Array, offset: number): { value: number; length: number } | null {
  const first = bytes[offset];

  if (first === undefined || first === 0) return null;

  const length = Math.clz32(first) - 23;

  if (length > 4 || offset + length > bytes.length) return null;

  let value = 0;

  for (let i = 0; i < length; i += 1) value = value * 256 + bytes[offset + i]!;

  return { value, length };
}

/** Reads an EBML variable-size integer; `value` is null for the reserved "unknown size". */
function readSize(
  bytes: Uint8Array,
  offset: number,
): { value: number | null; length: number } | null {
  const first = bytes[offset];

  if (first === undefined || first === 0) return null;

  const length = Math.clz32(first) - 23;

  if (offset + length > bytes.length) return null;

  let value = first & (0xff >> length);
  let allOnes = value === 0xff >> length;

  for (let i = 1; i < length; i += 1) {
    const byte = bytes[offset + i]!;

    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }

  return { value: allOnes ? null : value, length };
}

function readUint(data: Uint8Array): number {
  let value = 0;

  for (const byte of data) value = value * 256 + byte;

  return value;
}

function readFloat(data: Uint8Array): number {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);

  if (data.length === 4) return view.getFloat32(0);

  if (data.length === 8) return view.getFloat64(0);

  return Number.NaN;
}

function formatError(reason: string): StardustError {
  return new StardustError('AUDIO_FORMAT_INVALID', `Invalid WebM audio: ${reason}.`);
}
