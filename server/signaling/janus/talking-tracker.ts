import type { AudioBridgeParticipant } from './types.js';

interface ParticipantTalking {
  talking: boolean;
  muted: boolean;
  /** Janus's talking state when the participant was muted: Janus keeps it until unmuted. */
  frozen: boolean;
  resync?: NodeJS.Timeout;
}

/** A change of a participant's talking state, as {@link TalkingTracker} reports it. */
export interface TalkingChange {
  roomId: string;
  memberId: string;
  talking: boolean;
}

/**
 * Turns Janus's talking events into one report per change of each participant's state.
 *
 * Janus sends every `talking` and `stopped-talking` event to each participant's handle, so
 * a room of N members of ours delivers each event N times. It also stops evaluating the
 * audio levels of a muted participant, keeping its last state until the unmute (measured
 * with Janus 1.1.2): a member muted while talking would stay "talking". So a mute reports
 * the member as not talking, and after an unmute from a frozen "talking" state the tracker
 * asks Janus for the participant list once a detection window has passed.
 */
export class TalkingTracker {
  #rooms = new Map<string, Map<string, ParticipantTalking>>();
  #report: (change: TalkingChange) => void;
  #listParticipants: (roomId: string) => Promise<AudioBridgeParticipant[]>;

  constructor(
    report: (change: TalkingChange) => void,
    listParticipants: (roomId: string) => Promise<AudioBridgeParticipant[]>,
  ) {
    this.#report = report;
    this.#listParticipants = listParticipants;
  }

  /** Records a `talking` or `stopped-talking` event from Janus. */
  reported(roomId: string, memberId: string, talking: boolean): void {
    const entry = this.#entry(roomId, memberId);

    if (entry.muted) {
      entry.frozen = talking;

      return;
    }

    this.#set(roomId, memberId, entry, talking);
  }

  /**
   * Records that a participant was muted or unmuted at the server. `windowMs` is the room's detection
   * window, after which Janus's state is fresh again.
   */
  muted(roomId: string, memberId: string, muted: boolean, windowMs: number): void {
    const entry = this.#entry(roomId, memberId);

    if (entry.muted === muted) return;

    entry.muted = muted;
    clearTimeout(entry.resync);
    entry.resync = undefined;

    if (muted) {
      entry.frozen = entry.talking;
      this.#set(roomId, memberId, entry, false);

      return;
    }

    if (!entry.frozen) return;

    // Janus emits nothing if the member still talks, because its state already is `talking`.
    entry.resync = setTimeout(() => void this.#resync(roomId, memberId), windowMs + 250);
    entry.resync.unref();
  }

  /** Reports a participant that left the room as not talking and drops its state. */
  gone(roomId: string, memberId: string): void {
    const entry = this.#rooms.get(roomId)?.get(memberId);

    if (entry === undefined) return;

    clearTimeout(entry.resync);
    this.#rooms.get(roomId)?.delete(memberId);

    if (entry.talking) this.#report({ roomId, memberId, talking: false });
  }

  /** Forgets a room, reporting every talking participant as stopped. */
  clearRoom(roomId: string): void {
    const room = this.#rooms.get(roomId);

    if (room === undefined) return;

    for (const memberId of [...room.keys()]) this.gone(roomId, memberId);

    this.#rooms.delete(roomId);
  }

  /** Forgets every room. */
  clearAll(): void {
    for (const roomId of [...this.#rooms.keys()]) this.clearRoom(roomId);
  }

  async #resync(roomId: string, memberId: string): Promise<void> {
    let participants: AudioBridgeParticipant[];

    try {
      participants = await this.#listParticipants(roomId);
    } catch {
      // A lost connection clears every state anyway; the next Janus event corrects the rest.
      return;
    }

    const entry = this.#rooms.get(roomId)?.get(memberId);
    const listed = participants.find((participant) => participant.id === memberId);

    if (entry === undefined || entry.muted || listed?.talking === undefined) return;

    entry.resync = undefined;
    this.#set(roomId, memberId, entry, listed.talking);
  }

  #entry(roomId: string, memberId: string): ParticipantTalking {
    let room = this.#rooms.get(roomId);

    if (room === undefined) {
      room = new Map();
      this.#rooms.set(roomId, room);
    }

    let entry = room.get(memberId);

    if (entry === undefined) {
      entry = { talking: false, muted: false, frozen: false };
      room.set(memberId, entry);
    }

    return entry;
  }

  #set(roomId: string, memberId: string, entry: ParticipantTalking, talking: boolean): void {
    if (entry.talking === talking) return;

    entry.talking = talking;
    this.#report({ roomId, memberId, talking });
  }
}
