import { createHmac } from 'node:crypto';

/** Exponential back-off with "equal jitter": half the delay fixed, half random. */
export function retryDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

/** Webhook signature: hex HMAC-SHA256 of `${timestamp}.${body}` with the recipient's secret. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export interface QuietHours {
  /** 'HH:MM', China time. */
  start: string;
  end: string;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When a non-urgent message may go out: now, or the end of the recipient's quiet hours (China time, UTC+8). */
export function notBefore(now: Date, quiet: QuietHours | null): Date {
  if (!quiet) return now;
  const china = new Date(now.getTime() + 8 * 3600_000);
  const m = china.getUTCHours() * 60 + china.getUTCMinutes();
  const [start, end] = [minutes(quiet.start), minutes(quiet.end)];
  const inside = start <= end ? m >= start && m < end : m >= start || m < end;
  if (!inside) return now;
  const wait = (end - m + 24 * 60) % (24 * 60);
  const at = new Date(now.getTime() + wait * 60_000);
  at.setUTCSeconds(0, 0);
  return at;
}

/**
 * When a non-urgent e-mail falls due. The first e-mail to a recipient about a
 * project opens a digest window and falls due at its end (never inside quiet
 * hours); later ones join the window still open (`open`: when the recipient's
 * waiting e-mails of that project fall due) and go out with them, as one
 * message. A window of 0 sends each at once (quiet hours still apply).
 */
export function digestDue(now: Date, windowMs: number, open: Date | null, quiet: QuietHours | null): Date {
  if (windowMs > 0 && open && open > now) return open;
  return notBefore(new Date(now.getTime() + windowMs), quiet);
}
