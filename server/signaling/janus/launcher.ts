import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import WebSocket from 'ws';

import { JANUS_SUBPROTOCOL } from './connection.js';
import { generateJanusSecret } from './validate.js';

/** The texts of the three Janus config files this project uses. */
export interface JanusConfigTemplates {
  /** `janus.jcfg`: core settings, ICE, RTP ports, which plugins and transports load. */
  janus: string;
  /** `janus.plugin.audiobridge.jcfg`: the AudioBridge's admin key and string ids. */
  audiobridge: string;
  /** `janus.transport.websockets.jcfg`: where the WebSocket API listens. */
  websockets: string;
}

/** The values {@link renderJanusConfig} writes into the templates. */
export interface JanusConfigSettings {
  /** The folder Janus reads its configs from (`configs_folder`). */
  configsFolder: string;
  /** The WebSocket API's address; 127.0.0.1 by default. */
  host?: string;
  port: number;
  /** The AudioBridge `admin_key`: required to create rooms. */
  adminKey: string;
  /** Janus's shared event loops (`event_loops`); 2 by default. */
  eventLoops?: number;
  /**
   * Interfaces or addresses ICE may use (`ice_enforce_list`): the template's when undefined,
   * every non-loopback interface when null.
   */
  iceEnforceList?: string | null;
  /** The UDP ports ICE may use, inclusive. */
  rtpPortRange?: [number, number];
  /** Janus's log level, 0–7; 4 (info) by default. */
  debugLevel?: number;
}

/** Options of {@link launchJanus}. */
export interface JanusLaunchOptions extends Omit<
  JanusConfigSettings,
  'configsFolder' | 'port' | 'adminKey'
> {
  /** Configs go to `<stateDir>/conf`, Janus's output to `<stateDir>/janus.log`. */
  stateDir: string;
  /** The config templates, or the folder that contains the three `.jcfg` files. */
  templates: JanusConfigTemplates | string;
  /** The WebSocket port; 0 (the default) picks a free one. */
  port?: number;
  /** The AudioBridge admin key; a fresh random one by default. */
  adminKey?: string;
  /** The Janus binary; `janus` on the PATH by default. */
  binary?: string;
  /** How long to wait until the WebSocket responds to `info`, in ms; 20,000 by default. */
  startTimeoutMs?: number;
}

/** A running Janus process. */
export interface JanusProcess {
  /** The WebSocket API URL, such as `ws://127.0.0.1:40123`. */
  wsUrl: string;
  port: number;
  adminKey: string;
  pid: number;
  /** The file that receives Janus's output. */
  logFile: string;
  /** Stops Janus with SIGTERM (SIGKILL after 5 s) and resolves when it exited. */
  close(): Promise<void>;
  /** Kills Janus with `signal` (SIGKILL by default), as a crash would, and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Returns the templates with this run's values: configs folder, WebSocket address, admin
 * key, event loops, ICE interfaces, RTP ports and log level. A setting the template lacks
 * is added to its `general` section.
 */
export function renderJanusConfig(
  templates: JanusConfigTemplates,
  settings: JanusConfigSettings,
): JanusConfigTemplates {
  let janus = setValue(templates.janus, 'configs_folder', quote(settings.configsFolder));

  janus = setValue(janus, 'event_loops', String(settings.eventLoops ?? 2));
  janus = setValue(janus, 'debug_level', String(settings.debugLevel ?? 4));

  if (settings.iceEnforceList === null) {
    janus = janus.replace(/^([ \t]*)ice_enforce_list[ \t]*=/m, '$1#ice_enforce_list =');
  } else if (settings.iceEnforceList !== undefined) {
    janus = setValue(janus, 'ice_enforce_list', quote(settings.iceEnforceList));
  }

  if (settings.rtpPortRange !== undefined) {
    janus = setValue(janus, 'rtp_port_range', quote(settings.rtpPortRange.join('-')));
  }

  let websockets = setValue(templates.websockets, 'ws_port', String(settings.port));

  websockets = setValue(websockets, 'ws_ip', quote(settings.host ?? '127.0.0.1'));

  return {
    janus,
    audiobridge: setValue(templates.audiobridge, 'admin_key', quote(settings.adminKey)),
    websockets,
  };
}

/** Reads `janus.jcfg`, `janus.plugin.audiobridge.jcfg` and `janus.transport.websockets.jcfg` from `folder`. */
export function readJanusTemplates(folder: string): JanusConfigTemplates {
  return {
    janus: readFileSync(join(folder, 'janus.jcfg'), 'utf8'),
    audiobridge: readFileSync(join(folder, 'janus.plugin.audiobridge.jcfg'), 'utf8'),
    websockets: readFileSync(join(folder, 'janus.transport.websockets.jcfg'), 'utf8'),
  };
}

/**
 * Writes the configs into the state folder, starts `janus -F <conf>` and resolves once its
 * WebSocket responds to `info`.
 *
 * @throws Error when Janus exits or does not respond within `startTimeoutMs`; the message
 *   ends with the last lines of its log.
 */
export async function launchJanus(options: JanusLaunchOptions): Promise<JanusProcess> {
  const templates =
    typeof options.templates === 'string'
      ? readJanusTemplates(options.templates)
      : options.templates;
  const confDir = join(options.stateDir, 'conf');
  const logFile = join(options.stateDir, 'janus.log');
  const port =
    options.port === undefined || options.port === 0 ? await freePort(options.host) : options.port;
  const adminKey = options.adminKey ?? generateJanusSecret();
  const host = options.host ?? '127.0.0.1';
  const rendered = renderJanusConfig(templates, {
    ...options,
    configsFolder: confDir,
    port,
    adminKey,
    host,
  });

  mkdirSync(confDir, { recursive: true });
  writeFileSync(join(confDir, 'janus.jcfg'), rendered.janus);
  writeFileSync(join(confDir, 'janus.plugin.audiobridge.jcfg'), rendered.audiobridge, {
    mode: 0o600,
  });
  writeFileSync(join(confDir, 'janus.transport.websockets.jcfg'), rendered.websockets);

  const child = spawn(options.binary ?? 'janus', ['-F', confDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A test that crashes must not leave Janus running.
  const killOnExit = () => child.kill('SIGKILL');

  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  process.once('exit', killOnExit);

  const wsUrl = `ws://${host}:${port}`;

  try {
    await waitUntilReady(child, wsUrl, options.startTimeoutMs ?? 20_000, logFile);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    process.off('exit', killOnExit);

    throw error;
  }

  const stop = async (signal: NodeJS.Signals, graceMs: number) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);

      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);

      await exited;
      clearTimeout(timer);
    }

    process.off('exit', killOnExit);
  };

  return {
    wsUrl,
    port,
    adminKey,
    pid: child.pid!,
    logFile,
    close: () => stop('SIGTERM', 5000),
    kill: (signal = 'SIGKILL') => stop(signal, 5000),
  };
}

/** Returns a TCP port that was free on `host` a moment ago. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();

    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;

      server.close(() => resolve(port));
    });
  });
}

/**
 * Waits until the WebSocket responds to `info`, asking every 100 ms, because at low log
 * levels Janus prints nothing that tells when its transport is up. Fails at once if Janus
 * exits.
 */
async function waitUntilReady(
  child: ChildProcess,
  wsUrl: string,
  timeoutMs: number,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let output = '';
  let exit: string | undefined;
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };

  child.stdout?.on('data', collect);
  child.once('exit', (code, signal) => {
    exit = `exited with ${signal ?? `code ${code}`}`;
  });

  try {
    for (;;) {
      try {
        await askInfo(wsUrl, 1000);

        return;
      } catch (error) {
        if (exit !== undefined) throw new Error(exit);

        if (Date.now() >= deadline) throw error;
      }

      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    const tail = output.split('\n').slice(-15).join('\n');

    throw new Error(
      `Janus did not start (${(error as Error).message}); log ${logFile} ends with:\n${tail}`,
      {
        cause: error,
      },
    );
  } finally {
    child.stdout?.off('data', collect);
  }
}

function askInfo(wsUrl: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, JANUS_SUBPROTOCOL, { handshakeTimeout: timeoutMs });
    const timer = setTimeout(() => finish(new Error('no response to info')), timeoutMs);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.terminate();

      if (error === undefined) resolve();
      else reject(error);
    };

    socket.once('open', () => socket.send(JSON.stringify({ janus: 'info', transaction: 'ready' })));
    socket.once('message', (data) => {
      const answer = JSON.parse(data.toString()) as { janus?: string };

      finish(
        answer.janus === 'server_info'
          ? undefined
          : new Error(`unexpected response ${answer.janus}`),
      );
    });
    socket.once('error', (error) => finish(error));
    socket.once('close', () => finish(new Error('closed before responding to info')));
  });
}

function quote(value: string): string {
  return JSON.stringify(value);
}

/**
 * Sets `key = value` in a jcfg text: replaces the first line that sets it (commented out or
 * not), else adds it at the top of the `general` section.
 */
function setValue(text: string, key: string, value: string): string {
  const line = new RegExp(`^([ \\t]*)#?[ \\t]*${key}[ \\t]*=.*$`, 'm');

  if (line.test(text))
    return text.replace(line, (_match, indent: string) => `${indent}${key} = ${value}`);

  const general = /^general:[ \t]*\{[ \t]*$/m;

  if (!general.test(text)) return `${text}\ngeneral: {\n\t${key} = ${value}\n}\n`;

  return text.replace(general, (match) => `${match}\n\t${key} = ${value}`);
}
