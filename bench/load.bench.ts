/**
 * `load`: the signaling load of the soak suite, which is 1,000 clients on two instances
 * sharing Redis, 100 calls negotiating across them and a room of 50 fanning out. Its floor
 * is a bare relay carrying the same frames with the same pacing over the same Redis. The
 * entry also times how long a crashed instance's clients take to come back on the other.
 *
 * Servers run in child processes; the clients run here for both, so both face the same
 * client cost.
 */
import { startBareRelay } from '../test/support/load/bare-relay.js';
import { runLoad, STANDARD_LOAD, type LoadFigures } from '../test/support/load/load-scenario.js';
import { TEST_GENESIS } from '../test/support/raw-signal-client.js';
import { startRedis } from '../test/support/redis.js';
import { startSignalingProcess } from '../test/support/signaling-process.js';
import { soakClient } from '../test/soak/support/soak-clients.js';
import type { BenchEntry } from './entry.js';
import { quantile, round } from './entry.js';

const GENESIS_HEX = `0x${Buffer.from(TEST_GENESIS).toString('hex')}`;
const FAILOVER_CLIENTS = 200;
/** The default reconnect policy's cap on the first delay after an abnormal close. */
const FIRST_DELAY_CAP_MS = 500;

interface OurRun {
  figures: LoadFigures;
  rssBytes: number[];
  idleRssBytes: number[];
}

async function ours(): Promise<OurRun> {
  const redis = await startRedis();
  const instances = await Promise.all(
    ['load-a', 'load-b'].map((serverId) =>
      startSignalingProcess({
        genesisHash: GENESIS_HEX,
        redisUrl: redis.url,
        broadcastRooms: true,
        serverId,
      }),
    ),
  );
  const rss = async (): Promise<number[]> =>
    (await Promise.all(instances.map((instance) => instance.stats()))).map(
      (stats) => stats.memory.rss,
    );

  try {
    const idleRssBytes = await rss();
    let rssBytes: number[] = [];
    const figures = await runLoad({
      mode: 'signaling',
      urls: instances.map((instance) => instance.url),
      genesisHash: TEST_GENESIS,
      ...STANDARD_LOAD,
      onFinished: async () => {
        rssBytes = await rss();
      },
    });

    return { figures, rssBytes, idleRssBytes };
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
    await redis.close();
  }
}

async function bare(): Promise<LoadFigures> {
  const redis = await startRedis();
  const relays = await Promise.all([startBareRelay(redis.url), startBareRelay(redis.url)]);

  try {
    return await runLoad({
      mode: 'bare',
      urls: relays.map((relay) => relay.url),
      genesisHash: TEST_GENESIS,
      ...STANDARD_LOAD,
    });
  } finally {
    await Promise.all(relays.map((relay) => relay.stop()));
    await redis.close();
  }
}

/** Kills one of two instances and times its clients' return on the other, in real time. */
async function failover(): Promise<Record<string, number>> {
  const redis = await startRedis();
  const [doomed, survivor] = await Promise.all(
    ['doomed', 'survivor'].map((serverId) =>
      startSignalingProcess({ genesisHash: GENESIS_HEX, redisUrl: redis.url, serverId }),
    ),
  );
  const clients = Array.from({ length: FAILOVER_CLIENTS }, () =>
    soakClient({ urls: [doomed!.url, survivor!.url] }),
  );

  try {
    const connectStarted = performance.now();
    const connected = await Promise.all(
      clients.map(({ client }) => client.connect().then(() => performance.now() - connectStarted)),
    );
    const back = clients.map(({ client }) =>
      client.once('authenticated').then(() => performance.now()),
    );
    const killedAt = performance.now();

    await doomed!.kill();

    const returned = (await Promise.all(back)).map((at) => at - killedAt);
    const attempts = clients.map(({ reconnects }) => reconnects.length);
    const connectP99 = quantile(connected, 0.99);
    const bound = FIRST_DELAY_CAP_MS + connectP99;

    return {
      failover_clients: FAILOVER_CLIENTS,
      failover_p50_ms: Math.round(quantile(returned, 0.5)),
      failover_p99_ms: Math.round(quantile(returned, 0.99)),
      failover_max_ms: Math.round(Math.max(...returned)),
      failover_max_attempts: Math.max(...attempts),
      failover_connect_p99_ms: Math.round(connectP99),
      failover_bound_ms: Math.round(bound),
      failover_ratio: round(quantile(returned, 0.99) / bound),
    };
  } finally {
    await Promise.all(clients.map(({ client }) => client.close()));
    await Promise.all([doomed!.kill(), survivor!.stop()]);
    await redis.close();
  }
}

export const loadBench: BenchEntry = {
  async run() {
    const signaling = await ours();
    const floor = await bare();
    const failed = await failover();
    const { figures } = signaling;

    if (figures.lost > 0 || floor.lost > 0) {
      throw new Error(`messages were lost: ${figures.lost} through signaling, ${floor.lost} bare`);
    }

    return {
      clients: figures.clients,
      instances: 2,
      calls: figures.calls,
      room_members: figures.room_members,
      deliveries: figures.delivered,
      lost: figures.lost,
      connect_ms: figures.connect_ms,
      deliveries_per_s: figures.deliveries_per_s,
      p50_ms: figures.p50_ms,
      p99_ms: figures.p99_ms,
      max_ms: figures.max_ms,
      bare_p50_ms: floor.p50_ms,
      bare_p99_ms: floor.p99_ms,
      bare_max_ms: floor.max_ms,
      bare_deliveries_per_s: floor.deliveries_per_s,
      p50_ratio: round(figures.p50_ms / floor.p50_ms),
      p99_ratio: round(figures.p99_ms / floor.p99_ms),
      server_rss_mb: signaling.rssBytes.map((bytes) => round(bytes / 2 ** 20, 1)),
      server_idle_rss_mb: signaling.idleRssBytes.map((bytes) => round(bytes / 2 ** 20, 1)),
      ...failed,
      floors: {
        bare_p50_ms:
          'bare ws relay in two processes over the same Redis: the same signed frames and pacing, forwarded by target ids with no authentication, decoding or checks',
        bare_p99_ms: 'the same bare relay',
        failover_bound_ms: `the reconnect policy's first-delay cap (${FIRST_DELAY_CAP_MS} ms) plus the p99 time to connect and authenticate the same ${FAILOVER_CLIENTS} clients at once`,
      },
      comparisons: {
        p50_ratio: ['p50_ms', 'bare_p50_ms'],
        p99_ratio: ['p99_ms', 'bare_p99_ms'],
        failover_ratio: ['failover_p99_ms', 'failover_bound_ms'],
      },
    };
  },
};
