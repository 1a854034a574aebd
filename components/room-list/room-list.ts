import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import type { TxSender } from '../../src/chain/types.js';
import type { StardustClient } from '../../src/client/stardust-client.js';
import { formatDust, parseDust } from '../../src/room/dust.js';
import { RoomDirectory } from '../../src/room/room-directory.js';
import type { RoomSummary } from '../../src/room/types.js';
import { StardustError } from '../../src/shared/errors.js';
import { SPEAKING_MODES, type RoomSpeakingMode } from '../../src/shared/room-rules.js';
import { msg, str } from '../shared/localize.js';
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
 * @csspart create-button - Creates the room.
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

  @state() private _rooms: RoomSummary[] | undefined;
  @state() private _status = '';
  @state() private _error: string | undefined;
  @state() private _busy = false;

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
      this._status = msg(str`${rooms.length} public rooms`);
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
      ${this.#renderRooms()}
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

    return html`<form part="create-form" @submit=${this.#create} aria-labelledby="create-title">
      <h3 id="create-title">${msg('Create a room')}</h3>
      <label>
        ${msg('Name')}
        <input name="name" required maxlength="64" autocomplete="off" />
      </label>
      <label>
        ${msg('Members at most')}
        <input name="maxMembers" type="number" min="1" max="50" value="50" required />
      </label>
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
    this._status = msg('Creating the room…');

    try {
      const name = String(data.get('name') ?? '').trim();

      if (new TextEncoder().encode(name).length > 64 || name.length === 0) {
        throw new StardustError('INVALID_ARGUMENT', 'A room name has 1 to 64 bytes of UTF-8.');
      }

      const roomId = await directory.create({
        name,
        maxMembers: Number(data.get('maxMembers')),
        entryFee: parseDust(String(data.get('entryFee') ?? '0')),
        isPublic: data.get('isPublic') !== null,
        speakingMode: String(data.get('mode')) as RoomSpeakingMode,
      });

      form.reset();
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

  #fail(error: unknown): void {
    const failure = StardustError.from(error, 'INTERNAL_ERROR', 'Loading the rooms failed.');

    this._error =
      failure.code === 'INVALID_ARGUMENT'
        ? msg('Check the values you entered.')
        : failure.code === 'WALLET_REJECTED'
          ? msg('The wallet request was declined.')
          : msg('The rooms could not be loaded or changed. Try again.');
    this._status = '';
    this.dispatchError(failure);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'stardust-room-list': StardustRoomList;
  }
}
