// The child process behind service-process.ts: the devnet or the embedded IPFS node, started
// from the options JSON in argv[3], reporting its URLs over the IPC channel. Fault tests run
// them apart so that SIGKILL and SIGSTOP hit a real server with real connections.
import { pino } from 'pino';

import { startDevnet, type DevnetOptions } from '../../server/devnet/index.js';
import { startIpfs, type IpfsOptions } from '../../server/ipfs/ipfs-server.js';

const kind = process.argv[2];
const options = JSON.parse(process.argv[3] ?? '{}') as Record<string, unknown>;
const logger = pino({ level: 'error' });
let close: () => Promise<void>;

if (kind === 'devnet') {
  const devnet = await startDevnet({ ...(options as DevnetOptions), logger });

  close = () => devnet.close();
  process.send!({
    ready: true,
    urls: { url: devnet.url, httpUrl: devnet.httpUrl, genesisHash: devnet.genesisHash },
  });
} else if (kind === 'ipfs') {
  const ipfs = await startIpfs({ ...(options as unknown as IpfsOptions), logger });

  close = () => ipfs.close();
  process.send!({ ready: true, urls: { apiUrl: ipfs.apiUrl, gatewayUrl: ipfs.gatewayUrl } });
} else {
  throw new Error(`unknown service ${kind}: expected devnet or ipfs`);
}

process.on('disconnect', () => void close().then(() => process.exit(0)));
process.once('SIGTERM', () => void close().then(() => process.exit(0)));
