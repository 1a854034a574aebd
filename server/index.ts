/**
 * Node-only entry point: the servers of Stardust Voice, each started from code with
 * `port: 0` allowed and returning a handle with its URLs and `close()`.
 */
export { startDemo } from './stack/demo.js';
export type { DemoHandle, DemoOptions } from './stack/demo.js';
export { DEV_ACCOUNT_NAMES, startDevnet, TREASURY_ACCOUNT } from './devnet/index.js';
export type { DevnetHandle, DevnetOptions } from './devnet/index.js';
export { startIpfs } from './ipfs/ipfs-server.js';
export type { IpfsHandle, IpfsOptions } from './ipfs/ipfs-server.js';
export { main as runCli } from './cli.js';
export { startSignalingServer } from './signaling/server.js';
export type { SignalingServerHandle } from './signaling/server.js';
export type { SignalingServerOptions } from './signaling/options.js';
export type { KeyDirectory, KeyLookupResult } from './signaling/key-directory.js';
export { MemoryKeyDirectory } from './signaling/memory-key-directory.js';
export type { RoomHandler, RoomMember, RoomServer } from './signaling/room-handler.js';
export { noRoomHandler } from './signaling/room-handler.js';
export type { CallSettler, EndedCall } from './signaling/settler.js';
export { fetchGenesisHash } from './signaling/genesis.js';
