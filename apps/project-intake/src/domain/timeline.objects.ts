import { CHECK_STAGE_NAMES_ZH, timelineKindOf, type TimelineKind } from '@devzone/contracts';

/**
 * What a timeline entry is about, read from its event's payload: an approval
 * item (itemCode), a 标准地 check (its stage), a plot (plotCode) or a 全代办
 * task (taskId). The payload fields, in the order they name an entry's object;
 * GET /projects/:id/timeline?object= matches any of them (the SQL in
 * ProjectQueries.timeline), so asking for a plot also finds its checks.
 */
export const OBJECT_FIELDS = ['itemCode', 'taskId', 'stage', 'plotCode'] as const;

export interface TimelineObject {
  /** The object's code, as ?object= takes it: 'A05', 'completion', 'SX-2025-012', a task's id. */
  key: string;
  /** Its name in Chinese: 'A05 消防设计审查', '竣工验收', '地块 SX-2025-012', '供水报装'. */
  name: string;
}

export interface TimelineFacets {
  kind: TimelineKind;
  object: TimelineObject | null;
  /** Entries of one 全代办 task share it (the task's id), so a reader can fold a task's progress into one line. */
  group: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The object of an event about a project, when its payload names one. */
export function timelineObjectOf(type: string, payload: Record<string, unknown>): TimelineObject | null {
  const itemCode = text(payload['itemCode']);
  if (itemCode) {
    const name = text(payload['itemName']);
    return { key: itemCode, name: name ? `${itemCode} ${name}` : itemCode };
  }
  const taskId = text(payload['taskId']);
  if (taskId && type.startsWith('agency.')) return { key: taskId, name: text(payload['title']) ?? '代办事项' };
  const stage = text(payload['stage']);
  if (stage && stage in CHECK_STAGE_NAMES_ZH) return { key: stage, name: CHECK_STAGE_NAMES_ZH[stage as keyof typeof CHECK_STAGE_NAMES_ZH] };
  const plotCode = text(payload['plotCode']);
  if (plotCode) return { key: plotCode, name: `地块 ${plotCode}` };
  return null;
}

/** Kind (from the event's type), object and group of a timeline entry. */
export function timelineFacets(type: string, payload: Record<string, unknown>): TimelineFacets {
  const object = timelineObjectOf(type, payload);
  const taskId = text(payload['taskId']);
  return { kind: timelineKindOf(type), object, group: type.startsWith('agency.') && taskId ? taskId : null };
}
