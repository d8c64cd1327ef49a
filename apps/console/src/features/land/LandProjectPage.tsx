import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Session } from '../../api';
import type { LandAction, LandCheckView, LandProjectView } from '../../views';
import { ErrorAlert } from '../../shared/errors';
import { industryName } from '../../shared/names';
import { PageHeading } from '../../shared/page';
import { useApi } from '../../shared/query';
import { StageTag } from '../../shared/tags';
import { useZones } from '../../shared/zones';
import { PastChecksCard, InterimReportsCard } from './CheckHistory';
import { CheckForm } from './CheckForm';
import { CheckResultCard } from './CheckResultCard';
import { lastDate } from './checks';
import { ContractCard } from './ContractCard';
import { IdleLandCard } from './IdleLandCard';
import { LandPathCard } from './LandPathCard';
import { PlotMatchesCard } from './PlotMatchesCard';
import { ReservedPlotCard } from './ReservedPlotCard';
import { SecureLandCard } from './SecureLandCard';

function ProjectLandCard({ project, zone }: { project: LandProjectView; zone: string }) {
  return (
    <Card
      title={
        <Space>
          <PageHeading title={`项目用地 · ${project.name}`}>项目用地</PageHeading>
          <Typography.Text type="secondary">{project.name}</Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Link to={`/projects/${project.projectId}`}>项目详情</Link>
          <Link to="/plots">标准地地块</Link>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'code', label: '项目代码', children: project.code },
          { key: 'enterprise', label: '企业', children: project.enterpriseName },
          { key: 'stage', label: '阶段', children: <StageTag stage={project.stage} /> },
          { key: 'zone', label: '开发区', children: zone },
          { key: 'industry', label: '所属行业', children: industryName(project.industryCode) },
          { key: 'need', label: '用地需求', children: project.landAreaMu ? `${project.landAreaMu} 亩` : '不新增用地' },
          { key: 'fai', label: '固定资产投资', children: `${project.fixedAssetInvestment.toLocaleString('zh-CN')} 万元` },
          { key: 'output', label: '预计年产值', children: `${project.projectedAnnualOutput.toLocaleString('zh-CN')} 万元` },
          { key: 'std', label: '标准地', children: project.usesStandardLand ? <Tag color="blue">申请标准地</Tag> : <Tag>未申请</Tag> },
          ...(project.actualStart ? [{ key: 'start', label: '实际开工', children: project.actualStart }] : []),
        ]}
      />
    </Card>
  );
}

/**
 * /land/:projectId — 项目用地: how the project's land is secured (标准地: matching, reservation,
 * transfer with the agreement; otherwise a grant, own land or a lease); the indicator checks with
 * their rectification; construction progress and idle land. What the signed-in user may do here is the
 * land view's `actions` (and each plot's): a form or button is shown exactly when its action is listed.
 * Without a land view (the project is unknown to standard-land, or not the user's: 404) the page shows why.
 */
export function LandProjectPage(_props: { session: Session }) {
  const { projectId = '' } = useParams();
  const land = useApi('standard-land', '/projects/{projectId}/land', { path: { projectId } });
  const intake = useApi('project-intake', '/projects/{id}', { path: { id: projectId } });
  const { zoneName } = useZones();
  const [justChecked, setJustChecked] = useState<LandCheckView>();
  const data = land.data;

  if (land.isLoading) return <Card title={<PageHeading title="项目用地" />} loading />;
  if (!data)
    return (
      <Card title={<PageHeading title="项目用地" />}>
        <ErrorAlert error={land.error} />
        <Link to="/plots">返回标准地地块</Link>
      </Card>
    );
  const { project, plot, contract } = data;
  const path = data.path ?? null;
  const agreement = contract?.agreement ?? null;
  const may = (action: LandAction) => data.actions.includes(action);
  const checkable = data.checkableStages;
  // The case just checked, or the one last checked or re-checked.
  const shownCheck = justChecked ?? [...data.checks].sort((x, y) => (lastDate(x) < lastDate(y) ? -1 : lastDate(x) > lastDate(y) ? 1 : 0)).at(-1);
  const zone = intake.data?.zoneName ?? zoneName(project.zoneCode);
  const counterparties = [`${zone}管理委员会`, project.enterpriseName];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="land-project">
      <ProjectLandCard project={project} zone={zone} />
      {path && <LandPathCard mayLease={may('lease')} project={project} path={path} contract={contract} plot={plot} />}
      {!path && !contract && !project.usesStandardLand && <SecureLandCard actions={data.actions} project={project} />}
      {!contract && plot && <ReservedPlotCard project={project} plot={plot} counterparties={counterparties} />}
      {!contract && !plot && project.usesStandardLand && <PlotMatchesCard project={project} counterparties={counterparties} />}
      {contract && plot && agreement && (
        <>
          <ContractCard contract={contract} agreement={agreement} plot={plot} />
          {may('land-checks') && <CheckForm key={checkable.join()} projectId={project.projectId} agreement={agreement} checks={data.checks} checkable={checkable} onChecked={setJustChecked} />}
          {shownCheck && <CheckResultCard check={shownCheck} checkable={checkable} latest={!justChecked} />}
          <PastChecksCard checks={data.checks} checkable={checkable} />
          <InterimReportsCard reports={data.interimReports} />
        </>
      )}
      {contract && (
        <IdleLandCard
          mayExempt={may('idle-exemption')}
          mayReport={may('construction-progress')}
          project={project}
          contract={contract}
          idle={data.idleLand ?? null}
          progress={data.constructionProgress ?? []}
          exemptions={data.idleExemptions ?? []}
        />
      )}
    </Space>
  );
}
