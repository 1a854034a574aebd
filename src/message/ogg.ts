/**
 * Ogg Opus stream parsing (RFC 3533 pages, RFC 7845 Opus mapping): pages, the `OpusHead`
 * header and the duration from granule positions. Pure code, usable in browsers and Node.
 */
import { StardustError } from '../shared/errors.js';

/** Granule positions of Ogg Opus streams always count 48 kHz samples (RFC 7845 section 4). */
export const OPUS_GRANULE_RATE = 48_000;

/** Bytes of an Ogg page header before its segment table. */
const PAGE_HEADER_BYTES = 27;
/** The capture pattern "OggS", read as a little-endian u32. */
const CAPTURE_PATTERN = 0x5367_674f;
/** Header type flag of the last page of a logical stream. */
const END_OF_STREAM = 0x04;

/** One Ogg page, with its packet data as a view into the stream. */
export interface OggPage {
  /** Byte offset of the page in the stream. */
  offset: number;
  /** Header type flags: 1 continued packet, 2 beginning of stream, 4 end of stream. */
  headerType: number;
  /** Granule position, or `null` for -1 (no packet ends on this page). */
  granulePosition: bigint | null;
  serial: number;
  sequence: number;
  /** Packet data of the page (segments concatenated). */
  body: Uint8Array;
  /** Whole page length in bytes, header included. */
  length: number;
}

/** Fields of the `OpusHead` identification header. */
export interface OpusHead {
  channels: number;
  /** Samples at 48 kHz to drop from the start of the decoded stream. */
  preSkip: number;
  /** Sample rate of the original input, informational only. */
  inputSampleRate: number;
}

/** The facts {@link inspectOggOpus} reads from a stream. */
export interface OggOpusInfo {
  head: OpusHead;
  /** Duration in milliseconds: last real granule position minus pre-skip, at 48 kHz. */
  durationMs: number;
  /** Number of audio pages (after the two header pages). */
  audioPages: number;
  /** Bytes of Opus packet data after the headers, without Ogg page overhead. */
  audioPayloadBytes: number;
  /** True when the `OpusTags` comment header is present. */
  hasTags: boolean;
  /** True when the last page carries the end-of-stream flag. */
  endOfStream: boolean;
}

/** Returns true when `bytes` starts with the Ogg capture pattern. */
export function isOgg(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && readU32(bytes, 0) === CAPTURE_PATTERN;
}

/**
 * Splits an Ogg stream into pages.
 * @throws StardustError AUDIO_FORMAT_INVALID when a page is truncated or misses its capture pattern.
 */
export function parseOggPages(bytes: Uint8Array): OggPage[] {
  const pages: OggPage[] = [];
  let offset = 0;

  while (offset < bytes.length) {
    if (offset + PAGE_HEADER_BYTES > bytes.length || readU32(bytes, offset) !== CAPTURE_PATTERN) {
      throw formatError(`no Ogg page at byte ${offset} of ${bytes.length}`);
    }

    const segmentCount = bytes[offset + 26]!;
    const tableEnd = offset + PAGE_HEADER_BYTES + segmentCount;

    if (tableEnd > bytes.length) throw formatError(`truncated Ogg page at byte ${offset}`);

    let bodyLength = 0;

    for (let i = offset + PAGE_HEADER_BYTES; i < tableEnd; i += 1) bodyLength += bytes[i]!;

    const end = tableEnd + bodyLength;

    if (end > bytes.length) throw formatError(`truncated Ogg page at byte ${offset}`);

    pages.push({
      offset,
      headerType: bytes[offset + 5]!,
      granulePosition: readGranule(bytes, offset + 6),
      serial: readU32(bytes, offset + 14),
      sequence: readU32(bytes, offset + 18),
      body: bytes.subarray(tableEnd, end),
      length: end - offset,
    });
    offset = end;
  }

  return pages;
}

/**
 * Parses an Ogg Opus stream: its `OpusHead`, whether `OpusTags` follows, and its duration.
 *
 * Streams as opus-recorder 8.0.5 writes them end with a page whose granule position is -1
 * when no packet was added after the previous page; such pages are skipped, so the
 * duration comes from the last page that carries a real granule position.
 * @throws StardustError AUDIO_FORMAT_INVALID when the stream is not Ogg Opus.
 */
export function inspectOggOpus(bytes: Uint8Array): OggOpusInfo {
  const pages = parseOggPages(bytes);
  const first = pages[0];

  if (first === undefined) throw formatError('the stream has no Ogg pages');

  const head = parseOpusHead(first.body);
  const streamPages = pages.filter((page) => page.serial === first.serial);
  const tagsPage = streamPages[1];
  const hasTags = tagsPage !== undefined && startsWithAscii(tagsPage.body, 'OpusTags');
  const audioPages = streamPages.slice(hasTags ? 2 : 1);
  let lastGranule = 0n;

  for (const page of audioPages) {
    if (page.granulePosition !== null && page.granulePosition > lastGranule) {
      lastGranule = page.granulePosition;
    }
  }

  const samples = lastGranule - BigInt(head.preSkip);
  const durationMs = samples > 0n ? Number((samples * 1000n) / BigInt(OPUS_GRANULE_RATE)) : 0;
  const last = streamPages[streamPages.length - 1]!;

  return {
    head,
    durationMs,
    audioPages: audioPages.length,
    audioPayloadBytes: audioPages.reduce((sum, page) => sum + page.body.length, 0),
    hasTags,
    endOfStream: (last.headerType & END_OF_STREAM) !== 0,
  };
}

/**
 * Parses the `OpusHead` packet (RFC 7845 section 5.1).
 * @throws StardustError AUDIO_FORMAT_INVALID when the packet is not an Opus identification header.
 */
export function parseOpusHead(packet: Uint8Array): OpusHead {
  if (packet.length < 19 || !startsWithAscii(packet, 'OpusHead')) {
    throw formatError('the first Ogg page is not an OpusHead header');
  }

  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);

  return {
    channels: view.getUint8(9),
    preSkip: view.getUint16(10, true),
    inputSampleRate: view.getUint32(12, true),
  };
}

function readGranule(bytes: Uint8Array, offset: number): bigint | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, 8);
  const value = view.getBigUint64(0, true);

  // -1 (all bits set) means that no packet finishes on the page.
  return value === 0xffff_ffff_ffff_ffffn ? null : value;
}

function readU32(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16)) +
    bytes[offset + 3]! * 0x100_0000
  );
}

function startsWithAscii(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;

  for (let i = 0; i < text.length; i += 1) if (bytes[i] !== text.charCodeAt(i)) return false;

  return true;
}

function formatError(reason: string): StardustError {
  return new StardustError('AUDIO_FORMAT_INVALID', `Invalid Ogg Opus audio: ${reason}.`);
}
