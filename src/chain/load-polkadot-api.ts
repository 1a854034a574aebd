/**
 * The only module of the SDK that imports @polkadot/api at run time. The chain client loads
 * it with a dynamic import, so bundlers put polkadot-js in a chunk of its own that pages
 * fetch only when they first talk to the chain.
 */
export { ApiPromise, WsProvider } from '@polkadot/api';
