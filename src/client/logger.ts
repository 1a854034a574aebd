/**
 * The logger the core writes to. Levels: error = gave up; warn = retrying or degraded;
 * info = one line per lifecycle transition; debug = per message. Context objects never
 * carry signatures, keys, tokens or SDP.
 */
export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/** The default logger: warnings and errors to the console, nothing else. */
export const consoleLogger: Logger = {
  debug() {},
  info() {},
  warn(message, context) {
    console.warn(`[stardust-voice] ${message}`, context ?? '');
  },
  error(message, context) {
    console.error(`[stardust-voice] ${message}`, context ?? '');
  },
};

/** A logger that drops everything. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/** Returns a logger that prefixes every message with `[name]`. */
export function namedLogger(logger: Logger, name: string): Logger {
  return {
    debug: (message, context) => logger.debug(`[${name}] ${message}`, context),
    info: (message, context) => logger.info(`[${name}] ${message}`, context),
    warn: (message, context) => logger.warn(`[${name}] ${message}`, context),
    error: (message, context) => logger.error(`[${name}] ${message}`, context),
  };
}
