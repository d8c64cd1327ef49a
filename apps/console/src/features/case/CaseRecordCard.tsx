import { Card, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { CaseRecordEntryView, CaseView } from '../../views';
import { localTime, tid } from '../../shared/format';

const ACT_COLOR: Partial<Record<CaseRecordEntryView['act'], string>> = {
  grant: 'success',
  'grant-with-missing-documents': 'processing',
  'precheck-passed': 'success',
  'acceptance-passed': 'success',
  reject: 'error',
  'application-refused': 'error',
  revocation: 'error',
  'precheck-failed': 'warning',
  'acceptance-failed': 'warning',
  'request-corrections': 'warning',
};

/** 审查记录: every act with legal effect on the case, with its 审查意见, who took it and when (the service's record, oldest first). */
export function CaseRecordCard({ c }: { c: CaseView }) {
  const columns: TableColumnsType<CaseRecordEntryView> = [
    { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => localTime(at) },
    { title: '行为', dataIndex: 'actName', width: 130, render: (name: string, e) => <Tag color={ACT_COLOR[e.act] ?? 'default'}>{name}</Tag> },
    { title: '事项', key: 'item', width: 200, render: (_, e) => (e.itemCode ? `${e.itemCode} ${e.itemName ?? ''}` : '案件') },
    { title: '审查意见', dataIndex: 'opinion', render: (opinion: string) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{opinion}</Typography.Text> },
    {
      title: '审查人',
      key: 'actor',
      width: 180,
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span>{e.actorName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.actorRoleName}
          </Typography.Text>
        </Space>
      ),
    },
  ];
  return (
    <Card title={`审查记录（${c.record.length} 条）`} data-testid="case-record">
      {c.record.length ? (
        <Table<CaseRecordEntryView>
          rowKey={(e) => `${e.at}-${e.act}-${e.itemCode ?? ''}`}
          size="small"
          columns={columns}
          dataSource={c.record}
          onRow={() => tid('case-record-row')}
          pagination={c.record.length > 10 ? { pageSize: 10, size: 'small', showTotal: (t) => `共 ${t} 条` } : false}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无审查记录：发出告知书、预审、受理、决定、撤销和对标验收时填写的审查意见记录于此" />
      )}
    </Card>
  );
}
