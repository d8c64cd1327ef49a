import { App } from 'antd';
import { api } from '../../api';
import type { CaseView } from '../../views';
import { caseChanges } from '../../shared/changes';
import { useCommand } from '../../shared/commands';
import { errorText } from '../../shared/errors';

/** A command on the case or one of its items: POST /cases/:id<path>. */
export interface CaseCommand {
  /** Which button it is (for its spinner). */
  key: string;
  /** The message once done. */
  done: string;
  path: string;
  body?: unknown;
}

export const postToCase = (c: CaseView, path: string, body?: unknown) => api<CaseView>('commitment-approval', `/cases/${c.id}${path}`, { method: 'POST', ...(body === undefined ? {} : { body }) });
export const itemPath = (itemCode: string, action: string) => `/items/${encodeURIComponent(itemCode)}/${action}`;

/** The case page's one-click commands: a message when done; a refusal stays on the page (`error`) and as a message. */
export function useCaseCommands(c: CaseView) {
  const { message } = App.useApp();
  const command = useCommand<CaseCommand>({
    send: ({ path, body }) => postToCase(c, path, body),
    changes: () => caseChanges(c),
    onDone: (_r, v) => message.success(v.done),
    onFailed: (e) => message.error(errorText(e)),
  });
  return {
    act: (v: CaseCommand) => command.mutate(v),
    busy: command.isPending ? command.variables?.key : undefined,
    error: command.error,
  };
}
