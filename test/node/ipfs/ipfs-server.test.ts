import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import * as dagPb from '@ipld/dag-pb';
import { CID } from 'multiformats/cid';
import { sha256 } from 'multiformats/hashes/sha2';
import { pino } from 'pino';

import { startIpfs, type IpfsHandle } from '../../../server/ipfs/ipfs-server.js';
import { decodeCar } from '../../../src/shared/car.js';

const silent = pino({ level: 'silent' });

/** Deterministic pseudo-random bytes (xorshift), so sizes can be large without fixtures. */
function bytesOf(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let x = seed * 2654435761;

  for (let i = 0; i < size; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }

  return out;
}

async function add(
  node: IpfsHandle,
  bytes: Uint8Array<ArrayBuffer>,
  query = 'cid-version=1&raw-leaves=true',
): Promise<{ lines: Array<Record<string, unknown>>; hash: string }> {
  const form = new FormData();

  form.append('file', new Blob([bytes]), 'voice.ogg');

  const response = await fetch(`${node.apiUrl}/api/v0/add?${query}`, {
    method: 'POST',
    body: form,
  });

  assert.equal(response.status, 200, await response.clone().text());

  const lines = (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

  return { lines, hash: lines[lines.length - 1]!.Hash as string };
}

/** kubo's `ipfs add` CIDv0 as Debian's independent `ipfs_cid` tool computes it. */
function ipfsCidV0(dir: string, bytes: Uint8Array): string {
  const file = join(dir, `input-${bytes.length}.bin`);

  writeFileSync(file, bytes);

  const output = execFileSync('ipfs_cid', [file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });

  return (
    JSON.parse(
      output
        .trim()
        .split('\n')
        .find((line) => line.startsWith('{'))!,
    ) as { CIDv0: string }
  ).CIDv0;
}

describe('embedded IPFS node', () => {
  let stateDir: string;
  let node: IpfsHandle;

  before(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'stardust-ipfs-'));
    node = await startIpfs({
      stateDir,
      apiPort: 0,
      gatewayPort: 0,
      logger: silent,
      maxUploadBytes: 64 * 1024 * 1024,
    });
  });

  after(async () => {
    await node.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('matches ipfs_cid for CIDv0 at chunk and link boundaries', async () => {
    const sizes = [0, 1000, 262_144, 262_145, 1_000_000, 174 * 262_144 + 1];

    for (const size of sizes) {
      const bytes = bytesOf(size, size + 7);

      const { hash } = await add(node, bytes, 'cid-version=0');

      assert.equal(hash, ipfsCidV0(stateDir, bytes), `CIDv0 of ${size} bytes`);
    }
  });

  it('returns the known CIDs of "hello world"', async () => {
    const bytes = new TextEncoder().encode('hello world');

    const v1 = await add(node, bytes);
    const v0 = await add(node, bytes, '');

    assert.equal(v1.hash, 'bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e');
    assert.equal(v0.hash, 'Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD');
    assert.equal(v1.lines[0]!.Size, '11');
  });

  it('builds CIDv1 raw leaves of 256 KiB under a dag-pb root', async () => {
    const bytes = bytesOf(600_000, 3);

    const { hash } = await add(node, bytes);
    const root = CID.parse(hash);
    const response = await fetch(`${node.gatewayUrl}/ipfs/${hash}?format=raw`);
    const links = dagPb.decode(new Uint8Array(await response.arrayBuffer())).Links;
    const expected = await Promise.all(
      [0, 262_144, 524_288].map(async (offset) =>
        CID.createV1(
          0x55,
          await sha256.digest(bytes.subarray(offset, offset + 262_144)),
        ).toString(),
      ),
    );

    assert.equal(root.code, dagPb.code);
    assert.equal(root.version, 1);
    assert.deepEqual(
      links.map((link) => link.Hash.toString()),
      expected,
    );
  });

  it('serves a single chunk as a raw CID equal to its sha-256', async () => {
    const bytes = bytesOf(200_000, 9);

    const { hash } = await add(node, bytes);
    const digest = createHash('sha256').update(bytes).digest('hex');

    assert.equal(CID.parse(hash).code, 0x55);
    assert.equal(Buffer.from(CID.parse(hash).multihash.digest).toString('hex'), digest);
  });

  it('reports upload progress per chunk', async () => {
    const bytes = bytesOf(600_000, 4);

    const { lines } = await add(node, bytes, 'cid-version=1&progress=true');

    assert.deepEqual(
      lines.filter((line) => 'Bytes' in line).map((line) => line.Bytes),
      [262_144, 524_288, 600_000],
    );
    assert.equal(lines[lines.length - 1]!.Name, 'voice.ogg');
  });

  it('serves files, raw blocks and CAR files from the gateway', async () => {
    const bytes = bytesOf(300_000, 5);
    const { hash } = await add(node, bytes);

    const file = await fetch(`${node.gatewayUrl}/ipfs/${hash}`);
    const car = await fetch(`${node.gatewayUrl}/ipfs/${hash}`, {
      headers: { accept: 'application/vnd.ipld.car' },
    });
    const decoded = decodeCar(new Uint8Array(await car.arrayBuffer()));

    assert.equal(file.status, 200);
    assert.deepEqual(new Uint8Array(await file.arrayBuffer()), bytes);
    assert.equal(file.headers.get('access-control-allow-origin'), '*');
    assert.match(car.headers.get('content-type') ?? '', /^application\/vnd\.ipld\.car/);
    assert.equal(decoded.roots[0]!.toString(), hash);
    assert.equal(decoded.blocks.length, 3);

    for (const block of decoded.blocks) {
      const digest = await sha256.digest(block.bytes);

      assert.deepEqual(digest.digest, block.cid.multihash.digest);
    }
  });

  it('answers cat with a byte range', async () => {
    const bytes = bytesOf(5000, 6);
    const { hash } = await add(node, bytes);

    const response = await fetch(`${node.apiUrl}/api/v0/cat?arg=${hash}&offset=100&length=50`, {
      method: 'POST',
    });

    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), bytes.subarray(100, 150));
  });

  it('returns 404 for a CID it does not store', async () => {
    const missing = CID.createV1(0x55, await sha256.digest(new TextEncoder().encode('absent')));

    const response = await fetch(`${node.gatewayUrl}/ipfs/${missing.toString()}`);

    assert.equal(response.status, 404);
  });

  it('rejects GET on the RPC API and foreign origins', async () => {
    const get = await fetch(`${node.apiUrl}/api/v0/version`);
    const foreign = await fetch(`${node.apiUrl}/api/v0/version`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    const loopback = await fetch(`${node.apiUrl}/api/v0/version`, {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1:5173' },
    });

    assert.equal(get.status, 405);
    assert.equal(foreign.status, 403);
    assert.equal(loopback.status, 200);
    assert.equal(loopback.headers.get('access-control-allow-origin'), 'http://127.0.0.1:5173');
    assert.equal(
      ((await loopback.json()) as { Version: string }).Version,
      'stardust-embedded-0.1.0',
    );
  });

  it('rejects an upload over the size limit', async () => {
    const small = await startIpfs({
      stateDir,
      apiPort: 0,
      gatewayPort: 0,
      logger: silent,
      maxUploadBytes: 1000,
    });

    try {
      const form = new FormData();

      form.append('file', new Blob([bytesOf(5000)]), 'big.bin');

      const response = await fetch(`${small.apiUrl}/api/v0/add?cid-version=1`, {
        method: 'POST',
        body: form,
      });

      assert.equal(response.status, 413);
      assert.equal(((await response.json()) as { Type: string }).Type, 'error');
    } finally {
      await small.close();
    }
  });

  it('rejects a body that is not multipart', async () => {
    const response = await fetch(`${node.apiUrl}/api/v0/add?cid-version=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: 'raw',
    });

    assert.equal(response.status, 400);
  });

  it('keeps blocks across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stardust-ipfs-restart-'));
    const bytes = bytesOf(400_000, 8);
    const first = await startIpfs({ stateDir: dir, apiPort: 0, gatewayPort: 0, logger: silent });
    const { hash } = await add(first, bytes);

    await first.close();

    const second = await startIpfs({ stateDir: dir, apiPort: 0, gatewayPort: 0, logger: silent });

    try {
      const response = await fetch(`${second.gatewayUrl}/ipfs/${hash}`);

      assert.equal(response.status, 200);
      assert.deepEqual(new Uint8Array(await response.arrayBuffer()), bytes);
    } finally {
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
