import type { ProjectView } from '../../views';
import { MILESTONE_ZH } from '../../shared/names';

export const amount = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Money is integer fen in the services; shown in 元. */
export const fenToYuan = (fen: number) => `${money.format(fen / 100)} 元`;
export const wan = (n: number | null) => (n === null ? '—' : `${amount.format(n)} 万元`);

/** A date value of antd's DatePicker (a Dayjs), as much of it as these forms use. */
export interface DateValue {
  format(template: string): string;
  valueOf(): number;
}
export const isoDate = (d: DateValue) => d.format('YYYY-MM-DD');
/** Reports are about what happened: no date after today. */
export const afterToday = (d: DateValue) => {
  const end = new Date();
  end.setHours(23, 59, 59, 999);
  return d.valueOf() > end.getTime();
};

/** The first milestone whose planned date has passed without it (as the service's variance says), or null. */
export function behindPlan(p: Pick<ProjectView, 'stage' | 'milestones'>): { milestone: string; days: number } | null {
  if (p.stage === 'TERMINATED') return null;
  for (const key of ['start', 'completion', 'production'] as const) {
    const m = p.milestones[key];
    if (m.actual) continue;
    return m.varianceDays !== null && m.varianceDays > 0 ? { milestone: MILESTONE_ZH[key], days: m.varianceDays } : null;
  }
  return null;
}

/**
 * The project's next step, as its list can tell without asking its case (a phone's project card):
 * the approvals while it has none, then the first milestone not reached (with its date: committed,
 * else planned), the 对标验收 a completed project waits for, and 达产.
 */
export function nextStep(p: Pick<ProjectView, 'stage' | 'milestones' | 'conditions'>): string {
  if (p.stage === 'TERMINATED') return '项目已终止';
  if (p.stage === 'SUSPENDED') return '项目已暂停';
  if (p.stage === 'SIGNED' || p.stage === 'APPROVING') return '办理审批（告知书、承诺书、审批事项）';
  if (p.stage === 'COMPLETED' && p.conditions.acceptance !== 'passed') return '对标验收，通过后报告投产';
  for (const key of ['start', 'completion', 'production'] as const) {
    const m = p.milestones[key];
    if (m.actual) continue;
    return `报告${MILESTONE_ZH[key]}${m.committed ? `（承诺 ${m.committed}）` : m.planned ? `（计划 ${m.planned}）` : ''}`;
  }
  return p.stage === 'FULL_PRODUCTION' ? '已达产' : '报告达产';
}
