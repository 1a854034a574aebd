/**
 * The room part of a pane: the public rooms on chain, a form to create one, and the room
 * the party opened. Rooms use Janus when the signaling server has it and a peer mesh of
 * up to 6 members when it does not (`npm start` without `--janus`). The page cannot ask the
 * server which, so with `?room-media=janus` the create form offers up to 50 members.
 */
import type { StardustRoom } from '../components/room/room.js';
import type { StardustRoomList } from '../components/room-list/room-list.js';
import type { StardustClient } from '../src/client/stardust-client.js';
import { WalletSender } from '../src/chain/wallet-sender.js';
import { RoomDirectory } from '../src/room/room-directory.js';
import { note, type Party } from './demo-config.js';
import type { PaneSection } from './message-section.js';

/** Builds the room section of `party`'s pane. */
export function roomSection(party: Party): PaneSection {
  const section = document.createElement('section');
  const slot = document.createElement('div');
  const log = document.createElement('ul');

  section.className = 'room-demo';
  section.dataset.testid = `room-section-${party.id}`;
  section.innerHTML = '<h3>Voice room</h3>';
  slot.className = 'room-slot';
  section.addEventListener('stardust-error', (event) =>
    note(log, `${event.detail.code}: ${event.detail.message}`),
  );
  section.append(slot, log);

  return {
    element: section,
    start(client) {
      const sender = new WalletSender(client.chain, party.signer);

      slot.append(roomList(client, sender, (roomId) => showRoom(slot, sender, roomId, party.name)));
    },
  };
}

/**
 * Returns a `<stardust-room-list>` that signs with `sender` and calls `open` with the room
 * the user opens or creates.
 */
function roomList(
  client: StardustClient,
  sender: WalletSender,
  open: (roomId: string) => void,
): StardustRoomList {
  const list = document.createElement('stardust-room-list') as StardustRoomList;

  list.directory = new RoomDirectory({ chain: client.chain, sender });
  list.sender = sender;
  list.media = roomMedia();
  list.addEventListener('stardust-room-select', ({ detail }) => open(detail.roomId));
  list.addEventListener('stardust-room-created', ({ detail }) => open(detail.roomId));

  return list;
}

/**
 * Shows room `roomId` in `container`, in place of the room shown before. The element makes
 * its session from the pane's client and ends it when it is removed; `sender` signs the
 * chain writes (join, leave, tips).
 */
function showRoom(
  container: HTMLElement,
  sender: WalletSender,
  roomId: string,
  nickname: string,
): void {
  container.querySelector('stardust-room')?.remove();

  const room = document.createElement('stardust-room') as StardustRoom;

  room.setAttribute('room-id', roomId);
  room.sender = sender;
  room.tipSender = sender;
  room.nickname = nickname;
  container.append(room);
}

/** Returns the media path of the demo's rooms: `mesh` unless `?room-media=janus`. */
export function roomMedia(query = new URLSearchParams(location.search)): 'janus' | 'mesh' {
  return query.get('room-media') === 'janus' ? 'janus' : 'mesh';
}
