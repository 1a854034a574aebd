import { EventEmitter } from 'node:events';

import type { JanusConnection, JanusMessage } from './connection.js';
import { StardustError } from '../../../src/shared/errors.js';
import { RoomMediaError, type RoomMediaContext } from './errors.js';

/** A session description relayed between a browser and Janus. */
export interface Jsep {
  type: 'offer' | 'answer';
  sdp: string;
}

/** An ICE candidate in the shape browsers produce (`RTCIceCandidate.toJSON()`). */
export interface IceCandidate {
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
  /** The ICE username fragment of the negotiation the candidate belongs to. */
  usernameFragment?: string;
}

/** The response to a plugin request: the plugin's data and, for negotiations, a JSEP. */
export interface PluginResult {
  data: Record<string, unknown>;
  jsep?: Jsep;
}

/** Events of {@link JanusHandle}, as Janus sends them for one plugin handle. */
export interface JanusHandleEvents {
  /** A plugin event that is not a response to a request, such as `talking` or `destroyed`. */
  event: [{ data: Record<string, unknown>; jsep?: Jsep }];
  /** The PeerConnection of this handle is up (ICE and DTLS done). */
  webrtcup: [];
  /** Janus started or stopped receiving this handle's media. */
  media: [{ type: string; receiving: boolean }];
  /** The PeerConnection of this handle was closed, with Janus's reason. */
  hangup: [{ reason: string }];
  /** Janus reports heavy loss on this handle. */
  slowlink: [{ uplink: boolean; lost: number }];
  /** A candidate Janus trickles (only with `full_trickle`); `null` ends the candidates. */
  trickle: [IceCandidate | null];
  /** The handle no longer exists in Janus. */
  detached: [];
}

/** Events of {@link JanusSession}. */
export interface JanusSessionEvents {
  /** Janus timed the session out or reports it unknown, so every handle is gone. */
  lost: [{ reason: string }];
}

/** Options of {@link JanusSession.create}. */
export interface JanusSessionOptions {
  /** How often to send `keepalive`, in ms; below Janus's `session_timeout`. */
  keepaliveIntervalMs: number;
}

/**
 * A Janus session on one connection: keeps itself alive, attaches plugin handles and routes
 * the connection's events to them.
 */
export class JanusSession extends EventEmitter<JanusSessionEvents> {
  readonly id: number;
  readonly connection: JanusConnection;
  #handles = new Map<number, JanusHandle>();
  #keepalive: NodeJS.Timeout;
  #disposed = false;
  #onEvent = (message: JanusMessage) => this.#route(message);

  private constructor(connection: JanusConnection, id: number, options: JanusSessionOptions) {
    super();
    this.connection = connection;
    this.id = id;
    connection.on('event', this.#onEvent);
    this.#keepalive = setInterval(() => this.#sendKeepalive(), options.keepaliveIntervalMs);
    this.#keepalive.unref();
  }

  /**
   * Creates a session on `connection`.
   *
   * @throws RoomMediaError as {@link JanusConnection.request} does.
   */
  static async create(
    connection: JanusConnection,
    options: JanusSessionOptions,
  ): Promise<JanusSession> {
    const answer = await connection.request(
      { janus: 'create' },
      { context: { request: 'create session' } },
    );
    const id = (answer.data as { id?: unknown } | undefined)?.id;

    if (typeof id !== 'number') {
      throw new StardustError(
        'INTERNAL_ERROR',
        `Janus ${connection.name} created a session but returned no session id; check that it is Janus.`,
      );
    }

    return new JanusSession(connection, id, options);
  }

  /**
   * Attaches a handle to `plugin`, such as `janus.plugin.audiobridge`.
   *
   * @throws RoomMediaError as {@link JanusConnection.request} does.
   */
  async attach(
    plugin: string,
    context: Omit<RoomMediaContext, 'server' | 'request'> = {},
  ): Promise<JanusHandle> {
    const answer = await this.connection.request(
      { janus: 'attach', session_id: this.id, plugin },
      { context: { ...context, request: 'attach' } },
    );
    const id = (answer.data as { id?: unknown } | undefined)?.id;

    if (typeof id !== 'number') {
      throw new StardustError(
        'INTERNAL_ERROR',
        `Janus ${this.connection.name} attached ${plugin} but returned no handle id; check that it is Janus.`,
      );
    }

    const handle = new JanusHandle(this, id);

    this.#handles.set(id, handle);

    return handle;
  }

  /** Destroys the session in Janus (best effort) and stops its keepalive. */
  async destroy(): Promise<void> {
    if (this.#disposed) return;

    this.dispose();

    try {
      await this.connection.request(
        { janus: 'destroy', session_id: this.id },
        { context: { request: 'destroy session' } },
      );
    } catch {
      // Janus destroys the session itself when the socket closes or the session times out.
    }
  }

  /** Stops the keepalive and forgets every handle, without telling Janus. */
  dispose(): void {
    if (this.#disposed) return;

    this.#disposed = true;
    clearInterval(this.#keepalive);
    this.connection.off('event', this.#onEvent);
    this.#handles.clear();
  }

  /** Removes a handle from routing; called by {@link JanusHandle.detach}. */
  forget(handleId: number): void {
    this.#handles.delete(handleId);
  }

  #sendKeepalive(): void {
    this.connection
      .request(
        { janus: 'keepalive', session_id: this.id },
        { expect: 'ack', context: { request: 'keepalive' } },
      )
      .catch((error: unknown) => {
        if (this.#disposed) return;

        // A session that Janus reports as unknown is lost. A keepalive without a response
        // means the connection is dead even if the socket still looks open.
        if (error instanceof RoomMediaError && error.code === 'ROOM_MEDIA_REFUSED') {
          this.emit('lost', { reason: error.message });

          return;
        }

        this.connection.terminate();
      });
  }

  #route(message: JanusMessage): void {
    if (message.session_id !== this.id) return;

    if (message.janus === 'timeout') {
      this.emit('lost', { reason: 'Janus timed the session out' });

      return;
    }

    const handle = message.sender === undefined ? undefined : this.#handles.get(message.sender);

    handle?.receive(message);
  }
}

/**
 * One plugin handle: sends plugin messages and trickle candidates, and emits the plugin's
 * events and the PeerConnection events Janus reports for it.
 */
export class JanusHandle extends EventEmitter<JanusHandleEvents> {
  readonly id: number;
  readonly session: JanusSession;
  #detached = false;

  constructor(session: JanusSession, id: number) {
    super();
    this.session = session;
    this.id = id;
  }

  /** True once the handle was detached by us or by Janus. */
  get detached(): boolean {
    return this.#detached;
  }

  /**
   * Sends a plugin request, with a JSEP when negotiating, and resolves with the plugin's
   * response (`success` for synchronous requests, the `event` for asynchronous ones).
   *
   * @throws RoomMediaError ROOM_MEDIA_REFUSED with the plugin's `error_code` or the Janus
   *   error code; ROOM_MEDIA_TIMEOUT; ROOM_MEDIA_DISCONNECTED.
   */
  async message(
    body: Record<string, unknown>,
    options: { jsep?: Jsep; timeoutMs?: number; context: Omit<RoomMediaContext, 'server'> },
  ): Promise<PluginResult> {
    const request: JanusMessage = {
      janus: 'message',
      session_id: this.session.id,
      handle_id: this.id,
      body,
    };

    if (options.jsep !== undefined) request.jsep = options.jsep;

    const answer = await this.session.connection.request(request, {
      context: options.context,
      timeoutMs: options.timeoutMs,
    });
    const data = ((answer.plugindata as { data?: unknown } | undefined)?.data ?? {}) as Record<
      string,
      unknown
    >;

    if (typeof data.error_code === 'number') {
      throw RoomMediaError.refused(
        data.error_code,
        typeof data.error === 'string' ? data.error : 'no reason given',
        { ...options.context, server: this.session.connection.name },
      );
    }

    return answer.jsep === undefined ? { data } : { data, jsep: answer.jsep as Jsep };
  }

  /**
   * Sends one ICE candidate, or the end of candidates when `candidate` is null.
   *
   * @throws RoomMediaError as {@link JanusConnection.request} does.
   */
  async trickle(
    candidate: IceCandidate | null,
    context: Omit<RoomMediaContext, 'server'>,
  ): Promise<void> {
    await this.session.connection.request(
      {
        janus: 'trickle',
        session_id: this.session.id,
        handle_id: this.id,
        candidate: candidate === null ? { completed: true } : janusCandidate(candidate),
      },
      { expect: 'ack', context },
    );
  }

  /** Detaches the handle, which closes its PeerConnection; never throws. */
  async detach(): Promise<void> {
    if (this.#detached) return;

    this.#markDetached();

    try {
      await this.session.connection.request(
        { janus: 'detach', session_id: this.session.id, handle_id: this.id },
        { context: { request: 'detach' } },
      );
    } catch {
      // The handle dies with the session anyway; there is nothing else to do.
    }
  }

  /** Handles a message the session routed to this handle. */
  receive(message: JanusMessage): void {
    switch (message.janus) {
      case 'event': {
        const data = ((message.plugindata as { data?: unknown } | undefined)?.data ?? {}) as Record<
          string,
          unknown
        >;

        this.emit(
          'event',
          message.jsep === undefined ? { data } : { data, jsep: message.jsep as Jsep },
        );
        break;
      }
      case 'webrtcup':
        this.emit('webrtcup');
        break;
      case 'media':
        this.emit('media', { type: String(message.type), receiving: message.receiving === true });
        break;
      case 'hangup':
        this.emit('hangup', {
          reason: typeof message.reason === 'string' ? message.reason : 'unknown',
        });
        break;
      case 'slowlink':
        this.emit('slowlink', { uplink: message.uplink === true, lost: Number(message.lost ?? 0) });
        break;
      case 'trickle': {
        const candidate = message.candidate as (IceCandidate & { completed?: boolean }) | undefined;

        this.emit(
          'trickle',
          candidate === undefined || candidate.completed === true ? null : candidate,
        );
        break;
      }
      case 'detached':
        this.#markDetached();
        this.emit('detached');
        break;
      default:
        break;
    }
  }

  #markDetached(): void {
    this.#detached = true;
    this.session.forget(this.id);
  }
}

/** Returns the fields of a candidate that Janus reads. */
function janusCandidate({
  candidate,
  sdpMid,
  sdpMLineIndex,
}: IceCandidate): Record<string, unknown> {
  const result: Record<string, unknown> = { candidate };

  if (sdpMid !== undefined && sdpMid !== null) result.sdpMid = sdpMid;

  if (sdpMLineIndex !== undefined && sdpMLineIndex !== null) result.sdpMLineIndex = sdpMLineIndex;

  return result;
}
