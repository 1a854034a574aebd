import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { BENCH_RESULTS, BENCHMARKS_DOC, renderBenchmarksDoc } from '../../scripts/docs-bench.js';

const results = JSON.parse(readFileSync(BENCH_RESULTS, 'utf8')) as Record<string, unknown>;

describe('benchmarks page', () => {
  it('matches bench-results.json', () => {
    assert.equal(
      readFileSync(BENCHMARKS_DOC, 'utf8'),
      renderBenchmarksDoc(results),
      'run npm run docs:bench',
    );
  });

  it('records the machine block', () => {
    const machine = results.machine as Record<string, unknown>;

    for (const key of ['cores', 'memory_gb', 'node', 'chromium', 'date']) {
      assert.ok(machine[key] !== undefined && machine[key] !== '', `machine.${key} is missing`);
    }
  });

  it('records every entry', () => {
    const entries = ['proto', 'devnet', 'signaling', 'voice_message', 'call_setup', 'room'];

    for (const name of [...entries, 'bundle', 'load']) {
      assert.equal(typeof results[name], 'object', `bench-results.json lacks ${name}`);
    }

    const bundle = results.bundle as Record<string, unknown>;

    for (const key of ['core_elements_gzip_kb', 'chain_chunk_gzip_kb', 'encoder_asset_kb']) {
      assert.equal(typeof bundle[key], 'number', `bundle.${key} is missing`);
    }
  });

  it('names what every floor is', () => {
    for (const [name, entry] of Object.entries(results)) {
      if (name === 'machine') continue;

      const floors = (entry as { floors?: Record<string, string> }).floors;

      assert.ok(floors !== undefined && Object.keys(floors).length > 0, `${name} has no floors`);

      for (const [key, description] of Object.entries(floors)) {
        assert.ok(
          key in (entry as object),
          `${name}.floors names ${key}, which it does not report`,
        );
        assert.ok(description.length > 0, `${name}.floors.${key} is empty`);
      }
    }
  });

  it('pairs a named comparison with figures the entry reports', () => {
    const load = {
      p99_ms: 20,
      bare_p99_ms: 10,
      p99_ratio: 2,
      floors: { bare_p99_ms: 'a bare relay' },
      comparisons: { p99_ratio: ['p99_ms', 'bare_p99_ms'] },
    };
    const page = renderBenchmarksDoc({ machine: {}, load });

    assert.match(page, /\| load \| `p99_ms` \| 20 \| `bare_p99_ms` \| 10 \| 2 \| a bare relay \|/);
  });

  it('pairs a floor with the figure its ratio divides', () => {
    const proto = {
      encode_per_s: 300,
      json_encode_per_s: 200,
      encode_ratio: 1.5,
      floors: { json_encode_per_s: 'JSON' },
    };
    const page = renderBenchmarksDoc({ machine: {}, proto });

    assert.match(
      page,
      /\| proto \| `encode_per_s` \| 300 \| `json_encode_per_s` \| 200 \| 1\.5 \| JSON \|/,
    );
  });
});
