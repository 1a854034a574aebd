import { StardustError } from '../shared/errors.js';
import type { Logger } from './logger.js';

/** Locales the elements ship strings for. */
export const LOCALES = ['en', 'zh-CN'] as const;

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** The one configuration a {@link StardustClient} is built from. */
export interface StardustConfig {
  /** WebSocket URL of the chain node, such as `ws://127.0.0.1:9944`. */
  chain: string;
  /**
   * WebSocket URL of the signaling server, such as `ws://127.0.0.1:8888/signal`, or the URLs
   * of several instances sharing one Redis: after a failure the client tries the next one.
   */
  signaling: string | readonly string[];
  /** Base URL of a Kubo-compatible RPC API for uploads, such as `http://127.0.0.1:5001`. */
  ipfsApi: string;
  /** Path gateways tried in order for downloads, such as `http://127.0.0.1:8080`. */
  gateways: string[];
  /** UI language; defaults to the document language, then English. */
  locale?: Locale;
  /** Where the core logs; defaults to warnings and errors on the console. */
  logger?: Logger;
}

/** A validated configuration with every default filled in. */
export interface ResolvedConfig extends Required<
  Omit<StardustConfig, 'locale' | 'logger' | 'signaling'>
> {
  /** The first signaling URL. */
  signaling: string;
  /** Every signaling URL, in the order the client tries them. */
  signalingUrls: string[];
  locale: Locale | undefined;
  logger: Logger | undefined;
}

/**
 * Validates a configuration and returns a normalized copy.
 * @throws StardustError CONFIG_INVALID naming the option that is wrong.
 */
export function resolveConfig(config: StardustConfig): ResolvedConfig {
  if (config === null || typeof config !== 'object') {
    throw configError('config', 'must be an object with chain, signaling, ipfsApi and gateways', {
      problem: 'missing',
      expected: ['an object'],
    });
  }

  const gateways = config.gateways;

  if (gateways === undefined || gateways === null) {
    throw configError('gateways', 'is missing: expected a list of http or https gateway URLs', {
      problem: 'missing',
      expected: ['http://', 'https://'],
    });
  }

  if (!Array.isArray(gateways) || gateways.length === 0) {
    throw configError('gateways', 'must be a non-empty list of http(s) gateway URLs', {
      problem: 'empty',
      expected: ['http://', 'https://'],
    });
  }

  if (config.locale !== undefined && !LOCALES.includes(config.locale)) {
    throw configError(
      'locale',
      `must be one of ${LOCALES.join(', ')}, got ${JSON.stringify(config.locale)}`,
      { problem: 'unsupported', expected: [...LOCALES], value: config.locale },
    );
  }

  const signalingUrls = signalingList(config.signaling);

  return {
    chain: checkUrl('chain', config.chain, ['ws:', 'wss:']),
    signaling: signalingUrls[0]!,
    signalingUrls,
    ipfsApi: checkUrl('ipfsApi', config.ipfsApi, ['http:', 'https:']).replace(/\/+$/, ''),
    gateways: gateways.map((url, index) =>
      checkUrl(`gateways[${index}]`, url, ['http:', 'https:']).replace(/\/+$/, ''),
    ),
    locale: config.locale,
    logger: config.logger,
  };
}

/** Checks the signaling URL, or each URL of a list. */
function signalingList(value: unknown): string[] {
  if (!Array.isArray(value)) return [checkUrl('signaling', value, ['ws:', 'wss:'])];

  if (value.length === 0) {
    throw configError('signaling', 'must be a ws(s) URL or a non-empty list of them', {
      problem: 'empty',
      expected: ['ws://', 'wss://'],
    });
  }

  return value.map((url, index) => checkUrl(`signaling[${index}]`, url, ['ws:', 'wss:']));
}

function checkUrl(option: string, value: unknown, protocols: string[]): string {
  const expected = protocols.map((protocol) => `${protocol}//`);

  if (typeof value !== 'string' || value.length === 0) {
    throw configError(option, `is missing: expected a ${protocols.join(' or ')} URL`, {
      problem: 'missing',
      expected,
    });
  }

  let url: URL;

  try {
    url = new URL(value);
  } catch (error) {
    throw configError(option, `is not a valid URL: ${JSON.stringify(value)}`, {
      problem: 'not-url',
      expected,
      value,
      cause: error,
    });
  }

  if (!protocols.includes(url.protocol)) {
    throw configError(option, `must use ${protocols.join(' or ')}, got ${JSON.stringify(value)}`, {
      problem: 'protocol',
      expected,
      value,
    });
  }

  return value;
}

/** Why {@link resolveConfig} rejected a value. */
export type ConfigProblem = 'missing' | 'empty' | 'not-url' | 'protocol' | 'unsupported';

/**
 * The CONFIG_INVALID error of {@link resolveConfig}, with the rejected option in fields so a
 * caller such as `<stardust-voice-config>` can name its own attribute and translate the
 * reason.
 */
export class ConfigError extends StardustError {
  /** The option that was rejected: `chain`, `ipfsApi`, `gateways[1]`, `locale`… */
  readonly option: string;
  /** Why it was rejected. */
  readonly problem: ConfigProblem;
  /** What was expected: the URL schemes (`ws://`, `wss://`) or the locales allowed. */
  readonly expected: readonly string[];
  /** The rejected value, when there was one. */
  readonly value: string | undefined;

  constructor(option: string, message: string, details: ConfigErrorDetails) {
    super('CONFIG_INVALID', message, { cause: details.cause });
    this.name = 'ConfigError';
    this.option = option;
    this.problem = details.problem;
    this.expected = details.expected;
    this.value = details.value;
  }
}

interface ConfigErrorDetails {
  problem: ConfigProblem;
  expected: readonly string[];
  value?: string;
  cause?: unknown;
}

function configError(option: string, reason: string, details: ConfigErrorDetails): ConfigError {
  return new ConfigError(option, `Invalid Stardust Voice config: ${option} ${reason}.`, details);
}
