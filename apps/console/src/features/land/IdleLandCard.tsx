import { Alert, Button, Card, Divider, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ConstructionProgressView, ContractView, IdleExemptionView, IdleLandView, LandProjectView } from '../../views';
import { chinaToday, pct, tid, yuan } from '../../shared/format';
import { ExemptionModal, ProgressModal } from './IdleLandModals';
import { causeName, roleName } from './paths';

const IDLE_CASE_ZH: Record<string, string> = { 'not-started': '未动工开发', stalled: '已动工但中止开发' };
const DEFAULT_IDLE = { feeBasisPoints: 2000, feeAfterYears: 1, recoverAfterYears: 2 };

function IdleState({ idle, contract, project }: { idle: IdleLandView | null; contract: ContractView; project: LandProjectView }) {
  const terms = contract.agreement?.breachTerms?.idle ?? DEFAULT_IDLE;
  if (!idle) return <Alert type="info" showIcon title="暂无闲置土地认定结果" />;
  if (!idle.case)
    return (
      <Alert
        type="success"
        showIcon
        {...tid('idle-state')}
        title="未构成闲置土地"
        description={project.actualStart ? '项目已开工；最近一次施工进度未低于认定标准，或尚未填报施工进度。' : undefined}
      />
    );
  if (idle.clockFrom !== null && idle.clockFrom > chinaToday())
    return (
      <Alert
        type="info"
        showIcon
        {...tid('idle-state')}
        title={`约定开工日期 ${idle.clockFrom} 未到，尚未开始计算闲置时间`}
        description={`超过约定开工日期满 ${terms.feeAfterYears} 年未动工的，征收土地闲置费（出让价款的 ${pct(terms.feeBasisPoints)}）；满 ${terms.recoverAfterYears} 年的，可无偿收回。`}
      />
    );
  const what =
    idle.case === 'not-started'
      ? `未动工：约定开工日期 ${idle.clockFrom ?? '—'}，至今未报开工`
      : `已动工但中止开发：已建建筑面积不足规划的三分之一或已完成投资不足总投资的 25%，自 ${idle.clockFrom ?? '—'} 起未再增加`;
  const consequence =
    idle.level === 'recovery'
      ? `闲置已满 ${terms.recoverAfterYears} 年（${idle.recoveryFrom}），可无偿收回国有建设用地使用权`
      : idle.level === 'fee'
        ? `闲置已满 ${terms.feeAfterYears} 年（${idle.feeFrom}），征收土地闲置费 ${yuan(idle.feeFen)}；${idle.recoveryFrom} 起可无偿收回`
        : `${idle.feeFrom} 起征收土地闲置费（出让价款的 ${pct(terms.feeBasisPoints)}），${idle.recoveryFrom} 起可无偿收回`;
  const raised = idle.raised?.[idle.case];
  return (
    <Alert
      type={idle.level === 'none' ? 'warning' : 'error'}
      showIcon
      {...tid('idle-state')}
      title={
        <Space wrap>
          <Tag color={idle.level === 'recovery' ? 'red' : idle.level === 'fee' ? 'volcano' : 'orange'}>{IDLE_CASE_ZH[idle.case] ?? '闲置'}</Tag>
          <span {...tid('idle-days')}>{idle.case === 'not-started' ? '逾期未动工' : '中止开发'} {idle.daysIdle} 天</span>
          {idle.exemptDays > 0 && <Typography.Text type="secondary">（政府原因迟延 {idle.exemptDays} 天不计入）</Typography.Text>}
          {raised && <Tag>{raised === 'recovery' ? '已认定：无偿收回' : '已认定：征收闲置费'}</Tag>}
        </Space>
      }
      description={
        <Space orientation="vertical" size={2}>
          <span>{what}。</span>
          <span {...tid('idle-consequence')}>{consequence}。</span>
        </Space>
      }
    />
  );
}

/** 闲置土地 on 出让 land: the assessment, construction progress (`mayReport`: the land view lists 'construction-progress') and government-caused delays (`mayExempt`: 'idle-exemption'). */
export function IdleLandCard({
  mayExempt,
  mayReport,
  project,
  contract,
  idle,
  progress,
  exemptions,
}: {
  mayExempt: boolean;
  mayReport: boolean;
  project: LandProjectView;
  contract: ContractView;
  idle: IdleLandView | null;
  progress: ConstructionProgressView[];
  exemptions: IdleExemptionView[];
}) {
  const [open, setOpen] = useState<'progress' | 'exemption'>();
  return (
    <Card
      title="施工进度与闲置土地"
      {...tid('idle-land')}
      extra={
        <Space>
          {mayReport && (
            <Button onClick={() => setOpen('progress')} {...tid('progress-open')}>
              填报施工进度
            </Button>
          )}
          {mayExempt && (
            <Button onClick={() => setOpen('exemption')} {...tid('exemption-open')}>
              登记政府原因迟延
            </Button>
          )}
        </Space>
      }
    >
      <IdleState idle={idle} contract={contract} project={project} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        依据《闲置土地处置办法》：超过约定开工日期满一年未动工，或已动工但已建面积不足三分之一、已完成投资不足总投资 25% 且中止开发满一年的，认定为闲置土地；政府原因造成的迟延期间不计入。
      </Typography.Paragraph>
      <Divider titlePlacement="start" plain>
        施工进度（累计）
      </Divider>
      <Table<ConstructionProgressView>
        rowKey="id"
        size="small"
        dataSource={[...progress].reverse()}
        locale={{ emptyText: '尚未填报施工进度' }}
        pagination={{ pageSize: 5, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 次` }}
        {...tid('progress-list')}
        columns={[
          { title: '填报日期', dataIndex: 'reportedOn' },
          { title: '已建建筑面积', dataIndex: 'builtFloorAreaM2', align: 'right', render: (v: number) => `${v.toLocaleString('zh-CN')} m²` },
          { title: '已完成投资', dataIndex: 'investmentMade', align: 'right', render: (v: number) => `${v.toLocaleString('zh-CN')} 万元` },
          { title: '填报人', dataIndex: 'reportedBy', render: (by: ConstructionProgressView['reportedBy']) => (by ? roleName(by.role) : '—') },
        ]}
      />
      <Divider titlePlacement="start" plain>
        政府原因造成的迟延
      </Divider>
      <Table<IdleExemptionView>
        rowKey="id"
        size="small"
        dataSource={exemptions}
        locale={{ emptyText: '无' }}
        pagination={{ pageSize: 5, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
        {...tid('exemption-list')}
        columns={[
          { title: '原因类别', dataIndex: 'cause', render: (c: string) => causeName(c) },
          { title: '说明', dataIndex: 'reason' },
          { title: '期间', key: 'span', render: (_: unknown, e) => (e.to ? `${e.from} 至 ${e.to}` : `${e.from} 起（仍在持续）`) },
        ]}
      />
      {open === 'progress' && mayReport && <ProgressModal project={project} onClose={() => setOpen(undefined)} />}
      {open === 'exemption' && mayExempt && <ExemptionModal projectId={project.projectId} onClose={() => setOpen(undefined)} />}
    </Card>
  );
}
