import { Button, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { CreditRecordView } from '../../views';
import { chinaToday, tid } from '../../shared/format';
import { zhText } from '../../zh';
import { SEVERITY } from './credit';

/** An enterprise's credit records, newest first; officers record the rectification, then the repair once the minimum publicity is over. */
export function CreditRecordsTable({ records, officer, onAct }: { records: CreditRecordView[]; officer: boolean; onAct: (record: CreditRecordView, kind: 'rectify' | 'repair') => void }) {
  const today = chinaToday();
  const columns: TableColumnsType<CreditRecordView> = [
    {
      title: '等级',
      dataIndex: 'severity',
      width: 80,
      filters: [
        { text: '严重', value: 'serious' },
        { text: '重大', value: 'major' },
        { text: '一般', value: 'general' },
      ],
      onFilter: (v, r) => r.severity === v,
      render: (s: string) => <Tag color={SEVERITY[s]?.[1] ?? 'default'}>{SEVERITY[s]?.[0] ?? s}</Tag>,
    },
    { title: '失信事由', dataIndex: 'reason', render: (r: string) => zhText(r) },
    { title: '记录日期', dataIndex: 'recordedOn', width: 110, sorter: (a, b) => a.recordedOn.localeCompare(b.recordedOn) },
    { title: '整改期限', dataIndex: 'rectifyBy', width: 110, render: (d: string | null) => d ?? '—' },
    {
      title: '整改情况',
      key: 'rectified',
      filters: [
        { text: '已整改', value: 'done' },
        { text: '未整改', value: 'open' },
      ],
      onFilter: (v, r) => (v === 'done') === !!r.rectifiedOn,
      render: (_, r) =>
        r.rectifiedOn ? (
          <Space orientation="vertical" size={0}>
            <Tag color="success">{r.rectifiedOn} 已整改</Tag>
            {r.rectificationNote && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.rectificationNote}
              </Typography.Text>
            )}
          </Space>
        ) : r.rectifyBy && r.rectifyBy < today ? (
          <Tag color="error">逾期未整改</Tag>
        ) : (
          <Tag color="warning">未整改</Tag>
        ),
    },
    {
      title: '信用修复',
      key: 'repaired',
      render: (_, r) =>
        r.repairedOn ? (
          <Tag color="success">{r.repairedOn} 已修复</Tag>
        ) : r.repairableFrom && r.repairableFrom > today ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            最短公示期至 {r.repairableFrom}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.rectifiedOn ? '可申请修复' : '整改后可修复'}
          </Typography.Text>
        ),
    },
    { title: '关联案件', dataIndex: 'caseId', width: 100, render: (id: string) => <Link to={`/cases/${id}`}>查看案件</Link> },
  ];
  if (officer)
    columns.push({
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, r) =>
        !r.rectifiedOn ? (
          <Button size="small" type="primary" ghost data-testid={`rectify-${r.id}`} onClick={() => onAct(r, 'rectify')}>
            登记整改
          </Button>
        ) : !r.repairedOn ? (
          <Tooltip title={r.repairableFrom && r.repairableFrom > today ? `最短公示期未满，${r.repairableFrom} 起可修复` : ''}>
            <Button size="small" type="primary" ghost data-testid={`repair-${r.id}`} disabled={!!r.repairableFrom && r.repairableFrom > today} onClick={() => onAct(r, 'repair')}>
              信用修复
            </Button>
          </Tooltip>
        ) : null,
    });
  return (
    <Table<CreditRecordView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...records].reverse()}
      locale={{ emptyText: '暂无异常信用记录' }}
      onRow={(r) => tid(`credit-record-${r.id}`)}
      pagination={{ defaultPageSize: 10, showSizeChanger: true, showTotal: (t) => `共 ${t} 条` }}
    />
  );
}
