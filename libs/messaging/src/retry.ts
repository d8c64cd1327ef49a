/** Exponential back-off: base, 2·base, 4·base … capped. */
export function backoff(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// PostgreSQL SQLSTATEs that say "try again later", not "this event is bad":
// connection exceptions (08…), shutdown/cannot connect (57P0x), too many
// connections, serialization failure and deadlock.
const TRANSIENT_SQLSTATE = /^(08|57P0|53300|40001|40P01)/;

/**
 * An error of the infrastructure (database unreachable, connection dropped,
 * serialization conflict) rather than of the event: retried without limit and
 * never dead-lettered, since the next attempt may well succeed.
 */
export function isTransientInfrastructureError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && (CONNECTION_CODES.has(e.code) || TRANSIENT_SQLSTATE.test(e.code))) return true;
    if (typeof e.message === 'string' && /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message)) {
      return true;
    }
    current = e.driverError ?? e.cause;
  }
  return false;
}
