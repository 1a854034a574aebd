import { expect } from 'chai';
import { html } from 'lit';

import '../define.js';
import { defineLazyElement } from '../shared/define-elements.js';
import type { TxSender } from '../../src/chain/types.js';
import { RoomAlreadyJoinedError } from '../../src/room/room-already-joined-error.js';
import type { RoomDirectory } from '../../src/room/room-directory.js';
import type { CreateRoomOptions, RoomSummary } from '../../src/room/types.js';
import { expectAccessible } from '../../test/support/axe.js';
import { cleanupFixtures, fixture, nextEvent } from '../../test/support/fixture.js';
import type { StardustErrorEvent } from '../shared/events.js';
import type { StardustRoomCreatedEvent, StardustRoomSelectEvent } from '../room/room-events.js';
import type { StardustRoomList } from './room-list.js';

const HOST = '5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM';
const ROOMS: RoomSummary[] = [
  {
    id: `0x${'01'.repeat(16)}`,
    name: 'Morning talk',
    host: HOST,
    memberCount: 3,
    maxMembers: 50,
    isPublic: true,
    entryFee: 0n,
    speakingMode: 'RaiseHand',
  },
  {
    id: `0x${'02'.repeat(16)}`,
    name: 'Paid panel',
    host: HOST,
    memberCount: 1,
    maxMembers: 10,
    isPublic: true,
    entryFee: 5n * 10n ** 11n,
    speakingMode: 'Sequential',
  },
];

/**
 * A stand-in for the chain-backed directory: a list in memory and the create calls it got.
 * `RoomDirectory` itself reads the devnet in test/e2e/rooms.test.ts.
 */
class ListedRooms {
  rooms = [...ROOMS];
  created: CreateRoomOptions[] = [];
  /** Chain calls that end the open room: `closeRoom <id>` or `leaveRoom`. */
  ended: string[] = [];
  /** The open room create reports, as the chain directory reads it. */
  openRoom: { roomId: string; isHost: boolean } | undefined;
  #listeners = new Set<() => void>();
  #loaded: Array<() => void> = [];

  async listPublic(): Promise<RoomSummary[]> {
    for (const resolve of this.#loaded.splice(0)) queueMicrotask(resolve);

    return this.rooms;
  }

  async create(options: CreateRoomOptions): Promise<string> {
    if (this.openRoom !== undefined) {
      throw new RoomAlreadyJoinedError(HOST, this.openRoom.roomId, this.openRoom.isHost);
    }

    this.created.push(options);

    const id = `0x${'03'.repeat(16)}`;

    this.rooms = [
      ...this.rooms,
      { ...ROOMS[0]!, id, name: options.name, memberCount: 1, speakingMode: options.speakingMode! },
    ];

    return id;
  }

  async closeRoom(roomId: string): Promise<void> {
    this.ended.push(`closeRoom ${roomId}`);
    this.openRoom = undefined;
  }

  async leaveRoom(): Promise<void> {
    this.ended.push('leaveRoom');
    this.openRoom = undefined;
  }

  async watch(listener: () => void): Promise<() => void> {
    this.#listeners.add(listener);

    return () => this.#listeners.delete(listener);
  }

  /** Resolves after the next list read. */
  loaded(): Promise<void> {
    return new Promise((resolve) => this.#loaded.push(resolve));
  }
}

const sender = { account: HOST, send: async () => ({}) } as unknown as TxSender;

async function mount(
  directory: ListedRooms,
  withSender = true,
  media = 'janus',
): Promise<StardustRoomList> {
  const loaded = directory.loaded();
  const list = await fixture<StardustRoomList>(
    html`<stardust-room-list
      media=${media}
      .directory=${directory as unknown as RoomDirectory}
      .sender=${withSender ? sender : undefined}
    ></stardust-room-list>`,
  );

  await loaded;
  await list.updateComplete;

  return list;
}

function part(list: StardustRoomList, name: string): HTMLElement | null {
  return list.shadowRoot!.querySelector(`[part~="${name}"]`);
}

function parts(list: StardustRoomList, name: string): HTMLElement[] {
  return [...list.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

/** Resolves once the status line contains `text`, watching the shadow root for the change. */
function statusShows(list: StardustRoomList, text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!part(list, 'status')!.textContent!.includes(text)) return false;

      observer.disconnect();
      resolve();

      return true;
    };

    const observer = new MutationObserver(check);

    if (!check()) {
      observer.observe(list.shadowRoot!, { subtree: true, childList: true, characterData: true });
    }
  });
}

function input(list: StardustRoomList, name: string): HTMLInputElement {
  return list.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
}

function fill(list: StardustRoomList, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = list.shadowRoot!.querySelector<HTMLInputElement | HTMLSelectElement>(
      `[name="${name}"]`,
    )!;

    input.value = value;
  }
}

describe('<stardust-room-list>', () => {
  before(() => defineLazyElement('stardust-room-list'));

  afterEach(() => cleanupFixtures());

  it('lists public rooms with members, mode and fee', async () => {
    const list = await mount(new ListedRooms());
    const rooms = parts(list, 'room');

    expect(rooms).to.have.length(2);
    expect(rooms[0]!.textContent).to.contain('Morning talk');
    expect(rooms[0]!.textContent).to.contain('3 of 50 members');
    expect(rooms[0]!.textContent).to.contain('free to join');
    expect(rooms[1]!.textContent).to.contain('entry 0.5 DUST');
    expect(rooms[1]!.textContent).to.contain('Taking turns');
    expect(part(list, 'status')!.textContent).to.contain('2 public rooms');
    await expectAccessible(list);
  });

  it('counts one public room in the singular', async () => {
    const directory = new ListedRooms();

    directory.rooms = [ROOMS[0]!];

    const list = await mount(directory);

    expect(part(list, 'status')!.textContent!.trim()).to.equal('1 public room');
  });

  it('dispatches the room the user opens', async () => {
    const list = await mount(new ListedRooms());
    const selected = nextEvent<StardustRoomSelectEvent>(list, 'stardust-room-select');

    parts(list, 'open-button')[1]!.click();

    expect((await selected).detail).to.deep.equal({ roomId: ROOMS[1]!.id });
  });

  it('creates a room and lists it', async () => {
    const directory = new ListedRooms();
    const list = await mount(directory);
    const created = nextEvent<StardustRoomCreatedEvent>(list, 'stardust-room-created');

    const reloaded = directory.loaded();

    fill(list, { name: 'Evening jam', maxMembers: '12', entryFee: '0.25', mode: 'HostOnly' });
    part(list, 'create-button')!.click();

    expect((await created).detail.roomId).to.equal(`0x${'03'.repeat(16)}`);
    expect(directory.created).to.deep.equal([
      {
        name: 'Evening jam',
        media: 'janus',
        maxMembers: 12,
        entryFee: 25n * 10n ** 10n,
        isPublic: true,
        speakingMode: 'HostOnly',
      },
    ]);
    await reloaded;
    await list.updateComplete;
    expect(parts(list, 'room')).to.have.length(3);
    // The form starts over with the path's largest limit, not an empty field.
    expect(input(list, 'maxMembers').value).to.equal('50');
    expect(input(list, 'name').value).to.equal('');
  });

  it('rejects a malformed entry fee without a chain call', async () => {
    const directory = new ListedRooms();
    const list = await mount(directory);
    const failed = nextEvent<StardustErrorEvent>(list, 'stardust-error');

    fill(list, { name: 'Bad fee', entryFee: '1.2.3' });
    part(list, 'create-button')!.click();

    expect((await failed).detail.code).to.equal('INVALID_ARGUMENT');
    expect(directory.created).to.deep.equal([]);
    await list.updateComplete;
    expect(part(list, 'error')!.textContent).to.contain('Check the values');
  });

  it('offers member limits up to 50 with Janus', async () => {
    const list = await mount(new ListedRooms());
    const input = list.shadowRoot!.querySelector<HTMLInputElement>('[name="maxMembers"]')!;

    expect(input.max).to.equal('50');
    expect(input.value).to.equal('50');
    expect(part(list, 'limit-hint')!.textContent).to.contain('Up to 50 members.');
  });

  it('lowers the member limit when the media is a mesh', async () => {
    const list = await mount(new ListedRooms());
    const input = list.shadowRoot!.querySelector<HTMLInputElement>('[name="maxMembers"]')!;

    fill(list, { maxMembers: '20' });
    input.dispatchEvent(new InputEvent('input'));
    list.media = 'mesh';
    await list.updateComplete;

    expect(input.max).to.equal('6');
    expect(input.value).to.equal('6');
    expect(part(list, 'limit-hint')!.textContent).to.contain('Up to 6 members');

    fill(list, { maxMembers: '4' });
    input.dispatchEvent(new InputEvent('input'));
    list.media = 'janus';
    await list.updateComplete;

    expect(input.max).to.equal('50');
    expect(input.value).to.equal('4');
  });

  it('rejects a mesh limit above 6 without a chain call', async () => {
    const directory = new ListedRooms();
    const list = await mount(directory);

    list.media = 'mesh';
    await list.updateComplete;

    for (const maxMembers of ['7', '50', '0', '2.5', '']) {
      const failed = nextEvent<StardustErrorEvent>(list, 'stardust-error');

      fill(list, { name: 'Small talk', maxMembers });
      part(list, 'create-button')!.click();

      expect((await failed).detail.code, maxMembers).to.equal('INVALID_ARGUMENT');
      await list.updateComplete;
      expect(part(list, 'error')!.textContent).to.contain('from 1 to 6');
    }

    expect(directory.created).to.deep.equal([]);
  });

  it('creates a mesh room with the mesh limit', async () => {
    const directory = new ListedRooms();
    const list = await mount(directory, true, 'mesh');
    const created = nextEvent<StardustRoomCreatedEvent>(list, 'stardust-room-created');

    fill(list, { name: 'Small talk' });
    part(list, 'create-button')!.click();
    await created;

    expect(directory.created.map(({ media, maxMembers }) => ({ media, maxMembers }))).to.deep.equal(
      [{ media: 'mesh', maxMembers: 6 }],
    );
  });

  it('reports an unknown media and keeps the Janus limit', async () => {
    const list = await mount(new ListedRooms());
    const failed = nextEvent<StardustErrorEvent>(list, 'stardust-error');

    list.setAttribute('media', 'sfu');

    expect((await failed).detail.code).to.equal('CONFIG_INVALID');
    await list.updateComplete;
    expect(list.media).to.equal('janus');
    expect(list.shadowRoot!.querySelector<HTMLInputElement>('[name="maxMembers"]')!.max).to.equal(
      '50',
    );
  });

  it('offers to open or close the room a host has open', async () => {
    const directory = new ListedRooms();
    const list = await mount(directory);

    directory.openRoom = { roomId: ROOMS[0]!.id, isHost: true };

    const failed = nextEvent<StardustErrorEvent>(list, 'stardust-error');

    fill(list, { name: 'Second room' });
    part(list, 'create-button')!.click();

    expect((await failed).detail.code).to.equal('ROOM_ALREADY_JOINED');
    await list.updateComplete;
    expect(part(list, 'error')!.textContent).to.contain('already has an open room');
    expect(part(list, 'leave-room-button')).to.equal(null);
    await expectAccessible(list);

    const selected = nextEvent<StardustRoomSelectEvent>(list, 'stardust-room-select');

    part(list, 'open-room-button')!.click();
    expect((await selected).detail).to.deep.equal({ roomId: ROOMS[0]!.id });
    await list.updateComplete;
    expect(part(list, 'open-room')).to.equal(null);

    part(list, 'create-button')!.click();
    await nextEvent(list, 'stardust-error');
    await list.updateComplete;

    const closed = statusShows(list, 'You can create a room now');

    part(list, 'close-room-button')!.click();
    await closed;

    expect(directory.ended).to.deep.equal([`closeRoom ${ROOMS[0]!.id}`]);
    expect(part(list, 'open-room')).to.equal(null);
    expect(part(list, 'error')).to.equal(null);
    expect(directory.created).to.deep.equal([]);
  });

  it('offers a member to leave its open room, in Chinese too', async () => {
    const directory = new ListedRooms();
    const list = await mount(directory);

    directory.openRoom = { roomId: ROOMS[1]!.id, isHost: false };
    list.locale = 'zh-CN';
    await list.updateComplete;

    const failed = nextEvent<StardustErrorEvent>(list, 'stardust-error');

    fill(list, { name: '第二个房间' });
    part(list, 'create-button')!.click();
    await failed;
    await list.updateComplete;

    expect(part(list, 'error')!.textContent).to.contain('已在一个未关闭的房间中');
    expect(part(list, 'close-room-button')).to.equal(null);
    expect(part(list, 'leave-room-button')!.textContent).to.contain('离开该房间');

    const left = statusShows(list, '现在可以创建新房间了');

    part(list, 'leave-room-button')!.click();
    await left;

    expect(directory.ended).to.deep.equal(['leaveRoom']);
  });

  it('hides the create form without a sender', async () => {
    const list = await mount(new ListedRooms(), false);

    expect(part(list, 'create-form')).to.equal(null);
  });

  it('says when there is no public room, in Chinese too', async () => {
    const directory = new ListedRooms();

    directory.rooms = [];

    const list = await mount(directory);

    expect(part(list, 'empty')!.textContent).to.contain('No public rooms yet.');

    list.locale = 'zh-CN';
    await list.updateComplete;

    expect(part(list, 'empty')!.textContent).to.contain('还没有公开房间');
    await expectAccessible(list);
  });
});
