import { expect } from 'chai';
import { html } from 'lit';

import '../define.js';
import { defineLazyElement } from '../shared/define-elements.js';
import { voice } from '../../proto/gen/voice.js';
import type { ChainClient } from '../../src/chain/chain-client.js';
import type { TxSender } from '../../src/chain/types.js';
import { RoomSession } from '../../src/room/room-session.js';
import {
  decodeRoomKick,
  decodeRoomMode,
  decodeRoomMute,
  decodeRoomRaiseHand,
  decodeRoomRole,
  encodeRoomKick,
  encodeRoomState,
  encodeRoomTip,
  type RoomSnapshot,
} from '../../src/shared/room-wire.js';
import { encodeAddress } from '../../src/shared/ss58.js';
import { expectAccessible } from '../../test/support/axe.js';
import {
  FakeRoomSignaling,
  member,
  refuse,
  snapshot,
} from '../../test/support/fake-room-signaling.js';
import { cleanupFixtures, fixture, nextEvent } from '../../test/support/fixture.js';
import type { StardustErrorEvent } from '../shared/events.js';
import type { StardustRoomStateChangeEvent, StardustRoomTipEvent } from './room-events.js';
import type { StardustRoom } from './room.js';

const T = voice.SignalType;
const ROOM_ID = 'ab'.repeat(16);
const HOST = encodeAddress(new Uint8Array(32).fill(1));
const SPEAKER = encodeAddress(new Uint8Array(32).fill(2));
const LISTENER = encodeAddress(new Uint8Array(32).fill(3));
const SECOND_SPEAKER = encodeAddress(new Uint8Array(32).fill(4));

/** Returns a room state with a host, a speaker and a listener. */
function roomState(overrides: Partial<RoomSnapshot> = {}): RoomSnapshot {
  return snapshot({
    members: [
      member(HOST, { nickname: 'Ada', role: 'Host', isMuted: false, serverMuted: false }),
      member(SPEAKER, { nickname: 'Bo', role: 'Speaker', serverMuted: false }),
      member(LISTENER, { nickname: 'Cy', role: 'Listener' }),
    ],
    ...overrides,
  });
}

/** Returns a session for `account` whose fake server returns `state` for ROOM_JOIN. */
function sessionFor(
  account: string,
  state = roomState(),
  options: Partial<ConstructorParameters<typeof RoomSession>[0]> = {},
) {
  const signaling = new FakeRoomSignaling(account);

  signaling.handler = (draft) =>
    draft.type === T.ROOM_JOIN
      ? { type: T.ROOM_STATE, payload: encodeRoomState(state) }
      : undefined;

  const session = new RoomSession({ roomId: ROOM_ID, signaling, ...options });

  return { signaling, session };
}

async function mount(session: RoomSession, locale = 'en'): Promise<StardustRoom> {
  return fixture<StardustRoom>(
    html`<stardust-room room-id=${ROOM_ID} locale=${locale} .session=${session}></stardust-room>`,
  );
}

function part(room: StardustRoom, name: string): HTMLElement | null {
  return room.shadowRoot!.querySelector(`[part~="${name}"]`);
}

function parts(room: StardustRoom, name: string): HTMLElement[] {
  return [...room.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

async function joined(room: StardustRoom): Promise<void> {
  const changed = nextEvent<StardustRoomStateChangeEvent>(room, 'stardust-room-state-change');

  part(room, 'join-button')!.click();
  await changed;

  while (room.session!.state === 'joining') {
    await nextEvent(room, 'stardust-room-state-change');
  }

  await room.updateComplete;
}

/** A chain call as the stand-in VoiceRoom wrappers build it: the wrapper's name and arguments. */
interface RecordedCall {
  name: string;
  args: unknown[];
}

/**
 * Returns a host session with a stand-in chain client whose VoiceRoom wrappers record the
 * calls they build. Its sender keeps each call pending until the test releases it, so the
 * test can inspect the element while the extrinsic is in flight. The host is already a
 * member on chain, so joining sends nothing. The real wrappers are tested on the devnet.
 */
function hostWithChain(state = roomState()) {
  const sent: RecordedCall[] = [];
  const pending: Array<() => void> = [];
  let arrived: (() => void) | undefined;
  const build =
    (name: string) =>
    async (...args: unknown[]): Promise<RecordedCall> => ({ name: `voiceRoom.${name}`, args });
  const chain = {
    voiceRoom: {
      room: async () => ({ name: 'Moderated room', config: { entryFee: 0n } }),
      member: async () => ({ role: 'Host' }),
      kickUser: build('kickUser'),
      setRole: build('setRole'),
      setSpeakingMode: build('setSpeakingMode'),
      closeRoom: build('closeRoom'),
      setMute: build('setMute'),
    },
  } as unknown as ChainClient;
  const sender = {
    account: HOST,
    send: (call: RecordedCall) =>
      new Promise((resolve) => {
        sent.push(call);
        pending.push(() => resolve({}));
        arrived?.();
      }),
  } as unknown as TxSender;
  const { session, signaling } = sessionFor(HOST, state, { chain, sender });

  return {
    session,
    signaling,
    sent,
    /** Resolves once the sender has received `count` calls in all. */
    sends: (count: number) =>
      new Promise<void>((resolve) => {
        arrived = () => {
          if (sent.length >= count) resolve();
        };

        arrived();
      }),
    /** Lets every held call finish, as its block would. */
    release: () => {
      for (const finish of pending.splice(0)) finish();
    },
  };
}

/**
 * Returns the button of `account`'s card whose text is `label`, or undefined.
 *
 * NOTE: the new tests compare elements to null as booleans. A failing chai assertion whose
 * message contains a lit element stalled Web Test Runner here until its 20-minute limit.
 */
function memberButton(room: StardustRoom, account: string, label: string): HTMLButtonElement {
  const buttons = [...memberCard(room, account).querySelectorAll('button')];

  return buttons.find((button) => button.textContent!.trim() === label)!;
}

type ModeratorMethod = 'kick' | 'setRole' | 'setSpeakingMode' | 'close';

/**
 * Resolves once the next call of `method` on `session` settles. The wrapper's reaction is
 * registered before the element awaits the same promise, so by the time the test resumes
 * the element has left its busy state and only needs to render.
 */
function settledCall(session: RoomSession, method: ModeratorMethod): Promise<void> {
  const original = session[method].bind(session) as (...args: unknown[]) => Promise<void>;

  return new Promise((resolve) => {
    (session as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const result = original(...args);

      void result.finally(resolve).catch(() => {});

      return result;
    };
  });
}

function memberCard(room: StardustRoom, account: string): HTMLElement {
  return room.shadowRoot!.querySelector<HTMLElement>(`[data-account="${account}"]`)!;
}

describe('<stardust-room>', () => {
  before(() => defineLazyElement('stardust-room'));

  afterEach(() => cleanupFixtures());

  it('shows a join button before joining', async () => {
    const { session } = sessionFor(HOST);
    const room = await mount(session);

    expect(part(room, 'status')!.textContent).to.contain('Not in the room');
    expect(part(room, 'join-button')).to.not.equal(null);
    expect(part(room, 'members')).to.equal(null);
    await expectAccessible(room);
  });

  it('joins and shows members with roles and mute badges', async () => {
    const { session, signaling } = sessionFor(HOST);
    const room = await mount(session);

    await joined(room);

    expect(session.state).to.equal('joined');
    expect(signaling.requests(T.ROOM_JOIN)).to.have.length(1);
    expect(part(room, 'status')!.textContent).to.contain('In the room');
    expect(parts(room, 'member')).to.have.length(3);
    expect(memberCard(room, HOST).querySelector('[part="role-badge"]')!.textContent).to.contain(
      'Host',
    );
    expect(memberCard(room, HOST).querySelector('[part="mute-badge"]')).to.equal(null);
    expect(memberCard(room, LISTENER).querySelector('[part="mute-badge"]')).to.not.equal(null);
    expect(memberCard(room, HOST).getAttribute('part')).to.contain('member-self');
  });

  it('keeps a listener from unmuting itself', async () => {
    const { session } = sessionFor(LISTENER);
    const room = await mount(session);

    await joined(room);

    expect((part(room, 'mute-button') as HTMLButtonElement).disabled).to.equal(true);
    expect(part(room, 'mute-button')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('passes axe as a host, light and dark', async () => {
    const { session } = sessionFor(HOST, roomState({ handQueue: [LISTENER] }));
    const room = await mount(session);

    await joined(room);
    await expectAccessible(room);
    room.theme = 'dark';
    await room.updateComplete;
    await expectAccessible(room);
  });

  it('rings the avatar of a member who talks', async () => {
    const { session, signaling } = sessionFor(SPEAKER, roomState({ media: 'janus' }));
    const room = await mount(session);

    // Janus rooms would connect media; this scripted one stays in the mesh to avoid it.
    signaling.handler = (draft) =>
      draft.type === T.ROOM_JOIN
        ? { type: T.ROOM_STATE, payload: encodeRoomState(roomState()) }
        : undefined;
    await joined(room);
    signaling.pushState(ROOM_ID, roomState({ media: 'janus', activeSpeakers: [HOST] }));
    await room.updateComplete;

    expect(memberCard(room, HOST).getAttribute('part')).to.contain('member-speaking');
    expect(memberCard(room, HOST).querySelector('.avatar.speaking')).to.not.equal(null);
    expect(memberCard(room, SPEAKER).getAttribute('part')).to.not.contain('member-speaking');
  });

  it('gives a host moderator buttons and sends its mute', async () => {
    const { session, signaling } = sessionFor(HOST);
    const room = await mount(session);

    await joined(room);

    const buttons = [...memberCard(room, SPEAKER).querySelectorAll('button')];
    const mute = buttons.find((button) => button.textContent!.trim() === 'Mute')!;

    const request = signaling.nextRequest(T.ROOM_MUTE);

    mute.click();

    expect(decodeRoomMute((await request).payload!)).to.deep.equal({
      account: SPEAKER,
      muted: true,
    });
    expect(signaling.requests(T.ROOM_MUTE)).to.have.length(1);
    expect(buttons.map((button) => button.textContent!.trim())).to.include.members([
      'Make Co-host',
      'Make Listener',
      'Remove',
    ]);
  });

  it('removes a member on chain with Remove', async () => {
    const host = hostWithChain();
    const room = await mount(host.session);

    await joined(room);

    const request = host.signaling.nextRequest(T.ROOM_KICK);
    const held = host.sends(1);
    const done = settledCall(host.session, 'kick');

    memberButton(room, LISTENER, 'Remove').click();

    expect(decodeRoomKick((await request).payload!)).to.deep.equal({ account: LISTENER });
    await held;
    expect(host.sent).to.deep.equal([
      { name: 'voiceRoom.kickUser', args: [`0x${ROOM_ID}`, LISTENER] },
    ]);
    await room.updateComplete;
    expect(memberButton(room, SPEAKER, 'Remove').disabled).to.equal(true);

    host.release();
    await done;
    await room.updateComplete;
    expect(memberButton(room, SPEAKER, 'Remove').disabled).to.equal(false);
    expect(part(room, 'error') === null).to.equal(true);

    host.signaling.pushState(
      ROOM_ID,
      roomState({ members: roomState().members.filter((entry) => entry.account !== LISTENER) }),
    );
    await room.updateComplete;
    expect(room.shadowRoot!.querySelector(`[data-account="${LISTENER}"]`) === null).to.equal(true);
    expect(parts(room, 'member')).to.have.length(2);
  });

  it('promotes and demotes a member on chain', async () => {
    const host = hostWithChain();
    const room = await mount(host.session);

    await joined(room);

    const promoted = host.signaling.nextRequest(T.ROOM_ROLE);
    const promotion = settledCall(host.session, 'setRole');

    memberButton(room, SPEAKER, 'Make Co-host').click();

    expect(decodeRoomRole((await promoted).payload!)).to.deep.equal({
      account: SPEAKER,
      role: 'CoHost',
    });
    await host.sends(1);
    host.release();
    await promotion;

    const withRole = (role: 'CoHost' | 'Listener') =>
      roomState({
        members: roomState().members.map((entry) =>
          entry.account === SPEAKER ? { ...entry, role } : entry,
        ),
      });

    host.signaling.pushState(ROOM_ID, withRole('CoHost'));
    await room.updateComplete;

    const badge = () => memberCard(room, SPEAKER).querySelector('[part="role-badge"]')!;

    expect(badge().textContent).to.contain('Co-host');
    expect(memberButton(room, SPEAKER, 'Make Co-host') === undefined).to.equal(true);
    expect(memberButton(room, SPEAKER, 'Make Speaker') !== undefined).to.equal(true);

    const demoted = host.signaling.nextRequest(T.ROOM_ROLE);
    const demotion = settledCall(host.session, 'setRole');

    memberButton(room, SPEAKER, 'Make Listener').click();

    expect(decodeRoomRole((await demoted).payload!)).to.deep.equal({
      account: SPEAKER,
      role: 'Listener',
    });
    await host.sends(2);
    host.release();
    await demotion;
    host.signaling.pushState(ROOM_ID, withRole('Listener'));
    await room.updateComplete;

    expect(host.sent).to.deep.equal([
      { name: 'voiceRoom.setRole', args: [`0x${ROOM_ID}`, SPEAKER, 'CoHost'] },
      { name: 'voiceRoom.setRole', args: [`0x${ROOM_ID}`, SPEAKER, 'Listener'] },
    ]);
    expect(badge().textContent).to.contain('Listener');
    expect(memberButton(room, SPEAKER, 'Make Listener') === undefined).to.equal(true);
    expect(memberButton(room, SPEAKER, 'Make Speaker') !== undefined).to.equal(true);
  });

  it('switches the speaking mode on chain', async () => {
    const host = hostWithChain();
    const room = await mount(host.session);

    await joined(room);

    const select = part(room, 'mode-select') as HTMLSelectElement;
    const turn = part(room, 'turn-input') as HTMLInputElement;
    const request = host.signaling.nextRequest(T.ROOM_MODE);
    const done = settledCall(host.session, 'setSpeakingMode');

    select.value = 'Sequential';
    turn.value = '30';
    part(room, 'mode-button')!.click();

    expect(decodeRoomMode((await request).payload!)).to.deep.equal({
      mode: 'Sequential',
      turnMs: 30_000,
    });
    await host.sends(1);
    await room.updateComplete;
    expect((part(room, 'mode-button') as HTMLButtonElement).disabled).to.equal(true);

    host.release();
    await done;
    host.signaling.pushState(ROOM_ID, roomState({ speakingMode: 'Sequential' }));
    await room.updateComplete;

    expect(host.sent).to.deep.equal([
      { name: 'voiceRoom.setSpeakingMode', args: [`0x${ROOM_ID}`, 'Sequential'] },
    ]);
    expect(host.session.snapshot?.speakingMode).to.equal('Sequential');
    expect((part(room, 'mode-select') as HTMLSelectElement).value).to.equal('Sequential');
    expect((part(room, 'mode-button') as HTMLButtonElement).disabled).to.equal(false);
  });

  it('closes the room on chain after confirming', async () => {
    const host = hostWithChain();
    const room = await mount(host.session);

    await joined(room);

    part(room, 'close-button')!.click();
    await room.updateComplete;
    expect(part(room, 'confirm')!.textContent).to.contain('Close the room for everyone?');

    part(room, 'cancel-button')!.click();
    await room.updateComplete;
    expect(part(room, 'confirm') === null).to.equal(true);
    expect(host.signaling.requests(T.ROOM_CLOSE)).to.have.length(0);
    expect(host.sent).to.deep.equal([]);

    part(room, 'close-button')!.click();
    await room.updateComplete;

    const request = host.signaling.nextRequest(T.ROOM_CLOSE);
    const done = settledCall(host.session, 'close');

    part(room, 'confirm-button')!.click();
    await request;
    await host.sends(1);
    host.release();
    await done;
    await room.updateComplete;

    expect(host.signaling.requests(T.ROOM_CLOSE)).to.have.length(1);
    expect(host.sent).to.deep.equal([{ name: 'voiceRoom.closeRoom', args: [`0x${ROOM_ID}`] }]);
    expect(host.session.state).to.equal('closed');
    expect(part(room, 'status')!.textContent).to.contain('closed');
    expect((part(room, 'join-button') as HTMLButtonElement).disabled).to.equal(true);
    expect(part(room, 'host-controls') === null, 'room controls after close').to.equal(true);
    expect(parts(room, 'member-actions')).to.have.length(0);
  });

  it('gives a listener no moderator buttons', async () => {
    const { session } = sessionFor(LISTENER);
    const room = await mount(session);

    await joined(room);

    expect(parts(room, 'member-actions')).to.have.length(0);
    expect(part(room, 'host-controls') === null, 'room controls after close').to.equal(true);
    expect(parts(room, 'member-actions')).to.have.length(0);
  });

  it('shows the mode controls to the host only', async () => {
    const coHostState = roomState();

    coHostState.members[1] = member(SPEAKER, { nickname: 'Bo', role: 'CoHost' });
    coHostState.members.push(
      member(SECOND_SPEAKER, { nickname: 'Di', role: 'Speaker', serverMuted: false }),
    );

    const coHost = await mount(sessionFor(SPEAKER, coHostState).session);
    const host = await mount(sessionFor(HOST, coHostState).session);

    await joined(coHost);
    await joined(host);

    const coHostButtons = [...memberCard(coHost, SECOND_SPEAKER).querySelectorAll('button')];

    // The co-host still moderates members, so only the room-wide controls are withheld.
    expect(coHostButtons.map((button) => button.textContent!.trim())).to.include('Mute');
    expect(part(coHost, 'host-controls')).to.equal(null);
    expect(part(coHost, 'mode-select')).to.equal(null);
    expect(part(host, 'mode-select')).to.not.equal(null);
    expect(part(host, 'close-button')).to.not.equal(null);
  });

  it('raises a listener hand and lets the host approve it', async () => {
    const listener = sessionFor(LISTENER);
    const listenerRoom = await mount(listener.session);

    await joined(listenerRoom);

    const raised = listener.signaling.nextRequest(T.ROOM_RAISE_HAND);

    part(listenerRoom, 'hand-button')!.click();
    await raised;

    const host = sessionFor(HOST, roomState({ handQueue: [LISTENER] }));
    const hostRoom = await mount(host.session);

    await joined(hostRoom);

    const approve = [...part(hostRoom, 'hands')!.querySelectorAll('button')][0]!;
    const answered = host.signaling.nextRequest(T.ROOM_RAISE_HAND);

    approve.click();
    await answered;

    expect(
      listener.signaling.requests(T.ROOM_RAISE_HAND).map((d) => decodeRoomRaiseHand(d.payload!)),
    ).to.deep.equal([{ raised: true, account: '', approved: undefined }]);
    expect(
      host.signaling.requests(T.ROOM_RAISE_HAND).map((d) => decodeRoomRaiseHand(d.payload!)),
    ).to.deep.equal([{ raised: false, account: LISTENER, approved: true }]);
  });

  it('counts down the sequential turn', async () => {
    const turn = { account: SPEAKER, endsAt: Date.now() + 42_000, turnMs: 60_000, queue: [] };
    const { session } = sessionFor(LISTENER, roomState({ speakingMode: 'Sequential', turn }));
    const room = await mount(session);

    await joined(room);

    expect(part(room, 'turn')!.textContent).to.match(/Bo has the floor · 0:4[12] left/);
    expect(part(room, 'mode')!.textContent).to.contain('Taking turns');
  });

  it('shows the reconnecting state while the media server is away', async () => {
    const { session, signaling } = sessionFor(SPEAKER);
    const room = await mount(session);

    await joined(room);
    signaling.pushState(ROOM_ID, roomState({ mediaState: 'reconnecting' }));
    await room.updateComplete;

    expect(session.state).to.equal('reconnecting');
    expect(part(room, 'status')!.textContent).to.contain('Reconnecting');
  });

  it('reports a refused unmute as an error event and alert', async () => {
    const { session, signaling } = sessionFor(SPEAKER);
    const room = await mount(session);

    await joined(room);
    signaling.handler = () => refuse('ROOM_NOT_ALLOWED');

    const failed = nextEvent<StardustErrorEvent>(room, 'stardust-error');

    part(room, 'mute-button')!.click();

    expect((await failed).detail.code).to.equal('ROOM_NOT_ALLOWED');
    await room.updateComplete;
    expect(part(room, 'error')!.textContent).to.contain('does not allow');
  });

  it('shows the removal when the member is kicked', async () => {
    const { session, signaling } = sessionFor(LISTENER);
    const room = await mount(session);

    await joined(room);

    const changed = nextEvent<StardustRoomStateChangeEvent>(room, 'stardust-room-state-change');

    signaling.push(T.ROOM_KICK, encodeRoomKick({ account: LISTENER }), ROOM_ID);

    expect((await changed).detail).to.deep.include({ state: 'left', reason: 'kicked' });
    await room.updateComplete;
    expect(part(room, 'status')!.textContent).to.contain('removed');
  });

  it('shows a closed room and disables joining', async () => {
    const { session, signaling } = sessionFor(LISTENER);
    const room = await mount(session);

    await joined(room);
    signaling.pushState(ROOM_ID, roomState({ closed: true }));
    await room.updateComplete;

    expect(session.state).to.equal('closed');
    expect(part(room, 'status')!.textContent).to.contain('closed');
    expect((part(room, 'join-button') as HTMLButtonElement).disabled).to.equal(true);
  });

  it('shows tips the room saw', async () => {
    const { session, signaling } = sessionFor(LISTENER);
    const room = await mount(session);

    await joined(room);

    const tipped = nextEvent<StardustRoomTipEvent>(room, 'stardust-room-tip');

    signaling.push(
      T.ROOM_TIP,
      encodeRoomTip({ to: SPEAKER, amount: 10n ** 11n, blockHash: `0x${'11'.repeat(32)}` }),
      ROOM_ID,
      HOST,
    );

    expect((await tipped).detail).to.deep.include({ from: HOST, to: SPEAKER, amount: 10n ** 11n });
    await room.updateComplete;
    expect(part(room, 'tips')!.textContent).to.contain('Ada tipped Bo: 0.1 DUST');
  });

  it('confirms the entry fee before joining on chain', async () => {
    const sends: string[] = [];
    // A stand-in for the chain client: the room's fee and the member's absence, as the
    // VoiceRoom wrappers return them. The real chain path is tested end to end.
    const chain = {
      voiceRoom: {
        room: async () => ({ name: 'Paid room', config: { entryFee: 5n * 10n ** 11n } }),
        member: async () => null,
        joinRoom: async () => ({ name: 'voiceRoom.joinRoom' }),
      },
    } as unknown as ChainClient;
    const sender = {
      account: LISTENER,
      send: async (call: { name: string }) => {
        sends.push(call.name);

        return {};
      },
    } as unknown as TxSender;
    const { session } = sessionFor(LISTENER, roomState(), { chain, sender });
    const room = await mount(session);

    const asked = nextEvent(room, 'focusin');

    part(room, 'join-button')!.click();
    await asked;

    expect(part(room, 'confirm')!.textContent).to.contain('0.5 DUST');
    expect(part(room, 'title')!.textContent).to.contain('Paid room');
    expect(sends).to.deep.equal([]);
    await expectAccessible(room);

    const changed = nextEvent(room, 'stardust-room-state-change');

    part(room, 'confirm-button')!.click();
    await changed;

    while (session.state === 'joining') await nextEvent(room, 'stardust-room-state-change');

    expect(sends).to.deep.equal(['voiceRoom.joinRoom']);
    expect(session.state).to.equal('joined');
  });

  it('asks for a wallet when it makes its own session', async () => {
    const config = await fixture<HTMLElement>(
      html`<stardust-voice-config
        chain="ws://127.0.0.1:9944"
        signaling="ws://127.0.0.1:8888/signal"
        ipfs-api="http://127.0.0.1:5001"
        gateways="http://127.0.0.1:8080"
      >
        <stardust-room room-id=${ROOM_ID}></stardust-room>
      </stardust-voice-config>`,
    );
    const room = config.querySelector<StardustRoom>('stardust-room')!;

    await room.updateComplete;

    const failed = nextEvent<StardustErrorEvent>(room, 'stardust-error');

    part(room, 'join-button')!.click();

    expect((await failed).detail.code).to.equal('INVALID_STATE');
    expect(room.session).to.equal(undefined);
  });

  it('renders Chinese with locale zh-CN', async () => {
    const { session } = sessionFor(HOST);
    const room = await mount(session, 'zh-CN');

    await joined(room);

    expect(part(room, 'status')!.textContent).to.contain('已在房间中');
    expect(memberCard(room, HOST).querySelector('[part="role-badge"]')!.textContent).to.contain(
      '主持人',
    );
    expect(part(room, 'leave-button')!.textContent).to.contain('离开');
  });
});
