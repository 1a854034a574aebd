// The rooms demo page: each tab picks a dev account, lists and creates rooms, and opens one.
// It talks to the stack `npm start` runs: the devnet on :9944 and signaling on :8888
// (override with ?chain=…&signaling=…). Dev accounts sign without prompts. Rooms are a peer
// mesh of up to 6 members unless ?room-media=janus states that the signaling server has Janus.
import { defineElements } from '../components/index.js';
import type { StardustRoom } from '../components/room/room.js';
import type { StardustRoomList } from '../components/room-list/room-list.js';
import {
  RoomDirectory,
  StardustClient,
  createRoomSession,
  WalletSender,
  createDevSigner,
  type Locale,
} from '../src/index.js';

const DEV_ACCOUNTS = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie'];
const params = new URLSearchParams(location.search);
const host = location.hostname || '127.0.0.1';
const config = {
  chain: params.get('chain') ?? `ws://${host}:9944`,
  signaling: params.get('signaling') ?? `ws://${host}:8888/signal`,
  ipfsApi: params.get('ipfs') ?? `http://${host}:5001`,
  gateways: [params.get('gateway') ?? `http://${host}:8080`],
};

const accountSelect = document.querySelector<HTMLSelectElement>('#account')!;
const nicknameInput = document.querySelector<HTMLInputElement>('#nickname')!;
const localeSelect = document.querySelector<HTMLSelectElement>('#locale')!;
const status = document.querySelector<HTMLElement>('#status')!;
const rooms = document.querySelector<HTMLElement>('#rooms')!;
let client: StardustClient | undefined;
let sender: WalletSender | undefined;

defineElements();

for (const seed of DEV_ACCOUNTS) accountSelect.add(new Option(seed.slice(2), seed));

// Each tab starts with another account, so two tabs are two members without any clicks.
accountSelect.value = params.get('as') ?? DEV_ACCOUNTS[tabIndex() % DEV_ACCOUNTS.length]!;
nicknameInput.value = accountSelect.value.slice(2);

document.querySelector('#account-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  void useAccount();
});

await useAccount();

if (location.hash.length > 1) await openRoom(location.hash.slice(1));

/** Builds a client for the chosen dev account and shows the room list. */
async function useAccount(): Promise<void> {
  const seed = accountSelect.value;

  status.textContent = `Signing in as ${seed.slice(2)}…`;
  rooms.replaceChildren();
  await client?.dispose();

  const signer = await createDevSigner(seed);

  client = new StardustClient({ ...config, locale: localeSelect.value as Locale });
  client.useWallet(signer);
  sender = new WalletSender(client.chain, signer);

  const list = document.createElement('stardust-room-list') as StardustRoomList;

  list.directory = new RoomDirectory({ chain: client.chain, sender });
  list.sender = sender;
  list.media = params.get('room-media') === 'janus' ? 'janus' : 'mesh';
  list.locale = localeSelect.value;
  list.addEventListener('stardust-room-select', ({ detail }) => void openRoom(detail.roomId));
  list.addEventListener('stardust-room-created', ({ detail }) => void openRoom(detail.roomId));
  list.addEventListener('stardust-error', ({ detail }) => report(detail));
  rooms.append(list);
  status.textContent = `Signed in as ${seed.slice(2)} (${signer.account.address}).`;
}

/** Shows a room, in place of the one shown before. */
async function openRoom(roomId: string): Promise<void> {
  rooms.querySelector('stardust-room')?.remove();

  const room = document.createElement('stardust-room') as StardustRoom;

  room.setAttribute('room-id', roomId);
  room.locale = localeSelect.value;
  room.session = createRoomSession(client!, roomId, {
    sender,
    tipSender: sender,
    nickname: nicknameInput.value.trim(),
  });
  room.addEventListener('stardust-error', ({ detail }) => report(detail));
  rooms.append(room);
  history.replaceState(null, '', `?as=${encodeURIComponent(accountSelect.value)}#${roomId}`);
}

function report(detail: { code: string; message: string }): void {
  status.textContent = `${detail.code}: ${detail.message}`;
}

/** Numbers the tabs of this browser, so each starts with another account. */
function tabIndex(): number {
  const stored = sessionStorage.getItem('stardust-demo-tab');

  if (stored !== null) return Number(stored);

  const next = Number(localStorage.getItem('stardust-demo-tabs') ?? 0);

  localStorage.setItem('stardust-demo-tabs', String(next + 1));
  sessionStorage.setItem('stardust-demo-tab', String(next));

  return next;
}
