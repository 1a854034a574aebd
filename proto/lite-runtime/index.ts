/**
 * A browser runtime for the generated protocol code (`proto/gen/voice.js`): the subset of
 * `protobufjs/minimal` that pbjs static output calls, as a small ES module.
 *
 * Browser builds replace `protobufjs/minimal.js` with this module (the CDN build through an
 * alias, bundlers through the `browser` field of package.json), which takes about 10 KB
 * gzip off the page. Node (the signaling server and its tests) keeps protobufjs. A test
 * encodes and decodes every message with both runtimes and requires identical bytes, values
 * and failures, so the two never drift apart.
 *
 * NOTE: only the wire types voice.proto uses are implemented (varint, length-delimited and
 * skipping any wire type). A schema change that adds float, double, fixed or sint fields
 * makes the generated code call a missing method, and the equivalence test fails.
 */
import { Reader } from './reader.js';
import { util } from './util.js';
import { Writer } from './writer.js';

export { Reader } from './reader.js';
export { ProtocolError, util } from './util.js';
export { Writer } from './writer.js';

/** Generated code registers its namespaces here. */
export const roots: Record<string, unknown> = {};

/** Kept for generated code that calls it after setting `util.Long`; nothing to set up here. */
export function configure(): void {}

/** The module's default export, shaped like `protobufjs/minimal`. */
const protobuf = { build: 'stardust-lite', Reader, Writer, util, roots, configure };

// The generated code imports the runtime's default export, as protobufjs/minimal has one.
// eslint-disable-next-line no-restricted-syntax
export default protobuf;
