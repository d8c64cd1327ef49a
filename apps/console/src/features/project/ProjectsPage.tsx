import { LIFECYCLE_STAGES } from '@devzone/contracts/names';
import { Card, Flex, Input, Select, Space, Switch, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import type { Session } from '../../api';
import type { LifecycleStage, ProjectView } from '../../views';
import { ErrorAlert } from '../../shared/errors';
import { stageName } from '../../shared/names';
import { PageHeading, usePhone } from '../../shared/page';
import { PagedTable } from '../../shared/PagedTable';
import { StageTag } from '../../shared/tags';
import { useZones } from '../../shared/zones';
import { behindPlan, nextStep } from './project';

function BehindTag({ p }: { p: ProjectView }) {
  const b = behindPlan(p);
  return b ? (
    <Tooltip title={`计划${b.milestone}日期已过 ${b.days} 天，尚未${b.milestone}`}>
      <Tag color="red" data-testid="behind-plan">
        {b.milestone}落后 {b.days} 天
      </Tag>
    </Tooltip>
  ) : null;
}

/** One project on a phone: its name (the link), stage, code, enterprise and zone where the list spans several, and what comes next. */
function ProjectCard({ p, enterprise, wide }: { p: ProjectView; enterprise: boolean; wide: boolean }) {
  return (
    <Flex vertical gap={4}>
      <Flex justify="space-between" align="start" gap={8}>
        <Link to={`/projects/${p.id}`} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {p.name}
        </Link>
        <StageTag stage={p.stage} />
      </Flex>
      <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
        项目代码 {p.code}
      </Typography.Text>
      {!enterprise && <Typography.Text style={{ overflowWrap: 'anywhere' }}>{p.enterprise.name}</Typography.Text>}
      {wide && <Typography.Text type="secondary">{p.zoneName ?? p.zoneCode}</Typography.Text>}
      <Typography.Text>
        下一步：{nextStep(p)}
      </Typography.Text>
      {behindPlan(p) && (
        <div>
          <BehindTag p={p} />
        </div>
      )}
    </Flex>
  );
}

/** 我的项目 (enterprise) / 项目库 (everyone else): the projects the user may see, paged by the service. */
export function ProjectsPage({ session }: { session: Session }) {
  const enterprise = session.user.role === 'enterprise';
  const wide = session.user.role === 'province-manager' || session.user.role === 'admin';
  const [stage, setStage] = useState<LifecycleStage>();
  const [overdue, setOverdue] = useState(false);
  const [zone, setZone] = useState<string>();
  /** The search text sent as `q` (part of a name, or a whole code), once the user searches; an empty box searches nothing. */
  const [q, setQ] = useState<string>();
  const zones = useZones();

  const columns: TableColumnsType<ProjectView> = [
    { title: '项目代码', dataIndex: 'code', width: 230 },
    { title: '项目名称', dataIndex: 'name', render: (name: string, p) => <Link to={`/projects/${p.id}`}>{name}</Link> },
    { title: '企业', key: 'enterprise', render: (_, p) => p.enterprise.name },
    { title: '开发区', key: 'zone', render: (_, p) => p.zoneName ?? p.zoneCode },
    { title: '阶段', dataIndex: 'stage', width: 120, render: (s: string) => <StageTag stage={s} /> },
    { title: '签约日期', dataIndex: 'signedOn', width: 110 },
    {
      title: '落后计划',
      key: 'behind',
      width: 150,
      render: (_, p) => (behindPlan(p) ? <BehindTag p={p} /> : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];
  /** On a phone each project is a card: one column, no header. */
  const cards: TableColumnsType<ProjectView> = [{ title: '项目', key: 'card', render: (_, p) => <ProjectCard p={p} enterprise={enterprise} wide={wide} /> }];
  const phone = usePhone();
  // On a phone the filters stand one under another, as wide as the screen.
  const full = (width: number) => (phone ? '100%' : width);
  const creditCode = enterprise && session.user.creditCode ? <Typography.Text type="secondary">统一社会信用代码 {session.user.creditCode}</Typography.Text> : null;
  const filterKey = `${stage ?? ''}|${overdue}|${zone ?? ''}|${q ?? ''}`;

  return (
    <Card title={<PageHeading title={enterprise ? '我的项目' : '项目库'} />} extra={phone ? null : creditCode}>
      {phone && creditCode && <div style={{ marginBottom: 12, overflowWrap: 'anywhere' }}>{creditCode}</div>}
      <Flex wrap gap={phone ? 12 : 16} vertical={phone} align={phone ? 'stretch' : 'center'} style={{ marginBottom: 16 }}>
        <Input.Search
          data-testid="project-search"
          aria-label="搜索项目"
          allowClear
          enterButton="搜索"
          maxLength={100}
          placeholder={phone ? '项目名称、代码、企业或信用代码' : '按项目名称、项目代码、企业名称或统一社会信用代码搜索'}
          style={{ width: phone ? '100%' : 'min(480px, 100%)' }}
          onSearch={(text) => setQ(text.trim() || undefined)}
        />
        <Select
          data-testid="filter-stage"
          aria-label="按阶段筛选"
          allowClear
          placeholder="全部阶段"
          style={{ width: full(180) }}
          value={stage}
          onChange={(v?: LifecycleStage) => setStage(v)}
          options={LIFECYCLE_STAGES.map((s) => ({ value: s, label: stageName(s) }))}
        />
        {wide && (
          <Select
            data-testid="filter-zone"
            aria-label="按开发区筛选"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部开发区"
            style={{ width: full(260) }}
            loading={zones.loading}
            value={zone}
            onChange={(v?: string) => setZone(v)}
            options={zones.zones.map((z) => ({ value: z.code, label: z.name }))}
          />
        )}
        <Space>
          <Switch data-testid="filter-overdue" aria-label="只看落后于计划" checked={overdue} onChange={setOverdue} />
          <Typography.Text>只看落后于计划</Typography.Text>
        </Space>
      </Flex>
      <ErrorAlert error={zones.error} />
      <PagedTable
        key={filterKey}
        service="project-intake"
        path="/projects"
        params={{ query: { stage, overdue: overdue || undefined, zone, q } }}
        columns={phone ? cards : columns}
        showHeader={!phone}
        // A card wraps its text: the table stays as wide as the screen.
        {...(phone ? { scroll: {} } : {})}
        size="middle"
        locale={{ emptyText: q ? `没有与“${q}”匹配的项目` : overdue ? '没有落后于计划的项目' : '暂无项目' }}
        onRow={(p) => ({ 'data-testid': `project-row-${p.code}` }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
