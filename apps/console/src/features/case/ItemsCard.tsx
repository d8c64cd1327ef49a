import { Card, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { CaseItemView, CaseView } from '../../views';
import { tid } from '../../shared/format';
import { ItemStatusTag } from '../../shared/tags';
import type { CaseCommand } from './caseCommands';
import { ClockCell } from './ClockCell';
import { DecisionModal, type DecisionKind } from './DecisionModal';
import { itemActions } from './ItemActions';
import { ItemDetails } from './ItemDetails';
import { AcceptItemModal, RevokeItemModal } from './ItemActModals';
import { PauseModal } from './PauseModal';

const REGIME_ZH: Record<string, string> = { committable: '可承诺', approval: '须审批' };
const COVERAGE_ZH: Record<string, string> = { provisional: '按暂定节假日计算', 'weekends-only': '未含法定节假日（仅按周末计算）' };
const PROCEDURE_COLOR: Record<string, string> = { commitment: 'blue', approval: 'default', ordinary: 'purple' };

/** 审批事项: every item of the case, its clock and the item commands the user may take. */
export function ItemsCard({ c, loading, busy, act, maxMissingDocumentsWorkingDays }: { c: CaseView; loading: boolean; busy?: string; act: (command: CaseCommand) => void; maxMissingDocumentsWorkingDays?: number }) {
  const [decision, setDecision] = useState<{ kind: DecisionKind; item: CaseItemView }>();
  const [accepting, setAccepting] = useState<CaseItemView>();
  const [pausing, setPausing] = useState<CaseItemView>();
  const [revoking, setRevoking] = useState<CaseItemView>();
  const handlers = { busy, act, accept: setAccepting, decide: (kind: DecisionKind, item: CaseItemView) => setDecision({ kind, item }), pause: setPausing, revoke: setRevoking };

  const columns: TableColumnsType<CaseItemView> = [
    { title: '编码', dataIndex: 'itemCode', width: 70 },
    { title: '事项', dataIndex: 'name' },
    { title: '部门', dataIndex: 'department' },
    { title: '办理方式', dataIndex: 'procedureName', width: 110, render: (name: string, i) => <Tag color={PROCEDURE_COLOR[i.procedure ?? ''] ?? 'default'}>{i.procedure ? name : `${REGIME_ZH[i.regime] ?? i.regime}，待选择`}</Tag> },
    {
      title: '状态',
      dataIndex: 'statusName',
      render: (name: string, i) => (
        <Space orientation="vertical" size={2}>
          <ItemStatusTag status={i.status} name={name} />
          {i.blockedBy.length > 0 && (
            <Typography.Text type="warning" style={{ fontSize: 12 }} {...tid(`blocked-${i.itemCode}`)}>
              待前置：{i.blockedBy.map((b) => b.itemCode).join('、')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '承诺办结日',
      dataIndex: 'promisedDueOn',
      width: 120,
      render: (d: string | null, i) =>
        d ? (
          <Tooltip title={`自受理（${i.acceptedOn}）起 ${i.procedure === 'ordinary' ? i.legalLimitDays : i.promisedLimitDays} 个工作日${i.pausedWorkingDays ? `，另加暂停计时 ${i.pausedWorkingDays} 个工作日` : ''}${i.dueDateCoverage && COVERAGE_ZH[i.dueDateCoverage] ? `，${COVERAGE_ZH[i.dueDateCoverage]}` : ''}`}>
            <span>
              {d}
              {i.dueDateCoverage && COVERAGE_ZH[i.dueDateCoverage] ? ' *' : ''}
            </span>
          </Tooltip>
        ) : (
          <Tooltip title={`受理后计时：承诺 ${i.promisedLimitDays} / 法定 ${i.legalLimitDays} 个工作日`}>
            <Typography.Text type="secondary">—</Typography.Text>
          </Tooltip>
        ),
    },
    { title: '计时', key: 'clock', width: 210, render: (_, i) => <ClockCell item={i} /> },
    {
      title: '操作',
      key: 'actions',
      width: 300,
      render: (_, i) => {
        const actions = itemActions(i, handlers);
        return actions.length ? (
          <Space size={4} wrap>
            {actions}
          </Space>
        ) : (
          '—'
        );
      },
    },
  ];

  return (
    <Card title={`审批事项（${c.items.length} 项）`}>
      <Table<CaseItemView>
        rowKey="itemCode"
        size="middle"
        columns={columns}
        dataSource={c.items}
        loading={loading}
        locale={{ emptyText: '本案件没有审批事项' }}
        onRow={(i) => tid(`item-row-${i.itemCode}`)}
        expandable={{ expandedRowRender: (i) => <ItemDetails item={i} record={c.record.filter((e) => e.itemCode === i.itemCode)} />, expandRowByClick: false }}
        pagination={{ defaultPageSize: 10, showSizeChanger: true, showTotal: (t) => `共 ${t} 项`, hideOnSinglePage: false }}
      />
      {decision && <DecisionModal c={c} kind={decision.kind} item={decision.item} maxWorkingDays={maxMissingDocumentsWorkingDays} onClose={() => setDecision(undefined)} />}
      {accepting && <AcceptItemModal c={c} item={accepting} onClose={() => setAccepting(undefined)} />}
      {pausing && <PauseModal c={c} item={pausing} onClose={() => setPausing(undefined)} />}
      {revoking && <RevokeItemModal c={c} item={revoking} onClose={() => setRevoking(undefined)} />}
    </Card>
  );
}
