/** Opus bitrate cap of a normal call, bit/s. */
export const OPUS_BITRATE = 32_000;
/** Opus bitrate cap of an HD call, bit/s. */
export const OPUS_HD_BITRATE = 64_000;

/**
 * Sets `maxaveragebitrate` on the Opus fmtp lines of an SDP we send (RFC 7587): it asks
 * the other party to encode at most that rate towards us. The sender's own cap is set
 * separately through `RTCRtpSender.setParameters` (`encodings[].maxBitrate`). Chromium
 * uses this value as the encoder's target, so HD needs it to rise above the 32 kbit/s
 * default for mono Opus.
 */
export function applyOpusBitrate(sdp: string, bitrate: number): string {
  const lineBreak = sdp.includes('\r\n') ? '\r\n' : '\n';
  const lines = sdp.split(lineBreak);
  const opusPayloads = new Set<string>();

  for (const line of lines) {
    const match = /^a=rtpmap:(\d+) opus\/48000/i.exec(line);

    if (match !== null) opusPayloads.add(match[1]!);
  }

  return lines
    .map((line) => {
      const match = /^a=fmtp:(\d+) (.*)$/.exec(line);

      if (match === null || !opusPayloads.has(match[1]!)) return line;

      const parameters = match[2]!
        .split(';')
        .map((parameter) => parameter.trim())
        .filter((parameter) => parameter !== '' && !parameter.startsWith('maxaveragebitrate='));

      parameters.push(`maxaveragebitrate=${bitrate}`);

      return `a=fmtp:${match[1]} ${parameters.join(';')}`;
    })
    .join(lineBreak);
}
