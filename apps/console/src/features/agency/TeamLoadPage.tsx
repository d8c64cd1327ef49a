import { Card, Col, Empty, Progress, Rate, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import type { Session } from '../../api';
import type { AgentLoadView } from '../../views';
import { PageHeading } from '../../shared/page';
import { ErrorAlert } from '../../shared/errors';
import { useApi } from '../../shared/query';
import { useZones } from '../../shared/zones';
import { useAgents } from './tasks';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`);

/** 专班负荷: each agent's open tasks against capacity, on-time delivery and ratings. */
export function TeamLoadPage({ session }: { session: Session }) {
  // The teams are those of the agents the user may see (a lead: its zone's).
  const roster = useAgents(true, session.user.zones.length === 1 ? session.user.zones[0] : undefined);
  const teams = [...new Set((roster.agents ?? []).map((a) => a.teamCode).filter((t): t is string => !!t))].sort();
  const { zoneName } = useZones();
  const [picked, setCode] = useState<string>();
  const code = picked ?? teams[0];
  const { data, error, isFetching } = useApi('agency', '/teams/{code}/load', code ? { path: { code } } : null);
  const agents = data?.agents ?? [];
  const open = agents.reduce((s, a) => s + a.openTasks, 0);
  const capacity = agents.reduce((s, a) => s + a.capacity, 0);
  const delivered = agents.reduce((s, a) => s + a.delivered, 0);
  const onTime = agents.reduce((s, a) => s + a.deliveredOnTime, 0);

  return (
    <Card
      data-testid="team-load"
      title={<PageHeading title={data ? `专班负荷 · ${data.team.name}` : '专班负荷'} />}
      extra={
        teams.length > 1 ? (
          <Select
            data-testid="team-select"
            aria-label="选择代办专班"
            style={{ width: 280 }}
            value={code}
            onChange={setCode}
            options={teams.map((t) => ({ value: t, label: `${zoneName(roster.agents?.find((a) => a.teamCode === t)?.zoneCode ?? '')}代办专班` }))}
          />
        ) : (
          data && <Typography.Text type="secondary">{zoneName(data.team.zoneCode)}</Typography.Text>
        )
      }
    >
      <ErrorAlert error={error} />
      {data && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col span={6}>
            <Statistic title="代办员" value={agents.length} suffix="人" />
          </Col>
          <Col span={6}>
            <Statistic title="在办事项 / 总容量" value={open} suffix={`/ ${capacity}`} />
          </Col>
          <Col span={6}>
            <Statistic title="已办结事项" value={delivered} suffix="项" />
          </Col>
          <Col span={6}>
            <Statistic title="整体按时办结率" value={delivered ? percent(onTime / delivered) : '—'} />
          </Col>
        </Row>
      )}
      <Table<AgentLoadView>
        rowKey="agentId"
        loading={isFetching}
        dataSource={agents}
        locale={{ emptyText: <Empty description="该专班暂无代办员" /> }}
        pagination={{ defaultPageSize: 10, showSizeChanger: true, showTotal: (t) => `共 ${t} 人` }}
        onRow={(a) => ({ 'data-testid': `team-agent-${a.agentId}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: '代办员',
            dataIndex: 'name',
            render: (name: string, a) => (
              <Space>
                <Typography.Text strong>{name}</Typography.Text>
                {data?.team.leadAgentId === a.agentId && <Tag color="gold">负责人</Tag>}
              </Space>
            ),
          },
          {
            title: '在办事项 / 容量',
            key: 'load',
            width: 240,
            render: (_: unknown, a) => {
              const share = a.capacity ? (a.openTasks / a.capacity) * 100 : 0;
              return (
                <Progress
                  aria-label={`${a.name}：在办 ${a.openTasks} 项，容量 ${a.capacity} 项`}
                  percent={Math.min(100, Math.round(share))}
                  status={share >= 100 ? 'exception' : 'normal'}
                  strokeColor={share >= 100 ? undefined : share >= 80 ? '#faad14' : undefined}
                  format={() => `${a.openTasks}/${a.capacity}`}
                />
              );
            },
          },
          { title: '在办委托', dataIndex: 'openDelegations', align: 'right' },
          { title: '已办结', dataIndex: 'delivered', align: 'right' },
          { title: '按时办结', dataIndex: 'deliveredOnTime', align: 'right' },
          { title: '按时办结率', dataIndex: 'onTimeRate', align: 'right', render: (r: number | null) => percent(r) },
          {
            title: '平均评价',
            key: 'rating',
            render: (_: unknown, a) =>
              a.averageRating === null ? (
                <Typography.Text type="secondary">暂无评价</Typography.Text>
              ) : (
                <Space>
                  <Rate disabled allowHalf value={Math.round(a.averageRating * 2) / 2} style={{ fontSize: 14 }} />
                  <Typography.Text>
                    {a.averageRating}（{a.ratings} 次）
                  </Typography.Text>
                </Space>
              ),
          },
          {
            title: '操作',
            key: 'open',
            render: (_: unknown, a) => (
              <Link data-testid={`team-worklist-${a.agentId}`} to={`/worklist?agent=${encodeURIComponent(a.agentId)}`}>
                工作清单
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
