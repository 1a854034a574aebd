/**
 * Chain constants of the devnet: token, fees, call and room limits, mining rewards. They
 * are exposed as pallet constants in the metadata and documented in
 * docs/runtime-interface.md.
 */

/** 1 DUST in planck (12 decimals). */
export const DUST = 10n ** 12n;

export const TOKEN_SYMBOL = 'DUST';
export const TOKEN_DECIMALS = 12;
export const SS58_PREFIX = 42;

export const SPEC_NAME = 'stardust';
export const IMPL_NAME = 'stardust-voice-devnet';
export const SPEC_VERSION = 100;
export const TRANSACTION_VERSION = 1;

/** 0.001 DUST. */
export const EXISTENTIAL_DEPOSIT = DUST / 1000n;

/** Fee: a base of 0.0001 DUST plus 10^6 planck per encoded byte; no weight fee. */
export const BASE_FEE = DUST / 10_000n;
export const FEE_PER_BYTE = 1_000_000n;

/** Blocks whose hashes `System.BlockHash` keeps, the limit of a mortal era. */
export const BLOCK_HASH_COUNT = 4096;
/** Half the target block time, as pallet_timestamp defines it (6 s blocks). */
export const MINIMUM_PERIOD_MS = 3000n;
/** Maximum `ref_time` weight of one block: 2 s of execution, as polkadot-sdk templates use. */
export const MAX_BLOCK_WEIGHT = 2_000_000_000_000n;
/** Maximum encoded length of one block, 5 MiB; normal extrinsics get 75 % of it. */
export const MAX_BLOCK_LENGTH = 5 * 1024 * 1024;
export const NORMAL_DISPATCH_RATIO_PERCENT = 75n;

/** The treasury: `modl` ++ `py/trsry` padded with zeros to 32 bytes. */
export const TREASURY_ACCOUNT = `0x${Buffer.concat([Buffer.from('modlpy/trsry'), Buffer.alloc(20)]).toString('hex')}`;

export const CALL_FEE_PER_MINUTE = DUST / 100n;
export const CALL_TIMEOUT_MS = 60_000n;
export const MAX_CALL_DURATION_MS = 4n * 3600n * 1000n;
export const MAX_HISTORY_DELETE = 100;

export const REWARD_PER_MINUTE = (DUST * 5n) / 1000n;
export const DAILY_REWARD_CAP = DUST / 2n;
export const MIN_REWARDED_CALL_SECONDS = 60;
export const DAY_MS = 86_400_000n;

export const MAX_ROOM_MEMBERS = 50;
export const MAX_ROOMS_PER_USER = 5;
export const ROOM_CREATION_DEPOSIT = DUST;
export const MAX_ROOM_NAME_LENGTH = 64;

export const MAX_CID_LENGTH = 128;
export const MAX_WAVEFORM_LENGTH = 128;
export const MAX_TRANSCRIPTION_LENGTH = 1024;
export const MAX_CONTENT_LENGTH = 1024;

export const PROXY_DEPOSIT_BASE = DUST / 100n;
export const PROXY_DEPOSIT_FACTOR = DUST / 1000n;
export const MAX_PROXIES = 32;
export const MAX_BATCHED_CALLS = 10_922;

/** Endowment of each well-known dev account (Alice … Ferdie). */
export const DEV_ENDOWMENT = 1_000_000n * DUST;
/** Endowment of each `//MemberN` account. */
export const MEMBER_ENDOWMENT = 1_000n * DUST;
/** Endowment of the treasury, from which mining rewards are paid. */
export const TREASURY_ENDOWMENT = 1_000_000n * DUST;
/** Endowment of the `CallSettler` account, which pays fees for `settle_call`. */
export const SETTLER_ENDOWMENT = 1_000n * DUST;
