/**
 * The devnet chain: blocks, the head state with recent history, the transaction pool,
 * block production (instant seal or an interval), chain time, dev controls and persistence.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import { hexToU8a, u8aToHex } from '@polkadot/util';
import type { Logger } from 'pino';

import {
  BLOCK_HASH_COUNT,
  MAX_BLOCK_LENGTH,
  NORMAL_DISPATCH_RATIO_PERCENT,
  SPEC_VERSION,
  TRANSACTION_VERSION,
} from './constants.js';
import { writeGenesis, type GenesisConfig } from './genesis.js';
import { reducibleBalance } from './pallets/balances.js';
import { partialFee } from './pallets/payment-utility.js';
import { account } from './pallets/system.js';
import { runtimeDefinition, type RuntimeDefinition } from './runtime/assemble.js';
import type { ChainView } from './runtime/chain-view.js';
import {
  buildBlock,
  extrinsicsRoot,
  headerHash,
  stateDigest,
  type Header,
} from './runtime/executive.js';
import {
  decodeExtrinsic,
  TransactionRejected,
  validateSigned,
  type DecodedExtrinsic,
} from './runtime/extrinsic.js';
import { Runtime } from './runtime/runtime.js';
import { Storage, type RawState } from './runtime/storage.js';

/** A stored block. */
export interface Block {
  hash: string;
  header: Header;
  /** Encoded extrinsics, 0x-hex. */
  extrinsics: string[];
}

/** Status updates of a watched transaction, as `author_extrinsicUpdate` sends them. */
export type TransactionStatus =
  'ready' | { inBlock: string } | { finalized: string } | 'invalid' | 'dropped';

/** A pool-level rejection that is not a validity error (RPC codes 1012–1014). */
export class PoolRejected extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data: string,
  ) {
    super(message);
    this.name = 'PoolRejected';
  }
}

/** Options of {@link Chain.open}. */
export interface ChainOptions extends GenesisConfig {
  /** Milliseconds between blocks; 0 seals one block per submitted extrinsic. */
  blockTimeMs: number;
  /** JSON file the state is written to after each block and read from at start. */
  stateFile?: string;
  logger: Logger;
}

interface PoolEntry {
  ext: DecodedExtrinsic;
  watch?: (status: TransactionStatus) => void;
}

interface StateFile {
  format: 'stardust-devnet-state';
  version: 1;
  genesisHash: string;
  head: string;
  timeOffsetMs: string;
  lastTimestamp: string;
  blocks: Block[];
  state: Record<string, string>;
}

/** States kept for queries at older blocks, like a node's default pruning of 256 blocks. */
const STATE_HISTORY = 256;
const STATE_FILE_FORMAT = 'stardust-devnet-state';

/** Emits `block` (a new head, with the state before it) after every block. */
export class Chain extends EventEmitter<{ block: [Block, RawState] }> {
  readonly definition: RuntimeDefinition;
  readonly genesisHash: string;

  readonly #options: ChainOptions;
  readonly #blocks = new Map<string, Block>();
  readonly #hashByNumber = new Map<number, string>();
  readonly #states = new Map<string, RawState>();
  readonly #pool: PoolEntry[] = [];
  #storage: Storage;
  #rt: Runtime;
  #head!: Block;
  #timeOffsetMs = 0n;
  #lastTimestamp = 0n;
  #pendingTimestamp: bigint | undefined;
  #timer: NodeJS.Timeout | undefined;
  #sealScheduled = false;
  #persistScheduled = false;
  #closed = false;

  private constructor(options: ChainOptions, loaded: StateFile | undefined) {
    super();
    this.#options = options;
    this.definition = runtimeDefinition();
    this.#storage = new Storage();
    this.#rt = this.#runtimeOver(this.#storage);

    if (loaded === undefined) {
      writeGenesis(this.#rt, options);

      const header: Header = {
        parentHash: `0x${'00'.repeat(32)}`,
        number: 0,
        stateRoot: stateDigest(this.#storage),
        extrinsicsRoot: extrinsicsRoot([]),
      };

      this.#addBlock({ hash: headerHash(header), header, extrinsics: [] });
    } else {
      this.#restore(loaded);
    }

    this.genesisHash = this.#hashByNumber.get(0)!;
  }

  /** Opens the chain: from `stateFile` when it exists, else from genesis. */
  static open(options: ChainOptions): Chain {
    const loaded =
      options.stateFile !== undefined && existsSync(options.stateFile)
        ? readStateFile(options.stateFile)
        : undefined;
    const chain = new Chain(options, loaded);

    if (options.blockTimeMs > 0) {
      chain.#timer = setInterval(() => chain.#produce(chain.#pool.length), options.blockTimeMs);
    }

    return chain;
  }

  get head(): Block {
    return this.#head;
  }

  /** The runtime over the head state (for reads between blocks). */
  get runtime(): Runtime {
    return this.#rt;
  }

  block(hash: string): Block | undefined {
    return this.#blocks.get(hash);
  }

  blockHashAt(number: number): string | undefined {
    return this.#hashByNumber.get(number);
  }

  /** Pending extrinsics, 0x-hex. */
  get pending(): string[] {
    return this.#pool.map((entry) => u8aToHex(entry.ext.bytes));
  }

  /** How many pool transactions `who` signed. */
  pendingFrom(who: string): number {
    return this.#pool.filter((entry) => entry.ext.signed?.signer === who).length;
  }

  /** The state at `hash` (the head by default); throws when unknown or pruned. */
  stateAt(hash?: string): RawState {
    const target = hash ?? this.#head.hash;
    const state = this.#states.get(target);

    if (state === undefined) {
      throw new RangeError(
        this.#blocks.has(target)
          ? `State already discarded for ${target}`
          : `Header was not found in the database: ${target}`,
      );
    }

    return state;
  }

  /** A read-only runtime over the state at `hash`. */
  runtimeAt(hash?: string): Runtime {
    if (hash === undefined || hash === this.#head.hash) return this.#rt;

    return this.#runtimeOver(new Storage(this.stateAt(hash)));
  }

  /**
   * Validates and queues an extrinsic; returns its hash. Throws ExtrinsicFormatError,
   * TransactionRejected or PoolRejected.
   */
  submit(bytes: Uint8Array, watch?: (status: TransactionStatus) => void): string {
    const ext = decodeExtrinsic(
      bytes,
      (call) => this.definition.registry.createType('Call', call).encodedLength,
    );

    if (this.#pool.some((entry) => entry.ext.hash === ext.hash)) {
      throw new PoolRejected(
        1013,
        'Transaction Already Imported',
        'The transaction is already in the pool.',
      );
    }

    if (ext.signed === undefined) throw new TransactionRejected('unknown', 'NoUnsignedValidator');

    const signer = ext.signed.signer;
    const queued =
      signer === undefined ? [] : this.#pool.filter((entry) => entry.ext.signed?.signer === signer);
    const nonce = signer === undefined ? 0 : account(this.#rt, signer).nonce;

    if (queued.some((entry) => entry.ext.signed!.nonce === ext.signed!.nonce)) {
      throw new PoolRejected(
        1014,
        'Priority is too low: (0 vs 0)',
        'The transaction has too low priority to replace another transaction already in the pool.',
      );
    }

    validateSigned(this.#view(), ext, nonce + queued.length);
    this.#pool.push({ ext, watch });

    if (this.#options.blockTimeMs === 0) this.#scheduleSeal();

    return ext.hash;
  }

  /** Builds `count` blocks now with whatever the pool holds; returns the last hash. */
  newBlocks(count: number): string {
    for (let i = 0; i < count; i += 1) this.#produce(this.#pool.length);

    return this.#head.hash;
  }

  /** Sets the next block's timestamp to `target` ms; later blocks continue from there. */
  timeTravel(target: bigint): bigint {
    if (target < this.#lastTimestamp) {
      throw new RangeError(
        `target ${target} is before the head's timestamp ${this.#lastTimestamp}`,
      );
    }

    this.#timeOffsetMs = target - BigInt(Date.now());
    this.#pendingTimestamp = target;

    return target;
  }

  /** Overwrites raw storage of the head state (null deletes); returns the head hash. */
  setStorage(pairs: Array<[string, string | null]>): string {
    const before = this.stateAt();

    for (const [key, value] of pairs) {
      const raw = key.replace(/^0x/, '').toLowerCase();

      if (value === null) this.#storage.delete(raw);
      else this.#storage.set(raw, hexToU8a(value));
    }

    this.#states.set(this.#head.hash, this.#storage.snapshot());
    this.emit('block', this.#head, before);
    this.#schedulePersist();

    return this.#head.hash;
  }

  /** Stops block production and writes the state file one last time. */
  close(): void {
    if (this.#closed) return;

    this.#closed = true;
    clearInterval(this.#timer);

    for (const entry of this.#pool.splice(0)) entry.watch?.('dropped');

    this.#persist();
  }

  #scheduleSeal(): void {
    if (this.#sealScheduled) return;

    this.#sealScheduled = true;
    setImmediate(() => {
      this.#sealScheduled = false;

      if (this.#closed || this.#pool.length === 0) return;

      // Instant seal: one block per extrinsic, in submission order.
      this.#produce(1);

      if (this.#pool.length > 0) this.#scheduleSeal();
    });
  }

  /** Builds one block with up to `limit` pool transactions. */
  #produce(limit: number): void {
    if (this.#closed) return;

    const taken = this.#pool.slice(0, limit);
    const before = this.stateAt();
    const timestamp = this.#nextTimestamp();
    let outcome: ReturnType<typeof buildBlock>;

    try {
      outcome = this.#storage.transaction(() =>
        buildBlock(this.#rt, {
          parentHash: this.#head.hash,
          timestamp,
          transactions: taken.map((entry) => entry.ext),
          onBug: (error, ext) =>
            this.#options.logger.error(
              { err: error, tx: ext.hash },
              'dispatch threw; recorded as DispatchError::Other',
            ),
        }),
      );
    } catch (error) {
      // A bug in a hook: keep the chain at its head, drop the transactions that were in it,
      // and keep serving rather than crash the process.
      this.#options.logger.error(
        {
          err: error,
          number: this.#head.header.number + 1,
          txs: taken.map((entry) => entry.ext.hash),
        },
        'block building failed; its transactions were dropped',
      );
      this.#pendingTimestamp ??= timestamp;
      this.#pool.splice(0, taken.length);

      for (const entry of taken) entry.watch?.('dropped');

      return;
    }

    const block: Block = {
      hash: outcome.hash,
      header: outcome.header,
      extrinsics: outcome.extrinsics.map((bytes) => u8aToHex(bytes)),
    };
    const deferred = new Set(outcome.deferred);
    const done = taken.filter((entry) => !deferred.has(entry.ext));

    this.#pool.splice(0, taken.length, ...taken.filter((entry) => deferred.has(entry.ext)));
    this.#lastTimestamp = timestamp;
    this.#addBlock(block);
    this.#options.logger.debug(
      {
        number: block.header.number,
        hash: block.hash,
        extrinsics: block.extrinsics.length,
        events: this.#rt.events.length,
      },
      'block',
    );

    for (const { extrinsic, error } of outcome.dropped) {
      this.#options.logger.info(
        { tx: extrinsic.hash, reason: error.message },
        'transaction dropped at inclusion',
      );
    }

    this.emit('block', block, before);
    this.#notify(
      done,
      outcome.dropped.map((entry) => entry.extrinsic),
      block.hash,
    );
    this.#schedulePersist();
  }

  /** InBlock now, Finalized in a later tick: ApiPromise loses InBlock when both arrive together. */
  #notify(done: PoolEntry[], dropped: DecodedExtrinsic[], hash: string): void {
    const droppedSet = new Set(dropped);

    for (const entry of done) {
      if (droppedSet.has(entry.ext)) entry.watch?.('invalid');
      else entry.watch?.({ inBlock: hash });
    }

    setImmediate(() => {
      for (const entry of done) if (!droppedSet.has(entry.ext)) entry.watch?.({ finalized: hash });
    });
  }

  #nextTimestamp(): bigint {
    const pending = this.#pendingTimestamp;

    this.#pendingTimestamp = undefined;

    if (pending !== undefined) return pending;

    const wall = BigInt(Date.now()) + this.#timeOffsetMs;

    return wall > this.#lastTimestamp ? wall : this.#lastTimestamp + 1n;
  }

  #addBlock(block: Block): void {
    this.#blocks.set(block.hash, block);
    this.#hashByNumber.set(block.header.number, block.hash);
    this.#states.set(block.hash, this.#storage.snapshot());
    this.#head = block;

    const prunedNumber = block.header.number - BLOCK_HASH_COUNT;

    // Keep genesis and the blocks a mortal era can refer to.
    if (prunedNumber > 0) {
      const pruned = this.#hashByNumber.get(prunedNumber);

      this.#hashByNumber.delete(prunedNumber);

      if (pruned !== undefined) this.#blocks.delete(pruned);
    }

    const oldState = this.#hashByNumber.get(block.header.number - STATE_HISTORY);

    if (oldState !== undefined && block.header.number - STATE_HISTORY > 0)
      this.#states.delete(oldState);
  }

  #view(): ChainView {
    const rt = this.#rt;
    const head = this.#head;

    return {
      nextBlockNumber: head.header.number + 1,
      genesisHash: hexToU8a(this.genesisHash),
      specVersion: SPEC_VERSION,
      transactionVersion: TRANSACTION_VERSION,
      maxExtrinsicLength: Number((BigInt(MAX_BLOCK_LENGTH) * NORMAL_DISPATCH_RATIO_PERCENT) / 100n),
      blockHash: (number) => {
        if (number === head.header.number) return hexToU8a(head.hash);

        if (number === 0) return hexToU8a(this.genesisHash);

        return rt.has('System', 'BlockHash', [number])
          ? hexToU8a(rt.get<string>('System', 'BlockHash', [number])!)
          : undefined;
      },
      account: (who) => account(rt, who),
      spendable: (who) => reducibleBalance(rt, who, true),
      feeFor: (length) => partialFee(length),
    };
  }

  #runtimeOver(storage: Storage): Runtime {
    const { registry, types, pallets } = this.definition;

    return new Runtime(storage, registry, types, pallets);
  }

  #schedulePersist(): void {
    if (this.#options.stateFile === undefined || this.#persistScheduled) return;

    this.#persistScheduled = true;
    setImmediate(() => {
      this.#persistScheduled = false;
      this.#persist();
    });
  }

  /** Writes the state file atomically: a temporary file renamed over the old one. */
  #persist(): void {
    const file = this.#options.stateFile;

    if (file === undefined) return;

    const state: Record<string, string> = {};

    for (const [key, value] of this.stateAt()) state[key] = u8aToHex(value);

    const content: StateFile = {
      format: STATE_FILE_FORMAT,
      version: 1,
      genesisHash: this.genesisHash ?? this.#hashByNumber.get(0)!,
      head: this.#head.hash,
      timeOffsetMs: this.#timeOffsetMs.toString(),
      lastTimestamp: this.#lastTimestamp.toString(),
      blocks: [...this.#hashByNumber.values()].map((hash) => this.#blocks.get(hash)!),
      state,
    };
    const temporary = `${file}.${process.pid}.tmp`;

    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify(content));
    renameSync(temporary, file);
  }

  #restore(loaded: StateFile): void {
    for (const [key, value] of Object.entries(loaded.state))
      this.#storage.set(key, hexToU8a(value));

    const blocks = [...loaded.blocks].sort((a, b) => a.header.number - b.header.number);

    for (const block of blocks) {
      this.#blocks.set(block.hash, block);
      this.#hashByNumber.set(block.header.number, block.hash);
    }

    this.#head = this.#blocks.get(loaded.head)!;
    this.#states.set(loaded.head, this.#storage.snapshot());
    this.#timeOffsetMs = BigInt(loaded.timeOffsetMs);
    this.#lastTimestamp = BigInt(loaded.lastTimestamp);
  }
}

function readStateFile(file: string): StateFile {
  let parsed: StateFile;

  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as StateFile;
  } catch (error) {
    throw new TypeError(
      `${file} could not be parsed as a devnet state file; delete it to start a new chain`,
      { cause: error },
    );
  }

  if (
    parsed.format !== STATE_FILE_FORMAT ||
    parsed.version !== 1 ||
    !Array.isArray(parsed.blocks)
  ) {
    throw new TypeError(
      `${file} is not a devnet state file (format ${STATE_FILE_FORMAT}, version 1)`,
    );
  }

  if (
    !parsed.blocks.some((block) => block.hash === parsed.head) ||
    !parsed.blocks.some((block) => block.header.number === 0)
  ) {
    throw new TypeError(`${file} lacks its head or genesis block; delete it to start a new chain`);
  }

  return parsed;
}
