/**
 * Stand-ins for the pallet wrappers that a chain client exposes before the chain layer's
 * chunk has loaded. Each stand-in has the wrapper's `name` and one method for every public
 * method of the wrapper. A call loads the chunk, then runs the real wrapper's method. Every
 * wrapper method is async and needs the chain anyway, so loading first changes no result.
 */
import type { ChainPallets } from './load-chain-layer.js';

/** The names of the async methods of `P`: the ones a stand-in forwards. */
type AsyncMethodName<P> = {
  [K in keyof P]: P[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof P];

/**
 * The forwarded methods of each wrapper. The `satisfies` clause fails the type check when a
 * wrapper gains or loses a public method and this table was not updated.
 */
const PALLET_METHODS = {
  balances: {
    transferKeepAlive: true,
    transferAllowDeath: true,
    transferAll: true,
    account: true,
    existentialDeposit: true,
  },
  chat: {
    sendMessage: true,
    sendVoiceMessage: true,
    deleteMessage: true,
    message: true,
    inbox: true,
    outbox: true,
    nextMessageId: true,
  },
  contacts: { block: true, unblock: true, blockedBy: true, isBlocked: true },
  proxy: { addProxy: true, removeProxy: true, proxy: true, proxies: true, proxyTypes: true },
  system: { remarkWithEvent: true },
  utility: { batchAll: true },
  voiceCall: {
    initiateCall: true,
    acceptCall: true,
    rejectCall: true,
    endCall: true,
    updateCallQuality: true,
    settleCall: true,
    deleteCallHistory: true,
    activeCall: true,
    currentCall: true,
    callHistory: true,
    callSettler: true,
    constants: true,
  },
  voiceMining: { userStats: true, pairRewardedOn: true, constants: true },
  voiceRoom: {
    createRoom: true,
    joinRoom: true,
    leaveRoom: true,
    kickUser: true,
    setMute: true,
    setRole: true,
    closeRoom: true,
    invite: true,
    setSpeakingMode: true,
    room: true,
    members: true,
    member: true,
    currentRoom: true,
    ownedRooms: true,
    isInvited: true,
    deposit: true,
    constants: true,
  },
} as const satisfies {
  [Name in keyof ChainPallets]: Record<AsyncMethodName<ChainPallets[Name]>, true>;
};

/** The pallet names as polkadot-js spells them, by the client property of each wrapper. */
const PALLET_NAMES = {
  balances: 'balances',
  chat: 'chat',
  contacts: 'contacts',
  proxy: 'proxy',
  system: 'system',
  utility: 'utility',
  voiceCall: 'voiceCall',
  voiceMining: 'voiceMining',
  voiceRoom: 'voiceRoom',
} as const satisfies { [Name in keyof ChainPallets]: ChainPallets[Name]['name'] };

/**
 * Creates a stand-in for each pallet wrapper. `load` resolves to the real wrappers; it is
 * called on every forwarded call, so it should cache them.
 */
export function lazyPallets(load: () => Promise<ChainPallets>): ChainPallets {
  const pallets: Record<string, unknown> = {};

  for (const [property, methods] of Object.entries(PALLET_METHODS)) {
    const key = property as keyof ChainPallets;
    const pallet: Record<string, unknown> = { name: PALLET_NAMES[key] };

    for (const method of Object.keys(methods)) {
      pallet[method] = async (...args: unknown[]): Promise<unknown> => {
        const real = (await load())[key] as unknown as Record<
          string,
          (...forwarded: unknown[]) => Promise<unknown>
        >;

        return real[method]!(...args);
      };
    }

    pallets[property] = pallet;
  }

  return pallets as unknown as ChainPallets;
}
