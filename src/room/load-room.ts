/**
 * The room implementation, loaded with `import()` when a page first opens a room: pages
 * without rooms never download it, and pages with one load the chain chunk at the same time.
 */
export { RoomSession } from './room-session.js';
