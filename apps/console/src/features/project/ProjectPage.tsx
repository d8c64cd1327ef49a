import { Card, Col, Row, Space, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { Session } from '../../api';
import { ErrorAlert } from '../../shared/errors';
import { PageHeading } from '../../shared/page';
import { useApi, useApiOrNull } from '../../shared/query';
import { isOfficer } from '../../shared/roles';
import { AgencyCard } from './AgencyCard';
import { CaseCard } from './CaseCard';
import { LandCard } from './LandCard';
import { OverviewCard } from './OverviewCard';
import { ProjectActions } from './ProjectActions';
import { TimelineCard } from './TimelineCard';
import { TodoCard } from './TodoCard';

/** /projects/:id (or its code) — one project: what the enterprise has to do (first), its facts, the approvals, land, agency and timeline. */
export function ProjectPage({ session }: { session: Session }) {
  const { id = '' } = useParams();
  const enterprise = session.user.role === 'enterprise';
  const officer = isOfficer(session);

  const project = useApi('project-intake', '/projects/{id}', { path: { id } });
  const p = project.data?.id === id || project.data?.code === id ? project.data : undefined;
  const kase = useApiOrNull('commitment-approval', '/projects/{projectId}/case', p ? { path: { projectId: p.id } } : null);

  if (!p) {
    return (
      <Card title={<PageHeading title="项目详情" />}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Link to="/projects">返回项目列表</Link>
          <ErrorAlert error={project.error} />
          {project.isLoading && <Spin style={{ display: 'block', margin: '48px auto' }} />}
        </Space>
      </Card>
    );
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="project-detail">
      <nav aria-label="位置">
        <Space wrap size={[8, 0]}>
          <Link to="/projects">{enterprise ? '我的项目' : '项目库'}</Link>
          <Typography.Text type="secondary">/</Typography.Text>
          <Typography.Text style={{ overflowWrap: 'anywhere' }}>{p.code}</Typography.Text>
          {project.isFetching && <Spin size="small" />}
        </Space>
      </nav>
      <ErrorAlert error={project.error} />
      {/* What the enterprise has to do comes first, above the project's facts (on a phone, within the first screen). */}
      {enterprise && <TodoCard p={p} kase={kase.data} caseLoading={kase.isLoading} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <OverviewCard p={p} actions={<ProjectActions p={p} reports={!enterprise} />} />
            <CaseCard kase={kase.data} loading={kase.isLoading} error={kase.error} officer={officer} />
            <LandCard p={p} officer={officer} />
            <AgencyCard p={p} enterprise={enterprise} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <TimelineCard p={p} />
        </Col>
      </Row>
    </Space>
  );
}
