import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { pino } from 'pino';

import { startIpfs, type IpfsHandle } from '../../../server/ipfs/ipfs-server.js';
import { computeCid } from '../../../src/message/cid.js';
import { IpfsClient, type GatewayFailure } from '../../../src/message/ipfs-client.js';
import type { StardustError } from '../../../src/shared/errors.js';

/** A fake gateway: a real HTTP server on loopback that misbehaves in one stated way. */
async function fakeGateway(
  handle: (response: ServerResponse) => void,
): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => handle(response));

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function closeAll(servers: Server[]): Promise<void[]> {
  return Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
}

function bytesOf(size: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);

  for (let i = 0; i < size; i += 1) out[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;

  return out;
}

describe('IPFS client', () => {
  let stateDir: string;
  let node: IpfsHandle;
  const fakes: Server[] = [];
  let htmlGateway: string;
  let hangingGateway: string;
  let wrongBytesGateway: string;
  let errorGateway: string;

  before(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'stardust-ipfs-client-'));
    node = await startIpfs({
      stateDir,
      apiPort: 0,
      gatewayPort: 0,
      logger: pino({ level: 'silent' }),
    });

    const html = await fakeGateway((response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body>502 Bad Gateway</body></html>');
    });
    const hanging = await fakeGateway(() => {
      // Never answers: the client's timeout must move on.
    });
    const wrong = await fakeGateway((response) => {
      response.writeHead(200, { 'content-type': 'application/vnd.ipld.raw' });
      response.end(Buffer.from('these are not the bytes you are looking for'));
    });
    const failing = await fakeGateway((response) => {
      response.writeHead(504, { 'content-type': 'text/plain' });
      response.end('timeout');
    });

    htmlGateway = html.url;
    hangingGateway = hanging.url;
    wrongBytesGateway = wrong.url;
    errorGateway = failing.url;
    fakes.push(html.server, hanging.server, wrong.server, failing.server);
  });

  after(async () => {
    await closeAll(fakes);
    await node.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('uploads with a CID equal to the local computation', async () => {
    const client = new IpfsClient({ apiUrl: node.apiUrl, gateways: [node.gatewayUrl] });
    const bytes = bytesOf(5000, 1);
    const progress: number[] = [];

    const result = await client.upload(bytes, {
      onProgress: ({ loaded }) => progress.push(loaded),
    });

    assert.equal(result.cid, (await computeCid(bytes)).toString());
    assert.equal(result.size, 5000);
    assert.ok(progress.length > 0);
  });

  it('computes dag-pb CIDs equal to the node for large envelopes', async () => {
    const client = new IpfsClient({ apiUrl: node.apiUrl, gateways: [node.gatewayUrl] });
    const bytes = bytesOf(700_000, 2);

    const result = await client.upload(bytes);

    assert.equal(result.cid, (await computeCid(bytes)).toString());
    assert.match(result.cid, /^bafybei/);
  });

  it('skips HTML, hanging, wrong and failing gateways', async () => {
    const bytes = bytesOf(3000, 3);
    const uploader = new IpfsClient({ apiUrl: node.apiUrl, gateways: [node.gatewayUrl] });
    const { cid } = await uploader.upload(bytes);
    const client = new IpfsClient({
      apiUrl: node.apiUrl,
      gateways: [htmlGateway, hangingGateway, wrongBytesGateway, errorGateway, node.gatewayUrl],
      gatewayTimeoutMs: 300,
    });

    const downloaded = await client.download(cid);

    assert.deepEqual(downloaded, bytes);
  });

  it('verifies every block of a CAR for dag-pb roots', async () => {
    const bytes = bytesOf(600_000, 4);
    const client = new IpfsClient({ apiUrl: node.apiUrl, gateways: [node.gatewayUrl] });
    const { cid } = await client.upload(bytes);

    const downloaded = await client.download(cid);

    assert.deepEqual(downloaded, bytes);
  });

  it('reports MESSAGE_UNAVAILABLE with each gateway reason', async () => {
    const bytes = bytesOf(2000, 5);
    const uploader = new IpfsClient({ apiUrl: node.apiUrl, gateways: [node.gatewayUrl] });
    const { cid } = await uploader.upload(bytes);
    const client = new IpfsClient({
      apiUrl: node.apiUrl,
      gateways: [htmlGateway, hangingGateway, wrongBytesGateway, errorGateway],
      gatewayTimeoutMs: 300,
    });

    const error = await client.download(cid).then(
      () => assert.fail('download succeeded through bad gateways'),
      (reason: unknown) => reason as StardustError & { failures: GatewayFailure[] },
    );

    assert.equal(error.code, 'MESSAGE_UNAVAILABLE');
    assert.deepEqual(
      error.failures.map((failure) => failure.reason),
      ['html', 'timeout', 'cid-mismatch', 'http-status'],
    );
  });

  it('succeeds on a later retry once a gateway recovers', async () => {
    const bytes = bytesOf(2500, 6);
    const uploader = new IpfsClient({ apiUrl: node.apiUrl, gateways: [node.gatewayUrl] });
    const { cid } = await uploader.upload(bytes);
    let healthy = false;
    const flaky = await fakeGateway((response) => {
      if (!healthy) {
        response.writeHead(503).end();

        return;
      }

      response.writeHead(200, { 'content-type': 'application/vnd.ipld.raw' });
      response.end(Buffer.from(bytes));
    });

    fakes.push(flaky.server);

    const client = new IpfsClient({ apiUrl: node.apiUrl, gateways: [flaky.url] });
    const first = await client.download(cid).catch((error: StardustError) => error.code);

    healthy = true;

    const second = await client.download(cid);

    assert.equal(first, 'MESSAGE_UNAVAILABLE');
    assert.deepEqual(second, bytes);
  });

  it('fails an upload to a stopped node with IPFS_UPLOAD_FAILED', async () => {
    const stopped = await fakeGateway(() => {});
    const url = stopped.url;

    await closeAll([stopped.server]);

    const client = new IpfsClient({ apiUrl: url, gateways: [url] });

    await assert.rejects(client.upload(bytesOf(10, 7)), { code: 'IPFS_UPLOAD_FAILED' });
  });
});
