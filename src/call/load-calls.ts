// The call layer (manager, session, media, chain recorder, signaling adapter) as one lazy
// chunk: `StardustClient.loadCalls()` imports it the first time a page uses calls, so pages
// that never call do not download it.
export { createClientCalls } from '../client/client-calls.js';
