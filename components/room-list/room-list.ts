import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';

import type { TxSender } from '../../src/chain/types.js';
import type { StardustClient } from '../../src/client/stardust-client.js';
import { formatDust, parseDust } from '../../src/room/dust.js';
import { RoomAlreadyJoinedError } from '../../src/room/room-already-joined-error.js';
import { RoomDirectory } from '../../src/room/room-directory.js';
import type { RoomSummary } from '../../src/room/types.js';
import { StardustError } from '../../src/shared/errors.js';
import {
  checkMaxMembers,
  maxMembersFor,
  SPEAKING_MODES,
  type RoomSpeakingMode,
} from '../../src/shared/room-rules.js';
import type { RoomMediaKind } from '../../src/shared/room-wire.js';
import { msg, renderInLocale, str } from '../shared/localize.js';
import { StardustElement } from '../shared/stardust-element.js';
import { useRoomStrings } from '../room/room-strings.js';
import { baseStyles } from '../shared/styles.js';
import { StardustRoomCreatedEvent, StardustRoomSelectEvent } from '../room/room-events.js';
import { modeLabel, shortAddress } from '../room/room-labels.js';
import { roomListStyles } from './room-list.styles.js';

/**
 * The open public voice rooms on chain, with their member counts, and a form to create a
 * room. Opening a room dispatches `stardust-room-select`; the page shows a
 * `<stardust-room>` for it.
 *
 * It reads the rooms through the shared client's chain connection (or the `directory`
 * property) and refreshes when a block has VoiceRoom events. Creating a room needs the
 * `sender` property (the wallet or the session proxy) and reserves the chain's room deposit.
 * The form offers member limits up to what the `media` path carries. When the account is
 * in an open room already, it names that room and offers to open it, or to close it (its
 * host) or leave it (a member).
 *
 * @tagname stardust-room-list
 * @summary Public voice rooms and a form to create one.
 *
 * @event stardust-room-select - The user opened a room. `detail` is `{ roomId }`.
 * @event stardust-room-created - A room the user created is on chain. `detail` is `{ roomId }`.
 * @event stardust-error - Loading or creating failed. `detail` is `{ code, message }`.
 *
 * @csspart base - The element's box.
 * @csspart title - The heading.
 * @csspart rooms - The list of rooms.
 * @csspart room - One room.
 * @csspart room-name - A room's name.
 * @csspart room-meta - A room's members, mode and entry fee.
 * @csspart open-button - Opens a room.
 * @csspart empty - Shown when there is no public room.
 * @csspart refresh-button - Reads the rooms again.
 * @csspart create-form - The form that creates a room.
 * @csspart limit-hint - The largest member limit the media path allows.
 * @csspart create-button - Creates the room.
 * @csspart open-room - The notice about the open room the account is in, with its actions.
 * @csspart open-room-button - Opens that room.
 * @csspart close-room-button - Closes that room (its host).
 * @csspart leave-room-button - Leaves that room (a member).
 * @csspart status - Loading and creation progress.
 * @csspart error - The last failure.
 */
export class StardustRoomList extends StardustElement {
  static override styles: CSSResultGroup = [baseStyles, roomListStyles];

  constructor() {
    super();
    // The room strings load with the room elements, not with the main file.
    useRoomStrings();
  }

  /** The room directory to use; one over the shared client's chain by default. */
  @property({ attribute: false }) directory?: RoomDirectory;

  /** Signs `create_room`; without it the create form is hidden. */
  @property({ attribute: false }) sender?: TxSender;

  /** Hides the create form even when a sender is set. */
  @property({ type: Boolean, attribute: 'no-create' }) noCreate = false;

  /**
   * The signaling server's media path for room audio: `janus` (a media server mixes it, up
   * to 50 members) or `mesh` (members connect to each other, up to 6). The form offers only
   * member limits this path carries, and lowers the value when it changes.
   */
  @property() media: RoomMediaKind = 'janus';

  @state() private _rooms: RoomSummary[] | undefined;
  @state() private _status = '';
  @state() private _error: string | undefined;
  @state() private _busy = false;
  /** The member limit in the form, as typed. */
  @state() private _maxMembers = String(maxMembersFor('janus'));
  /** The open room that stopped a create, when the failure named it. */
  @state() private _openRoom: { roomId: string; isHost: boolean } | undefined;

  #ownDirectory: RoomDirectory | undefined;
  #stopWatching: (() => void) | undefined;
  #loads = 0;

  /** Reads the rooms from the chain again. */
  async refresh(): Promise<void> {
    const directory = this.#directory();

    if (directory === undefined) return;

    const load = ++this.#loads;

    this._status = msg('Loading rooms…');

    try {
      const rooms = await directory.listPublic();

      if (load !== this.#loads) return;

      this._rooms = rooms;
      this._status =
        rooms.length === 1 ? msg('1 public room') : msg(str`${rooms.length} public rooms`);
      this._error = undefined;
    } catch (error) {
      this.#fail(error);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatching?.();
    this.#stopWatching = undefined;
  }

  protected override clientChanged(client: StardustClient | undefined): void {
    this.#ownDirectory =
      client === undefined
        ? undefined
        : new RoomDirectory({ chain: client.chain, sender: this.sender });
    this.#watch();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);

    if (changed.has('media')) this.#applyMedia();

    if (changed.has('directory') || changed.has('sender')) {
      const client = this.stardust.client;

      if (changed.has('sender') && client !== undefined) {
        this.#ownDirectory = new RoomDirectory({ chain: client.chain, sender: this.sender });
      }

      this.#watch();
    }
  }

  protected override render(): TemplateResult {
    return html`<section part="base" lang=${this.resolvedLocale} aria-labelledby="rooms-title">
      <h2 part="title" id="rooms-title">${msg('Voice rooms')}</h2>
      <p part="status" role="status">${this._status}</p>
      ${this._error === undefined ? nothing : html`<p part="error" role="alert">${this._error}</p>`}
      ${this.#renderOpenRoom()} ${this.#renderRooms()}
      <button part="refresh-button" ?disabled=${this._busy} @click=${() => void this.refresh()}>
        ${msg('Refresh')}
      </button>
      ${this.#renderCreate()}
    </section>`;
  }

  #renderRooms(): TemplateResult | typeof nothing {
    const rooms = this._rooms;

    if (rooms === undefined) return nothing;

    if (rooms.length === 0) return html`<p part="empty">${msg('No public rooms yet.')}</p>`;

    return html`<ul part="rooms">
      ${rooms.map(
        (room) =>
          html`<li part="room">
            <span part="room-name">${room.name}</span>
            <span part="room-meta">
              ${msg(str`${room.memberCount} of ${room.maxMembers} members`)} ·
              ${modeLabel(room.speakingMode)} ·
              ${
                room.entryFee === 0n
                  ? msg('free to join')
                  : msg(str`entry ${formatDust(room.entryFee)} DUST`)
              }
              · ${msg(str`host ${shortAddress(room.host)}`)}
            </span>
            <button
              part="open-button"
              aria-label=${msg(str`Open ${room.name}`)}
              @click=${() => this.dispatchEvent(new StardustRoomSelectEvent({ roomId: room.id }))}
            >
              ${msg('Open')}
            </button>
          </li>`,
      )}
    </ul>`;
  }

  #renderCreate(): TemplateResult | typeof nothing {
    if (this.noCreate || this.#directory() === undefined || this.sender === undefined)
      return nothing;

    const limit = maxMembersFor(this.media);

    // novalidate: the element checks every field itself and reports the typed error.
    return html`<form
      part="create-form"
      novalidate
      @submit=${this.#create}
      aria-labelledby="create-title"
    >
      <h3 id="create-title">${msg('Create a room')}</h3>
      <label>
        ${msg('Name')}
        <input name="name" required maxlength="64" autocomplete="off" />
      </label>
      <label>
        ${msg('Members at most')}
        <input
          name="maxMembers"
          type="number"
          min="1"
          max=${limit}
          step="1"
          required
          aria-describedby="limit-hint"
          .value=${live(this._maxMembers)}
          @input=${(event: InputEvent) => {
            this._maxMembers = (event.target as HTMLInputElement).value;
          }}
        />
      </label>
      <p part="limit-hint" id="limit-hint">
        ${
          this.media === 'mesh'
            ? msg(
                str`Up to ${limit} members: rooms on this server connect members directly, without a media server.`,
              )
            : msg(str`Up to ${limit} members.`)
        }
      </p>
      <label>
        ${msg('Entry fee (DUST)')}
        <input name="entryFee" inputmode="decimal" value="0" required />
      </label>
      <label>
        ${msg('Speaking mode')}
        <select name="mode">
          ${SPEAKING_MODES.map((mode) => html`<option value=${mode}>${modeLabel(mode)}</option>`)}
        </select>
      </label>
      <label>
        <input name="isPublic" type="checkbox" checked />
        ${msg('Public')}
      </label>
      <p>${msg('Creating a room reserves a deposit of 1 DUST until you close it.')}</p>
      <button part="create-button" ?disabled=${this._busy}>${msg('Create room')}</button>
    </form>`;
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();

    const directory = this.#directory();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);

    if (directory === undefined) return;

    this._busy = true;
    this._openRoom = undefined;
    this._status = msg('Creating the room…');

    try {
      const name = String(data.get('name') ?? '').trim();

      if (new TextEncoder().encode(name).length > 64 || name.length === 0) {
        throw new StardustError('INVALID_ARGUMENT', 'A room name has 1 to 64 bytes of UTF-8.');
      }

      const maxMembersText = String(data.get('maxMembers') ?? '').trim();
      const maxMembers = maxMembersText === '' ? Number.NaN : Number(maxMembersText);

      try {
        checkMaxMembers(maxMembers, this.media);
      } catch (error) {
        const limit = maxMembersFor(this.media);

        this.#fail(
          error,
          renderInLocale(this.resolvedLocale, () =>
            msg(str`Members at most must be a whole number from 1 to ${limit}.`),
          ),
        );

        return;
      }

      const roomId = await directory.create({
        name,
        media: this.media,
        maxMembers,
        entryFee: parseDust(String(data.get('entryFee') ?? '0')),
        isPublic: data.get('isPublic') !== null,
        speakingMode: String(data.get('mode')) as RoomSpeakingMode,
      });

      form.reset();
      this._maxMembers = String(maxMembersFor(this.media));
      this._status = msg('Room created');
      this.dispatchEvent(new StardustRoomCreatedEvent({ roomId }));
      await this.refresh();
    } catch (error) {
      this.#fail(error);
    } finally {
      this._busy = false;
    }
  }

  #directory(): RoomDirectory | undefined {
    return this.directory ?? this.#ownDirectory;
  }

  #watch(): void {
    this.#stopWatching?.();
    this.#stopWatching = undefined;

    const directory = this.#directory();

    if (directory === undefined) return;

    void this.refresh();

    let stopped = false;

    this.#stopWatching = () => {
      stopped = true;
    };

    directory
      .watch(() => void this.refresh())
      .then((stop) => {
        if (stopped) stop();
        else this.#stopWatching = stop;
      })
      .catch((error: unknown) => this.#fail(error));
  }

  /** Shows a failure, in `text` when given, and dispatches it as `stardust-error`. */
  #fail(error: unknown, text?: string): void {
    const failure = StardustError.from(error, 'INTERNAL_ERROR', 'Loading the rooms failed.');

    this._openRoom =
      failure instanceof RoomAlreadyJoinedError
        ? { roomId: failure.roomId, isHost: failure.isHost }
        : undefined;
    // Built outside render, so in the element's locale here.
    this._error = text ?? renderInLocale(this.resolvedLocale, () => failureText(failure));
    this._status = '';
    this.dispatchError(failure);
  }

  /** Checks `media` and lowers the form's member limit to what it carries. */
  #applyMedia(): void {
    if (this.media !== 'janus' && this.media !== 'mesh') {
      this.dispatchError(
        new StardustError(
          'CONFIG_INVALID',
          `<stardust-room-list>: media must be "janus" or "mesh", got ${JSON.stringify(this.media)}.`,
        ),
      );
      this.media = 'janus';

      return;
    }

    const limit = maxMembersFor(this.media);
    const typed = Number(this._maxMembers);

    if (this._maxMembers.trim() !== '' && typed > limit) this._maxMembers = String(limit);
  }

  #renderOpenRoom(): TemplateResult | typeof nothing {
    const open = this._openRoom;

    if (open === undefined) return nothing;

    const action = open.isHost
      ? html`<button
          part="close-room-button"
          ?disabled=${this._busy}
          @click=${() => void this.#endOpenRoom(open.roomId, true)}
        >
          ${msg('Close that room')}
        </button>`
      : html`<button
          part="leave-room-button"
          ?disabled=${this._busy}
          @click=${() => void this.#endOpenRoom(open.roomId, false)}
        >
          ${msg('Leave that room')}
        </button>`;

    return html`<p part="open-room">
      <button
        part="open-room-button"
        ?disabled=${this._busy}
        @click=${() => this.#openOpenRoom(open.roomId)}
      >
        ${msg('Open that room')}
      </button>
      ${action}
    </p>`;
  }

  #openOpenRoom(roomId: string): void {
    this._openRoom = undefined;
    this._error = undefined;
    this.dispatchEvent(new StardustRoomSelectEvent({ roomId }));
  }

  /** Closes (as its host) or leaves the open room, so that the user can create another. */
  async #endOpenRoom(roomId: string, close: boolean): Promise<void> {
    const directory = this.#directory();

    if (directory === undefined) return;

    this._busy = true;
    this._status = renderInLocale(this.resolvedLocale, () =>
      close ? msg('Closing the room…') : msg('Leaving the room…'),
    );

    try {
      if (close) await directory.closeRoom(roomId);
      else await directory.leaveRoom();

      this._openRoom = undefined;
      this._error = undefined;
      await this.refresh();
      this._status = renderInLocale(this.resolvedLocale, () =>
        close
          ? msg('Room closed. You can create a room now.')
          : msg('You left the room. You can create a room now.'),
      );
    } catch (error) {
      this.#fail(error);
    } finally {
      this._busy = false;
    }
  }
}

/** Returns the text the element shows for a failure. */
function failureText(failure: StardustError): string {
  switch (failure.code) {
    case 'INVALID_ARGUMENT':
      return msg('Check the values you entered.');
    case 'WALLET_REJECTED':
      return msg('The wallet request was declined.');
    case 'ROOM_ALREADY_JOINED':
      if (!(failure instanceof RoomAlreadyJoinedError)) {
        return msg(
          'This account is already in an open room, and it can be in one room at a time. Close or leave that room before creating another.',
        );
      }

      return failure.isHost
        ? msg(
            'This account already has an open room, and it can be in one room at a time. Open that room, or close it to create a new one.',
          )
        : msg(
            'This account is already in an open room, and it can be in one room at a time. Open that room, or leave it to create a new one.',
          );
    default:
      return msg('The rooms could not be loaded or changed. Try again.');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'stardust-room-list': StardustRoomList;
  }
}
