/**
 * The DOM events of `<stardust-room>` and `<stardust-room-list>`. Each bubbles and crosses
 * shadow roots, and carries a typed, read-only `detail`.
 */
import type { RoomSessionReason, RoomSessionState, RoomTip } from '../../src/room/types.js';

/** Detail of {@link StardustRoomStateChangeEvent}. */
export interface StardustRoomStateChangeDetail {
  roomId: string;
  state: RoomSessionState;
  previous: RoomSessionState;
  /** Why: `left`, `kicked`, `removed`, `closed`, `signaling`, `media`, or an error code. */
  reason: RoomSessionReason | undefined;
}

/** Dispatched when the member joins, reconnects, leaves, is removed, or the room closes. */
export class StardustRoomStateChangeEvent extends Event {
  static readonly type = 'stardust-room-state-change';

  readonly detail: StardustRoomStateChangeDetail;

  constructor(detail: StardustRoomStateChangeDetail) {
    super(StardustRoomStateChangeEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Detail of {@link StardustRoomModerationEvent}. */
export interface StardustRoomModerationDetail {
  roomId: string;
  /** `mute`, `unmute`, `kick`, `role`, `mode`, `approve_hand` or `decline_hand`. */
  action: string;
  /** The member acted on (empty for `mode`). */
  target: string;
}

/** Dispatched when a host or co-host acted on a member or the room. */
export class StardustRoomModerationEvent extends Event {
  static readonly type = 'stardust-room-moderation';

  readonly detail: StardustRoomModerationDetail;

  constructor(detail: StardustRoomModerationDetail) {
    super(StardustRoomModerationEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Detail of {@link StardustRoomTipEvent}: a tip checked on chain by the server. */
export interface StardustRoomTipDetail extends RoomTip {
  roomId: string;
}

/** Dispatched when someone in the room sent a tip. */
export class StardustRoomTipEvent extends Event {
  static readonly type = 'stardust-room-tip';

  readonly detail: StardustRoomTipDetail;

  constructor(detail: StardustRoomTipDetail) {
    super(StardustRoomTipEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Detail of {@link StardustRoomSelectEvent} and {@link StardustRoomCreatedEvent}. */
export interface StardustRoomIdDetail {
  /** 0x-prefixed room id. */
  roomId: string;
}

/** Dispatched by `<stardust-room-list>` when the user opens a room. */
export class StardustRoomSelectEvent extends Event {
  static readonly type = 'stardust-room-select';

  readonly detail: StardustRoomIdDetail;

  constructor(detail: StardustRoomIdDetail) {
    super(StardustRoomSelectEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Dispatched by `<stardust-room-list>` once a room the user created is on chain. */
export class StardustRoomCreatedEvent extends Event {
  static readonly type = 'stardust-room-created';

  readonly detail: StardustRoomIdDetail;

  constructor(detail: StardustRoomIdDetail) {
    super(StardustRoomCreatedEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'stardust-room-state-change': StardustRoomStateChangeEvent;
    'stardust-room-moderation': StardustRoomModerationEvent;
    'stardust-room-tip': StardustRoomTipEvent;
    'stardust-room-select': StardustRoomSelectEvent;
    'stardust-room-created': StardustRoomCreatedEvent;
  }
}
