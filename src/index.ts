/**
 * The headless core of Stardust Voice: framework-free TypeScript that any UI can drive.
 * Importing it has no side effects and touches no browser global.
 */
export { StardustClient } from './client/stardust-client.js';
export { ConfigError, LOCALES, resolveConfig } from './client/config.js';
export type { ConfigProblem, Locale, ResolvedConfig, StardustConfig } from './client/config.js';
export { consoleLogger, namedLogger, silentLogger } from './client/logger.js';
export type { Logger } from './client/logger.js';
export { ERROR_CODES, StardustError, hasErrorCode, isErrorCode } from './shared/errors.js';
export type { ErrorCode, StardustErrorOptions } from './shared/errors.js';
export {
  accountKey,
  decodeAddress,
  encodeAddress,
  isValidAddress,
  normalizeAddress,
  sameAccount,
  STARDUST_SS58_PREFIX,
} from './shared/ss58.js';
export type { DecodedAddress } from './shared/ss58.js';
