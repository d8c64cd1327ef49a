import { Button, Card, Descriptions, Progress, Rate, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Session } from '../../api';
import { ErrorAlert } from '../../shared/errors';
import { PageHeading } from '../../shared/page';
import { useApi } from '../../shared/query';
import { AssignmentsCard } from './AssignmentsCard';
import { ReassignModal } from './ReassignModal';
import { TaskPlanCard } from './TaskPlanCard';
import { useAgents } from './tasks';

const SCOPE_ZH: Record<string, string> = { approval: '审批事项代办', utilities: '水电气讯接入', land: '标准地出让' };
const DELEGATION_STATUS: Record<string, [string, string]> = { OPEN: ['processing', '办理中'], CLOSED: ['success', '已办结'] };

/** /delegations/:projectId — a project's 全代办 delegation: the agent, its history, and the task plan with what may be done next. */
export function DelegationPage({ session }: { session: Session }) {
  const { projectId = '' } = useParams();
  const delegation = useApi('agency', '/projects/{projectId}/delegation', { path: { projectId } });
  const project = useApi('project-intake', '/projects/{id}', { path: { id: projectId } });
  const d = delegation.data;
  const { agents } = useAgents(session.user.role !== 'enterprise' && !!d, d?.zoneCode);
  const [reassigning, setReassigning] = useState(false);

  if (delegation.isLoading) return <Card title={<PageHeading title="全代办委托" />} loading />;
  if (!d)
    return (
      <Card title={<PageHeading title="全代办委托" />}>
        <ErrorAlert error={delegation.error} />
        <Link to="/worklist">返回工作清单</Link>
      </Card>
    );

  const agentName = (id: string | null) => (id ? (agents?.find((a) => a.id === id)?.name ?? (id === session.user.sub ? session.user.name : id)) : '未指派');
  const done = d.tasks.filter((t) => t.status === 'DELIVERED' || t.status === 'REFUSED').length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="delegation">
      <Card
        title={
          <Space>
            <PageHeading title={`全代办委托 ${d.authorizationNumber}`} />
            <Tag color={DELEGATION_STATUS[d.status]?.[0]}>{DELEGATION_STATUS[d.status]?.[1] ?? d.status}</Tag>
          </Space>
        }
        extra={
          <Space>
            {d.actions.includes('assign') && (
              <Button data-testid="reassign" onClick={() => setReassigning(true)}>
                改派
              </Button>
            )}
            <Link to={`/projects/${d.projectId}`}>项目详情</Link>
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'project', label: '项目', children: project.data?.name ?? '—' },
            { key: 'enterprise', label: '企业', children: project.data?.enterprise.name ?? '—' },
            { key: 'number', label: '委托编号', children: d.authorizationNumber },
            { key: 'scope', label: '代办范围', children: d.scope.map((s) => <Tag key={s}>{SCOPE_ZH[s] ?? s}</Tag>) },
            { key: 'agent', label: '代办员', children: <span data-testid="delegation-agent">{agentName(d.agentId)}</span> },
            { key: 'opened', label: '委托日期', children: d.openedOn },
            ...(d.closedOn ? [{ key: 'closed', label: '办结日期', children: d.closedOn }] : []),
            {
              key: 'progress',
              label: '办理进度',
              children: <Progress aria-label="办理进度" percent={d.tasks.length ? Math.round((done / d.tasks.length) * 100) : 0} size="small" format={() => `${done}/${d.tasks.length}`} style={{ width: 200 }} />,
            },
            ...(d.rating !== null
              ? [
                  {
                    key: 'rating',
                    label: '企业评价',
                    children: (
                      <Space>
                        <Rate disabled value={d.rating} />
                        {d.ratingComment && <Typography.Text type="secondary">{d.ratingComment}</Typography.Text>}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <TaskPlanCard d={d} agentName={agentName} error={delegation.error} />
      <AssignmentsCard assignments={d.assignments} agentName={agentName} />
      {reassigning && <ReassignModal delegation={d} onClose={() => setReassigning(false)} />}
    </Space>
  );
}
