/**
 * The Stardust development chain: the voice pallets in TypeScript behind the Substrate
 * JSON-RPC that `@polkadot/api` uses.
 */
export { startDevnet } from './server.js';
export type { DevnetHandle, DevnetOptions } from './server.js';
export { DEV_ACCOUNT_NAMES } from './genesis.js';
export { TREASURY_ACCOUNT } from './constants.js';
