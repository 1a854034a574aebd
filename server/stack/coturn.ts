// coturn (Debian's `turnserver`) on 127.0.0.1 for `stardust-voice dev` and the relay tests:
// a config written from test/support/turnserver.example.conf with the chosen loopback port,
// a REST secret and a narrow relay port range, started as `turnserver -c FILE` and stopped
// by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { accessSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

import { freePort } from '../signaling/janus/launcher.js';
import { packageRoot } from './package-root.js';

const EXAMPLE_CONFIG = join(packageRoot(), 'test/support/turnserver.example.conf');
const START_TIMEOUT_MS = 20_000;
/** Relay ports per server: enough for a few calls, narrow so parallel servers rarely meet. */
const RELAY_PORT_COUNT = 40;

export interface CoturnOptions {
  /** Directory for the config, the pid file and the user database. */
  stateDir: string;
  /** Listening port; a free one by default. Pass the old port to restart a stopped server. */
  port?: number;
  /** The REST `static-auth-secret`; random by default. */
  secret?: string;
  /** First relay port; a random one in 20000–59999 by default. */
  minRelayPort?: number;
}

export interface Coturn {
  /** `turn:` URLs over UDP and TCP. */
  urls: string[];
  port: number;
  secret: string;
  minRelayPort: number;
  pid: number;
  /** Stops the server by its PID and waits for it to exit. */
  close(): Promise<void>;
  /** Kills the server with SIGKILL, as a crash would, and waits for it to exit. */
  kill(): Promise<void>;
}

/** Returns true when Debian's coturn (`turnserver`) is on the PATH. */
export function coturnInstalled(): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((folder) => {
    try {
      accessSync(join(folder, 'turnserver'), constants.X_OK);

      return true;
    } catch {
      return false;
    }
  });
}

/** Starts coturn on 127.0.0.1 and resolves once it responds to a STUN binding request. */
export async function startCoturn(options: CoturnOptions): Promise<Coturn> {
  const dir = join(options.stateDir, 'coturn');
  const port = options.port ?? (await freePort());
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  const minRelayPort = options.minRelayPort ?? 20_000 + randomInt(0, 40_000 - RELAY_PORT_COUNT);
  const configPath = join(dir, `turnserver-${port}.conf`);

  mkdirSync(dir, { recursive: true });
  writeFileSync(configPath, coturnConfig({ dir, port, secret, minRelayPort }));

  const child = spawn('turnserver', ['-c', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());

    if (output.length > 50) output.shift();
  };

  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  try {
    await waitForStun(child, port);
  } catch (error) {
    await stop(child);
    throw new Error(`coturn did not start on 127.0.0.1:${port}: ${output.join('').slice(-2000)}`, {
      cause: error,
    });
  }

  return {
    urls: [`turn:127.0.0.1:${port}?transport=udp`, `turn:127.0.0.1:${port}?transport=tcp`],
    port,
    secret,
    minRelayPort,
    pid: child.pid!,
    close: () => stop(child),
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;

      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

      process.kill(child.pid!, 'SIGKILL');
      await exited;
    },
  };
}

/** Writes the example config with this server's port, secret, relay range and files. */
function coturnConfig(settings: {
  dir: string;
  port: number;
  secret: string;
  minRelayPort: number;
}): string {
  const values: Record<string, string> = {
    'listening-port': String(settings.port),
    'min-port': String(settings.minRelayPort),
    'max-port': String(settings.minRelayPort + RELAY_PORT_COUNT - 1),
    'static-auth-secret': settings.secret,
    userdb: join(settings.dir, `turndb-${settings.port}`),
    pidfile: join(settings.dir, `turnserver-${settings.port}.pid`),
  };
  const lines = readFileSync(EXAMPLE_CONFIG, 'utf8')
    .split('\n')
    .map((line) => {
      const key = line.split('=')[0]!.trim();

      return Object.hasOwn(values, key) ? `${key}=${values[key]}` : line;
    });

  return `${lines.join('\n')}\n`;
}

/** Sends STUN binding requests until one gets a response or the child exits. */
async function waitForStun(child: ChildProcess, port: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exited = false;

  child.once('exit', () => (exited = true));

  while (Date.now() < deadline) {
    if (exited) throw new Error('turnserver exited during start');

    if (await stunBinding(port, 250)) return;
  }

  throw new Error(`timed out after ${START_TIMEOUT_MS} ms waiting for a STUN binding response`);
}

/** Returns true when 127.0.0.1:port responds to one STUN binding request within `waitMs`. */
function stunBinding(port: number, waitMs: number): Promise<boolean> {
  const socket = createSocket('udp4');
  // RFC 5389 header: Binding Request, length 0, magic cookie, 12-byte transaction id.
  const request = Buffer.concat([
    Buffer.from([0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42]),
    randomBytes(12),
  ]);

  return new Promise((resolve) => {
    const finish = (answered: boolean) => {
      clearTimeout(timer);
      socket.close();
      resolve(answered);
    };

    const timer = setTimeout(() => finish(false), waitMs);

    socket.on('message', (message) => finish(message.readUInt16BE(0) === 0x0101));
    socket.on('error', () => finish(false));
    socket.send(request, port, '127.0.0.1');
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  process.kill(child.pid!, 'SIGTERM');

  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL');
  }, 5_000);

  await exited;
  clearTimeout(timer);
}
