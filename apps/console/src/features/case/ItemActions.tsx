import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { CaseItemView, ItemAction } from '../../views';
import { itemPath } from '../../shared/cases';
import type { CaseCommand } from './caseCommands';
import type { DecisionKind } from './DecisionModal';

export interface ItemHandlers {
  busy?: string;
  act: (command: CaseCommand) => void;
  /** The acts with legal effect open their confirmation dialog: 受理, a decision, 撤销. */
  accept: (item: CaseItemView) => void;
  decide: (kind: DecisionKind, item: CaseItemView) => void;
  pause: (item: CaseItemView) => void;
  revoke: (item: CaseItemView) => void;
}

/**
 * The buttons of the item commands the user may take now (the item's actions).
 * Two things the actions do not say are read from the item: which decisions an
 * item in its status takes (不予受理 only before 受理; 准予, 容缺, 补正 once accepted),
 * and 受理 shown disabled, with why, to the department while prerequisites hold it.
 */
export function itemActions(i: CaseItemView, { busy, act, accept, decide, pause, revoke }: ItemHandlers): ReactNode[] {
  const can = (a: ItemAction) => i.actions.includes(a);
  const button = (key: string, label: string, done: string, action: ItemAction) => (
    <Button
      key={key}
      size="small"
      data-testid={`${key}-${i.itemCode}`}
      loading={busy === `${key}-${i.itemCode}`}
      disabled={!!busy && busy !== `${key}-${i.itemCode}`}
      onClick={() => act({ key: `${key}-${i.itemCode}`, done: `${done}：${i.name}`, target: itemPath(i.itemCode, action) })}
    >
      {label}
    </Button>
  );
  const actions: ReactNode[] = [];
  if (can('application')) actions.push(button('apply', '提交申请', '已提交申请', 'application'));
  if (can('resubmit')) actions.push(button('resubmit', '已补正，重新提交', '已重新提交，恢复计时', 'resubmit'));
  if (can('documents-supplied')) actions.push(button('supply', '已补交容缺材料', '已补交材料', 'documents-supplied'));
  const applied = i.status === 'APPLIED';
  if (can('acceptance') || (applied && i.blockedBy.length > 0 && can('decision')))
    actions.push(
      i.blockedBy.length ? (
        <Tooltip key="accept" title={`须待前置事项办结：${i.blockedBy.map((b) => `${b.itemCode} ${b.name}`).join('、')}`}>
          <Button size="small" disabled data-testid={`accept-${i.itemCode}`}>
            受理
          </Button>
        </Tooltip>
      ) : (
        <Button key="accept" size="small" type="primary" data-testid={`accept-${i.itemCode}`} disabled={!!busy} onClick={() => accept(i)}>
          受理
        </Button>
      ),
    );
  if (can('decision') && i.status === 'ACCEPTED') {
    const tolerable = i.procedure !== 'ordinary' && i.documents.some((d) => d.tolerable);
    actions.push(
      <Button key="grant" size="small" type="primary" data-testid={`grant-${i.itemCode}`} disabled={!!busy} onClick={() => decide('grant', i)}>
        准予
      </Button>,
      <Tooltip key="missing" title={tolerable ? '' : i.procedure === 'ordinary' ? '一般程序须材料齐全，不适用容缺' : '该事项没有可容缺的材料'}>
        <Button size="small" data-testid={`grant-missing-${i.itemCode}`} disabled={!tolerable || !!busy} onClick={() => decide('grant-with-missing-documents', i)}>
          容缺准予
        </Button>
      </Tooltip>,
      <Button key="corrections" size="small" data-testid={`corrections-${i.itemCode}`} disabled={!!busy} onClick={() => decide('request-corrections', i)}>
        要求补正
      </Button>,
    );
  }
  if (can('pause'))
    actions.push(
      <Button key="pause" size="small" data-testid={`pause-${i.itemCode}`} disabled={!!busy} onClick={() => pause(i)}>
        暂停计时
      </Button>,
    );
  if (can('resume')) actions.push(button('resume', '恢复计时', '已恢复计时', 'resume'));
  if (can('decision'))
    actions.push(
      <Button key="reject" size="small" danger data-testid={`reject-${i.itemCode}`} disabled={!!busy} onClick={() => decide('reject', i)}>
        {applied ? '不予受理' : '不予许可'}
      </Button>,
    );
  if (can('revocation'))
    actions.push(
      <Button key="revoke" size="small" danger data-testid={`revoke-${i.itemCode}`} disabled={!!busy} onClick={() => revoke(i)}>
        撤销（虚假承诺）
      </Button>,
    );
  return actions;
}
