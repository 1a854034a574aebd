/** Localized names of room roles, modes and states, and how a member's name is shown. */
import type { RoomRole, RoomSpeakingMode } from '../../src/shared/room-rules.js';
import type { RoomSessionState } from '../../src/room/types.js';
import { msg } from '../shared/localize.js';

/** Returns the role's name in the rendering locale. */
export function roleLabel(role: RoomRole): string {
  switch (role) {
    case 'Host':
      return msg('Host', { desc: 'Room role: the owner of a voice room' });
    case 'CoHost':
      return msg('Co-host', { desc: 'Room role: a moderator appointed by the host' });
    case 'Speaker':
      return msg('Speaker', { id: 'role-speaker', desc: 'Room role: a member who may speak' });
    case 'Listener':
      return msg('Listener', { desc: 'Room role: a member who only listens' });
  }
}

/** Returns the speaking mode's name in the rendering locale. */
export function modeLabel(mode: RoomSpeakingMode): string {
  switch (mode) {
    case 'FreeSpeak':
      return msg('Free speech', { desc: 'Speaking mode: speakers unmute themselves' });
    case 'HostOnly':
      return msg('Hosts only', { desc: 'Speaking mode: only the host and co-hosts speak' });
    case 'RaiseHand':
      return msg('Raise hand', {
        id: 'mode-raise-hand',
        desc: 'Speaking mode: listeners ask to speak',
      });
    case 'Sequential':
      return msg('Taking turns', { desc: 'Speaking mode: one speaker at a time, timed' });
  }
}

/** Returns the status line for a session state, with the reason where it matters. */
export function stateLabel(state: RoomSessionState, reason: string | undefined): string {
  switch (state) {
    case 'idle':
      return reason === undefined
        ? msg('Not in the room')
        : msg('Joining failed. Try again.', { desc: 'Room status after a failed join' });
    case 'joining':
      return msg('Joining…');
    case 'joined':
      return msg('In the room');
    case 'reconnecting':
      return msg('Reconnecting…');
    case 'left':
      if (reason === 'kicked') return msg('You were removed from the room');

      if (reason === 'removed') return msg('Your place in the room ended');

      return msg('You left the room');
    case 'closed':
      return msg('The room is closed');
  }
}

/** Returns a member's name: its nickname, else the start and end of its address. */
export function memberName(member: { nickname: string; account: string }): string {
  if (member.nickname.trim() !== '') return member.nickname.trim();

  return shortAddress(member.account);
}

/** `5Grw…utQY`: enough of an address to tell members apart. */
export function shortAddress(address: string): string {
  return address.length <= 12 ? address : `${address.slice(0, 4)}…${address.slice(-4)}`;
}

/** `m:ss` for a countdown in ms. */
export function countdown(ms: number): string {
  const seconds = Math.ceil(ms / 1000);

  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
