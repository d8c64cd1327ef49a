import { Button, Card, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CaseAction, CaseView, ZoneRulesView } from '../../views';
import { AcceptanceForm } from './AcceptanceForm';
import type { CaseAct } from './CaseActModals';
import type { CaseCommand } from './caseCommands';

/** The case commands this card offers (the 承诺书 and the acceptance request are the enterprise's, on its project page). */
const OFFERED: CaseAction[] = ['notice', 'precheck', 'publicity-end', 'acceptance'];
export const offersCaseActions = (c: CaseView) => c.actions.some((a) => OFFERED.includes(a));

/** 办理: where the case stands, and the case commands the user may take now (its actions); the acts with legal effect open their confirmation (`confirm`). */
export function CaseActionsCard({
  c,
  busy,
  settings,
  act,
  confirm,
}: {
  c: CaseView;
  busy?: string;
  settings?: Pick<ZoneRulesView, 'publicityDays' | 'majorRectifyDays'>;
  act: (command: CaseCommand) => void;
  confirm: (act: CaseAct) => void;
}) {
  const can = (a: CaseAction) => c.actions.includes(a);
  let body: ReactNode = null;
  if (c.status === 'OPENED')
    body = (
      <Space orientation="vertical">
        <Typography.Text>案件已立案，请向企业发出承诺制告知书（列明 {c.items.length} 项审批事项及承诺要求）。</Typography.Text>
        {can('notice') && (
          <Button type="primary" data-testid="issue-notice" disabled={!!busy} onClick={() => confirm('notice')}>
            发出告知书
          </Button>
        )}
      </Space>
    );
  else if (c.status === 'NOTIFIED') body = <Typography.Text type="secondary">告知书已发出，等待企业提交承诺书。</Typography.Text>;
  else if (c.status === 'COMMITTED')
    body = (
      <Space orientation="vertical">
        <Typography.Text>企业已提交承诺书，请预审。通过后进入公示{settings ? (settings.publicityDays ? `（${settings.publicityDays} 天）` : '（本区不设公示期，直接进入审批决定）') : ''}；不通过则退回企业重新承诺。</Typography.Text>
        {can('precheck') && (
          <Space>
            <Button type="primary" data-testid="precheck-pass" disabled={!!busy} onClick={() => confirm('precheck-pass')}>
              预审通过
            </Button>
            <Button danger data-testid="precheck-fail" disabled={!!busy} onClick={() => confirm('precheck-fail')}>
              预审不通过
            </Button>
          </Space>
        )}
      </Space>
    );
  else if (c.status === 'IN_PUBLICITY')
    body = (
      <Space orientation="vertical">
        <Typography.Text>
          公示期：{c.publicityStartsOn} 至 {c.publicityEndsOn}。公示期满后可结束公示（到期后系统也会自动结束）。
        </Typography.Text>
        {can('publicity-end') && (
          <Button type="primary" data-testid="end-publicity" loading={busy === 'publicity'} onClick={() => act({ key: 'publicity', done: '公示已结束', target: '/publicity/end' })}>
            结束公示
          </Button>
        )}
      </Space>
    );
  else if (c.status === 'DECIDING') body = <Typography.Text>请各部门对已受理的事项逐项作出决定；全部须审批及一般程序事项准予（含容缺）后自动批复，承诺事项随批复一并准予。</Typography.Text>;
  else if (c.status === 'GRANTED') body = <Typography.Text type="secondary">案件已批复（{c.decisionNumber}）。项目竣工后由企业申请对标验收。</Typography.Text>;
  else if (c.status === 'ACCEPTANCE_REQUESTED')
    body = can('acceptance') ? <AcceptanceForm c={c} majorRectifyDays={settings?.majorRectifyDays} /> : <Typography.Text type="secondary">企业已于 {c.acceptanceRequestedOn ?? '—'} 申请对标验收。</Typography.Text>;
  else if (c.status === 'RECTIFYING')
    body = (
      <Typography.Text type="warning">
        对标验收未通过（第 {c.rectificationRound} 次），企业整改中（限 {c.rectifyBy ?? '—'} 前）。整改后由企业申请复查；复查仍不通过或逾期未申请复查的，记入重大失信记录。
      </Typography.Text>
    );
  else if (c.status === 'ACCEPTED') body = <Typography.Text type="success">对标验收已通过，案件办结。</Typography.Text>;
  if (!body) return null;
  return (
    <Card title="办理" data-testid="case-actions">
      {body}
    </Card>
  );
}
