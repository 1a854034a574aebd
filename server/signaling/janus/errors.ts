import { StardustError, type ErrorCode } from '../../../src/shared/errors.js';

/**
 * Error codes of the Janus core API (janus.h in Janus 1.1.2) and of the AudioBridge plugin
 * (janus_audiobridge.c), with the words this module uses for them in messages.
 */
export const JANUS_ERROR_NAMES: Readonly<Record<number, string>> = {
  403: 'unauthorized (api secret)',
  405: 'unauthorized plugin',
  458: 'session not found',
  459: 'handle not found',
  460: 'plugin not found',
  461: 'plugin attach failed',
  462: 'plugin message failed',
  465: 'invalid SDP',
  466: 'invalid trickle candidate',
  467: 'invalid element type',
  468: 'session conflict',
  469: 'unexpected answer',
  470: 'token not found',
  471: 'WebRTC state error',
  472: 'not accepting new sessions',
  480: 'no message',
  481: 'invalid JSON',
  482: 'invalid request',
  483: 'missing element',
  484: 'invalid element',
  485: 'no such room',
  486: 'room already exists',
  487: 'not joined',
  488: 'Opus codec error',
  489: 'unauthorized',
  490: 'participant id already exists',
  491: 'already joined',
  492: 'no such participant',
  493: 'invalid SDP',
  494: 'no such group',
  499: 'unknown error',
};

/** The request a failure belongs to, for the error message; it never carries tokens or secrets. */
export interface RoomMediaContext {
  /** The Janus or AudioBridge request, such as `join` or `create`. */
  request: string;
  /** The Janus server's name (its URL unless configured otherwise). */
  server: string;
  roomId?: string;
  memberId?: string;
}

/**
 * A failure of the media path: Janus refused a request (`ROOM_MEDIA_REFUSED` with the Janus
 * error code in `detail`), did not respond in time (`ROOM_MEDIA_TIMEOUT`), or the connection
 * to it was lost (`ROOM_MEDIA_DISCONNECTED`).
 */
export class RoomMediaError extends StardustError {
  /** The reason text Janus gave, when it refused. */
  readonly janusReason: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; detail?: number; janusReason?: string } = {},
  ) {
    super(code, message, options);
    this.name = 'RoomMediaError';
    this.janusReason = options.janusReason;
  }

  /** Returns the error for a request Janus rejected with an error code. */
  static refused(
    janusCode: number,
    janusReason: string,
    context: RoomMediaContext,
  ): RoomMediaError {
    const name = JANUS_ERROR_NAMES[janusCode] ?? 'error';

    return new RoomMediaError(
      'ROOM_MEDIA_REFUSED',
      `Janus ${context.server} refused ${context.request}${describe(context)}: ${name} ` +
        `(Janus error ${janusCode}: ${janusReason}). ${refusalAdvice(janusCode, context.request)}`,
      { detail: janusCode, janusReason },
    );
  }

  /** Returns the error for a request that got no response within `timeoutMs`. */
  static timeout(timeoutMs: number, context: RoomMediaContext): RoomMediaError {
    return new RoomMediaError(
      'ROOM_MEDIA_TIMEOUT',
      `Janus ${context.server} did not respond to ${context.request}${describe(context)} within ` +
        `${timeoutMs} ms. Retry; if it repeats, check the Janus process and its load.`,
    );
  }

  /** Returns the error for a request whose connection closed before the response, or never opened. */
  static disconnected(context: RoomMediaContext, cause?: unknown): RoomMediaError {
    return new RoomMediaError(
      'ROOM_MEDIA_DISCONNECTED',
      `The connection to Janus ${context.server} was lost before ${context.request}` +
        `${describe(context)} got a response. The client reconnects on its own; retry after ` +
        `its "reconnected" event.`,
      { cause },
    );
  }
}

/** Returns the error for a request no configured Janus server can serve. */
export function noJanusServer(request: string, roomId: string, servers: number): RoomMediaError {
  return new RoomMediaError(
    'ROOM_MEDIA_DISCONNECTED',
    `No Janus server is connected (${servers} configured), so ${request} for room ${roomId} ` +
      'cannot be served. Check that Janus runs and its WebSocket URL is right; the clients ' +
      'keep reconnecting.',
  );
}

function describe(context: RoomMediaContext): string {
  const parts: string[] = [];

  if (context.roomId !== undefined) parts.push(`room ${context.roomId}`);

  if (context.memberId !== undefined) parts.push(`member ${context.memberId}`);

  return parts.length === 0 ? '' : ` for ${parts.join(', ')}`;
}

function refusalAdvice(janusCode: number, request: string): string {
  switch (janusCode) {
    case 485:
      return 'Create the room first, or check that the room id is the chain room id in hex.';
    case 489:
      if (request === 'join')
        return 'Admit the member (add its token to the room) before it joins.';

      if (request === 'create') {
        return "Configure the admin_key of janus.plugin.audiobridge.jcfg as this client's admin key.";
      }

      return 'Use the secret the room was created with.';
    case 491:
      return 'The member is already in the room; leave first to join again.';
    case 458:
    case 459:
      return 'The Janus session was lost; the client reconnects and the member must join again.';
    default:
      return 'Report the code if it persists.';
  }
}
