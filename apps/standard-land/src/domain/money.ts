/**
 * Money in integer fen (分), never floating point. Amounts that come from
 * measured quantities (shortfall × area) are multiplied as scaled integers and
 * rounded half up to the fen once, at the end.
 */
export type Fen = number;

const SCALE = 10_000n; // quantities carry at most 4 decimals (万元/亩, 亩 …)

function scaled(x: number): bigint {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return BigInt(Math.round(x * 10_000));
}

function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}

export function assertFen(value: number, what = 'amount'): Fen {
  if (!Number.isSafeInteger(value)) throw new Error(`${what} must be a whole number of fen: ${value}`);
  return value;
}

/** quantityA × quantityB × rate (fen per unit), rounded half up to the fen. */
export function productFen(quantityA: number, quantityB: number, rateFen: Fen): Fen {
  assertFen(rateFen, 'rate');
  return Number(roundHalfUp(scaled(quantityA) * scaled(quantityB) * BigInt(rateFen), SCALE * SCALE));
}

/** A share of an amount in basis points (1% = 100 bp), rounded half up to the fen. */
export function shareFen(amount: Fen, basisPoints: number): Fen {
  assertFen(amount);
  assertFen(basisPoints, 'basis points');
  return Number(roundHalfUp(BigInt(amount) * BigInt(basisPoints), 10_000n));
}

/** 1,234,567 fen → '12,345.67 元' */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')} 元`;
}
