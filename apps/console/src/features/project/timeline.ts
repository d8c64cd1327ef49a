import { ROLE_ZH, type Role } from '../../api';
import type { TimelineEntryView } from '../../views';

/**
 * Who did it, as people say it: the role and the person's name ("部门审批人员 王敏"), the role
 * alone when the entry has no name (older entries), 系统 for the services' own jobs.
 * Never the account (a login id means nothing to the reader).
 */
export function actorText(actor: TimelineEntryView['actor']): string {
  if (!actor || actor.role === 'system') return '系统';
  const role = ROLE_ZH[actor.role as Role] ?? '工作人员';
  const name = actor.name?.trim();
  return name && name !== actor.id ? `${role} ${name}` : role;
}

/** One line of the card: a single entry, or a run of one 全代办 task's progress folded into one. */
export type TimelineLine = { key: string; entries: TimelineEntryView[] };

/** Consecutive entries of the same group (one agency task) become one line; the rest stay one line each. */
export function foldTimeline(entries: TimelineEntryView[]): TimelineLine[] {
  const lines: TimelineLine[] = [];
  for (const e of entries) {
    const last = lines.at(-1);
    if (e.group && last && last.entries[0].group === e.group) last.entries.push(e);
    else lines.push({ key: e.eventId, entries: [e] });
  }
  return lines;
}

/** The filter of the card: everything, or one kind (the service's ?kind=). */
export const TIMELINE_FILTERS = [
  { value: '', label: '全部' },
  { value: 'approval', label: '审批' },
  { value: 'land', label: '土地' },
  { value: 'agency', label: '代办' },
  { value: 'lifecycle', label: '项目' },
] as const;
export type TimelineFilter = (typeof TIMELINE_FILTERS)[number]['value'];
