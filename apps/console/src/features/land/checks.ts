import { CHECK_STAGES } from '@devzone/contracts/names';
import type { LandCheckView } from '../../views';
import { chinaToday, yuan } from '../../shared/format';

/**
 * A check stage's case, as apps/standard-land/src/domain/consequences.ts runs it
 * (the console reads the state the service answers; what it derives here is
 * which stage to check next and whether a re-check is still possible).
 */
export const STAGES = CHECK_STAGES;
/** The stage's case: its last row (one per stage since the rectification order; older data may hold more). */
export const caseOf = (checks: LandCheckView[], stage: string) => checks.filter((c) => c.stage === stage).at(-1);
/** Rows from before the rectification order have no state: a failure was penalised at once. */
export const stateOf = (c: LandCheckView) => c.state ?? (c.passed ? 'passed' : 'penalty-assessed');
/** Rectifying past its deadline: no re-check any more, the penalty is assessed for the lapse. */
export const lapsed = (c: LandCheckView) => stateOf(c) === 'rectifying' && !!c.rectifyBy && chinaToday() > c.rectifyBy;
export const lastDate = (c: LandCheckView) => c.recheck?.checkedOn ?? c.checkedOn;
export const PENALTY_REASON_ZH: Record<string, string> = { 'recheck-failed': '复查仍未达标', 'rectification-lapsed': '整改期满未复查通过', 'check-failed': '核验未通过' };

/** The case's state in words: 已通过 / 整改中，X 前复查 / 复查通过 / 已核定违约金 ¥…. */
export function checkState(c: LandCheckView): [color: string, text: string] {
  switch (stateOf(c)) {
    case 'passed':
      return ['green', '已通过'];
    case 'recheck-passed':
      return ['green', '复查通过'];
    case 'rectifying':
      return lapsed(c) ? ['red', `整改期满（${c.rectifyBy}），待核定违约金`] : ['orange', `整改中，${c.rectifyBy ?? '—'} 前复查`];
    default:
      return ['red', `已核定违约金 ${yuan(c.penaltyFen)}`];
  }
}
