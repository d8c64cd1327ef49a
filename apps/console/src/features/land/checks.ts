import { CHECK_STAGES } from '@devzone/contracts/names';
import type { CheckStage, LandCheckView } from '../../views';
import { yuan } from '../../shared/format';

/**
 * A check stage's case as the service answers it (apps/standard-land/src/domain/consequences.ts
 * runs it). Which stages may be checked today — the first check, or the re-check within the
 * rectification period — is the land view's `checkableStages` (domain/actions.ts): the console
 * only reads it, and words the cases.
 */
export const STAGES = CHECK_STAGES;
/** The stage's case: its last row (one per stage since the rectification order; older data may hold more). */
export const caseOf = (checks: LandCheckView[], stage: string) => checks.filter((c) => c.stage === stage).at(-1);
/** Rows from before the rectification order have no state: a failure was penalised at once. */
export const stateOf = (c: LandCheckView) => c.state ?? (c.passed ? 'passed' : 'penalty-assessed');
/** Rectifying, but its stage no longer takes a re-check (not in `checkableStages`): the period is over, the penalty is assessed for the lapse. */
export const lapsed = (c: LandCheckView, checkable: readonly CheckStage[]) => stateOf(c) === 'rectifying' && !checkable.includes(c.stage);
export const lastDate = (c: LandCheckView) => c.recheck?.checkedOn ?? c.checkedOn;
export const PENALTY_REASON_ZH: Record<string, string> = { 'recheck-failed': '复查仍未达标', 'rectification-lapsed': '整改期满未复查通过', 'check-failed': '核验未通过' };

/** The case's state in words: 已通过 / 整改中，X 前复查 / 复查通过 / 已核定违约金 ¥…. */
export function checkState(c: LandCheckView, checkable: readonly CheckStage[]): [color: string, text: string] {
  switch (stateOf(c)) {
    case 'passed':
      return ['green', '已通过'];
    case 'recheck-passed':
      return ['green', '复查通过'];
    case 'rectifying':
      return lapsed(c, checkable) ? ['red', `整改期满（${c.rectifyBy}），待核定违约金`] : ['orange', `整改中，${c.rectifyBy ?? '—'} 前复查`];
    default:
      return ['red', `已核定违约金 ${yuan(c.penaltyFen)}`];
  }
}
