// The servers of the room tests: the devnet, Janus (unless the test runs the mesh), the
// signaling server with the room service as its room handler, and a Chromium whose pages
// hold the members.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { KeyringPair } from '@polkadot/keyring/types';

import { JanusPool } from '../../../server/signaling/janus/pool.js';
import { PolkadotRoomChain } from '../../../server/signaling/rooms/polkadot-room-chain.js';
import {
  RoomService,
  type RoomServiceOptions,
} from '../../../server/signaling/rooms/room-service.js';
import {
  startSignalingServer,
  type SignalingServerHandle,
} from '../../../server/signaling/server.js';
import {
  eventData,
  startDevnetClient,
  submit,
  type DevnetFixture,
} from '../../support/devnet-client.js';
import { startJanus, type JanusFixture } from '../../support/janus.js';
import { RoomBrowser } from './room-pages.js';

/** Options of {@link startRoomStack}. */
export interface RoomStackOptions {
  /** Start Janus; false runs rooms in the peer mesh. */
  janus: boolean;
  /** `//MemberN` accounts the devnet endows. */
  devAccounts: number;
  /** Extra options of the room service. */
  service?: Partial<RoomServiceOptions>;
}

/** The running servers and the helpers the tests use. */
export interface RoomStack {
  chain: DevnetFixture;
  janus?: JanusFixture;
  pool?: JanusPool;
  roomChain: PolkadotRoomChain;
  service: RoomService;
  signaling: SignalingServerHandle;
  browser: RoomBrowser;
  /** What a page member needs to connect: the signaling URL, the genesis and the chain. */
  urls: { signalingUrl: string; genesisHash: string; chainUrl: string };
  /** `//MemberN`. */
  member(index: number): KeyringPair;
  /** Creates a room on chain as `host` and returns its id (bare hex). */
  createRoom(host: KeyringPair, config?: Record<string, unknown>): Promise<string>;
  /** Kills Janus as a crash would and starts it again on the same port and admin key. */
  restartJanus(): Promise<void>;
  /** Sends a VoiceRoom call on chain and fails on a dispatch error. */
  voiceRoom(signer: KeyringPair, call: string, ...args: unknown[]): Promise<void>;
  close(): Promise<void>;
}

/** Starts the room test servers. */
export async function startRoomStack(options: RoomStackOptions): Promise<RoomStack> {
  const stateDir = mkdtempSync(join(tmpdir(), 'stardust-rooms-'));
  const closers: Array<() => Promise<unknown>> = [];

  try {
    const chain = await startDevnetClient({ devAccounts: options.devAccounts });

    closers.push(() => chain.close());

    let janus: JanusFixture | undefined;
    let pool: JanusPool | undefined;

    if (options.janus) {
      janus = await startJanus({ stateDir: join(stateDir, 'janus'), debugLevel: 3 });
      closers.push(() => janus!.close());
      pool = new JanusPool({
        servers: [{ name: 'janus-test', url: janus.wsUrl, adminKey: janus.adminKey }],
      });
      await pool.connect();
      closers.push(() => pool!.close());
    }

    const roomChain = await PolkadotRoomChain.connect({ url: chain.devnet.url });

    closers.push(() => roomChain.close());

    const service = new RoomService({ chain: roomChain, janus: pool, ...options.service });
    const signaling = await startSignalingServer({
      port: 0,
      genesisHash: chain.devnet.genesisHash,
      roomHandler: service,
      logLevel: 'silent',
    });

    // The signaling server closes its room handler when it stops.
    closers.push(() => signaling.close());

    const browser = await RoomBrowser.launch();

    closers.push(() => browser.close());

    const voiceRoom = async (signer: KeyringPair, call: string, ...args: unknown[]) => {
      const tx = chain.api.tx.voiceRoom[call]!(...args);
      const included = await submit(chain, tx, signer);

      if (included.error !== undefined)
        throw new Error(`voiceRoom.${call} failed: ${included.error}`);
    };

    const stack: RoomStack = {
      chain,
      janus,
      pool,
      roomChain,
      service,
      signaling,
      browser,
      urls: {
        signalingUrl: signaling.url,
        genesisHash: chain.devnet.genesisHash,
        chainUrl: chain.devnet.url,
      },
      member: (index) => chain.pair(`//Member${index}`),
      async createRoom(host, config = {}) {
        const created = await submit(
          chain,
          chain.api.tx.voiceRoom.createRoom('Test room', {
            maxMembers: 50,
            isPublic: true,
            entryFee: 0,
            speakingMode: 'FreeSpeak',
            ...config,
          }),
          host,
        );

        if (created.error !== undefined) throw new Error(`createRoom failed: ${created.error}`);

        return (eventData(created, 'voiceRoom.RoomCreated').roomId as string).slice(2);
      },
      voiceRoom,
      async restartJanus() {
        const old = janus!;

        await old.kill();
        janus = await startJanus({
          stateDir: join(stateDir, 'janus'),
          port: old.port,
          adminKey: old.adminKey,
          debugLevel: 3,
        });
        closers.push(() => janus!.close());
        stack.janus = janus;
      },
      async close() {
        for (const close of closers.reverse()) await close().catch(() => {});

        rmSync(stateDir, { recursive: true, force: true });
      },
    };

    return stack;
  } catch (error) {
    for (const close of closers.reverse()) await close().catch(() => {});

    rmSync(stateDir, { recursive: true, force: true });

    throw error;
  }
}
