/**
 * The DOM events the elements dispatch. Each event is an `Event` subclass with a typed,
 * read-only `detail`, named `stardust-*`, bubbling and composed so a listener on the
 * document hears the elements inside other shadow roots, and listed in
 * `GlobalEventHandlersEventMap` so `addEventListener` infers its type.
 *
 * A new event follows the same pattern: a class with a static `type`, a constructor that
 * takes the detail, and an entry in the map at the end of its file.
 */
import type { StardustClient } from '../../src/client/stardust-client.js';
import type { ErrorCode, StardustError } from '../../src/shared/errors.js';

/** Detail of {@link StardustErrorEvent}. */
export interface StardustErrorDetail {
  /** Stable code from the error table, such as `CONFIG_INVALID`. */
  code: ErrorCode;
  /** What failed, on which attribute or id, and what to do. */
  message: string;
}

/**
 * Dispatched when an element meets a failure the page should handle or show: invalid
 * configuration, a refused microphone, a failed send. Elements never log; this event is how
 * they report.
 */
export class StardustErrorEvent extends Event {
  static readonly type = 'stardust-error';

  /** The code and message of the failure. */
  readonly detail: StardustErrorDetail;
  /** The error itself, with its `cause`. */
  readonly error: StardustError;

  constructor(error: StardustError) {
    super(StardustErrorEvent.type, { bubbles: true, composed: true });
    this.error = error;
    this.detail = { code: error.code, message: error.message };
  }
}

/** Detail of {@link StardustClientChangeEvent}. */
export interface StardustClientChangeDetail {
  /** The client the elements below now use, or undefined while the configuration is invalid. */
  client: StardustClient | undefined;
}

/**
 * Dispatched by `<stardust-voice-config>` each time it replaces the client it provides: once
 * the attributes are valid, and again after an attribute changes.
 */
export class StardustClientChangeEvent extends Event {
  static readonly type = 'stardust-client-change';

  readonly detail: StardustClientChangeDetail;

  constructor(client: StardustClient | undefined) {
    super(StardustClientChangeEvent.type, { bubbles: true, composed: true });
    this.detail = { client };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'stardust-error': StardustErrorEvent;
    'stardust-client-change': StardustClientChangeEvent;
  }
}
