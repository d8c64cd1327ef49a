import type { KeyboardEvent, ReactNode } from 'react';

/** Dates as the services write them (YYYY-MM-DD). */
export const ymd = (d: { format: (f: string) => string } | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
/** A time stamp in the reader's local time. */
export const localTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
/** '—' for nothing. */
export const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);
/** Today in China, YYYY-MM-DD. */
export const chinaToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
/** fen → "¥1,234.56" (zh-CN). */
export const yuan = (fen: number | null | undefined) => (typeof fen === 'number' ? (fen / 100).toLocaleString('zh-CN', { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }) : '—');
/** Basis points as a percentage. */
export const pct = (bp: number) => `${bp / 100}%`;

/** `data-testid` for antd props typed without data attributes (spread it). */
export const tid = (id: string) => ({ 'data-testid': id }) as Record<string, string>;

/** Enter in a date field takes the typed date; it does not send the whole form. */
export const enterKeepsToPickers = (e: KeyboardEvent<HTMLFormElement>) => {
  if (e.key === 'Enter' && e.target instanceof HTMLElement && e.target.closest('.ant-picker')) e.preventDefault();
};
/** A required date (a validated form's field) as the services write it. */
export const day = (d: { format: (f: string) => string }) => d.format('YYYY-MM-DD');
