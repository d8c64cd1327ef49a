import type { Session } from '../../api';
import type { RoundView } from '../../views';

export const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Who may create rounds (POST /rounds: zone managers of the zone, administrators). */
export const MAY_CREATE_ROUNDS = (s: Session) => s.user.role === 'zone-manager' || s.user.role === 'admin';

/** What the figures are of: a round, an ad-hoc window (zone + from–to), or everything up to asOf. */
export interface Selection {
  zone?: string;
  round?: RoundView;
  window?: [string, string];
  asOf?: string;
}

/** The selection as the figures' query parameters (a round stands for its zone and window). */
export const windowParams = (s: Selection): { round?: string; zone?: string; from?: string; to?: string; asOf?: string } => (s.round ? { round: s.round.id, asOf: s.asOf } : { zone: s.zone, from: s.window?.[0], to: s.window?.[1], asOf: s.asOf });

export const describeWindow = (s: Selection, zoneName: (code: string) => string): string => {
  if (s.round) return `${s.round.name}（${zoneName(s.round.zoneCode)}，${s.round.startsOn} 至 ${s.round.endsOn}）`;
  if (s.window) return `${s.window[0]} 至 ${s.window[1]}`;
  return '全部项目';
};
