import { StardustError } from '../shared/errors.js';

/** Decimals of the DUST token: 1 DUST is 10^12 planck. */
export const DUST_DECIMALS = 12;

const PLANCK_PER_DUST = 10n ** BigInt(DUST_DECIMALS);

/**
 * Formats planck as DUST without rounding and without trailing zeros, such as `1.5` or
 * `0.000001`; `0n` is `0`.
 */
export function formatDust(planck: bigint): string {
  const sign = planck < 0n ? '-' : '';
  const value = planck < 0n ? -planck : planck;
  const whole = value / PLANCK_PER_DUST;
  const fraction = (value % PLANCK_PER_DUST)
    .toString()
    .padStart(DUST_DECIMALS, '0')
    .replace(/0+$/, '');

  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/**
 * Parses a decimal DUST amount (`1`, `0.25`, `.5`) into planck.
 *
 * @throws StardustError INVALID_ARGUMENT for anything else, a negative amount, or more than
 *   12 decimals.
 */
export function parseDust(text: string): bigint {
  const match = /^\s*(\d*)(?:\.(\d*))?\s*$/.exec(text);

  if (match === null || (match[1] === '' && (match[2] ?? '') === '')) {
    throw new StardustError(
      'INVALID_ARGUMENT',
      `${JSON.stringify(text)} is not an amount of DUST.`,
    );
  }

  const fraction = match[2] ?? '';

  if (fraction.length > DUST_DECIMALS) {
    throw new StardustError(
      'INVALID_ARGUMENT',
      `${JSON.stringify(text)} has more than ${DUST_DECIMALS} decimals; DUST has ${DUST_DECIMALS}.`,
    );
  }

  return (
    BigInt(match[1] || '0') * PLANCK_PER_DUST + BigInt(fraction.padEnd(DUST_DECIMALS, '0') || '0')
  );
}
