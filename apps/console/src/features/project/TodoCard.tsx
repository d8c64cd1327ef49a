import { Alert, Button, Card, Empty, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CaseView, ProjectView } from '../../views';
import { useCaseSteps } from './caseSteps';
import { CommitmentForm } from './CommitmentForm';
import { DocumentsToSupply, ItemApplications } from './ItemApplications';
import { hasReportSection, ReportButtons } from './ReportForm';

/** 对标验收: the enterprise asks for it once the project is completed (again after a rectification). */
function AcceptanceRequest({ kase, busy, onRequest }: { kase: CaseView; busy: boolean; onRequest: () => void }) {
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        对标验收
      </Typography.Title>
      {kase.status === 'RECTIFYING' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`对标验收未通过：${kase.acceptanceReasons?.join('；') || '未说明原因'}`}
          description={kase.rectifyBy ? `请于 ${kase.rectifyBy} 前整改完毕后重新申请验收。` : '请整改后重新申请验收。'}
        />
      )}
      <Typography.Paragraph type="secondary">项目已竣工，可申请对标验收；验收通过后方可报告投产。</Typography.Paragraph>
      <Button type="primary" loading={busy} data-testid="request-acceptance" onClick={onRequest}>
        {kase.status === 'RECTIFYING' ? '重新申请对标验收' : '申请对标验收'}
      </Button>
    </div>
  );
}

function CaseTodos({ kase, reports }: { kase: CaseView; reports: ReactNode[] }) {
  const { run, busy } = useCaseSteps(kase);
  const applications = kase.items.filter((i) => i.actions.includes('application') || i.actions.includes('resubmit'));
  const documents = kase.items.filter((i) => i.actions.includes('documents-supplied'));
  const todos: ReactNode[] = [];
  if (kase.actions.includes('commitment')) todos.push(<CommitmentForm key="commitment" kase={kase} />);
  if (applications.length) todos.push(<ItemApplications key="applications" items={applications} busy={busy} run={run} />);
  if (documents.length) todos.push(<DocumentsToSupply key="documents" items={documents} busy={busy} run={run} />);
  if (kase.actions.includes('acceptance-request'))
    todos.push(<AcceptanceRequest key="acceptance" kase={kase} busy={busy === 'acceptance'} onRequest={() => run({ key: 'acceptance', target: '/acceptance-request', done: '已申请对标验收' })} />);
  if (kase.status === 'ACCEPTANCE_REQUESTED') todos.push(<Alert key="acceptance-requested" type="info" showIcon title={`已于 ${kase.acceptanceRequestedOn ?? '—'} 申请对标验收，等待开发区验收。`} />);
  return <Todos>{[...todos, ...reports]}</Todos>;
}

const Todos = ({ children }: { children: ReactNode[] }) => (
  <Space orientation="vertical" size={24} style={{ width: '100%' }}>
    {children}
  </Space>
);

/** Whether the case has anything for the enterprise to do or to know. */
const caseHasTodos = (kase: CaseView) =>
  kase.actions.includes('commitment') || kase.actions.includes('acceptance-request') || kase.status === 'ACCEPTANCE_REQUESTED' || kase.items.some((i) => i.actions.some((a) => a === 'application' || a === 'resubmit' || a === 'documents-supplied'));

/** 待我办理 (the enterprise): what its case and project ask of it now, by their actions. */
export function TodoCard({ p, kase, caseLoading }: { p: ProjectView; kase: CaseView | null | undefined; caseLoading: boolean }) {
  const reports = hasReportSection(p)
    ? [
        <div key="report">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            报告建设进度
          </Typography.Title>
          <ReportButtons p={p} permit={kase?.decisionNumber ?? null} />
        </div>,
      ]
    : [];
  const any = reports.length > 0 || (!!kase && caseHasTodos(kase));
  return (
    <Card title="待我办理" data-testid="todo">
      {caseLoading && kase === undefined ? (
        <Spin />
      ) : any ? (
        kase ? <CaseTodos kase={kase} reports={reports} /> : <Todos>{reports}</Todos>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办事项" />
      )}
    </Card>
  );
}
