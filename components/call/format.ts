/** Formatting helpers of `<stardust-call>`: durations and DUST amounts. */

/** Decimals of DUST: 1 DUST is 10^12 planck. */
const DUST_DECIMALS = 12;

/** Formats milliseconds as `m:ss`, or `h:mm:ss` from one hour on. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');

  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`;

  return `${minutes}:${seconds}`;
}

/**
 * Formats planck as DUST with at most `digits` decimals, trailing zeros dropped
 * (`10_000_000_000n` → `0.01`). Amounts below the last digit show as `<0.0001`.
 */
export function formatDust(planck: bigint, digits = 4): string {
  const negative = planck < 0n;
  const value = negative ? -planck : planck;
  const unit = 10n ** BigInt(DUST_DECIMALS);
  const scale = 10n ** BigInt(DUST_DECIMALS - digits);
  const whole = value / unit;
  const fraction = (value % unit) / scale;

  if (whole === 0n && fraction === 0n && value > 0n) return `<0.${'0'.repeat(digits - 1)}1`;

  const decimals = fraction.toString().padStart(digits, '0').replace(/0+$/, '');
  const text = decimals === '' ? whole.toString() : `${whole}.${decimals}`;

  return negative ? `-${text}` : text;
}
