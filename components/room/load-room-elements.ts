/**
 * The room elements, loaded with `import()` when a page first uses `<stardust-room>` or
 * `<stardust-room-list>` (see `defineElements`), so pages without rooms never download them.
 */
export { StardustRoom } from './room.js';
export { StardustRoomList } from '../room-list/room-list.js';
