import { App } from 'antd';
import { createElement } from 'react';
import { post } from '../../client';
import { landChanges } from '../../shared/changes';
import { useCommand } from '../../shared/commands';
import { conflictReasons, errorText, ReasonList } from '../../shared/errors';

/** 预留 / 取消预留 a plot for the project: a message when done; a 409's reasons in a dialog. */
export function usePlotCommand(projectId: string, refusedTitle: string) {
  const { message, modal } = App.useApp();
  const command = useCommand<{ code: string; action: 'reserve' | 'release'; done: string }>({
    send: ({ code, action }) => action === 'reserve' ? post('standard-land', '/plots/{code}/reserve', { params: { path: { code } }, body: { projectId } }) : post('standard-land', `/plots/{code}/${action}` as const, { params: { path: { code } } }),
    changes: () => landChanges(projectId),
    onDone: (_r, v) => message.success(v.done),
    onFailed: (e) => {
      const reasons = conflictReasons(e);
      if (reasons) modal.error({ title: refusedTitle, content: createElement(ReasonList, { reasons }), okText: '知道了' });
      else message.error(errorText(e));
    },
  });
  return { run: command.mutate, busy: command.isPending ? command.variables?.code : undefined };
}
