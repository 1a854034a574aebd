// Load on two signaling instances sharing Redis: 1,000 authenticated clients, 100 calls
// negotiating across the instances at once, and a room of 50 members whose updates fan
// out to every other member. No message between connected parties is lost, duplicated or
// misrouted, no client is refused or rate limited, and both instances stay up. The figures
// (latency, memory) are printed here and recorded by `npm run bench -- load`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { runLoad, STANDARD_LOAD, type LoadFigures } from '../support/load/load-scenario.js';
import { startSignalingProcess, type SignalingProcess } from '../support/signaling-process.js';
import { startRedis, type RedisHandle } from '../support/redis.js';
import { TEST_GENESIS } from '../support/raw-signal-client.js';

const LOAD = STANDARD_LOAD;

let redis: RedisHandle;
let instances: SignalingProcess[] = [];
let figures: LoadFigures;
let connections: number[] = [];
let rssBytes: number[] = [];

before(async () => {
  redis = await startRedis();

  const options = {
    genesisHash: `0x${Buffer.from(TEST_GENESIS).toString('hex')}`,
    redisUrl: redis.url,
    broadcastRooms: true,
  };

  instances = await Promise.all([
    startSignalingProcess({ ...options, serverId: 'load-a' }),
    startSignalingProcess({ ...options, serverId: 'load-b' }),
  ]);

  figures = await runLoad({
    mode: 'signaling',
    urls: instances.map((instance) => instance.url),
    genesisHash: TEST_GENESIS,
    ...LOAD,
    onConnected: async () => {
      connections = (await Promise.all(instances.map((instance) => instance.stats()))).map(
        (stats) => stats.connections,
      );
    },
    onFinished: async () => {
      rssBytes = (await Promise.all(instances.map((instance) => instance.stats()))).map(
        (stats) => stats.memory.rss,
      );
    },
  });
});

after(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await redis.close();
});

describe('signaling under load', { timeout: 300_000 }, () => {
  it('holds 1,000 authenticated clients on two instances', (t) => {
    t.diagnostic(`connected in ${figures.connect_ms} ms; sockets per instance ${connections}`);
    assert.equal(figures.clients, LOAD.clients);
    assert.deepEqual(connections, [LOAD.clients / 2, LOAD.clients / 2]);
  });

  it('delivers every message exactly once', (t) => {
    t.diagnostic(
      `${figures.sent} sent, ${figures.delivered} of ${figures.expected_deliveries} delivered in ${figures.traffic_ms} ms (${figures.deliveries_per_s}/s)`,
    );
    assert.equal(figures.lost, 0);
    assert.equal(figures.duplicated, 0);
    assert.equal(figures.unexpected, 0);
    assert.equal(figures.delivered, figures.expected_deliveries);
  });

  it('answers no message with an error', () => {
    assert.deepEqual(figures.errors, {});
  });

  it('reports relay latency and memory', (t) => {
    t.diagnostic(
      `relay latency p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms, max ${figures.max_ms} ms`,
    );
    t.diagnostic(`server RSS ${rssBytes.map((bytes) => `${Math.round(bytes / 2 ** 20)} MiB`)}`);
    assert.ok(Number.isFinite(figures.p99_ms));
  });

  it('keeps both instances running', async () => {
    for (const instance of instances) {
      const health = await fetch(instance.metricsUrl.replace('/metrics', '/healthz'));

      assert.equal(health.status, 200);
    }
  });
});
