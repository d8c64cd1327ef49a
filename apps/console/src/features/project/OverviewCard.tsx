import { Alert, Card, Descriptions, Grid, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { MilestoneView, ProjectView } from '../../views';
import { dash } from '../../shared/format';
import { industryName, LAND_PATH_ZH, stageName } from '../../shared/names';
import { PageHeading } from '../../shared/page';
import { StageTag } from '../../shared/tags';
import { amount, wan } from './project';

const PROJECT_TYPE_ZH: Record<string, string> = {
  'capital-construction': '基本建设项目',
  'technical-renovation': '技术改造项目',
  'equipment-purchase': '单纯购置项目',
  information: '信息化项目',
  other: '其他项目',
};
const ACCEPTANCE_ZH: Record<string, ReactNode> = { pending: <Tag>待验收</Tag>, passed: <Tag color="success">已通过</Tag>, failed: <Tag color="error">未通过</Tag> };
const LAND_REVIEW_ZH: Record<string, string> = { pending: '待复核（通过或作出违约处理后方可确认达产）', passed: '已通过', decided: '未通过，已作违约处理' };

function variance(m: MilestoneView): ReactNode {
  if (m.varianceDays === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!m.actual) return <Tag color="red">已逾期 {m.varianceDays} 天</Tag>;
  if (m.varianceDays > 0) return <Typography.Text type="danger">晚于计划 {m.varianceDays} 天</Typography.Text>;
  if (m.varianceDays < 0) return <Typography.Text type="success">早于计划 {-m.varianceDays} 天</Typography.Text>;
  return <Typography.Text type="success">按期</Typography.Text>;
}

/** 项目概况: the project's facts, conditions and milestones; `actions` (the commands the user may take) in the corner. Its title, the project's name, is the page's h1. */
export function OverviewCard({ p, actions }: { p: ProjectView; actions: ReactNode }) {
  // On a phone: the actions under the title (not squeezed beside it) and the milestones as a list, not a six-column table.
  const phone = !Grid.useBreakpoint().sm;
  const rows = [
    { key: 'start', name: '开工', ...p.milestones.start },
    { key: 'completion', name: '竣工', ...p.milestones.completion },
    { key: 'production', name: '投产', ...p.milestones.production },
  ];
  const columns: TableColumnsType<(typeof rows)[number]> = [
    { title: '节点', dataIndex: 'name', width: 70 },
    { title: '计划日期', dataIndex: 'planned', render: dash },
    { title: '承诺日期（承诺书）', dataIndex: 'committed', render: dash },
    { title: '约定日期（出让合同）', dataIndex: 'agreed', render: dash },
    { title: '实际日期', dataIndex: 'actual', render: dash },
    { title: '偏差', key: 'variance', render: (_, m) => variance(m) },
  ];
  const c = p.conditions;
  const land = c.landSecured ? (
    <Space size={4} wrap>
      <Tag color="success">已落实 · {LAND_PATH_ZH[c.landPath ?? ''] ?? '其他'}</Tag>
      {c.landReference && c.landPath !== 'none' && <Typography.Text type="secondary">{c.landReference}</Typography.Text>}
    </Space>
  ) : !c.landNeeded ? (
    <Tag>无需新增用地</Tag>
  ) : (
    <Tag>未落实</Tag>
  );
  return (
    <Card
      title={
        <Space wrap>
          <PageHeading title={p.name} />
          <StageTag stage={p.stage} />
        </Space>
      }
      extra={phone ? null : actions}
      styles={{ header: { flexWrap: 'wrap', rowGap: 8 } }}
    >
      {phone && actions && <div style={{ marginBottom: 12 }}>{actions}</div>}
      {(p.stage === 'SUSPENDED' || p.stage === 'TERMINATED') && (
        <Alert
          type={p.stage === 'SUSPENDED' ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          title={
            p.stage === 'SUSPENDED'
              ? `项目已暂停${p.stageBeforeSuspension ? `（暂停前：${stageName(p.stageBeforeSuspension)}）` : ''}：${p.statusReason ?? '未说明原因'}`
              : `项目已终止：${p.statusReason ?? '未说明原因'}`
          }
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'code', label: '项目代码', children: p.code },
          { key: 'enterprise', label: '企业', children: p.enterprise.name },
          { key: 'credit', label: '统一社会信用代码', children: p.enterprise.creditCode },
          { key: 'zone', label: '开发区', children: p.zoneName ?? p.zoneCode },
          { key: 'industry', label: '所属行业', children: <span data-testid="industry">{industryName(p.industryCode)}</span> },
          { key: 'type', label: '项目类型', children: PROJECT_TYPE_ZH[p.projectType] ?? '其他项目' },
          { key: 'total', label: '总投资', children: wan(p.totalInvestment) },
          { key: 'fixed', label: '固定资产投资', children: wan(p.fixedAssetInvestment) },
          { key: 'output', label: '预计年产值', children: wan(p.projectedAnnualOutput) },
          { key: 'actualOutput', label: '实际年产值', children: wan(p.actualAnnualOutput) },
          { key: 'land', label: '用地面积', children: p.landAreaMu ? `${amount.format(p.landAreaMu)} 亩` : '使用现有厂房' },
          { key: 'std', label: '标准地', children: p.usesStandardLand ? '是' : '否' },
          { key: 'agency', label: '全代办', children: p.wantsFullAgency ? '已申请' : '未申请' },
          { key: 'signed', label: '签约日期', children: p.signedOn },
          { key: 'round', label: '三个一批批次', children: dash(p.threeBatchesRound) },
          { key: 'permit', label: '施工许可 / 批复文号', children: dash(p.permitNumber) },
          { key: 'approvals', label: '审批', children: p.conditions.approvalsGranted ? <Tag color="success">已批复</Tag> : <Tag>未批复</Tag> },
          { key: 'landSecured', label: '用地', children: land },
          { key: 'acceptance', label: '对标验收', children: ACCEPTANCE_ZH[p.conditions.acceptance] ?? '—' },
          { key: 'fullProduction', label: '达产日期', children: dash(p.milestones.fullProduction.actual) },
          ...(c.landReview === 'not-needed' ? [] : [{ key: 'landReview', label: '标准地达产复核', children: LAND_REVIEW_ZH[c.landReview] }]),
          { key: 'contacts', label: '联系人', span: phone ? 1 : 2, children: p.contacts.map((c) => `${c.name} ${c.mobile}`).join('，') || '—' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        计划与实际
      </Typography.Title>
      {phone ? (
        <div data-testid="milestones">
          {rows.map((m) => (
            <div key={m.key} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Space size={[8, 0]} wrap>
                <Typography.Text strong>{m.name}</Typography.Text>
                {variance(m)}
              </Space>
              <div>
                <Typography.Text type="secondary">
                  计划 {dash(m.planned)}
                  {m.committed ? ` · 承诺 ${m.committed}` : ''}
                  {m.agreed ? ` · 约定 ${m.agreed}` : ''} · 实际 {dash(m.actual)}
                </Typography.Text>
              </div>
            </div>
          ))}
        </div>
      ) : (
        <Table rowKey="key" size="small" pagination={false} columns={columns} dataSource={rows} scroll={{ x: 'max-content' }} data-testid="milestones" />
      )}
    </Card>
  );
}
