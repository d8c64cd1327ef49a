import { App } from 'antd';
import type { CaseView } from '../../views';
import { postToCase, type CaseTarget } from '../../shared/cases';
import { caseChanges } from '../../shared/changes';
import { useCommand } from '../../shared/commands';
import { errorText } from '../../shared/errors';

/** A command on the case or one of its items: POST /cases/:id<path>. */
export interface CaseCommand {
  /** Which button it is (for its spinner). */
  key: string;
  /** The message once done. */
  done: string;
  target: CaseTarget;
  body?: unknown;
}

/** The case page's one-click commands: a message when done; a refusal stays on the page (`error`) and as a message. */
export function useCaseCommands(c: CaseView) {
  const { message } = App.useApp();
  const command = useCommand<CaseCommand>({
    send: ({ target, body }) => postToCase(c, target, body as never),
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
