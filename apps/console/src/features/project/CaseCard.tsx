import { Card, Descriptions, Empty, Grid, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { CaseItemView, CaseView } from '../../views';
import { ErrorAlert } from '../../shared/errors';
import { CaseStatusTag, ItemStatusTag, RagTag } from '../../shared/tags';
import { DocumentLinks } from '../case/DocumentLinks';

/** A document's line: its text, and 查看 / 打印 once the case has issued it. */
const withDocument = (text: ReactNode, c: CaseView, kind: 'notice' | 'commitment' | 'decision', issued: boolean) =>
  issued ? (
    <Space size={4} wrap>
      {text}
      <DocumentLinks caseId={c.id} kind={kind} />
    </Space>
  ) : (
    text
  );

/** 审批事项: the project's 承诺制 case at a glance, with its 告知书, 承诺书 and 批复 to open and print; officers open the case to work on it. */
export function CaseCard({ kase, loading, error, officer }: { kase: CaseView | null | undefined; loading: boolean; error: unknown; officer: boolean }) {
  // On a phone: each item as one cell (code, name, department, status, due date), not a six-column table.
  const phone = !Grid.useBreakpoint().sm;
  const phoneColumns: TableColumnsType<CaseItemView> = [
    {
      title: '事项',
      key: 'item',
      render: (_, i) => (
        <Space orientation="vertical" size={2}>
          <span style={{ overflowWrap: 'anywhere' }}>
            <Typography.Text type="secondary">{i.itemCode}</Typography.Text> {i.name}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.department}
          </Typography.Text>
          <Space size={4} wrap>
            <ItemStatusTag status={i.status} name={i.statusName} />
            {i.promisedDueOn && <Typography.Text style={{ fontSize: 12 }}>承诺 {i.promisedDueOn} 办结</Typography.Text>}
            {i.rag && <RagTag rag={i.rag} />}
          </Space>
        </Space>
      ),
    },
  ];
  const columns: TableColumnsType<CaseItemView> = [
    {
      title: '事项',
      key: 'name',
      render: (_, i) => (
        <span>
          <Typography.Text type="secondary">{i.itemCode}</Typography.Text> {i.name}
        </span>
      ),
    },
    { title: '办理方式', dataIndex: 'regime', width: 90, render: (r: string) => (r === 'committable' ? <Tag color="cyan">承诺制</Tag> : <Tag>审批</Tag>) },
    { title: '部门', dataIndex: 'department' },
    {
      title: '状态',
      dataIndex: 'statusName',
      render: (name: string, i) => (
        <Space orientation="vertical" size={0}>
          <ItemStatusTag status={i.status} name={name} />
          {i.status === 'GRANTED_PENDING_DOCUMENTS' && i.supplyBy && <Typography.Text type="secondary" style={{ fontSize: 12 }}>补交期限 {i.supplyBy}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '承诺办结日',
      dataIndex: 'promisedDueOn',
      width: 150,
      render: (d: string, i) => (
        <Space size={4}>
          {d}
          {i.rag && <RagTag rag={i.rag} />}
        </Space>
      ),
    },
    { title: '法定办结日', dataIndex: 'legalDueOn', width: 110 },
  ];
  return (
    <Card title="审批事项" extra={kase && officer ? <Link to={`/cases/${kase.id}`}>办理案件</Link> : null} data-testid="case">
      <ErrorAlert error={error} />
      {loading && kase === undefined ? (
        <Spin />
      ) : !kase ? (
        error ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无审批案件" />
      ) : (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'status', label: '案件状态', children: <CaseStatusTag status={kase.status} name={kase.statusName} /> },
              { key: 'opened', label: '立案日期', children: kase.openedOn },
              { key: 'notice', label: '告知书', children: withDocument(kase.noticeNumber ? `${kase.noticeNumber}（${kase.noticeIssuedOn ?? ''}）` : '未发放', kase, 'notice', !!kase.noticeNumber) },
              {
                key: 'commitment',
                label: '承诺书',
                children: withDocument(
                  kase.commitment
                    ? `${kase.commitment.scope === 'all' ? '全部承诺' : '部分承诺'}，${kase.commitment.itemCodes.length} 项，${kase.commitment.submittedOn} 提交`
                    : kase.items.some((i) => i.procedure === 'ordinary')
                      ? '未作承诺（一般程序）'
                      : '未提交',
                  kase,
                  'commitment',
                  !!kase.commitment,
                ),
              },
              { key: 'publicity', label: '公示期', children: kase.publicityStartsOn ? `${kase.publicityStartsOn} 至 ${kase.publicityEndsOn ?? ''}` : '—' },
              { key: 'decision', label: '批复', children: withDocument(kase.decisionNumber ? `${kase.decisionNumber}（${kase.grantedOn ?? ''}）` : '—', kase, 'decision', !!kase.decisionNumber) },
            ]}
          />
          <Table<CaseItemView>
            rowKey="itemCode"
            size="small"
            columns={phone ? phoneColumns : columns}
            dataSource={kase.items}
            scroll={phone ? undefined : { x: 'max-content' }}
            locale={{ emptyText: '暂无审批事项' }}
            pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
          />
        </>
      )}
    </Card>
  );
}
