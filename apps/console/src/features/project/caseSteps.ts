import { App } from 'antd';
import type { CaseView } from '../../views';
import { postToCase, type CaseTarget } from '../../shared/cases';
import { caseChanges } from '../../shared/changes';
import { useCommand } from '../../shared/commands';
import { errorText } from '../../shared/errors';

/** One step the enterprise takes on its case (POST /cases/:id/<path>, no body): a message when done or refused. */
export interface CaseStep {
  key: string;
  target: CaseTarget;
  done: string;
}

export function useCaseSteps(kase: CaseView) {
  const { message } = App.useApp();
  const step = useCommand<CaseStep>({
    send: ({ target }) => postToCase(kase, target),
    changes: () => caseChanges(kase),
    onDone: (_r, s) => message.success(s.done),
    onFailed: (e) => message.error(errorText(e)),
  });
  return { run: (s: CaseStep) => step.mutate(s), busy: step.isPending ? step.variables?.key : undefined };
}
