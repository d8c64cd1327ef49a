import { App } from 'antd';
import { api } from '../../api';
import type { CaseView } from '../../views';
import { caseChanges } from '../../shared/changes';
import { useCommand } from '../../shared/commands';
import { errorText } from '../../shared/errors';

/** One step the enterprise takes on its case (POST /cases/:id/<path>, no body): a message when done or refused. */
export interface CaseStep {
  key: string;
  path: string;
  done: string;
}

export function useCaseSteps(kase: CaseView) {
  const { message } = App.useApp();
  const step = useCommand<CaseStep>({
    send: ({ path }) => api('commitment-approval', `/cases/${kase.id}${path}`, { method: 'POST' }),
    changes: () => caseChanges(kase),
    onDone: (_r, s) => message.success(s.done),
    onFailed: (e) => message.error(errorText(e)),
  });
  return { run: (s: CaseStep) => step.mutate(s), busy: step.isPending ? step.variables?.key : undefined };
}

/** The path of an item command. */
export const itemPath = (itemCode: string, action: string) => `/items/${encodeURIComponent(itemCode)}/${action}`;
